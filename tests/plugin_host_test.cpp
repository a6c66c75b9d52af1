// The plugin host refuses every deliberately broken plugin with a message
// that names it, and keeps good ones loaded as long as they are used.
#include <gtest/gtest.h>

#include "journeysim/plugin_host.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

std::filesystem::path broken(const std::string& name) {
  return std::filesystem::path(journeysim::testing::broken_plugin_dir()) / name /
         ("libjourneysim_" + name + ".so");
}

std::string load_error(const std::string& name) {
  try {
    load_channel_library(broken(name));
  } catch (const PluginError& e) {
    EXPECT_EQ(e.diagnostics().front().where.file, broken(name).string());
    return e.what();
  }
  return "loaded without error";
}

// API 3 only appended js_batch::queue_wait_hours: a channel built for API 2
// has the same descriptor and still loads, its events intact.
TEST(PluginHost, AVersionTwoDescriptorStillLoads) {
  const PluginCatalog catalog = PluginCatalog::discover({journeysim::testing::plugin_dir()});
  js_channel_descriptor v2 = catalog.find("email")->descriptor();
  v2.api_version = JS_CHANNEL_API_VERSION_2;
  const js_channel_descriptor read = read_descriptor(&v2, "email_v2.so");
  EXPECT_EQ(read.api_version, JS_CHANNEL_API_VERSION_2);
  EXPECT_EQ(read.event_count, catalog.find("email")->descriptor().event_count);
}

TEST(PluginHost, LoadsEveryShippedChannelFromTheBuildDirectory) {
  const PluginCatalog catalog = PluginCatalog::discover({journeysim::testing::plugin_dir()});
  for (const char* name : {"ad", "checkout", "email", "fixed", "push", "search", "sms", "social",
                           "store", "support", "web"}) {
    EXPECT_NE(catalog.find(name), nullptr) << name;
  }
}

TEST(PluginHost, RefusesAWrongApiVersionNamingBothVersions) {
  const std::string message = load_error("bad_api_version");
  EXPECT_NE(message.find("wrong API version: plugin has 42, this journeysim supports 1 to 3"),
            std::string::npos)
      << message;
}

TEST(PluginHost, RefusesADescriptorOfTheWrongSize) {
  EXPECT_NE(load_error("bad_struct_size").find("descriptor size is"), std::string::npos);
}

TEST(PluginHost, RefusesAnEventsDescriptorWithVersionOnesSize) {
  const std::string message = load_error("v2_with_v1_size");
  EXPECT_NE(message.find("descriptor size is " + std::to_string(JS_CHANNEL_DESCRIPTOR_V1_SIZE) +
                         " bytes, expected " + std::to_string(sizeof(js_channel_descriptor)) +
                         " for API version " + std::to_string(JS_CHANNEL_API_VERSION)),
            std::string::npos)
      << message;
}

TEST(PluginHost, RefusesAnEventDeclaredTwice) {
  const std::string message = load_error("duplicate_event");
  EXPECT_NE(message.find("channel 'duplicate_event': event 'continued' declared twice"),
            std::string::npos)
      << message;
}

TEST(PluginHost, RefusesAnEventNameThatIsNotALowercaseIdentifier) {
  const std::string message = load_error("bad_event_name");
  EXPECT_NE(message.find("event 'Clicked': names are lowercase identifiers"), std::string::npos)
      << message;
}

TEST(PluginHost, RefusesAnEventTableWithoutASuccessEvent) {
  EXPECT_NE(load_error("no_success_event").find("no success event"), std::string::npos);
}

TEST(PluginHost, RefusesADropReasonBelongingToAnUndeclaredEvent) {
  const std::string message = load_error("reason_to_missing_event");
  EXPECT_NE(message.find("drop reason 'lost_reason' belongs to event #7, but only 2 events "
                         "are declared"),
            std::string::npos)
      << message;
}

TEST(PluginHost, RefusesADropReasonBelongingToASuccessEvent) {
  const std::string message = load_error("reason_to_success_event");
  EXPECT_NE(message.find("drop reason 'happy_reason' belongs to 'continued', a success event"),
            std::string::npos)
      << message;
}

