// One streaming pass over an event log: counts per touchpoint and per
// transition, and one small record per customer until the end of the file
// (a customer's last event is only known then).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string_view>
#include <unordered_map>

#include "journeysim/calibrate.h"

namespace journeysim {
namespace {

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
struct Equal {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};
template <typename T>
using NameMap = std::unordered_map<std::string, T, Hash, Equal>;

struct Customer {
  double first = 0.0, last = 0.0, convert = -1.0;
  uint32_t last_tp = 0, segment = 0, steps = 0;
  bool last_converted = false;
  uint64_t seen_small = 0;             // touchpoints 0..63
  std::vector<uint32_t> seen_large;    // touchpoints 64 and up
};

size_t gap_bin(double seconds) {
  if (seconds < 1.0) {
    return 0;
  }
  const auto bin = static_cast<size_t>(std::floor(4.0 * std::log2(seconds))) + 1;
  return std::min<size_t>(bin, kGapBins - 1);
}

}  // namespace

double TransitionStats::gap_quantile_hours(double p) const {
  uint64_t total = 0;
  for (uint64_t b : bins) {
    total += b;
  }
  if (total == 0) {
    return 0.0;
  }
  const auto rank = static_cast<uint64_t>(std::ceil(p * static_cast<double>(total)));
  uint64_t seen = 0;
  for (size_t k = 0; k < kGapBins; ++k) {
    seen += bins[k];
    if (seen >= std::max<uint64_t>(rank, 1)) {
      const double middle =
          k == 0 ? 0.5 : std::exp2((static_cast<double>(k) - 0.5) / 4.0);
      return middle / 3600.0;
    }
  }
  return 0.0;
}

void SegmentStats::merge(const SegmentStats& other) {
  customers += other.customers;
  converted += other.converted;
  events += other.events;
  if (touchpoints.size() < other.touchpoints.size()) {
    touchpoints.resize(other.touchpoints.size());
  }
  for (size_t k = 0; k < other.touchpoints.size(); ++k) {
    TouchpointStats& a = touchpoints[k];
    const TouchpointStats& b = other.touchpoints[k];
    a.visits += b.visits;
    a.reached += b.reached;
    a.entries += b.entries;
    a.ends += b.ends;
    a.finishes += b.finishes;
    a.conversions += b.conversions;
    a.revenue += b.revenue;
  }
  for (const auto& [key, t] : other.transitions) {
    TransitionStats& a = transitions[key];
    a.count += t.count;
    a.gap_sum += t.gap_sum;
    a.gap_min = std::min(a.gap_min, t.gap_min);
    for (size_t k = 0; k < kGapBins; ++k) {
      a.bins[k] += t.bins[k];
    }
  }
  for (const auto& [length, n] : other.path_lengths) {
    path_lengths[length] += n;
  }
  convert_hours.insert(convert_hours.end(), other.convert_hours.begin(),
                       other.convert_hours.end());
  std::sort(convert_hours.begin(), convert_hours.end());
  max_span_hours = std::max(max_span_hours, other.max_span_hours);
}

SegmentStats LogSummary::pooled() const {
  SegmentStats all;
  all.name = "all";
  all.touchpoints.resize(touchpoints.size());
  for (const SegmentStats& s : segments) {
    all.merge(s);
  }
  return all;
}

class LogAccumulator::Impl {
 public:
  explicit Impl(BadRows& bad) : bad_(bad) {}

