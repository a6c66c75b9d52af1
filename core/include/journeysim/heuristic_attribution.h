// Heuristic attribution of weighted paths: every conversion (and its value)
// is shared among the touches of its path by position. First, last and
// linear are ChannelAttribution's `heuristic_models` on the path as written
// (repeats included: linear gives each occurrence 1/length of the path).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "journeysim/path_set.h"

namespace journeysim {

enum class HeuristicModel { FirstTouch, LastTouch, Linear, TimeDecay, PositionBased };

inline constexpr std::array<HeuristicModel, 5> kHeuristicModels = {
    HeuristicModel::FirstTouch, HeuristicModel::LastTouch, HeuristicModel::Linear,
    HeuristicModel::TimeDecay, HeuristicModel::PositionBased};

/// "first_touch", "last_touch", "linear", "time_decay", "position_based": the
/// names of --models and of the JSON keys.
const char* heuristic_name(HeuristicModel model);

struct HeuristicParameters {
  /// Time decay on paths without timestamps decays by position from the
  /// conversion: the touch d steps before the last one weighs 2^(-d / half_life).
  double half_life_steps = 1.0;
  /// Position based: shares of the first touch, of all middle touches
  /// together, and of the last touch (they sum to 1).
  double first = 0.4, middle = 0.2, last = 0.4;
};

/// "time decay (half-life 1 step)", "position based (40/20/40)": how the
/// report heads a model's numbers.
std::string heuristic_title(HeuristicModel model, const HeuristicParameters& parameters);

/// The share of a path's conversion that each of its `length` touches gets,
/// in path order; the shares sum to 1.
std::vector<double> touch_shares(HeuristicModel model, size_t length,
                                 const HeuristicParameters& parameters);

/// Conversions and value credited to a channel by one model.
struct Credit {
  double conversions = 0.0;
  double value = 0.0;
};

/// The credit of every channel of `paths` (indexed as paths.channels).
std::vector<Credit> attribute_heuristic(const PathSet& paths, HeuristicModel model,
                                        const HeuristicParameters& parameters);

}  // namespace journeysim
