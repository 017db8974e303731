#include "io/agents_csv.hpp"

#include <stdexcept>

#include "io/text_file.hpp"

namespace detente::io {

void write_agents_csv(const std::filesystem::path& path, const metrics::AgentNames& names,
                      std::span<const metrics::AgentSnapshots> snapshots) {
  detail::TextFile file(path);
  file.write(
      "arm,replicate,step,agent,group,subject,value,role,marginalised,degree,cross_ties,"
      "participant,participation\n");
  for (const auto& block : snapshots) {
    for (const auto& row : block.rows) {
      if (row.group >= names.groups.size() || row.subject >= names.subjects.size() ||
          row.role >= names.roles.size())
        throw std::invalid_argument("write_agents_csv: a row names group, subject or role " +
                                    std::to_string(row.group) + "/" + std::to_string(row.subject) +
                                    "/" + std::to_string(row.role) + " beyond the names given");
      file.write(block.arm);
      file.write(',');
      file.write_integer(block.replicate);
      file.write(',');
      file.write_integer(row.step);
      file.write(',');
      file.write_integer(row.agent);
      file.write(',');
      file.write(names.groups[row.group]);
      file.write(',');
      file.write(names.subjects[row.subject]);
      file.write(',');
      file.write_number(row.value);
      file.write(',');
      detail::write_csv_field(file, names.roles[row.role]);
      for (const std::uint64_t count :
           {std::uint64_t{row.marginalised}, std::uint64_t{row.degree},
            std::uint64_t{row.cross_ties}, std::uint64_t{row.participant},
            std::uint64_t{row.participation}}) {
        file.write(',');
        file.write_integer(count);
      }
      file.write('\n');
    }
  }
  file.close();
}

}  // namespace detente::io
