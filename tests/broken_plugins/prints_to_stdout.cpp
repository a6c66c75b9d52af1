// Prints to stdout at every batch, through stdio, iostream and write(2)
// alike. In a run, stdout must still carry only journeysim's results (the
// plugin's lines go to stderr); plugin-test must fail it.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "well_behaved.h"

namespace {

js_status interact(void* instance, const js_batch* batch, js_outcome* out, char* error) {
  std::printf("prints_to_stdout: printf\n");
  std::cout << "prints_to_stdout: cout" << std::endl;
  static const char kLine[] = "prints_to_stdout: write\n";
  if (::write(STDOUT_FILENO, kLine, sizeof kLine - 1) < 0) {
    return JS_ERROR;
  }
  return broken::interact_ok(instance, batch, out, error);
}

constexpr js_channel_descriptor kDescriptor = [] {
  js_channel_descriptor d = broken::make_descriptor("prints_to_stdout");
  d.interact = interact;
  return d;
}();

}  // namespace

JOURNEYSIM_DECLARE_CHANNEL(kDescriptor)
