// The plugin host: finds channel plugins, loads them with Boost.DLL, checks
// their descriptors before trusting them, and keeps each library mapped for
// as long as anything made from it lives.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "journeysim/channel_events.h"
#include "journeysim/channel_sdk.h"
#include "journeysim/diagnostics.h"

namespace boost::dll {
class shared_library;
}

namespace journeysim {

/// A plugin could not be found, loaded or trusted, or failed while running.
/// It is bad input like any other (exit code 2); the location names the
/// plugin file, and the message names the plugin and the touchpoint.
class PluginError : public InputError {
 public:
  using InputError::InputError;
};

/// One channel: its checked descriptor and the library that holds its code.
class Channel {
 public:
  /// A channel whose code lives in a loaded library; `descriptor` has been
  /// through read_descriptor; `library_sha256` is the SHA-256 of the
  /// library file's bytes.
  Channel(std::shared_ptr<boost::dll::shared_library> library,
          const js_channel_descriptor& descriptor,
          std::filesystem::path origin, std::string library_sha256);
  /// A channel compiled into the core (the built-in `fixed` channel);
  /// checked like a plugin's descriptor.
  Channel(const js_channel_descriptor* descriptor, std::string origin);
  ~Channel();
  Channel(const Channel&) = delete;
  Channel& operator=(const Channel&) = delete;

  /// The descriptor, copied at load into the current API's full layout (a
  /// version-1 plugin's has null event fields: use events()).
  const js_channel_descriptor& descriptor() const { return descriptor_; }
  /// The plugin API version the channel was built for (1 or 2).
  uint32_t api_version() const { return descriptor_.api_version; }
  /// The events its interactions end in (a version-1 plugin's synthesized).
  const ChannelEvents& events() const { return events_; }
  std::string name() const { return descriptor_.name; }
  std::string version() const { return descriptor_.version; }
  /// The library's path, or "<built-in>".
  const std::string& origin() const { return origin_; }
  /// True for a channel compiled into journeysim (no library file).
  bool built_in() const { return library_ == nullptr; }
  /// SHA-256 of the library file as loaded (64 hex digits); "" when built in.
  const std::string& library_sha256() const { return library_sha256_; }
  /// Index of the declared parameter with this name, or -1.
  int find_param(const std::string& name) const;
  std::vector<std::string> param_names() const;

 private:
  // Declared first so it is destroyed last: the descriptor points into it.
  std::shared_ptr<boost::dll::shared_library> library_;
  js_channel_descriptor descriptor_;
  ChannelEvents events_;
  std::string origin_;
  std::string library_sha256_;
};
using ChannelPtr = std::shared_ptr<const Channel>;

/// A channel configured for one touchpoint. Holds its Channel (and so the
/// library) so the instance can always be destroyed by the code that made it.
class ChannelInstance {
 public:
  /// Calls the channel's `configure`; throws PluginError naming the plugin
  /// and the touchpoint if it fails or throws.
  ChannelInstance(ChannelPtr channel, const js_config_view& config);
  ~ChannelInstance();
  ChannelInstance(const ChannelInstance&) = delete;
  ChannelInstance& operator=(const ChannelInstance&) = delete;

  const Channel& channel() const { return *channel_; }
  const std::string& touchpoint() const { return touchpoint_; }

  /// Calls the channel's `interact` for a batch; turns an error status or an
  /// escaping exception into PluginError. Outcomes are checked by the caller.
  void interact(const js_batch& batch, js_outcome* out) const;

  /// The message for a bad outcome field, naming plugin and touchpoint.
  [[noreturn]] void fail(const std::string& problem) const;

 private:
  ChannelPtr channel_;  // declared before instance_: outlives it
  void* instance_ = nullptr;
  std::string touchpoint_;
  // "<library>: error: plugin 'x' 1.0 at touchpoint 'y'": what the plugin
  // guard prints if a call never comes back (journeysim/plugin_guard.h).
  std::string who_;
};
using ChannelInstancePtr = std::unique_ptr<ChannelInstance>;

/// Loads one library and checks its descriptor. Throws PluginError.
ChannelPtr load_channel_library(const std::filesystem::path& file);

/// Checks a descriptor before anything else reads it — API version and size
/// first, then every declared field, then (version 2) the event table — and
/// returns a copy in the current API's full layout: a version-1 plugin's
/// `struct_size` bytes, the rest zero, so nothing reads past its struct.
/// Throws PluginError naming `origin`.
js_channel_descriptor read_descriptor(const js_channel_descriptor* descriptor,
                                      const std::string& origin);

/// The channels available to a run: the built-in ones plus every plugin found
/// in the given directories (scanned in sorted order; one name, one channel).
class PluginCatalog {
 public:
  /// Only the built-in channels.
  PluginCatalog();
  /// Built-ins plus every shared library in `directories`. Throws
  /// PluginError for a directory that is missing or writable by others, a
  /// library that fails to load, or two channels with the same name.
  static PluginCatalog discover(
      const std::vector<std::filesystem::path>& directories);

  /// Adds a channel; throws PluginError if its name is taken.
  void add(ChannelPtr channel);
  /// The channel with this name, or nullptr.
  ChannelPtr find(const std::string& name) const;
  std::vector<std::string> names() const;
  /// All channels, sorted by name.
  const std::vector<ChannelPtr>& channels() const { return channels_; }

 private:
  std::vector<ChannelPtr> channels_;
};

/// The descriptor of the built-in `fixed` channel.
const js_channel_descriptor& fixed_channel_descriptor();

}  // namespace journeysim
