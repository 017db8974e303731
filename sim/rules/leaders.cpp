#include "rules/leaders.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace detente::rules {
namespace {

// The mean trust toward h of group g's members, summed in id order.
template <class Real>
double public_mean(const Population<Real>& people, std::size_t g, std::size_t h) {
  const std::uint32_t begin = people.group_begin[g], end = people.group_begin[g + 1];
  if (begin == end) return 0.0;
  double sum = 0.0;
  for (std::uint32_t i = begin; i < end; ++i)
    sum += static_cast<double>(people.trust[h][i]);
  return sum / static_cast<double>(end - begin);
}

template <class Real>
void take_own_stance(const Population<Real>& people, std::size_t seat, Leadership& leadership) {
  const AgentId i = leadership.holder[seat];
  for (std::size_t h = 0; h < leadership.groups; ++h)
    leadership.stance_of(seat, h) =
        h == people.group[i] ? 0.0 : static_cast<double>(people.trust[h][i]);
}

// The successor to a seat of group g: a lot over the members who do not
// lead, each with weight (1 + in-group ties) × alumni_weight for alumni.
template <class Real>
AgentId draw_successor(const scenario::Leaders& params, const Population<Real>& people,
                       const SocialNetwork& network, std::span<const std::uint8_t> alumnus,
                       const std::vector<std::uint8_t>& leading, std::size_t g, double u) {
  const std::uint32_t begin = people.group_begin[g], end = people.group_begin[g + 1];
  const auto weight = [&](AgentId i) {
    if (leading[i]) return 0.0;
    const double ties = 1.0 + static_cast<double>(in_group_degree(network, i));
    return (!alumnus.empty() && alumnus[i]) ? ties * params.alumni_weight : ties;
  };
  double total = 0.0;
  for (AgentId i = begin; i < end; ++i)
    total += weight(i);
  if (total <= 0.0) return end;  // nobody can take it (every member leads, or weights are 0)
  const double target = u * total;
  double running = 0.0;
  AgentId last = end;
  for (AgentId i = begin; i < end; ++i) {
    const double w = weight(i);
    if (w <= 0.0) continue;
    running += w;
    last = i;
    if (target < running) return i;
  }
  return last;  // rounding left the target at the very end
}

}  // namespace

template <class Real>
Leadership seat_leaders(const scenario::Leaders& params, const Population<Real>& people,
                        const SocialNetwork& network) {
  Leadership out;
  if (!params.enabled || params.count <= 0) return out;
  out.groups = people.groups();
  std::size_t smallest = people.groups() == 0 ? 0 : people.size();
  for (std::size_t g = 0; g < people.groups(); ++g)
    smallest = std::min<std::size_t>(smallest, people.group_size(g));
  out.per_group = std::min<std::size_t>(static_cast<std::size_t>(params.count), smallest);
  for (std::size_t g = 0; g < out.groups; ++g) {
    std::vector<AgentId> members(people.group_size(g));
    std::iota(members.begin(), members.end(), people.group_begin[g]);
    // The most in-group ties first; the lower id among equals.
    std::partial_sort(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(out.per_group),
                      members.end(), [&](AgentId a, AgentId b) {
                        const auto da = in_group_degree(network, a),
                                   db = in_group_degree(network, b);
                        return da != db ? da > db : a < b;
                      });
    out.holder.insert(out.holder.end(), members.begin(),
                      members.begin() + static_cast<std::ptrdiff_t>(out.per_group));
  }
  out.since.assign(out.holder.size(), 0);
  out.stance.assign(out.holder.size() * out.groups, 0.0);
  for (std::size_t seat = 0; seat < out.seats(); ++seat)
    take_own_stance(people, seat, out);
  return out;
}

