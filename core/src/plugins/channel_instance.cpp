// A channel configured for one touchpoint; every call into plugin code is
// fenced so that an error status or an escaping exception becomes a
// PluginError naming the plugin and the touchpoint, and marked (PluginCall)
// so that a crash, an exit or a call that never returns is named too.
#include <array>
#include <exception>

#include "journeysim/plugin_host.h"
#include "plugins/plugin_call.h"

namespace journeysim {
namespace {

using ErrorBuffer = std::array<char, JS_ERROR_CAPACITY>;

std::string describe(const Channel& channel, const std::string& touchpoint) {
  return "plugin '" + channel.name() + "' " + channel.version() +
         " at touchpoint '" + touchpoint + "'";
}

std::string message_from(ErrorBuffer& buffer) {
  buffer.back() = '\0';  // the plugin may not have terminated it
  std::string text(buffer.data());
  return text.empty() ? "no message given" : text;
}

}  // namespace

ChannelInstance::ChannelInstance(ChannelPtr channel,
                                 const js_config_view& config)
    : channel_(std::move(channel)),
      touchpoint_(config.touchpoint_id),
      who_(channel_->origin() + ": error: " + describe(*channel_, touchpoint_)) {
  ErrorBuffer error{};
  js_status status = JS_ERROR;
  try {
    const PluginCall call(who_.c_str(), "configure");
    status = channel_->descriptor().configure(&config, &instance_, error.data());
  } catch (const std::exception& e) {
    fail(std::string("threw while configuring: ") + e.what());
  } catch (...) {
    fail("threw a non-standard exception while configuring");
  }
  if (status != JS_OK) {
    instance_ = nullptr;
    fail("rejected its parameters: " + message_from(error));
  }
}

ChannelInstance::~ChannelInstance() {
  if (instance_ != nullptr) {
    try {
      const PluginCall call(who_.c_str(), "destroy");
      channel_->descriptor().destroy(instance_);
    } catch (...) {
      // A destructor cannot report; the run's result is already decided.
    }
  }
}

void ChannelInstance::interact(const js_batch& batch, js_outcome* out) const {
  ErrorBuffer error{};
  js_status status = JS_ERROR;
  try {
    const PluginCall call(who_.c_str(), "interact");
    status = channel_->descriptor().interact(instance_, &batch, out,
                                             error.data());
  } catch (const std::exception& e) {
    fail(std::string("threw: ") + e.what());
  } catch (...) {
    fail("threw a non-standard exception");
  }
  if (status != JS_OK) {
    fail("reported an error: " + message_from(error));
  }
}

void ChannelInstance::fail(const std::string& problem) const {
  throw PluginError(SourceLocation{channel_->origin(), 0, 0},
                    describe(*channel_, touchpoint_) + " " + problem);
}

}  // namespace journeysim
