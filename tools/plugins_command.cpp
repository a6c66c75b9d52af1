// journeysim plugins: what channels are available and what they accept.
#include "plugins_command.h"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <string>

#include "cli_common.h"

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

// printf's column formatting, into a string: the listing goes to the
// results stream (results_stdout.h), not to stdio's stdout. Measured first,
// so a long description is never cut.
__attribute__((format(printf, 1, 2))) std::string formatted(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  const int n = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string text(static_cast<size_t>(std::max(n, 0)) + 1, '\0');
  std::vsnprintf(text.data(), text.size(), format, again);
  va_end(again);
  text.pop_back();
  return text;
}

// One line per event: name, label, and "success" or the drop reasons that
// end in it.
std::string event_lines(const js_channel_descriptor& d, const ChannelEvents& events) {
  std::string out;
  for (uint32_t e = 0; e < events.size(); ++e) {
    std::string how;
    if (events.is_success(e)) {
      how = "success: continues along next";
    } else {
      for (uint32_t r = 0; r < d.reason_count; ++r) {
        if (events.reason_event(r) == e) {
          how += (how.empty() ? "<- " : ", ") + std::string(d.reasons[r].code);
        }
      }
    }
    out += formatted("    %-22s %-44s %s\n", events.names()[e].c_str(),
                     events.labels()[e].c_str(), how.c_str());
  }
  return out;
}

}  // namespace

int run_plugins(const PluginsArgs& args) {
  const PluginCatalog catalog = PluginCatalog::discover(plugin_directories(args.scenario_options));
  for (const ChannelPtr& channel : catalog.channels()) {
    const js_channel_descriptor& d = channel->descriptor();
    std::string out = std::string(d.name) + " " + d.version + "  (" + channel->origin() +
                      ")\n  " + (d.description ? d.description : "") + "\n  parameters:\n";
    for (uint32_t i = 0; i < d.param_count; ++i) {
      const js_param_spec& p = d.params[i];
      std::string range = p.type == JS_PARAM_BOOLEAN
                              ? "true|false"
                              : "[" + number(p.min_value) + ", " + number(p.max_value) + "]";
      std::string def = p.type == JS_PARAM_BOOLEAN ? (p.default_value != 0 ? "true" : "false")
                                                   : number(p.default_value);
      out += formatted("    %-22s %-8s default %-8s %-18s %s\n", p.name, type_name(p.type),
                       def.c_str(), range.c_str(), p.description ? p.description : "");
    }
    out += "  drop reasons:";
    for (uint32_t r = 0; r < d.reason_count; ++r) {
      out += (r ? ", " : " ") + std::string(d.reasons[r].code);
    }
    out += std::string("\n  events") +
           (channel->api_version() == JS_CHANNEL_API_VERSION_1 ? " (plugin API 1: named by the host)"
                                                               : "") +
           ":\n";
    out += event_lines(d, channel->events());
    write_stdout(out + "\n");
  }
  return kOk;
}

}  // namespace journeysim::cli
