#include "io/events_csv.hpp"

#include "io/text_file.hpp"

namespace detente::io {
namespace {

void write_field(detail::TextFile& file, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    file.write(field);
    return;
  }
  file.write('"');
  for (const char c : field) {
    if (c == '"') file.write('"');
    file.write(c);
  }
  file.write('"');
}

}  // namespace

void write_events_csv(const std::filesystem::path& path, std::span<const EventBlock> blocks) {
  detail::TextFile file(path);
  file.write("arm,replicate,step,event,subject,detail\n");
  for (const auto& block : blocks) {
    for (const Event& e : block.events) {
      write_field(file, block.arm);
      file.write(',');
      file.write_integer(block.replicate);
      file.write(',');
      file.write_integer(e.step);
      file.write(',');
      write_field(file, e.event);
      file.write(',');
      write_field(file, e.subject);
      file.write(',');
      write_field(file, e.detail);
      file.write('\n');
    }
  }
  file.close();
}

}  // namespace detente::io
