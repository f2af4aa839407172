#include "corridor/model/investment.hpp"

namespace corridor::model {

CorridorSpec with_investment(CorridorSpec spec, const InvestmentSpec& investment,
                             double opening_day) {
  // After the scenario's own changes: on a day both change an attribute, the
  // investment's wins (Timeline::set), as the project it is.
  for (AttributeChange change : investment.changes) {
    change.at_day += opening_day;
    spec.changes.push_back(change);
  }
  return spec;
}

}  // namespace corridor::model
