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
      {"arrivals", ValueShape::ArrivalsTable,
       "When customers arrive: all at start (default), steady over days, or a Poisson "
       "stream, shaped by weekday and hour, with launch bursts"},
      {"policies", ValueShape::PoliciesTable,
       "Rules over all messages, e.g. frequency_cap = { messages = 3, per = \"7d\", "
       "channels = [\"email\"] }"},
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
      {"start", ValueShape::DateTime,
       "When the journey starts, a TOML date-time such as 2027-03-01T00:00:00+07:00 "
       "(without an offset: in `timezone`, else UTC; default 2027-01-04T00:00:00Z)"},
      {"timezone", ValueShape::TimeZone,
       "The journey's time zone (\"Europe/Berlin\" or \"+07:00\"): arrivals' weekday and "
       "hourly weights, and customers' zone unless their persona gives one"},
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
      {"timezone", ValueShape::TimeZone,
       "Where they live (\"America/New_York\" or \"-05:00\"): send windows follow their "
       "clock (default: the journey's time zone)"},
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
      {"window", ValueShape::Window,
       "Send only inside this window of the customer's day, e.g. { hours = \"09:00-18:00\", "
       "days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"] }; a message due outside "
       "waits for it"},
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
      {"shifts", ValueShape::Shifts,
       "When who works, on the journey's clock: [{ days = [\"mon\", ...], hours = "
       "\"08:00-20:00\", capacity = 5 }]; nobody outside every shift"},
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
         "Events that may end the wait early: [{ rate_per_day = 0.2, to = \"...\" }]"},
        {"window", ValueShape::Window,
         "After the wait, hold on until this window of the customer's day is open, e.g. "
         "{ hours = \"09:00-18:00\" }"}}},
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

const std::vector<KeySpec>& window_keys() {
  static const std::vector<KeySpec> keys = {
      {"hours", ValueShape::WindowHours,
       "\"HH:MM-HH:MM\" on the customer's clock; \"22:00-06:00\" wraps past midnight, "
       "\"00:00-24:00\" is the whole day",
       true},
      {"days", ValueShape::WeekDays,
       "The days it opens: mon, tue, wed, thu, fri, sat, sun (default: every day)"},
  };
  return keys;
}

const std::vector<KeySpec>& shift_keys() {
  static const std::vector<KeySpec> keys = [] {
    std::vector<KeySpec> k = window_keys();
    k.push_back({"capacity", ValueShape::Count, "Servers at work during this shift", true});
    return k;
  }();
  return keys;
}

const std::vector<KeySpec>& arrival_keys() {
  static const std::vector<KeySpec> keys = {
      {"pattern", ValueShape::ArrivalKind,
       "at_start (default: everyone at start) | steady (evenly over over_days) | poisson "
       "(a random stream at per_hour or per_day)"},
      {"over_days", ValueShape::Positive, "steady: the days over which customers arrive"},
      {"per_hour", ValueShape::Positive,
       "poisson: mean arrivals per hour (the run's agents then arrive over agents / per_hour "
       "hours)"},
      {"per_day", ValueShape::Positive, "poisson: mean arrivals per day (instead of per_hour)"},
      {"weekday_weights", ValueShape::WeekdayWeights,
       "Relative traffic on each weekday, Monday first (7 numbers >= 0)"},
      {"hourly_weights", ValueShape::HourlyWeights,
       "Relative traffic in each hour of the day from 00:00, on the journey's clock (24 "
       "numbers >= 0)"},
      {"bursts", ValueShape::Bursts,
       "Launch bursts: [{ day = 0, share = 0.3 }] puts 30% of all arrivals on day 0"},
  };
  return keys;
}

const std::vector<std::string>& arrival_patterns() {
  static const std::vector<std::string> patterns = {"at_start", "steady", "poisson"};
  return patterns;
}

const std::vector<KeySpec>& burst_keys() {
  static const std::vector<KeySpec> keys = {
      {"day", ValueShape::NonNegativeInteger,
       "The day of the burst: 0 is the first 24 hours from start", true},
      {"share", ValueShape::Share, "The share of all arrivals that fall on that day (> 0)",
       true},
  };
  return keys;
}

const std::vector<KeySpec>& policy_keys() {
  static const std::vector<KeySpec> keys = {
      {"frequency_cap", ValueShape::FrequencyCaps,
       "At most `messages` messages on `channels` to one customer within any `per` span: "
       "{ messages = 3, per = \"7d\", channels = [\"email\"] }, or a list of such caps"},
  };
  return keys;
}

const std::vector<KeySpec>& frequency_cap_keys() {
  static const std::vector<KeySpec> keys = {
      {"messages", ValueShape::Count, "The most messages allowed in any span of `per`", true},
      {"per", ValueShape::Duration, "The span: \"7d\", \"24h\", \"1w\"", true},
      {"channels", ValueShape::Texts,
       "The channels the cap counts, e.g. [\"email\", \"sms\"]", true},
  };
  return keys;
}

}  // namespace journeysim::scenario
