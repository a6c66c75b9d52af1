// The hand-fused reference loop (see fused_store_launch.h). Each channel's
// formulas are typed in line from plugins/<channel>/*_channel.cpp, in the
// same order of operations, with everything that does not depend on the
// agent worked out once per touchpoint and persona (as a hand-written loop
// would). fused_benchmark.cpp checks that it reproduces the engine's counts
// exactly, so the two cannot silently drift apart.
#include "fused_store_launch.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

#include "engine/satisfaction_scales.h"
#include "journeysim/random_stream.h"

namespace journeysim::bench {
namespace {

double clamp01(double x) { return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x); }
double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double exponential(double u, double mean) { return -mean * std::log1p(-u); }
double standard_normal(double u1, double u2) {
  const double r = std::sqrt(-2.0 * std::log1p(-u1));
  return r * std::cos(6.283185307179586 * u2);
}

// What a touchpoint does to the agent (the fields of js_outcome that the
// journey uses).
struct Outcome {
  bool drop = false;
  double hours = 0.0, effort = 0.0, emotion = 0.0, money = 0.0;
  uint32_t messages = 0, referrals = 0;
};

// ---- social (plugins/social/social_channel.cpp) ---------------------------
namespace social {
constexpr double kSeenAffinity = 4.0;
constexpr double kEngageIntercept = -2.2, kEngageQuality = 3.0, kEngageAffinity = 2.0,
                 kEngageSatisfaction = 1.0;
constexpr double kLeaveIntercept = -2.0, kLeaveLogWait = 1.2, kLeavePatience = -3.0,
                 kReferenceWaitMinutes = 60.0;
constexpr double kBadReplyIntercept = -1.5, kBadReplyFriendliness = -4.0,
                 kBadReplyQuality = -2.0, kBadReplySatisfaction = -1.0;
constexpr double kShareIntercept = -3.5, kShareIncentiveCoef = 2.5, kShareQuality = 1.5,
                 kShareSatisfaction = 1.5;
constexpr double kScrollPastMinutes = 5.0 / 60.0, kViewMinMinutes = 0.5,
                 kViewMeanMinutes = 1.0, kViewMeanQualityMinutes = 4.0, kWriteMinutes = 3.0,
                 kReadReplyMinutes = 2.0;
constexpr double kEffortScrollPast = 0.1, kEffortEngage = 1.0, kEffortShare = 1.0,
                 kEffortWrite = 3.0, kEffortReadReply = 1.0;
constexpr double kEmotionIgnoredQuality = 0.02, kEmotionEngageBase = 0.03,
                 kEmotionEngageQuality = 0.1, kEmotionShare = 0.02, kEmotionSpeedPerLog = 0.04,
                 kEmotionSpeedMax = 0.08, kEmotionSpeedMin = -0.15, kEmotionFriendliness = 0.2,
                 kEmotionGaveUp = -0.05, kEmotionBadReply = -0.08, kEmotionLimit = 0.3;

struct Touchpoint {
  bool conversation = false;
  double reach, quality, engage_offset, leave_offset, bad_reply_offset, share_offset,
      wait_minutes, speed_emotion, tone_emotion, view_mean_minutes;

