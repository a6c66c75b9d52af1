// Breaks a parameter declaration: "level" defaults to 2 but ranges over
// [0, 1]. A host must refuse the plugin at load, naming the parameter, its
// default and its range.
#include "well_behaved.h"

namespace {

constexpr js_param_spec kParams[] = {
    {"level", JS_PARAM_NUMBER, 2.0, 0.0, 1.0, "default outside its range"},
};

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("bad_param_spec");
  d.params = kParams;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
