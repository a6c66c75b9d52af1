// A JSON Schema of the scenario file, for editors (Even Better TOML, Taplo):
// completion, hover text and inline errors while a journey is typed.
#pragma once

#include <string>

#include "journeysim/plugin_host.h"

namespace journeysim {

/// The schema (JSON Schema draft-07, pretty-printed) of a scenario file
/// whose channels are those of `catalog`: the keys and descriptions come
/// from the loader's own key tables, each channel's `params` and `on` events
/// from its descriptor. A file with `extends` (a variant) is checked without
/// the required keys, as it changes only a few.
std::string scenario_json_schema(const PluginCatalog& catalog);

}  // namespace journeysim
