// Where a test finds the source tree, the build's plugins and the journeysim
// executable of this build (generated per build tree: build_paths.cpp.in).
#pragma once

#include <string>

namespace journeysim::testing {

/// The project's source tree (scenarios/, tests/data/ ...).
std::string source_dir();
/// tests/data in the source tree.
std::string test_data_dir();
/// The build's channel plugin directory (libjourneysim_<name>.so).
std::string plugin_dir();
/// The deliberately broken plugins, one folder each.
std::string broken_plugin_dir();
/// Where the browser tests leave their screenshots.
std::string screenshot_dir();
/// The journeysim executable of this build.
std::string journeysim_exe();

}  // namespace journeysim::testing
