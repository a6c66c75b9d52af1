// Mirrors metric_rows() (core/src/metrics/summarize.cpp) metric by metric;
// tests/metric_components_test.cpp checks that x / y gives each row's value.
#include "compare/metric_components.h"

#include <functional>

namespace journeysim {
namespace {

// Walks the metrics in metric_rows() order, calling `emit` for each.
// With a tally it also yields the sums; without one (shapes only) it passes
// zeros, so one walk defines both the names and the numbers.
class Walker {
 public:
  using Emit = std::function<void(const std::string& path, MetricForm form, double x, double y)>;

  Walker(const SimulationModel& model, const RunTally* tally, Emit emit)
      : model_(model), tally_(tally), emit_(std::move(emit)) {}

  void walk() {
    static const JourneyTally kEmptyJourney;
    const Scenario& s = model_.scenario();
    journey("", tally_ ? tally_->journey : kEmptyJourney);
    for (size_t i = 0; i < s.stages.size(); ++i) {
      const StageTally st = tally_ ? tally_->stages[i] : StageTally{};
      const double agents = tally_ ? static_cast<double>(tally_->journey.agents) : 0.0;
      const std::string p = "stages." + s.stages[i].id + ".";
      const auto reached = static_cast<double>(st.reached);
      emit_(p + "reached", MetricForm::Total, reached, 0);
      emit_(p + "reach_rate", MetricForm::Ratio, reached, agents);
      emit_(p + "drop_rate", MetricForm::Ratio, static_cast<double>(st.dropped), reached);
      emit_(p + "conversion_rate", MetricForm::Ratio, static_cast<double>(st.converted), reached);
      mean(p + "satisfaction", st.satisfaction);
    }
    for (size_t t = 0; t < s.touchpoints.size(); ++t) {
      const TouchpointTally tt = tally_ ? tally_->touchpoints[t] : TouchpointTally{};
      const std::string p = "touchpoints." + s.touchpoints[t].id + ".";
      const auto arrivals = static_cast<double>(tt.arrivals);
      emit_(p + "arrivals", MetricForm::Total, arrivals, 0);
      emit_(p + "agents", MetricForm::Total, static_cast<double>(tt.agents), 0);
      emit_(p + "continued", MetricForm::Total, static_cast<double>(tt.continued), 0);
      emit_(p + "dropped", MetricForm::Total, static_cast<double>(tt.dropped), 0);
      emit_(p + "rerouted", MetricForm::Total, static_cast<double>(tt.rerouted), 0);
      emit_(p + "drop_rate", MetricForm::Ratio, static_cast<double>(tt.dropped), arrivals);
      emit_(p + "lost", MetricForm::Total, static_cast<double>(tt.lost), 0);
      emit_(p + "lost_rate", MetricForm::Ratio, static_cast<double>(tt.lost),
            static_cast<double>(tt.agents));
      mean(p + "effort", tt.effort);
      mean(p + "emotion", tt.emotion);
      mean(p + "satisfaction", tt.satisfaction);
      mean(p + "hours", tt.hours);
      mean(p + "model_continue_probability", tt.p_continue);
      emit_(p + "revenue", MetricForm::Total, tt.money.sum(), 0);
      if (!model_.touchpoints()[t].caps.empty()) {
        emit_(p + "capped", MetricForm::Total, static_cast<double>(tt.capped), 0);
      }
      if (s.touchpoints[t].window) {
        mean(p + "window_wait_hours", tt.window_hours);
      }
    }
    for (size_t i = 0; i < s.personas.size(); ++i) {
      const PersonaTally empty;
      const PersonaTally& pt = tally_ ? tally_->personas[i] : empty;
      const std::string p = "personas." + s.personas[i].id + ".";
      journey(p, pt.journey);
      for (size_t k = 0; k < s.stages.size(); ++k) {
        mean(p + "stages." + s.stages[k].id + ".satisfaction",
             tally_ ? pt.stages[k].satisfaction : FixedSum{});
      }
      for (size_t t = 0; t < s.touchpoints.size(); ++t) {
        const TouchpointSlice slice = tally_ ? pt.touchpoints[t] : TouchpointSlice{};
        emit_(p + "touchpoints." + s.touchpoints[t].id + ".drop_rate", MetricForm::Ratio,
              static_cast<double>(slice.dropped), static_cast<double>(slice.arrivals));
        emit_(p + "touchpoints." + s.touchpoints[t].id + ".lost_rate", MetricForm::Ratio,
              static_cast<double>(slice.lost), static_cast<double>(slice.agents));
      }
    }
    steps(s);
    // A queue is measured once for the whole run, not per cluster of
    // agents: its metrics are compared as quantiles are (independently).
    for (const Resource& r : s.resources) {
      const std::string p = "resources." + r.id + ".";
      for (const char* name : {"arrivals", "gave_up", "utilization", "wait_minutes",
                               "wait_p90_minutes", "waited_share", "gave_up_share",
                               "mean_queue_length"}) {
        emit_(p + name, MetricForm::Quantile, 0, 0);
      }
    }
  }

