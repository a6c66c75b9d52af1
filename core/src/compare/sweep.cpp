// Sweeps: the base is parsed once (ScenarioTemplate); each point is the base
// with one value per axis, run with the same seed on the same agents, so
// points differ by their settings, not by luck.
#include "journeysim/sweep.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "journeysim/engine.h"

namespace journeysim {
namespace {

[[noreturn]] void bad_axis(const std::string& argument, const std::string& why) {
  throw InputError(SourceLocation{"--set " + argument, 0, 0}, why);
}

bool parse_number(const std::string& text, double& value) {
  char* end = nullptr;
  value = std::strtod(text.c_str(), &end);
  return !text.empty() && end != nullptr && *end == '\0' && std::isfinite(value);
}

std::string number_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

// "a..b" or "a..b:step" into values; integers stay integers (TOML types).
std::vector<std::string> expand_range(const std::string& argument, const std::string& range) {
  const size_t dots = range.find("..");
  const size_t colon = range.find(':', dots);
  const std::string from_text = range.substr(0, dots);
  const std::string to_text = range.substr(dots + 2, colon == std::string::npos ? std::string::npos
                                                                                 : colon - dots - 2);
  const std::string step_text = colon == std::string::npos ? "1" : range.substr(colon + 1);
  double from = 0, to = 0, step = 0;
  if (!parse_number(from_text, from) || !parse_number(to_text, to) ||
      !parse_number(step_text, step)) {
    bad_axis(argument, "a range is FROM..TO or FROM..TO:STEP with numbers, got '" + range + "'");
  }
  if (step <= 0 || to < from) {
    bad_axis(argument, "range '" + range + "' needs FROM <= TO and a positive STEP");
  }
  const bool integers = from == std::floor(from) && step == std::floor(step) &&
                        from_text.find_first_of(".eE") == std::string::npos &&
                        step_text.find_first_of(".eE") == std::string::npos;
  const double count = std::floor((to - from) / step + 1e-9) + 1;
  if (count > static_cast<double>(kMaxSweepPoints)) {
    bad_axis(argument, "range '" + range + "' has more than " + std::to_string(kMaxSweepPoints) +
                           " values");
  }
  std::vector<std::string> values;
  for (int k = 0; k < static_cast<int>(count); ++k) {
    const double v = from + k * step;
    values.push_back(integers ? std::to_string(static_cast<long long>(v)) : number_text(v));
  }
  return values;
}

}  // namespace

SweepAxis parse_sweep_axis(const std::string& argument) {
  const size_t eq = argument.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == argument.size()) {
    bad_axis(argument, "expected path=values, e.g. touchpoints.checkout.params.steps=2..7");
  }
  SweepAxis axis{argument.substr(0, eq), {}};
  const std::string spec = argument.substr(eq + 1);
  const bool quoted_or_array = spec.front() == '"' || spec.front() == '\'' || spec.front() == '[';
  if (!quoted_or_array && spec.find("..") != std::string::npos) {
    axis.values = expand_range(argument, spec);
  } else if (!quoted_or_array && spec.find(',') != std::string::npos) {
    size_t start = 0;
    while (start <= spec.size()) {
      const size_t comma = std::min(spec.find(',', start), spec.size());
      const std::string item = spec.substr(start, comma - start);
      if (item.empty()) {
        bad_axis(argument, "empty value in list '" + spec + "'");
      }
      axis.values.push_back(item);
      start = comma + 1;
    }
  } else {
    axis.values.push_back(spec);
  }
  return axis;
}

namespace {

std::vector<std::vector<std::string>> grid(const std::vector<SweepAxis>& axes) {
  size_t total = 1;
  for (const SweepAxis& a : axes) {
    total *= a.values.size();
    if (total > kMaxSweepPoints) {
      throw InputError(SourceLocation{"--set", 0, 0},
                       "the grid has more than " + std::to_string(kMaxSweepPoints) +
                           " points; sweep fewer values");
    }
  }
  std::vector<std::vector<std::string>> points(total);
  for (size_t p = 0; p < total; ++p) {
    size_t rest = p;
    // The last axis varies fastest, like nested loops written in order.
    std::vector<std::string> settings(axes.size());
    for (size_t a = axes.size(); a-- > 0;) {
      settings[a] = axes[a].path + "=" + axes[a].values[rest % axes[a].values.size()];
      rest /= axes[a].values.size();
    }
    points[p] = std::move(settings);
  }
  return points;
}

uint64_t parse_agents(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !std::isfinite(v) || v != std::floor(v) || v < 1 || v > 1e12) {
    throw InputError(SourceLocation{"--agents", 0, 0},
                     "'" + text + "' is not a whole number of agents between 1 and 10^12");
  }
  return static_cast<uint64_t>(v);
}

