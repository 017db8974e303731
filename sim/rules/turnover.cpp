// Population turnover; see turnover.hpp.
#include "rules/turnover.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/population_builder.hpp"
#include "rules/detail/state_shape.hpp"

namespace detente::rules {
namespace {

// Sub-streams of Purpose::turnover; part of the reproducibility contract.
constexpr std::uint32_t kGapStream = 0;     // entity = the gap's index within the step
constexpr std::uint32_t kSpreadStream = 1;  // entity = slot, draw = target group
constexpr std::uint32_t kTraitStream = 2;   // entity = slot, draw = trait

constexpr double kPi = 3.14159265358979323846;

// A uniform in (0,1): inverse CDFs of beta and normal are infinite at 0 and 1.
double open_unit(double u) {
  return std::clamp(u, 1e-12, 1.0 - 1e-12);
}

// What a group holds toward one out-group, for its newcomers.
struct Toward {
  double mean_trust = 0;        // the family's fallback
  double mean_disposition = 0;  // the school's fallback
  double school = 0;            // mean disposition of the students, else the fallback
  double noise_sd = 0;          // of the newcomers' own difference (before `spread`)
  double mean_norm = 0;         // the group's mean perceived norm (norms on), the view's fallback
};

// The mean of `values` (one per agent) over i's in-group neighbours, or
// `fallback` if i has none.
template <class Real>
double neighbours_mean(const std::vector<Real>& values, const SocialNetwork& network, AgentId i,
                       double fallback) {
  double sum = 0, weight = 0;
  for (std::uint64_t e = network.peer_begin(i); e < network.peer_end(i); ++e) {
    const double w = network.weighted() ? network.weights[e] : 1.0;
    sum += w * values[network.neighbours[e]];
    weight += w;
  }
  return weight > 0 ? sum / weight : fallback;
}

// The mean trust toward h of i's in-group neighbours, or `fallback` if none.
template <class Real>
double family_mean(const Population<Real>& people, const SocialNetwork& network, AgentId i,
                   std::size_t h, double fallback) {
  return neighbours_mean(people.trust[h], network, i, fallback);
}

template <class Real>
std::vector<std::vector<Toward>> group_summaries(const scenario::Turnover& params,
                                                 const Population<Real>& people,
                                                 const SocialNetwork& network) {
  const std::size_t groups = people.groups();
  const auto role =
      std::find(people.role_names.begin(), people.role_names.end(), params.school_role);
  const bool has_role = role != people.role_names.end();
  const auto school_role = static_cast<std::uint8_t>(role - people.role_names.begin());
  std::vector<std::vector<Toward>> out(groups, std::vector<Toward>(groups));
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t begin = people.group_begin[g], end = people.group_begin[g + 1];
    const auto n = static_cast<double>(end - begin);
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == g || end == begin) continue;
      double trust = 0, disposition = 0, squares = 0, school = 0, students = 0, norm = 0;
      const bool norms = !people.perceived_norm.empty();
      for (std::size_t i = begin; i < end; ++i) {
        const double d = people.disposition[h][i];
        trust += people.trust[h][i];
        if (norms) norm += people.perceived_norm[h][i];
        disposition += d;
        squares += d * d;
        if (has_role && people.role[i] == school_role) school += d, students += 1;
      }
      Toward& t = out[g][h];
      t.mean_trust = trust / n;
      t.mean_disposition = disposition / n;
      t.mean_norm = norm / n;
      t.school = students > 0 ? school / students : t.mean_disposition;
      // Newcomers should differ as much as the group's dispositions do (σ²).
      // The school term is the same for all of them and the family term
      // varies by place (V), so their own difference supplies the rest:
      // σ² − family²·V, none if the families already differ that much.
      const double sigma2 = std::max(0.0, squares / n - t.mean_disposition * t.mean_disposition);
      double f_sum = 0, f_squares = 0;
      for (std::size_t i = begin; i < end; ++i) {
        const double f = family_mean(people, network, static_cast<AgentId>(i), h, t.mean_trust);
        f_sum += f;
        f_squares += f * f;
      }
      const double f_mean = f_sum / n;
      const double v = std::max(0.0, f_squares / n - f_mean * f_mean);
      t.noise_sd = std::sqrt(std::max(0.0, sigma2 - params.family * params.family * v));
    }
  }
  return out;
}

}  // namespace

double leave_chance(double yearly_rate, double steps_per_year) {
  if (!(yearly_rate >= 0.0 && yearly_rate <= 1.0) || !(steps_per_year > 0.0))
    throw std::invalid_argument("leave_chance: rate must be in [0,1] and steps a year > 0");
  if (yearly_rate >= 1.0) return 1.0;
  return 1.0 - std::pow(1.0 - yearly_rate, 1.0 / steps_per_year);
}

std::vector<AgentId> choose_leavers(double chance, std::size_t agents, const Streams& rng,
                                    std::int64_t step) {
  std::vector<AgentId> leavers;
  if (chance <= 0.0 || agents == 0) return leavers;
  if (chance >= 1.0) {
    leavers.resize(agents);
    for (std::size_t i = 0; i < agents; ++i)
      leavers[i] = static_cast<AgentId>(i);
    return leavers;
  }
  // The number of stayers before the next leaver is geometric:
  // floor(log(u) / log(1 − p)) with u uniform in (0, 1].
  const double log_stay = std::log1p(-chance);
  double position = -1.0;
  for (std::uint64_t k = 0;; ++k) {
    const double u = 1.0 - rng.uniforms_double(Purpose::turnover, kGapStream,
                                               static_cast<std::uint64_t>(step), k)[0];
    position += std::floor(std::log(u) / log_stay) + 1.0;
    if (position >= static_cast<double>(agents)) break;
    leavers.push_back(static_cast<AgentId>(position));
  }
  return leavers;
}

