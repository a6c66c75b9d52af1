// How well a fitted journey reproduces its log: the fitted journey is
// simulated into the same kind of summary as the log, and the two are
// compared metric by metric and with chi-square tests (docs/calibrate.md).
#pragma once

#include <string>
#include <vector>

#include "journeysim/calibrate.h"
#include "journeysim/engine.h"

namespace journeysim {

/// Simulates `model` and summarises its agents' events as if they were a log.
LogSummary simulate_summary(const SimulationModel& model, const RunOptions& options);

struct FitRow {
  std::string metric;
  double observed = 0.0, simulated = 0.0;
  double difference = 0.0;  // simulated - observed; relative for times
  bool relative = false;    // a time: difference is relative
  bool gated = true;        // counts against the tolerance (quantiles do not)
};

struct ChiSquare {
  double statistic = 0.0;
  int df = 0;
  double p_value = 1.0;
};

struct FitCheck {
  uint64_t observed_customers = 0, simulated_customers = 0;
  std::vector<FitRow> rows;
  ChiSquare path_lengths, transitions;
  /// Two-sample Kolmogorov-Smirnov distance between the times to convert
  /// (statistic) and its asymptotic p-value; df unused.
  ChiSquare time_to_convert;
  double tolerance = 0.05;
  double worst = 0.0;        // largest |difference|
  std::string worst_metric;
  bool passed = true;        // worst <= tolerance
};

FitCheck compare_fit(const LogSummary& observed, const LogSummary& simulated, double tolerance);

/// Upper tail of the chi-square distribution with `df` degrees of freedom.
double chi_square_p_value(double statistic, int df);

/// Chi-square test of homogeneity of two rows of counts; columns whose
/// total is under 10 are pooled into one.
ChiSquare chi_square_two_rows(const std::vector<double>& a, const std::vector<double>& b);

/// Two-sample Kolmogorov-Smirnov test of two sorted samples.
ChiSquare kolmogorov_smirnov(const std::vector<double>& a, const std::vector<double>& b);

std::string render_fit_check(const FitCheck& check, const std::string& fitted,
                             const std::string& log);

}  // namespace journeysim
