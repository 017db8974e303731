// exchange_program (design §2.4): cohorts from each side meet in mixed teams
// for `duration` steps under the declared conditions (programme.hpp); the
// ties persist afterwards. Alumni whose mean out-group trust has reached
// ambassador_threshold when the programme ends become ambassadors: their
// weight as speakers among their in-group peers (rules/influence.hpp) is
// multiplied by ambassador_weight.
#include "interventions/programme.hpp"
#include "interventions/types.hpp"

namespace detente::interventions {
namespace {

template <class Real>
class ExchangeProgram final : public Programme<Real> {
 public:
  void take_state(const Intervention<Real>& from) override {
    *this = static_cast<const ExchangeProgram&>(from);
  }
  ExchangeProgram(const Setup& setup, const scenario::ExchangeProgram& p)
      : Programme<Real>(setup,
                        TeamSpec{p.team_size, p.tie_strength, p.mingling, p.mingling_strength},
                        p.conditions, p.duration, p.cohort, p.reunions),
        params_(p) {}

 private:
  void graduate(const typename Programme<Real>::Cohort& cohort, const View<Real>& world,
                Changes<Real>& changes) override {
    for (const AgentId i : cohort.members)
      if (outgroup_trust(world.people, i) >= params_.ambassador_threshold)
        changes.roster.make_ambassador(i, params_.ambassador_weight);
  }

  scenario::ExchangeProgram params_;
};

}  // namespace

template <class Real>
std::unique_ptr<Intervention<Real>> make_exchange_program(const Setup& setup) {
  return std::make_unique<ExchangeProgram<Real>>(
      setup, std::get<scenario::ExchangeProgram>(setup.spec->params));
}

template std::unique_ptr<Intervention<float>> make_exchange_program<float>(const Setup&);
template std::unique_ptr<Intervention<double>> make_exchange_program<double>(const Setup&);

}  // namespace detente::interventions
