// Channel attribution by removal effect: for each channel, the relative drop
// in conversions (and value) when its touchpoints are removed — customers
// who would pass through them drop there. Steps (waits, splits,
// experiments, updates, exits) are not channels: they get no credit and are
// never removed; customers pass through them. Exact for journeys of `fixed`
// touchpoints whose steps are Markov (an absorbing Markov chain, solved), by
// paired simulation with common random numbers otherwise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "journeysim/calibrate.h"
#include "journeysim/diagnostics.h"
#include "journeysim/engine.h"
#include "journeysim/heuristic_attribution.h"
#include "journeysim/path_set.h"
#include "journeysim/plugin_host.h"
#include "journeysim/simulation_model.h"

namespace journeysim {

/// One move out of a state of an AttributionChain.
struct ChainMove {
  uint32_t to = 0;
  double probability = 0.0;
  // Taken by a customer who converted at this visit (so it does not change
  // whether they convert); false for a move without converting, e.g. an
  // `on` route of a drop at a touchpoint that converts.
  bool after_converting = false;
};

/// A journey as a Markov chain over touchpoints (and steps), absorbing in
/// "converted" and "left".
struct AttributionChain {
  std::vector<std::string> group;   // channel of each state; "" = never removed
  std::vector<double> entry;        // share of customers starting there
  std::vector<double> convert;      // probability of converting at a visit
  std::vector<std::vector<ChainMove>> moves;
  std::vector<double> gain;         // expected value taken per visit
  // Value taken on a move, per state and move (as `moves`); empty when no
  // move carries value. The path chain's last-channel value rule puts a
  // channel's mean value per conversion on its move into "(conversion)".
  std::vector<std::vector<double>> move_value;
  double customers = 0.0;           // how many the totals are for
};

/// Why a journey's removal effects cannot be solved exactly (where, and
/// why), or nothing when they can: every touchpoint uses the `fixed`
/// channel, every split condition reads the persona at most (the chain is
/// then solved per persona), and no experiment can be entered twice (an
/// agent keeps its arm, which a chain cannot remember).
std::optional<Diagnostic> exact_attribution_obstacle(const SimulationModel& model);

/// The chain of a journey without an exact_attribution_obstacle: its states
/// are the nodes (touchpoints, then steps), repeated per persona when a
/// split reads the persona. Steps belong to no group. Time is not part of
/// the chain: waits, races (as the probability that a return comes first),
/// edge delays and the horizon do not cut journeys short in it.
/// Throws InputError with the obstacle.
AttributionChain chain_from_model(const SimulationModel& model);
/// The chain of a fitted journey (e.g. of the path format).
AttributionChain chain_from_fit(const FittedJourney& journey);
/// How the chain of paths values a conversion.
enum class PathValueRule {
  /// ChannelAttribution's Markov rule: a conversion is worth the mean value
  /// per conversion of the channel it converted from (its last channel).
  LastChannel,
  /// Every conversion is worth the mean value of all conversions, so each
  /// channel's value share is its conversion share (journeysim before 22).
  ConversionShare,
};

/// The chain of weighted paths: the chain of the journey `calibrate` would
/// fit to them (same states, same order, same arithmetic), counts may be
/// fractional, conversions valued by `rule`. Throws InputError (naming
/// `file`) when no path converts.
AttributionChain chain_from_paths(const PathSet& paths, const std::string& file,
                                  PathValueRule rule = PathValueRule::LastChannel);

/// Probability of converting and expected value per customer, with the
/// states of `removed` (by group) turned into drops. A conversion absorbs
/// for the conversion probability (a customer counts once); value keeps
/// accruing after it, as in the engine. Horizon and step limits are not part
/// of the chain.
std::pair<double, double> solve_chain(const AttributionChain& chain,
                                      const std::string& removed = "");

/// A 95 % interval (bootstrap percentiles).
struct Interval {
  double low = 0.0, high = 0.0;
};

/// Intervals of one model's credit to a channel.
struct CreditInterval {
  Interval conversions, value;
};

struct ChannelShare {
  std::string channel;
  double removal_effect = 0.0;        // 1 - P(convert without) / P(convert)
  double value_removal_effect = 0.0;  // same for value per customer
  double conversion_share = 0.0;      // removal effect normalised over channels
  double value_share = 0.0;
  double conversions = 0.0;           // share x total conversions
  double value = 0.0;                 // share x total value
  double interval = 0.0;              // simulation: 95% half-width of removal_effect
  std::vector<Credit> credit;         // one per Attribution::models, in its order
  // Bootstrap intervals (Attribution::bootstrap_replicates > 0): of the
  // removal effects, of the Markov model's conversions and value, and of
  // each model's credit (one per Attribution::models).
  Interval removal_effect_ci, value_removal_effect_ci;
  CreditInterval markov_ci;
  std::vector<CreditInterval> credit_ci;
};

/// A model reported beside the removal effect: its JSON key and CSV prefix
/// (`name`), and its heading in the table and on the page (`title`).
struct CreditModel {
  std::string name;
  std::string title;
};

/// One step down a model's ranking of channels by attributed conversions:
/// the difference between neighbours in rank and its bootstrap interval.
struct RankStep {
  std::string higher, lower;
  double difference = 0.0;
  Interval ci;
  /// The interval excludes zero: the data tell these two channels apart.
  bool real() const { return ci.low > 0.0 || ci.high < 0.0; }
};

/// A model's channels from most to fewest conversions, with the steps
/// between neighbours (steps[k] is between ranks k and k + 1).
struct ModelRanking {
  std::string model;  // "markov" or a CreditModel::name
  std::vector<RankStep> steps;
};

struct Attribution {
  std::string journey;
  std::string method;  // "exact" or "simulation"
  // Paths: how conversions were valued ("last_channel" or
  // "conversion_share"); "" for a journey (its touchpoints' values).
  std::string value_rule;
  // Why a journey of `fixed` touchpoints was simulated (its
  // exact_attribution_obstacle); "" when exact, asked for, or plugins.
  std::string simulated_because;
  double customers = 0.0;
  double conversion_rate = 0.0;
  double value_per_customer = 0.0;
  uint64_t seed = 0;                   // simulation, or the bootstrap's
  std::vector<ChannelShare> channels;  // largest removal effect first
  // Models reported beside the removal effect (--models); empty: none.
  std::vector<CreditModel> models;
  HeuristicParameters heuristic_parameters;
  // Bootstrap over the paths' customers; 0 replicates: none ran.
  uint32_t bootstrap_replicates = 0;
  std::vector<ModelRanking> rankings;  // markov first, then as `models`
};

/// What to attribute on weighted paths: the Markov model valued by
/// `value_rule`, the heuristics `heuristics` and, when asked, the Shapley value.
struct PathModels {
  PathValueRule value_rule = PathValueRule::LastChannel;
  std::vector<HeuristicModel> heuristics;
  HeuristicParameters parameters;
  bool shapley = false;
};

/// Every model of `models` on `paths` (`file` names them in errors): the
/// removal effects of the path chain, then the credit of each model.
Attribution attribute_paths(const PathSet& paths, const std::string& file,
                            const PathModels& models);

/// Adds the credit of each of `models` on `paths` to every channel of `a`
/// (the channels of the path chain: every channel of `paths`).
void add_heuristics(Attribution& a, const PathSet& paths,
                    const std::vector<HeuristicModel>& models,
                    const HeuristicParameters& parameters);
/// Adds the Shapley value (shapley_attribution.h) to every channel of `a`.
void add_shapley(Attribution& a, const PathSet& paths);

/// Exact removal effects of every group of `chain`.
Attribution attribute_exact(const AttributionChain& chain);

/// Removal effects by simulation: the journey and one variant per channel
/// (its touchpoints dropping everyone, their `on` routes gone), all on the
/// same agents.
Attribution attribute_by_simulation(const SimulationModel& model, const PluginCatalog& catalog,
                                    const RunOptions& options);

/// Each ranking's tier of every channel (indexed as a.rankings, then as
/// a.channels): "a" for the top channel, and a new letter wherever the step
/// down from the channel ranked above is real (RankStep::real), so channels
/// sharing a letter in a model are ones the data do not tell apart from
/// their neighbours. Empty without a bootstrap.
std::vector<std::vector<std::string>> channel_tiers(const Attribution& a);

std::string render_attribution_table(const Attribution& a);
/// Schema "journeysim.attribute/1".
std::string render_attribution_json(const Attribution& a);
/// One row per channel, the removal effect's columns then two per model
/// (`<model>_conversions`, `<model>_value`), then, after a bootstrap, the
/// bounds of every one of those intervals (`<column>_low`, `<column>_high`).
std::string render_attribution_csv(const Attribution& a);
/// One self-contained page: every model side by side, with the intervals.
std::string render_attribution_html(const Attribution& a);

}  // namespace journeysim
