// The key tables of a scenario file (see key_tables.h). The descriptions are
// what an editor shows on hover: written for the person mapping the journey.
#include "scenario/key_tables.h"

namespace journeysim::scenario {

std::vector<std::string> key_names(const std::vector<KeySpec>& keys) {
  std::vector<std::string> names;
  names.reserve(keys.size());
  for (const KeySpec& key : keys) {
    names.push_back(key.name);
  }
  return names;
}

const std::vector<KeySpec>& top_level_key_specs() {
  static const std::vector<KeySpec> keys = {
      {"extends", ValueShape::Name,
       "The baseline scenario this variant changes (a path relative to this file); tables "
       "merge key by key, arrays replace"},
      {"journey", ValueShape::JourneyTable, "What the map answers, how long, how many customers",
       true},
      {"stages", ValueShape::StageTables, "Who owns each stage listed in journey.stages"},
      {"personas", ValueShape::PersonaTables, "The customers: shares of arrivals with traits",
       true},
      {"touchpoints", ValueShape::TouchpointTables,
       "Where customers meet the business, each served by a channel plugin", true},
      {"steps", ValueShape::StepTables,
       "The journey's logic between touchpoints: wait, split, experiment, update, exit"},
      {"resources", ValueShape::ResourceTables,
       "Shared servers customers queue for (a support team of five): capacity and service "
       "time"},
      {"thresholds", ValueShape::Thresholds,
       "CI gates for `journeysim check`: metric = \">= 0.02\" or a list of conditions"},
  };
  return keys;
}

const std::vector<KeySpec>& journey_keys() {
  static const std::vector<KeySpec> keys = {
      {"name", ValueShape::Name, "The journey's name, shown on every report", true},
      {"purpose", ValueShape::Text,
       "The question the map answers, e.g. \"Lots of traffic, few sales: why?\""},
      {"type", ValueShape::JourneyType,
       "purchase | lead_generation | engagement | retention | onboarding"},
      {"horizon_days", ValueShape::Positive,
       "Days simulated; customers still walking after this are cut off"},
      {"agents", ValueShape::Count, "How many synthetic customers walk the journey"},
      {"seed", ValueShape::NonNegativeInteger,
       "Random seed: the same seed gives the same bytes, whatever the thread count"},
      {"max_steps", ValueShape::Count, "Bound on touchpoints and steps per customer"},
      {"stages", ValueShape::StageList,
       "The ordered stages, e.g. [\"awareness\", \"consideration\", \"purchase\"]", true},
      {"conversion", ValueShape::Name,
       "The milestone that counts as converting (optional with one milestone)"},
  };
  return keys;
}

const std::vector<std::string>& journey_types() {
  static const std::vector<std::string> types = {"purchase", "lead_generation", "engagement",
                                                 "retention", "onboarding"};
  return types;
}

const std::vector<KeySpec>& stage_keys() {
  static const std::vector<KeySpec> keys = {
      {"owner", ValueShape::Text, "The team that answers for this stage"},
      {"description", ValueShape::Text, "What happens in this stage"},
  };
  return keys;
}

const std::vector<KeySpec>& persona_keys() {
  static const std::vector<KeySpec> keys = {
      {"share", ValueShape::Share, "This persona's share of arrivals; shares sum to 1", true},
      {"age", ValueShape::Age, "Age range [min, max]"},
      {"gender", ValueShape::Text, "Gender"},
      {"job", ValueShape::Text, "Job"},
      {"education", ValueShape::Text, "Education"},
      {"goals", ValueShape::Texts, "What they want to achieve"},
      {"expectations", ValueShape::Texts, "What they expect of the business"},
      {"fears", ValueShape::Texts, "What worries them"},
      {"pain_points", ValueShape::Texts, "What annoys them today"},
      {"motivation", ValueShape::Text, "One motivation: personal, professional or social"},
      {"motivations", ValueShape::Texts, "Several motivations"},
      {"channels", ValueShape::ChannelWeights,
       "How much they follow each channel, 0 to 1, e.g. { email = 0.8, social = 0.6 }"},
      {"patience", ValueShape::Share, "0 gives up at the first delay, 1 waits for anything"},
      {"price_sensitivity", ValueShape::Share, "0 ignores prices, 1 leaves at any surprise"},
      {"tech_savvy", ValueShape::Share, "0 struggles with forms and apps, 1 breezes through"},
      {"initial_satisfaction", ValueShape::Share,
       "Satisfaction on arrival (default 0.7, a CSAT of 4)"},
      {"time_budget_minutes", ValueShape::NonNegative,
       "Minutes they will spend on the whole journey (0 or absent: no limit)"},
  };
  return keys;
}

const std::vector<KeySpec>& touchpoint_keys() {
  static const std::vector<KeySpec> keys = {
      {"stage", ValueShape::Name, "The stage (from journey.stages) this touchpoint belongs to",
       true},
      {"channel", ValueShape::Name,
       "The channel plugin that decides what customers do here (`journeysim plugins` lists "
       "them; `fixed` takes typed-in rates)",
       true},
      {"name", ValueShape::Name, "The name shown on the map (default: the id)"},
      {"entry", ValueShape::Share, "Share of arrivals that start here; entries sum to 1"},
      {"actions", ValueShape::Texts, "What customers do here, as the map lists it"},
      {"milestone", ValueShape::Name,
       "A milestone reached here (sign_up, activation, purchase...)"},
      {"exit", ValueShape::Boolean, "The journey ends after this touchpoint"},
      {"params", ValueShape::Params, "The channel's parameters (see `journeysim plugins`)"},
      {"next", ValueShape::Next,
       "Where customers go next: ids, or { to, weight, delay_hours } tables"},
      {"via", ValueShape::Name, "The channel a `fixed` touchpoint stands for"},
      {"on", ValueShape::EventRoutes,
       "Route an outcome event to a touchpoint or step, e.g. { abandoned = \"reminder\" }"},
      {"uses", ValueShape::Name,
       "A resource (from [resources]) customers queue for here, first come, first served"},
      {"patience", ValueShape::WaitFor,
       "How long a customer queues before giving up (the `gave_up` event): \"5m\" or a "
       "distribution table"},
  };
  return keys;
}

const std::vector<KeySpec>& resource_keys() {
  static const std::vector<KeySpec> keys = {
      {"name", ValueShape::Name, "The name shown on reports (default: the id)"},
      {"capacity", ValueShape::Count, "Servers working at once (people on the team, lines)",
       true},
      {"service", ValueShape::WaitFor,
       "How long one customer holds a server: \"10m\" or a distribution table (default: "
       "the time the channel reports)"},
      {"warm_up", ValueShape::Duration,
       "Leave customers arriving this soon after the start out of the resource's statistics "
       "(the queue starts empty)"},
  };
  return keys;
}

const std::vector<KeySpec>& edge_keys() {
  static const std::vector<KeySpec> keys = {
      {"to", ValueShape::Name, "The touchpoint or step this edge leads to", true},
      {"weight", ValueShape::Positive, "Relative weight among the edges (default 1)"},
      {"delay_hours", ValueShape::NonNegative, "Hours before the customer arrives there (0 to 876000)"},
  };
  return keys;
}

const std::vector<KeySpec>& step_common_keys() {
  static const std::vector<KeySpec> keys = {
      {"kind", ValueShape::StepKind, "wait | split | experiment | update | exit", true},
      {"stage", ValueShape::Name, "The stage the step is drawn in (optional)"},
      {"name", ValueShape::Name, "The name shown on the map (default: the id)"},
  };
  return keys;
}

const std::vector<StepKindKeys>& step_kinds() {
  static const std::vector<StepKindKeys> kinds = {
      {Step::Kind::Wait,
       "Hold customers for a time, then send them on (or earlier along a race)",
       {{"for", ValueShape::WaitFor,
         "How long: \"2d\", \"36h\", or { distribution = \"lognormal\", median = \"1d\", "
         "p90 = \"4d\" }",
         true},
        {"next", ValueShape::Next, "Where customers go when the wait is over"},
        {"race", ValueShape::Races,
         "Events that may end the wait early: [{ rate_per_day = 0.2, to = \"...\" }]"}}},
      {Step::Kind::Split,
       "Send each customer along the first branch whose condition holds",
       {{"branches", ValueShape::Branches,
         "[{ when = \"persona == 'x'\", to = \"...\" }, ..., { to = \"default\" }]", true}}},
      {Step::Kind::Experiment,
       "An A/B test: customers are assigned to arms by weight",
       {{"arms", ValueShape::Arms, "[{ name = \"A\", weight = 1, to = \"...\" }, ...]", true}}},
      {Step::Kind::Update,
       "Set attributes on the customer (read by later split conditions)",
       {{"set", ValueShape::Attributes, "Attributes to set, e.g. { vip = true }", true},
        {"next", ValueShape::Next, "Where customers go next"}}},
      {Step::Kind::Exit,
       "Customers leave the journey here",
       {{"reason", ValueShape::Name, "Why they leave, as the reports name it"}}},
  };
  return kinds;
}

const std::vector<KeySpec>& branch_keys() {
  static const std::vector<KeySpec> keys = {
      {"when", ValueShape::Name,
       "The condition, e.g. \"persona == 'busy_parent'\"; the last branch has none"},
      {"to", ValueShape::Name, "Where customers meeting the condition go", true},
  };
  return keys;
}

const std::vector<KeySpec>& arm_keys() {
  static const std::vector<KeySpec> keys = {
      {"name", ValueShape::Name, "The arm's name in reports", true},
      {"weight", ValueShape::Positive, "Relative share of customers (default 1)"},
      {"to", ValueShape::Name, "Where this arm's customers go", true},
  };
  return keys;
}

const std::vector<KeySpec>& race_keys() {
  static const std::vector<KeySpec> keys = {
      {"rate_per_day", ValueShape::Positive, "How often per day the event happens", true},
      {"to", ValueShape::Name, "Where a customer goes when it happens first", true},
  };
  return keys;
}

const std::vector<DistributionKeys>& wait_distributions() {
  static const KeySpec kind = {"distribution", ValueShape::Distribution,
                               "lognormal | exponential | uniform", true};
  static const std::vector<DistributionKeys> distributions = {
      {"lognormal",
       "Most waits near the median, a long tail up to p90 and beyond",
       {kind,
        {"median", ValueShape::Duration, "Half the waits are shorter", true},
        {"p90", ValueShape::Duration, "Nine waits in ten are shorter", true}}},
      {"exponential",
       "Memoryless: as likely to end in the next hour whenever it started",
       {kind, {"mean", ValueShape::Duration, "The average wait", true}}},
      {"uniform",
       "Any time between min and max, equally likely",
       {kind,
        {"min", ValueShape::Duration, "The shortest wait (may be \"0h\")", true},
        {"max", ValueShape::Duration, "The longest wait", true}}},
  };
  return distributions;
}

}  // namespace journeysim::scenario
