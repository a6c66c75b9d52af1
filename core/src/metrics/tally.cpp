#include "journeysim/tally.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace journeysim {
namespace {

template <class T>
void merge_counts(std::vector<T>& into, const std::vector<T>& from) {
  if (into.size() < from.size()) {
    into.resize(from.size());
  }
  for (size_t i = 0; i < from.size(); ++i) {
    into[i] += from[i];
  }
}

template <class T>
void merge_each(std::vector<T>& into, const std::vector<T>& from) {
  if (into.size() < from.size()) {
    into.resize(from.size());
  }
  for (size_t i = 0; i < from.size(); ++i) {
    into[i].merge(from[i]);
  }
}

constexpr uint32_t kLinearBits = 10;  // exact below 2^10 minutes

}  // namespace

namespace {

// Totals are exact integers so that merges are order-free; a total that
// leaves the 128-bit range has no exact value, and wrapping would report
// nonsense, so it is refused with an error instead.
[[noreturn]] void fixed_point_overflow() {
  throw std::overflow_error(
      "a metric total left the exact fixed-point range (sums of squares up to "
      "about 1.5e26): a channel reported values too large to total exactly");
}

int128 to_fixed(double value, double scale) {
  const double product = value * scale;
#ifdef __SSE2__
  // The common case in one instruction: cvtsd2si rounds in the current
  // rounding mode, as nearbyint does, so the result is the same.
  if (std::fabs(product) < 0x1p62) {
    return _mm_cvtsd_si64(_mm_set_sd(product));
  }
#endif
  const double scaled = std::nearbyint(product);
  if (!(std::fabs(scaled) < 0x1p126)) {
    fixed_point_overflow();
  }
  return static_cast<int128>(scaled);
}

}  // namespace

void FixedSum::overflow() { fixed_point_overflow(); }

void FixedSum::fix(const double* sums, const double* squares, size_t n, uint64_t count,
                   FixedPart* parts) {
  for (size_t k = 0; k < n; ++k) {
    parts[k] = {to_fixed(sums[k], kScale), to_fixed(squares[k], kScale * kScale), count};
  }
}

void FixedSum::settle() {
  if (pending_count_ == 0) {
    return;
  }
  FixedPart part;
  fix(&pending_sum_, &pending_sq_, 1, pending_count_, &part);
  add(part);
  pending_sum_ = pending_sq_ = 0.0;
  pending_count_ = 0;
}

void FixedSum::merge(const FixedSum& other) {
  settle();
  FixedSum settled = other;
  settled.settle();
  add_fixed(sum_, settled.sum_);
  add_fixed(sum_sq_, settled.sum_sq_);
  count_ += settled.count_;
}

double FixedSum::sum() const {
  FixedSum s = *this;
  s.settle();
  return static_cast<double>(s.sum_) / kScale;
}

double FixedSum::mean() const {
  const uint64_t n = count();
  return n == 0 ? 0.0 : sum() / static_cast<double>(n);
}

double FixedSum::variance() const {
  FixedSum settled = *this;
  settled.settle();
  if (settled.count_ < 2) {
    return 0.0;
  }
  // Products of the 128-bit sums could overflow, so the (deterministic)
  // arithmetic is done in long double, whose 64-bit mantissa keeps the
  // cancellation in sum_sq - sum^2/n harmless at our magnitudes.
  const long double n = static_cast<long double>(settled.count_);
  const long double s = static_cast<long double>(settled.sum_);
  const long double q = static_cast<long double>(settled.sum_sq_);
  const long double spread = (q - s * s / n) / (n - 1.0L);
  const long double scale2 = static_cast<long double>(kScale) * static_cast<long double>(kScale);
  return std::max(0.0, static_cast<double>(spread / scale2));
}

