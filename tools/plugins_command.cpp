// journeysim plugins: what channels are available and what they accept.
#include <cstdio>
#include <iostream>

#include "cli_common.h"
#include "commands.h"

namespace journeysim::cli {
namespace {

const char* type_name(js_param_type type) {
  switch (type) {
    case JS_PARAM_INTEGER:
      return "integer";
    case JS_PARAM_BOOLEAN:
      return "boolean";
    case JS_PARAM_NUMBER:
      break;
  }
  return "number";
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

int list(const ScenarioOptions& options) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(options));
  for (const ChannelPtr& channel : catalog.channels()) {
    const js_channel_descriptor& d = channel->descriptor();
    std::cout << d.name << " " << d.version << "  (" << channel->origin() << ")\n  "
              << (d.description ? d.description : "") << "\n  parameters:\n";
    for (uint32_t i = 0; i < d.param_count; ++i) {
      const js_param_spec& p = d.params[i];
      std::string range = p.type == JS_PARAM_BOOLEAN
                              ? "true|false"
                              : "[" + number(p.min_value) + ", " + number(p.max_value) + "]";
      std::string def = p.type == JS_PARAM_BOOLEAN ? (p.default_value != 0 ? "true" : "false")
                                                   : number(p.default_value);
      std::printf("    %-22s %-8s default %-8s %-18s %s\n", p.name, type_name(p.type),
                  def.c_str(), range.c_str(), p.description ? p.description : "");
    }
    std::cout << "  drop reasons:";
    for (uint32_t r = 0; r < d.reason_count; ++r) {
      std::cout << (r ? ", " : " ") << d.reasons[r].code;
    }
    std::cout << "\n\n" << std::flush;
  }
  return kOk;
}

}  // namespace

void add_plugins_command(CLI::App& app, std::function<int()>& action) {
  auto options = std::make_shared<ScenarioOptions>();
  CLI::App* cmd = app.add_subcommand("plugins", "List the channel plugins found and their parameters");
  cmd->footer("Example:\n  journeysim plugins --plugin-dir ./my-plugins");
  cmd->add_option("--plugin-dir", options->plugin_dirs,
                  "Also load channel plugins from this directory (repeatable)");
  cmd->callback([options, &action] { action = [options] { return list(*options); }; });
}

}  // namespace journeysim::cli
