// Removal effects by simulation: each channel's touchpoints replaced by a
// fixed touchpoint that drops everyone (and routes no event: the customer is
// lost), while steps stay as they are, run on the same agents as the
// journey itself (common random numbers: compare_runs pairs them), so the
// change in conversion is measured with a paired interval.
#include <cmath>

#include "calibrate/attribution_internal.h"
#include "journeysim/comparison.h"

namespace journeysim {
namespace {

const MetricChange* change_of(const VariantComparison& v, const std::string& path) {
  for (const MetricChange& c : v.changes) {
    if (c.path == path) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace

Attribution attribute_by_simulation(const SimulationModel& model, const PluginCatalog& catalog,
                                    const RunOptions& options) {
  const Scenario& base = model.scenario();
  std::vector<std::string> groups;
  for (const Touchpoint& tp : base.touchpoints) {
    groups.push_back(touchpoint_group(tp));
  }
  const std::vector<std::string> channels = attribution_groups(groups);
  std::vector<SimulationModel> variants;
  variants.reserve(channels.size());
  for (const std::string& channel : channels) {
    Scenario s = base;
    for (size_t t = 0; t < s.touchpoints.size(); ++t) {
      Touchpoint& tp = s.touchpoints[t];
      if (touchpoint_group(tp) == channel) {
        // Splits may test its outcome by its own channel's event names.
        tp.condition_events = model.touchpoints()[t].event_names();
        tp.channel = "fixed";
        ParamValue drop;
        drop.kind = ParamValue::Kind::Number;
        drop.number = 1.0;
        drop.where = tp.params_where;
        tp.params = {{"drop", drop}};
        tp.on.clear();  // a drop routed elsewhere would not lose the customer
      }
    }
    variants.emplace_back(std::move(s), catalog);
  }
  std::vector<const SimulationModel*> pointers;
  for (const SimulationModel& v : variants) {
    pointers.push_back(&v);
  }
  const ComparisonReport report = compare_runs(model, pointers, options);
  Attribution a;
  a.method = "simulation";
  a.customers = static_cast<double>(options.agents);
  a.seed = options.seed;
  a.conversion_rate = report.baseline.journey.conversion_rate.value;
  a.value_per_customer = report.baseline.journey.revenue_per_agent.value;
  for (size_t k = 0; k < channels.size(); ++k) {
    ChannelShare c;
    c.channel = channels[k];
    const double p = a.conversion_rate;
    const double p_without = report.variants[k].report.journey.conversion_rate.value;
    c.removal_effect = p > 0 ? 1.0 - p_without / p : 0.0;
    if (const MetricChange* m = change_of(report.variants[k], "conversion_rate");
        m != nullptr && m->difference.has_value() && p > 0) {
      c.interval = (m->difference.high - m->difference.low) / 2.0 / p;
    }
    const double v = a.value_per_customer;
    const double v_without = report.variants[k].report.journey.revenue_per_agent.value;
    c.value_removal_effect = v > 0 ? 1.0 - v_without / v : 0.0;
    a.channels.push_back(c);
  }
  finish_attribution(a);
  return a;
}

}  // namespace journeysim
