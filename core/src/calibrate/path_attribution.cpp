// Every model on weighted paths, in one place: the command's point
// estimate and each bootstrap replicate are the same call.
#include "journeysim/attribution.h"
#include "journeysim/shapley_attribution.h"

namespace journeysim {
namespace {

// `credit` is indexed as paths.channels; a's channels are in rank order.
void add_credit(Attribution& a, const PathSet& paths, CreditModel model,
                const std::vector<Credit>& credit) {
  a.models.push_back(std::move(model));
  for (ChannelShare& c : a.channels) {
    Credit mine;
    for (size_t k = 0; k < paths.channels.size(); ++k) {
      if (paths.channels[k] == c.channel) {
        mine = credit[k];
      }
    }
    c.credit.push_back(mine);
  }
}

}  // namespace

void add_heuristics(Attribution& a, const PathSet& paths,
                    const std::vector<HeuristicModel>& models,
                    const HeuristicParameters& parameters) {
  a.heuristic_parameters = parameters;
  for (const HeuristicModel model : models) {
    add_credit(a, paths, {heuristic_name(model), heuristic_title(model, parameters)},
               attribute_heuristic(paths, model, parameters));
  }
}

void add_shapley(Attribution& a, const PathSet& paths) {
  add_credit(a, paths, {"shapley", "shapley value"},
             attribute_shapley(paths));
}

Attribution attribute_paths(const PathSet& paths, const std::string& file,
                            const PathModels& models) {
  Attribution a = attribute_exact(chain_from_paths(paths, file, models.value_rule));
  a.value_rule =
      models.value_rule == PathValueRule::LastChannel ? "last_channel" : "conversion_share";
  add_heuristics(a, paths, models.heuristics, models.parameters);
  if (models.shapley) {
    add_shapley(a, paths);
  }
  a.journey = file;
  return a;
}

}  // namespace journeysim
