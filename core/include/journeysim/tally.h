// Raw counts and sums gathered while agents walk. Everything is an integer
// (real values are kept in fixed point), so merging tallies is exact and
// order-free: the same agents give the same bytes whatever the number of
// threads or processes that counted them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace journeysim {

__extension__ typedef __int128 int128;

/// A block's partial sums of one FixedSum, rounded to fixed point: what
/// settling adds to the totals.
struct FixedPart {
  int128 sum = 0;     // in units of 2^-20
  int128 sum_sq = 0;  // in units of 2^-40
  uint64_t count = 0;
};

/// Sum, sum of squares and count of real values. Values are summed in
/// double while a block of agents runs (cheap), and `settle()` at the end of
/// each block moves those partial sums into 128-bit fixed point (units of
/// 2^-20, about 1e-6). A block's partial sums depend only on that block, and
/// integer sums do not depend on order, so the totals are the same whatever
/// thread or process ran which block.
class FixedSum {
 public:
  static constexpr double kScale = 1048576.0;  // 2^20

  void add(double value) {
    pending_sum_ += value;
    pending_sq_ += value * value;
    ++pending_count_;
  }
  /// Moves the block's partial sums into the fixed-point totals.
  void settle();
  void merge(const FixedSum& other);
  /// Partial sums kept elsewhere (the engine keeps them by chunk of agents),
  /// rounded exactly as settle() rounds its own: n sums and their n sums of
  /// squares, of `count` values each. Throws std::overflow_error when they
  /// leave the fixed-point range.
  static void fix(const double* sums, const double* squares, size_t n, uint64_t count,
                  FixedPart* parts);
  /// Adds settled partial sums to the totals (as settle() does).
  void add(const FixedPart& part) {
    add_fixed(sum_, part.sum);
    add_fixed(sum_sq_, part.sum_sq);
    count_ += part.count;
  }
  uint64_t count() const { return count_ + pending_count_; }
  double sum() const;
  double mean() const;
  /// Sample variance (n - 1 in the denominator); 0 for fewer than 2 values.
  double variance() const;

 private:
  friend struct TallyCodecAccess;  // tally_codec.cpp: bytes between processes
  static void add_fixed(int128& total, int128 part) {
    if (__builtin_add_overflow(total, part, &total)) {
      overflow();
    }
  }
  [[noreturn]] static void overflow();
  int128 sum_ = 0;     // in units of 2^-20
  int128 sum_sq_ = 0;  // in units of 2^-40
  uint64_t count_ = 0;
  double pending_sum_ = 0.0;
  double pending_sq_ = 0.0;
  uint64_t pending_count_ = 0;
};

/// Counts of non-negative durations on a log-linear grid of minutes: exact
/// below 1024 minutes, within 0.1% above. Quantiles read off it are exact
/// merges, unlike averages of per-part quantiles.
class DurationHistogram {
 public:
  /// Adds a duration; it lands in a short list (counted into buckets once
  /// the list is long), so a tally of a few agents stays cheap to clear and
  /// merge.
  void add(double hours);
  void merge(const DurationHistogram& other);
  uint64_t count() const { return count_; }
  /// The value (hours) of the k-th smallest entry, k in [1, count].
  double value_at_rank(uint64_t k) const;

  static uint32_t bucket_of(uint64_t minutes);
  static double minutes_of(uint32_t bucket);

 private:
  friend struct TallyCodecAccess;  // tally_codec.cpp: bytes between processes
  void count_bucket(uint32_t bucket, uint64_t n);
  void fold();  // counts the listed durations into their buckets
  std::vector<uint64_t> counts_;   // dense, by bucket
  std::vector<uint32_t> pending_;  // buckets added but not yet counted
  uint64_t count_ = 0;
};