uint32_t DurationHistogram::bucket_of(uint64_t minutes) {
  if (minutes < (1u << kLinearBits)) {
    return static_cast<uint32_t>(minutes);
  }
  // Above the linear range: 2^kLinearBits buckets per doubling.
  const uint32_t top = 63u - static_cast<uint32_t>(std::countl_zero(minutes));
  const uint32_t shift = top - kLinearBits;
  const uint64_t mantissa = (minutes >> shift) - (1u << kLinearBits);
  return (1u << kLinearBits) * (shift + 1) + static_cast<uint32_t>(mantissa);
}

double DurationHistogram::minutes_of(uint32_t bucket) {
  if (bucket < (1u << kLinearBits)) {
    return bucket;
  }
  const uint32_t shift = bucket / (1u << kLinearBits) - 1;
  const uint64_t mantissa = bucket % (1u << kLinearBits) + (1u << kLinearBits);
  const double low = static_cast<double>(mantissa << shift);
  const double width = static_cast<double>(uint64_t{1} << shift);
  return low + (width - 1.0) / 2.0;  // middle of the bucket's whole minutes
}

void DurationHistogram::count_bucket(uint32_t bucket, uint64_t n) {
  if (counts_.size() <= bucket) {
    counts_.resize(bucket + 1);
  }
  counts_[bucket] += n;
}

// Beyond this many listed durations a histogram counts them into buckets,
// so its memory stays bounded whatever the number of agents.
constexpr size_t kMaxPending = 4096;

void DurationHistogram::add(double hours) {
  const double minutes = std::max(0.0, hours * 60.0);
  const auto whole = static_cast<uint64_t>(std::llround(std::min(minutes, 9.0e15)));
  pending_.push_back(bucket_of(whole));
  ++count_;
  if (pending_.size() > kMaxPending) {
    fold();  // a histogram that only ever takes adds stays bounded too
  }
}

void DurationHistogram::merge(const DurationHistogram& other) {
  for (uint32_t b = 0; b < other.counts_.size(); ++b) {
    if (other.counts_[b] != 0) {
      count_bucket(b, other.counts_[b]);
    }
  }
  // Small histograms stay lists (cheap to clear and merge); counting is
  // order-free either way.
  pending_.insert(pending_.end(), other.pending_.begin(), other.pending_.end());
  if (pending_.size() > kMaxPending) {
    fold();
  }
  count_ += other.count_;
}

void DurationHistogram::fold() {
  for (uint32_t b : pending_) {
    count_bucket(b, 1);
  }
  pending_.clear();
}

double DurationHistogram::value_at_rank(uint64_t k) const {
  DurationHistogram counted = *this;
  counted.fold();
  uint64_t seen = 0;
  for (uint32_t b = 0; b < counted.counts_.size(); ++b) {
    seen += counted.counts_[b];
    if (seen >= k) {
      return minutes_of(b) / 60.0;
    }
  }
  return counted.counts_.empty()
             ? 0.0
             : minutes_of(static_cast<uint32_t>(counted.counts_.size() - 1)) / 60.0;
}

void TouchpointTally::merge(const TouchpointTally& o) {
  arrivals += o.arrivals;
  agents += o.agents;
  continued += o.continued;
  dropped += o.dropped;
  rerouted += o.rerouted;
  cut_off += o.cut_off;
  exits += o.exits;
  lost += o.lost;
  merge_counts(reasons, o.reasons);
  merge_counts(lost_reasons, o.lost_reasons);
  merge_counts(edges, o.edges);
  effort.merge(o.effort);
  emotion.merge(o.emotion);
  hours.merge(o.hours);
  money.merge(o.money);
  satisfaction.merge(o.satisfaction);
  p_continue.merge(o.p_continue);
  capped += o.capped;
  window_hours.merge(o.window_hours);
}

void TouchpointTally::settle() {
  for (FixedSum* f :
       {&effort, &emotion, &hours, &money, &satisfaction, &p_continue, &window_hours}) {
    f->settle();
  }
}

void StageTally::settle() { satisfaction.settle(); }

void JourneyTally::settle() {
  for (FixedSum* f : {&time_to_convert_hours, &effort, &ces, &revenue, &referrals, &messages,
                      &path_length, &satisfaction}) {
    f->settle();
  }
}

