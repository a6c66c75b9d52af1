#include "engine/resource_queue.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace journeysim {
namespace {

// Batches of the waits (in arrival order) for the interval of their mean:
// waits next to each other in a queue are correlated, batches of many far
// less so, and 20 of them give a t interval with 19 degrees of freedom.
constexpr size_t kBatches = 20;
constexpr double kT19 = 2.0930240544083;  // t quantile 0.975, 19 d.f.

}  // namespace

ResourceQueue::ResourceQueue(uint32_t servers, double warm_up_hours, double bin_hours,
                             uint32_t bins, std::shared_ptr<const ShiftSchedule> shifts)
    : servers_(servers),
      warm_up_(warm_up_hours),
      shifts_(std::move(shifts)),
      server_free_(shifts_ ? servers : 0, 0.0),
      bin_hours_(bin_hours),
      queue_by_bin_(bins),
      busy_by_bin_(bins) {
  for (uint32_t s = 0; s < servers; ++s) {
    free_at_.push(0.0);
  }
}

double ResourceQueue::wait_at(double t) {
  if (!shifts_) {
    return std::max(0.0, free_at_.top() - t);
  }
  // The server that can take this customer first: free, and at work.
  double best = std::numeric_limits<double>::infinity();
  for (uint32_t k = 0; k < servers_; ++k) {
    const double start = shifts_->next_on(k, std::max(t, server_free_[k]));
    if (start < best) {
      best = start;
      chosen_ = k;
    }
  }
  return best - t;
}

void ResourceQueue::spread(std::vector<double>& by_bin, double from, double to) const {
  if (by_bin.empty() || !(to > from)) {
    return;
  }
  const auto last = by_bin.size() - 1;
  auto b = static_cast<size_t>(std::max(0.0, std::floor(from / bin_hours_)));
  for (double start = from; start < to && b <= last; ++b) {
    // The last bin takes whatever runs past the series' end.
    const double end = b == last ? to : std::min(to, static_cast<double>(b + 1) * bin_hours_);
    by_bin[b] += end - start;
    start = end;
  }
}

void ResourceQueue::gave_up(double t, double wait) {
  spread(queue_by_bin_, t, t + wait);
  if (t >= warm_up_) {
    ++gave_up_;
    measure(t, wait, t + wait, true);
  }
}

void ResourceQueue::served(double t, double wait, double service) {
  const double ends = t + wait + service;
  spread(queue_by_bin_, t, t + wait);
  spread(busy_by_bin_, t + wait, ends);
  if (shifts_) {
    server_free_[chosen_] = ends;
  } else {
    free_at_.pop();
    free_at_.push(ends);
  }
  if (t >= warm_up_) {
    ++served_;
    busy_ += service;
    measure(t, wait, ends, false);
  }
}

void ResourceQueue::measure(double t, double wait, double leaves, bool gave_up) {
  if (waits_.empty()) {
    first_ = t;
  }
  waits_.push_back(wait);
  gave_up_flags_.push_back(gave_up ? 1 : 0);
  waited_ += wait > 0.0 ? 1 : 0;
  last_leaves_ = std::max(last_leaves_, leaves);
}

// The 95 % interval of the mean of value(i) over the measured arrivals by
// batch means: 20 batches in arrival order, t with 19 degrees of freedom.
// Fewer than 40 arrivals: the point alone.
template <class Value>
ResourceQueue::Interval ResourceQueue::batch_means(Value value) const {
  const size_t n = waits_.size();
  double total = 0.0;
  for (size_t i = 0; i < n; ++i) {
    total += value(i);
  }
  const double mean = n > 0 ? total / static_cast<double>(n) : 0.0;
  if (n < kBatches * 2) {
    return {mean, mean};
  }
  const size_t per = n / kBatches;
  double sum = 0.0, sum_sq = 0.0;
  for (size_t b = 0; b < kBatches; ++b) {
    double batch = 0.0;
    for (size_t i = b * per; i < (b + 1) * per; ++i) {
      batch += value(i);
    }
    batch /= static_cast<double>(per);
    sum += batch;
    sum_sq += batch * batch;
  }
  const double k = static_cast<double>(kBatches);
  const double grand = sum / k;
  const double var = std::max(0.0, (sum_sq - k * grand * grand) / (k - 1.0));
  const double half = kT19 * std::sqrt(var / k);
  return {mean - half, mean + half};
}

ResourceTally ResourceQueue::summary() const {
  ResourceTally r;
  r.arrivals = waits_.size();
  r.waited = waited_;
  r.gave_up = gave_up_;
  r.served = served_;
  r.busy_hours = busy_;
  r.queue_hours = queue_by_bin_;
  r.busy_by_bin = busy_by_bin_;
  r.open_by_bin.assign(busy_by_bin_.size(), bin_hours_ * servers_);
  if (shifts_) {
    for (size_t b = 0; b < r.open_by_bin.size(); ++b) {
      r.open_by_bin[b] = shifts_->open_hours(static_cast<double>(b) * bin_hours_,
                                             static_cast<double>(b + 1) * bin_hours_);
    }
  }
  if (waits_.empty()) {
    return r;
  }
  const double span = last_leaves_ - first_;
  r.open_hours = shifts_ ? shifts_->open_hours(first_, last_leaves_) : span * servers_;
  const double total = std::accumulate(waits_.begin(), waits_.end(), 0.0);
  const auto n = static_cast<double>(waits_.size());
  r.wait_mean_hours = total / n;
  // Little's law: the time-average of the queue is the time spent in it
  // over the span.
  r.mean_queue_length = span > 0.0 ? total / span : 0.0;
  std::vector<double> sorted = waits_;
  const size_t rank = static_cast<size_t>(std::ceil(0.9 * n)) - 1;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(rank),
                   sorted.end());
  r.wait_p90_hours = sorted[rank];
  const Interval wait = batch_means([&](size_t i) { return waits_[i]; });
  r.wait_ci_low_hours = std::max(0.0, wait.low);
  r.wait_ci_high_hours = wait.high;
  const Interval waited = batch_means([&](size_t i) { return waits_[i] > 0.0 ? 1.0 : 0.0; });
  r.waited_ci_low = std::max(0.0, waited.low);
  r.waited_ci_high = std::min(1.0, waited.high);
  const Interval gave = batch_means([&](size_t i) { return gave_up_flags_[i] ? 1.0 : 0.0; });
  r.gave_up_ci_low = std::max(0.0, gave.low);
  r.gave_up_ci_high = std::min(1.0, gave.high);
  return r;
}

}  // namespace journeysim
