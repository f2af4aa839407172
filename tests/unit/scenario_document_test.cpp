// The scenario document: merging over `extends`, `--set` overrides, and positions that
// survive both.

#include <doctest/doctest.h>

#include "corridor/scenario/diagnostic.hpp"
#include "scenario/document.hpp"
#include "scenario/validate.hpp"

using namespace corridor::scenario;
using namespace corridor::scenario::detail;

TEST_CASE("a child's mapping merges key by key over its base") {
  Value base =
      parse_yaml("scenario: {name: base, horizon_days: 365}\ncargo: {lot_t: 14}\n", "base.yaml");
  merge_into(base, parse_yaml("scenario: {name: child}\n", "child.yaml"));
  CHECK(base.find("scenario")->find("name")->scalar == "child");
  CHECK(base.find("scenario")->find("name")->location.file == "child.yaml");
  CHECK(base.find("scenario")->find("horizon_days")->scalar == "365");
  CHECK(base.find("cargo")->find("lot_t")->scalar == "14");
}

TEST_CASE("lists of entries with ids merge by id, and new ids are appended") {
  Value base = parse_yaml(
      "nodes:\n  - {id: a, kind: port, capacity_mtpa: 15}\n  - {id: b, kind: terminal}\n",
      "base.yaml");
  merge_into(base,
             parse_yaml("nodes:\n  - {id: a, capacity_mtpa: 25}\n  - {id: c, kind: junction}\n",
                        "child.yaml"));
  const Value& nodes = *base.find("nodes");
  REQUIRE(nodes.items.size() == 3);
  CHECK(nodes.items[0].find("capacity_mtpa")->scalar == "25");
  CHECK(nodes.items[0].find("kind")->scalar == "port");
  CHECK(nodes.items[2].id() == "c");
}

TEST_CASE("lists without ids are replaced whole") {
  Value base = parse_yaml("events:\n  - {at_day: 1}\n  - {at_day: 2}\n", "base.yaml");
  merge_into(base, parse_yaml("events:\n  - {at_day: 9}\n", "child.yaml"));
  REQUIRE(base.find("events")->items.size() == 1);
  CHECK(base.find("events")->items[0].find("at_day")->scalar == "9");
}

TEST_CASE("--set addresses list entries by id and nodes directly") {
  Value root = parse_yaml("network:\n  nodes:\n    - {id: alat, capacity_mtpa: 15}\n", "s.yaml");
  apply_override(root, "nodes.alat.capacity_mtpa=25", 1);
  const Value& value = *root.find("network")->find("nodes")->items[0].find("capacity_mtpa");
  CHECK(value.scalar == "25");
  CHECK(value.location.file == "--set");
  CHECK(value.location.line == 1);
  CHECK(value.location.column == 26);  // just after '='

  SUBCASE("an unknown id is an error at its column") {
    try {
      apply_override(root, "nodes.alta.capacity_mtpa=25", 2);
      FAIL("expected an error");
    } catch (const ScenarioError& error) {
      REQUIRE(error.diagnostics().size() == 1);
      CHECK(error.diagnostics()[0].location.line == 2);
      CHECK(error.diagnostics()[0].location.column == 7);
      CHECK(error.diagnostics()[0].message.find("alta") != std::string::npos);
    }
  }
  SUBCASE("a missing '=' is an error") {
    CHECK_THROWS_AS(apply_override(root, "nodes.alat.capacity_mtpa", 1), ScenarioError);
  }
}

TEST_CASE("syntax errors and duplicate keys are located") {
  try {
    (void)parse_yaml("scenario:\n  name: x\n  name: y\n", "dup.yaml");
    FAIL("expected an error");
  } catch (const ScenarioError& error) {
    CHECK(format_diagnostic(error.diagnostics()[0])
              .rfind("dup.yaml:3:3: error: duplicate key 'name'", 0) == 0);
  }
  CHECK_THROWS_AS((void)parse_yaml("a: [1, 2\n", "bad.yaml"), ScenarioError);
  CHECK_THROWS_AS((void)parse_yaml("", "empty.yaml"), ScenarioError);
  CHECK_THROWS_AS((void)parse_yaml("- 1\n- 2\n", "list.yaml"), ScenarioError);
}

TEST_CASE("strict number parsing and typo suggestions") {
  CHECK(parse_number("2.5") == 2.5);
  CHECK(parse_number("1e6") == 1e6);
  CHECK_FALSE(parse_number("2.5t"));
  CHECK_FALSE(parse_number("nan"));
  CHECK_FALSE(parse_number("inf"));
  CHECK_FALSE(parse_number(""));
  CHECK(parse_integer("12") == 12);
  CHECK_FALSE(parse_integer("1.5"));
  CHECK(nearest("capacty_mtpa", {"capacity_mtpa", "servers", "kind"}) == "capacity_mtpa");
  CHECK_FALSE(nearest("zzzzzz", {"capacity_mtpa", "servers", "kind"}));
  // A known key lengthened or cut short, too far for the edit distance.
  CHECK(nearest("lot_tonnes", {"lot_t", "lot", "mode"}) == "lot_t");
  CHECK(nearest("capacity", {"capacity_mtpa", "servers"}) == "capacity_mtpa");
  CHECK_FALSE(nearest("lo", {"lot_t"}));
}

TEST_CASE("demand entries without ids are addressed as ORIGIN-DESTINATION") {
  Value base =
      parse_yaml("demand:\n  - {origin: xian, destination: baku, volume_mtpa: 0.5}\n", "base.yaml");
  merge_into(base, parse_yaml("demand:\n  - {origin: xian, destination: baku, volume_mtpa: 0.9}\n",
                              "child.yaml"));
  REQUIRE(base.find("demand")->items.size() == 1);
  CHECK(base.find("demand")->items[0].find("volume_mtpa")->scalar == "0.9");
  apply_override(base, "demand.xian-baku.volume_mtpa=1.2", 1);
  CHECK(base.find("demand")->items[0].find("volume_mtpa")->scalar == "1.2");
}

TEST_CASE("an id repeated in a child is kept twice, for the builder to report") {
  Value base = parse_yaml("nodes:\n  - {id: a, kind: port}\n", "base.yaml");
  merge_into(base, parse_yaml("nodes:\n  - {id: b, kind: port}\n  - {id: b, kind: terminal}\n",
                              "child.yaml"));
  CHECK(base.find("nodes")->items.size() == 3);
}

TEST_CASE("an empty list in a child clears the base's list") {
  Value base = parse_yaml("vehicles:\n  - {id: train, mode: rail}\n", "base.yaml");
  merge_into(base, parse_yaml("vehicles: []\n", "child.yaml"));
  CHECK(base.find("vehicles")->items.empty());
}

TEST_CASE("--set cannot change extends") {
  Value root = parse_yaml("extends: base.yaml\n", "s.yaml");
  CHECK_THROWS_AS(apply_override(root, "extends=other.yaml", 1), ScenarioError);
}

TEST_CASE("diagnostics are reported in file order") {
  const ScenarioError error({Diagnostic{{"b.yaml", 1, 1}, "third"},
                             Diagnostic{{"a.yaml", 9, 1}, "second"},
                             Diagnostic{{"a.yaml", 2, 5}, "first"}});
  REQUIRE(error.diagnostics().size() == 3);
  // Files keep the order they first appear in; positions are sorted within a file.
  CHECK(error.diagnostics()[0].message == "third");
  CHECK(error.diagnostics()[1].message == "first");
  CHECK(error.diagnostics()[2].message == "second");
}
