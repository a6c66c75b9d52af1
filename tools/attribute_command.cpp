// journeysim attribute: channel attribution by removal effect.
#include "attribute_command.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>

#include "cli_common.h"
#include "event_log_options.h"
#include "interrupt.h"
#include "journeysim/attribution.h"
#include "journeysim/attribution_bootstrap.h"
#include "report_formats.h"

namespace journeysim::cli {
namespace {

bool all_fixed(const Scenario& s) {
  for (const Touchpoint& tp : s.touchpoints) {
    if (tp.channel != "fixed") {
      return false;
    }
  }
  return true;
}

// The models of a --models list besides "markov" (the removal effect,
// always reported, may be listed): the heuristics in the report's order,
// and whether the Shapley value is asked for.
PathModels listed_models(const std::string& list) {
  std::vector<bool> wanted(kHeuristicModels.size(), false);
  PathModels models;
  std::stringstream names(list);
  std::string name;
  while (std::getline(names, name, ',')) {
    bool known = name == "markov";
    if (name == "shapley" || name == "all") {
      models.shapley = true;
      known = true;
    }
    for (size_t k = 0; k < kHeuristicModels.size(); ++k) {
      if (name == heuristic_name(kHeuristicModels[k]) || name == "heuristics" || name == "all") {
        wanted[k] = true;
        known = true;
      }
    }
    if (!known) {
      throw InputError(SourceLocation{}, "--models: unknown model '" + name +
                                             "'; expected markov, first_touch, last_touch, "
                                             "linear, time_decay, position_based, shapley, "
                                             "heuristics or all");
    }
  }
  for (size_t k = 0; k < kHeuristicModels.size(); ++k) {
    if (wanted[k]) {
      models.heuristics.push_back(kHeuristicModels[k]);
    }
  }
  return models;
}

HeuristicParameters heuristic_parameters(const AttributeArgs& args) {
  HeuristicParameters p;
  if (!(args.half_life > 0.0) || !std::isfinite(args.half_life)) {
    throw InputError(SourceLocation{}, "--half-life: expected a positive number of steps");
  }
  p.half_life_steps = args.half_life;
  std::vector<double> w;
  std::stringstream parts(args.position_weights);
  std::string part;
  while (std::getline(parts, part, ',')) {
    char* end = nullptr;
    const double v = std::strtod(part.c_str(), &end);
    w.push_back(end != part.c_str() && *end == '\0' && v >= 0.0 ? v : -1.0);  // -1: bad
  }
  if (w.size() != 3 || w[0] < 0.0 || w[1] < 0.0 || w[2] < 0.0 ||
      std::abs(w[0] + w[1] + w[2] - 1.0) > 1e-9 || w[0] + w[2] <= 0.0) {
    throw InputError(SourceLocation{}, "--position-weights '" + args.position_weights +
                                           "': expected first,middle,last shares, "
                                           "non-negative and summing to 1 (e.g. 0.4,0.2,0.4)");
  }
  p.first = w[0];
  p.middle = w[1];
  p.last = w[2];
  return p;
}

}  // namespace

int run_attribute(const AttributeArgs& args) {
  Attribution result;
  PathModels models = listed_models(args.models);
  if ((!models.heuristics.empty() || models.shapley) && args.paths.empty()) {
    throw InputError(SourceLocation{}, "--models: the heuristic models and the Shapley value "
                                       "share each path's conversions among its touches, so "
                                       "they need paths as written (--paths paths.csv)");
  }
  if (args.bootstrap_given && args.paths.empty()) {
    throw InputError(SourceLocation{}, "--bootstrap resamples the customers of a path file "
                                       "(--paths paths.csv); a journey's attribution has no "
                                       "data to resample");
  }
  refuse_outputs_that_overwrite({args.output.out}, {args.paths, args.journey});
  if (!args.paths.empty()) {
    if (!args.journey.empty()) {
      throw InputError(SourceLocation{}, "give a journey or --paths, not both");
    }
    const PathSet paths = read_path_set_file(args.paths, args.log, args.control.quiet);
    models.value_rule = args.value_rule == "last-channel" ? PathValueRule::LastChannel
                                                          : PathValueRule::ConversionShare;
    models.parameters = heuristic_parameters(args);
    result = attribute_paths(paths, args.paths, models);
    BootstrapOptions bootstrap;
    bootstrap.replicates = args.bootstrap;
    bootstrap.seed = args.control.seed >= 0 ? static_cast<uint64_t>(args.control.seed)
                                            : kDefaultBootstrapSeed;
    bootstrap.threads = args.control.threads;
    bootstrap.cancel = cancel_flag();
    add_bootstrap(result, paths, args.paths, models, bootstrap);
  } else {
    if (args.journey.empty()) {
      throw InputError(SourceLocation{}, "give a journey file or --paths paths.csv");
    }
    const PluginCatalog catalog =
        PluginCatalog::discover(plugin_directories(args.scenario_options));
    const auto model = load_model(args.journey, args.scenario_options, catalog);
    refuse_outputs_that_overwrite({args.output.out}, input_files(*model));
    const std::optional<Diagnostic> obstacle = exact_attribution_obstacle(*model);
    if (!args.simulate && !obstacle) {
      result = attribute_exact(chain_from_model(*model));
    } else {
      RunOptions options = run_options(args.control, model->scenario());
      options.cancel = cancel_flag();
      result = attribute_by_simulation(*model, catalog, options);
      // A plugin journey is simulated as it always was; a journey of fixed
      // touchpoints is told why its answer is not exact.
      if (!args.simulate && all_fixed(model->scenario())) {
        result.simulated_because = obstacle->message;
      }
    }
    result.journey = args.journey;
  }
  const std::string text = render_as(attribution_formats(), args.output.format, result);
  throw_if_interrupted();
  emit(args.output, text, args.control.quiet);
  return kOk;
}

}  // namespace journeysim::cli
