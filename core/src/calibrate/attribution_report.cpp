// Attribution as a table for people, JSON and CSV for programs.
#include <cmath>
#include <cstdio>
#include <string>
#include <nlohmann/json.hpp>

#include "journeysim/attribution.h"
#include "journeysim/event_trace.h"

namespace journeysim {
namespace {

// "1234.5 [1200.1, 1270.3]" with `decimals` places, or the number alone
// when no bootstrap ran.
std::string with_interval(double value, const Interval& ci, int decimals, bool bootstrap) {
  char text[160];
  if (bootstrap) {
    std::snprintf(text, sizeof text, "%.*f [%.*f, %.*f]", decimals, value, decimals, ci.low,
                  decimals, ci.high);
  } else {
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
  }
  return text;
}

// One block per model: conversions and value of every channel.
std::string model_blocks(const Attribution& a, size_t width) {
  const bool bootstrap = a.bootstrap_replicates > 0;
  // Point numbers keep four places; with intervals, the Markov table's.
  const int column = bootstrap ? 30 : 14, first_column = bootstrap ? 30 : 12;
  const int conversions = bootstrap ? 1 : 4, value = bootstrap ? 2 : 4;
  std::string out;
  char line[512];
  for (size_t m = 0; m < a.models.size(); ++m) {
    out += "\n" + a.models[m].title + "\n";
    std::snprintf(line, sizeof line, "%-*s  %*s  %*s\n", static_cast<int>(width), "channel",
                  first_column, "conversions", column, "value");
    out += line;
    for (const ChannelShare& c : a.channels) {
      const CreditInterval ci = bootstrap ? c.credit_ci[m] : CreditInterval{};
      std::snprintf(line, sizeof line, "%-*s  %*s  %*s\n", static_cast<int>(width),
                    c.channel.c_str(), first_column,
                    with_interval(c.credit[m].conversions, ci.conversions, conversions, bootstrap)
                        .c_str(),
                    column, with_interval(c.credit[m].value, ci.value, value, bootstrap).c_str());
      out += line;
    }
  }
  return out;
}

// Every model's conversions in one table; after a bootstrap each number
// carries its tier in that model's ranking.
std::string side_by_side(const Attribution& a, size_t width) {
  const bool bootstrap = a.bootstrap_replicates > 0;
  // The Markov model alone shows its tiers here too.
  if (a.models.empty() && !bootstrap) {
    return "";
  }
  const std::vector<std::vector<std::string>> tiers = channel_tiers(a);
  std::string out = "\nConversions by model";
  out += bootstrap ? " (letters are tiers: a new one starts where the 95% interval of the "
                     "step down from the channel ranked above excludes 0)\n"
                   : "\n";
  char cell[128];
  std::snprintf(cell, sizeof cell, "%-*s", static_cast<int>(width), "channel");
  out += cell;
  std::snprintf(cell, sizeof cell, "  %16s", "markov");
  out += cell;
  for (const CreditModel& model : a.models) {
    std::snprintf(cell, sizeof cell, "  %16s", model.name.c_str());
    out += cell;
  }
  out += "\n";
  for (size_t c = 0; c < a.channels.size(); ++c) {
    const ChannelShare& share = a.channels[c];
    std::snprintf(cell, sizeof cell, "%-*s", static_cast<int>(width), share.channel.c_str());
    out += cell;
    for (size_t m = 0; m <= a.models.size(); ++m) {
      const double v = m == 0 ? share.conversions : share.credit[m - 1].conversions;
      const std::string tier = bootstrap ? " " + tiers[m][c] : "";
      std::snprintf(cell, sizeof cell, "  %*.1f%-*s", bootstrap ? 12 : 16, v,
                    bootstrap ? 4 : 0, tier.c_str());
      out += cell;
    }
    out.erase(out.find_last_not_of(' ') + 1);  // the last tier's padding
    out += "\n";
  }
  return out;
}

std::string number(double v) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

nlohmann::ordered_json pair(const Interval& ci) { return {ci.low, ci.high}; }

}  // namespace

std::vector<std::vector<std::string>> channel_tiers(const Attribution& a) {
  std::vector<std::vector<std::string>> tiers;
  for (const ModelRanking& ranking : a.rankings) {
    std::vector<std::string> mine(a.channels.size());
    size_t tier = 0;
    auto mark = [&](const std::string& channel) {
      for (size_t c = 0; c < a.channels.size(); ++c) {
        if (a.channels[c].channel == channel) {
          mine[c] = tier < 26 ? std::string(1, static_cast<char>('a' + tier))
                              : std::to_string(tier + 1);
        }
      }
    };
    if (!ranking.steps.empty()) {
      mark(ranking.steps.front().higher);
    } else if (!a.channels.empty()) {
      mine.assign(a.channels.size(), "a");
    }
    for (const RankStep& step : ranking.steps) {
      tier += step.real() ? 1 : 0;
      mark(step.lower);
    }
    tiers.push_back(mine);
  }
  return tiers;
}

std::string render_attribution_table(const Attribution& a) {
  std::string out;
  char line[512];
  const bool bootstrap = a.bootstrap_replicates > 0;
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
                    ? "conversion rate %.6g, value per customer %.6g, over %.0f customers\n"
                    : "conversion rate %.6g, value per customer %.6g, over %.6g customers\n",
                a.conversion_rate, a.value_per_customer, a.customers);
  out += line;
  if (bootstrap) {
    std::snprintf(line, sizeof line,
                  "[low, high]: 95%% intervals from %u bootstrap replicates of the customers "
                  "(Poisson), seed %llu\n",
                  a.bootstrap_replicates, static_cast<unsigned long long>(a.seed));
    out += line;
  }
  out += "\n";
  size_t width = 7;
  for (const ChannelShare& c : a.channels) {
    width = std::max(width, c.channel.size());
  }
  const int wide = bootstrap ? 10 : 0;  // room for an interval
  std::snprintf(line, sizeof line, "%-*s  %*s  %10s  %*s  %12s  %10s  %*s\n",
                static_cast<int>(width), "channel", 14 + wide + 2, "removal effect",
                "conv share", 12 + wide + 4, "conversions", "value effect", "value share",
                14 + wide + 6, "value");
  out += line;
  for (const ChannelShare& c : a.channels) {
    std::string effect = with_interval(c.removal_effect, c.removal_effect_ci, 4, bootstrap);
    if (a.method == "simulation") {
      char half[64];
      std::snprintf(half, sizeof half, " ±%.4f", c.interval);
      effect += half;
    }
    std::snprintf(line, sizeof line, "%-*s  %*s  %9.1f%%  %*s  %12.4f  %9.1f%%  %*s\n",
                  static_cast<int>(width), c.channel.c_str(), 14 + wide + 2, effect.c_str(),
                  100.0 * c.conversion_share, 12 + wide + 4,
                  with_interval(c.conversions, c.markov_ci.conversions, 1, bootstrap).c_str(),
                  c.value_removal_effect, 100.0 * c.value_share, 14 + wide + 6,
                  with_interval(c.value, c.markov_ci.value, 2, bootstrap).c_str());
    out += line;
  }
  return out + model_blocks(a, width) + side_by_side(a, width);
}

