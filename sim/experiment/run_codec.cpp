#include "experiment/run_codec.hpp"

#include <cstring>
#include <stdexcept>

namespace detente {
namespace {

template <class T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_text(std::string& out, const std::string& text) {
  put<std::uint64_t>(out, text.size());
  out += text;
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <class T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string text() {
    const auto n = get<std::uint64_t>();
    need(n);
    std::string s = bytes_.substr(at_, n);
    at_ += n;
    return s;
  }
  bool done() const { return at_ == bytes_.size(); }

 private:
  void need(std::size_t n) const {
    if (bytes_.size() - at_ < n) throw std::runtime_error("decode_outputs: truncated message");
  }
  const std::string& bytes_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_outputs(const std::vector<std::pair<std::size_t, RunOutput>>& outputs) {
  std::string out;
  put<std::uint64_t>(out, outputs.size());
  for (const auto& [index, output] : outputs) {
    put<std::uint64_t>(out, index);
    put(out, output.seed);
    put(out, output.wall_seconds);
    put<std::uint64_t>(out, output.rows.size());
    for (const auto& row : output.rows) {
      put(out, row.step);
      put_text(out, row.metric);
      put_text(out, row.subject);
      put(out, row.value);
    }
    put<std::uint64_t>(out, output.agents.size());
    for (const auto& row : output.agents) {
      put(out, row.step);
      put(out, row.agent);
      put(out, row.group);
      put(out, row.subject);
      put(out, row.value);
      put(out, row.role);
      put(out, row.marginalised);
      put(out, row.participant);
      put(out, row.degree);
      put(out, row.cross_ties);
      put(out, row.participation);
    }
    put<std::uint64_t>(out, output.agent_names.groups.size());
    for (const auto& name : output.agent_names.groups)
      put_text(out, name);
    put<std::uint64_t>(out, output.agent_names.subjects.size());
    for (const auto& name : output.agent_names.subjects)
      put_text(out, name);
    put<std::uint64_t>(out, output.agent_names.roles.size());
    for (const auto& name : output.agent_names.roles)
      put_text(out, name);
    put<std::uint64_t>(out, output.edges.size());
    for (const auto& edge : output.edges) {
      put(out, edge.step);
      put(out, edge.source);
      put(out, edge.target);
      put(out, static_cast<std::uint8_t>(edge.kind));
      put(out, edge.strength);
    }
    put<std::uint64_t>(out, output.nodes.size());
    for (const auto& node : output.nodes) {
      put(out, node.id);
      put(out, node.group);
      put(out, node.role);
    }
    put<std::uint8_t>(out, output.directed ? 1 : 0);
    put<std::uint64_t>(out, output.events.size());
    for (const auto& e : output.events) {
      put(out, e.step);
      put_text(out, e.event);
      put_text(out, e.subject);
      put_text(out, e.detail);
    }
  }
  return out;
}

std::vector<std::pair<std::size_t, RunOutput>> decode_outputs(const std::string& bytes) {
  Reader in(bytes);
  std::vector<std::pair<std::size_t, RunOutput>> outputs(in.get<std::uint64_t>());
  for (auto& [index, output] : outputs) {
    index = in.get<std::uint64_t>();
    output.seed = in.get<std::uint64_t>();
    output.wall_seconds = in.get<double>();
    output.rows.resize(in.get<std::uint64_t>());
    for (auto& row : output.rows) {
      row.step = in.get<std::int64_t>();
      row.metric = in.text();
      row.subject = in.text();
      row.value = in.get<double>();
    }
    output.agents.resize(in.get<std::uint64_t>());
    for (auto& row : output.agents) {
      row.step = in.get<std::int64_t>();
      row.agent = in.get<std::uint64_t>();
      row.group = in.get<std::uint32_t>();
      row.subject = in.get<std::uint32_t>();
      row.value = in.get<double>();
      row.role = in.get<std::uint32_t>();
      row.marginalised = in.get<std::uint8_t>();
      row.participant = in.get<std::uint8_t>();
      row.degree = in.get<std::uint32_t>();
      row.cross_ties = in.get<std::uint32_t>();
      row.participation = in.get<std::uint32_t>();
    }
    output.agent_names.groups.resize(in.get<std::uint64_t>());
    for (auto& name : output.agent_names.groups)
      name = in.text();
    output.agent_names.subjects.resize(in.get<std::uint64_t>());
    for (auto& name : output.agent_names.subjects)
      name = in.text();
    output.agent_names.roles.resize(in.get<std::uint64_t>());
    for (auto& name : output.agent_names.roles)
      name = in.text();
    output.edges.resize(in.get<std::uint64_t>());
    for (auto& edge : output.edges) {
      edge.step = in.get<std::int64_t>();
      edge.source = in.get<std::uint64_t>();
      edge.target = in.get<std::uint64_t>();
      const auto kind = in.get<std::uint8_t>();
      if (kind > static_cast<std::uint8_t>(metrics::EdgeKind::programme))
        throw std::runtime_error("decode_outputs: unknown edge kind");
      edge.kind = static_cast<metrics::EdgeKind>(kind);
      edge.strength = in.get<double>();
    }
    output.nodes.resize(in.get<std::uint64_t>());
    for (auto& node : output.nodes) {
      node.id = in.get<std::uint64_t>();
      node.group = in.get<std::uint32_t>();
      node.role = in.get<std::uint32_t>();
    }
    output.directed = in.get<std::uint8_t>() != 0;
    output.events.resize(in.get<std::uint64_t>());
    for (auto& e : output.events) {
      e.step = in.get<std::int64_t>();
      e.event = in.text();
      e.subject = in.text();
      e.detail = in.text();
    }
  }
  if (!in.done()) throw std::runtime_error("decode_outputs: trailing bytes");
  return outputs;
}

}  // namespace detente
