// journeysim init: a starter journey of the chosen type, with comments that
// say what each key means, valid and runnable as written.
#include "init_command.h"

#include <filesystem>
#include <iostream>

#include "cli_common.h"
#include "init_templates.h"
#include "journeysim/output_file.h"
#include "journeysim/toml_text.h"

namespace journeysim::cli {
namespace {

const InitTemplate* find_template(const std::string& type) {
  for (const InitTemplate& t : init_templates()) {
    if (t.type == type) {
      return &t;
    }
  }
  return nullptr;
}

// The template with its [journey] name replaced by `name`: the first
// `name = ` line after the [journey] header (every template has one there).
std::string with_name(const std::string& text, const std::string& name) {
  const size_t journey = text.find("\n[journey]\n");
  const size_t line = text.find("\nname = ", journey);
  if (journey == std::string::npos || line == std::string::npos) {
    return text;
  }
  const size_t value = line + 8;
  const size_t end = text.find('\n', value);
  return text.substr(0, value) + toml_basic_string(name) + text.substr(end);
}

}  // namespace

std::string init_type_list() {
  std::string list;
  for (const InitTemplate& t : init_templates()) {
    list += (list.empty() ? "" : ", ") + t.type;
  }
  return list;
}

int run_init(const InitArgs& args) {
  const InitTemplate* chosen = find_template(args.type);
  if (chosen == nullptr) {
    std::cerr << "journeysim init: unknown journey type '" << args.type
              << "'; types: " << init_type_list() << "\n";
    return kBadInput;
  }
  const std::string text = args.name.empty() ? chosen->text : with_name(chosen->text, args.name);
  if (args.out.empty()) {
    write_stdout(text);
    return kOk;
  }
  std::error_code error;
  if (std::filesystem::exists(args.out, error) && !args.force) {
    std::cerr << "journeysim init: " << args.out
              << " already exists; pass --force to overwrite it\n";
    return kBadInput;
  }
  write_file_atomically(args.out, text);
  std::cerr << "journeysim init: wrote the " << chosen->type << " starter journey to " << args.out
            << "\n  next: journeysim validate " << args.out << " && journeysim run " << args.out
            << "\n";
  return kOk;
}

}  // namespace journeysim::cli
