// Reading durations: the text of one ("1.5h"), and the fields of a wait's
// distribution table.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "steps/duration.h"

namespace journeysim {
namespace {

constexpr const char* kUnits = "s seconds, m minutes, h hours, d days, w weeks";

struct Unit {
  std::string_view name;
  double hours;
};
constexpr Unit kUnitHours[] = {{"s", 1.0 / 3600}, {"m", 1.0 / 60}, {"h", 1}, {"d", 24}, {"w", 168}};

// Spellings from prose and other tools, and the unit each one means.
struct LongUnit {
  std::string_view typed;
  std::string_view unit;
};
constexpr LongUnit kLongUnits[] = {
    {"sec", "s"},  {"secs", "s"}, {"second", "s"}, {"seconds", "s"}, {"min", "m"},   {"mins", "m"},
    {"minute", "m"}, {"minutes", "m"}, {"hr", "h"}, {"hrs", "h"},    {"hour", "h"},   {"hours", "h"},
    {"day", "d"},  {"days", "d"}, {"wk", "w"},     {"week", "w"},     {"weeks", "w"}, {"H", "h"},
    {"D", "d"},    {"W", "w"},    {"S", "s"},
};
constexpr std::string_view kVaryingUnits[] = {"M", "mo", "month", "months", "y", "yr", "year", "years"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The unit's hours, or an explanation of why `unit` is not one.
std::pair<double, std::string> unit_hours(std::string_view number, std::string_view unit) {
  for (const Unit& u : kUnitHours) {
    if (unit == u.name) {
      return {u.hours, ""};
    }
  }
  if (unit.empty()) {
    const std::string n(number);
    return {0, "no unit: write " + n + "s, " + n + "m, " + n + "h, " + n + "d or " + n + "w"};
  }
  if (unit.front() == ' ' || unit.front() == '\t') {
    return {0, "write the unit right after the number, without a space"};
  }
  for (const LongUnit& u : kLongUnits) {
    if (unit == u.typed) {
      return {0, "write '" + std::string(number) + std::string(u.unit) + "' (the unit is '" +
                     std::string(u.unit) + "')"};
    }
  }
  for (std::string_view varying : kVaryingUnits) {
    if (unit == varying) {
      return {0, "months and years vary in length: write days or weeks (e.g. 30d)"};
    }
  }
  return {0, "unknown unit '" + std::string(unit) + "' (units: " + kUnits + ")"};
}

void collect(std::vector<Diagnostic>& into, const InputError& error) {
  into.insert(into.end(), error.diagnostics().begin(), error.diagnostics().end());
}

struct DistributionKeys {
  std::string_view name;
  WaitDistribution distribution;
  std::vector<std::string_view> keys;
};

const std::vector<DistributionKeys>& distributions() {
  static const std::vector<DistributionKeys> kDistributions = {
      {"lognormal", WaitDistribution::Lognormal, {"median", "p90"}},
      {"exponential", WaitDistribution::Exponential, {"mean"}},
      {"uniform", WaitDistribution::Uniform, {"min", "max"}},
  };
  return kDistributions;
}

// Reads a table's fields one key at a time, keeping every problem.
class FieldReader {
 public:
  explicit FieldReader(const WaitDistributionFields& fields) : fields_(fields) {}

  const std::optional<WaitField>& field(std::string_view key) const {
    if (key == "median") {
      return fields_.median;
    }
    if (key == "p90") {
      return fields_.p90;
    }
    if (key == "mean") {
      return fields_.mean;
    }
    if (key == "min") {
      return fields_.min;
    }
    return fields_.max;
  }

  // The hours of a key the distribution needs, or nothing (and an error).
  std::optional<double> hours(const DistributionKeys& of, std::string_view key) {
    const std::optional<WaitField>& f = field(key);
    if (!f) {
      fail(fields_.table, "a " + std::string(of.name) + " wait needs " + std::string(key) +
                              " (e.g. " + std::string(key) + " = \"4h\")");
      return std::nullopt;
    }
    try {
      return parse_duration_hours(f->text, f->where);
    } catch (const InputError& error) {
      collect(diagnostics_, error);
      return std::nullopt;
    }
  }

  // Keys of other distributions that were given.
  void refuse_foreign_keys(const DistributionKeys& of) {
    for (std::string_view key : {"median", "p90", "mean", "min", "max"}) {
      const std::optional<WaitField>& f = field(key);
      bool belongs = false;
      for (std::string_view own : of.keys) {
        belongs = belongs || own == key;
      }
      if (f && !belongs) {
        std::string own_keys;
        for (std::string_view own : of.keys) {
          own_keys += (own_keys.empty() ? "" : " and ") + std::string(own);
        }
        fail(f->where, "'" + std::string(key) + "' is not a key of a " + std::string(of.name) +
                           " wait (it takes " + own_keys + ")");
      }
    }
  }

  void fail(const SourceLocation& where, std::string message) {
    diagnostics_.push_back(Diagnostic{where, std::move(message)});
  }

  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  const WaitDistributionFields& fields_;
  std::vector<Diagnostic> diagnostics_;
};

const DistributionKeys* find_distribution(FieldReader& reader, const WaitDistributionFields& fields) {
  if (!fields.distribution) {
    reader.fail(fields.table,
                "a wait's table needs distribution = \"lognormal\", \"exponential\" or \"uniform\"");
    return nullptr;
  }
  std::vector<std::string> names;
  for (const DistributionKeys& d : distributions()) {
    if (d.name == fields.distribution->text) {
      return &d;
    }
    names.emplace_back(d.name);
  }
  reader.fail(fields.distribution->where,
              "unknown distribution '" + fields.distribution->text + "'" +
                  did_you_mean(fields.distribution->text, names) +
                  "; distributions: lognormal, exponential, uniform");
  return nullptr;
}

}  // namespace

double parse_duration_hours(std::string_view text, const SourceLocation& where) {
  const auto fail = [&](const std::string& problem) -> double {
    throw InputError(where, "duration '" + std::string(text) + "': " + problem);
  };
  if (text.empty()) {
    fail("empty: write a number and a unit, e.g. \"2d\" (units: " + std::string(kUnits) + ")");
  }
  if (text.front() == '-') {
    fail("a duration cannot be negative");
  }
  if (text.front() == '.') {
    fail("write a digit before the point (0.5h, not .5h)");
  }
  size_t end = 0;
  while (end < text.size() && is_digit(text[end])) {
    ++end;
  }
  if (end == 0) {
    fail("not a duration: write a number and a unit, e.g. \"2d\" (units: " + std::string(kUnits) + ")");
  }
  if (end < text.size() && text[end] == '.') {
    ++end;
    if (end >= text.size() || !is_digit(text[end])) {
      fail("write a digit after the point (1.5h)");
    }
    while (end < text.size() && is_digit(text[end])) {
      ++end;
    }
  }
  const std::string_view number = text.substr(0, end);
  const auto [hours_per_unit, problem] = unit_hours(number, text.substr(end));
  if (!problem.empty()) {
    fail(problem);
  }
  double value = 0;
  const auto parsed = std::from_chars(number.data(), number.data() + number.size(), value);
  const double hours = value * hours_per_unit;
  if (parsed.ec != std::errc() || !std::isfinite(hours)) {
    fail("too large");
  }
  return hours;
}

WaitDuration fixed_wait(std::string_view text, const SourceLocation& where) {
  WaitDuration wait;
  wait.fixed_hours = parse_duration_hours(text, where);
  return wait;
}

WaitDuration wait_from_fields(const WaitDistributionFields& fields) {
  FieldReader reader(fields);
  WaitDuration wait;
  if (const DistributionKeys* of = find_distribution(reader, fields)) {
    wait.distribution = of->distribution;
    reader.refuse_foreign_keys(*of);
    switch (of->distribution) {
      case WaitDistribution::Lognormal: {
        const std::optional<double> median = reader.hours(*of, "median");
        const std::optional<double> p90 = reader.hours(*of, "p90");
        if (median && !(*median > 0)) {
          reader.fail(fields.median->where, "the median must be above zero");
        } else if (median && p90 && !(*p90 > *median)) {
          reader.fail(fields.p90->where, "p90 (" + fields.p90->text + ") must be above the median (" +
                                             fields.median->text + ")");
        } else if (median && p90) {
          wait.median_hours = *median;
          wait.p90_hours = *p90;
          wait.sigma = std::log(*p90 / *median) / kZ90;
        }
        break;
      }
      case WaitDistribution::Exponential: {
        const std::optional<double> mean = reader.hours(*of, "mean");
        if (mean && !(*mean > 0)) {
          reader.fail(fields.mean->where, "the mean must be above zero");
        } else if (mean) {
          wait.mean_hours = *mean;
        }
        break;
      }
      case WaitDistribution::Uniform: {
        const std::optional<double> min = reader.hours(*of, "min");
        const std::optional<double> max = reader.hours(*of, "max");
        if (min && max && !(*max > *min)) {
          reader.fail(fields.max->where, "max (" + fields.max->text + ") must be above min (" +
                                             fields.min->text + "); for a fixed wait write for = \"" +
                                             fields.min->text + "\"");
        } else if (min && max) {
          wait.min_hours = *min;
          wait.max_hours = *max;
        }
        break;
      }
      case WaitDistribution::Fixed:
        break;
    }
  }
  if (!reader.diagnostics().empty()) {
    throw InputError(std::move(reader.diagnostics()));
  }
  return wait;
}

std::string format_duration(double hours) {
  if (hours == 0) {
    return "0h";
  }
  for (auto it = std::rbegin(kUnitHours); it != std::rend(kUnitHours); ++it) {
    const double count = hours / it->hours;
    if (std::abs(count - std::round(count)) <= 1e-9 * std::max(1.0, std::abs(count))) {
      char text[40];
      std::snprintf(text, sizeof text, "%.0f", std::round(count));
      return std::string(text) + std::string(it->name);
    }
  }
  char text[40];
  std::snprintf(text, sizeof text, "%.6g", hours);
  return std::string(text) + "h";
}

std::string describe_wait(const WaitDuration& wait) {
  switch (wait.distribution) {
    case WaitDistribution::Fixed:
      return format_duration(wait.fixed_hours);
    case WaitDistribution::Lognormal:
      return "lognormal, median " + format_duration(wait.median_hours) + ", p90 " +
             format_duration(wait.p90_hours);
    case WaitDistribution::Exponential:
      return "exponential, mean " + format_duration(wait.mean_hours);
    case WaitDistribution::Uniform:
      return "uniform " + format_duration(wait.min_hours) + " to " + format_duration(wait.max_hours);
  }
  return "";
}

}  // namespace journeysim
