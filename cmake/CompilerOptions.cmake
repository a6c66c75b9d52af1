# Warning and sanitizer flags shared by every target of the project.
add_library(journeysim_warnings INTERFACE)
target_compile_options(journeysim_warnings INTERFACE -Wall -Wextra -Wpedantic
  -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(JOURNEYSIM_WERROR)
  target_compile_options(journeysim_warnings INTERFACE -Werror)
endif()
# GCC 12 at -O3 reports impossible memcpy overlaps inside std::string
# concatenation (GCC bug 105329) and "maybe uninitialized" std::string members
# of aggregates built with {} (GCC bug 107138), which breaks Release builds
# with -Werror. Unoptimised (Debug, sanitizer) builds keep both warnings.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(journeysim_warnings INTERFACE
    $<$<CONFIG:Release,RelWithDebInfo>:-Wno-restrict -Wno-maybe-uninitialized>)
endif()

if(JOURNEYSIM_SANITIZE)
  string(REPLACE "," ";" _sanitizers "${JOURNEYSIM_SANITIZE}")
  foreach(_s IN LISTS _sanitizers)
    add_compile_options(-fsanitize=${_s})
    add_link_options(-fsanitize=${_s})
  endforeach()
  add_compile_options(-fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fno-sanitize-recover=all)
endif()

# Plugins are linked with --no-undefined so a missing symbol fails the build,
# not dlopen. clang links its sanitizer runtimes into executables only, and a
# sanitized plugin takes __asan_*/__ubsan_* from the executable that loads
# it, so that check is left to the unsanitized builds there.
set(JOURNEYSIM_PLUGIN_LINK_OPTIONS -Wl,--no-undefined)
if(JOURNEYSIM_SANITIZE AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(JOURNEYSIM_PLUGIN_LINK_OPTIONS "")
endif()