template <class Real>
std::vector<Newcomer<Real>> socialise(const scenario::Turnover& params,
                                      const scenario::Population& spec,
                                      const Population<Real>& people, const SocialNetwork& network,
                                      std::span<const AgentId> leavers, const Streams& rng,
                                      std::int64_t step) {
  detail::check_population(people, "socialise");
  if (spec.groups.size() != people.groups())
    throw std::invalid_argument("socialise: the population and its declaration differ in groups");
  std::vector<Newcomer<Real>> out;
  if (leavers.empty()) return out;
  const auto summary = group_summaries(params, people, network);
  const std::size_t groups = people.groups();
  const auto when = static_cast<std::uint64_t>(step);
  out.reserve(leavers.size());
  for (const AgentId i : leavers) {
    const std::size_t g = people.group[i];
    Newcomer<Real> n;
    n.slot = i;
    n.trust.assign(groups, Real(0));
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == g) continue;
      const Toward& t = summary[g][h];
      // The family: the people around this place in the network, as they are now.
      const double family = family_mean(people, network, i, h, t.mean_trust);
      const auto u = rng.uniforms_double(Purpose::turnover, kSpreadStream, when, i,
                                         static_cast<std::uint32_t>(h));
      const double z = std::sqrt(-2.0 * std::log(open_unit(u[0]))) * std::cos(2.0 * kPi * u[1]);
      const double d =
          params.family * family + params.school * t.school + params.spread * t.noise_sd * z;
      n.trust[h] = static_cast<Real>(std::clamp(d, 0.0, 1.0));
      // What the newcomer believes the group thinks: what the people around
      // the place believe now (they are who it hears the group from).
      if (!people.perceived_norm.empty()) {
        n.norm.resize(groups, Real(0));
        n.norm[h] =
            static_cast<Real>(neighbours_mean(people.perceived_norm[h], network, i, t.mean_norm));
      }
    }
    const scenario::Group& declared = spec.groups[g];
    const auto a = rng.uniforms_double(Purpose::turnover, kTraitStream, when, i, 0);
    const auto b = rng.uniforms_double(Purpose::turnover, kTraitStream, when, i, 1);
    n.susceptibility =
        static_cast<Real>(sample_distribution(declared.susceptibility, open_unit(a[0])));
    n.literacy = static_cast<Real>(sample_distribution(declared.literacy, open_unit(a[1])));
    n.convener_trust =
        static_cast<Real>(sample_distribution(declared.convener_trust, open_unit(b[0])));
    n.stubbornness = static_cast<Real>(sample_distribution(declared.stubbornness, open_unit(b[1])));
    out.push_back(std::move(n));
  }
  return out;
}

template <class Real>
void place_newcomers(std::span<const Newcomer<Real>> newcomers, Population<Real>& people) {
  for (const Newcomer<Real>& n : newcomers) {
    for (std::size_t h = 0; h < people.groups(); ++h) {
      if (h == people.group[n.slot]) continue;
      people.trust[h][n.slot] = n.trust[h];
      people.anchor[h][n.slot] = n.trust[h];
      people.disposition[h][n.slot] = n.trust[h];
      if (!people.perceived_norm.empty() && !n.norm.empty())
        people.perceived_norm[h][n.slot] = n.norm[h];
    }
    people.susceptibility[n.slot] = n.susceptibility;
    people.literacy[n.slot] = n.literacy;
    people.convener_trust[n.slot] = n.convener_trust;
    people.stubbornness[n.slot] = n.stubbornness;
  }
}

bool forget_cross_ties(std::span<const AgentId> leavers, float social_strength, CrossTies& ties) {
  const auto left = [&](AgentId i) {
    return std::binary_search(leavers.begin(), leavers.end(), i);
  };
  for (std::size_t e = 0; e < ties.static_count; ++e)
    if (left(ties.a[e]) || left(ties.b[e])) ties.strength[e] = social_strength;
  std::size_t kept = ties.static_count;
  for (std::size_t e = ties.static_count; e < ties.size(); ++e) {
    if (left(ties.a[e]) || left(ties.b[e])) continue;
    ties.a[kept] = ties.a[e], ties.b[kept] = ties.b[e], ties.key[kept] = ties.key[e];
    ties.setting[kept] = ties.setting[e], ties.strength[kept] = ties.strength[e];
    ++kept;
  }
  if (kept == ties.size()) return false;
  ties.a.resize(kept), ties.b.resize(kept), ties.key.resize(kept);
  ties.setting.resize(kept), ties.strength.resize(kept);
  return true;
}

template std::vector<Newcomer<float>> socialise<float>(
    const scenario::Turnover&, const scenario::Population&, const Population<float>&,
    const SocialNetwork&, std::span<const AgentId>, const Streams&, std::int64_t);
template std::vector<Newcomer<double>> socialise<double>(
    const scenario::Turnover&, const scenario::Population&, const Population<double>&,
    const SocialNetwork&, std::span<const AgentId>, const Streams&, std::int64_t);
template void place_newcomers<float>(std::span<const Newcomer<float>>, Population<float>&);
template void place_newcomers<double>(std::span<const Newcomer<double>>, Population<double>&);

}  // namespace detente::rules