void PersonaTally::settle() {
  journey.settle();
  for (StageTally& s : stages) {
    s.settle();
  }
}

void RunTally::settle() {
  journey.settle();
  for (StageTally& s : stages) {
    s.settle();
  }
  for (TouchpointTally& t : touchpoints) {
    t.settle();
  }
  for (StepTally& s : steps) {
    s.settle();
  }
  for (PersonaTally& p : personas) {
    p.settle();
  }
}

void TouchpointSlice::merge(const TouchpointSlice& o) {
  arrivals += o.arrivals;
  dropped += o.dropped;
  cut_off += o.cut_off;
  agents += o.agents;
  lost += o.lost;
  merge_counts(reasons, o.reasons);
  merge_counts(lost_reasons, o.lost_reasons);
}

void StageTally::merge(const StageTally& o) {
  reached += o.reached;
  dropped += o.dropped;
  converted += o.converted;
  satisfaction.merge(o.satisfaction);
}

void JourneyCounts::add(const JourneyCounts& o) {
  agents += o.agents;
  converted += o.converted;
  bounced += o.bounced;
  exited += o.exited;
  dropped += o.dropped;
  horizon += o.horizon;
  step_limit += o.step_limit;
  reached_conversion_step += o.reached_conversion_step;
  repeat += o.repeat;
  surveyed += o.surveyed;
  satisfied += o.satisfied;
  promoters += o.promoters;
  detractors += o.detractors;
}

void JourneyTally::merge(const JourneyTally& o) {
  add(o);
  merge_counts(milestones, o.milestones);
  time_to_convert.merge(o.time_to_convert);
  time_to_convert_hours.merge(o.time_to_convert_hours);
  effort.merge(o.effort);
  ces.merge(o.ces);
  revenue.merge(o.revenue);
  referrals.merge(o.referrals);
  messages.merge(o.messages);
  path_length.merge(o.path_length);
  satisfaction.merge(o.satisfaction);
}

void PersonaTally::merge(const PersonaTally& o) {
  journey.merge(o.journey);
  merge_each(stages, o.stages);
  merge_each(touchpoints, o.touchpoints);
}

void StepTally::merge(const StepTally& o) {
  arrivals += o.arrivals;
  agents += o.agents;
  cut_off += o.cut_off;
  exits += o.exits;
  returned += o.returned;
  hours.merge(o.hours);
  merge_counts(arm_agents, o.arm_agents);
  merge_counts(arm_arrivals, o.arm_arrivals);
  merge_counts(arm_converted, o.arm_converted);
  merge_counts(arm_pairs, o.arm_pairs);
}

void StepTally::settle() { hours.settle(); }

void RunTally::merge(const RunTally& o) {
  journey.merge(o.journey);
  merge_each(stages, o.stages);
  merge_each(touchpoints, o.touchpoints);
  merge_each(steps, o.steps);
  merge_each(personas, o.personas);
  merge_each(resources, o.resources);
  series.merge(o.series);
}

void SeriesTally::resize(size_t bins) {
  for (auto* v : {&arrivals, &conversions, &messages}) {
    if (v->size() < bins) {
      v->resize(bins);
    }
  }
}

void SeriesTally::merge(const SeriesTally& o) {
  for (auto [into, from] : {std::pair{&arrivals, &o.arrivals}, std::pair{&conversions, &o.conversions},
                            std::pair{&messages, &o.messages}}) {
    if (into->size() < from->size()) {
      into->resize(from->size());
    }
    for (size_t b = 0; b < from->size(); ++b) {
      (*into)[b] += (*from)[b];
    }
  }
}

void ResourceTally::merge(const ResourceTally& o) {
  // Measured once for the whole run (see tally.h): at most one side holds it.
  if (o.arrivals > 0 || o.open_hours > 0.0) {
    *this = o;
  }
}

}  // namespace journeysim
