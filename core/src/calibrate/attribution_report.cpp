// Attribution as a table for people and JSON for programs.
#include <cstdio>
#include <string>
#include <nlohmann/json.hpp>

#include "journeysim/attribution.h"

namespace journeysim {

std::string render_attribution_table(const Attribution& a) {
  std::string out;
  char line[512];
  std::string method = a.method == "exact" ? "exact, absorbing Markov chain"
                                            : "simulation, common random numbers";
  if (!a.simulated_because.empty()) {
    method += "; not exact: " + a.simulated_because;
  }
  out += "Removal-effect attribution: " + a.journey + " (" + method + ")\n";
  std::snprintf(line, sizeof line,
                "conversion rate %.6g, value per customer %.6g, over %.0f customers\n\n",
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
  return out;
}

std::string render_attribution_json(const Attribution& a) {
  nlohmann::ordered_json j;
  j["schema"] = "journeysim.attribute/1";
  j["journey"] = a.journey;
  j["method"] = a.method;
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
    channels.push_back(row);
  }
  j["channels"] = channels;
  return j.dump(2) + "\n";
}

}  // namespace journeysim
