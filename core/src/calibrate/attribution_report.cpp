// Attribution as a table for people, JSON and CSV for programs.
#include <cmath>
#include <cstdio>
#include <string>
#include <nlohmann/json.hpp>

#include "journeysim/attribution.h"
#include "journeysim/event_trace.h"

namespace journeysim {
namespace {

// "time decay (half-life 1 step)", "position based (40/20/40)".
std::string heuristic_title(HeuristicModel model, const HeuristicParameters& p) {
  std::string title = heuristic_name(model);
  for (char& c : title) {
    c = c == '_' ? ' ' : c;
  }
  char detail[96];
  if (model == HeuristicModel::TimeDecay) {
    std::snprintf(detail, sizeof detail, " (half-life %g step%s)", p.half_life_steps,
                  p.half_life_steps == 1.0 ? "" : "s");
    title += detail;
  } else if (model == HeuristicModel::PositionBased) {
    std::snprintf(detail, sizeof detail, " (%g/%g/%g)", 100.0 * p.first, 100.0 * p.middle,
                  100.0 * p.last);
    title += detail;
  }
  return title;
}

// One block per model: conversions and value of every channel.
std::string heuristic_table(const Attribution& a, size_t width) {
  std::string out;
  char line[512];
  for (size_t m = 0; m < a.heuristics.size(); ++m) {
    out += "\n" + heuristic_title(a.heuristics[m], a.heuristic_parameters) + "\n";
    std::snprintf(line, sizeof line, "%-*s  %12s  %14s\n", static_cast<int>(width), "channel",
                  "conversions", "value");
    out += line;
    for (const ChannelShare& c : a.channels) {
      std::snprintf(line, sizeof line, "%-*s  %12.4f  %14.4f\n", static_cast<int>(width),
                    c.channel.c_str(), c.heuristic[m].conversions, c.heuristic[m].value);
      out += line;
    }
  }
  return out;
}

std::string number(double v) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

}  // namespace

std::string render_attribution_table(const Attribution& a) {
  std::string out;
  char line[512];
  std::string method = a.method == "exact" ? "exact, absorbing Markov chain"
                                            : "simulation, common random numbers";
  if (!a.simulated_because.empty()) {
    method += "; not exact: " + a.simulated_because;
  }
  if (a.value_rule == "last_channel") {
    method += "; a conversion is worth its last channel's mean value";
  }
  out += "Removal-effect attribution: " + a.journey + " (" + method + ")\n";
  // Weighted path counts may leave a fraction of a customer: show it.
  std::snprintf(line, sizeof line,
                a.customers == std::floor(a.customers)
                    ? "conversion rate %.6g, value per customer %.6g, over %.0f customers\n\n"
                    : "conversion rate %.6g, value per customer %.6g, over %.6g customers\n\n",
                a.conversion_rate, a.value_per_customer, a.customers);
  out += line;
  size_t width = 7;
  for (const ChannelShare& c : a.channels) {
    width = std::max(width, c.channel.size());
  }
  std::snprintf(line, sizeof line, "%-*s  %14s  %10s  %12s  %12s  %10s  %14s\n",
                static_cast<int>(width), "channel", "removal effect", "conv share",
                "conversions", "value effect", "value share", "value");
  out += line;
  for (const ChannelShare& c : a.channels) {
    std::string effect;
    char number[64];
    std::snprintf(number, sizeof number, "%.4f", c.removal_effect);
    effect = number;
    if (a.method == "simulation") {
      std::snprintf(number, sizeof number, " ±%.4f", c.interval);
      effect += number;
    }
    std::snprintf(line, sizeof line, "%-*s  %14s  %9.1f%%  %12.1f  %12.4f  %9.1f%%  %14.2f\n",
                  static_cast<int>(width), c.channel.c_str(), effect.c_str(),
                  100.0 * c.conversion_share, c.conversions, c.value_removal_effect,
                  100.0 * c.value_share, c.value);
    out += line;
  }
  return out + heuristic_table(a, width);
}

std::string render_attribution_json(const Attribution& a) {
  nlohmann::ordered_json j;
  j["schema"] = "journeysim.attribute/1";
  j["journey"] = a.journey;
  j["method"] = a.method;
  if (!a.value_rule.empty()) {
    j["value_rule"] = a.value_rule;
  }
  if (!a.simulated_because.empty()) {
    j["simulated_because"] = a.simulated_because;
  }
  j["customers"] = a.customers;
  j["conversion_rate"] = a.conversion_rate;
  j["value_per_customer"] = a.value_per_customer;
  if (a.method == "simulation") {
    j["seed"] = a.seed;
  }
  nlohmann::ordered_json channels = nlohmann::ordered_json::array();
  for (const ChannelShare& c : a.channels) {
    nlohmann::ordered_json row;
    row["channel"] = c.channel;
    row["removal_effect"] = c.removal_effect;
    if (a.method == "simulation") {
      row["removal_effect_interval"] = c.interval;
    }
    row["conversion_share"] = c.conversion_share;
    row["conversions"] = c.conversions;
    row["value_removal_effect"] = c.value_removal_effect;
    row["value_share"] = c.value_share;
    row["value"] = c.value;
    for (size_t m = 0; m < a.heuristics.size(); ++m) {
      row[heuristic_name(a.heuristics[m])] = {{"conversions", c.heuristic[m].conversions},
                                               {"value", c.heuristic[m].value}};
    }
    channels.push_back(row);
  }
  if (!a.heuristics.empty()) {
    const HeuristicParameters& p = a.heuristic_parameters;
    j["time_decay_half_life_steps"] = p.half_life_steps;
    j["position_based_weights"] = {p.first, p.middle, p.last};
  }
  j["channels"] = channels;
  return j.dump(2) + "\n";
}

std::string render_attribution_csv(const Attribution& a) {
  std::string out =
      "channel,removal_effect,conversion_share,conversions,value_removal_effect,value_share,value";
  if (a.method == "simulation") {
    out += ",removal_effect_interval";
  }
  for (const HeuristicModel model : a.heuristics) {
    out += std::string(",") + heuristic_name(model) + "_conversions," + heuristic_name(model) +
           "_value";
  }
  out += "\n";
  for (const ChannelShare& c : a.channels) {
    out += csv_field(c.channel) + "," + number(c.removal_effect) + "," +
           number(c.conversion_share) + "," + number(c.conversions) + "," +
           number(c.value_removal_effect) + "," + number(c.value_share) + "," + number(c.value);
    if (a.method == "simulation") {
      out += "," + number(c.interval);
    }
    for (const Credit& credit : c.heuristic) {
      out += "," + number(credit.conversions) + "," + number(credit.value);
    }
    out += "\n";
  }
  return out;
}

}  // namespace journeysim
