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
    }
    put<std::uint64_t>(out, output.agent_names.groups.size());
    for (const auto& name : output.agent_names.groups)
      put_text(out, name);
    put<std::uint64_t>(out, output.agent_names.subjects.size());
    for (const auto& name : output.agent_names.subjects)
      put_text(out, name);
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
    }
    output.agent_names.groups.resize(in.get<std::uint64_t>());
    for (auto& name : output.agent_names.groups)
      name = in.text();
    output.agent_names.subjects.resize(in.get<std::uint64_t>());
    for (auto& name : output.agent_names.subjects)
      name = in.text();
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
