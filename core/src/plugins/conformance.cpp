// The checks of `journeysim plugin-test`, run in the child process that
// conformance_process.cpp starts: each is announced before it runs, so a
// plugin that takes the process down is blamed on the check it was in.
#include "plugins/conformance_checks.h"

#include <cmath>
#include <cstdio>
#include <cstring>

#include "plugins/outcome_check.h"
#include "plugins/touchpoint_binding.h"
#include "journeysim/random_stream.h"
#include "journeysim/simulation_model.h"

namespace journeysim {
namespace {

constexpr uint32_t kAgents = 2000;
constexpr uint32_t kPersonas = 8;
constexpr uint32_t kBehaviourAgents = 20000;

std::string count(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return out;
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

// Generated customers: personas spread over the trait cube, agents in
// every kind of state, uniforms from a counter-based stream.
struct Population {
  std::vector<std::string> ids;
  std::vector<js_persona_view> personas;
  std::vector<js_agent_view> agents;
  std::vector<double> uniforms;

  Population(uint32_t agent_count, uint64_t seed) {
    const RandomStream stream(seed);
    for (uint32_t p = 0; p < kPersonas; ++p) {
      ids.push_back("generated_" + std::to_string(p));
    }
    for (uint32_t p = 0; p < kPersonas; ++p) {
      double u[4];
      stream.quad(p, 1, 0, 0, u);
      // Corners of the trait cube first, then random interiors.
      const bool corner = p < 2;
      const double c = p == 0 ? 0.0 : 1.0;
      personas.push_back({ids[p].c_str(), corner ? c : u[0], corner ? c : u[1],
                          corner ? c : u[2], corner ? c : u[3], corner ? 1.0 - c : u[0]});
    }
    uniforms.resize(static_cast<size_t>(agent_count) * JS_MAX_UNIFORMS);
    for (uint32_t i = 0; i < agent_count; ++i) {
      double s[4];
      stream.quad(i, 2, 0, 0, s);
      stream.fill(i, 3, 0, JS_MAX_UNIFORMS, &uniforms[static_cast<size_t>(i) * JS_MAX_UNIFORMS]);
      agents.push_back({i % kPersonas, static_cast<uint32_t>(s[0] * 4),
                        static_cast<uint32_t>(s[1] * 30), static_cast<uint32_t>(s[2] * 12),
                        s[3] * 1000.0, s[0] * 60.0, s[1], s[2] * 800.0,
                        &uniforms[static_cast<size_t>(i) * JS_MAX_UNIFORMS]});
    }
  }

  js_batch batch(uint32_t first, uint32_t n) const {
    return {personas.data(), kPersonas, agents.data() + first, n, nullptr};
  }
};

// A touchpoint of the channel with `params`, two edges, as the engine sees it.
struct Fixture {
  ModelTouchpoint tp;

  Fixture(const ChannelPtr& channel, const std::vector<double>& params) {
    tp.params = params;
    tp.edge_targets = {0, 1};
    tp.edge_weights = {0.5, 0.5};
    tp.reason_count = channel->descriptor().reason_count;
    tp.uniforms = channel->descriptor().uniforms_per_interaction;
    bind_events(*channel, tp);
    const js_config_view view{"plugin_test", "test", tp.params.data(),
                              static_cast<uint32_t>(tp.params.size()), 2, tp.edge_weights.data()};
    tp.channel = std::make_unique<ChannelInstance>(channel, view);
  }

  std::vector<js_outcome> run(const Population& people, uint32_t first, uint32_t n) const {
    std::vector<js_outcome> out(n);
    tp.channel->interact(people.batch(first, n), out.data());
    for (const js_outcome& o : out) {
      check_outcome(o, tp);
    }
    return out;
  }
};

std::vector<double> defaults(const js_channel_descriptor& d) {
  std::vector<double> values;
  for (uint32_t i = 0; i < d.param_count; ++i) {
    values.push_back(d.params[i].default_value);
  }
  return values;
}

// Every declared parameter at its minimum and its maximum, the others at
// their defaults: "name=value" and the values.
std::vector<std::pair<std::string, std::vector<double>>> extremes(const js_channel_descriptor& d) {
  std::vector<std::pair<std::string, std::vector<double>>> settings;
  for (uint32_t i = 0; i < d.param_count; ++i) {
    const js_param_spec& p = d.params[i];
    const double low = p.type == JS_PARAM_BOOLEAN ? 0.0 : p.min_value;
    const double high = p.type == JS_PARAM_BOOLEAN ? 1.0 : p.max_value;
    for (double v : {low, high}) {
      std::vector<double> values = defaults(d);
      values[i] = v;
      settings.emplace_back(std::string(p.name) + "=" + number(v), values);
    }
  }
  return settings;
}

bool same(const js_outcome& a, const js_outcome& b) {
  return std::memcmp(&a, &b, sizeof a) == 0 ||
         (a.next == b.next && a.reason == b.reason && a.p_continue == b.p_continue &&
          a.hours == b.hours && a.effort == b.effort && a.emotion == b.emotion &&
          a.money == b.money && a.messages == b.messages && a.referrals == b.referrals);
}

// The host's refusal of a value outside the declared range, through the
// same binding a scenario goes through.
std::string host_refusal(const ChannelPtr& channel, const js_param_spec& spec, double value) {
  Scenario s;
  s.journey.name = "plugin-test";
  s.journey.conversion = "done";
  s.stages.push_back({"test", "", "", {}});
  Persona persona;
  persona.id = "p";
  persona.share = 1.0;
  s.personas.push_back(persona);
  Touchpoint tp;
  tp.id = "probe";
  tp.stage = "test";
  tp.channel = channel->name();
  tp.entry = 1.0;
  tp.exit = true;
  tp.milestone = "done";
  ParamValue param;
  param.kind = spec.type == JS_PARAM_INTEGER ? ParamValue::Kind::Integer : ParamValue::Kind::Number;
  param.number = value;
  tp.params[spec.name] = param;
  s.touchpoints.push_back(tp);
  PluginCatalog catalog;
  if (channel->name() != "fixed") {
    catalog.add(channel);
  }
  try {
    SimulationModel model(s, catalog);
  } catch (const InputError& e) {
    return e.diagnostics().front().message;
  }
  return "";
}

// "events clicked (success), opened <- no_click, ...": the table the host
// read, or the names it gave a version-1 plugin's outcomes.
std::string event_table(const Channel& channel) {
  const ChannelEvents& events = channel.events();
  const js_channel_descriptor& d = channel.descriptor();
  std::string out = channel.api_version() == JS_CHANNEL_API_VERSION_1
                        ? "events named by the host (API 1):"
                        : "events:";
  for (uint32_t e = 0; e < events.size(); ++e) {
    out += (e ? ", " : " ") + events.names()[e];
    if (events.is_success(e)) {
      out += " (success)";
      continue;
    }
    std::string reasons;
    for (uint32_t r = 0; r < d.reason_count; ++r) {
      if (events.reason_event(r) == e) {
        reasons += (reasons.empty() ? " <- " : "|") + std::string(d.reasons[r].code);
      }
    }
    out += reasons;
  }
  return out;
}

// How often each declared event happens in checked outcomes.
class EventTally {
 public:
  explicit EventTally(const ChannelEvents& events) : events_(events), counts_(events.size()) {}

  void add(const Fixture& fixture, const std::vector<js_outcome>& outcomes) {
    for (const js_outcome& o : outcomes) {
      const uint32_t e = fixture.tp.event_of(o);
      if (e >= counts_.size()) {
        throw std::runtime_error("an outcome maps to event #" + std::to_string(e) +
                                 ", beyond the " + std::to_string(counts_.size()) +
                                 " declared");
      }
      ++counts_[e];
      ++total_;
    }
  }

  // "clicked 31.2%, opened 20.0%, ..." over everything added so far.
  std::string shares() const {
    std::string out;
    for (uint32_t e = 0; e < counts_.size(); ++e) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, " %.1f%%",
                    100.0 * static_cast<double>(counts_[e]) / static_cast<double>(total_));
      out += (e ? ", " : "") + events_.names()[e] + buffer;
    }
    return out;
  }

