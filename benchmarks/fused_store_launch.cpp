// The hand-fused reference loop (see fused_store_launch.h). The channels'
// formulas are the plugins' own: each plugin keeps its model in a header
// (plugins/<channel>/<channel>_model.h) that its `interact` calls, and this
// loop calls the same inline code directly, with each persona's terms
// worked out once per touchpoint (as a hand-written loop would).
// fused_benchmark.cpp checks that it reproduces the engine's counts exactly.
#include "fused_store_launch.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "checkout/checkout_model.h"
#include "email/email_model.h"
#include "engine/quad_batch.h"
#include "metrics/satisfaction_scales.h"
#include "journeysim/random_stream.h"
#include "social/social_model.h"
#include "web/web_model.h"

namespace journeysim::bench {
namespace {

namespace social = channels::social;
namespace web = channels::web;
namespace checkout = channels::checkout;
namespace email = channels::email;

enum class Kind { SocialPost, SocialConversation, Web, Checkout, Email };

// Small journeys only: visit counts live in a fixed array per agent.
constexpr size_t kMaxTouchpoints = 32;

}  // namespace

struct FusedStoreLaunch::Plan {
  struct Touchpoint {
    Kind kind;
    uint32_t stream_key, uniforms;
    bool converts, has_delays;
    std::vector<uint32_t> targets;
    std::vector<double> cdf, delays;
    // One of these, by kind, and its per-persona terms.
    social::SocialTouchpoint social{};
    web::Page web{};
    checkout::CheckoutTouchpoint checkout{};
    email::EmailTouchpoint email{};
    std::vector<social::PersonaTerms> social_personas;
    std::vector<web::PersonaTerms> web_personas;
    std::vector<checkout::PersonaTerms> checkout_personas;
    std::vector<email::PersonaTerms> email_personas;
  };
  std::vector<Touchpoint> touchpoints;
  std::vector<double> persona_cdf, entry_cdf, initial_satisfaction;
  std::vector<uint32_t> entries;
  double horizon_hours;
  uint32_t max_steps;
};

FusedStoreLaunch::FusedStoreLaunch(const SimulationModel& model) {
  auto plan = std::make_unique<Plan>();
  const Scenario& scenario = model.scenario();
  if (scenario.touchpoints.size() > kMaxTouchpoints) {
    throw std::runtime_error("the fused loop handles journeys of up to 32 touchpoints");
  }
  for (size_t t = 0; t < scenario.touchpoints.size(); ++t) {
    const ModelTouchpoint& m = model.touchpoints()[t];
    const std::string& channel = scenario.touchpoints[t].channel;
    Plan::Touchpoint tp;
    tp.stream_key = m.stream_key;
    tp.uniforms = m.uniforms;
    tp.converts = m.converts;
    tp.has_delays = m.has_delays;
    tp.targets = m.edge_targets;
    tp.cdf = m.edge_cdf;
    tp.delays = m.edge_delay_hours;
    const double* p = m.params.data();
    if (channel == "social") {
      tp.social = social::MakeTouchpoint(p);
      tp.kind = tp.social.conversation ? Kind::SocialConversation : Kind::SocialPost;
      for (const js_persona_view& persona : m.personas) {
        tp.social_personas.push_back(social::TermsFor(tp.social, persona));
      }
    } else if (channel == "web") {
      tp.kind = Kind::Web;
      tp.web = web::MakePage(p);
      for (const js_persona_view& persona : m.personas) {
        tp.web_personas.push_back(web::persona_terms(tp.web, persona));
      }
    } else if (channel == "checkout") {
      tp.kind = Kind::Checkout;
      tp.checkout = checkout::MakeTouchpoint(p);
      for (const js_persona_view& persona : m.personas) {
        tp.checkout_personas.push_back(checkout::TermsFor(tp.checkout, persona));
      }
    } else if (channel == "email") {
      tp.kind = Kind::Email;
      tp.email = email::MakeTouchpoint(p);
      for (const js_persona_view& persona : m.personas) {
        tp.email_personas.push_back(email::TermsFor(tp.email, persona));
      }
    } else {
      throw std::runtime_error("the fused loop has no formulas for channel '" + channel + "'");
    }
    plan->touchpoints.push_back(std::move(tp));
  }
  plan->persona_cdf = model.persona_cdf();
  plan->entry_cdf = model.entry_cdf();
  plan->entries = model.entry_touchpoints();
  for (const Persona& p : scenario.personas) {
    plan->initial_satisfaction.push_back(p.initial_satisfaction);
  }
  plan->horizon_hours = model.horizon_hours();
  plan->max_steps = scenario.journey.max_steps;
  plan_ = std::move(plan);
}

FusedStoreLaunch::~FusedStoreLaunch() = default;

uint64_t FusedTally::interactions() const {
  uint64_t n = 0;
  for (uint64_t a : arrivals) {
    n += a;
  }
  return n;
}

FusedTally FusedStoreLaunch::run(uint64_t seed, uint64_t first, uint64_t count) const {
  const Plan& plan = *plan_;
  const RandomStream stream(seed);
  const size_t touchpoints = plan.touchpoints.size();
  FusedTally tally;
  tally.arrivals.assign(touchpoints, 0);
  tally.dropped.assign(touchpoints, 0);
  tally.exits.assign(touchpoints, 0);
  tally.cut_off.assign(touchpoints, 0);
  tally.agents = count;

  // Arrival draws are known before any agent moves, so even a loop that
  // takes one agent at a time draws them in batches (eight counters at once
  // where the CPU allows, as the engine does); the draws at each visit
  // depend on the path so far and are taken one counter at a time.
  constexpr uint64_t kArrivalBatch = 1024;
  std::vector<double> arrival(4 * kArrivalBatch);
  QuadBatch arrivals;
  for (uint64_t agent = first; agent < first + count; ++agent) {
    if ((agent - first) % kArrivalBatch == 0) {
      const uint64_t n = std::min(kArrivalBatch, first + count - agent);
      for (uint64_t k = 0; k < n; ++k) {
        arrivals.add(agent + k, kArrivalStream, 0, 0, &arrival[4 * k]);
      }
      arrivals.draw(stream);
    }
    const double* a = &arrival[4 * ((agent - first) % kArrivalBatch)];
    const auto persona = static_cast<uint32_t>(std::min<size_t>(
        std::upper_bound(plan.persona_cdf.begin(), plan.persona_cdf.end(), a[0]) -
            plan.persona_cdf.begin(),
        plan.persona_cdf.size() - 1));
    const size_t entry = std::min<size_t>(
        std::upper_bound(plan.entry_cdf.begin(), plan.entry_cdf.end(), a[1]) -
            plan.entry_cdf.begin(),
        plan.entry_cdf.size() - 1);
    uint32_t at = plan.entries[entry];
    std::array<uint32_t, kMaxTouchpoints> visits{};
    double hours = 0.0, effort = 0.0, spent = 0.0;
    double satisfaction = plan.initial_satisfaction[persona];
    uint32_t messages = 0, steps = 0, conversions = 0;
    bool engaged = false;

    while (true) {
      const Plan::Touchpoint& tp = plan.touchpoints[at];
      const uint32_t visit = visits[at];
      ++tally.arrivals[at];
      double u[JS_MAX_UNIFORMS];
      stream.fill(agent, tp.stream_key, visit, tp.uniforms, u);
      const js_agent_view view{persona, visit, messages, steps, hours,
                               effort,  satisfaction, spent, u};
      js_outcome o{};
      switch (tp.kind) {
        case Kind::SocialPost:
          o = social::DecidePost(tp.social, tp.social_personas[persona], view);
          break;
        case Kind::SocialConversation:
          o = social::DecideConversation(tp.social, tp.social_personas[persona], view);
          break;
        case Kind::Web:
          o = web::Decide(tp.web, tp.web_personas[persona], view);
          break;
        case Kind::Checkout:
          o = checkout::Decide(tp.checkout, tp.checkout_personas[persona], view);
          break;
        case Kind::Email:
          o = email::Decide(tp.email, tp.email_personas[persona], view);
          break;
      }
      if (hours + o.hours > plan.horizon_hours) {
        ++tally.cut_off[at];
        break;
      }
      hours += o.hours;
      effort += o.effort;
      satisfaction = std::clamp(satisfaction + o.emotion, 0.0, 1.0);
      spent += o.money;
      messages += o.messages;
      ++visits[at];
      ++steps;
      if (o.next == JS_NEXT_DROP) {
        ++tally.dropped[at];
        break;
      }
      engaged = true;
      conversions += tp.converts ? 1 : 0;
      if (tp.targets.empty()) {
        ++tally.exits[at];
        break;
      }
      double e[4] = {0, 0, 0, 0};
      if ((o.next < 0 && tp.cdf.size() > 1) || tp.has_delays) {
        stream.quad(agent, tp.stream_key, visit, kDelayDraw / 4, e);
      }
      size_t edge = 0;
      if (o.next >= 0) {
        edge = static_cast<size_t>(o.next);
      } else if (tp.cdf.size() > 1) {
        edge = std::min<size_t>(
            std::upper_bound(tp.cdf.begin(), tp.cdf.end(), e[kEdgeDraw % 4]) - tp.cdf.begin(),
            tp.cdf.size() - 1);
      }
      if (const double gap = tp.delays[edge]; gap > 0.0) {
        hours += -gap * std::log(e[kDelayDraw % 4]);
        if (hours > plan.horizon_hours) {
          ++tally.cut_off[at];
          break;
        }
      }
      if (steps >= plan.max_steps) {
        ++tally.cut_off[at];
        break;
      }
      at = tp.targets[edge];
    }

    tally.conversions += conversions > 0 ? 1 : 0;
    tally.revenue += spent;
    tally.effort += effort;
    tally.satisfaction += satisfaction;
    tally.path_length += steps;
    if (engaged) {
      const double r = std::sqrt(-2.0 * std::log(a[2]));
      const double csat_noise = r * std::cos(6.283185307179586 * a[3]);
      const double recommend_noise = r * std::sin(6.283185307179586 * a[3]);
      ++tally.surveyed;
      tally.satisfied += is_satisfied(satisfaction, csat_noise) ? 1 : 0;
      tally.promoters += is_promoter(satisfaction, recommend_noise) ? 1 : 0;
      tally.detractors += is_detractor(satisfaction, recommend_noise) ? 1 : 0;
      tally.ces += customer_effort_score(effort);
    }
  }
  return tally;
}

}  // namespace journeysim::bench
