// validate-fit: the fitted journey simulated into a log summary and
// compared with the observed one.
#include "journeysim/fit_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "journeysim/event_trace.h"
#include "journeysim/simulation_model.h"

namespace journeysim {
namespace {

// Regularised upper incomplete gamma Q(s, x) (series below s + 1, Lentz's
// continued fraction above), as in Numerical Recipes' gammq.
double gamma_q(double s, double x) {
  if (x <= 0.0) {
    return 1.0;
  }
  const double log_front = s * std::log(x) - x - std::lgamma(s);
  if (x < s + 1.0) {
    double sum = 1.0 / s, term = sum;
    for (int n = 1; n < 10000; ++n) {
      term *= x / (s + n);
      sum += term;
      if (std::abs(term) < std::abs(sum) * 1e-15) {
        break;
      }
    }
    return std::max(0.0, 1.0 - sum * std::exp(log_front));
  }
  const double tiny = 1e-300;
  double b = x + 1.0 - s, c = 1.0 / tiny, d = 1.0 / b, h = d;
  for (int i = 1; i < 10000; ++i) {
    const double an = -i * (i - s);
    b += 2.0;
    d = an * d + b;
    d = std::abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = std::abs(c) < tiny ? tiny : c;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-15) {
      break;
    }
  }
  return std::exp(log_front) * h;
}

double quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) {
    return 0.0;
  }
  const auto rank = static_cast<size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

}  // namespace

double chi_square_p_value(double statistic, int df) {
  return df <= 0 ? 1.0 : gamma_q(df / 2.0, statistic / 2.0);
}

ChiSquare chi_square_two_rows(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> ra, rb;
  double pooled_a = 0.0, pooled_b = 0.0;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k] + b[k] < 10.0) {
      pooled_a += a[k];
      pooled_b += b[k];
    } else {
      ra.push_back(a[k]);
      rb.push_back(b[k]);
    }
  }
  if (pooled_a + pooled_b > 0) {
    ra.push_back(pooled_a);
    rb.push_back(pooled_b);
  }
  double ta = 0.0, tb = 0.0;
  for (size_t k = 0; k < ra.size(); ++k) {
    ta += ra[k];
    tb += rb[k];
  }
  ChiSquare out;
  const double n = ta + tb;
  if (ta == 0 || tb == 0 || ra.size() < 2) {
    return out;
  }
  for (size_t k = 0; k < ra.size(); ++k) {
    const double col = ra[k] + rb[k];
    const double ea = ta * col / n, eb = tb * col / n;
    out.statistic += (ra[k] - ea) * (ra[k] - ea) / ea + (rb[k] - eb) * (rb[k] - eb) / eb;
  }
  out.df = static_cast<int>(ra.size()) - 1;
  out.p_value = chi_square_p_value(out.statistic, out.df);
  return out;
}

ChiSquare kolmogorov_smirnov(const std::vector<double>& a, const std::vector<double>& b) {
  ChiSquare out;
  if (a.empty() || b.empty()) {
    return out;
  }
  size_t i = 0, j = 0;
  double d = 0.0;
  const auto na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  while (i < a.size() && j < b.size()) {
    const double x = std::min(a[i], b[j]);
    while (i < a.size() && a[i] <= x) {
      ++i;
    }
    while (j < b.size() && b[j] <= x) {
      ++j;
    }
    d = std::max(d, std::abs(static_cast<double>(i) / na - static_cast<double>(j) / nb));
  }
  out.statistic = d;
  // Kolmogorov's limiting distribution with Stephens' small-sample factor.
  const double ne = std::sqrt(na * nb / (na + nb));
  const double lambda = (ne + 0.12 + 0.11 / ne) * d;
  double p = 0.0;
  for (int k = 1; k <= 100; ++k) {
    const double term = 2.0 * (k % 2 == 1 ? 1.0 : -1.0) * std::exp(-2.0 * k * k * lambda * lambda);
    p += term;
    if (std::abs(term) < 1e-12) {
      break;
    }
  }
  out.p_value = lambda < 0.2 ? 1.0 : std::clamp(p, 0.0, 1.0);
  return out;
}