  explicit Touchpoint(const std::vector<double>& p) {
    quality = p[1];
    const double wait = p[3];
    const double friendliness = p[4];
    const double log_wait = std::log((wait + 1.0) / (kReferenceWaitMinutes + 1.0));
    conversation = p[2] != 0.0;
    reach = p[0];
    engage_offset = kEngageIntercept + kEngageQuality * (quality - 0.5);
    leave_offset = kLeaveIntercept + kLeaveLogWait * log_wait;
    bad_reply_offset = kBadReplyIntercept + kBadReplyFriendliness * (friendliness - 0.5) +
                       kBadReplyQuality * (quality - 0.5);
    share_offset = kShareIntercept + kShareIncentiveCoef * p[5] + kShareQuality * (quality - 0.5);
    wait_minutes = wait;
    speed_emotion = std::clamp(-kEmotionSpeedPerLog * log_wait, kEmotionSpeedMin, kEmotionSpeedMax);
    tone_emotion = kEmotionFriendliness * (friendliness - 0.5);
    view_mean_minutes = kViewMeanMinutes + kViewMeanQualityMinutes * quality;
  }
};

struct Persona {
  double p_seen, engage_offset;         // post
  double p_leave, speed;                // conversation
  Persona(const Touchpoint& s, const js_persona_view& persona) {
    const double affinity = clamp01(persona.channel_affinity);
    const double patience = clamp01(persona.patience);
    p_seen = s.reach * logistic(kSeenAffinity * (affinity - 0.5));
    engage_offset = s.engage_offset + kEngageAffinity * (affinity - 0.5);
    p_leave = logistic(s.leave_offset + kLeavePatience * (patience - 0.5));
    speed = s.speed_emotion < 0.0 ? s.speed_emotion * (1.5 - patience) : s.speed_emotion;
  }
};

bool shares(const Touchpoint& s, double satisfaction, double u) {
  return u < logistic(s.share_offset + kShareSatisfaction * (satisfaction - 0.5));
}

Outcome post(const Touchpoint& s, const Persona& t, double agent_satisfaction,
             const double* u) {
  const double satisfaction = clamp01(agent_satisfaction);
  const double p_engage =
      logistic(t.engage_offset + kEngageSatisfaction * (satisfaction - 0.5));
  const double p = t.p_seen * p_engage;
  Outcome o;
  if (u[0] < p) {
    const bool shared = shares(s, satisfaction, u[3]);
    o.referrals = shared ? 1 : 0;
    o.hours = (kViewMinMinutes + exponential(u[2], s.view_mean_minutes)) / 60.0;
    o.effort = kEffortEngage + (shared ? kEffortShare : 0.0);
    o.emotion = kEmotionEngageBase + kEmotionEngageQuality * (s.quality - 0.5) +
                (shared ? kEmotionShare : 0.0);
    return o;
  }
  o.drop = true;
  const double lost_reach = 1.0 - t.p_seen;
  const double lost_engage = t.p_seen * (1.0 - p_engage);
  if (u[1] * (lost_reach + lost_engage) < lost_reach) {
    return o;  // never saw it
  }
  o.hours = kScrollPastMinutes / 60.0;
  o.effort = kEffortScrollPast;
  o.emotion = kEmotionIgnoredQuality * (s.quality - 0.5);
  return o;
}

Outcome conversation(const Touchpoint& s, const Persona& t, double agent_satisfaction,
                     const double* u) {
  const double satisfaction = clamp01(agent_satisfaction);
  const double p_bad_reply =
      logistic(s.bad_reply_offset + kBadReplySatisfaction * (satisfaction - 0.5));
  const double p = (1.0 - t.p_leave) * (1.0 - p_bad_reply);
  const double replied_hours = (kWriteMinutes + s.wait_minutes + kReadReplyMinutes) / 60.0;
  Outcome o;
  if (u[0] < p) {
    const bool shared = shares(s, satisfaction, u[3]);
    o.referrals = shared ? 1 : 0;
    o.hours = replied_hours;
    o.effort = kEffortWrite + kEffortReadReply + (shared ? kEffortShare : 0.0);
    o.emotion = std::max(t.speed + s.tone_emotion + (shared ? kEmotionShare : 0.0),
                         -kEmotionLimit);
    o.messages = 1;
    return o;
  }
  o.drop = true;
  const double lost_wait = t.p_leave;
  const double lost_reply = (1.0 - t.p_leave) * p_bad_reply;
  if (u[1] * (lost_wait + lost_reply) < lost_wait) {
    o.hours = (kWriteMinutes + u[2] * s.wait_minutes) / 60.0;
    o.effort = kEffortWrite;
    o.emotion = std::min(t.speed, 0.0) + kEmotionGaveUp;
    return o;
  }
  o.hours = replied_hours;
  o.effort = kEffortWrite + kEffortReadReply;
  o.emotion = std::max(std::min(t.speed, 0.0) + std::min(s.tone_emotion, 0.0) + kEmotionBadReply,
                       -kEmotionLimit);
  o.messages = 1;
  return o;
}
}  // namespace social

// ---- web (plugins/web/web_channel.cpp) ------------------------------------
namespace web {
enum Reason { kSlowPage, kNotMobileFriendly, kNotRelevant, kPrice, kUnclearNextStep,
              kFormTooLong, kReasonCount };
constexpr double kSlowIntercept = -1.8, kSlowReferenceS = 3.0, kSlowPerLogLoad = 2.5,
                 kSlowPatience = -2.0;
constexpr double kMobileIntercept = -1.25, kMobileTechSavvy = -1.0;
constexpr double kRelevanceIntercept = -0.85, kRelevanceRelevance = -3.0,
                 kRelevanceQuality = -1.5, kRelevanceAffinity = -1.0,
                 kRelevanceReturning = -0.5, kRelevanceSatisfaction = -1.0;
constexpr double kPriceIntercept = -1.75, kPriceSensitivity = 3.0, kPriceReference = 100.0,
                 kPricePerLogPrice = 0.25;
constexpr double kCtaIntercept = -1.75, kCtaPerClarity = -3.0, kCtaTechSavvy = -0.5;
constexpr double kFormIntercept = -1.1, kFormReferenceFields = 5.0, kFormPerField = 0.2,
                 kFormPatience = -1.0, kFormTechSavvy = -1.0;
constexpr double kQualityCentre = 0.6, kRelevanceCentre = 0.6, kCtaCentre = 0.6,
                 kTraitCentre = 0.5;
constexpr double kReadMinutesBase = 0.5, kReadMinutesPerQuality = 1.5, kBounceScanMinutes = 0.25,
                 kFieldMinutes = 0.2, kFieldEffortBase = 1.25, kFieldEffortTechSavvy = -0.5,
                 kSlowDropEffort = 0.5, kViewEffort = 1.0, kSearchCtaEffort = 1.0,
                 kZoomEffort = 1.0, kClickEffort = 1.0;
constexpr double kEmotionContinueBase = 0.03, kEmotionQuality = 0.08, kEmotionCta = 0.04,
                 kEmotionSlowPerS = 0.02, kEmotionSlowFreeS = 2.0, kEmotionSlowCap = 0.12,
                 kEmotionPerField = 0.003, kEmotionNotMobile = 0.03, kEmotionLimit = 0.3;
constexpr std::array<double, kReasonCount> kDropEmotion = {-0.05, -0.08, -0.02,
                                                           -0.05, -0.06, -0.08};

double centred(double x, double centre) { return x - centre; }

struct Touchpoint {
  double slow_eta;
  bool mobile_friendly;
  double relevance_eta;
  bool has_price;
  double price_eta, cta_eta, form_fields, form_eta, lead_value, load_minutes,
      read_mean_minutes, page_effort, continue_emotion;
  std::array<double, kReasonCount> drop_emotion;

