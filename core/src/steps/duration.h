// How long a `wait` step holds a customer: a fixed duration ("2d") or a
// distribution ({ distribution = "lognormal", median = "4h", p90 = "12h" }),
// read from text the loader has already taken out of the TOML, and drawn from
// one uniform by the inverse of its distribution function, so a draw is
// exact, deterministic and monotone in the uniform (common random numbers
// pair waits of different lengths).
//
// Duration text: a plain decimal number and a unit, no space between:
//   s seconds, m minutes, h hours, d days (24 h), w weeks (7 d)
// e.g. "90s", "30m", "1.5h", "2d", "1w". No months or years (their length
// varies), no exponents, no compound forms ("1d12h": write "36h").
//
// Zero: a fixed wait may be "0h" (a variant can switch a wait off); a
// distribution's median, mean and maximum must be above zero; p90 above the
// median; a uniform's maximum above its minimum, its minimum zero or more.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "journeysim/diagnostics.h"

namespace journeysim {

enum class WaitDistribution : uint8_t { Fixed, Lognormal, Exponential, Uniform };

/// A wait's duration in hours. Only the fields of its distribution are used.
struct WaitDuration {
  WaitDistribution distribution = WaitDistribution::Fixed;
  double fixed_hours = 0;
  double median_hours = 0, p90_hours = 0, sigma = 0;  // Lognormal
  double mean_hours = 0;                              // Exponential
  double min_hours = 0, max_hours = 0;                // Uniform
};

/// z of the standard normal distribution at 0.9: a lognormal's sigma is
/// ln(p90 / median) / kZ90.
inline constexpr double kZ90 = 1.2815515655446004;

/// The hours `text` says ("30m" -> 0.5). Throws InputError at `where`.
double parse_duration_hours(std::string_view text, const SourceLocation& where);

/// `for = "2d"`: a fixed wait. Throws InputError at `where`.
WaitDuration fixed_wait(std::string_view text, const SourceLocation& where);

/// A value the loader found in a wait's table, and where.
struct WaitField {
  std::string text;
  SourceLocation where;
};

/// The keys of a wait's distribution table, for the loader's unknown-key
/// check.
inline constexpr std::array<std::string_view, 6> kWaitDistributionKeys = {
    "distribution", "median", "p90", "mean", "min", "max"};

/// `for = { distribution = ..., ... }` as the loader found it: each key that
/// was present, as text (durations are strings: "4h").
struct WaitDistributionFields {
  SourceLocation table;  // the table itself, for a key that is missing
  std::optional<WaitField> distribution, median, p90, mean, min, max;
};

/// lognormal (median, p90), exponential (mean) or uniform (min, max). Throws
/// InputError listing every problem: a missing or unknown distribution, a
/// key it needs that is absent, a key that belongs to another distribution,
/// a bad duration, p90 not above the median, max not above min.
WaitDuration wait_from_fields(const WaitDistributionFields& fields);

/// A draw of the wait for a uniform `u` in [0, 1), in hours, by the inverse
/// distribution function: lognormal median * exp(sigma * z(u)); exponential
/// -mean * log1p(-u); uniform min + u * (max - min); fixed, its hours. So
/// u = 0.5 gives a lognormal's median exactly and u = 0.9 its p90 (to the
/// last few bits of z). `u` outside [0, 1) is clamped into it.
double sample_wait_hours(const WaitDuration& wait, double u) noexcept;

/// The expected wait in hours (lognormal: median * exp(sigma^2 / 2)).
double mean_wait_hours(const WaitDuration& wait) noexcept;

/// "2d", "lognormal, median 4h, p90 12h", "exponential, mean 2d",
/// "uniform 1h to 3h": for maps and tables.
std::string describe_wait(const WaitDuration& wait);

/// Hours in the largest unit that writes them as a whole number, else in
/// hours: 48 -> "2d", 0.5 -> "30m", 1.5 -> "90m", 0.01 -> "36s", 1.2345 -> "1.2345h".
std::string format_duration(double hours);

}  // namespace journeysim