LogSummary simulate_summary(const SimulationModel& model, const RunOptions& options) {
  const Scenario& s = model.scenario();
  std::vector<std::string> name, via;
  std::vector<uint8_t> skip;
  for (const Touchpoint& tp : s.touchpoints) {
    name.push_back(tp.name.empty() ? tp.id : tp.name);
    via.push_back(tp.via.empty() ? tp.channel : tp.via);
    skip.push_back(name.back() == kJourneyEndName ? 1 : 0);
  }
  BadRows bad("simulation", false);
  LogAccumulator accumulator(bad);
  accumulator.set_columns(true, true, true, true);
  std::string customer;
  OrderedTrace trace(options.first_agent, [&](const std::vector<TraceEvent>& events) {
    for (const TraceEvent& e : events) {
      // Steps are not events of a log (a fitted journey has none).
      if (e.touchpoint >= skip.size() || skip[e.touchpoint] != 0) {
        continue;
      }
      customer = "c" + std::to_string(e.agent);
      LogEvent event;
      event.customer = customer;
      event.touchpoint = name[e.touchpoint];
      event.channel = via[e.touchpoint];
      event.segment = s.personas[e.persona].id;
      event.seconds = kTraceEpochSeconds + e.hours * 3600.0;
      event.revenue = e.money;
      event.converted = e.converted != 0;
      accumulator.add(event);
    }
  });
  RunOptions traced = options;
  traced.trace = &trace;
  run_agents(model, traced);
  return accumulator.finish();
}

FitCheck compare_fit(const LogSummary& observed, const LogSummary& simulated, double tolerance) {
  const SegmentStats o = observed.pooled();
  const SegmentStats s = simulated.pooled();
  FitCheck check;
  check.tolerance = tolerance;
  check.observed_customers = o.customers;
  check.simulated_customers = s.customers;
  const auto on = static_cast<double>(o.customers);
  const auto sn = static_cast<double>(s.customers);
  auto add = [&](const std::string& metric, double a, double b, bool relative = false) {
    FitRow row{metric, a, b, relative ? ratio(b - a, a) : b - a, relative, !relative};
    if (row.gated && std::abs(row.difference) > check.worst) {
      check.worst = std::abs(row.difference);
      check.worst_metric = metric;
    }
    check.rows.push_back(row);
  };
  add("conversion_rate", ratio(static_cast<double>(o.converted), on),
      ratio(static_cast<double>(s.converted), sn));

  // Touchpoints by name: the log's, then any only the simulation has.
  std::vector<std::string> names = observed.touchpoints;
  for (const std::string& n : simulated.touchpoints) {
    if (std::find(names.begin(), names.end(), n) == names.end()) {
      names.push_back(n);
    }
  }
  auto index_in = [](const LogSummary& l, const std::string& n) {
    const auto it = std::find(l.touchpoints.begin(), l.touchpoints.end(), n);
    return it == l.touchpoints.end() ? -1 : static_cast<int>(it - l.touchpoints.begin());
  };
  TouchpointStats none;
  std::vector<double> ta, tb;  // transition table rows, all sources side by side
  double chi = 0.0;
  int df = 0;
  for (const std::string& n : names) {
    const int io = index_in(observed, n), is = index_in(simulated, n);
    const TouchpointStats& a = io >= 0 ? o.touchpoints[static_cast<size_t>(io)] : none;
    const TouchpointStats& b = is >= 0 ? s.touchpoints[static_cast<size_t>(is)] : none;
    add("touchpoints." + n + ".reach", ratio(static_cast<double>(a.reached), on),
        ratio(static_cast<double>(b.reached), sn));
    add("touchpoints." + n + ".end_rate",
        ratio(static_cast<double>(a.ends - a.finishes), static_cast<double>(a.visits)),
        ratio(static_cast<double>(b.ends - b.finishes), static_cast<double>(b.visits)));
    // Where customers went from here: each next touchpoint, or the end.
    std::vector<double> ra, rb;
    for (const std::string& m : names) {
      const int mo = index_in(observed, m), ms = index_in(simulated, m);
      double ca = 0, cb = 0;
      if (io >= 0 && mo >= 0) {
        const auto it = o.transitions.find({static_cast<uint32_t>(io), static_cast<uint32_t>(mo)});
        ca = it == o.transitions.end() ? 0.0 : static_cast<double>(it->second.count);
      }
      if (is >= 0 && ms >= 0) {
        const auto it = s.transitions.find({static_cast<uint32_t>(is), static_cast<uint32_t>(ms)});
        cb = it == s.transitions.end() ? 0.0 : static_cast<double>(it->second.count);
      }
      if (ca + cb > 0) {
        ra.push_back(ca);
        rb.push_back(cb);
      }
    }
    ra.push_back(static_cast<double>(a.ends));
    rb.push_back(static_cast<double>(b.ends));
    const ChiSquare part = chi_square_two_rows(ra, rb);
    chi += part.statistic;
    df += part.df;
  }
  check.transitions = {chi, df, chi_square_p_value(chi, df)};

  // Path lengths 1..9 and 10 or more.
  std::vector<double> la(10, 0.0), lb(10, 0.0);
  for (const auto& [length, count] : o.path_lengths) {
    la[std::min<uint32_t>(length, 10) - 1] += static_cast<double>(count);
  }
  for (const auto& [length, count] : s.path_lengths) {
    lb[std::min<uint32_t>(length, 10) - 1] += static_cast<double>(count);
  }
  for (size_t k = 0; k < la.size(); ++k) {
    if (la[k] + lb[k] > 0) {
      add("path_length.share." + (k == 9 ? std::string("10+") : std::to_string(k + 1)),
          ratio(la[k], on), ratio(lb[k], sn));
    }
  }
  check.path_lengths = chi_square_two_rows(la, lb);
  if (!o.convert_hours.empty() && !s.convert_hours.empty()) {
    // Quantiles are shown, not gated: a median falling between two modes
    // moves a lot on little change. The distance between the distributions
    // is what is gated.
    check.time_to_convert = kolmogorov_smirnov(o.convert_hours, s.convert_hours);
    add("time_to_convert.cdf_distance", 0.0, check.time_to_convert.statistic);
    add("time_to_convert.median_hours", quantile(o.convert_hours, 0.5),
        quantile(s.convert_hours, 0.5), true);
    add("time_to_convert.p90_hours", quantile(o.convert_hours, 0.9),
        quantile(s.convert_hours, 0.9), true);
  }
  check.passed = check.worst <= tolerance;
  return check;
}

