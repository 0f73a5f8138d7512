// Named hyperparameters: their specifications (the catalogue's rows) and the values a user set.
//
// One source of truth: the defaults and valid ranges live in ParamSpec tables in the core; the
// share-link codec validates against them, the CLI lists them and the web page reads them.
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/text.hpp"

namespace pg {

enum class ParamKind {
  Real,         // any finite double in [min, max]
  Integer,      // an integer in [min, max]
  Boolean,      // stored as 0 or 1; links accept true/false/1/0
  Choice,       // one of `choices`
  IntegerList,  // e.g. milestones 100/200 (ascending integers in [min, max])
};

struct ParamSpec {
  std::string name;  // the key in links, as PyTorch spells it: "lr", "beta1", "T_max"
  ParamKind kind = ParamKind::Real;
  // Default for Real/Integer/Boolean. NaN means "derived from other values", described by
  // default_note (for example onecycle's max_lr defaults to the racer's lr).
  double default_value = 0;
  double min = -HUGE_VAL;  // valid range (closed unless the *_open flag is set)
  double max = HUGE_VAL;
  bool min_open = false;
  bool max_open = false;
  std::vector<std::string> choices;  // Choice only
  std::string default_choice;        // Choice only
  std::vector<double> default_list;  // IntegerList only (e.g. multistep's milestones 100/200)
  std::string default_note;          // e.g. "= lr" when default_value is NaN
  std::string summary_en;            // one line for tooltips and `playground list`
  std::string summary_zh;
};

// One value as given by the user; which member is used depends on the spec's kind.
struct ParamValue {
  double number = 0;         // Real, Integer, Boolean (0/1)
  std::string choice;        // Choice
  std::vector<double> list;  // IntegerList
  bool operator==(const ParamValue& o) const {
    return number == o.number && choice == o.choice && list == o.list;
  }
  bool operator!=(const ParamValue& o) const { return !(*this == o); }
};

// Only the values a user set explicitly (defaults are not stored, so links stay short).
// Ordered by name, so iteration is deterministic.
using ParamValues = std::map<std::string, ParamValue>;

// Every parameter of one configuration, defaults filled in from the specs.
// Values are assumed valid (the codec validates user text); unknown names are a programming
// error and throw std::logic_error.
class ResolvedParams {
 public:
  ResolvedParams() = default;
  ResolvedParams(const std::vector<ParamSpec>& specs, const ParamValues& given);

  double number(const std::string& name) const;  // Real/Integer/Boolean; NaN if derived default
  double number_or(const std::string& name, double derived_default) const;
  bool flag(const std::string& name) const;
  const std::string& choice(const std::string& name) const;
  const std::vector<double>& list(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) != 0; }

 private:
  const ParamValue& at(const std::string& name) const;
  std::map<std::string, ParamValue> values_;
};

// Default of a spec as a ParamValue.
ParamValue default_value(const ParamSpec& spec);

// A parameter's name for a Chinese reader (the page's label of its field; English readers see
// the name itself, as PyTorch spells it): "阻尼" for dampening. One table for every optimizer and
// schedule, since a name means the same everywhere; "" for a name it does not know.
std::string param_label_zh(const std::string& name);

// Why a value was refused, in English and Simplified Chinese.
using Reason = Text;

// Whether `value` is within the spec (kind, range, choices). On failure `reason` says why in
// plain words, e.g. "must be > 0" or "must be one of torch, book".
bool check_value(const ParamSpec& spec, const ParamValue& value, Reason& reason);

const ParamSpec* find_spec(const std::vector<ParamSpec>& specs, const std::string& name);

}  // namespace pg
