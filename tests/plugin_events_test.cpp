// Outcomes are named events (issue 17, part 1): each channel declares the
// events its interactions end in; the host reads them for both plugin API
// versions and tells the engine which event an outcome ended in.
#include <gtest/gtest.h>

#include <map>

#include "journeysim/plugin_host.h"
#include "support/scenario_builder.h"
#include "build_paths.h"

namespace journeysim {
namespace {

using Names = std::vector<std::string>;

ChannelPtr shipped(const std::string& name) {
  static const PluginCatalog catalog = PluginCatalog::discover({testing::plugin_dir()});
  return catalog.find(name);
}

Names success_names(const ChannelEvents& events) {
  Names names;
  for (uint32_t e : events.success_events()) {
    names.push_back(events.names()[e]);
  }
  return names;
}

// Reason code -> event name, as the channel declares it.
std::map<std::string, std::string> reason_events(const Channel& channel) {
  std::map<std::string, std::string> map;
  for (uint32_t r = 0; r < channel.descriptor().reason_count; ++r) {
    map[channel.descriptor().reasons[r].code] =
        channel.events().names()[channel.events().reason_event(r)];
  }
  return map;
}

js_outcome dropped(uint32_t reason) {
  js_outcome o{};
  o.next = JS_NEXT_DROP;
  o.reason = reason;
  return o;
}

js_outcome continued() {
  js_outcome o{};
  o.next = JS_NEXT_BY_WEIGHT;
  return o;
}

TEST(PluginHostEvents, EmailEndsInClickedOpenedNotOpenedBouncedOrUnsubscribed) {
  const ChannelPtr email = shipped("email");
  EXPECT_EQ(email->api_version(), JS_CHANNEL_API_VERSION);
  EXPECT_EQ(email->events().names(),
            (Names{"clicked", "opened", "not_opened", "bounced", "unsubscribed"}));
  EXPECT_EQ(success_names(email->events()), (Names{"clicked"}));
  EXPECT_EQ(reason_events(*email), (std::map<std::string, std::string>{
                                       {"not_delivered", "bounced"},
                                       {"not_opened", "not_opened"},
                                       {"no_click", "opened"},
                                       {"unsubscribed", "unsubscribed"}}));
}

TEST(PluginHostEvents, EveryCheckoutReasonIsAbandoned) {
  const ChannelPtr checkout = shipped("checkout");
  EXPECT_EQ(checkout->events().names(), (Names{"purchased", "abandoned"}));
  EXPECT_EQ(success_names(checkout->events()), (Names{"purchased"}));
  const auto map = reason_events(*checkout);
  EXPECT_EQ(map.size(), 8u);
  for (const auto& [reason, event] : map) {
    EXPECT_EQ(event, "abandoned") << reason;
  }
}

TEST(PluginHostEvents, EveryWebReasonIsLeft) {
  const ChannelPtr web = shipped("web");
  EXPECT_EQ(web->events().names(), (Names{"continued", "left"}));
  EXPECT_EQ(success_names(web->events()), (Names{"continued"}));
  for (const auto& [reason, event] : reason_events(*web)) {
    EXPECT_EQ(event, "left") << reason;
  }
}

TEST(PluginHostEvents, SocialNamesPostAndConversationOutcomesApart) {
  const ChannelPtr social = shipped("social");
  EXPECT_EQ(social->events().names(),
            (Names{"engaged", "not_reached", "not_engaged", "no_reply", "unhelpful_reply"}));
  EXPECT_EQ(success_names(social->events()), (Names{"engaged"}));
  EXPECT_EQ(reason_events(*social), (std::map<std::string, std::string>{
                                        {"not_reached", "not_reached"},
                                        {"not_engaged", "not_engaged"},
                                        {"slow_reply", "no_reply"},
                                        {"unfriendly_reply", "unhelpful_reply"}}));
}

TEST(PluginHostEvents, SupportEndsResolvedUnresolvedGaveUpOrDeclined) {
  const ChannelPtr support = shipped("support");
  EXPECT_EQ(support->events().names(), (Names{"resolved", "unresolved", "gave_up", "declined"}));
  EXPECT_EQ(success_names(support->events()), (Names{"resolved"}));
  EXPECT_EQ(reason_events(*support), (std::map<std::string, std::string>{
                                         {"gave_up_waiting", "gave_up"},
                                         {"not_resolved", "unresolved"},
                                         {"unfriendly", "unresolved"},
                                         {"said_no", "declined"}}));
}

TEST(PluginHostEvents, FixedIsVersionTwoWithContinuedAndDropped) {
  const ChannelPtr fixed = PluginCatalog().find("fixed");
  EXPECT_EQ(fixed->api_version(), JS_CHANNEL_API_VERSION);
  EXPECT_EQ(fixed->events().names(), (Names{"continued", "dropped"}));
  EXPECT_EQ(success_names(fixed->events()), (Names{"continued"}));
  EXPECT_EQ(reason_events(*fixed), (std::map<std::string, std::string>{{"dropped", "dropped"}}));
}

TEST(PluginHostEvents, AVersionOnePluginContinuesOrDropsUnderTheHostsNames) {
  const ChannelPtr legacy = load_channel_library(
      std::filesystem::path(testing::broken_plugin_dir()) / "legacy_v1" /
      "libjourneysim_legacy_v1.so");
  const ChannelEvents& events = legacy->events();
  EXPECT_EQ(events.names(), (Names{"continued", "dropped"}));
  EXPECT_EQ(success_names(events), (Names{"continued"}));
  EXPECT_EQ(events.event_of(dropped(0)), 1u);
  js_outcome with_leftover_reason = continued();
  with_leftover_reason.reason = 9;  // meaningless in API 1
  EXPECT_EQ(events.event_of(with_leftover_reason), 0u);
}

TEST(PluginHostEvents, FindGivesAnEventsIndexOrNothing) {
  const ChannelEvents& events = shipped("email")->events();
  EXPECT_EQ(events.find("not_opened"), 2u);
  EXPECT_EQ(events.find("opend"), std::nullopt);
}

const char* kEmailJourney = R"([journey]
name = "t"
stages = ["s"]
[personas.p]
share = 1.0
[touchpoints.welcome]
stage = "s"
channel = "email"
entry = 1.0
next = ["done"]
[touchpoints.done]
stage = "s"
channel = "fixed"
exit = true
milestone = "done"
)";

TEST(PluginHostEvents, AModelTouchpointNamesItsChannelsEvents) {
  const SimulationModel model = testing::model_from_text(kEmailJourney, true);
  EXPECT_EQ(model.touchpoints()[0].event_names(),
            (Names{"clicked", "opened", "not_opened", "bounced", "unsubscribed"}));
  EXPECT_EQ(model.touchpoints()[1].event_names(), (Names{"continued", "dropped"}));
}

TEST(PluginHostEvents, AModelTouchpointGivesTheEventOfAnOutcome) {
  const SimulationModel model = testing::model_from_text(kEmailJourney, true);
  const ModelTouchpoint& welcome = model.touchpoints()[0];
  const auto name = [&](const js_outcome& o) { return welcome.event_names()[welcome.event_of(o)]; };
  EXPECT_EQ(name(continued()), "clicked");
  EXPECT_EQ(name(dropped(0)), "bounced");       // not_delivered
  EXPECT_EQ(name(dropped(1)), "not_opened");    // not_opened
  EXPECT_EQ(name(dropped(2)), "opened");        // no_click
  EXPECT_EQ(name(dropped(3)), "unsubscribed");  // unsubscribed
}

}  // namespace
}  // namespace journeysim