  // "; never at any setting: a, b", or "".
  std::string never_seen() const {
    std::string out;
    for (uint32_t e = 0; e < counts_.size(); ++e) {
      if (counts_[e] == 0) {
        out += (out.empty() ? "; never at any setting: " : ", ") + events_.names()[e];
      }
    }
    return out;
  }

 private:
  const ChannelEvents& events_;
  std::vector<uint64_t> counts_;
  uint64_t total_ = 0;
};

class Harness {
 public:
  explicit Harness(ConformanceObserver& observer) : observer_(observer) {}

  void run(const std::filesystem::path& file) {
    ChannelPtr channel;
    if (!check("loads, and its descriptor checks out", [&] {
          channel = load_channel_library(file);
          observer_.channel(channel->name() + " " + channel->version());
          return "channel '" + channel->name() + "' " + channel->version() + ", API " +
                 std::to_string(channel->api_version()) + ", " +
                 std::to_string(channel->descriptor().param_count) + " parameters, " +
                 std::to_string(channel->descriptor().reason_count) + " drop reasons, " +
                 event_table(*channel);
        })) {
      return;
    }
    const js_channel_descriptor& d = channel->descriptor();
    std::unique_ptr<Fixture> at_defaults;
    if (!check("configures at the defaults", [&] {
          at_defaults = std::make_unique<Fixture>(channel, defaults(d));
          return std::string("ok");
        })) {
      return;
    }
    std::vector<std::pair<std::string, std::unique_ptr<Fixture>>> fixtures;
    check("configures at every parameter's extremes, or refuses with a message", [&] {
      size_t refused = 0;
      std::string refusals;
      for (auto& [label, values] : extremes(d)) {
        try {
          fixtures.emplace_back(label, std::make_unique<Fixture>(channel, values));
        } catch (const PluginError& e) {
          // A refusal is fine if it explains itself.
          const std::string message = e.diagnostics().front().message;
          if (message.find("no message given") != std::string::npos ||
              message.find("threw") != std::string::npos) {
            throw;
          }
          ++refused;
          refusals += (refusals.empty() ? "" : "; ") + label;
        }
      }
      return std::to_string(2 * d.param_count) + " settings, " + std::to_string(refused) +
             " refused with a message" + (refusals.empty() ? "" : " (" + refusals + ")");
    });
    check("the host refuses values outside each declared range", [&] {
      size_t numeric = 0;
      for (uint32_t i = 0; i < d.param_count; ++i) {
        const js_param_spec& p = d.params[i];
        if (p.type == JS_PARAM_BOOLEAN) {
          continue;
        }
        ++numeric;
        const double step = p.type == JS_PARAM_INTEGER ? 1.0 : std::max(1e-6, std::abs(p.max_value) * 1e-3);
        for (double v : {p.min_value - step, p.max_value + step}) {
          const std::string refusal = host_refusal(channel, p, v);
          if (refusal.find(std::string("'") + p.name + "'") == std::string::npos) {
            throw std::runtime_error(std::string("value ") + number(v) + " of '" + p.name +
                                     "' was not refused");
          }
        }
      }
      return "all " + std::to_string(numeric) + " numeric parameters";
    });
    const Population people(kAgents, 42);
    check("outcomes are finite and in range for generated agents", [&] {
      uint64_t interactions = 0;
      at_defaults->run(people, 0, kAgents);
      interactions += kAgents;
      for (const auto& [label, fixture] : fixtures) {
        fixture->run(people, 0, kAgents);
        interactions += kAgents;
      }
      return count(interactions) + " interactions: " + std::to_string(kPersonas) +
             " personas, agents in varied states, defaults and every extreme";
    });
    check("every outcome ends in a declared event", [&] {
      EventTally tally(channel->events());
      tally.add(*at_defaults, at_defaults->run(people, 0, kAgents));
      std::string shares = tally.shares();
      for (const auto& [label, fixture] : fixtures) {
        tally.add(*fixture, fixture->run(people, 0, kAgents));
      }
      return shares + " at the defaults" + tally.never_seen();
    });
    check("the same uniforms give the same outcomes", [&] {
      const auto first = at_defaults->run(people, 0, kAgents);
      const auto second = at_defaults->run(people, 0, kAgents);
      for (uint32_t i = 0; i < kAgents; ++i) {
        if (!same(first[i], second[i])) {
          throw std::runtime_error("agent " + std::to_string(i) + " got a different outcome");
        }
      }
      return count(kAgents) + " agents twice";
    });
    check("one batch and single-agent calls agree", [&] {
      const auto batch = at_defaults->run(people, 0, kAgents);
      for (uint32_t i = 0; i < kAgents; ++i) {
        if (!same(batch[i], at_defaults->run(people, i, 1)[0])) {
          throw std::runtime_error("agent " + std::to_string(i) + " differs when called alone");
        }
      }
      return "a batch of " + count(kAgents) + " and " + count(kAgents) + " calls of one";
    });
    check("the declared continue probability matches what agents do", [&] {
      const Population many(kBehaviourAgents, 7);
      const auto out = at_defaults->run(many, 0, kBehaviourAgents);
      double declared = 0, variance = 0;
      uint64_t continued = 0;
      for (const js_outcome& o : out) {
        declared += o.p_continue;
        variance += o.p_continue * (1 - o.p_continue);
        continued += o.next != JS_NEXT_DROP ? 1 : 0;
      }
      const double n = kBehaviourAgents;
      const double z = variance > 0 ? (static_cast<double>(continued) - declared) / std::sqrt(variance) : 0;
      char buffer[160];
      std::snprintf(buffer, sizeof buffer, "%.2f%% continued, %.2f%% declared, |z| = %.1f",
                    100 * static_cast<double>(continued) / n, 100 * declared / n, std::abs(z));
      const bool exact_mismatch = variance == 0 && static_cast<double>(continued) != declared;
      if (std::abs(z) > 5 || exact_mismatch) {
        throw std::runtime_error(buffer);
      }
      return std::string(buffer);
    });
  }

