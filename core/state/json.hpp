// JSON views for the CLI (`--format json`) and the web page: the catalogue (every surface,
// optimizer, schedule, dataset, feature, activation, loss with parameters, defaults and ranges)
// and a state with every value resolved. The page never keeps a copy of these tables.
#pragma once

#include <string>
#include <vector>

#include "state/state.hpp"

namespace pg {

std::string catalogue_json();
// The catalogue's sections, in its order ("optimizers", "schedules", "warmup", "surfaces",
// "datasets", "features", "activations", "losses", "regularizations", "classify_params",
// "limits"), and one of them alone: the page reads them one at a time (each in a task of its
// own at start-up). An unknown section throws std::invalid_argument.
const std::vector<std::string>& catalogue_sections();
std::string catalogue_section_json(const std::string& section);

// The state as the page reads it: its link, mode, settings, and per racer its link text, the
// values the user set and every value resolved with defaults (as link text; "" for a default
// derived from others, e.g. onecycle's max_lr = lr).
std::string state_json(const State& state);

std::string problems_json(const std::vector<Problem>& problems);

}  // namespace pg