  explicit Touchpoint(const std::vector<double>& p) {
    const double load_s = p[0];
    const double quality = p[1];
    const double cta = p[3];
    slow_eta = kSlowIntercept + kSlowPerLogLoad * std::log(load_s / kSlowReferenceS);
    mobile_friendly = p[5] != 0.0;
    relevance_eta = kRelevanceIntercept + kRelevanceRelevance * centred(p[2], kRelevanceCentre) +
                    kRelevanceQuality * centred(quality, kQualityCentre);
    has_price = p[6] > 0.0;
    price_eta = has_price ? kPriceIntercept + kPricePerLogPrice * std::log(p[6] / kPriceReference)
                          : 0.0;
    cta_eta = kCtaIntercept + kCtaPerClarity * centred(cta, kCtaCentre);
    form_fields = p[4];
    form_eta = kFormIntercept + kFormPerField * (form_fields - kFormReferenceFields);
    lead_value = form_fields > 0.0 ? p[7] : 0.0;
    load_minutes = load_s / 60.0;
    read_mean_minutes = kReadMinutesBase + kReadMinutesPerQuality * quality;
    page_effort = kViewEffort + kSearchCtaEffort * (1.0 - cta) +
                  (mobile_friendly ? 0.0 : kZoomEffort);
    const double slow_penalty =
        std::min(kEmotionSlowCap, kEmotionSlowPerS * std::max(0.0, load_s - kEmotionSlowFreeS));
    const double field_penalty = kEmotionPerField * form_fields;
    continue_emotion = std::clamp(kEmotionContinueBase + kEmotionQuality * (quality - 0.5) +
                                      kEmotionCta * (cta - 0.5) - slow_penalty - field_penalty -
                                      (mobile_friendly ? 0.0 : kEmotionNotMobile),
                                  -kEmotionLimit, kEmotionLimit);
    drop_emotion = kDropEmotion;
    drop_emotion[kSlowPage] -= slow_penalty;
    drop_emotion[kFormTooLong] -= field_penalty;
  }
};

struct Persona {
  std::array<double, kReasonCount> q;
  double survive_before_relevance, survive_after_relevance, relevance_eta, form_minutes,
      form_effort;

