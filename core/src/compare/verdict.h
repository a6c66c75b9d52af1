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

/// Whether summaries list a metric's change: not counts (they move with
/// everything upstream; rates tell the story) and not the plugins' own
/// continue probability (a diagnostic). JSON and CSV carry every metric.
bool listed_in_summaries(const MetricChange& change);

/// The changes a summary shows for one variant: those it lists whose
/// interval excludes zero, at most `limit`, in the variant's order
/// (largest first).
struct SelectedChanges {
  std::vector<const MetricChange*> shown;
  size_t more = 0;   // significant, beyond the limit
  size_t quiet = 0;  // listed, not significant
};
SelectedChanges select_changes(const VariantComparison& variant, size_t limit);

}  // namespace journeysim
