// Loading channel libraries with Boost.DLL and checking what they export.
#include <boost/dll/shared_library.hpp>
#include <cmath>
#include <cstring>
#include <exception>
#include <sstream>

#include "journeysim/plugin_host.h"
#include "plugins/library_file_check.h"
#include "plugins/plugin_call.h"
#include "util/sha256.h"

namespace journeysim {
namespace {

[[noreturn]] void refuse(const std::string& origin, const std::string& why) {
  throw PluginError(SourceLocation{origin, 0, 0}, why);
}

bool is_channel_name(const char* name) {
  if (name == nullptr || *name == '\0' || std::strlen(name) > 64) {
    return false;
  }
  for (const char* c = name; *c != '\0'; ++c) {
    const bool ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
                    *c == '_' || *c == '-';
    if (!ok) {
      return false;
    }
  }
  return true;
}

void check_param(const js_param_spec& spec, uint32_t index,
                 const std::string& origin) {
  const std::string where = "parameter #" + std::to_string(index);
  if (spec.name == nullptr || *spec.name == '\0') {
    refuse(origin, where + " has no name");
  }
  const std::string name = "parameter '" + std::string(spec.name) + "'";
  if (spec.type != JS_PARAM_NUMBER && spec.type != JS_PARAM_INTEGER &&
      spec.type != JS_PARAM_BOOLEAN) {
    refuse(origin, name + " has an unknown type");
  }
  if (spec.type == JS_PARAM_BOOLEAN) {
    if (spec.default_value != 0.0 && spec.default_value != 1.0) {
      refuse(origin, name + " is boolean but its default is not 0 or 1");
    }
    return;
  }
  if (!std::isfinite(spec.min_value) || !std::isfinite(spec.max_value) ||
      !std::isfinite(spec.default_value) || spec.min_value > spec.max_value) {
    refuse(origin, name + " declares a range that is not finite and ordered");
  }
  if (spec.default_value < spec.min_value ||
      spec.default_value > spec.max_value) {
    std::ostringstream out;
    out << name << " has default " << spec.default_value
        << " outside its declared range [" << spec.min_value << ", "
        << spec.max_value << "]";
    refuse(origin, out.str());
  }
  if (spec.type == JS_PARAM_INTEGER &&
      spec.default_value != std::floor(spec.default_value)) {
    refuse(origin, name + " is an integer but its default is not whole");
  }
}

// The two leading fields are all that may be read before the version is
// known; the copy holds exactly the bytes the plugin's generation has.
js_channel_descriptor copy_by_version(const js_channel_descriptor* raw,
                                      const std::string& origin) {
  if (raw == nullptr) {
    refuse(origin, "entry point " JS_CHANNEL_ENTRY_NAME
                   " returned no descriptor (null)");
  }
  const uint32_t version = raw->api_version;
  if (version < JS_CHANNEL_API_VERSION_1 || version > JS_CHANNEL_API_VERSION) {
    refuse(origin, "wrong API version: plugin has " + std::to_string(version) +
                       ", this journeysim supports " +
                       std::to_string(JS_CHANNEL_API_VERSION_1) + " to " +
                       std::to_string(JS_CHANNEL_API_VERSION));
  }
  const size_t expected = version == JS_CHANNEL_API_VERSION_1
                              ? JS_CHANNEL_DESCRIPTOR_V1_SIZE
                              : sizeof(js_channel_descriptor);
  if (raw->struct_size != expected) {
    refuse(origin, "descriptor size is " + std::to_string(raw->struct_size) +
                       " bytes, expected " + std::to_string(expected) +
                       " for API version " + std::to_string(version) +
                       " (built against a different channel_sdk.h?)");
  }
  js_channel_descriptor copy{};
  std::memcpy(&copy, raw, expected);
  return copy;
}

}  // namespace

js_channel_descriptor read_descriptor(const js_channel_descriptor* raw,
                                      const std::string& origin) {
  const js_channel_descriptor copy = copy_by_version(raw, origin);
  const js_channel_descriptor* d = &copy;
  if (!is_channel_name(d->name)) {
    refuse(origin,
           "channel name must be 1-64 characters of a-z, 0-9, '_' or '-'");
  }
  const std::string channel = "channel '" + std::string(d->name) + "': ";
  if (d->version == nullptr || *d->version == '\0') {
    refuse(origin, channel + "no version string");
  }
  if (d->configure == nullptr || d->destroy == nullptr ||
      d->interact == nullptr) {
    refuse(origin, channel + "missing callback (configure, destroy and "
                             "interact are all required)");
  }
  if (d->uniforms_per_interaction > JS_MAX_UNIFORMS) {
    refuse(origin, channel + "asks for " +
                       std::to_string(d->uniforms_per_interaction) +
                       " uniforms per interaction; at most " +
                       std::to_string(JS_MAX_UNIFORMS) + " are supplied");
  }
  if (d->param_count > 0 && d->params == nullptr) {
    refuse(origin, channel + "declares parameters but gives no table");
  }
  for (uint32_t i = 0; i < d->param_count; ++i) {
    check_param(d->params[i], i, origin);
    for (uint32_t j = 0; j < i; ++j) {
      if (std::strcmp(d->params[i].name, d->params[j].name) == 0) {
        refuse(origin, channel + "parameter '" + d->params[i].name +
                           "' declared twice");
      }
    }
  }
  if (d->reason_count > 0 && d->reasons == nullptr) {
    refuse(origin, channel + "declares drop reasons but gives no table");
  }
  for (uint32_t i = 0; i < d->reason_count; ++i) {
    const js_drop_reason& r = d->reasons[i];
    if (r.code == nullptr || *r.code == '\0' || r.label == nullptr ||
        r.suggestion == nullptr) {
      refuse(origin, channel + "drop reason #" + std::to_string(i) +
                         " needs a code, a label and a suggestion");
    }
  }
  if (copy.api_version >= JS_CHANNEL_API_VERSION_2) {
    check_events(copy, origin);
  }
  return copy;
}

ChannelPtr load_channel_library(const std::filesystem::path& file) {
  const std::string origin = file.string();
  // Before dlopen maps anything: a truncated or foreign file is refused
  // here, with its path, instead of crashing the loader.
  check_library_file(file);
  // Its initialisers and entry point are plugin code: a crash or an exit
  // there is named too (journeysim/plugin_guard.h).
  const std::string who = origin + ": error: plugin library";
  // Fingerprinted before loading: the run manifest names the exact library.
  const std::optional<std::string> sha256 = util::sha256_file_hex(file);
  if (!sha256) {
    refuse(origin, "cannot read the library file");
  }
  auto library = std::make_shared<boost::dll::shared_library>();
  try {
    const PluginCall call(who.c_str(), "loading (its static initialisers, under dlopen)");
    // rtld_now: an unresolved symbol fails here, not in the middle of a run.
    library->load(boost::dll::fs::path(origin),
                  boost::dll::load_mode::rtld_now |
                      boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    refuse(origin, std::string("cannot load as a shared library: ") + e.what());
  }
  if (!library->has(JS_CHANNEL_ENTRY_NAME)) {
    refuse(origin, "not a journeysim channel: it exports no " 
                   JS_CHANNEL_ENTRY_NAME " entry point");
  }
  const js_channel_descriptor* descriptor = nullptr;
  try {
    auto& entry = library->get<const js_channel_descriptor*()>(
        JS_CHANNEL_ENTRY_NAME);
    const PluginCall call(who.c_str(), "its entry point " JS_CHANNEL_ENTRY_NAME);
    descriptor = entry();
  } catch (const std::exception& e) {
    refuse(origin, std::string("entry point failed: ") + e.what());
  } catch (...) {
    refuse(origin, "entry point threw a non-standard exception");
  }
  return std::make_shared<const Channel>(
      std::move(library), read_descriptor(descriptor, origin), file, *sha256);
}

Channel::Channel(std::shared_ptr<boost::dll::shared_library> library,
                 const js_channel_descriptor& descriptor,
                 std::filesystem::path origin, std::string library_sha256)
    : library_(std::move(library)),
      descriptor_(descriptor),
      events_(ChannelEvents::of(descriptor_)),
      origin_(origin.string()),
      library_sha256_(std::move(library_sha256)) {}

Channel::Channel(const js_channel_descriptor* descriptor, std::string origin)
    : descriptor_(read_descriptor(descriptor, origin)),
      events_(ChannelEvents::of(descriptor_)),
      origin_(std::move(origin)) {}

Channel::~Channel() = default;

int Channel::find_param(const std::string& name) const {
  for (uint32_t i = 0; i < descriptor_.param_count; ++i) {
    if (name == descriptor_.params[i].name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::vector<std::string> Channel::param_names() const {
  std::vector<std::string> names;
  for (uint32_t i = 0; i < descriptor_.param_count; ++i) {
    names.emplace_back(descriptor_.params[i].name);
  }
  return names;
}

}  // namespace journeysim