  Persona(const Touchpoint& page, const js_persona_view& persona) {
    const double patience = centred(persona.patience, kTraitCentre);
    const double tech = centred(persona.tech_savvy, kTraitCentre);
    q[kSlowPage] = logistic(page.slow_eta + kSlowPatience * patience);
    q[kNotMobileFriendly] =
        page.mobile_friendly ? 0.0 : logistic(kMobileIntercept + kMobileTechSavvy * tech);
    q[kNotRelevant] = 0.0;
    q[kPrice] = page.has_price
                    ? logistic(page.price_eta +
                               kPriceSensitivity * centred(persona.price_sensitivity, kTraitCentre))
                    : 0.0;
    q[kUnclearNextStep] = logistic(page.cta_eta + kCtaTechSavvy * tech);
    q[kFormTooLong] = page.form_fields > 0.0
                          ? logistic(page.form_eta + kFormPatience * patience + kFormTechSavvy * tech)
                          : 0.0;
    survive_before_relevance = (1.0 - q[kSlowPage]) * (1.0 - q[kNotMobileFriendly]);
    survive_after_relevance =
        (1.0 - q[kPrice]) * (1.0 - q[kUnclearNextStep]) * (1.0 - q[kFormTooLong]);
    relevance_eta =
        page.relevance_eta + kRelevanceAffinity * centred(persona.channel_affinity, kTraitCentre);
    const double per_field = kFieldEffortBase + kFieldEffortTechSavvy * persona.tech_savvy;
    form_effort = page.form_fields * per_field;
    form_minutes = page.form_fields * kFieldMinutes * per_field;
  }
};

uint32_t drop_stage(const std::array<double, kReasonCount>& q, double target) {
  double reach = 1.0;
  double cumulative = 0.0;
  uint32_t last = kSlowPage;
  for (uint32_t k = 0; k < kReasonCount; ++k) {
    const double d = reach * q[k];
    if (d > 0.0) {
      cumulative += d;
      last = k;
      if (target < cumulative) {
        return k;
      }
    }
    reach *= 1.0 - q[k];
  }
  return last;
}

Outcome page(const Touchpoint& page, const Persona& t, uint32_t visits, double satisfaction,
             const double* u) {
  const double relevance_eta = t.relevance_eta + (visits > 0 ? kRelevanceReturning : 0.0) +
                               kRelevanceSatisfaction * centred(satisfaction, kTraitCentre);
  const double q_relevance = logistic(relevance_eta);
  const double p = t.survive_before_relevance * (1.0 - q_relevance) * t.survive_after_relevance;
  Outcome o;
  double minutes = 0.0;
  if (u[0] < p) {
    minutes = page.load_minutes + exponential(u[2], page.read_mean_minutes) + t.form_minutes;
    o.effort = page.page_effort + kClickEffort + t.form_effort;
    o.emotion = page.continue_emotion;
    o.money = page.lead_value;
  } else {
    std::array<double, kReasonCount> q = t.q;
    q[kNotRelevant] = q_relevance;
    const uint32_t reason = drop_stage(q, u[1] * (1.0 - p));
    o.drop = true;
    if (reason == kSlowPage) {
      minutes = u[2] * page.load_minutes;
      o.effort = kSlowDropEffort;
    } else {
      minutes = page.load_minutes + exponential(u[2], kBounceScanMinutes);
      o.effort = page.page_effort;
      if (reason == kFormTooLong) {
        minutes += 0.5 * t.form_minutes;
        o.effort += 0.5 * t.form_effort;
      }
    }
    o.emotion = page.drop_emotion[reason];
  }
  o.hours = minutes / 60.0;
  return o;
}
}  // namespace web

// ---- checkout (plugins/checkout/checkout_channel.cpp) ---------------------
namespace checkout {
enum Reason : uint32_t { kSlowPage, kTooManySteps, kTooManyFields, kAccountRequired,
                         kSurpriseCostsReason, kFewPaymentOptions, kError, kPrice,
                         kReasonCount };
constexpr double kAccountIntercept = -1.25, kAccountTech = -2.0, kAccountPatience = -1.0;
constexpr double kSlowIntercept = -4.2, kSlowLogLoad = 1.3, kSlowPatience = -1.5,
                 kReferenceLoadS = 2.0;
constexpr double kErrorQuitIntercept = -0.4, kErrorQuitPatience = -2.0, kErrorQuitTech = -1.0;
constexpr double kStepIntercept = -3.2, kStepPatience = -2.0;
constexpr double kFieldIntercept = -4.8, kFieldPatience = -2.0, kFieldTech = -1.0;
constexpr double kPayIntercept = -3.2, kPayLogOptions = -1.1, kPayTech = -1.0,
                 kPayPatience = -1.0, kReferenceOptions = 3.0;
constexpr double kPriceIntercept = -1.75, kPriceSensitivity = 2.0, kPriceLogValue = 0.3,
                 kPriceSatisfaction = -1.0, kPricePatience = -1.0, kReferenceOrderValue = 60.0;
constexpr double kSurpriseCost = 8.0;
constexpr double kStepClicks = 1.0, kErrorRework = 2.0, kErrorSeconds = 20.0,
                 kStepReadSeconds = 10.0, kFieldSecondsSlow = 8.0, kFieldSecondsFast = 4.0,
                 kAccountChoiceSeconds = 15.0, kLeaveStepSeconds = 5.0,
                 kPaymentLookSeconds = 10.0, kReviewSeconds = 20.0, kConfirmSeconds = 20.0;
constexpr double kEmotionDone = 0.10, kFrictionPerExtraStep = 0.01, kFrictionPerField = 0.003,
                 kFrictionPerLogLoad = 0.03, kFrictionAccount = 0.03, kFrictionSurprise = 0.1,
                 kFrictionPerError = 0.05, kEmotionFloor = -0.3;
constexpr std::array<double, kReasonCount> kDropEmotion = {-0.06, -0.05, -0.06, -0.08,
                                                           -0.15, -0.06, -0.12, -0.03};

struct Touchpoint {
  int steps;
  double n, fields, fields_per_step, load_s;
  bool guest;
  double surprise, error_rate, order_value, sigma, half_sigma_squared, slow_offset,
      pay_offset, price_offset, friction;

