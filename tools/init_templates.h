// The starter journeys `journeysim init` writes, one per journey type, built
// into the executable from tools/templates/<type>.toml.
#pragma once

#include <string>
#include <vector>

namespace journeysim::cli {

struct InitTemplate {
  std::string type;  // "purchase", "lead_generation", ...
  std::string text;  // the commented TOML, valid as written
};

/// In the order `init --help` lists them.
const std::vector<InitTemplate>& init_templates();

}  // namespace journeysim::cli