TEST(PluginHost, LoadsAVersionOnePluginBuiltWithItsSmallerDescriptor) {
  const ChannelPtr channel = load_channel_library(broken("legacy_v1"));
  EXPECT_EQ(channel->api_version(), JS_CHANNEL_API_VERSION_1);
  EXPECT_EQ(channel->descriptor().events, nullptr);
  EXPECT_EQ(channel->descriptor().reason_events, nullptr);
}

TEST(PluginHost, RefusesALibraryWithoutTheEntryPoint) {
  EXPECT_NE(load_error("no_entry").find("exports no journeysim_channel_v1 entry point"),
            std::string::npos);
}

TEST(PluginHost, RefusesANullDescriptor) {
  EXPECT_NE(load_error("null_descriptor").find("returned no descriptor"), std::string::npos);
}

TEST(PluginHost, RefusesAFileThatIsNotASharedLibraryBeforeDlopen) {
  EXPECT_NE(load_error("not_a_library")
                .find("refusing to load this plugin: it is not a shared library (it does not "
                      "start with the ELF magic number)"),
            std::string::npos)
      << load_error("not_a_library");
}

TEST(PluginHost, RefusesMissingCallbacks) {
  EXPECT_NE(load_error("missing_callbacks").find("missing callback"), std::string::npos);
}

TEST(PluginHost, RefusesAskingForMoreUniformsThanSupplied) {
  EXPECT_NE(load_error("too_many_uniforms").find("asks for 99 uniforms"), std::string::npos);
}

TEST(PluginHost, RefusesAParameterWhoseDefaultIsOutsideItsRange) {
  EXPECT_NE(load_error("bad_param_spec").find("outside its declared range"), std::string::npos);
}

TEST(PluginHost, RefusesTwoChannelsWithTheSameName) {
  try {
    PluginCatalog::discover({journeysim::testing::plugin_dir(), broken("duplicate_email").parent_path()});
    FAIL() << "duplicate accepted";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("channel 'email' is already provided by"),
              std::string::npos)
        << e.what();
  }
}

TEST(PluginHost, RefusesAMissingPluginDirectory) {
  EXPECT_THROW(PluginCatalog::discover({"/nonexistent/plugins"}), PluginError);
}

