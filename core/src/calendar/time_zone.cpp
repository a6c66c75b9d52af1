#include "calendar/time_zone.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <sstream>

#include "calendar/civil_time.h"

namespace journeysim::calendar {
namespace {

namespace fs = std::filesystem;

constexpr int32_t kMaxOffsetSeconds = 18 * 3600;  // ISO 8601 and Java's bound

std::string offset_name(int32_t offset_seconds) {
  // "2027-01-01T00:00:00+07:00" ends in the offset's own spelling.
  const std::string stamp = format_timestamp(0, offset_seconds);
  return stamp.substr(stamp.size() - 6);
}

// "+07:00", "-05:30", "+0700", "+07": seconds east of UTC.
std::optional<int32_t> parse_offset(std::string_view s) {
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) {
    return std::nullopt;
  }
  const int sign = s[0] == '-' ? -1 : 1;
  std::string digits;
  for (size_t k = 1; k < s.size(); ++k) {
    if (s[k] >= '0' && s[k] <= '9') {
      digits += s[k];
    } else if (!(s[k] == ':' && k == 3)) {
      return std::nullopt;
    }
  }
  if (digits.size() != 2 && digits.size() != 4) {
    return std::nullopt;
  }
  if (s.size() == 6 && s[3] != ':') {
    return std::nullopt;
  }
  const int hours = std::stoi(digits.substr(0, 2));
  const int minutes = digits.size() == 4 ? std::stoi(digits.substr(2)) : 0;
  const int32_t seconds = hours * 3600 + minutes * 60;
  if (minutes > 59 || seconds > kMaxOffsetSeconds) {
    return std::nullopt;
  }
  return sign * seconds;
}

// Database names are relative paths of letters, digits, '_', '-', '+'
// and '/': anything else (a "..", a leading '/') cannot name a zone and
// must not reach the file system.
bool plausible_zone_name(std::string_view s) {
  if (s.empty() || s.front() == '/' || s.back() == '/' || s.find("..") != std::string_view::npos ||
      s.find("//") != std::string_view::npos) {
    return false;
  }
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '+' || c == '/';
  });
}

std::optional<std::string> read_file(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Every zone name in the database, for the "did you mean" of an unknown
// one: the TZif files below the directory, without the "posix/" and
// "right/" copies. Walked once, the first time a name is wrong: a hostile
// file with thousands of wrong names must not walk it thousands of times.
std::vector<std::string> list_zone_names() {
  std::vector<std::string> names;
  const fs::path root = zone_directory();
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string relative = it->path().lexically_relative(root).generic_string();
    if (it->is_directory(ec)) {
      if (relative == "posix" || relative == "right") {
        it.disable_recursion_pending();
      }
      continue;
    }
    std::ifstream in(it->path(), std::ios::binary);
    char magic[4] = {};
    if (in.read(magic, 4) && std::string_view(magic, 4) == "TZif" && relative != "posixrules" &&
        relative != "localtime") {
      names.push_back(relative);
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

const std::vector<std::string>& known_zone_names() {
  static const std::vector<std::string> names = list_zone_names();  // initialised once, thread-safe
  return names;
}

TimeZonePtr load_zone(std::string_view text, const SourceLocation& where) {
  const std::string name(text);
  if (name == "UTC" || name == "Z") {
    return std::make_shared<const TimeZone>(name, 0);
  }
  if (!name.empty() && (name[0] == '+' || name[0] == '-')) {
    const auto offset = parse_offset(name);
    if (!offset) {
      throw InputError(where, "time zone offset '" + name +
                                  "' is not of the form +07:00 or -05:30 (at most 18 hours)");
    }
    return std::make_shared<const TimeZone>(name, *offset);
  }
  const std::optional<std::string> bytes =
      plausible_zone_name(name) ? read_file(fs::path(zone_directory()) / name) : std::nullopt;
  if (!bytes) {
    throw InputError(where, "unknown time zone '" + name + "'" +
                                did_you_mean(name, known_zone_names()) +
                                "; give an IANA name such as \"Europe/Berlin\" or an offset "
                                "such as \"+07:00\" (zones are read from " +
                                zone_directory() + ")");
  }
  std::string error;
  std::optional<TzifZone> zone = parse_tzif(*bytes, error);
  if (!zone) {
    throw InputError(where, "time zone '" + name + "': cannot read " +
                                (fs::path(zone_directory()) / name).string() + ": " + error);
  }
  return std::make_shared<const TimeZone>(name, std::move(*zone));
}

}  // namespace

TimeZone::TimeZone(std::string name, int32_t offset_seconds)
    : name_(std::move(name)), rule_(offset_seconds) {}

TimeZone::TimeZone(std::string name, TzifZone zone)
    : name_(std::move(name)), rule_(std::move(zone)) {}

int32_t TimeZone::offset_seconds_at(UtcSeconds utc) const {
  if (const auto* fixed = std::get_if<int32_t>(&rule_)) {
    return *fixed;
  }
  return std::get<TzifZone>(rule_).offset_at(utc);
}

UtcSeconds TimeZone::utc_of_local(int64_t local_seconds) const {
  // Offsets a day either side: no zone changes its offset twice in two days.
  const int32_t before = offset_seconds_at(local_seconds - kSecondsPerDay);
  const int32_t after = offset_seconds_at(local_seconds + kSecondsPerDay);
  const UtcSeconds with_before = local_seconds - before;
  const UtcSeconds with_after = local_seconds - after;
  const bool before_holds = offset_seconds_at(with_before) == before;
  const bool after_holds = offset_seconds_at(with_after) == after;
  if (before_holds && after_holds) {
    return std::min(with_before,
                    with_after);  // the clock reads it twice: the first
  }
  if (before_holds || after_holds) {
    return before_holds ? with_before : with_after;
  }
  return with_before;  // skipped: the old offset moves it on by the gap
}

TimeZonePtr find_time_zone(std::string_view text, const SourceLocation& where) {
  static std::mutex mutex;
  static std::map<std::string, TimeZonePtr, std::less<>> cache;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    if (const auto it = cache.find(text); it != cache.end()) {
      return it->second;
    }
  }
  TimeZonePtr zone = load_zone(text, where);  // reading a file: outside the lock
  const std::lock_guard<std::mutex> lock(mutex);
  return cache.emplace(std::string(text), std::move(zone)).first->second;
}

TimeZonePtr fixed_offset_zone(int32_t offset_seconds) {
  return find_time_zone(offset_name(offset_seconds), SourceLocation{});
}

std::string zone_directory() {
  const char* dir = std::getenv("TZDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo";
}

std::string tzdb_version() {
  std::ifstream in(fs::path(zone_directory()) / "tzdata.zi");
  std::string line;
  if (in && std::getline(in, line) && line.rfind("# version ", 0) == 0) {
    return line.substr(10);
  }
  return "";
}

}  // namespace journeysim::calendar
