// A journey far wider than the examples, for the report's readability tests:
// `stages` stages of `per_stage` touchpoints on the built-in `fixed` channel,
// every touchpoint leading to two of the next stage, names short and long.
#pragma once

#include <string>

namespace journeysim::testing {

inline std::string wide_journey_toml(int stages = 10, int per_stage = 6) {
  static const char* const kStages[] = {"awareness", "interest", "research",   "comparison",
                                        "trial",     "purchase", "onboarding", "adoption",
                                        "retention", "advocacy", "renewal",    "expansion"};
  static const char* const kNames[] = {"Ad",
                                       "Landing page with the spring campaign's long headline",
                                       "Email",
                                       "Pricing & plans comparison page",
                                       "Chat with an advisor",
                                       "Video walkthrough of the product"};
  auto stage = [&](int s) {
    return s < 12 ? std::string(kStages[s]) : "stage_" + std::to_string(s);
  };
  auto id = [](int s, int i) { return "tp_" + std::to_string(s) + "_" + std::to_string(i); };
  std::string out =
      "[journey]\nname = \"Wide journey — " + std::to_string(stages) + " stages, " +
      std::to_string(stages * per_stage) +
      " touchpoints\"\npurpose = \"Does the report stay readable?\"\nagents = 20000\nseed = 3\n"
      "conversion = \"purchase\"\nstages = [";
  for (int s = 0; s < stages; ++s) {
    out += (s ? ", \"" : "\"") + stage(s) + "\"";
  }
  out += "]\n\n";
  for (int s = 0; s < stages; ++s) {
    out += "[stages." + stage(s) + "]\nowner = \"Team " + std::to_string(s + 1) + "\"\n\n";
  }
  out +=
      "[personas.first_timer]\nshare = 0.5\ngoals = [\"try it\"]\npain_points = [\"jargon\"]\n\n"
      "[personas.power_user]\nshare = 0.3\n\n[personas.manager]\nshare = 0.2\n\n";
  for (int s = 0; s < stages; ++s) {
    for (int i = 0; i < per_stage; ++i) {
      out += "[touchpoints." + id(s, i) + "]\nname = \"" + kNames[i % 6] + " " +
             std::to_string(s + 1) + "." + std::to_string(i + 1) + "\"\nstage = \"" + stage(s) +
             "\"\nchannel = \"fixed\"\nactions = [\"look\", \"step " + std::to_string(i + 1) +
             "\"]\n";
      if (s == 0) {
        out += "entry = " + std::to_string(1.0 / per_stage) + "\n";
      }
      if (s == stages / 2) {
        out += "milestone = \"purchase\"\n";
      }
      out += "params = { drop = 0.0" + std::to_string(2 + i % 5) +
             ", hours = " + std::to_string(1 + i) +
             ", effort = " + std::to_string(1 + (s + i) % 4) +
             ", emotion = " + ((s + i) % 3 == 0 ? "-0.03" : "0.01") +
             (s == stages / 2 ? ", value = 30" : "") + " }\n";
      if (s + 1 < stages) {
        out += "next = [{ to = \"" + id(s + 1, i) + "\", weight = 2 }, { to = \"" +
               id(s + 1, (i + 1) % per_stage) + "\" }]\n\n";
      } else {
        out += "exit = true\n\n";
      }
    }
  }
  return out;
}

}  // namespace journeysim::testing
