#pragma once
// Helpers shared by the validation cases (validation_*.cpp): scratch files,
// scenarios from YAML text, replicates in parallel, and reading results.
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "experiment/replicate.hpp"
#include "scenario/scenario.hpp"
#include "validation/validation.hpp"

namespace detente::validation_detail {

// A fresh folder for one case's network files, removed with the object.
class ScratchFolder {
 public:
  explicit ScratchFolder(const std::string& name);
  ~ScratchFolder();
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes `text` to the file `name` in the folder; returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

// Loads `yaml` as if it were the file `as` (relative network files resolve
// next to it), through the same validation as a user's scenario.
scenario::Scenario load_yaml(const std::string& yaml, const std::filesystem::path& as);

// Replicates 0 … count − 1, run in parallel; out[r] is replicate r.
std::vector<ReplicateOutput> run_replicates_parallel(const scenario::Scenario& scenario, int count);

// The value of `metric` for `subject` recorded at `step`; NaN when absent.
double metric_at(const ReplicateOutput& out, std::string_view metric, std::int64_t step,
                 std::string_view subject = "all");

// The opinions of the snapshot taken at `step`, by the agent's id.
std::vector<double> opinions_at(const ReplicateOutput& out, std::int64_t step);

// Mean and standard error of the mean.
struct MeanSe {
  double mean = 0.0;
  double se = 0.0;
};
MeanSe mean_se(const std::vector<double>& values);

// A row from its parts.
ValidationRow row(std::string model, std::string target, std::string source, double measured,
                  std::string tolerance, bool pass);

// "0.1", "1e-09": short text for tolerances and targets.
std::string text(double x);

}  // namespace detente::validation_detail

namespace detente {

// The cases (validation_linear.cpp, validation_bounded.cpp, validation_discrete.cpp).
std::vector<ValidationRow> validate_degroot(const ValidationOptions& options);
std::vector<ValidationRow> validate_friedkin_johnsen(const ValidationOptions& options);
std::vector<ValidationRow> validate_deffuant(const ValidationOptions& options);
std::vector<ValidationRow> validate_hegselmann_krause(const ValidationOptions& options);
std::vector<ValidationRow> validate_voter(const ValidationOptions& options);
std::vector<ValidationRow> validate_axelrod(const ValidationOptions& options);

}  // namespace detente