  void add(const LogEvent& e) {
    const uint32_t tp = intern_touchpoint(e.touchpoint);
    const uint32_t seg = intern_segment(summary_.has_segments ? e.segment : std::string_view());
    if (!e.channel.empty()) {
      ++channel_counts_[tp][std::string(e.channel)];
    }
    auto it = customers_.find(e.customer);
    if (it == customers_.end()) {
      it = customers_.emplace(std::string(e.customer), Customer{}).first;
      Customer& c = it->second;
      c.first = c.last = e.seconds;
      c.segment = seg;
      SegmentStats& s = stats(seg);
      ++s.customers;
      ++s.touchpoints[tp].entries;
    } else {
      Customer& c = it->second;
      if (c.segment != seg) {
        bad_.add(e.line, 1,
                 "customer '" + std::string(e.customer.substr(0, 64)) + "' changes segment from '" +
                     summary_.segments[c.segment].name + "' to '" + std::string(e.segment) + "'");
        return;
      }
      if (e.seconds < c.last) {
        bad_.add(e.line, e.timestamp_column,
                 "out of order: earlier than customer '" + std::string(e.customer.substr(0, 64)) +
                     "''s previous event at " + format_timestamp(c.last));
        return;
      }
      TransitionStats& t = stats(seg).transitions[{c.last_tp, tp}];
      const double gap = e.seconds - c.last;
      ++t.count;
      t.gap_sum += gap;
      t.gap_min = std::min(t.gap_min, gap);
      ++t.bins[gap_bin(gap)];
    }
    Customer& c = it->second;
    SegmentStats& s = stats(seg);
    TouchpointStats& here = s.touchpoints[tp];
    ++here.visits;
    ++s.events;
    if (first_visit(c, tp)) {
      ++here.reached;
    }
    if (e.converted) {
      ++here.conversions;
      if (c.convert < 0) {
        c.convert = e.seconds;
      }
    }
    here.revenue += e.revenue;
    ++c.steps;
    c.last = e.seconds;
    c.last_tp = tp;
    c.last_converted = e.converted;
  }

  // The counts are whole (summarize_path_log checks).
  void add_path(const PathRow& row) {
    const auto conversions = static_cast<uint64_t>(row.conversions);
    const auto nulls = static_cast<uint64_t>(row.nulls);
    const uint64_t n = conversions + nulls;
    if (n == 0) {
      return;
    }
    SegmentStats& s = stats(intern_segment({}));
    std::vector<uint32_t> steps;
    for (const std::string& step : row.steps) {
      steps.push_back(intern_touchpoint(step));
    }
    s.customers += n;
    s.converted += conversions;
    s.events += n * steps.size();
    stats(0).touchpoints[steps.front()].entries += n;
    std::vector<uint32_t> distinct = steps;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    SegmentStats& st = stats(0);
    for (uint32_t tp : distinct) {
      st.touchpoints[tp].reached += n;
    }
    for (size_t k = 0; k < steps.size(); ++k) {
      st.touchpoints[steps[k]].visits += n;
      if (k > 0) {
        st.transitions[{steps[k - 1], steps[k]}].count += n;
      }
    }
    st.touchpoints[steps.back()].ends += nulls;
    st.path_lengths[static_cast<uint32_t>(steps.size())] += n;
    if (conversions > 0) {
      const uint32_t conv = intern_touchpoint(kConversionStepName);
      TouchpointStats& c = stats(0).touchpoints[conv];
      c.visits += conversions;
      c.reached += conversions;
      c.conversions += conversions;
      c.ends += conversions;
      c.finishes += conversions;
      c.revenue += row.value;
      stats(0).transitions[{steps.back(), conv}].count += conversions;
    }
  }

  LogSummary finish() {
    for (auto& [id, c] : customers_) {
      SegmentStats& s = stats(c.segment);
      TouchpointStats& last = s.touchpoints[c.last_tp];
      ++last.ends;
      if (c.last_converted) {
        ++last.finishes;
      }
      ++s.path_lengths[c.steps];
      s.max_span_hours = std::max(s.max_span_hours, (c.last - c.first) / 3600.0);
      if (c.convert >= 0) {
        ++s.converted;
        s.convert_hours.push_back((c.convert - c.first) / 3600.0);
      }
    }
    customers_.clear();
    for (SegmentStats& s : summary_.segments) {
      s.touchpoints.resize(summary_.touchpoints.size());
      std::sort(s.convert_hours.begin(), s.convert_hours.end());
    }
    summary_.channels.assign(summary_.touchpoints.size(), "");
    for (size_t tp = 0; tp < channel_counts_.size(); ++tp) {
      uint64_t best = 0;
      for (const auto& [name, count] : channel_counts_[tp]) {  // ties: first by name
        if (count > best) {
          best = count;
          summary_.channels[tp] = name;
        }
      }
    }
    return std::move(summary_);
  }