std::string render_fit_check(const FitCheck& c, const std::string& fitted,
                             const std::string& log) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line,
                "validate-fit: %s against %s (%llu customers in the log, %llu simulated)\n\n",
                fitted.c_str(), log.c_str(), static_cast<unsigned long long>(c.observed_customers),
                static_cast<unsigned long long>(c.simulated_customers));
  out += line;
  size_t width = 6;
  for (const FitRow& r : c.rows) {
    width = std::max(width, r.metric.size());
  }
  std::snprintf(line, sizeof line, "%-*s  %12s  %12s  %11s\n", static_cast<int>(width), "metric",
                "log", "simulated", "difference");
  out += line;
  for (const FitRow& r : c.rows) {
    char diff[64];
    if (r.relative) {
      std::snprintf(diff, sizeof diff, "%+.2f%%", 100.0 * r.difference);
    } else {
      std::snprintf(diff, sizeof diff, "%+.4f", r.difference);
    }
    std::snprintf(line, sizeof line, "%-*s  %12.4f  %12.4f  %11s%s\n", static_cast<int>(width),
                  r.metric.c_str(), r.observed, r.simulated, diff,
                  r.gated && std::abs(r.difference) > c.tolerance ? "  !" : "");
    out += line;
  }
  std::snprintf(line, sizeof line,
                "\nchi-square, path lengths:          %.2f on %d df, p = %.4g\n"
                "chi-square, transitions (summed):  %.2f on %d df, p = %.4g\n",
                c.path_lengths.statistic, c.path_lengths.df, c.path_lengths.p_value,
                c.transitions.statistic, c.transitions.df, c.transitions.p_value);
  out += line;
  if (c.time_to_convert.statistic > 0) {
    std::snprintf(line, sizeof line, "Kolmogorov-Smirnov, time to convert: D = %.4f, p = %.4g\n",
                  c.time_to_convert.statistic, c.time_to_convert.p_value);
    out += line;
  }
  std::snprintf(line, sizeof line, "largest difference %.4f (%s): %s tolerance %.4g\n", c.worst,
                c.worst_metric.c_str(), c.passed ? "within" : "BEYOND", c.tolerance);
  out += line;
  return out;
}

}  // namespace journeysim
