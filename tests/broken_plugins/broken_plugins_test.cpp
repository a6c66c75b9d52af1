// Keeps the broken test plugins honest: each must be broken in exactly the one
// way README.md says, and valid in every other respect, or a host test that
// expects "bad api version" could pass or fail for an unrelated reason.
//
// This loads them with plain dlopen and checks them with a small reference
// validator written here from channel_sdk.h; it does not test the host.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <journeysim/channel_sdk.h>

#include <cmath>
#include <cstring>
#include <exception>
#include <set>
#include <string>
#include <vector>
#include "build_paths.h"

namespace {

using Problems = std::set<std::string>;

std::string plugin_path(const std::string& name) {
  return std::string(journeysim::testing::broken_plugin_dir()) + "/" + name +
         "/libjourneysim_" + name + ".so";
}

// A dlopen'ed library, closed on scope exit.
class Library {
 public:
  explicit Library(const std::string& name)
      : handle_(dlopen(plugin_path(name).c_str(), RTLD_NOW | RTLD_LOCAL)) {}
  ~Library() {
    if (handle_ != nullptr) {
      dlclose(handle_);
    }
  }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  bool loaded() const { return handle_ != nullptr; }
  void* symbol(const char* name) const { return dlsym(handle_, name); }
  const js_channel_descriptor* descriptor() const {
    void* entry = symbol(JS_CHANNEL_ENTRY_NAME);
    return entry == nullptr ? nullptr
                            : reinterpret_cast<js_channel_entry_fn>(entry)();
  }

 private:
  void* handle_;
};

bool is_event_name(const char* name) {
  if (name == nullptr || !(*name >= 'a' && *name <= 'z')) {
    return false;
  }
  for (const char* c = name; *c != '\0'; ++c) {
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_')) {
      return false;
    }
  }
  return true;
}

// What a host must check of an API version 2 event table.
Problems event_problems(const js_channel_descriptor& d) {
  Problems p;
  if (d.events == nullptr || d.event_count == 0 || d.event_count > JS_MAX_EVENTS) {
    return {"events"};
  }
  std::set<std::string> names;
  bool success = false;
  for (uint32_t e = 0; e < d.event_count; ++e) {
    if (!is_event_name(d.events[e].name) || !names.insert(d.events[e].name).second) {
      p.insert("event_names");
    }
    success = success || (d.events[e].flags & JS_EVENT_SUCCESS) != 0;
  }
  if (!success) {
    p.insert("success_event");
  }
  std::set<uint32_t> reached;
  for (uint32_t r = 0; r < d.reason_count; ++r) {
    const uint32_t e = d.reason_events[r];
    if (e >= d.event_count || (d.events[e].flags & JS_EVENT_SUCCESS) != 0) {
      p.insert("reason_events");
    } else {
      reached.insert(e);
    }
  }
  for (uint32_t e = 0; e < d.event_count; ++e) {
    if ((d.events[e].flags & JS_EVENT_SUCCESS) == 0 && reached.count(e) == 0) {
      p.insert("unreachable_event");
    }
  }
  return p;
}

// The number of success events (API 2), or 0 for an API 1 plugin.
uint32_t success_count(const js_channel_descriptor& d) {
  uint32_t n = 0;
  for (uint32_t e = 0; d.api_version == JS_CHANNEL_API_VERSION && e < d.event_count; ++e) {
    n += (d.events[e].flags & JS_EVENT_SUCCESS) != 0 ? 1 : 0;
  }
  return n;
}

// What a host must check before trusting a descriptor. Only the two leading
// fields are read before the version and size are known.
Problems descriptor_problems(const js_channel_descriptor& d) {
  Problems p;
  const bool v1 = d.api_version == JS_CHANNEL_API_VERSION_1;
  if (!v1 && d.api_version != JS_CHANNEL_API_VERSION) {
    return {"api_version"};
  }
  if (d.struct_size != (v1 ? JS_CHANNEL_DESCRIPTOR_V1_SIZE : sizeof(js_channel_descriptor))) {
    return {"struct_size"};
  }
  if (d.name == nullptr || std::strlen(d.name) == 0) {
    p.insert("name");
  }
  for (uint32_t k = 0; k < d.param_count; ++k) {
    const js_param_spec& s = d.params[k];
    if (s.type != JS_PARAM_BOOLEAN &&
        (s.default_value < s.min_value || s.default_value > s.max_value)) {
      p.insert("param_spec");
    }
  }
  if (d.reason_count == 0 || d.reasons == nullptr) {
    p.insert("reasons");
  }
  if (d.uniforms_per_interaction > JS_MAX_UNIFORMS) {
    p.insert("uniforms");
  }
  if (d.configure == nullptr || d.destroy == nullptr || d.interact == nullptr) {
    p.insert("callbacks");
  }
  if (!v1) {
    p.merge(event_problems(d));
  }
  return p;
}