  LogSummary summary_;

 private:
  SegmentStats& stats(uint32_t seg) {
    SegmentStats& s = summary_.segments[seg];
    if (s.touchpoints.size() < summary_.touchpoints.size()) {
      s.touchpoints.resize(summary_.touchpoints.size());
    }
    return s;
  }

  uint32_t intern_touchpoint(std::string_view name) {
    auto it = touchpoint_index_.find(name);
    if (it != touchpoint_index_.end()) {
      return it->second;
    }
    const auto index = static_cast<uint32_t>(summary_.touchpoints.size());
    summary_.touchpoints.emplace_back(name);
    touchpoint_index_.emplace(std::string(name), index);
    channel_counts_.emplace_back();
    return index;
  }

  uint32_t intern_segment(std::string_view name) {
    if (name.empty() && !summary_.has_segments) {
      name = "everyone";
    }
    auto it = segment_index_.find(name);
    if (it != segment_index_.end()) {
      return it->second;
    }
    const auto index = static_cast<uint32_t>(summary_.segments.size());
    summary_.segments.emplace_back();
    summary_.segments.back().name = std::string(name.empty() ? "(none)" : name);
    segment_index_.emplace(std::string(name), index);
    return index;
  }

  static bool first_visit(Customer& c, uint32_t tp) {
    if (tp < 64) {
      const uint64_t bit = uint64_t{1} << tp;
      const bool first = (c.seen_small & bit) == 0;
      c.seen_small |= bit;
      return first;
    }
    if (std::find(c.seen_large.begin(), c.seen_large.end(), tp) != c.seen_large.end()) {
      return false;
    }
    c.seen_large.push_back(tp);
    return true;
  }

  BadRows& bad_;
  NameMap<Customer> customers_;
  NameMap<uint32_t> touchpoint_index_, segment_index_;
  std::vector<std::map<std::string, uint64_t>> channel_counts_;
};

LogAccumulator::LogAccumulator(BadRows& bad) : impl_(std::make_unique<Impl>(bad)) {}
LogAccumulator::~LogAccumulator() = default;
void LogAccumulator::add(const LogEvent& event) { impl_->add(event); }
void LogAccumulator::add_path(const PathRow& row) { impl_->add_path(row); }
void LogAccumulator::set_columns(bool segments, bool timestamps, bool conversion, bool revenue) {
  impl_->summary_.has_segments = segments;
  impl_->summary_.has_timestamps = timestamps;
  impl_->summary_.has_conversion = conversion;
  impl_->summary_.has_revenue = revenue;
}
LogSummary LogAccumulator::finish() { return impl_->finish(); }

LogSummary summarize_event_log(std::istream& in, const std::string& file,
                               const EventLogOptions& options, BadRows& bad) {
  EventLogReader reader(in, file, options, bad);
  LogAccumulator accumulator(bad);
  accumulator.set_columns(reader.has_segment(), true, reader.has_conversion(),
                          reader.has_revenue());
  LogEvent event;
  while (reader.next(event)) {
    accumulator.add(event);
  }
  return accumulator.finish();
}

LogSummary summarize_path_log(std::istream& in, const std::string& file,
                              const PathLogColumns& columns, BadRows& bad) {
  LogAccumulator accumulator(bad);
  accumulator.set_columns(false, false, true, true);
  // A fitted journey counts customers: its counts are whole (a fraction of
  // a customer would have no path to walk).
  auto whole = [&](const PathRow& row, double count, uint32_t column, const char* what) {
    if (count == std::floor(count)) {  // the reader keeps counts within 2^53
      return true;
    }
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.6g", count);
    bad.add(row.line, column,
            std::string(what) + " " + shown +
                ": expected a whole number (a fit counts customers; "
                "attribute --paths reads fractional counts)");
    return false;
  };
  read_path_log(in, file, columns, bad, [&](const PathRow& row) {
    if (whole(row, row.conversions, row.conversions_column, "conversions") &&
        whole(row, row.nulls, row.nulls_column, "nulls")) {
      accumulator.add_path(row);
    }
  });
  return accumulator.finish();
}

}  // namespace journeysim
