// Sweep grids: value lists, ranges, and the order of points.

#include <doctest/doctest.h>

#include "corridor/experiment/sweep.hpp"

using namespace corridor;

TEST_CASE("a value list splits at commas outside braces and brackets") {
  const auto axis =
      experiment::parse_value_list("nodes.b.service={dist: gamma, cv: 0.5},exponential");
  CHECK(axis.path == "nodes.b.service");
  REQUIRE(axis.values.size() == 2);
  CHECK(axis.values[0] == "{dist: gamma, cv: 0.5}");
  CHECK(axis.values[1] == "exponential");
  CHECK(experiment::parse_value_list("a=1").values.size() == 1);
  CHECK_THROWS_AS((void)experiment::parse_value_list("a=1,,2"), experiment::GridError);
  CHECK_THROWS_AS((void)experiment::parse_value_list("no-equals"), experiment::GridError);
  CHECK_THROWS_AS((void)experiment::parse_value_list("a="), experiment::GridError);
}

TEST_CASE("a range includes both ends and writes values without drift") {
  const auto axis = experiment::parse_range("nodes.alat.capacity_mtpa=15:25:2.5");
  CHECK(axis.values == std::vector<std::string>{"15.0", "17.5", "20.0", "22.5", "25.0"});
  CHECK(experiment::parse_range("x=0.9:1.2:0.1").values ==
        std::vector<std::string>{"0.9", "1.0", "1.1", "1.2"});
  CHECK(experiment::parse_range("x=1:1:1").values == std::vector<std::string>{"1"});
  CHECK_THROWS_AS((void)experiment::parse_range("x=1:2:0"), experiment::GridError);
  CHECK_THROWS_AS((void)experiment::parse_range("x=2:1:1"), experiment::GridError);
  CHECK_THROWS_AS((void)experiment::parse_range("x=1:2"), experiment::GridError);
  CHECK_THROWS_AS((void)experiment::parse_range("x=1:two:1"), experiment::GridError);
  CHECK_THROWS_AS((void)experiment::parse_range("x=0:1e9:1"), experiment::GridError);
}

TEST_CASE("grid points: the product of the axes, the first varying slowest") {
  const auto points = experiment::grid_points({{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}});
  REQUIRE(points.size() == 6);
  CHECK(points[0] == std::vector<std::string>{"a=1", "b=x"});
  CHECK(points[1] == std::vector<std::string>{"a=1", "b=y"});
  CHECK(points[3] == std::vector<std::string>{"a=2", "b=x"});
  CHECK(points[5] == std::vector<std::string>{"a=2", "b=z"});
}