  explicit Touchpoint(const std::vector<double>& p) {
    steps = static_cast<int>(p[0]);
    n = p[0];
    fields = p[1];
    fields_per_step = fields / n;
    load_s = p[2];
    guest = p[4] != 0.0;
    surprise = p[5];
    error_rate = p[6];
    order_value = p[7];
    sigma = p[8];
    half_sigma_squared = 0.5 * sigma * sigma;
    const double log_load = std::log(load_s / kReferenceLoadS);
    slow_offset = kSlowIntercept + kSlowLogLoad * log_load;
    pay_offset = kPayIntercept + kPayLogOptions * std::log(p[3] / kReferenceOptions);
    price_offset = kPriceIntercept +
                   kPriceLogValue * (std::log1p(order_value / kReferenceOrderValue) - std::log(2.0));
    friction = kFrictionPerExtraStep * (n - 1.0) + kFrictionPerField * fields +
               kFrictionPerLogLoad * std::max(log_load, 0.0) + (guest ? 0.0 : kFrictionAccount);
  }
};

struct Persona {
  double h_account, h_step, h_slow, h_fields, h_error, h_pay, survive_to_review, review_offset,
      surprise_shift, errors_per_step, field_seconds, done_emotion, drop_emotion_scale;

  Persona(const Touchpoint& c, const js_persona_view& persona) {
    const double patience = clamp01(persona.patience) - 0.5;
    const double tech = clamp01(persona.tech_savvy) - 0.5;
    const double price = clamp01(persona.price_sensitivity) - 0.5;
    h_account = c.guest ? 0.0
                        : logistic(kAccountIntercept + kAccountTech * tech +
                                   kAccountPatience * patience);
    h_step = logistic(kStepIntercept + kStepPatience * patience);
    h_slow = logistic(c.slow_offset + kSlowPatience * patience);
    const double h_field = logistic(kFieldIntercept + kFieldPatience * patience + kFieldTech * tech);
    h_fields = -std::expm1(c.fields_per_step * std::log1p(-h_field));
    const double quit_after_error =
        logistic(kErrorQuitIntercept + kErrorQuitPatience * patience + kErrorQuitTech * tech);
    h_error = c.error_rate * quit_after_error;
    h_pay = logistic(c.pay_offset + kPayTech * tech + kPayPatience * patience);
    const double survive_step = (1.0 - h_slow) * (1.0 - h_fields) * (1.0 - h_error);
    survive_to_review = (1.0 - h_account) * std::pow(1.0 - h_step, c.n - 1.0) *
                        std::pow(survive_step, c.n) * (1.0 - h_pay);
    review_offset = c.price_offset + kPriceSensitivity * price + kPricePatience * patience;
    surprise_shift = kSurpriseCost * c.surprise * (price + 1.0);
    errors_per_step = c.error_rate * (1.0 - quit_after_error) / (1.0 - h_error);
    field_seconds = kFieldSecondsSlow - (kFieldSecondsSlow - kFieldSecondsFast) * (tech + 0.5);
    const double friction = c.friction + kFrictionSurprise * c.surprise * (price + 1.0) +
                            kFrictionPerError * c.n * errors_per_step;
    done_emotion = std::max(kEmotionDone - friction, kEmotionFloor);
    drop_emotion_scale = 1.0 - patience;
  }
};

struct Progress {
  double effort, seconds;
};

Progress before(const Touchpoint& c, const Persona& t, double completed_steps) {
  const double step_effort = kStepClicks + c.fields_per_step + kErrorRework * t.errors_per_step;
  const double step_seconds = c.load_s + kStepReadSeconds + c.fields_per_step * t.field_seconds +
                              t.errors_per_step * (kErrorSeconds + c.load_s);
  const double account_effort = c.guest ? 0.0 : 1.0;
  const double account_seconds = c.guest ? 0.0 : kAccountChoiceSeconds;
  return {account_effort + completed_steps * step_effort,
          account_seconds + completed_steps * step_seconds};
}

Outcome decide(const Touchpoint& c, const Persona& t, double agent_satisfaction,
               const double* u) {
  const double satisfaction = clamp01(agent_satisfaction) - 0.5;
  const double price_logit = t.review_offset + kPriceSatisfaction * satisfaction;
  const double h_review = logistic(price_logit + t.surprise_shift);
  const double p = t.survive_to_review * (1.0 - h_review);
  Outcome o;
  if (u[0] < p) {
    const Progress done = before(c, t, c.n);
    o.effort = done.effort + 2.0;
    o.hours = (done.seconds + kConfirmSeconds + c.load_s) / 3600.0;
    o.emotion = t.done_emotion;
    o.money = c.order_value *
              std::exp(c.sigma * standard_normal(u[2], u[3]) - c.half_sigma_squared);
    return o;
  }
  const double target = u[1] * (1.0 - p);
  double alive = 1.0;
  double lost = 0.0;
  const auto fires = [&](double hazard) {
    const double mass = alive * hazard;
    lost += mass;
    alive -= mass;
    return target < lost;
  };
  uint32_t reason = kReasonCount;
  double effort = 0.0;
  double seconds = 0.0;
  if (fires(t.h_account)) {
    reason = kAccountRequired;
    effort = 1.0;
    seconds = c.load_s + kStepReadSeconds;
  }
  for (int step = 1; reason == kReasonCount && step <= c.steps; ++step) {
    const Progress b = before(c, t, static_cast<double>(step - 1));
    effort = b.effort;
    seconds = b.seconds;
    if (step >= 2 && fires(t.h_step)) {
      reason = kTooManySteps;
      seconds += kLeaveStepSeconds;
    } else if (fires(t.h_slow)) {
      reason = kSlowPage;
      seconds += c.load_s;
    } else if (fires(t.h_fields)) {
      reason = kTooManyFields;
      effort += 0.5 * c.fields_per_step;
      seconds += c.load_s + 0.5 * c.fields_per_step * t.field_seconds;
    } else if (fires(t.h_error)) {
      reason = kError;
      effort += c.fields_per_step + kStepClicks;
      seconds += c.load_s + kStepReadSeconds + c.fields_per_step * t.field_seconds + kErrorSeconds;
    }
  }
  if (reason == kReasonCount) {
    const Progress all = before(c, t, c.n);
    effort = all.effort + 1.0;
    seconds = all.seconds + kPaymentLookSeconds;
    if (fires(t.h_pay)) {
      reason = kFewPaymentOptions;
    } else {
      seconds += kReviewSeconds;
      reason = (fires(logistic(price_logit)) || t.surprise_shift == 0.0) ? kPrice
                                                                          : kSurpriseCostsReason;
    }
  }
  o.drop = true;
  o.effort = effort;
  o.hours = seconds / 3600.0;
  o.emotion = kDropEmotion[reason] * t.drop_emotion_scale;
  return o;
}
}  // namespace checkout

// ---- email (plugins/email/email_channel.cpp) ------------------------------
namespace email {
constexpr double kOpenIntercept = -1.2, kOpenAffinity = 2.5, kOpenRelevance = 1.5,
                 kOpenSatisfaction = 1.0, kOpenFatigue = -2.0;
constexpr std::array<double, 24> kOpenHour = {
    -0.6, -0.6, -0.6, -0.6, -0.6, -0.5, -0.3, -0.1, 0.1,  0.25, 0.3,  0.25,
    0.1,  0.05, 0.0,  0.0,  0.0,  0.05, 0.15, 0.2,  0.2,  0.05, -0.2, -0.4};
constexpr double kFatigueMessagesWeight = 0.5, kFatigueMessagesHalf = 4.0,
                 kFatigueFrequencyWeight = 0.5, kFatigueFrequencyHalf = 7.0;
constexpr double kClickIntercept = -1.7, kClickQuality = 1.6, kClickRelevance = 0.8,
                 kClickAffinity = 1.0;
constexpr double kUnsubIntercept = -5.0, kUnsubFatigue = 4.0, kUnsubRelevance = -1.0;
constexpr double kDelayMinMeanHours = 1.0, kDelayLowAffinityHours = 11.0;
constexpr int kWakeHour = 7, kBedHour = 22;
constexpr double kReadHours = 2.0 / 60.0;
constexpr double kEffortGlance = 0.1, kEffortOpen = 1.0, kEffortClick = 1.0,
                 kEffortUnsubscribe = 2.0;
constexpr double kEmotionClickBase = 0.02, kEmotionClickRelevance = 0.06,
                 kEmotionClickFatigue = -0.03, kEmotionIgnoredFatigue = -0.02,
                 kEmotionNoClickIrrelevance = -0.02, kEmotionNoClickFatigue = -0.05,
                 kEmotionUnsubBase = -0.10, kEmotionUnsubFatigue = -0.10;

struct Touchpoint {
  double deliverability, open_offset, click_offset, unsub_offset, fatigue_frequency,
      wake_wait_hours, relevance;