/// What happened at one touchpoint.
struct TouchpointTally {
  uint64_t arrivals = 0;    // visits (an agent may come back)
  uint64_t agents = 0;      // distinct agents who came
  uint64_t continued = 0;
  /// The channel's outcome was not a success (its drop, with a reason),
  /// whether the journey ended there or `on` routed the customer on.
  uint64_t dropped = 0;
  uint64_t rerouted = 0;    // of `dropped`, those `on` routed on
  uint64_t cut_off = 0;     // horizon or step limit reached here
  uint64_t exits = 0;       // journeys that ended normally here
  /// Journeys that ended here without the customer having converted: a
  /// channel's drop, or an exit touchpoint reached unconverted (never a
  /// cut-off: the horizon or step limit is not the customer leaving).
  uint64_t lost = 0;
  std::vector<uint64_t> reasons;  // channel's reasons, then the cutoffs
  /// Of `lost`, by the same reasons, then one more: ended unconverted at an
  /// exit (kEndedReason; the cutoff slots stay zero).
  std::vector<uint64_t> lost_reasons;
  std::vector<uint64_t> edges;    // how many took each `next` edge
  FixedSum effort, emotion, hours, money, satisfaction, p_continue;
  /// Messages a frequency cap skipped here (not counted in `arrivals`).
  uint64_t capped = 0;
  /// Hours each arrival waited for the touchpoint's send window (0 inside it).
  FixedSum window_hours;

  void merge(const TouchpointTally& other);
  void settle();
};

/// Where one agent stood in an experiment when every arm was forced on it
/// in turn (the counterfactual runs of an experiment's paired effects): it
/// never reached the experiment, it reached it and its journey did not
/// convert, or it reached it and its journey converted.
enum class ArmOutcome : uint8_t { NotReached = 0, Reached = 1, Converted = 2 };
inline constexpr uint32_t kArmOutcomes = 3;

/// What happened at one step (journey model 2: wait, split, experiment,
/// update, exit).
struct StepTally {
  uint64_t arrivals = 0;  // visits (an agent may come back)
  uint64_t agents = 0;    // distinct agents who came
  uint64_t cut_off = 0;   // horizon or step limit reached here
  uint64_t exits = 0;     // journeys an exit step ended
  uint64_t returned = 0;  // waits: the customer's own return came first
  FixedSum hours;         // waits: time waited, each value fixed on its own
  // Experiments, by arm: agents assigned (once each: an agent keeps its arm),
  // visits, and assigned agents whose journey converted.
  std::vector<uint64_t> arm_agents, arm_arrivals, arm_converted;
  // Experiments, counterfactually: every agent walked through each arm on
  // the same random numbers. For arm k, agents counted by their outcome
  // under the first arm and under arm k (kArmOutcomes^2 counts per arm, at
  // arm_pair(k, first, other); the first arm's own are its diagonal);
  // plain counts, so they merge exactly.
  std::vector<uint64_t> arm_pairs;

  static size_t arm_pair(uint32_t arm, ArmOutcome first, ArmOutcome other) {
    return (size_t{arm} * kArmOutcomes + static_cast<size_t>(first)) * kArmOutcomes +
           static_cast<size_t>(other);
  }

  void merge(const StepTally& other);
  void settle();
};

/// One persona's view of a touchpoint, for breakdowns (drop rates and
/// reasons by persona; the means are the touchpoint's own).
struct TouchpointSlice {
  uint64_t arrivals = 0, dropped = 0, cut_off = 0;
  uint64_t agents = 0, lost = 0;  // as TouchpointTally's, for this persona
  std::vector<uint64_t> reasons, lost_reasons;

  void merge(const TouchpointSlice& other);
};

/// Agents who reached a stage.
struct StageTally {
  uint64_t reached = 0;
  uint64_t dropped = 0;    // journeys that ended by a drop in this stage
  uint64_t converted = 0;  // of those who reached it
  FixedSum satisfaction;   // on leaving the stage (the emotion curve)

  void merge(const StageTally& other);
  void settle();
};

