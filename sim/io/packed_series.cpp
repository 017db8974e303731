#include "io/packed_series.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace detente::io {
namespace {

constexpr std::string_view kMagic = "DSP1";
constexpr std::size_t kRowBytes = 8 + 4 + 4 + 8;

static_assert(std::endian::native == std::endian::little,
              "packed series are written in the machine's byte order, assumed little-endian");

template <class T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

// Reads fixed-size values from the front of `rest`, refusing to run past it.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}

  template <class T>
  T take() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return value;
  }
  std::string_view take_bytes(std::size_t n) {
    need(n);
    const auto out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }
  std::size_t left() const { return rest_.size(); }

 private:
  void need(std::size_t n) const {
    if (rest_.size() < n) throw std::runtime_error("packed series: truncated");
  }
  std::string_view rest_;
};

}  // namespace

std::string pack_series(std::span<const metrics::MetricRow> rows) {
  std::vector<std::string_view> names;
  std::unordered_map<std::string_view, std::uint32_t> index;
  const auto name_of = [&](const std::string& name) {
    const auto [it, added] = index.try_emplace(name, static_cast<std::uint32_t>(names.size()));
    if (added) names.push_back(name);
    return it->second;
  };
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keys;
  keys.reserve(rows.size());
  for (const auto& row : rows)
    keys.emplace_back(name_of(row.metric), name_of(row.subject));

  std::string out(kMagic);
  put(out, static_cast<std::uint32_t>(names.size()));
  for (const auto name : names) {
    put(out, static_cast<std::uint32_t>(name.size()));
    out.append(name);
  }
  put(out, static_cast<std::uint32_t>(rows.size()));
  out.reserve(out.size() + rows.size() * kRowBytes);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    put(out, rows[i].step);
    put(out, keys[i].first);
    put(out, keys[i].second);
    put(out, std::bit_cast<std::uint64_t>(rows[i].value));
  }
  return out;
}

std::vector<metrics::MetricRow> unpack_series(std::string_view bytes) {
  Reader in(bytes);
  if (in.take_bytes(kMagic.size()) != kMagic)
    throw std::runtime_error("packed series: not a packed series");
  const auto name_count = in.take<std::uint32_t>();
  // Each name takes at least its length's four bytes.
  if (name_count > in.left() / 4) throw std::runtime_error("packed series: bad name count");
  std::vector<std::string> names;
  names.reserve(name_count);
  for (std::uint32_t n = 0; n < name_count; ++n)
    names.emplace_back(in.take_bytes(in.take<std::uint32_t>()));
  const auto row_count = in.take<std::uint32_t>();
  if (row_count != in.left() / kRowBytes || in.left() % kRowBytes != 0)
    throw std::runtime_error("packed series: row count does not match its bytes");
  std::vector<metrics::MetricRow> rows;
  rows.reserve(row_count);
  for (std::uint32_t r = 0; r < row_count; ++r) {
    metrics::MetricRow row;
    row.step = in.take<std::int64_t>();
    const auto metric = in.take<std::uint32_t>();
    const auto subject = in.take<std::uint32_t>();
    if (metric >= names.size() || subject >= names.size())
      throw std::runtime_error("packed series: name index out of range");
    row.metric = names[metric];
    row.subject = names[subject];
    row.value = std::bit_cast<double>(in.take<std::uint64_t>());
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace detente::io