std::string render_attribution_json(const Attribution& a) {
  const bool bootstrap = a.bootstrap_replicates > 0;
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
    if (bootstrap) {
      row["ci95"] = {{"removal_effect", pair(c.removal_effect_ci)},
                     {"value_removal_effect", pair(c.value_removal_effect_ci)},
                     {"conversions", pair(c.markov_ci.conversions)},
                     {"value", pair(c.markov_ci.value)}};
    }
    for (size_t m = 0; m < a.models.size(); ++m) {
      nlohmann::ordered_json credit = {{"conversions", c.credit[m].conversions},
                                       {"value", c.credit[m].value}};
      if (bootstrap) {
        credit["ci95"] = {{"conversions", pair(c.credit_ci[m].conversions)},
                          {"value", pair(c.credit_ci[m].value)}};
      }
      row[a.models[m].name] = credit;
    }
    channels.push_back(row);
  }
  bool heuristics = false;
  for (const CreditModel& model : a.models) {
    for (const HeuristicModel h : kHeuristicModels) {
      heuristics = heuristics || model.name == heuristic_name(h);
    }
  }
  if (heuristics) {
    const HeuristicParameters& p = a.heuristic_parameters;
    j["time_decay_half_life_steps"] = p.half_life_steps;
    j["position_based_weights"] = {p.first, p.middle, p.last};
  }
  if (bootstrap) {
    j["bootstrap"] = {{"replicates", a.bootstrap_replicates},
                      {"seed", a.seed},
                      {"resampling", "poisson"},
                      {"interval", "percentile 95%"}};
    nlohmann::ordered_json rankings = nlohmann::ordered_json::array();
    for (const ModelRanking& ranking : a.rankings) {
      nlohmann::ordered_json steps = nlohmann::ordered_json::array();
      for (const RankStep& s : ranking.steps) {
        steps.push_back({{"higher", s.higher},
                         {"lower", s.lower},
                         {"difference", s.difference},
                         {"ci95", pair(s.ci)},
                         {"excludes_zero", s.real()}});
      }
      rankings.push_back({{"model", ranking.model}, {"steps", steps}});
    }
    j["rankings"] = rankings;
  }
  j["channels"] = channels;
  return j.dump(2) + "\n";
}

std::string render_attribution_csv(const Attribution& a) {
  const bool bootstrap = a.bootstrap_replicates > 0;
  std::string out =
      "channel,removal_effect,conversion_share,conversions,value_removal_effect,value_share,value";
  if (a.method == "simulation") {
    out += ",removal_effect_interval";
  }
  for (const CreditModel& model : a.models) {
    out += "," + model.name + "_conversions," + model.name + "_value";
  }
  if (bootstrap) {
    std::vector<std::string> bounded = {"removal_effect", "value_removal_effect", "conversions",
                                        "value"};
    for (const CreditModel& model : a.models) {
      bounded.push_back(model.name + "_conversions");
      bounded.push_back(model.name + "_value");
    }
    for (const std::string& column : bounded) {
      out += "," + column + "_low," + column + "_high";
    }
  }
  out += "\n";
  for (const ChannelShare& c : a.channels) {
    out += csv_field(c.channel) + "," + number(c.removal_effect) + "," +
           number(c.conversion_share) + "," + number(c.conversions) + "," +
           number(c.value_removal_effect) + "," + number(c.value_share) + "," + number(c.value);
    if (a.method == "simulation") {
      out += "," + number(c.interval);
    }
    for (const Credit& credit : c.credit) {
      out += "," + number(credit.conversions) + "," + number(credit.value);
    }
    if (bootstrap) {
      std::vector<Interval> bounds = {c.removal_effect_ci, c.value_removal_effect_ci,
                                      c.markov_ci.conversions, c.markov_ci.value};
      for (const CreditInterval& ci : c.credit_ci) {
        bounds.push_back(ci.conversions);
        bounds.push_back(ci.value);
      }
      for (const Interval& ci : bounds) {
        out += "," + number(ci.low) + "," + number(ci.high);
      }
    }
    out += "\n";
  }
  return out;
}

}  // namespace journeysim
