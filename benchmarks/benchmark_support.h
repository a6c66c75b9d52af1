// Shared by the benchmark programs: the example journeys bound to the real
// plugins (loaded through Boost.DLL from the build's plugin directory), and a
// generated journey of any size for the loading benchmark.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "journeysim/engine.h"
#include "journeysim/scenario_loader.h"
#include "journeysim/simulation_model.h"
#include "build_paths.h"

namespace journeysim::bench {

/// The build's plugins, discovered once per program.
inline const PluginCatalog& catalog() {
  static const PluginCatalog plugins = PluginCatalog::discover({journeysim::testing::plugin_dir()});
  return plugins;
}

/// scenarios/<name>.toml; a name with a '/' is a path in the source tree
/// (without ".toml").
inline std::string scenario_path(const std::string& name) {
  const std::string dir = name.find('/') == std::string::npos ? "/scenarios/" : "/";
  return journeysim::testing::source_dir() + dir + name + ".toml";
}

/// The journey the store-launch speed figures are measured on: the spring
/// launch as the funnel it was before its cart-abandonment flow, kept as it
/// was so that figures stay comparable from issue to issue (and the
/// hand-fused loop, which types its touchpoints in, still matches it).
/// scenarios/store-launch.toml, with the flow, is benchmarked beside it.
inline const std::string kStoreLaunchFunnel = "tests/data/journeys/store-launch-funnel";

/// scenario_path(name) bound to the real plugins; loaded once per program.
inline const SimulationModel& example(const std::string& name) {
  static std::map<std::string, std::unique_ptr<SimulationModel>> models;
  auto& slot = models[name];
  if (!slot) {
    slot = std::make_unique<SimulationModel>(load_scenario(scenario_path(name)), catalog());
  }
  return *slot;
}

/// Touchpoint interactions in a run: every arrival is one plugin decision.
inline uint64_t interactions(const RunTally& tally) {
  uint64_t n = 0;
  for (const TouchpointTally& t : tally.touchpoints) {
    n += t.arrivals;
  }
  return n;
}

/// A journey of `touchpoints` touchpoints over five stages and `personas`
/// personas, using the shipped web, email, social and checkout channels with
/// parameters of their own: a chain with skip edges, so every touchpoint is
/// reachable and every path ends at the exit.
inline std::string generated_scenario(int touchpoints, int personas) {
  static const char* const kStages[] = {"awareness", "consideration", "purchase", "retention",
                                        "advocacy"};
  std::ostringstream out;
  out << "[journey]\nname = \"Generated journey\"\npurpose = \"loading benchmark\"\n"
         "type = \"purchase\"\nhorizon_days = 60\nagents = 1000\nseed = 1\n"
         "conversion = \"purchase\"\nstages = [\"awareness\", \"consideration\", "
         "\"purchase\", \"retention\", \"advocacy\"]\n";
  for (const char* stage : kStages) {
    out << "\n[stages." << stage << "]\nowner = \"" << stage << " team\"\n";
  }
  for (int p = 0; p < personas; ++p) {
    // Shares that sum to 1 exactly in binary: all equal but the last.
    out << "\n[personas.persona_" << p << "]\nshare = "
        << (p + 1 < personas ? 1.0 / 1024 * (1024 / personas)
                             : 1.0 - (personas - 1) * (1.0 / 1024 * (1024 / personas)))
        << "\nage = [" << 20 + p % 40 << ", " << 30 + p % 40 << "]\n"
        << "goals = [\"goal " << p << "\"]\npain_points = [\"pain " << p << "\"]\n"
        << "channels = { web = 0." << 3 + p % 6 << ", email = 0." << 2 + p % 7
        << ", social = 0." << 1 + p % 8 << " }\n"
        << "patience = 0." << 2 + p % 7 << "\nprice_sensitivity = 0." << 1 + p % 8
        << "\ntech_savvy = 0." << 3 + p % 6 << "\n";
  }
  for (int t = 0; t < touchpoints; ++t) {
    const char* stage = kStages[std::min(4, t * 5 / touchpoints)];
    out << "\n[touchpoints.tp_" << t << "]\nname = \"Touchpoint " << t << "\"\nstage = \""
        << stage << "\"\n";
    switch (t % 4) {
      case 0:
        out << "channel = \"web\"\nparams = { page_load_s = " << 1 + t % 5
            << ".5, relevance = 0.7, content_quality = 0.6, cta_clarity = 0.5 }\n";
        break;
      case 1:
        out << "channel = \"email\"\nparams = { subject_relevance = 0.6, send_hour = "
            << 6 + t % 14 << ", frequency_per_week = 2 }\n";
        break;
      case 2:
        out << "channel = \"social\"\nparams = { reach = 0.7, content_quality = 0.8 }\n";
        break;
      default:
        out << "channel = \"checkout\"\nmilestone = \"purchase\"\n"
               "params = { steps = 3, form_fields = 8, page_load_s = 2.0, order_value = "
            << 20 + t % 80 << " }\n";
        break;
    }
    if (t == 0) {
      out << "entry = 1.0\n";
    }
    out << "actions = [\"action " << t << "\"]\n";
    if (t + 2 < touchpoints) {
      out << "next = [{ to = \"tp_" << t + 1 << "\", weight = 0.7, delay_hours = 2 }, "
          << "{ to = \"tp_" << t + 2 << "\", weight = 0.3 }]\n";
    } else if (t + 1 < touchpoints) {
      out << "next = [\"tp_" << t + 1 << "\"]\n";
    } else {
      out << "exit = true\n";
    }
  }
  return out.str();
}

/// Load average over the last minute, recorded with every figure: the
/// machine is shared, so wall-clock numbers mean little without it.
inline void add_load_context() {
  static const bool added = [] {
    double load = -1.0;
    if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
      if (std::fscanf(f, "%lf", &load) != 1) {
        load = -1.0;
      }
      std::fclose(f);
    }
    std::ostringstream text;
    text << load;
    benchmark::AddCustomContext("loadavg_1min_at_start", text.str());
    return true;
  }();
  (void)added;
}

}  // namespace journeysim::bench
