// Heuristic attribution: a model is its shares by position.
#include "journeysim/heuristic_attribution.h"

#include <cmath>
#include <cstdio>


namespace journeysim {

const char* heuristic_name(HeuristicModel model) {
  switch (model) {
    case HeuristicModel::FirstTouch:
      return "first_touch";
    case HeuristicModel::LastTouch:
      return "last_touch";
    case HeuristicModel::Linear:
      return "linear";
    case HeuristicModel::TimeDecay:
      return "time_decay";
    case HeuristicModel::PositionBased:
      return "position_based";
  }
  return "";
}

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

std::vector<double> touch_shares(HeuristicModel model, size_t length,
                                 const HeuristicParameters& parameters) {
  std::vector<double> shares(length, 0.0);
  if (length == 0) {
    return shares;
  }
  const size_t last = length - 1;
  switch (model) {
    case HeuristicModel::FirstTouch:
      shares.front() = 1.0;
      break;
    case HeuristicModel::LastTouch:
      shares.back() = 1.0;
      break;
    case HeuristicModel::Linear:
      for (double& s : shares) {
        s = 1.0 / static_cast<double>(length);
      }
      break;
    case HeuristicModel::TimeDecay: {
      double sum = 0.0;
      for (size_t k = 0; k < length; ++k) {
        shares[k] = std::exp2(-static_cast<double>(last - k) / parameters.half_life_steps);
        sum += shares[k];
      }
      for (double& s : shares) {
        s /= sum;
      }
      break;
    }
    case HeuristicModel::PositionBased:
      if (length == 1) {
        shares.front() = 1.0;
      } else if (length == 2) {
        // No middle: first and last share it in their proportion.
        const double ends = parameters.first + parameters.last;
        shares.front() = parameters.first / ends;
        shares.back() = parameters.last / ends;
      } else {
        shares.front() = parameters.first;
        shares.back() = parameters.last;
        for (size_t k = 1; k < last; ++k) {
          shares[k] = parameters.middle / static_cast<double>(length - 2);
        }
      }
      break;
  }
  return shares;
}

std::vector<Credit> attribute_heuristic(const PathSet& paths, HeuristicModel model,
                                        const HeuristicParameters& parameters) {
  std::vector<Credit> credit(paths.channels.size());
  for (const WeightedPath& p : paths.paths) {
    if (p.conversions <= 0.0 && p.value <= 0.0) {
      continue;
    }
    const std::vector<double> shares = touch_shares(model, p.steps.size(), parameters);
    for (size_t k = 0; k < p.steps.size(); ++k) {
      Credit& c = credit[p.steps[k]];
      c.conversions += shares[k] * p.conversions;
      c.value += shares[k] * p.value;
    }
  }
  return credit;
}

}  // namespace journeysim
