#include "metrics/step_description.h"

#include <cstdio>

namespace journeysim {
namespace {

std::string number(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.4g", value);
  return buffer;
}

// A share of a whole as a percentage: "50 %".
std::string share(double part, double whole) {
  return number(whole > 0 ? 100.0 * part / whole : 0.0) + " %";
}

std::string value_text(const ParamValue& v) {
  switch (v.kind) {
    case ParamValue::Kind::Boolean:
      return v.number != 0 ? "true" : "false";
    case ParamValue::Kind::String:
      return "'" + v.text + "'";
    case ParamValue::Kind::Number:
    case ParamValue::Kind::Integer:
      return number(v.number);
  }
  return "";
}

// `next` edges: labelled with the lead text ("2d", "sets coupon = true")
// when there is one edge, with its share when there are several.
void add_edges(const std::vector<Edge>& next, const std::string& lead,
               std::vector<StepRoute>& routes) {
  double total = 0;
  for (const Edge& e : next) {
    total += e.weight;
  }
  for (const Edge& e : next) {
    routes.push_back({e.to, next.size() > 1 ? share(e.weight, total) : lead});
  }
}

std::string joined(const std::vector<StepRoute>& routes, size_t from, size_t to,
                   const char* separator) {
  std::string out;
  for (size_t r = from; r < to; ++r) {
    out += (r > from ? separator : "") + routes[r].label +
           (routes[r].label.empty() ? "→ " : " → ") + routes[r].to;
  }
  return out;
}

}  // namespace

std::string wait_duration_text(const WaitTime& wait) {
  switch (wait.distribution) {
    case WaitTime::Distribution::Fixed:
      return wait.fixed.text;
    case WaitTime::Distribution::Lognormal:
      return "lognormal median " + wait.median.text + ", p90 " + wait.p90.text;
    case WaitTime::Distribution::Exponential:
      return "exponential mean " + wait.mean.text;
    case WaitTime::Distribution::Uniform:
      return "uniform " + wait.min.text + " to " + wait.max.text;
  }
  return "";
}

StepDescription describe_step(const Step& step) {
  StepDescription d;
  switch (step.kind) {
    case Step::Kind::Wait: {
      d.lead = wait_duration_text(step.wait_for);
      add_edges(step.next, d.lead, d.routes);
      const size_t edges = d.routes.size();
      for (const Race& race : step.race) {
        d.routes.push_back(
            {race.to.id, "returns on their own at " + number(100.0 * race.rate_per_day) + " %/day"});
      }
      d.text = edges > 1 ? d.lead + ": " + joined(d.routes, 0, edges, " / ")
                         : joined(d.routes, 0, edges, "");
      for (size_t r = edges; r < d.routes.size(); ++r) {
        d.text += ", or " + joined(d.routes, r, r + 1, "");
      }
      break;
    }
    case Step::Kind::Split:
      for (const Branch& b : step.branches) {
        d.routes.push_back({b.to.id, b.when.empty() ? "otherwise" : b.when});
      }
      d.text = joined(d.routes, 0, d.routes.size(), "; ");
      break;
    case Step::Kind::Experiment: {
      double total = 0;
      for (const Arm& a : step.arms) {
        total += a.weight;
      }
      for (const Arm& a : step.arms) {
        d.routes.push_back({a.to.id, a.name + " " + share(a.weight, total)});
      }
      d.text = joined(d.routes, 0, d.routes.size(), "; ");
      break;
    }
    case Step::Kind::Update: {
      std::string sets;
      for (const auto& [attribute, value] : step.set) {
        sets += (sets.empty() ? "" : ", ") + attribute + " = " + value_text(value);
      }
      d.lead = "sets " + sets;
      add_edges(step.next, d.lead, d.routes);
      d.text = d.routes.size() > 1 ? d.lead + ": " + joined(d.routes, 0, d.routes.size(), " / ")
                                   : joined(d.routes, 0, d.routes.size(), "");
      break;
    }
    case Step::Kind::Exit:
      d.text = step.reason.empty() ? "ends the journey" : "ends the journey: " + step.reason;
      break;
  }
  return d;
}

}  // namespace journeysim
