// Racers in the link's syntax (see state.hpp), shared by the parser and by the page's edits.
#pragma once

#include <string>
#include <vector>

#include "common/params.hpp"
#include "optim/racer.hpp"

namespace pg {

struct Problem;

// Reads one value of `spec`'s kind from link text and checks it against the spec.
bool parse_param_value(const ParamSpec& spec, const std::string& text, ParamValue& value,
                       Reason& reason);
std::string write_param_value(const ParamSpec& spec, const ParamValue& value);

// Parses "adam(lr:0.01,sched:cosine,T_max:500)". An unknown optimizer name rejects the racer
// (returns false); a bad parameter is reported under "<key_prefix>.<param>" and skipped.
bool parse_racer(const std::string& text, RacerConfig& racer, std::vector<Problem>& problems,
                 const std::string& key_prefix);

// The keys a racer takes beside its optimizer's and schedule's parameters: sched, warmup.
std::vector<std::string> racer_level_keys();

// Sets one racer value from link text: an optimizer or schedule parameter, "sched", "warmup",
// or "optimizer" (switch optimizer, keeping the rate, the parameters both share and the schedule;
// the others return to the new optimizer's defaults).
bool apply_racer_value(RacerConfig& racer, const std::string& key, const std::string& text,
                       Reason& reason);

// Drops values equal to their defaults.
void normalize_racer(RacerConfig& racer);

// batch and noise are surface-mode keys, and batch needs a data surface (`surface` names a
// built-in or is "custom") with at least B data terms; batch:N, the full batch, is the default
// and is dropped. What does not fit is reported as "<key_prefix>.batch" or ".noise" and reset.
void fit_racer_to_surface(RacerConfig& racer, bool surface_mode, const std::string& surface,
                          std::vector<Problem>& problems, const std::string& key_prefix);

// `racer` was `before` on surface `from` and is now on surface `to` (a new surface, or a new
// optimizer): if its rate was the surface's suggestion for `before`'s optimizer on `from`
// (surface.hpp's suggested_lr), it takes the suggestion for its own optimizer on `to`. A rate the
// user chose stays, and a custom surface suggests nothing.
void follow_suggested_rate(RacerConfig& racer, const RacerConfig& before, const std::string& from,
                           const std::string& to);

}  // namespace pg
