// journeysim init: write a commented starter journey of a given type.
#pragma once

#include <string>

namespace journeysim::cli {

struct InitArgs {
  std::string type = "purchase";
  std::string name;  // "" keeps the template's name
  std::string out;   // "" writes to stdout
  bool force = false;
};

int run_init(const InitArgs& args);

/// The types init knows, "purchase, lead_generation, ..." (for --help).
std::string init_type_list();

}  // namespace journeysim::cli
