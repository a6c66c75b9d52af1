// Marks the calling thread as inside plugin code, for the plugin guard
// (journeysim/plugin_guard.h): its signal handlers, exit hook and watchdog
// name the call in flight when plugin code takes the process down.
//
// The mark costs two stores and a counter increment per call (no clock, no
// lock, no system call): the watchdog measures time itself, by seeing the same
// call still in flight at its next look.
#pragma once

namespace journeysim {

class PluginCall {
 public:
  /// `who` says which plugin and where, as the start of an error line
  /// ("<library>: error: plugin 'email' 1.0.0 at touchpoint 'welcome'");
  /// `callback` names what was called ("interact"). Both must outlive the
  /// call (the guard reads them from a signal handler).
  PluginCall(const char* who, const char* callback) noexcept;
  ~PluginCall();
  PluginCall(const PluginCall&) = delete;
  PluginCall& operator=(const PluginCall&) = delete;

 private:
  struct PluginCallSlot* slot_;
  const char* outer_who_ = nullptr;  // restored when calls nest
  const char* outer_callback_ = nullptr;
};

}  // namespace journeysim
