// The release version, given by CMake to this unit alone (core/CMakeLists.txt)
// so that bumping it recompiles one small file.
#include "journeysim/run_report.h"

namespace journeysim {

const char* journeysim_version() { return JOURNEYSIM_VERSION; }

}  // namespace journeysim
