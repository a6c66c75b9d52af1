// TOML++'s parser, compiled into the fuzzer with coverage instrumentation
// (see CMakeLists.txt): the one translation unit that defines the library.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
