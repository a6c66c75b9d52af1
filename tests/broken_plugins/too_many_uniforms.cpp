// Breaks the randomness budget: asks for 99 uniforms per interaction, more
// than JS_MAX_UNIFORMS. A host must refuse it at load, naming both numbers.
#include "well_behaved.h"

namespace {

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("too_many_uniforms");
  d.uniforms_per_interaction = 99;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