RunOptions options_for(const Scenario& scenario, const SweepRequest& request) {
  RunOptions options;
  options.seed = request.seed >= 0 ? static_cast<uint64_t>(request.seed) : scenario.journey.seed;
  options.agents = request.agents.empty() ? scenario.journey.agents : parse_agents(request.agents);
  options.threads = request.threads;
  options.progress = request.progress;
  return options;
}

// An axis may put another channel on a touchpoint: the manifest names
// every channel any point uses, sorted by name.
void add_channels(RunManifest& manifest, const std::vector<ChannelPtr>& channels) {
  for (const ChannelPtr& channel : channels) {
    const ManifestPlugin p = manifest_plugin(*channel);
    const auto at = std::lower_bound(
        manifest.plugins.begin(), manifest.plugins.end(), p,
        [](const ManifestPlugin& a, const ManifestPlugin& b) { return a.name < b.name; });
    if (at == manifest.plugins.end() || at->name != p.name) {
      manifest.plugins.insert(at, p);
    }
  }
}

}  // namespace

uint64_t sweep_agents_per_point(const ScenarioTemplate& base, const SweepRequest& request) {
  return options_for(base.instantiate(), request).agents;
}

SweepReport run_sweep(const ScenarioTemplate& base, const PluginCatalog& catalog,
                      const SweepRequest& request) {
  const auto points = grid(request.axes);
  SweepReport report;
  report.axes = request.axes;
  report.metrics = request.metrics;
  report.objective = request.objective;
  report.maximize = request.maximize;
  if (!report.objective.empty() &&
      std::find(report.metrics.begin(), report.metrics.end(), report.objective) ==
          report.metrics.end()) {
    report.metrics.push_back(report.objective);
  }

  // Every point is checked before anything runs: a typo in the 900th value
  // should not cost the first 899 runs.
  std::vector<Diagnostic> problems;
  for (const auto& settings : points) {
    try {
      SimulationModel(base.instantiate(settings), catalog);
    } catch (const InputError& e) {
      for (const Diagnostic& d : e.diagnostics()) {
        problems.push_back(d);
      }
      break;  // the same mistake usually repeats at every point
    }
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  {
    const SimulationModel first(base.instantiate(points.front()), catalog);
    RunOptions options = options_for(first.scenario(), request);
    const RunReport empty = summarize(first, empty_tally(first), options);
    std::vector<std::string> known;
    for (const MetricRow& row : metric_rows(empty)) {
      known.push_back(row.path);
    }
    for (const std::string& m : report.metrics) {
      if (std::find(known.begin(), known.end(), m) == known.end()) {
        problems.push_back({SourceLocation{"--metric", 0, 0},
                            "unknown metric '" + m + "'" + did_you_mean(m, known)});
      }
    }
    if (!problems.empty()) {
      throw InputError(std::move(problems));
    }
    report.name = first.scenario().journey.name;
    report.manifest = make_manifest(base.instantiate(), {}, options);
  }

  for (const auto& settings : points) {
    const SimulationModel model(base.instantiate(settings), catalog);
    add_channels(report.manifest, model.channels());
    const RunOptions options = options_for(model.scenario(), request);
    const RunReport run = summarize(
        model, request.run ? request.run(model, options) : run_agents(model, options), options);
    SweepPoint point{settings, {}};
    const auto rows = metric_rows(run);
    for (const std::string& m : report.metrics) {
      for (const MetricRow& row : rows) {
        if (row.path == m) {
          point.metrics.push_back(row.estimate);
          break;
        }
      }
    }
    report.points.push_back(std::move(point));
  }
  if (!report.objective.empty()) {
    const size_t k = static_cast<size_t>(
        std::find(report.metrics.begin(), report.metrics.end(), report.objective) -
        report.metrics.begin());
    for (size_t p = 0; p < report.points.size(); ++p) {
      const Estimate& e = report.points[p].metrics[k];
      if (!e.has_value()) {
        continue;
      }
      const Estimate* best = report.best < 0 ? nullptr : &report.points[report.best].metrics[k];
      // Ties keep the earlier point, so the answer does not depend on order.
      if (best == nullptr || (report.maximize ? e.value > best->value : e.value < best->value)) {
        report.best = static_cast<int>(p);
      }
    }
  }
  return report;
}

}  // namespace journeysim