  explicit Touchpoint(const std::vector<double>& p) {
    relevance = p[1];
    const int hour = static_cast<int>(p[2]);
    const double frequency = p[3];
    deliverability = p[0];
    open_offset = kOpenIntercept + kOpenRelevance * (relevance - 0.5) +
                  kOpenHour[static_cast<size_t>(hour)];
    click_offset = kClickIntercept + kClickQuality * (p[4] - 0.5) +
                   kClickRelevance * (relevance - 0.5);
    unsub_offset = kUnsubIntercept + kUnsubRelevance * (relevance - 0.5);
    fatigue_frequency =
        kFatigueFrequencyWeight * frequency / (frequency + kFatigueFrequencyHalf);
    wake_wait_hours = hour >= kBedHour  ? static_cast<double>(24 + kWakeHour - hour)
                      : hour < kWakeHour ? static_cast<double>(kWakeHour - hour)
                                         : 0.0;
  }
};

struct Persona {
  double affinity, p_click, open_offset, delay_mean;
  Persona(const Touchpoint& e, const js_persona_view& persona) {
    affinity = clamp01(persona.channel_affinity);
    p_click = logistic(e.click_offset + kClickAffinity * (affinity - 0.5));
    open_offset = e.open_offset + kOpenAffinity * (affinity - 0.5);
    delay_mean = kDelayMinMeanHours + kDelayLowAffinityHours * (1.0 - affinity);
  }
};

Outcome decide(const Touchpoint& e, const Persona& t, uint32_t messages_received,
               double agent_satisfaction, const double* u) {
  const double satisfaction = clamp01(agent_satisfaction);
  const double messages = static_cast<double>(messages_received);
  const double fatigue = e.fatigue_frequency +
                         kFatigueMessagesWeight * messages / (messages + kFatigueMessagesHalf);
  const double p_open = logistic(t.open_offset + kOpenSatisfaction * (satisfaction - 0.5) +
                                 kOpenFatigue * fatigue);
  const double p = e.deliverability * p_open * t.p_click;
  const auto open_delay = [&] {
    return e.wake_wait_hours + exponential(u[2], t.delay_mean) + kReadHours;
  };
  Outcome o;
  if (u[0] < p) {
    o.hours = open_delay();
    o.effort = kEffortOpen + kEffortClick;
    o.emotion = kEmotionClickBase + kEmotionClickRelevance * e.relevance +
                kEmotionClickFatigue * fatigue;
    o.messages = 1;
    return o;
  }
  o.drop = true;
  const double lost_delivery = 1.0 - e.deliverability;
  const double lost_open = e.deliverability * (1.0 - p_open);
  const double lost_click = e.deliverability * p_open * (1.0 - t.p_click);
  const double target = u[1] * (lost_delivery + lost_open + lost_click);
  if (target < lost_delivery) {
    return o;
  }
  o.messages = 1;
  if (target < lost_delivery + lost_open) {
    o.effort = kEffortGlance;
    o.emotion = kEmotionIgnoredFatigue * fatigue;
    return o;
  }
  const double p_unsub = logistic(e.unsub_offset + kUnsubFatigue * fatigue);
  o.hours = open_delay();
  if (target < lost_delivery + lost_open + lost_click * (1.0 - p_unsub)) {
    o.effort = kEffortOpen;
    o.emotion = kEmotionNoClickIrrelevance * (1.0 - e.relevance) + kEmotionNoClickFatigue * fatigue;
    return o;
  }
  o.effort = kEffortOpen + kEffortUnsubscribe;
  o.emotion = kEmotionUnsubBase + kEmotionUnsubFatigue * fatigue;
  return o;
}
}  // namespace email

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
    std::unique_ptr<social::Touchpoint> social;
    std::unique_ptr<web::Touchpoint> web;
    std::unique_ptr<checkout::Touchpoint> checkout;
    std::unique_ptr<email::Touchpoint> email;
    std::vector<social::Persona> social_personas;
    std::vector<web::Persona> web_personas;
    std::vector<checkout::Persona> checkout_personas;
    std::vector<email::Persona> email_personas;
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
    if (channel == "social") {
      tp.social = std::make_unique<social::Touchpoint>(m.params);
      tp.kind = tp.social->conversation ? Kind::SocialConversation : Kind::SocialPost;
      for (const js_persona_view& p : m.personas) {
        tp.social_personas.emplace_back(*tp.social, p);
      }
    } else if (channel == "web") {
      tp.kind = Kind::Web;
      tp.web = std::make_unique<web::Touchpoint>(m.params);
      for (const js_persona_view& p : m.personas) {
        tp.web_personas.emplace_back(*tp.web, p);
      }
    } else if (channel == "checkout") {
      tp.kind = Kind::Checkout;
      tp.checkout = std::make_unique<checkout::Touchpoint>(m.params);
      for (const js_persona_view& p : m.personas) {
        tp.checkout_personas.emplace_back(*tp.checkout, p);
      }
    } else if (channel == "email") {
      tp.kind = Kind::Email;
      tp.email = std::make_unique<email::Touchpoint>(m.params);
      for (const js_persona_view& p : m.personas) {
        tp.email_personas.emplace_back(*tp.email, p);
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

  for (uint64_t agent = first; agent < first + count; ++agent) {
    double a[4];
    stream.quad(agent, kArrivalStream, 0, 0, a);
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
      Outcome o;
      switch (tp.kind) {
        case Kind::SocialPost:
          o = social::post(*tp.social, tp.social_personas[persona], satisfaction, u);
          break;
        case Kind::SocialConversation:
          o = social::conversation(*tp.social, tp.social_personas[persona], satisfaction, u);
          break;
        case Kind::Web:
          o = web::page(*tp.web, tp.web_personas[persona], visit, satisfaction, u);
          break;
        case Kind::Checkout:
          o = checkout::decide(*tp.checkout, tp.checkout_personas[persona], satisfaction, u);
          break;
        case Kind::Email:
          o = email::decide(*tp.email, tp.email_personas[persona], messages, satisfaction, u);
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
      if (o.drop) {
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
      if (tp.cdf.size() > 1 || tp.has_delays) {
        stream.quad(agent, tp.stream_key, visit, kDelayDraw / 4, e);
      }
      size_t edge = 0;
      if (tp.cdf.size() > 1) {
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
