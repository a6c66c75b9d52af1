// Split conditions (issue 17, part 2): what each form means for an agent,
// how `not`, `and` and `or` bind, and the error a user gets for each mistake,
// at the column of the condition text where it stands.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "steps/condition.h"

namespace journeysim {
namespace {

// Node indices of the context below.
enum Node : uint32_t { kSignup, kWelcome, kWait, kShop };
// Attribute indices.
enum Attribute : uint32_t { kCoupon, kTier, kScore };
// Event indices of the welcome e-mail.
enum EmailEvent : uint32_t { kClicked, kOpened, kNotOpened, kBounced, kUnsubscribed };

ConditionContext journey() {
  ConditionContext context;
  context.personas = {"regular", "vip"};
  context.nodes = {
      {"signup", {"continued", "dropped"}},
      {"welcome", {"clicked", "opened", "not_opened", "bounced", "unsubscribed"}},
      {"wait_2d", {}},
      {"shop", {"continued", "left"}},
  };
  context.attributes = {
      {"coupon", AttributeType::Bool, {}},
      {"tier", AttributeType::Text, {"gold", "silver"}},
      {"score", AttributeType::Number, {}},
  };
  return context;
}

// One agent's memory, laid out as the engine keeps it.
struct Agent {
  uint32_t persona = 0;
  uint32_t messages = 0;
  double spent = 0, satisfaction = 0;
  std::vector<uint64_t> visited = std::vector<uint64_t>(visited_words(4), 0);
  std::vector<uint8_t> last_event = std::vector<uint8_t>(4, kNoEvent);
  std::vector<double> attributes = std::vector<double>(3, kAttributeUnset);

