// Diagnostics: how problems are printed, and which typo suggestions are made.
#include "journeysim/diagnostics.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace journeysim {
namespace {

TEST(SourceLocation, PrintsWhatIsKnown) {
  EXPECT_EQ((SourceLocation{"shop.toml", 12, 7}).to_string(), "shop.toml:12:7");
  EXPECT_EQ((SourceLocation{"shop.toml", 12, 0}).to_string(), "shop.toml:12");
  EXPECT_EQ((SourceLocation{"--set journey.agents", 0, 0}).to_string(), "--set journey.agents");
}

TEST(Diagnostic, PrintsInTheFormEditorsJumpTo) {
  const Diagnostic d{{"shop.toml", 3, 9}, "touchpoints.ad.entry: expected number, got string"};
  EXPECT_EQ(d.to_string(),
            "shop.toml:3:9: error: touchpoints.ad.entry: expected number, got string");
}

TEST(Diagnostic, WithoutLocationPrintsMessageOnly) {
  EXPECT_EQ((Diagnostic{{}, "no scenario given"}).to_string(), "error: no scenario given");
}

TEST(InputError, WhatJoinsAllDiagnosticsByNewline) {
  const InputError error({Diagnostic{{"a.toml", 1, 2}, "first"},
                          Diagnostic{{"b.toml", 3, 4}, "second"}});
  EXPECT_STREQ(error.what(), "a.toml:1:2: error: first\nb.toml:3:4: error: second");
  ASSERT_EQ(error.diagnostics().size(), 2u);
  EXPECT_EQ(error.diagnostics()[1].message, "second");
}

TEST(InputError, SingleProblemConstructor) {
  const InputError error(SourceLocation{"a.toml", 5, 1}, "bad");
  EXPECT_STREQ(error.what(), "a.toml:5:1: error: bad");
  EXPECT_EQ(error.diagnostics().size(), 1u);
}

TEST(NearestName, FindsTransposedLetters) {
  EXPECT_EQ(nearest_name("stpes", {"stage", "steps", "exit"}), "steps");
}

TEST(NearestName, FindsMissingLetter) {
  EXPECT_EQ(nearest_name("chanel", {"channel", "name", "stage"}), "channel");
  EXPECT_EQ(nearest_name("persona", {"journey", "personas", "touchpoints"}), "personas");
}

TEST(NearestName, ReturnsEmptyWhenNothingIsClose) {
  EXPECT_EQ(nearest_name("colour", {"name", "purpose", "stages"}), "");
  EXPECT_EQ(nearest_name("anything", {}), "");
}

TEST(NearestName, AllowsAThirdOfTheLengthForLongNames) {
  // 15 letters: up to 5 edits.
  EXPECT_EQ(nearest_name("pricesensitivty", {"price_sensitivity"}), "price_sensitivity");
  // 6 letters: up to 2 edits, not 3.
  EXPECT_EQ(nearest_name("chekot", {"checkout"}), "checkout");
  EXPECT_EQ(nearest_name("chkot", {"checkout"}), "");
}

TEST(NearestName, NeverSuggestsACompleteRewrite) {
  // Two edits are within max(2, len/3), but replace the whole name.
  EXPECT_EQ(nearest_name("ab", {"xy"}), "");
  EXPECT_EQ(nearest_name("x", {"id"}), "");
}

TEST(NearestName, PrefersTheClosestThenTheAlphabeticallyFirst) {
  EXPECT_EQ(nearest_name("emial", {"email", "emails"}), "email");
  EXPECT_EQ(nearest_name("cat", {"cot", "bat"}), "bat");
}

TEST(DidYouMean, FormatsTheSuggestion) {
  EXPECT_EQ(did_you_mean("chekout", {"checkout", "landing"}), " (did you mean 'checkout'?)");
  EXPECT_EQ(did_you_mean("zzz", {"checkout", "landing"}), "");
}

}  // namespace
}  // namespace journeysim
