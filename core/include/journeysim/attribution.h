// Channel attribution by removal effect: for each channel, the relative drop
// in conversions (and value) when its touchpoints are removed — customers
// who would pass through them drop there. Exact for journeys of `fixed`
// touchpoints (an absorbing Markov chain, solved), by paired simulation
// with common random numbers for journeys with plugin channels.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "journeysim/calibrate.h"
#include "journeysim/engine.h"
#include "journeysim/plugin_host.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

/// A journey as a Markov chain over touchpoints, absorbing in "converted"
/// and "left".
struct AttributionChain {
  std::vector<std::string> group;   // channel of each state; "" = never removed
  std::vector<double> entry;        // share of customers starting there
  std::vector<double> convert;      // probability of converting at a visit
  std::vector<std::vector<std::pair<uint32_t, double>>> moves;  // to, probability
  std::vector<double> gain;         // expected value taken per visit
  double customers = 0.0;           // how many the totals are for
};

/// The chain of a journey whose touchpoints all use the `fixed` channel.
/// Throws InputError naming a touchpoint with another channel.
AttributionChain chain_from_model(const SimulationModel& model);
/// The chain of a fitted journey (e.g. of the path format).
AttributionChain chain_from_fit(const FittedJourney& journey);

/// Probability of converting and expected value per customer, with the
/// states of `removed` (by group) turned into drops. A state that converts
/// absorbs for the conversion probability (a customer counts once); value
/// keeps accruing after it, as in the engine. Horizon and step limits are
/// not part of the chain.
std::pair<double, double> solve_chain(const AttributionChain& chain,
                                      const std::string& removed = "");

struct ChannelShare {
  std::string channel;
  double removal_effect = 0.0;        // 1 - P(convert without) / P(convert)
  double value_removal_effect = 0.0;  // same for value per customer
  double conversion_share = 0.0;      // removal effect normalised over channels
  double value_share = 0.0;
  double conversions = 0.0;           // share x total conversions
  double value = 0.0;                 // share x total value
  double interval = 0.0;              // simulation: 95% half-width of removal_effect
};

struct Attribution {
  std::string journey;
  std::string method;  // "exact" or "simulation"
  double customers = 0.0;
  double conversion_rate = 0.0;
  double value_per_customer = 0.0;
  uint64_t seed = 0;
  std::vector<ChannelShare> channels;  // largest removal effect first
};

/// Exact removal effects of every group of `chain`.
Attribution attribute_exact(const AttributionChain& chain);

/// Removal effects by simulation: the journey and one variant per channel
/// (its touchpoints dropping everyone), all on the same agents.
Attribution attribute_by_simulation(const SimulationModel& model, const PluginCatalog& catalog,
                                    const RunOptions& options);

std::string render_attribution_table(const Attribution& a);
/// Schema "journeysim.attribute/1".
std::string render_attribution_json(const Attribution& a);

}  // namespace journeysim
