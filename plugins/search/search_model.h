// The `search` channel: a result on a search results page, organic or paid.
//
// The behavioural model (equations, coefficients, worked numbers) is stated in
// README.md beside this file; the constants below carry the README's names,
// and search_channel_test.cpp recomputes the README equations independently.
//
// This header is the model: what `interact` computes, with no plugin
// boundary.
#pragma once

#include <journeysim/channel_sdk.h>

#include <array>
#include <cmath>
#include <cstdint>

namespace journeysim::channels::search {

using sdk::logistic;
using sdk::logit;

// Parameter indices, in declaration order (the order the host delivers them).
enum Param : uint32_t { kPosition, kRelevance, kPaid, kCpc, kParamCount };

// Reasons in the order the searcher meets them (README §Model).
enum Reason : uint32_t { kNotSeen, kSkippedAd, kNotRelevant, kReasonCount };

// --- Coefficients (README "Coefficient table"). ---
// Organic click-through rate by position, Backlinko & ClickFlow (2019), 5.08
// million queries from Search Console: positions 1..10, then page 2 onwards
// (0.78% of searchers, shared evenly by its ten results).
constexpr int kLastPosition = 20;
constexpr int kFirstPagePositions = 10;
constexpr std::array<double, kLastPosition> kCtrByPosition = {
    0.3173, 0.2471, 0.1866, 0.1360, 0.0951, 0.0623, 0.0415,
    0.0312, 0.0297, 0.0309, 0.00078, 0.00078, 0.00078, 0.00078,
    0.00078, 0.00078, 0.00078, 0.00078, 0.00078, 0.00078};
// The curve is reproduced for a result of typical relevance.
constexpr double kRelevanceCentre = 0.7;
constexpr double kAttractRelevance = 4.0;
constexpr double kAttractAffinityGap = 0.75;
// The "Sponsored" label: at average tech savvy 35% of those who would click
// the same result unlabelled still do; savvier searchers skip ads more.
constexpr double kAdLabelIntercept = -0.6;
constexpr double kAdLabelTechSavvy = -1.5;
constexpr double kTraitCentre = 0.5;

// --- Consequences (README §Consequences). ---
constexpr double kScanSeconds = 5.0;
constexpr double kScanSecondsPerPosition = 1.5;
constexpr double kNextPageSeconds = 8.0;
constexpr double kSecondsPerHour = 3600.0;
constexpr double kQueryEffort = 1.0;
constexpr double kNextPageEffort = 1.0;
constexpr double kClickEffort = 1.0;
constexpr double kEmotionClicked = 0.02;
constexpr double kEmotionNotRelevant = -0.02;

// Everything that depends only on the touchpoint's params.
struct Result {
  double examined;        // E(position) = CTR(position) / CTR(1)
  bool paid;
  double relevance_logit; // logit CTR(1) + 4 (relevance - 0.7)
  double scan_hours;
  double base_effort;     // query, and the next page past position 10
};

inline Result MakeResult(const double* p) {
  const int position = static_cast<int>(p[kPosition]);
  Result r;
  r.examined = kCtrByPosition[static_cast<size_t>(position - 1)] /
               kCtrByPosition[0];
  r.paid = p[kPaid] != 0.0;
  r.relevance_logit = logit(kCtrByPosition[0]) +
                      kAttractRelevance * (p[kRelevance] - kRelevanceCentre);
  const bool next_page = position > kFirstPagePositions;
  const double shown = position > kFirstPagePositions
                           ? position - kFirstPagePositions
                           : position;
  r.scan_hours = (kScanSeconds + kScanSecondsPerPosition * shown +
                  (next_page ? kNextPageSeconds : 0.0)) /
                 kSecondsPerHour;
  r.base_effort = kQueryEffort + (next_page ? kNextPageEffort : 0.0);
  return r;
}

// What depends on the persona: the chance it gets past the ad label and
// finds the snippet worth a click.
struct PersonaTerms {
  std::array<double, kReasonCount> q;
  double p;
};

inline PersonaTerms persona_terms(const Result& r,
                                  const js_persona_view& persona) {
  const double label =
      r.paid ? logistic(kAdLabelIntercept +
                        kAdLabelTechSavvy * (persona.tech_savvy - kTraitCentre))
             : 1.0;
  const double attractive = logistic(
      r.relevance_logit + kAttractAffinityGap * (persona.channel_affinity -
                                                 persona.best_other_affinity));
  PersonaTerms t;
  t.q = {1.0 - r.examined, 1.0 - label, 1.0 - attractive};
  t.p = r.examined * label * attractive;
  return t;
}

inline js_outcome Decide(const Result& r, const PersonaTerms& t,
                         const js_agent_view& agent) {
  const double* u = agent.uniforms;
  js_outcome o{};
  o.p_continue = t.p;
  o.hours = r.scan_hours;
  if (u[0] < t.p) {
    o.next = JS_NEXT_BY_WEIGHT;
    o.reason = 0;
    o.effort = r.base_effort + kClickEffort;
    o.emotion = kEmotionClicked;
  } else {
    o.next = JS_NEXT_DROP;
    o.reason = sdk::failed_check(t.q, u[1] * (1.0 - t.p), kNotSeen);
    o.effort = r.base_effort;
    o.emotion = o.reason == kNotRelevant ? kEmotionNotRelevant : 0.0;
  }
  return o;
}

}  // namespace journeysim::channels::search