// What a host must check of a run: configure, then one batch of 4 agents at a
// touchpoint with 2 edges.
Problems run_problems(const js_channel_descriptor& d) {
  Problems p;
  std::vector<double> params;
  for (uint32_t k = 0; k < d.param_count; ++k) {
    params.push_back(d.params[k].default_value);
  }
  const double weights[2] = {0.5, 0.5};
  js_config_view config{"tp",          "stage", params.data(),
                        d.param_count, 2,       weights};
  char error[JS_ERROR_CAPACITY] = {};
  void* instance = nullptr;
  try {
    if (d.configure(&config, &instance, error) != JS_OK) {
      p.insert("configure_error");
      return p;
    }
  } catch (const std::exception& e) {
    p.insert(std::string("configure_throws: ") + e.what());
    return p;
  }
  const js_persona_view persona{"p", 0.5, 0.5, 0.5, 0.5, 0.5};
  std::vector<double> uniforms(4 * JS_MAX_UNIFORMS, 0.25);
  std::vector<js_agent_view> agents;
  for (uint32_t i = 0; i < 4; ++i) {
    agents.push_back(
        {0, 0, 0, 0, 0.0, 0.0, 0.5, 0.0, &uniforms[i * JS_MAX_UNIFORMS]});
  }
  js_batch batch{&persona, 1, agents.data(), 4, nullptr};
  std::vector<js_outcome> out(4);
  try {
    if (d.interact(instance, &batch, out.data(), error) != JS_OK) {
      p.insert(std::string("interact_error: ") + error);
    }
  } catch (const std::exception& e) {
    p.insert(std::string("interact_throws: ") + e.what());
  }
  d.destroy(instance);
  if (!p.empty()) {
    return p;
  }
  for (const js_outcome& o : out) {
    if (o.next != JS_NEXT_BY_WEIGHT && o.next != JS_NEXT_DROP &&
        (o.next < 0 || static_cast<uint32_t>(o.next) >= config.edge_count)) {
      p.insert("next");
    }
    if (o.next == JS_NEXT_DROP && o.reason >= d.reason_count) {
      p.insert("reason");
    }
    if (o.next != JS_NEXT_DROP && d.api_version == JS_CHANNEL_API_VERSION &&
        o.reason >= success_count(d)) {
      p.insert("success_reason");
    }
    if (!(o.p_continue >= 0.0 && o.p_continue <= 1.0)) {
      p.insert("p_continue");
    }
    if (!(std::isfinite(o.hours) && o.hours >= 0.0)) {
      p.insert("hours");
    }
    if (!(std::isfinite(o.effort) && o.effort >= 0.0)) {
      p.insert("effort");
    }
    if (!(std::isfinite(o.emotion) && o.emotion >= -1.0 && o.emotion <= 1.0)) {
      p.insert("emotion");
    }
    if (!(std::isfinite(o.money) && o.money >= 0.0)) {
      p.insert("money");
    }
  }
  return p;
}

// Every problem of a loadable plugin with an entry point.
Problems problems_of(const std::string& name) {
  Library lib(name);
  if (!lib.loaded()) {
    return {"not_loadable"};
  }
  if (lib.symbol(JS_CHANNEL_ENTRY_NAME) == nullptr) {
    return {"no_entry"};
  }
  const js_channel_descriptor* d = lib.descriptor();
  if (d == nullptr) {
    return {"null_descriptor"};
  }
  Problems p = descriptor_problems(*d);
  if (p.empty()) {
    p = run_problems(*d);
  }
  return p;
}

struct Case {
  const char* plugin;
  Problems expected;
};

class BrokenPlugin : public testing::TestWithParam<Case> {};

