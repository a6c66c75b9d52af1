// Discovering channel plugins: explicit directories only, sorted, one name
// per channel.
#include <sys/stat.h>

#include <algorithm>
#include <boost/dll/shared_library.hpp>

#include "journeysim/plugin_host.h"

namespace journeysim {
namespace {

void check_directory(const std::filesystem::path& dir) {
  const std::string where = dir.string();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw PluginError(SourceLocation{where, 0, 0},
                      "plugin directory does not exist or is not a directory");
  }
  struct stat info {};
  if (::stat(where.c_str(), &info) == 0 && (info.st_mode & S_IWOTH) != 0) {
    // Anyone could drop code into it that we would then run.
    throw PluginError(SourceLocation{where, 0, 0},
                      "plugin directory is writable by other users; refusing "
                      "to load code from it (chmod o-w it)");
  }
}

std::vector<std::filesystem::path> libraries_in(
    const std::filesystem::path& dir) {
  const std::string suffix = boost::dll::shared_library::suffix().string();
  std::vector<std::filesystem::path> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == suffix) {
      found.push_back(entry.path());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

PluginCatalog::PluginCatalog() {
  channels_.push_back(
      std::make_shared<const Channel>(&fixed_channel_descriptor(), "<built-in>"));
}

PluginCatalog PluginCatalog::discover(
    const std::vector<std::filesystem::path>& directories) {
  PluginCatalog catalog;
  std::vector<std::filesystem::path> seen;
  for (const auto& dir : directories) {
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(dir, ec);
    if (ec) {
      canonical = dir;
    }
    if (std::find(seen.begin(), seen.end(), canonical) != seen.end()) {
      continue;  // the same directory named twice is not a duplicate plugin
    }
    seen.push_back(canonical);
    check_directory(dir);
    for (const auto& file : libraries_in(dir)) {
      catalog.add(load_channel_library(file));
    }
  }
  return catalog;
}

void PluginCatalog::add(ChannelPtr channel) {
  if (auto existing = find(channel->name())) {
    throw PluginError(SourceLocation{channel->origin(), 0, 0},
                      "channel '" + channel->name() + "' is already provided by " +
                          existing->origin() + "; remove one of them");
  }
  auto at = std::lower_bound(
      channels_.begin(), channels_.end(), channel,
      [](const ChannelPtr& a, const ChannelPtr& b) { return a->name() < b->name(); });
  channels_.insert(at, std::move(channel));
}

ChannelPtr PluginCatalog::find(const std::string& name) const {
  for (const auto& channel : channels_) {
    if (channel->name() == name) {
      return channel;
    }
  }
  return nullptr;
}

std::vector<std::string> PluginCatalog::names() const {
  std::vector<std::string> names;
  for (const auto& channel : channels_) {
    names.push_back(channel->name());
  }
  return names;
}

}  // namespace journeysim