  Agent& visit(uint32_t node) {
    mark_visited(visited, node);
    return *this;
  }
  Agent& ended(uint32_t node, uint32_t event) {
    visit(node);
    last_event[node] = event_code(event);
    return *this;
  }
  AgentMemoryView view() const {
    return AgentMemoryView{persona, messages, spent, satisfaction, visited, last_event, attributes};
  }
};

CompiledCondition compile(const std::string& text) {
  ConditionCompilation compiled = compile_condition(text, journey());
  EXPECT_TRUE(compiled.errors.empty()) << text << ": " << compiled.errors.front().message;
  return compiled.condition;
}

bool holds(const std::string& text, const Agent& agent) {
  return evaluate_condition(compile(text), agent.view());
}

// The one error a condition gets.
ConditionError error_of(const std::string& text) {
  ConditionCompilation compiled = compile_condition(text, journey());
  EXPECT_EQ(compiled.errors.size(), 1u) << text;
  return compiled.errors.empty() ? ConditionError{} : compiled.errors.front();
}

Agent with_persona(uint32_t persona) {
  Agent agent;
  agent.persona = persona;
  return agent;
}

TEST(Condition, PersonaEqualsMatchesThatPersonaOnly) {
  EXPECT_TRUE(holds("persona == 'vip'", with_persona(1)));
  EXPECT_FALSE(holds("persona == 'vip'", with_persona(0)));
  EXPECT_FALSE(holds("persona != 'vip'", with_persona(1)));
  EXPECT_TRUE(holds("persona != 'vip'", with_persona(0)));
  EXPECT_TRUE(holds("'vip' == persona", with_persona(1)));
}

TEST(Condition, DoubleQuotedStringsMeanWhatSingleQuotedOnesDo) {
  EXPECT_TRUE(holds("persona == \"vip\"", with_persona(1)));
  EXPECT_TRUE(holds("visited(\"shop\")", Agent{}.visit(kShop)));
}

TEST(Condition, VisitedIsTrueForAnyNodeEntered) {
  Agent agent;
  agent.visit(kWait);
  EXPECT_TRUE(holds("visited('wait_2d')", agent));
  EXPECT_FALSE(holds("visited('shop')", agent));
}

TEST(Condition, VisitedReadsBitsPastTheFirstWord) {
  ConditionContext context;
  for (int i = 0; i < 70; ++i) {
    context.nodes.push_back({"n" + std::to_string(i), {}});
  }
  const CompiledCondition condition = compile_condition("visited('n69')", context).condition;
  std::vector<uint64_t> visited(visited_words(70), 0);
  AgentMemoryView agent;
  agent.visited = visited;
  EXPECT_FALSE(evaluate_condition(condition, agent));
  mark_visited(visited, 69);
  EXPECT_TRUE(evaluate_condition(condition, agent));
}

TEST(Condition, OutcomeComparesTheLastEventAtTheTouchpoint) {
  Agent opened;
  opened.ended(kWelcome, kOpened);
  EXPECT_TRUE(holds("outcome('welcome') == 'opened'", opened));
  EXPECT_FALSE(holds("outcome('welcome') == 'clicked'", opened));
  EXPECT_FALSE(holds("outcome('welcome') != 'opened'", opened));
  EXPECT_TRUE(holds("'opened' == outcome('welcome')", opened));
}

TEST(Condition, AnOutcomeNotYetHadIsUnequalToEveryEvent) {
  EXPECT_FALSE(holds("outcome('welcome') == 'not_opened'", Agent{}));
  EXPECT_TRUE(holds("outcome('welcome') != 'not_opened'", Agent{}));
}

TEST(Condition, OpenedCountsClicksAsOpensAndClickedOnlyClicks) {
  Agent clicked, opened, ignored;
  clicked.ended(kWelcome, kClicked);
  opened.ended(kWelcome, kOpened);
  ignored.ended(kWelcome, kNotOpened);
  EXPECT_TRUE(holds("opened('welcome')", clicked));
  EXPECT_TRUE(holds("opened('welcome')", opened));
  EXPECT_FALSE(holds("opened('welcome')", ignored));
  EXPECT_FALSE(holds("opened('welcome')", Agent{}));
  EXPECT_TRUE(holds("clicked('welcome')", clicked));
  EXPECT_FALSE(holds("clicked('welcome')", opened));
  // The event named 'opened' means opened and not clicked.
  EXPECT_FALSE(holds("outcome('welcome') == 'opened'", clicked));
}

TEST(Condition, NumberComparisonsFollowTheirOperatorAtTheBoundary) {
  Agent agent;
  agent.messages = 3;
  const std::vector<std::pair<std::string, bool>> table = {
      {"messages < 3", false}, {"messages <= 3", true}, {"messages > 3", false},
      {"messages >= 3", true}, {"messages == 3", true}, {"messages != 3", false},
      {"messages < 4", true},  {"messages > 2", true},
  };
  for (const auto& [text, expected] : table) {
    EXPECT_EQ(holds(text, agent), expected) << text;
  }
}

TEST(Condition, SpentAndSatisfactionCompareWithDecimalsAndNegatives) {
  Agent agent;
  agent.spent = 50.5;
  agent.satisfaction = -0.25;
  EXPECT_TRUE(holds("spent > 50", agent));
  EXPECT_FALSE(holds("spent > 50.5", agent));
  EXPECT_TRUE(holds("satisfaction < 0.4", agent));
  EXPECT_TRUE(holds("satisfaction >= -0.25", agent));
  EXPECT_FALSE(holds("satisfaction > -0.25", agent));
}

TEST(Condition, ANumberMayStandOnEitherSide) {
  Agent agent;
  agent.messages = 3;
  EXPECT_TRUE(holds("3 <= messages", agent));
  EXPECT_FALSE(holds("3 < messages", agent));
}

TEST(Condition, BoolAttributeHoldsWhenSetToTrue) {
  Agent agent;
  EXPECT_FALSE(holds("attribute('coupon')", agent));
  agent.attributes[kCoupon] = attribute_code(false);
  EXPECT_FALSE(holds("attribute('coupon')", agent));
  agent.attributes[kCoupon] = attribute_code(true);
  EXPECT_TRUE(holds("attribute('coupon')", agent));
  EXPECT_FALSE(holds("not attribute('coupon')", agent));
}

TEST(Condition, TextAttributeComparesWithTheValuesUpdateStepsSet) {
  Agent agent;
  EXPECT_FALSE(holds("attribute('tier') == 'gold'", agent));
  EXPECT_TRUE(holds("attribute('tier') != 'gold'", agent));
  EXPECT_FALSE(holds("attribute('tier')", agent));
  agent.attributes[kTier] = 0;  // "gold"
  EXPECT_TRUE(holds("attribute('tier') == 'gold'", agent));
  EXPECT_FALSE(holds("attribute('tier') == 'silver'", agent));
  EXPECT_TRUE(holds("attribute('tier')", agent));
}

TEST(Condition, NumberAttributeComparesOnlyOnceSet) {
  Agent agent;
  EXPECT_FALSE(holds("attribute('score') >= 0", agent));
  EXPECT_FALSE(holds("attribute('score') < 0", agent));
  EXPECT_TRUE(holds("attribute('score') != 0", agent));
  EXPECT_FALSE(holds("attribute('score')", agent));
  agent.attributes[kScore] = 7;
  EXPECT_TRUE(holds("attribute('score') > 5", agent));
  EXPECT_FALSE(holds("attribute('score') <= messages", agent));
  EXPECT_TRUE(holds("attribute('score')", agent));
}

// Three visited flags a, b, c (signup, welcome, shop) in every combination.
std::vector<Agent> every_combination() {
  std::vector<Agent> agents;
  for (int bits = 0; bits < 8; ++bits) {
    Agent agent;
    if ((bits & 1) != 0) {
      agent.visit(kSignup);
    }
    if ((bits & 2) != 0) {
      agent.visit(kWelcome);
    }
    if ((bits & 4) != 0) {
      agent.visit(kShop);
    }
    agents.push_back(agent);
  }
  return agents;
}

void expect_truth_table(const std::string& text, bool (*expected)(bool, bool, bool)) {
  const CompiledCondition condition = compile(text);
  for (int bits = 0; bits < 8; ++bits) {
    const bool a = (bits & 1) != 0, b = (bits & 2) != 0, c = (bits & 4) != 0;
    EXPECT_EQ(evaluate_condition(condition, every_combination()[static_cast<size_t>(bits)].view()),
              expected(a, b, c))
        << text << " with a=" << a << " b=" << b << " c=" << c;
  }
}

TEST(Condition, AndOrNotFollowTheirTruthTables) {
  expect_truth_table("visited('signup') and visited('welcome')", [](bool a, bool b, bool) { return a && b; });
  expect_truth_table("visited('signup') or visited('welcome')", [](bool a, bool b, bool) { return a || b; });
  expect_truth_table("not visited('signup')", [](bool a, bool, bool) { return !a; });
  expect_truth_table("not not visited('signup')", [](bool a, bool, bool) { return a; });
}

TEST(Condition, NotBindsTighterThanAndWhichBindsTighterThanOr) {
  expect_truth_table("not visited('signup') and visited('welcome')",
                     [](bool a, bool b, bool) { return !a && b; });
  expect_truth_table("visited('signup') or visited('welcome') and visited('shop')",
                     [](bool a, bool b, bool c) { return a || (b && c); });
  expect_truth_table("visited('signup') and visited('welcome') or visited('shop')",
                     [](bool a, bool b, bool c) { return (a && b) || c; });
  expect_truth_table("not visited('signup') or not visited('welcome') and visited('shop')",
                     [](bool a, bool b, bool c) { return !a || (!b && c); });
}

TEST(Condition, ParenthesesOverridePrecedence) {
  expect_truth_table("(visited('signup') or visited('welcome')) and visited('shop')",
                     [](bool a, bool b, bool c) { return (a || b) && c; });
  expect_truth_table("not (visited('signup') and visited('welcome'))",
                     [](bool a, bool b, bool) { return !(a && b); });
  expect_truth_table("visited('signup') and (visited('welcome') or not visited('shop'))",
                     [](bool a, bool b, bool c) { return a && (b || !c); });
}

TEST(Condition, ComparisonBindsTighterThanNot) {
  EXPECT_FALSE(holds("not persona == 'vip'", with_persona(1)));
  EXPECT_TRUE(holds("not persona == 'vip'", with_persona(0)));
}

TEST(Condition, ReportsWhatItReadsOfAnAgent) {
  EXPECT_EQ(compile("persona == 'vip'").reads, kReadsPersona);
  EXPECT_EQ(compile("visited('shop') and messages > 1").reads, kReadsVisited | kReadsMessages);
  EXPECT_EQ(compile("opened('welcome') or attribute('coupon')").reads, kReadsOutcomes | kReadsAttributes);
  EXPECT_EQ(compile("spent > 1 or satisfaction < 0").reads, kReadsSpent | kReadsSatisfaction);
}

TEST(Condition, ShortSpansReadAsNothingRecorded) {
  const CompiledCondition condition = compile("visited('shop') or opened('welcome') or attribute('coupon')");
  EXPECT_FALSE(evaluate_condition(condition, AgentMemoryView{}));
}

// Errors: one test a mistake, with its column.

TEST(ConditionError, EmptyConditionIsRefused) {
  EXPECT_EQ(error_of("").column, 1u);
  EXPECT_NE(error_of("  ").message.find("empty condition"), std::string::npos);
}

TEST(ConditionError, UnterminatedStringPointsAtItsOpeningQuote) {
  const ConditionError error = error_of("persona == 'vip");
  EXPECT_EQ(error.column, 12u);
  EXPECT_NE(error.message.find("unterminated string"), std::string::npos);
}

TEST(ConditionError, TrailingGarbageIsRefusedWhereItStarts) {
  const ConditionError error = error_of("persona == 'vip' visited('shop')");
  EXPECT_EQ(error.column, 18u);
  EXPECT_NE(error.message.find("'visited'"), std::string::npos);
  EXPECT_NE(error.message.find("'and' or 'or'"), std::string::npos);
}

TEST(ConditionError, ComparisonsDoNotChain) {
  const ConditionError error = error_of("spent > 10 < 50");
  EXPECT_EQ(error.column, 12u);
  EXPECT_NE(error.message.find("do not chain"), std::string::npos);
}

TEST(ConditionError, UnclosedParenthesisPointsAtIt) {
  EXPECT_EQ(error_of("(visited('shop') or messages > 1").column, 1u);
  EXPECT_EQ(error_of("visited('shop'").column, 8u);
}

TEST(ConditionError, AMissingOperandIsRefused) {
  EXPECT_EQ(error_of("messages >=").column, 12u);
  EXPECT_EQ(error_of("visited('shop') and").column, 20u);
  EXPECT_EQ(error_of("and visited('shop')").column, 1u);
}

TEST(ConditionError, HabitsFromOtherLanguagesNameTheWordToWrite) {
  const ConditionError error = error_of("visited('shop') && messages > 1");
  EXPECT_EQ(error.column, 17u);
  EXPECT_EQ(error.message, "write 'and' instead of '&&'");
  EXPECT_EQ(error_of("persona = 'vip'").message, "write '==' instead of '='");
  EXPECT_EQ(error_of("!visited('shop')").message, "write 'not' instead of '!'");
  EXPECT_EQ(error_of("persona <> 'vip'").message, "write '!=' instead of '<>'");
}

TEST(ConditionError, MalformedNumbersAreRefused) {
  EXPECT_EQ(error_of("spent > .5").column, 9u);
  EXPECT_EQ(error_of("spent > 5.").column, 9u);
  EXPECT_NE(error_of("spent > 50eur").message.find("'50eur' is not a number"), std::string::npos);
}

TEST(ConditionError, UnknownFunctionSuggestsTheNearestOne) {
  const ConditionError error = error_of("visted('shop')");
  EXPECT_EQ(error.column, 1u);
  EXPECT_NE(error.message.find("unknown function 'visted' (did you mean 'visited'?)"), std::string::npos);
}

TEST(ConditionError, WrongArityIsRefused) {
  EXPECT_NE(error_of("visited()").message.find("takes one quoted node id, got 0 arguments"),
            std::string::npos);
  const ConditionError error = error_of("messages > 1 or opened('welcome', 'shop')");
  EXPECT_EQ(error.column, 17u);
  EXPECT_NE(error.message.find("got 2 arguments"), std::string::npos);
}

TEST(ConditionError, AnUnquotedIdIsShownQuoted) {
  const ConditionError error = error_of("visited(shop)");
  EXPECT_EQ(error.column, 9u);
  EXPECT_EQ(error.message, "visited() takes a quoted node id: visited('shop')");
}

TEST(ConditionError, UnknownNodeSuggestsTheNearestOne) {
  const ConditionError error = error_of("visited('shpo')");
  EXPECT_EQ(error.column, 9u);
  EXPECT_EQ(error.message, "unknown node 'shpo' (did you mean 'shop'?)");
}

TEST(ConditionError, UnknownPersonaSuggestsAndListsThem) {
  const ConditionError error = error_of("persona == 'vpi'");
  EXPECT_EQ(error.column, 12u);
  EXPECT_EQ(error.message, "unknown persona 'vpi' (did you mean 'vip'?); personas: regular, vip");
}

TEST(ConditionError, UnknownEventListsTheChannelsEvents) {
  const ConditionError error = error_of("outcome('welcome') == 'opned'");
  EXPECT_EQ(error.column, 23u);
  EXPECT_EQ(error.message,
            "'opned' is not an event of touchpoint 'welcome' (did you mean 'opened'?); its events: "
            "clicked, opened, not_opened, bounced, unsubscribed");
}

TEST(ConditionError, OpenedNeedsAChannelWithAnOpenedEvent) {
  const ConditionError error = error_of("opened('shop')");
  EXPECT_EQ(error.column, 8u);
  EXPECT_EQ(error.message, "touchpoint 'shop' has no 'opened' event; its events: continued, left");
  EXPECT_NE(error_of("clicked('signup')").message.find("no 'clicked' event"), std::string::npos);
}

TEST(ConditionError, AStepHasNoOutcome) {
  EXPECT_EQ(error_of("outcome('wait_2d') == 'x'").message,
            "'wait_2d' is a step: it has no outcome events (only touchpoints do)");
}

TEST(ConditionError, UnknownTouchpointSuggestsOnlyTouchpoints) {
  EXPECT_EQ(error_of("opened('welcom')").message, "unknown touchpoint 'welcom' (did you mean 'welcome'?)");
}

TEST(ConditionError, UnknownAttributeSuggestsTheNearestOne) {
  const ConditionError error = error_of("attribute('cupon')");
  EXPECT_EQ(error.column, 11u);
  EXPECT_EQ(error.message,
            "unknown attribute 'cupon' (did you mean 'coupon'?); update steps set: coupon, tier, score");
}

TEST(ConditionError, UnknownAttributeValueListsTheValuesSet) {
  EXPECT_EQ(error_of("attribute('tier') == 'gld'").message,
            "no update step sets attribute 'tier' to 'gld' (did you mean 'gold'?); values set: gold, silver");
}

TEST(ConditionError, UnknownNameSuggestsTheNearestOne) {
  const ConditionError error = error_of("mesages >= 3");
  EXPECT_EQ(error.column, 1u);
  EXPECT_NE(error.message.find("unknown name 'mesages' (did you mean 'messages'?)"), std::string::npos);
}

TEST(ConditionError, KeywordsAreLowerCase) {
  const ConditionError error = error_of("visited('shop') AND visited('signup')");
  EXPECT_EQ(error.column, 17u);
  EXPECT_EQ(error.message, "write 'and' in lower case");
  EXPECT_EQ(error_of("NOT visited('shop')").message, "write 'not' in lower case");
}

TEST(ConditionError, AFunctionNeedsItsArgument) {
  EXPECT_EQ(error_of("visited").message, "visited takes one quoted id: visited('<id>')");
  EXPECT_EQ(error_of("messages('x') > 1").message,
            "'messages' is not a function: write it without parentheses");
}

TEST(ConditionError, ColumnsCountCharactersNotBytes) {
  ConditionContext context = journey();
  context.personas.push_back("étudiant");
  const ConditionCompilation compiled = compile_condition("persona == 'étudiant' and mesages > 1", context);
  ASSERT_EQ(compiled.errors.size(), 1u);
  EXPECT_EQ(compiled.errors.front().column, 27u);
}

TEST(ConditionError, EveryUnknownNameIsReportedInOneRound) {
  const ConditionCompilation compiled = compile_condition("visited('shpo') or persona == 'vpi'", journey());
  ASSERT_EQ(compiled.errors.size(), 2u);
  EXPECT_EQ(compiled.errors[0].column, 9u);
  EXPECT_EQ(compiled.errors[1].column, 31u);
  EXPECT_TRUE(compiled.condition.code.empty());
}

TEST(ConditionError, DeepNestingIsRefusedNotACrash) {
  const std::string deep = std::string(200, '(') + "visited('shop')" + std::string(200, ')');
  EXPECT_NE(error_of(deep).message.find("nested more than"), std::string::npos);
  EXPECT_NE(error_of(std::string(200, 'n') + "").message.find("unknown name"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 200; ++i) {
    nots += "not ";
  }
  EXPECT_NE(error_of(nots + "visited('shop')").message.find("nested more than"), std::string::npos);
}

TEST(ConditionError, CompileAtMovesTheLocationToTheColumn) {
  try {
    compile_condition_at("persona == 'vpi'", journey(), SourceLocation{"journey.toml", 12, 20});
    FAIL() << "no error";
  } catch (const InputError& error) {
    ASSERT_EQ(error.diagnostics().size(), 1u);
    EXPECT_EQ(error.diagnostics()[0].where.to_string(), "journey.toml:12:31");
    EXPECT_NE(error.diagnostics()[0].message.find("in condition: unknown persona 'vpi'"), std::string::npos);
  }
}

// Type errors: the operator's column, both sides' types named.

TEST(ConditionTypeError, NumberAgainstTextIsRefused) {
  const ConditionError error = error_of("messages >= 'x'");
  EXPECT_EQ(error.column, 10u);
  EXPECT_EQ(error.message, "cannot compare messages (a number) with 'x' (text)");
}

TEST(ConditionTypeError, PersonaAgainstANumberIsRefused) {
  EXPECT_EQ(error_of("persona > 3").message, "cannot compare persona (text) with 3 (a number)");
}

TEST(ConditionTypeError, TextComparesOnlyForEquality) {
  const ConditionError error = error_of("persona < 'vip'");
  EXPECT_EQ(error.column, 9u);
  EXPECT_EQ(error.message, "persona is text: it compares only with == and !=");
}

TEST(ConditionTypeError, ANumberAloneIsNotACondition) {
  const ConditionError error = error_of("visited('shop') and messages");
  EXPECT_EQ(error.column, 21u);
  EXPECT_EQ(error.message, "messages is a number, not true or false: compare it (e.g. messages >= 1)");
  EXPECT_NE(error_of("outcome('welcome')").message.find("outcome('welcome') == '<event>'"),
            std::string::npos);
  EXPECT_NE(error_of("3").message.find("not true or false"), std::string::npos);
}

TEST(ConditionTypeError, TrueOrFalseCannotBeCompared) {
  EXPECT_EQ(error_of("visited('shop') == 'yes'").message,
            "visited('shop') is already true or false: use it alone, or with 'not'");
  EXPECT_NE(error_of("attribute('coupon') == 1").message.find("already true or false"), std::string::npos);
}

TEST(ConditionTypeError, TextAttributeIsNotANumber) {
  EXPECT_EQ(error_of("attribute('tier') > 3").message,
            "cannot compare attribute('tier') (text) with 3 (a number)");
}

TEST(ConditionTypeError, TwoConstantsTestNothing) {
  EXPECT_NE(error_of("3 < 4").message.find("compares two numbers"), std::string::npos);
  EXPECT_NE(error_of("'a' == 'b'").message.find("two quoted texts"), std::string::npos);
  EXPECT_NE(error_of("persona == outcome('welcome')").message.find("compare each with a quoted value"),
            std::string::npos);
}

}  // namespace
}  // namespace journeysim