TEST(PluginHost, RefusesAPluginDirectoryWritableByOthers) {
  const auto dir = std::filesystem::temp_directory_path() / "journeysim-world-writable";
  std::filesystem::create_directories(dir);
  std::filesystem::permissions(dir, std::filesystem::perms::all);
  try {
    PluginCatalog::discover({dir});
    FAIL() << "world-writable directory accepted";
  } catch (const PluginError& e) {
    EXPECT_NE(std::string(e.what()).find("writable by other users"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

// A one-touchpoint journey served by the broken channel `name`.
std::string journey_on(const std::string& name) {
  return "[journey]\nname = \"t\"\nstages = [\"s\"]\n[personas.p]\nshare = 1.0\n"
         "[touchpoints.step]\nstage = \"s\"\nchannel = \"" +
         name +
         "\"\nentry = 1.0\nnext = [\"done\"]\n"
         "[touchpoints.done]\nstage = \"s\"\nchannel = \"fixed\"\nexit = true\n"
         "milestone = \"done\"\n";
}

std::string run_error(const std::string& name) {
  PluginCatalog catalog;
  catalog.add(load_channel_library(broken(name)));
  try {
    const SimulationModel model(load_scenario_text(journey_on(name), "t.toml", "."), catalog);
    RunOptions options;
    options.agents = 100;
    run_agents(model, options);
  } catch (const InputError& e) {
    return e.what();
  }
  return "ran without error";
}

TEST(PluginHost, AnExceptionEscapingConfigureBecomesAnErrorNamingTouchpoint) {
  const std::string message = run_error("throws_at_configure");
  EXPECT_NE(message.find("plugin 'throws_at_configure'"), std::string::npos) << message;
  EXPECT_NE(message.find("at touchpoint 'step'"), std::string::npos) << message;
  EXPECT_NE(message.find("boom at configure"), std::string::npos) << message;
}

TEST(PluginHost, AnExceptionEscapingInteractBecomesAnErrorNamingTouchpoint) {
  const std::string message = run_error("throws_at_interact");
  EXPECT_NE(message.find("plugin 'throws_at_interact'"), std::string::npos) << message;
  EXPECT_NE(message.find("at touchpoint 'step' threw"), std::string::npos) << message;
}

TEST(PluginHost, AnErrorStatusCarriesThePluginsMessage) {
  EXPECT_NE(run_error("error_status").find("reported an error: database unreachable"),
            std::string::npos);
}

TEST(PluginHost, ANanEmotionIsRefused) {
  EXPECT_NE(run_error("returns_nan").find("returned emotion = nan"), std::string::npos);
}

TEST(PluginHost, AProbabilityAboveOneIsRefused) {
  EXPECT_NE(run_error("probability_above_one").find("returned p_continue = 1.5"),
            std::string::npos);
}

TEST(PluginHost, NegativeTimeIsRefused) {
  EXPECT_NE(run_error("negative_time").find("returned hours = -1"), std::string::npos);
}

TEST(PluginHost, AnEdgeIndexOutOfRangeIsRefused) {
  EXPECT_NE(run_error("bad_edge").find("returned next = 7"), std::string::npos);
}

TEST(PluginHost, AnUndeclaredDropReasonIsRefused) {
  EXPECT_NE(run_error("bad_reason").find("returned reason ="), std::string::npos);
}

TEST(PluginHost, AContinuingAgentMustEndInADeclaredSuccessEvent) {
  const std::string message = run_error("success_ordinal");
  EXPECT_NE(message.find("returned reason = 1 (a continuing agent's reason must index one of "
                         "the channel's success events"),
            std::string::npos)
      << message;
}

TEST(PluginHost, AVersionOnePluginsContinuingReasonIsIgnored) {
  // legacy_v1 leaves reason = 9 on every continuing agent, as API 1 allowed.
  EXPECT_EQ(run_error("legacy_v1"), "ran without error");
}

TEST(PluginHost, ALibraryStaysLoadedWhileAnInstanceMadeFromItLives) {
  std::unique_ptr<SimulationModel> model;
  {
    // The catalog (and every handle it held) goes away here...
    const PluginCatalog catalog = PluginCatalog::discover({journeysim::testing::plugin_dir()});
    model = std::make_unique<SimulationModel>(
        load_scenario(journeysim::testing::source_dir() + "/scenarios/store-launch.toml"), catalog);
  }
  // ...yet the model's channel instances still run code from the libraries.
  RunOptions options;
  options.agents = 1000;
  EXPECT_EQ(run_agents(*model, options).journey.agents, 1000u);
}

TEST(PluginHost, UnknownChannelIsAnErrorAtItsLocationWithASuggestion) {
  try {
    testing::model_from_text(journey_on("emial"), true, "journey.toml");
    FAIL();
  } catch (const InputError& e) {
    const Diagnostic& d = e.diagnostics().front();
    EXPECT_EQ(d.where.file, "journey.toml");
    EXPECT_EQ(d.where.line, 8u);
    EXPECT_NE(d.message.find("unknown channel 'emial' (did you mean 'email'?)"),
              std::string::npos)
        << d.message;
  }
}

TEST(PluginHost, ParameterOutsideItsDeclaredRangeNamesRangeAndPlugin) {
  std::string text = journey_on("fixed");
  text.insert(text.find("next = [\"done\"]"), "params = { drop = 1.5 }\n");
  try {
    testing::model_from_text(text);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "parameter 'drop' = 1.5 is outside [0, 1] declared by channel 'fixed'"),
              std::string::npos)
        << e.what();
  }
}

TEST(PluginHost, UnknownParameterSuggestsTheNearestDeclaredOne) {
  std::string text = journey_on("fixed");
  text.insert(text.find("next = [\"done\"]"), "params = { dorp = 0.5 }\n");
  try {
    testing::model_from_text(text);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown parameter 'dorp' for channel 'fixed' 1.1.0 "
                                         "(did you mean 'drop'?)"),
              std::string::npos)
        << e.what();
  }
}

TEST(PluginHost, ParameterOfTheWrongTypeIsRefused) {
  std::string text = journey_on("fixed");
  text.insert(text.find("next = [\"done\"]"), "params = { drop = \"high\" }\n");
  EXPECT_THROW(testing::model_from_text(text), InputError);
}

}  // namespace
}  // namespace journeysim
