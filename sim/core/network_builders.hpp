#pragma once
// Generated social networks (design §2.2): one layer per group by the chosen
// model, plus cross-group edges stochastic-block style.
//
//   auto group_begin = group_ranges(scenario.population);
//   auto net = generate_network(scenario.network, group_begin, Streams(seed, replicate));
//   // net.social: every edge, in-group and cross-group (so `peers: all` sees both)
//   // net.cross:  the cross-group edges again, as ties with a strength
//
// Per group of N agents with mean degree k (`network.within`):
//   complete         every pair; k is ignored.
//   erdos_renyi      exactly round(N·k/2) distinct pairs, uniformly at random.
//   ring_lattice     each agent joined to its h = round(k/2) nearest on each side
//                    (degree 2h: k is rounded to an even number, halves up).
//   watts_strogatz   the ring lattice, then the far end of each edge moved with
//                    probability `rewire` to a uniform agent of the group that is
//                    neither the near end nor one of its lattice neighbours, and
//                    not already joined to it by a rewired edge.
//   barabasi_albert  m = round(k/2) edges per new agent, starting from a complete
//                    core of m + 1 agents; targets by preferential attachment
//                    (uniform over the list of edge endpoints). Mean degree is
//                    2m − m(m+1)/N.
//   grid             a 2-D lattice filled row by row, `columns` agents a row (0: a
//                    square of side √N); each agent tied to the agents left,
//                    right, above and below it (von Neumann), no wrap-around; k
//                    is ignored.
// Between groups g < h: E_gh = round(between.mean_degree·(N_g + N_h) / (2(G − 1)))
// distinct pairs with uniform ends in g and h, so an agent has on average
// between.mean_degree cross-group ties in all. A request no group can hold (a
// degree of N or more, more cross pairs than N_g·N_h) is an InputError.
//
// Locality (design §6): agents keep their group's numbering. Ring lattices
// (and Watts–Strogatz, apart from the rewired ends) join near ids, so a row
// reads nearby memory. Erdős–Rényi neighbours are random ids, and
// Barabási–Albert hubs are the lowest ids of their group (arrival order); we
// leave both as they are, as neither has a local structure to exploit.
//
// Reproducibility: every draw is Streams::bits(Purpose::network, sub, step,
// entity), a pure function of its key, so the network is the same at any
// thread count. The sub-streams (24 bits) never collide:
//   (kErdosRenyi    << 16) | g        Erdős–Rényi layer of group g
//   (kWattsStrogatz << 16) | g        Watts–Strogatz layer of group g
//   (kBarabasiAlbert << 16) | g       Barabási–Albert layer of group g
//   (kCrossGroup    << 16) | g·256+h  cross-group pairs of groups g < h
// (complete and ring lattices draw nothing). At most 256 groups.
#include <cstdint>
#include <span>

#include "core/network.hpp"
#include "core/rng.hpp"
#include "scenario/scenario.hpp"

namespace detente {

namespace network_stream {
inline constexpr std::uint32_t kErdosRenyi = 1;
inline constexpr std::uint32_t kWattsStrogatz = 2;
inline constexpr std::uint32_t kBarabasiAlbert = 3;
inline constexpr std::uint32_t kCrossGroup = 4;
}  // namespace network_stream

struct GeneratedNetwork {
  SocialNetwork social;  // undirected, unweighted
  CrossTies cross;       // a in the lower group; key = index; setting 0; all static
};

// `group_begin`: G + 1 offsets, agents numbered group by group.
GeneratedNetwork generate_network(const scenario::Network& spec,
                                  std::span<const std::uint32_t> group_begin, const Streams& rng);

}  // namespace detente
