// Classic models inside a run: the stopping rule and its frozen final state,
// per-agent snapshots, several groups, nodes-file columns, and bitwise
// identical results at any thread count.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "engine/simulation.hpp"
#include "experiment/replicate.hpp"
#include "experiment/runner.hpp"
#include "scenario/load.hpp"

using namespace detente;
using scenario::ClassicModel;

namespace {

scenario::Scenario classic_world(ClassicModel model, std::int64_t agents = 300) {
  scenario::Scenario s;
  s.name = "classic";
  s.seed = 42;
  s.steps = 400;
  scenario::Group g;
  g.name = "everyone";
  g.size = agents;
  s.population.groups.push_back(g);
  s.network.within.model = scenario::NetworkModel::complete;
  s.dynamics.classic.model = model;
  s.dynamics.classic.confidence = 0.3;
  s.outputs.every = 50;
  return s;
}

// metric/subject → value at `step`.
std::map<std::string, double> at_step(const ReplicateOutput& out, std::int64_t step) {
  std::map<std::string, double> m;
  for (const auto& r : out.rows)
    if (r.step == step) m[r.metric + "/" + r.subject] = r.value;
  return m;
}

}  // namespace

TEST_CASE("a converged run stops early and its frozen state stands for the last step",
          "[classic][stop]") {
  auto s = classic_world(ClassicModel::hegselmann_krause);
  s.stop_when = scenario::StopWhen::converged;
  s.outputs.agents = {0, 350, -1};
  ReplicateOutput out;
  run_replicate(s, 0, nullptr, out);
  // HK at ε = 0.3 from a uniform start agrees within a few dozen rounds.
  REQUIRE(out.last_step < 100);
  const auto at_end = at_step(out, out.last_step);
  const auto at_last = at_step(out, s.steps);
  CHECK(at_end.at("converged_step/all") == static_cast<double>(out.last_step));
  CHECK(at_last == at_end);
  CHECK(at_end.at("clusters/all") == 1);
  // Snapshots at 0, at 350 and at the last step, the later two from the frozen state.
  std::map<std::int64_t, std::size_t> rows_at;
  for (const auto& r : out.agents)
    ++rows_at[r.step];
  CHECK(rows_at == std::map<std::int64_t, std::size_t>{{0, 300}, {350, 300}, {400, 300}});
  CHECK(out.agent_names.subjects == std::vector<std::string>{"all"});

  // Without the stopping rule the run goes to the end and says nothing of convergence.
  s.stop_when = scenario::StopWhen::never;
  ReplicateOutput full;
  run_replicate(s, 0, nullptr, full);
  CHECK(full.last_step == s.steps);
  CHECK(at_step(full, s.steps).count("converged_step/all") == 0);
  CHECK(at_step(full, s.steps).at("mean/all") == Approx(at_last.at("mean/all")).margin(1e-6));
}

TEST_CASE("the complete graph of one group is never built", "[classic]") {
  const auto s = classic_world(ClassicModel::deffuant, 20000);
  const auto sim = make_simulation(s, 0);
  CHECK(sim->footprint().edges == 0);
  // Opinion, its anchor and the group bookkeeping: far below one edge list.
  CHECK(sim->footprint().bytes < 20000 * 200);
}

TEST_CASE("classic metrics cover each group and all when there are several", "[classic]") {
  auto s = classic_world(ClassicModel::deffuant);
  s.population.groups[0].opinion = scenario::Distribution::uniform(0.0, 0.4);
  s.population.groups.push_back(s.population.groups[0]);
  s.population.groups[1].name = "others";
  s.population.groups[1].opinion = scenario::Distribution::uniform(0.6, 1.0);
  s.network.within.model = scenario::NetworkModel::erdos_renyi;
  s.network.within.mean_degree = 8;
  s.network.between.mean_degree = 2;
  auto sim = make_simulation(s, 0);
  std::vector<metrics::MetricRow> rows;
  sim->record(rows);
  std::map<std::string, double> m;
  for (const auto& r : rows)
    m[r.metric + "/" + r.subject] = r.value;
  CHECK(m.at("mean/everyone") < 0.4);
  CHECK(m.at("mean/others") > 0.6);
  CHECK(m.count("major_clusters/all") == 1);
  std::vector<metrics::AgentRow> agents;
  sim->snapshot(0, agents);
  CHECK(agents.size() == 600);
  CHECK(sim->agent_names().groups == std::vector<std::string>{"everyone", "others"});
}

TEST_CASE("every classic model gives the same results at 1 and 2 threads",
          "[classic][determinism]") {
  for (const auto model : {ClassicModel::deffuant, ClassicModel::hegselmann_krause,
                           ClassicModel::voter, ClassicModel::axelrod, ClassicModel::influence}) {
    for (const auto schedule : {scenario::Schedule::sequential, scenario::Schedule::parallel}) {
      if (model == ClassicModel::axelrod && schedule == scenario::Schedule::parallel) continue;
      auto s = classic_world(model, 2000);
      s.steps = 30;
      s.outputs.every = 10;
      s.dynamics.classic.schedule = schedule;
      s.network.within.model = scenario::NetworkModel::watts_strogatz;
      s.network.within.mean_degree = 8;
      s.outputs.agents = {-1};
      INFO("model " << static_cast<int>(model) << ", schedule " << static_cast<int>(schedule));
      std::vector<RunResult> results;
      for (const int threads : {1, 2}) {
        RunOptions options;
        options.threads = threads;
        options.replicates = 2;
        results.push_back(run_replicates(s, options));
      }
      REQUIRE(results[0].rows.size() == results[1].rows.size());
      for (std::size_t k = 0; k < results[0].rows.size(); ++k) {
        const auto& a = results[0].rows[k].row;
        const auto& b = results[1].rows[k].row;
        REQUIRE(a.metric == b.metric);
        REQUIRE((a.value == b.value || (std::isnan(a.value) && std::isnan(b.value))));
      }
      for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t k = 0; k < results[0].agents[r].rows.size(); ++k)
          REQUIRE(results[0].agents[r].rows[k].value == results[1].agents[r].rows[k].value);
    }
  }
}

TEST_CASE("a nodes file's trust column sets trust and anchor in the trust model",
          "[simulation][nodes]") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("detente_nodes_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "edges.csv") << "0,1\n1,2\n2,3\n3,0\n";
  std::ofstream(dir / "nodes.csv") << "id,group,trust,stubbornness\n0,north,0.125,0\n"
                                      "1,south,0.25,0\n2,north,0.375,0\n3,south,0.5,0\n";
  std::ofstream(dir / "s.yaml") << "name: nodes\n"
                                   "population: {groups: [{name: north}, {name: south}]}\n"
                                   "network: {file: edges.csv, nodes_file: nodes.csv}\n"
                                   "outputs: {agents: [0]}\n";
  const auto s = scenario::load_file((dir / "s.yaml").string());
  const auto sim = make_simulation(s, 0);
  std::vector<metrics::AgentRow> rows;
  sim->snapshot(0, rows);
  const auto names = sim->agent_names();
  std::map<std::uint64_t, double> trust;
  for (const auto& r : rows) {
    const std::string subject = names.subjects[r.subject];
    CHECK(subject == (names.groups[r.group] == "north" ? "north->south" : "south->north"));
    trust[r.agent] = r.value;
  }
  CHECK(trust == std::map<std::uint64_t, double>{{0, 0.125}, {1, 0.25}, {2, 0.375}, {3, 0.5}});
  std::filesystem::remove_all(dir);
}