 private:
  template <class Body>
  bool check(const std::string& name, Body&& body) {
    observer_.begin(name);
    ConformanceCheck c{name, false, ""};
    try {
      c.detail = body();
      c.passed = true;
    } catch (const InputError& e) {
      c.detail = e.diagnostics().front().message;
    } catch (const std::exception& e) {
      c.detail = e.what();
    }
    observer_.end(c);
    return c.passed;
  }

  ConformanceObserver& observer_;
};

}  // namespace

void run_conformance_checks(const std::filesystem::path& file, ConformanceObserver& observer) {
  Harness(observer).run(file);
}

bool ConformanceReport::passed() const {
  if (checks.empty()) {
    return false;
  }
  for (const ConformanceCheck& c : checks) {
    if (!c.passed) {
      return false;
    }
  }
  return true;
}

std::string render_conformance(const ConformanceReport& report) {
  std::string out = "plugin-test " + report.file;
  if (!report.channel.empty()) {
    out += " — channel " + report.channel;
  }
  out += "\n";
  size_t failed = 0;
  for (const ConformanceCheck& c : report.checks) {
    out += std::string(c.passed ? "  ✓ " : "  ✗ ") + c.name + " — " + c.detail + "\n";
    failed += c.passed ? 0 : 1;
  }
  out += report.passed() ? "PASSED (" + std::to_string(report.checks.size()) + " checks)\n"
                         : "FAILED (" + std::to_string(failed) + " of " +
                               std::to_string(report.checks.size()) + " checks)\n";
  return out;
}

}  // namespace journeysim