 private:
  void mean(const std::string& path, const FixedSum& sum) {
    emit_(path, MetricForm::Ratio, sum.sum(), static_cast<double>(sum.count()));
  }

  // Journey model 2's rows. An arm's effect is itself a paired difference
  // within each run, with no sum form here: compared as a quantile is
  // (independently), and so is the sample size it implies.
  void steps(const Scenario& s) {
    for (size_t i = 0; i < s.steps.size(); ++i) {
      const StepTally st = tally_ ? tally_->steps[i] : StepTally{};
      const std::string p = "steps." + s.steps[i].id + ".";
      emit_(p + "arrivals", MetricForm::Total, static_cast<double>(st.arrivals), 0);
      emit_(p + "agents", MetricForm::Total, static_cast<double>(st.agents), 0);
      if (s.steps[i].kind == Step::Kind::Wait) {
        mean(p + "mean_hours", st.hours);
      }
    }
    for (size_t i = 0; i < s.steps.size(); ++i) {
      const Step& step = s.steps[i];
      if (step.kind != Step::Kind::Experiment) {
        continue;
      }
      const StepTally st = tally_ ? tally_->steps[i] : StepTally{};
      const std::string p = "experiments." + step.id + ".";
      for (size_t a = 0; a < step.arms.size(); ++a) {
        const double agents = a < st.arm_agents.size() ? static_cast<double>(st.arm_agents[a]) : 0;
        const double converted =
            a < st.arm_converted.size() ? static_cast<double>(st.arm_converted[a]) : 0;
        emit_(p + "arms." + step.arms[a].name + ".agents", MetricForm::Total, agents, 0);
        emit_(p + "arms." + step.arms[a].name + ".conversion_rate", MetricForm::Ratio, converted,
              agents);
      }
      for (size_t a = 1; a < step.arms.size(); ++a) {
        emit_(p + "effects." + step.arms[a].name + ".conversion_rate", MetricForm::Quantile, 0, 0);
        emit_(p + "sample_size_per_arm." + step.arms[a].name, MetricForm::Quantile, 0, 0);
      }
    }
  }

  void journey(const std::string& p, const JourneyTally& j) {
    const auto agents = static_cast<double>(j.agents);
    const auto converted = static_cast<double>(j.converted);
    const auto surveyed = static_cast<double>(j.surveyed);
    const auto reached = static_cast<double>(j.reached_conversion_step);
    emit_(p + "agents", MetricForm::Total, agents, 0);
    emit_(p + "conversions", MetricForm::Total, converted, 0);
    emit_(p + "conversion_rate", MetricForm::Ratio, converted, agents);
    emit_(p + "bounce_rate", MetricForm::Ratio, static_cast<double>(j.bounced), agents);
    // Converting needs reaching a converting touchpoint, so converted <= reached.
    emit_(p + "cart_abandonment_rate", MetricForm::Ratio, reached - converted, reached);
    emit_(p + "repeat_rate", MetricForm::Ratio, static_cast<double>(j.repeat), converted);
    emit_(p + "time_to_convert.median_days", MetricForm::Quantile, 0, 0);
    emit_(p + "time_to_convert.p90_days", MetricForm::Quantile, 0, 0);
    emit_(p + "time_to_convert.mean_days", MetricForm::Ratio, j.time_to_convert_hours.sum() / 24.0,
          static_cast<double>(j.time_to_convert_hours.count()));
    emit_(p + "csat", MetricForm::Ratio, static_cast<double>(j.satisfied), surveyed);
    mean(p + "ces", j.ces);
    emit_(p + "nps", MetricForm::Ratio,
          100.0 * (static_cast<double>(j.promoters) - static_cast<double>(j.detractors)), surveyed);
    mean(p + "revenue_per_agent", j.revenue);
    mean(p + "referrals_per_agent", j.referrals);
    mean(p + "messages_per_agent", j.messages);
    mean(p + "effort_per_agent", j.effort);
    mean(p + "path_length", j.path_length);
    mean(p + "satisfaction", j.satisfaction);
    for (size_t m = 0; m < model_.milestones().size(); ++m) {
      emit_(p + "milestones." + model_.milestones()[m] + ".rate", MetricForm::Ratio,
            j.milestones.empty() ? 0.0 : static_cast<double>(j.milestones[m]), agents);
    }
  }

  const SimulationModel& model_;
  const RunTally* tally_;
  Emit emit_;
};

}  // namespace

std::vector<MetricShape> metric_shapes(const SimulationModel& model) {
  std::vector<MetricShape> shapes;
  Walker(model, nullptr, [&](const std::string& path, MetricForm form, double, double) {
    shapes.push_back({path, form});
  }).walk();
  return shapes;
}

void metric_components(const SimulationModel& model, const RunTally& tally, Components& out) {
  out.x.clear();
  out.y.clear();
  Walker(model, &tally, [&](const std::string&, MetricForm, double x, double y) {
    out.x.push_back(x);
    out.y.push_back(y);
  }).walk();
}

}  // namespace journeysim
