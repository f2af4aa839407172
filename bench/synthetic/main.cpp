// corridor-synthetic: writes a synthetic network scenario (synthetic_network.hpp), for
// timing `corridor run` and `corridor routes` on networks larger than the corridor.
//
//   corridor-synthetic grid --side 40 --demand 800 -o grid40.yaml
//   corridor-synthetic geometric --nodes 2000 --radius-km 250 -o rgg.yaml

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "synthetic_network.hpp"

int main(int argc, char** argv) {
  using corridor::synthetic::Layout;
  corridor::synthetic::NetworkShape shape;
  CLI::App app{"Writes a synthetic network scenario for scaling measurements."};
  std::string output;
  const auto shared = [&](CLI::App* command) {
    command->add_option("--demand", shape.demand_entries, "demand entries (default: nodes / 2)");
    command->add_option("--volume-mtpa", shape.volume_mtpa, "each entry's flow")
        ->capture_default_str();
    command->add_option("--k", shape.k, "candidate routes per entry")->capture_default_str();
    command->add_option("--choice", shape.choice, "routes.choice")
        ->check(CLI::IsMember({"shortest", "logit", "adaptive"}))
        ->capture_default_str();
    command->add_option("--horizon-days", shape.horizon_days)->capture_default_str();
    command->add_option("--seed", shape.seed)->capture_default_str();
    command->add_option("-o,--output", output, "file to write (default: standard output)");
  };
  CLI::App* grid = app.add_subcommand("grid", "side x side nodes joined to their neighbours");
  grid->add_option("--side", shape.side)->capture_default_str()->check(CLI::Range(2, 1000));
  grid->add_option("--spread", shape.spread, "link lengths vary by up to this share either way")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.9));
  shared(grid);
  CLI::App* geometric =
      app.add_subcommand("geometric", "nodes at random, joined when closer than --radius-km");
  geometric->add_option("--nodes", shape.nodes)
      ->capture_default_str()
      ->check(CLI::Range(2, 100000));
  geometric->add_option("--radius-km", shape.radius_km)->capture_default_str();
  shared(geometric);
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  shape.layout = geometric->parsed() ? Layout::geometric : Layout::grid;
  try {
    const std::string text = corridor::synthetic::scenario_yaml(shape);
    if (output.empty()) {
      std::cout << text;
    } else {
      std::ofstream file(output);
      file << text;
      if (!file.flush()) throw std::runtime_error("cannot write " + output);
    }
    std::cerr << corridor::synthetic::describe(shape) << '\n';
  } catch (const std::exception& error) {
    std::cerr << "corridor-synthetic: error: " << error.what() << '\n';
    return 2;
  }
  return 0;
}
