#include "calendar/arrival_schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "calendar/civil_time.h"

namespace journeysim::calendar {
namespace {

// The local weekday (0 = Monday) and hour of the instant `hours` after start.
struct LocalHour {
  size_t weekday = 0;
  size_t hour = 0;
};

LocalHour local_hour(UtcSeconds start, const TimeZone& zone, double hours) {
  const UtcSeconds utc = instant_after(start, hours);
  const int64_t local = utc + zone.offset_seconds_at(utc);
  const int64_t day = floor_div(local, kSecondsPerDay);
  return {static_cast<size_t>(weekday_from_days(day)),
          static_cast<size_t>((local - day * kSecondsPerDay) / 3600)};
}

std::string days_text(double hours) {
  return std::to_string(static_cast<long long>(std::ceil(hours / 24.0)));
}

std::string hours_text(double hours) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", hours);
  return buffer;
}

// The bin edges from 0 to `end`: every local clock hour, and `extra`.
std::vector<double> bin_edges(UtcSeconds start, const TimeZone& zone, double end,
                              std::vector<double> extra) {
  std::vector<double> edges = std::move(extra);
  const int64_t local = start + zone.offset_seconds_at(start);
  const int64_t into_hour = local - floor_div(local, 3600) * 3600;
  const double first = into_hour == 0 ? 1.0 : (3600.0 - static_cast<double>(into_hour)) / 3600.0;
  for (double edge = first; edge < end; edge += 1.0) {
    edges.push_back(edge);
  }
  edges.push_back(0.0);
  edges.push_back(end);
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  while (!edges.empty() && edges.back() > end) {
    edges.pop_back();
  }
  return edges;
}

}  // namespace

ArrivalSchedule::ArrivalSchedule(const ArrivalPattern& pattern, uint64_t agents, UtcSeconds start,
                                 const TimeZone& zone)
    : kind_(pattern.kind), agents_(agents) {
  double burst_share = 0.0;
  double end = 0.0;
  std::vector<double> extra;
  for (const ArrivalPattern::Burst& burst : pattern.bursts) {
    burst_share += burst.share;
    extra.push_back(24.0 * burst.day);
    extra.push_back(24.0 * (burst.day + 1.0));
    end = std::max(end, 24.0 * (burst.day + 1.0));
  }
  const double base_share = std::max(0.0, 1.0 - burst_share);
  double base_span = 0.0;
  if (kind_ == ArrivalPattern::Kind::Steady) {
    base_span = pattern.over_days * 24.0;
  } else if (kind_ == ArrivalPattern::Kind::Poisson) {
    base_span = static_cast<double>(agents) / pattern.per_hour;
  }
  if (!(base_span <= kMaxArrivalSpanHours) || end > kMaxArrivalSpanHours) {
    throw InputError(pattern.where, "arrivals: " + std::to_string(agents) +
                                        " customers at this rate take " +
                                        days_text(std::max(base_span, end)) +
                                        " days to arrive; at most 36500 days are simulated");
  }
  end = std::max(end, base_span);
  extra.push_back(base_span);
  edges_ = bin_edges(start, zone, end, std::move(extra));

  const size_t bins = edges_.size() - 1;
  std::vector<double> mass(bins, 0.0);
  // Adds `share` spread over the bins in [from, to) by `weight(bin)`.
  auto spread = [&](double from, double to, double share, const SourceLocation& where,
                    auto weight) {
    const auto first =
        static_cast<size_t>(std::lower_bound(edges_.begin(), edges_.end(), from) - edges_.begin());
    std::vector<double> w;
    double total = 0.0;
    for (size_t j = first; j < bins && edges_[j + 1] <= to; ++j) {
      const double width = edges_[j + 1] - edges_[j];
      w.push_back(width * weight(local_hour(start, zone, 0.5 * (edges_[j] + edges_[j + 1]))));
      total += w.back();
    }
    if (!(total > 0.0)) {
      throw InputError(where, "arrivals: the weights are zero at every hour from " +
                                  hours_text(from) + " h to " + hours_text(to) +
                                  " h after start, so nobody can arrive then");
    }
    for (size_t k = 0; k < w.size(); ++k) {
      mass[first + k] += share * w[k] / total;
    }
  };
  if (kind_ == ArrivalPattern::Kind::AtStart) {
    atom_ = base_share;
  } else if (base_share > 0.0) {
    spread(0.0, base_span, base_share, pattern.where, [&pattern](const LocalHour& at) {
      return pattern.weekday_weights[at.weekday] * pattern.hourly_weights[at.hour];
    });
  }
  for (const ArrivalPattern::Burst& burst : pattern.bursts) {
    spread(24.0 * burst.day, 24.0 * (burst.day + 1.0), burst.share, burst.where,
           [&pattern](const LocalHour& at) { return pattern.hourly_weights[at.hour]; });
  }
  cumulative_.reserve(edges_.size());
  cumulative_.push_back(atom_);
  for (const double m : mass) {
    cumulative_.push_back(cumulative_.back() + m);
  }
}

double ArrivalSchedule::quantile(double p) const {
  const double target = std::clamp(p, 0.0, 1.0) * cumulative_.back();
  if (edges_.size() < 2 || target < atom_) {
    return 0.0;
  }
  const size_t bins = edges_.size() - 1;
  const auto above = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  const auto j = static_cast<size_t>(above - cumulative_.begin()) - 1;
  if (j >= bins) {
    return edges_.back();
  }
  const double fraction = (target - cumulative_[j]) / (cumulative_[j + 1] - cumulative_[j]);
  return edges_[j] + fraction * (edges_[j + 1] - edges_[j]);
}

double ArrivalSchedule::offset_hours(uint64_t agent_index, double u) const {
  if (kind_ == ArrivalPattern::Kind::Steady) {
    const double n = static_cast<double>(std::max<uint64_t>(agents_, 1));
    return quantile((static_cast<double>(agent_index) + 0.5) / n);
  }
  return quantile(u);
}

}  // namespace journeysim::calendar
