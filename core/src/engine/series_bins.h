// Which bin of the run's time series (SeriesTally) a moment falls in:
// calendar hours since the journey's start, in bins of an hour or a day.
// A moment past the last bin (a service that ends after the horizon) counts
// in the last one.
#pragma once

#include <algorithm>
#include <cstdint>

namespace journeysim {

class SeriesBins {
 public:
  /// No bins: a journey without a calendar counts nothing.
  SeriesBins() = default;
  SeriesBins(double bin_hours, uint32_t count) : per_hour_(1.0 / bin_hours), count_(count) {}

  bool on() const { return count_ > 0; }
  uint32_t count() const { return count_; }
  double hours() const { return 1.0 / per_hour_; }

  uint32_t of(double calendar_hours) const {
    const double b = calendar_hours * per_hour_;
    return b <= 0.0 ? 0u : std::min(count_ - 1, static_cast<uint32_t>(std::min(b, 4e9)));
  }

 private:
  double per_hour_ = 1.0;
  uint32_t count_ = 0;
};

}  // namespace journeysim