template <class Real>
std::size_t hand_on_seats(const scenario::Leaders& params, double chance,
                          const Population<Real>& people, const SocialNetwork& network,
                          std::span<const std::uint8_t> alumnus,
                          std::span<const std::uint8_t> replaced, const Streams& rng,
                          std::int64_t step, Leadership& leadership) {
  // Which seats change hands, and each one's draw for its successor.
  std::vector<std::pair<std::size_t, double>> vacated;
  for (std::size_t seat = 0; seat < leadership.seats(); ++seat) {
    const std::size_t g = seat / leadership.per_group;
    const auto u = rng.uniforms_double(Purpose::leaders, static_cast<std::uint32_t>(g),
                                       static_cast<std::uint64_t>(step), seat);
    if ((!replaced.empty() && replaced[seat]) || u[0] < chance) vacated.emplace_back(seat, u[1]);
  }
  if (vacated.empty()) return 0;
  std::vector<std::uint8_t> leading(people.size(), 0);
  for (const AgentId i : leadership.holder)
    leading[i] = 1;
  std::size_t handed = 0;
  // In seat order; a successor leads from then on, so no later seat of the step can go to them.
  for (const auto& [seat, u] : vacated) {
    const std::size_t g = seat / leadership.per_group;
    const AgentId successor = draw_successor(params, people, network, alumnus, leading, g, u);
    if (successor == people.group_begin[g + 1]) continue;  // nobody else to take it
    leading[leadership.holder[seat]] = 0;
    leading[successor] = 1;
    leadership.holder[seat] = successor;
    leadership.since[seat] = step;
    take_own_stance(people, seat, leadership);
    ++handed;
  }
  return handed;
}

template <class Real>
void follow_public(const scenario::Leaders& params, const Population<Real>& people,
                   Leadership& leadership) {
  if (leadership.seats() == 0) return;
  const std::size_t groups = leadership.groups;
  std::vector<double> mean(groups * groups, 0.0);
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t h = 0; h < groups; ++h)
      if (h != g) mean[g * groups + h] = public_mean(people, g, h);
  const double phi = params.responsiveness, w = params.own_weight;
  for (std::size_t seat = 0; seat < leadership.seats(); ++seat) {
    const AgentId i = leadership.holder[seat];
    const std::size_t g = people.group[i];
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == g) continue;
      const double target =
          w * static_cast<double>(people.trust[h][i]) + (1.0 - w) * mean[g * groups + h];
      double& s = leadership.stance_of(seat, h);
      s = (1.0 - phi) * s + phi * target;
    }
  }
}

template <class Real>
void apply_statements(const scenario::Leaders& params, const Leadership& leadership,
                      const Population<Real>& people, TrustArrays<Real>& next) {
  const std::size_t groups = people.groups();
  // Each group's leaders' mean stance toward each out-group.
  std::vector<double> voice(groups * groups, 0.0);
  for (std::size_t seat = 0; seat < leadership.seats(); ++seat) {
    const std::size_t g = seat / leadership.per_group;
    for (std::size_t h = 0; h < groups; ++h)
      voice[g * groups + h] +=
          leadership.stance_of(seat, h) / static_cast<double>(leadership.per_group);
  }
  for (std::size_t h = 0; h < groups; ++h) {
    for (std::size_t i = 0; i < people.size(); ++i) {
      const std::size_t g = people.group[i];
      const Real x = people.trust[h][i];
      if (h == g || leadership.per_group == 0) {
        next[h][i] = x;
        continue;
      }
      const double pull = params.cue * static_cast<double>(people.susceptibility[i]);
      const double moved = static_cast<double>(x) + pull * (voice[g * groups + h] - x);
      next[h][i] = static_cast<Real>(std::clamp(moved, 0.0, 1.0));
    }
  }
}

template Leadership seat_leaders<float>(const scenario::Leaders&, const Population<float>&,
                                        const SocialNetwork&);
template Leadership seat_leaders<double>(const scenario::Leaders&, const Population<double>&,
                                         const SocialNetwork&);
template std::size_t hand_on_seats<float>(const scenario::Leaders&, double,
                                          const Population<float>&, const SocialNetwork&,
                                          std::span<const std::uint8_t>,
                                          std::span<const std::uint8_t>, const Streams&,
                                          std::int64_t, Leadership&);
template std::size_t hand_on_seats<double>(const scenario::Leaders&, double,
                                           const Population<double>&, const SocialNetwork&,
                                           std::span<const std::uint8_t>,
                                           std::span<const std::uint8_t>, const Streams&,
                                           std::int64_t, Leadership&);
template void follow_public<float>(const scenario::Leaders&, const Population<float>&, Leadership&);
template void follow_public<double>(const scenario::Leaders&, const Population<double>&,
                                    Leadership&);
template void apply_statements<float>(const scenario::Leaders&, const Leadership&,
                                      const Population<float>&, TrustArrays<float>&);
template void apply_statements<double>(const scenario::Leaders&, const Leadership&,
                                       const Population<double>&, TrustArrays<double>&);

}  // namespace detente::rules
