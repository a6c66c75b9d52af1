// Every agent's events, as a run produces them: the engine's optional hook
// behind `journeysim run --events` and `journeysim validate-fit`. A run
// without a trace pays one pointer test per step.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <ostream>
#include <vector>

namespace journeysim {

class SimulationModel;

/// One step of one agent: it arrived at `touchpoint` at `hours` after its
/// own start, and left with `money` spent there.
struct TraceEvent {
  uint64_t agent = 0;
  double hours = 0.0;
  double money = 0.0;
  /// A node index: a touchpoint, or (from the scenario's touchpoint count
  /// on) a step of journey model 2.
  uint32_t touchpoint = 0;
  uint32_t persona = 0;
  uint8_t converted = 0;  // passed the conversion touchpoint here
  uint8_t dropped = 0;    // left the journey here (at a step: exited or cut off)
  /// Steps: the route taken, numbered as the step lists them — a wait's or
  /// update's `next` edges then a wait's races, a split's branches, an
  /// experiment's arms.
  uint32_t route = 0;
  double waited = 0.0;  // waits: hours waited (up to the horizon)
  double arrived = 0.0;  // calendar hours from the journey's start to the agent's arrival
};

/// What the engine calls (RunOptions::trace). Called from worker threads,
/// once per block, in any block order.
class EventTrace {
 public:
  virtual ~EventTrace() = default;
  /// Agents [first_agent, first_agent + count) have finished; `events` holds
  /// all their steps, by agent and then in step order.
  virtual void block(uint64_t first_agent, uint32_t count, std::vector<TraceEvent>& events) = 0;
};

/// Hands blocks to `consume` one at a time in agent order, whatever thread
/// finished them and when: what is consumed is the same for any number of
/// threads. Blocks finished early wait in memory for the ones before them.
class OrderedTrace : public EventTrace {
 public:
  OrderedTrace(uint64_t first_agent, std::function<void(const std::vector<TraceEvent>&)> consume);
  void block(uint64_t first_agent, uint32_t count, std::vector<TraceEvent>& events) override;
  /// True when every block up to `end_agent` was consumed.
  bool complete(uint64_t end_agent) const { return next_ == end_agent; }

 private:
  std::mutex mutex_;
  uint64_t next_;
  std::map<uint64_t, std::pair<uint64_t, std::vector<TraceEvent>>> waiting_;
  std::function<void(const std::vector<TraceEvent>&)> consume_;
};

/// The simulated start of every agent in event logs: 2026-01-01T00:00:00Z.
inline constexpr double kTraceEpochSeconds = 1767225600.0;

/// The display name of the touchpoint `calibrate` adds where customers
/// finish after converting at a touchpoint that also leads on. It is not an
/// event: traces leave it out.
inline constexpr const char* kJourneyEndName = "(journey end)";

/// Writes trace events as a calibrate-format CSV:
/// customer_id,timestamp,touchpoint,channel,persona,revenue,converted.
/// A journey with steps gets one more column, `step`, and a row per step
/// visit: the step's name, its kind as the channel, and what happened
/// there ("waited 48h → reminder", "persona == 'vip' → checkout_b",
/// "arm B → checkout_b", "set coupon = true → shop", "exit: unsubscribed",
/// "cut off after 30.5h"); touchpoint rows leave it empty.
class CsvEventWriter {
 public:
  CsvEventWriter(std::ostream& out, const SimulationModel& model);
  void header();
  void write(const std::vector<TraceEvent>& events);
  uint64_t rows() const { return rows_; }

 private:
  /// What happened at a step, as the `step` column says it.
  std::string step_detail(const TraceEvent& e) const;
  std::string calendar_time(const TraceEvent& e) const;

  std::ostream& out_;
  const SimulationModel& model_;
  /// By node (touchpoints, then steps). Steps' kinds stand in the channel
  /// column.
  std::vector<std::string> touchpoint_, channel_, persona_;
  /// By step: each route's label and target, as the step lists them.
  std::vector<std::vector<std::pair<std::string, std::string>>> routes_;
  std::vector<std::string> leads_;  // by step: an update's "sets coupon = true"
  std::vector<uint8_t> skip_;
  bool steps_ = false;  // the journey has steps: the `step` column
  bool calendar_ = false;  // timestamps on the journey's calendar, in each customer's zone
  uint64_t rows_ = 0;
  std::string buffer_;
};

/// A CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(const std::string& text);

}  // namespace journeysim
