#include "io/events_csv.hpp"

#include "io/text_file.hpp"

namespace detente::io {

void write_events_csv(const std::filesystem::path& path, std::span<const EventBlock> blocks) {
  detail::TextFile file(path);
  file.write("arm,replicate,step,event,subject,detail\n");
  for (const auto& block : blocks) {
    for (const Event& e : block.events) {
      detail::write_csv_field(file, block.arm);
      file.write(',');
      file.write_integer(block.replicate);
      file.write(',');
      file.write_integer(e.step);
      file.write(',');
      detail::write_csv_field(file, e.event);
      file.write(',');
      detail::write_csv_field(file, e.subject);
      file.write(',');
      detail::write_csv_field(file, e.detail);
      file.write('\n');
    }
  }
  file.close();
}

}  // namespace detente::io
