// Every metric of metric_rows() written as sums over agents, so that two
// runs over the same agents can be compared metric by metric: a ratio x / y
// (rates and means), a total x (counts), or a quantile (no sum form).
#pragma once

#include <string>
#include <vector>

#include "journeysim/simulation_model.h"
#include "journeysim/tally.h"

namespace journeysim {

enum class MetricForm { Ratio, Total, Quantile };

struct MetricShape {
  std::string path;  // as in metric_rows()
  MetricForm form;
};

/// The metrics of a model, in metric_rows() order.
std::vector<MetricShape> metric_shapes(const SimulationModel& model);

/// x and y of every metric (quantiles get 0, 0), in metric_shapes() order.
struct Components {
  std::vector<double> x, y;
};
void metric_components(const SimulationModel& model, const RunTally& tally, Components& out);

}  // namespace journeysim