/// Whole-journey outcomes of a set of agents.
/// The journey's plain counts (the engine keeps them per block, then adds
/// them to the tally).
struct JourneyCounts {
  uint64_t agents = 0;
  uint64_t converted = 0;
  uint64_t bounced = 0;        // dropped at their first touchpoint
  uint64_t exited = 0, dropped = 0, horizon = 0, step_limit = 0;
  uint64_t reached_conversion_step = 0;  // arrived at a converting touchpoint
  uint64_t repeat = 0;         // converted twice or more
  uint64_t surveyed = 0;       // engaged: continued at a touchpoint at least once
  uint64_t satisfied = 0;      // of the surveyed, CSAT 4 or 5
  uint64_t promoters = 0, detractors = 0;

  void add(const JourneyCounts& other);
};

struct JourneyTally : JourneyCounts {
  std::vector<uint64_t> milestones;  // agents reaching each milestone
  DurationHistogram time_to_convert;
  FixedSum time_to_convert_hours, effort, ces /* of the surveyed */, revenue, referrals, messages,
      path_length, satisfaction;

  void merge(const JourneyTally& other);
  void settle();
};

/// Per-persona breakdown.
struct PersonaTally {
  JourneyTally journey;
  std::vector<StageTally> stages;
  std::vector<TouchpointSlice> touchpoints;

  void merge(const PersonaTally& other);
  void settle();
};

/// Everything one run counted. The journey and stage totals are the sums
/// of the personas' (the engine records agents per persona only).
/// What a resource's queue did over the whole run. Customers share the
/// queue, so it is not a sum over agents: the coupled pass that orders
/// everyone's arrivals (engine/coupled_pass.h) measures it once, in one
/// place, and a distributed run carries it from the process that owns the
/// first agent; merging adds a tally to an empty one.
struct ResourceTally {
  uint64_t arrivals = 0;  // customers who came to the queue (each visit)
  uint64_t waited = 0;    // of them, found every server busy
  uint64_t gave_up = 0;   // left the queue before a server was free
  uint64_t served = 0;
  double wait_mean_hours = 0.0;  // over every arrival (0 for who did not wait)
  // 95 % interval of the mean wait by batch means over arrivals in time
  // order (waits in a queue are correlated; see docs/capacity.md).
  double wait_ci_low_hours = 0.0, wait_ci_high_hours = 0.0;
  double wait_p90_hours = 0.0;
  // 95 % intervals of the shares who waited and who gave up, by the same
  // batch means (a share is the mean of a 0/1 per arrival).
  double waited_ci_low = 0.0, waited_ci_high = 0.0;
  double gave_up_ci_low = 0.0, gave_up_ci_high = 0.0;
  double busy_hours = 0.0;       // server-hours spent serving
  double open_hours = 0.0;       // server-hours available while customers came
  double mean_queue_length = 0.0;  // time-average of customers waiting
  // By bin of the run's time series (SeriesTally): hours spent waiting in
  // the queue, server-hours busy and server-hours open.
  std::vector<double> queue_hours, busy_by_bin, open_by_bin;

  void merge(const ResourceTally& other);
};

/// What happened in each bin of calendar time (an hour, or a day when the
/// journey's horizon is longer than 14 days) from the journey's start:
/// counts, so a merge is exact. Empty for a journey without a calendar.
struct SeriesTally {
  std::vector<uint64_t> arrivals, conversions, messages;

  void merge(const SeriesTally& other);
  /// At least `bins` bins (a tally is shaped before the run knows them).
  void resize(size_t bins);
};

struct RunTally {
  JourneyTally journey;
  std::vector<StageTally> stages;
  std::vector<TouchpointTally> touchpoints;
  std::vector<StepTally> steps;  // by step index; empty for a model-1 journey
  std::vector<PersonaTally> personas;
  std::vector<ResourceTally> resources;  // by resource index
  SeriesTally series;

  void merge(const RunTally& other);
  /// Settles every FixedSum (see FixedSum::settle).
  void settle();
};

}  // namespace journeysim