TEST_P(BrokenPlugin, IsBrokenInExactlyTheDocumentedWay) {
  EXPECT_EQ(problems_of(GetParam().plugin), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    All, BrokenPlugin,
    testing::Values(
        Case{"bad_api_version", {"api_version"}},
        Case{"bad_struct_size", {"struct_size"}},
        Case{"no_entry", {"no_entry"}},
        Case{"null_descriptor", {"null_descriptor"}},
        Case{"throws_at_configure", {"configure_throws: boom at configure"}},
        Case{"throws_at_interact", {"interact_throws: boom at interact"}},
        Case{"error_status", {"interact_error: database unreachable"}},
        Case{"returns_nan", {"emotion"}},
        Case{"probability_above_one", {"p_continue"}},
        Case{"negative_time", {"hours"}}, Case{"bad_edge", {"next"}},
        Case{"bad_reason", {"reason"}}, Case{"too_many_uniforms", {"uniforms"}},
        Case{"missing_callbacks", {"callbacks"}}, Case{"duplicate_email", {}},
        Case{"bad_param_spec", {"param_spec"}},
        Case{"not_a_library", {"not_loadable"}},
        Case{"duplicate_event", {"event_names"}},
        Case{"bad_event_name", {"event_names"}},
        Case{"no_success_event", {"success_event"}},
        Case{"reason_to_missing_event", {"reason_events"}},
        Case{"reason_to_success_event", {"reason_events"}},
        Case{"v2_with_v1_size", {"struct_size"}},
        Case{"success_ordinal", {"success_reason"}},
        Case{"legacy_v1", {}}),
    [](const testing::TestParamInfo<Case>& param) {
      return std::string(param.param.plugin);
    });

// The ones that take the process down when called (a crash, abort, exit, a
// loop without end, printing to stdout) are never called here: their
// descriptors must be valid, so a host test fails on the call alone.
TEST(BrokenPlugins, FatalPluginsAreValidUntilTheirInteractIsCalled) {
  for (const char* name : {"segfaults", "aborts", "exits_zero", "exits_three", "loops_forever",
                           "recurses_forever", "prints_to_stdout"}) {
    Library lib(name);
    ASSERT_NE(lib.descriptor(), nullptr) << name;
    EXPECT_EQ(descriptor_problems(*lib.descriptor()), Problems{}) << name;
    EXPECT_STREQ(lib.descriptor()->name, name);
  }
}

TEST(BrokenPlugins, NoEntryExportsAMisspeltEntryPoint) {
  Library lib("no_entry");
  ASSERT_TRUE(lib.loaded());
  EXPECT_NE(lib.symbol("journeysim_chanel_v1"), nullptr);
}

TEST(BrokenPlugins, DuplicateEmailIsCalledEmail) {
  Library lib("duplicate_email");
  ASSERT_NE(lib.descriptor(), nullptr);
  EXPECT_STREQ(lib.descriptor()->name, "email");
}

TEST(BrokenPlugins, ChannelNamesAreThePluginNames) {
  for (const char* name :
       {"bad_api_version", "bad_struct_size", "throws_at_configure",
        "throws_at_interact", "error_status", "returns_nan",
        "probability_above_one", "negative_time", "bad_edge", "bad_reason",
        "too_many_uniforms", "missing_callbacks", "bad_param_spec",
        "duplicate_event", "bad_event_name", "no_success_event",
        "reason_to_missing_event", "reason_to_success_event", "v2_with_v1_size",
        "success_ordinal", "legacy_v1"}) {
    Library lib(name);
    ASSERT_NE(lib.descriptor(), nullptr) << name;
    EXPECT_STREQ(lib.descriptor()->name, name);
  }
}

TEST(BrokenPlugins, LegacyV1IsBuiltWithApiVersionOnesLayout) {
  Library lib("legacy_v1");
  ASSERT_NE(lib.descriptor(), nullptr);
  EXPECT_EQ(lib.descriptor()->api_version, JS_CHANNEL_API_VERSION_1);
  EXPECT_EQ(lib.descriptor()->struct_size, JS_CHANNEL_DESCRIPTOR_V1_SIZE);
}

TEST(BrokenPlugins, NotALibraryFailsToLoadWithAReason) {
  ASSERT_EQ(dlopen(plugin_path("not_a_library").c_str(), RTLD_NOW), nullptr);
  const char* reason = dlerror();
  ASSERT_NE(reason, nullptr);
  EXPECT_NE(std::string(reason).find("libjourneysim_not_a_library.so"),
            std::string::npos)
      << reason;
}

}  // namespace
