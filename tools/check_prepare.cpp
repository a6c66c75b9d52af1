#include "check_prepare.h"

#include <filesystem>
#include <iostream>
#include <map>

namespace journeysim::cli {
namespace {

namespace fs = std::filesystem;

// Runs `step`, turning its InputError into diagnostics so that every
// scenario and option is checked in one go.
template <typename Step>
bool collect(std::vector<Diagnostic>& problems, Step&& step) {
  try {
    step();
    return true;
  } catch (const InputError& e) {
    problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    return false;
  }
}

void check_output_path(const std::string& option, const std::string& file,
                       std::vector<Diagnostic>& problems) {
  if (file.empty()) {
    return;
  }
  const fs::path path(file);
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    problems.push_back({SourceLocation{file, 0, 0}, option + ": cannot write here: directory '" +
                                                        dir.string() + "' does not exist"});
  } else if (fs::is_directory(path, ec)) {
    problems.push_back({SourceLocation{file, 0, 0}, option + ": is a directory, not a file"});
  }
}

// The baseline file of each scenario: --baseline itself for one scenario,
// DIR/<stem>.json when --baseline is a directory.
std::vector<std::string> baseline_files(const CheckArgs& args, std::vector<Diagnostic>& problems) {
  std::vector<std::string> files(args.scenarios.size());
  if (args.baseline.empty()) {
    return files;
  }
  std::error_code ec;
  const fs::path base(args.baseline);
  if (fs::is_directory(base, ec)) {
    std::map<std::string, std::string> owner;
    for (size_t i = 0; i < args.scenarios.size(); ++i) {
      files[i] = (base / (fs::path(args.scenarios[i]).stem().string() + ".json")).string();
      const auto [it, added] = owner.emplace(files[i], args.scenarios[i]);
      if (!added && it->second != args.scenarios[i]) {
        problems.push_back({SourceLocation{files[i], 0, 0},
                            "--baseline: scenarios '" + it->second + "' and '" + args.scenarios[i] +
                                "' would share this baseline file"});
      }
    }
    return files;
  }
  if (args.scenarios.size() > 1) {
    problems.push_back(
        {SourceLocation{args.baseline, 0, 0},
         "--baseline names one file but " + std::to_string(args.scenarios.size()) +
             " scenarios are checked: give an existing directory holding <scenario>.json for "
             "each"});
    return files;
  }
  files[0] = args.baseline;
  return files;
}

std::optional<Baseline> previous_baseline(const std::string& file, bool updating,
                                          std::vector<Diagnostic>& problems) {
  std::error_code ec;
  if (updating) {
    check_output_path("--update-baseline", file, problems);
    if (!fs::exists(file, ec)) {
      return std::nullopt;  // created by this run
    }
    // The old baseline only serves to say what changed; a broken one is
    // exactly what --update-baseline is for.
    try {
      return read_baseline(file);
    } catch (const InputError& e) {
      std::cerr << "note: replacing a baseline that could not be read: "
                << e.diagnostics().front().to_string() << "\n";
      return std::nullopt;
    }
  }
  std::optional<Baseline> baseline;
  collect(problems, [&] { baseline = read_baseline(file); });
  return baseline;
}

}  // namespace

PreparedCheck prepare_check(const CheckArgs& args, const PluginCatalog& catalog) {
  std::vector<Diagnostic> problems;
  PreparedCheck check;
  for (const std::string& spec : args.tolerances) {
    collect(problems, [&] { check.tolerances.push_back(parse_tolerance(spec)); });
  }
  if (!args.tolerances.empty() && args.baseline.empty()) {
    problems.push_back({SourceLocation{"--tolerance", 0, 0},
                        "tolerances apply to a baseline: add --baseline FILE"});
  }
  if (args.update_baseline && args.baseline.empty()) {
    problems.push_back({SourceLocation{"--update-baseline", 0, 0},
                        "which baseline? add --baseline FILE (or a directory)"});
  }
  check_output_path("--junit", args.junit, problems);
  check_output_path("--report", args.report, problems);
  check_output_path("--out", args.output.out, problems);
  const std::vector<std::string> baselines = baseline_files(args, problems);

  std::vector<std::vector<std::string>> paths_per_scenario;
  for (size_t i = 0; i < args.scenarios.size(); ++i) {
    PreparedScenario s;
    s.file = args.scenarios[i];
    const bool loaded = collect(problems, [&] {
      s.model = load_model(s.file, args.scenario_options, catalog);
      s.options = run_options(args.control, s.model->scenario());
    });
    if (loaded) {
      paths_per_scenario.push_back(metric_paths(*s.model));
      collect(problems, [&] {
        s.thresholds = compile_thresholds(s.model->scenario(), paths_per_scenario.back());
      });
    }
    if (!baselines[i].empty()) {
      s.baseline_file = baselines[i];
      s.baseline = previous_baseline(baselines[i], args.update_baseline, problems);
    }
    check.scenarios.push_back(std::move(s));
  }
  // Tolerance metrics are only known once every scenario loaded.
  if (problems.empty()) {
    collect(problems, [&] { validate_tolerances(check.tolerances, paths_per_scenario); });
  }
  if (problems.empty()) {
    // Baselines are inputs, except under --update-baseline, where they are
    // outputs that nothing else may write.
    std::vector<std::string> outputs{args.junit, args.report, args.output.out};
    std::vector<std::string> inputs;
    for (const PreparedScenario& s : check.scenarios) {
      const std::vector<std::string> files = input_files(*s.model);
      inputs.insert(inputs.end(), files.begin(), files.end());
      (args.update_baseline ? outputs : inputs).push_back(s.baseline_file);
    }
    collect(problems, [&] { refuse_outputs_that_overwrite(outputs, inputs); });
  }
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
  return check;
}

}  // namespace journeysim::cli
