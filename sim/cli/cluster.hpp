#pragma once
// The processes this invocation belongs to: one, or the ranks of an
// `mpirun -np N detente …` when detente was built with Boost.MPI.
#include <memory>

#include "experiment/batch.hpp"

namespace detente::cli {

// MPI is started only when an MPI launcher started this process (Open MPI,
// PMIx or MPICH set their rank variables); otherwise a SingleProcess.
std::unique_ptr<Cluster> make_cluster(int& argc, char**& argv);

}  // namespace detente::cli
