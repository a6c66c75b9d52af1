// From tallies to the numbers users read. docs/metrics.md says the same in
// prose; keep them in step.
#include <algorithm>

#include "metrics/arm_effect.h"
#include "metrics/satisfaction_scales.h"
#include "metrics/step_description.h"
#include "journeysim/run_report.h"

#include "calendar/civil_time.h"
#include "calendar/time_zone.h"

namespace journeysim {
namespace {

Estimate per_agent(const FixedSum& sum) { return mean_of(sum); }

JourneyMetrics journey_metrics(const JourneyTally& j, const SimulationModel& model) {
  JourneyMetrics m;
  m.agents = j.agents;
  m.converted = j.converted;
  m.exited = j.exited;
  m.dropped = j.dropped;
  m.horizon = j.horizon;
  m.step_limit = j.step_limit;
  m.conversion_rate = proportion(j.converted, j.agents);
  m.bounce_rate = proportion(j.bounced, j.agents);
  // Customers who reached a converting touchpoint but did not convert. A
  // customer who converted once counts as finished even if a later visit
  // was abandoned.
  m.cart_abandonment_rate =
      proportion(j.reached_conversion_step - std::min(j.reached_conversion_step, j.converted),
                 j.reached_conversion_step);
  m.repeat_rate = proportion(j.repeat, j.converted);
  m.time_to_convert_median_days = quantile_days(j.time_to_convert, 0.5);
  m.time_to_convert_p90_days = quantile_days(j.time_to_convert, 0.9);
  Estimate mean_hours = mean_of(j.time_to_convert_hours);
  if (mean_hours.has_value()) {
    mean_hours.value /= 24.0;
    mean_hours.low /= 24.0;
    mean_hours.high /= 24.0;
  }
  m.time_to_convert_mean_days = mean_hours;
  m.csat = proportion(j.satisfied, j.surveyed);
  m.ces = mean_of(j.ces);
  m.nps = net_promoter_score(j.promoters, j.detractors, j.surveyed);
  m.revenue_per_agent = per_agent(j.revenue);
  m.referrals_per_agent = per_agent(j.referrals);
  m.messages_per_agent = per_agent(j.messages);
  m.effort_per_agent = per_agent(j.effort);
  m.path_length = per_agent(j.path_length);
  m.satisfaction = mean_of(j.satisfaction);
  for (size_t k = 0; k < model.milestones().size(); ++k) {
    m.milestones.emplace_back(model.milestones()[k], proportion(j.milestones[k], j.agents));
  }
  return m;
}

std::vector<ReasonShare> reasons_of(const std::vector<uint64_t>& counts,
                                    const SimulationModel& model, uint32_t t) {
  const auto codes = model.reason_codes(t);
  const auto labels = model.reason_labels(t);
  const auto suggestions = model.reason_suggestions(t);
  std::vector<ReasonShare> out;
  for (size_t r = 0; r < counts.size(); ++r) {
    if (counts[r] > 0) {
      out.push_back({codes[r], labels[r], suggestions[r], counts[r]});
    }
  }
  // Most frequent first; ties in declaration order so output is stable.
  std::stable_sort(out.begin(), out.end(),
                   [](const ReasonShare& a, const ReasonShare& b) { return a.count > b.count; });
  return out;
}

// A stage as reached by `agents` customers (everyone's, or one persona's).
StageReport stage_report(const Stage& stage, const StageTally& st, uint64_t agents) {
  StageReport r;
  r.id = stage.id;
  r.owner = stage.owner;
  r.reached = st.reached;
  r.dropped = st.dropped;
  r.converted = st.converted;
  r.reach_rate = proportion(st.reached, agents);
  r.drop_rate = proportion(st.dropped, st.reached);
  r.conversion_rate = proportion(st.converted, st.reached);
  r.satisfaction = mean_of(st.satisfaction);
  return r;
}

void add_opportunities(RunReport& report, const SimulationModel& model, const RunTally& tally) {
  const auto& scenario = model.scenario();
  const double agents = static_cast<double>(std::max<uint64_t>(tally.journey.agents, 1));
  // Where customers are lost (journeys that ended there unconverted: not a
  // drop after converting, such as the ignored thank-you e-mail), the
  // channel's own suggestion for the top reason.
  for (const TouchpointReport& tp : report.touchpoints) {
    if (tp.lost_reasons.empty()) {
      continue;
    }
    const ReasonShare& top = tp.lost_reasons.front();
    const double impact = static_cast<double>(top.count) / agents;
    if (impact >= 0.01) {
      report.opportunities.push_back(
          {tp.id, "", top.label + " (" + std::to_string(top.count) + " customers lost)",
           top.suggestion, impact});
    }
  }
  // A persona lost on a channel it barely follows while it prefers another.
  for (size_t p = 0; p < scenario.personas.size(); ++p) {
    const Persona& persona = scenario.personas[p];
    for (size_t t = 0; t < scenario.touchpoints.size(); ++t) {
      const Touchpoint& tp = scenario.touchpoints[t];
      const js_persona_view& view = model.touchpoints()[t].personas[p];
      const TouchpointSlice& slice = tally.personas[p].touchpoints[t];
      if (slice.lost == 0 || !persona.channels.count(tp.channel) ||
          view.channel_affinity > 0.3 || view.best_other_affinity < view.channel_affinity + 0.3) {
        continue;
      }
      std::string preferred;
      for (const auto& [name, value] : persona.channels) {
        if (name != tp.channel && value == view.best_other_affinity && preferred.empty()) {
          preferred = name;
        }
      }
      char buffer[256];
      std::snprintf(buffer, sizeof buffer, "%s prefers %s (%.2f); '%s' uses %s (%.2f)",
                    persona.id.c_str(), preferred.c_str(), view.best_other_affinity,
                    tp.id.c_str(), tp.channel.c_str(), view.channel_affinity);
      report.opportunities.push_back({tp.id, persona.id, buffer,
                                      "reach " + persona.id + " through " + preferred +
                                          " at this step",
                                      static_cast<double>(slice.lost) / agents});
    }
  }
  std::stable_sort(report.opportunities.begin(), report.opportunities.end(),
                   [](const Opportunity& a, const Opportunity& b) { return a.impact > b.impact; });
}

// The node that first leads to `node`: touchpoints' `next` then `on` in
// scenario order, then steps' routes; "" when none does (cannot happen for
// a step of a loaded scenario: every step is reachable).
std::string first_lead_to(const Scenario& scenario, const std::string& node) {
  for (const Touchpoint& tp : scenario.touchpoints) {
    for (const Edge& e : tp.next) {
      if (e.to == node) {
        return tp.id;
      }
    }
    for (const EventRoute& route : tp.on) {
      if (route.to.id == node) {
        return tp.id;
      }
    }
  }
  for (const Step& step : scenario.steps) {
    for (const StepRoute& route : describe_step(step).routes) {
      if (route.to == node) {
        return step.id;
      }
    }
  }
  return "";
}

// Steps' arrivals (waits: time waited) and experiments' arms.
void add_steps(const Scenario& scenario, const RunTally& tally, RunReport& report) {
  for (size_t s = 0; s < scenario.steps.size() && s < tally.steps.size(); ++s) {
    const Step& step = scenario.steps[s];
    const StepTally& st = tally.steps[s];
    StepReport r;
    r.id = step.id;
    r.kind = step_kind_name(step.kind);
    r.arrivals = st.arrivals;
    r.agents = st.agents;
    r.cut_off = st.cut_off;
    r.exits = st.exits;
    r.returned = st.returned;
    r.name = step.name.empty() ? step.id : step.name;
    r.stage = step.stage;
    StepDescription described = describe_step(step);
    r.description = std::move(described.text);
    r.routes = std::move(described.routes);
    // Followed back through steps to the touchpoint the step hangs from.
    r.after = first_lead_to(scenario, step.id);
    for (size_t hops = 0; hops < scenario.steps.size() && scenario.find_step(r.after) >= 0; ++hops) {
      r.after = first_lead_to(scenario, r.after);
    }
    if (step.kind == Step::Kind::Wait) {
      r.duration = wait_duration_text(step.wait_for);
    }
    if (step.kind == Step::Kind::Wait && st.hours.count() > 0) {
      r.mean_hours = st.hours.mean();
      r.waited = mean_of(st.hours);
    }
    report.steps.push_back(std::move(r));
    if (step.kind != Step::Kind::Experiment) {
      continue;
    }
    ExperimentReport x;
    x.id = step.id;
    for (size_t a = 0; a < step.arms.size() && a < st.arm_agents.size(); ++a) {
      ArmReport arm;
      arm.name = step.arms[a].name;
      arm.agents = st.arm_agents[a];
      arm.arrivals = st.arm_arrivals[a];
      arm.converted = st.arm_converted[a];
      arm.conversion_rate = proportion(arm.converted, arm.agents);
      x.arms.push_back(std::move(arm));
    }
    // A tally not shaped by empty_tally has no pairs to read.
    if (st.arm_pairs.size() == step.arms.size() * kArmOutcomes * kArmOutcomes) {
      for (uint32_t a = 1; a < step.arms.size(); ++a) {
        x.effects.push_back(arm_effect(st, a, step.arms[a].name));
      }
    }
    report.experiments.push_back(std::move(x));
  }
}

}  // namespace

// The queues as the coupled pass measured them: the mean wait and the
// shares have intervals by batch means (customers in a queue are not
// independent: docs/capacity.md); utilisation and the p90 are points.
void add_resources(const Scenario& scenario, const RunTally& tally, RunReport& report) {
  for (size_t r = 0; r < scenario.resources.size() && r < tally.resources.size(); ++r) {
    const Resource& res = scenario.resources[r];
    const ResourceTally& rt = tally.resources[r];
    ResourceReport out;
    out.id = res.id;
    out.name = res.name;
    out.capacity = res.capacity;
    out.arrivals = rt.arrivals;
    out.waited = rt.waited;
    out.gave_up = rt.gave_up;
    out.served = rt.served;
    for (const Touchpoint& tp : scenario.touchpoints) {
      if (tp.uses == res.id) {
        out.used_by.push_back(tp.id);
      }
    }
    if (rt.arrivals > 0) {
      out.utilization =
          exact(rt.open_hours > 0.0 ? rt.busy_hours / rt.open_hours : 0.0, rt.arrivals);
      out.wait_minutes = Estimate{rt.wait_mean_hours * 60.0, rt.wait_ci_low_hours * 60.0,
                                  rt.wait_ci_high_hours * 60.0, rt.arrivals, true};
      out.wait_p90_minutes = exact(rt.wait_p90_hours * 60.0, rt.arrivals);
      const auto n = static_cast<double>(rt.arrivals);
      out.waited_share = Estimate{static_cast<double>(rt.waited) / n, rt.waited_ci_low,
                                  rt.waited_ci_high, rt.arrivals, true};
      out.gave_up_share = Estimate{static_cast<double>(rt.gave_up) / n, rt.gave_up_ci_low,
                                   rt.gave_up_ci_high, rt.arrivals, true};
      out.mean_queue_length = exact(rt.mean_queue_length, rt.arrivals);
    }
    report.resources.push_back(std::move(out));
  }
}

void add_series(const SimulationModel& model, const RunTally& tally, RunReport& report) {
  const SeriesTally& st = tally.series;
  if (st.arrivals.empty()) {
    return;
  }
  SeriesReport& out = report.series;
  out.bin_hours = model.series_bin_hours();
  const Journey& journey = model.scenario().journey;
  for (size_t b = 0; b < st.arrivals.size(); ++b) {
    out.hours.push_back(static_cast<double>(b) * out.bin_hours);
    const UtcSeconds at = calendar::instant_after(journey.start, out.hours.back());
    out.times.push_back(calendar::format_timestamp(
        at, journey.zone ? journey.zone->offset_seconds_at(at) : journey.start_offset_seconds));
  }
  out.arrivals = st.arrivals;
  out.conversions = st.conversions;
  out.messages = st.messages;
  for (size_t r = 0; r < tally.resources.size(); ++r) {
    const ResourceTally& rt = tally.resources[r];
    ResourceSeries rs;
    rs.id = model.scenario().resources[r].id;
    for (size_t b = 0; b < rt.queue_hours.size(); ++b) {
      rs.queue_length.push_back(rt.queue_hours[b] / out.bin_hours);
      rs.utilization.push_back(rt.open_by_bin[b] > 0.0 ? rt.busy_by_bin[b] / rt.open_by_bin[b]
                                                       : 0.0);
    }
    out.resources.push_back(std::move(rs));
  }
}

RunReport summarize(const SimulationModel& model, const RunTally& tally,
                    const RunOptions& options) {
  const Scenario& scenario = model.scenario();
  RunReport report;
  report.name = scenario.journey.name;
  report.purpose = scenario.journey.purpose;
  report.type = scenario.journey.type;
  report.horizon_days = scenario.journey.horizon_days;
  report.max_steps = scenario.journey.max_steps;
  report.conversion = scenario.journey.conversion;
  report.manifest = make_manifest(model, options);
  report.journey = journey_metrics(tally.journey, model);

  report.time_to_convert = tally.journey.time_to_convert;
  for (size_t s = 0; s < scenario.stages.size(); ++s) {
    report.stages.push_back(stage_report(scenario.stages[s], tally.stages[s], tally.journey.agents));
  }

  for (size_t t = 0; t < scenario.touchpoints.size(); ++t) {
    const Touchpoint& tp = scenario.touchpoints[t];
    const TouchpointTally& tt = tally.touchpoints[t];
    TouchpointReport r;
    r.id = tp.id;
    r.name = tp.name;
    r.stage = tp.stage;
    r.channel = tp.channel;
    r.milestone = tp.milestone;
    r.actions = tp.actions;
    r.exit = tp.exit;
    r.arrivals = tt.arrivals;
    r.agents = tt.agents;
    r.continued = tt.continued;
    r.dropped = tt.dropped;
    r.rerouted = tt.rerouted;
    r.cut_off = tt.cut_off;
    r.exits = tt.exits;
    r.drop_rate = proportion(tt.dropped, tt.arrivals);
    r.effort = mean_of(tt.effort);
    r.emotion = mean_of(tt.emotion);
    r.satisfaction = mean_of(tt.satisfaction);
    r.hours = mean_of(tt.hours);
    r.model_continue = mean_of(tt.p_continue);
    r.revenue = tt.money.sum();
    r.reasons = reasons_of(tt.reasons, model, static_cast<uint32_t>(t));
    r.lost = tt.lost;
    r.lost_rate = proportion(tt.lost, tt.agents);
    r.lost_reasons = reasons_of(tt.lost_reasons, model, static_cast<uint32_t>(t));
    if (!model.touchpoints()[t].caps.empty()) {
      r.capped = tt.capped;
    }
    if (tp.window) {
      r.window_wait_hours = mean_of(tt.window_hours);
    }
    for (size_t e = 0; e < tp.next.size(); ++e) {
      r.flows.emplace_back(tp.next[e].to, tt.edges[e]);
    }
    report.touchpoints.push_back(std::move(r));
  }

  add_steps(scenario, tally, report);

  for (size_t p = 0; p < scenario.personas.size(); ++p) {
    const PersonaTally& pt = tally.personas[p];
    PersonaReport r;
    r.id = scenario.personas[p].id;
    r.share = scenario.personas[p].share;
    r.metrics = journey_metrics(pt.journey, model);
    for (size_t s = 0; s < pt.stages.size(); ++s) {
      r.stage_satisfaction.push_back(mean_of(pt.stages[s].satisfaction));
      r.stages.push_back(stage_report(scenario.stages[s], pt.stages[s], pt.journey.agents));
    }
    for (size_t t = 0; t < scenario.touchpoints.size(); ++t) {
      const TouchpointSlice& slice = pt.touchpoints[t];
      PersonaTouchpoint ptp;
      ptp.touchpoint = scenario.touchpoints[t].id;
      ptp.arrivals = slice.arrivals;
      ptp.dropped = slice.dropped;
      ptp.drop_rate = proportion(slice.dropped, slice.arrivals);
      const auto reasons = reasons_of(slice.reasons, model, static_cast<uint32_t>(t));
      ptp.top_reason = reasons.empty() ? "" : reasons.front().label;
      ptp.reasons = reasons;
      ptp.agents = slice.agents;
      ptp.lost = slice.lost;
      ptp.lost_rate = proportion(slice.lost, slice.agents);
      ptp.lost_reasons = reasons_of(slice.lost_reasons, model, static_cast<uint32_t>(t));
      r.touchpoints.push_back(std::move(ptp));
    }
    report.personas.push_back(std::move(r));
  }
  add_resources(scenario, tally, report);
  add_series(model, tally, report);
  add_opportunities(report, model, tally);
  return report;
}

namespace {

void journey_rows(const JourneyMetrics& m, const std::string& prefix, const std::string& scope,
                  const std::string& entity, std::vector<MetricRow>& rows) {
  auto add = [&](const std::string& name, const Estimate& e, bool count = false) {
    rows.push_back({prefix + name, scope, entity, name, e, count});
  };
  add("agents", exact(static_cast<double>(m.agents), m.agents), true);
  add("conversions", exact(static_cast<double>(m.converted), m.agents), true);
  add("conversion_rate", m.conversion_rate);
  add("bounce_rate", m.bounce_rate);
  add("cart_abandonment_rate", m.cart_abandonment_rate);
  add("repeat_rate", m.repeat_rate);
  add("time_to_convert.median_days", m.time_to_convert_median_days);
  add("time_to_convert.p90_days", m.time_to_convert_p90_days);
  add("time_to_convert.mean_days", m.time_to_convert_mean_days);
  add("csat", m.csat);
  add("ces", m.ces);
  add("nps", m.nps);
  add("revenue_per_agent", m.revenue_per_agent);
  add("referrals_per_agent", m.referrals_per_agent);
  add("messages_per_agent", m.messages_per_agent);
  add("effort_per_agent", m.effort_per_agent);
  add("path_length", m.path_length);
  add("satisfaction", m.satisfaction);
  for (const auto& [name, e] : m.milestones) {
    add("milestones." + name + ".rate", e);
  }
}

// Journey model 2's rows, after every model-1 row (a journey without steps
// has none of them, so its rows are what they always were). Every arm after
// the first has an effect row, with no value until the effect is known, so
// a threshold can name it whatever the run counted.
void step_rows(const RunReport& report, std::vector<MetricRow>& rows) {
  for (const StepReport& s : report.steps) {
    const std::string prefix = "steps." + s.id + ".";
    auto add = [&](const std::string& name, const Estimate& e, bool count) {
      rows.push_back({prefix + name, "step", s.id, name, e, count});
    };
    add("arrivals", exact(static_cast<double>(s.arrivals), s.arrivals), true);
    add("agents", exact(static_cast<double>(s.agents), s.agents), true);
    if (s.kind == "wait") {
      add("mean_hours", s.waited, false);
    }
  }
  for (const ExperimentReport& x : report.experiments) {
    const std::string prefix = "experiments." + x.id + ".";
    auto add = [&](const std::string& name, const Estimate& e, bool count) {
      rows.push_back({prefix + name, "experiment", x.id, name, e, count});
    };
    for (const ArmReport& a : x.arms) {
      add("arms." + a.name + ".agents", exact(static_cast<double>(a.agents), a.agents), true);
      add("arms." + a.name + ".conversion_rate", a.conversion_rate, false);
    }
    for (size_t k = 1; k < x.arms.size(); ++k) {
      const std::string& arm = x.arms[k].name;
      const ArmEffect* effect = nullptr;
      for (const ArmEffect& e : x.effects) {
        effect = e.arm == arm ? &e : effect;
      }
      add("effects." + arm + ".conversion_rate", effect ? effect->conversion_rate : Estimate{},
          false);
      const std::optional<uint64_t> n =
          effect ? effect->sample_size_per_arm : std::optional<uint64_t>{};
      add("sample_size_per_arm." + arm,
          n ? exact(static_cast<double>(*n), *n) : Estimate{}, true);
    }
  }
}

}  // namespace

Better better_direction(const std::string& metric) {
  static const char* const kHigher[] = {
      "conversion_rate", "repeat_rate", "csat", "ces", "nps", "revenue_per_agent",
      "referrals_per_agent", "satisfaction", "reach_rate", "conversions", "continued",
      "revenue", "model_continue_probability", "emotion"};
  static const char* const kLower[] = {
      "bounce_rate", "cart_abandonment_rate", "time_to_convert.median_days",
      "time_to_convert.p90_days", "time_to_convert.mean_days", "effort_per_agent",
      "drop_rate", "dropped", "lost", "lost_rate", "effort", "hours", "wait_minutes",
      "wait_p90_minutes", "waited_share", "gave_up_share", "gave_up", "mean_queue_length",
      "capped", "window_wait_hours"};
  for (const char* name : kHigher) {
    if (metric == name) {
      return Better::Higher;
    }
  }
  for (const char* name : kLower) {
    if (metric == name) {
      return Better::Lower;
    }
  }
  // Milestone rates ("milestones.lead.rate") are reach rates: higher is better.
  if (metric.rfind("milestones.", 0) == 0) {
    return Better::Higher;
  }
  return Better::Neither;
}

std::vector<MetricRow> metric_rows(const RunReport& report) {
  std::vector<MetricRow> rows;
  journey_rows(report.journey, "", "journey", "", rows);
  for (const StageReport& s : report.stages) {
    const std::string prefix = "stages." + s.id + ".";
    auto add = [&](const std::string& name, const Estimate& e, bool count = false) {
      rows.push_back({prefix + name, "stage", s.id, name, e, count});
    };
    add("reached", exact(static_cast<double>(s.reached), s.reached), true);
    add("reach_rate", s.reach_rate);
    add("drop_rate", s.drop_rate);
    add("conversion_rate", s.conversion_rate);
    add("satisfaction", s.satisfaction);
  }
  for (const TouchpointReport& t : report.touchpoints) {
    const std::string prefix = "touchpoints." + t.id + ".";
    auto add = [&](const std::string& name, const Estimate& e, bool count = false) {
      rows.push_back({prefix + name, "touchpoint", t.id, name, e, count});
    };
    add("arrivals", exact(static_cast<double>(t.arrivals), t.arrivals), true);
    add("agents", exact(static_cast<double>(t.agents), t.agents), true);
    add("continued", exact(static_cast<double>(t.continued), t.arrivals), true);
    add("dropped", exact(static_cast<double>(t.dropped), t.arrivals), true);
    add("rerouted", exact(static_cast<double>(t.rerouted), t.arrivals), true);
    add("drop_rate", t.drop_rate);
    add("lost", exact(static_cast<double>(t.lost), t.agents), true);
    add("lost_rate", t.lost_rate);
    add("effort", t.effort);
    add("emotion", t.emotion);
    add("satisfaction", t.satisfaction);
    add("hours", t.hours);
    add("model_continue_probability", t.model_continue);
    add("revenue", exact(t.revenue, t.arrivals), true);
    if (t.capped) {
      add("capped", exact(static_cast<double>(*t.capped), t.arrivals), true);
    }
    if (t.window_wait_hours) {
      add("window_wait_hours", *t.window_wait_hours);
    }
  }
  for (const PersonaReport& p : report.personas) {
    journey_rows(p.metrics, "personas." + p.id + ".", "persona", p.id, rows);
    for (size_t s = 0; s < report.stages.size(); ++s) {
      rows.push_back({"personas." + p.id + ".stages." + report.stages[s].id + ".satisfaction",
                      "persona", p.id, "stages." + report.stages[s].id + ".satisfaction",
                      p.stage_satisfaction[s], false});
    }
    for (const PersonaTouchpoint& t : p.touchpoints) {
      rows.push_back({"personas." + p.id + ".touchpoints." + t.touchpoint + ".drop_rate",
                      "persona", p.id, "touchpoints." + t.touchpoint + ".drop_rate", t.drop_rate,
                      false});
      rows.push_back({"personas." + p.id + ".touchpoints." + t.touchpoint + ".lost_rate",
                      "persona", p.id, "touchpoints." + t.touchpoint + ".lost_rate", t.lost_rate,
                      false});
    }
  }
  step_rows(report, rows);
  for (const ResourceReport& r : report.resources) {
    const std::string prefix = "resources." + r.id + ".";
    auto add = [&](const std::string& name, const Estimate& e, bool count = false) {
      rows.push_back({prefix + name, "resource", r.id, name, e, count});
    };
    add("arrivals", exact(static_cast<double>(r.arrivals), r.arrivals), true);
    add("gave_up", exact(static_cast<double>(r.gave_up), r.arrivals), true);
    add("utilization", r.utilization);
    add("wait_minutes", r.wait_minutes);
    add("wait_p90_minutes", r.wait_p90_minutes);
    add("waited_share", r.waited_share);
    add("gave_up_share", r.gave_up_share);
    add("mean_queue_length", r.mean_queue_length);
  }
  for (MetricRow& row : rows) {
    // Persona rows carry a nested metric ("touchpoints.x.drop_rate"): its
    // direction is that of the last metric name.
    const std::string& m = row.metric;
    const size_t dot = m.rfind('.');
    const bool nested = m.rfind("touchpoints.", 0) == 0 || m.rfind("stages.", 0) == 0 ||
                        m.rfind("arms.", 0) == 0 || m.rfind("effects.", 0) == 0;
    row.better = better_direction(nested && dot != std::string::npos ? m.substr(dot + 1) : m);
  }
  return rows;
}

}  // namespace journeysim
