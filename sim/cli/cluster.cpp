#include "cli/cluster.hpp"

#include <cstdlib>

#include "experiment/run_codec.hpp"

#if DETENTE_WITH_MPI
#include <boost/mpi/collectives.hpp>
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#endif

namespace detente::cli {
namespace {

bool launched_by_mpi() {
  for (const char* variable : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
    if (std::getenv(variable) != nullptr) return true;
  return false;
}

#if DETENTE_WITH_MPI
// Ranks exchange encoded outputs (run_codec.hpp) as strings.
class MpiCluster final : public Cluster {
 public:
  MpiCluster(int& argc, char**& argv) : environment_(argc, argv) {}

  int rank() const override { return world_.rank(); }
  int size() const override { return world_.size(); }

  std::vector<std::pair<std::size_t, RunOutput>> gather(
      std::vector<std::pair<std::size_t, RunOutput>> local) override {
    const std::string mine = encode_outputs(local);
    if (!is_root()) {
      boost::mpi::gather(world_, mine, 0);
      return {};
    }
    std::vector<std::string> all;
    boost::mpi::gather(world_, mine, all, 0);
    std::vector<std::pair<std::size_t, RunOutput>> outputs;
    for (const auto& bytes : all)
      for (auto& entry : decode_outputs(bytes))
        outputs.push_back(std::move(entry));
    return outputs;
  }

  std::vector<std::uint8_t> broadcast(std::vector<std::uint8_t> from_root) override {
    boost::mpi::broadcast(world_, from_root, 0);
    return from_root;
  }

 private:
  boost::mpi::environment environment_;
  boost::mpi::communicator world_;
};
#endif

}  // namespace

std::unique_ptr<Cluster> make_cluster(int& argc, char**& argv) {
#if DETENTE_WITH_MPI
  if (launched_by_mpi()) return std::make_unique<MpiCluster>(argc, argv);
#else
  (void)argc;
  (void)argv;
  (void)launched_by_mpi;
#endif
  return std::make_unique<SingleProcess>();
}

}  // namespace detente::cli
