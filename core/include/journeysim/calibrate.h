// Calibration: an event log summarised in one streaming pass, and a journey
// of `fixed` touchpoints fitted to the summary (docs/calibrate.md).
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "journeysim/event_log.h"

namespace journeysim {

/// Gaps between events in quarter-octave bins of seconds: bin 0 < 1 s, bin k
/// [2^((k-1)/4), 2^(k/4)) s, up to 2^48 s; quantiles read from them are
/// within 19% of the true value.
inline constexpr size_t kGapBins = 1 + 4 * 48;

struct TransitionStats {
  uint64_t count = 0;
  double gap_sum = 0.0;  // seconds
  double gap_min = std::numeric_limits<double>::infinity();
  std::array<uint64_t, kGapBins> bins{};
  /// Nearest-rank p-quantile of the gaps, in hours (bin's geometric middle).
  double gap_quantile_hours(double p) const;
};

struct TouchpointStats {
  uint64_t visits = 0;       // events here
  uint64_t reached = 0;      // customers with at least one event here
  uint64_t entries = 0;      // customers whose first event is here
  uint64_t ends = 0;         // customers whose last event is here
  uint64_t finishes = 0;     // ... of which that last event converted
  uint64_t conversions = 0;  // converting events here
  double revenue = 0.0;
};

/// Everything calibration and validation need about one group of customers.
struct SegmentStats {
  std::string name;
  uint64_t customers = 0, converted = 0, events = 0;
  std::vector<TouchpointStats> touchpoints;  // by touchpoint index
  std::map<std::pair<uint32_t, uint32_t>, TransitionStats> transitions;  // (from, to)
  std::map<uint32_t, uint64_t> path_lengths;  // events per customer -> customers
  std::vector<double> convert_hours;          // first event to first conversion
  double max_span_hours = 0.0;

  void merge(const SegmentStats& other);
};

struct LogSummary {
  std::vector<std::string> touchpoints;  // names, in order of first appearance
  std::vector<std::string> channels;     // most frequent channel of each ("" none)
  std::vector<SegmentStats> segments;    // in order of first appearance
  bool has_segments = false, has_timestamps = true, has_conversion = false;
  bool has_revenue = false;
  /// All segments together.
  SegmentStats pooled() const;
};

/// Builds a LogSummary from events in file order. Memory: one small record
/// per distinct customer (its last touchpoint and time, which touchpoints it
/// has seen), plus the counts; never the events themselves.
class LogAccumulator {
 public:
  explicit LogAccumulator(BadRows& bad);
  ~LogAccumulator();
  LogAccumulator(const LogAccumulator&) = delete;
  LogAccumulator& operator=(const LogAccumulator&) = delete;

  /// One event; an event earlier than the customer's previous one, or with
  /// another segment than the customer's first, is a bad row.
  void add(const LogEvent& event);
  /// One row of the path format: conversions + nulls customers walking
  /// `steps`; converting ones go on to the "(conversion)" step.
  void add_path(const PathRow& row);
  void set_columns(bool segments, bool timestamps, bool conversion, bool revenue);
  /// Closes every customer and returns the summary.
  LogSummary finish();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

/// The step calibrate adds after the last touch of converting paths in the
/// path format (conversion is not a touch there).
inline constexpr const char* kConversionStepName = "(conversion)";

/// Reads a CSV event log whole (streaming) into a summary.
LogSummary summarize_event_log(std::istream& in, const std::string& file,
                               const EventLogOptions& options, BadRows& bad);
/// Reads a path file into a summary.
LogSummary summarize_path_log(std::istream& in, const std::string& file,
                              const PathLogColumns& columns, BadRows& bad);

struct FittedEdge {
  uint32_t to = 0;
  uint64_t count = 0;
  double delay_hours = 0.0;          // mean of the exponential gap part
  double p10 = 0, p50 = 0, p90 = 0;  // observed gap quantiles, hours
};

struct FittedTouchpoint {
  std::string id, name, via;
  uint64_t visits = 0;
  double entry = 0.0, drop = 0.0, hours = 0.0, value = 0.0;
  bool exit = false, converts = false;
  std::vector<FittedEdge> next;
};

struct FittedJourney {
  std::string name, source;
  uint64_t customers = 0, events = 0, bad_rows = 0;
  std::vector<std::pair<std::string, double>> personas;  // id -> share
  std::vector<FittedTouchpoint> touchpoints;
  double horizon_days = 1.0;
  uint32_t max_steps = 200;
  uint64_t agents = 0;
};

/// Fits the journey of one segment (its index) or of all (segment < 0).
/// Throws InputError (naming `file`) when nothing converts or nothing was read.
FittedJourney fit_journey(const LogSummary& summary, int segment, const std::string& file);

/// The fitted journey as a scenario file that `journeysim validate` accepts.
std::string render_fitted_toml(const FittedJourney& journey);

/// A touchpoint id made of [A-Za-z0-9_-] from any text.
std::string touchpoint_id(const std::string& name);

}  // namespace journeysim
