/// @file channel_params.h
/// Checking a touchpoint's resolved parameters against the channel's own
/// declarations, for channels written in C++.
///
/// The host checks declared ranges before it calls `configure`; a channel
/// checks again because it is cheap and keeps the plugin honest when a test
/// or another host drives it. The messages name the channel, the touchpoint
/// and the parameter, so a user can act on them.
#pragma once

#include <cmath>
#include <cstdint>

#include "journeysim/channel_sdk.h"

namespace journeysim::sdk {

/// The touchpoint's id for messages; "?" when the host gave none.
inline const char* touchpoint_name(const js_config_view& config) noexcept {
  return config.touchpoint_id != nullptr ? config.touchpoint_id : "?";
}

/// Checks that `config` carries exactly `count` parameters, which the
/// channel's model reads by index. On failure writes a message naming
/// `channel` and the touchpoint into `error` and returns false.
inline bool check_param_count(const char* channel, uint32_t count,
                              const js_config_view& config,
                              char* error) noexcept {
  if (config.params == nullptr || config.param_count != count) {
    write_errorf(error, "%s touchpoint '%s': expected %u parameters, got %u",
                 channel, touchpoint_name(config),
                 static_cast<unsigned>(count),
                 static_cast<unsigned>(config.param_count));
    return false;
  }
  return true;
}

/// Checks the count (check_param_count), then that each parameter lies in
/// the domain `specs` declares: a boolean is 0 or 1; a number is finite and
/// within [min, max]; an integer is, besides, whole. On the first failure
/// writes a message naming `channel`, the touchpoint and the parameter into
/// `error` and returns false.
inline bool check_params(const char* channel, const js_param_spec* specs,
                         uint32_t count, const js_config_view& config,
                         char* error) noexcept {
  if (!check_param_count(channel, count, config, error)) {
    return false;
  }
  for (uint32_t i = 0; i < count; ++i) {
    const js_param_spec& spec = specs[i];
    const double v = config.params[i];
    if (spec.type == JS_PARAM_BOOLEAN) {
      if (v != 0.0 && v != 1.0) {
        write_errorf(error,
                     "%s touchpoint '%s': parameter '%s' = %g must be a "
                     "boolean (0 or 1)",
                     channel, touchpoint_name(config), spec.name, v);
        return false;
      }
      continue;
    }
    const bool whole = std::isfinite(v) && v == std::floor(v);
    if (!std::isfinite(v) || v < spec.min_value || v > spec.max_value ||
        (spec.type == JS_PARAM_INTEGER && !whole)) {
      write_errorf(
          error,
          "%s touchpoint '%s': parameter '%s' = %g must be %s in "
          "[%g, %g]",
          channel, touchpoint_name(config), spec.name, v,
          spec.type == JS_PARAM_INTEGER ? "a whole number" : "a number",
          spec.min_value, spec.max_value);
      return false;
    }
  }
  return true;
}

}  // namespace journeysim::sdk
