// The sentences a product manager reads first: what a variant changed.
#pragma once

#include <string>
#include <vector>

#include "journeysim/comparison.h"

namespace journeysim {

/// True for metrics that are shares (shown in percent, changes in pp).
bool is_share(const std::string& path);

/// "+2.10 pp [+1.80, +2.40]" for shares, "+0.52 [+0.40, +0.64]" otherwise.
std::string format_difference(const std::string& path, const Estimate& difference);
/// "4.51%" for shares, "12.3" otherwise; "n/a" without data.
std::string format_value(const std::string& path, const Estimate& value);

/// One line each: conversion (with per-persona changes), the touchpoint
/// drop rates that moved most, time to convert, revenue, survey scores.
std::vector<std::string> verdict_lines(const std::vector<MetricChange>& changes,
                                       const RunReport& baseline);

/// Touchpoints where significantly more or fewer customers dropped: shows
/// friction that moved from one touchpoint to another.
std::vector<std::string> friction_moves(const std::vector<MetricChange>& changes);

}  // namespace journeysim
