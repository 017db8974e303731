#include "experiment/calibrate_targets.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <tuple>

#include "core/errors.hpp"
#include "engine/simulation.hpp"
#include "metrics/metric_table.hpp"
#include "scenario/detail/suggest.hpp"

namespace detente {
namespace {

const std::vector<std::string> kHeader = {"metric", "subject", "step", "value", "se", "source"};

struct Field {
  std::string text;
  std::size_t column = 1;  // 1-based, where the field starts
};

class Located {
 public:
  explicit Located(std::string file) : file_(std::move(file)) {}
  [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& message) const {
    throw InputError(file_ + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                     message);
  }

 private:
  std::string file_;
};

// Splits a CSV line; fields may be quoted ("a, b" and "" for a quote).
std::vector<Field> split(const std::string& line, std::size_t number, const Located& at) {
  std::vector<Field> fields;
  std::size_t i = 0;
  while (true) {
    Field f;
    f.column = i + 1;
    if (i < line.size() && line[i] == '"') {
      ++i;
      bool closed = false;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            f.text += '"';
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        f.text += line[i++];
      }
      if (!closed)
        at.fail(number, f.column, "a quoted field without its closing quote; end it with \"");
      if (i < line.size() && line[i] != ',')
        at.fail(number, i + 1,
                "expected a comma after the quoted field, got '" + std::string(1, line[i]) + "'");
    } else {
      while (i < line.size() && line[i] != ',')
        f.text += line[i++];
    }
    fields.push_back(std::move(f));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return fields;
}

bool parse_integer(std::string_view text, std::int64_t& out) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

bool parse_number(const std::string& text, double& out) {
  if (text.empty()) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(out);
}

std::string shown_text(const std::string& text) {
  return "\"" + (text.size() > 80 ? text.substr(0, 80) + "…" : text) + "\"";
}

// The subjects the scenario's model records `metric` for.
std::vector<std::string> subjects_for(const metrics::MetricInfo& metric,
                                      const scenario::Scenario& scenario) {
  std::vector<std::string> groups, interventions;
  for (const auto& g : scenario.population.groups)
    groups.push_back(g.name);
  for (const auto& i : scenario.interventions)
    interventions.push_back(i.name);
  if (scenario.dynamics.classic.model == scenario::ClassicModel::none)
    return metrics::trust_model_subjects(metric, groups, interventions);
  // Classic models record per group what the trust model records per pair.
  std::vector<std::string> out;
  if (metric.subjects == metrics::Subjects::pairs || metric.subjects == metrics::Subjects::groups)
    out = groups;
  out.emplace_back("all");
  return out;
}

std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < 12; ++i)
    out += (i ? ", " : "") + names[i];
  if (names.size() > 12) out += ", …";
  return out;
}

void check_metric(const Field& f, std::size_t line, const scenario::Scenario& scenario,
                  const Located& at) {
  const auto* info = metrics::find(f.text);
  const bool classic = scenario.dynamics.classic.model != scenario::ClassicModel::none;
  std::vector<std::string_view> names;
  for (const auto& m : metrics::metric_table())
    if (m.model == metrics::Model::both || (m.model == metrics::Model::classic) == classic)
      names.push_back(m.name);
  if (info == nullptr)
    at.fail(line, f.column,
            "metric: expected a metric of the metric table (`detente metrics`), got " +
                shown_text(f.text) + "; " + scenario::detail::suggestion(f.text, names, "metrics"));
  if (std::find(names.begin(), names.end(), info->name) == names.end())
    at.fail(line, f.column,
            "metric: " + shown_text(f.text) + " is recorded by " +
                (classic ? "the trust model" : "the classic models") + " only, and this scenario " +
                (classic ? "runs a classic model" : "runs the trust model") +
                "; pick a metric it records (`detente metrics`)");
}

void check_step(const Field& f, std::size_t line, const scenario::Scenario& scenario,
                const Located& at, Target& t) {
  t.step = f.text;
  const std::int64_t end = scenario.steps;
  const std::string fix = "; a step is an output step (0, every outputs.every = " +
                          std::to_string(scenario.outputs.every) + " steps, and the last, " +
                          std::to_string(end) + "), a range A-B holding one, or final";
  if (f.text == "final") {
    t.final_step = true;
    t.first = t.last = end;
    return;
  }
  const auto dash = f.text.find('-', 1);
  std::int64_t first = 0, last = 0;
  const bool single = dash == std::string::npos && parse_integer(f.text, first);
  const bool range = dash != std::string::npos && parse_integer(f.text.substr(0, dash), first) &&
                     parse_integer(f.text.substr(dash + 1), last);
  if (single) last = first;
  if (!single && !range)
    at.fail(
        line, f.column,
        "step: expected an integer step, a range A-B or final, got " + shown_text(f.text) + fix);
  if (first < 0 || last > end)
    at.fail(line, f.column,
            "step: " + shown_text(f.text) + " is outside the run (steps 0 to " +
                std::to_string(end) +
                "); shorten the target's steps or lengthen the scenario (steps)");
  if (first > last)
    at.fail(
        line, f.column,
        "step: the range " + shown_text(f.text) + " ends before it starts; write A-B with A ≤ B");
  bool holds = false;
  for (std::int64_t s = first; s <= last && !holds; ++s)
    holds = is_output_step(scenario, s);
  if (!holds)
    at.fail(line, f.column,
            "step: " + shown_text(f.text) +
                (single ? " is not an output step" : " holds no output step") + fix);
  t.first = first;
  t.last = last;
}

}  // namespace

std::vector<Target> read_targets(const std::filesystem::path& path,
                                 const scenario::Scenario& scenario) {
  const std::string name = path.string();
  const Located at(name);
  std::error_code error;
  if (!std::filesystem::exists(path, error))
    throw InputError(name + ": cannot read the targets file: there is no such file");
  if (!std::filesystem::is_regular_file(path, error))
    throw InputError(name + ": cannot read the targets file: it is not a regular file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(name + ": cannot read the targets file: check its permissions");

  std::vector<Target> targets;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  bool header = false;
  std::string line;
  std::size_t number = 0;
  // Reads at most kMostTargetLineBytes + 1 bytes a line, so that a file with
  // no newline (or /dev/zero) is refused instead of read whole.
  while (true) {
    line.clear();
    char c = 0;
    bool any = false;
    while (in.get(c) && c != '\n') {
      any = true;
      if (line.size() >= kMostTargetLineBytes)
        at.fail(number + 1, kMostTargetLineBytes,
                "a line longer than " + std::to_string(kMostTargetLineBytes) +
                    " bytes; a target row is short (shorten its source)");
      line += c;
    }
    if (!any && !in) break;
    ++number;
    if (number > kMostTargetFileLines)
      at.fail(number, 1,
              "more than " + std::to_string(kMostTargetFileLines) +
                  " lines; a targets file holds at most " + std::to_string(kMostTargetFileLines) +
                  " lines");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find('\0') != std::string::npos)
      at.fail(number, line.find('\0') + 1, "a NUL byte; a targets file is text");
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    const auto fields = split(line, number, at);
    if (!header) {
      std::vector<std::string> names;
      for (const auto& f : fields)
        names.push_back(f.text);
      if (names != kHeader)
        at.fail(number, 1,
                "expected the header metric,subject,step,value,se,source, got " + shown_text(line));
      header = true;
      continue;
    }
    if (fields.size() != kHeader.size())
      at.fail(number, fields.size() < kHeader.size() ? line.size() + 1 : fields[6].column,
              "expected 6 fields (metric,subject,step,value,se,source), got " +
                  std::to_string(fields.size()) +
                  "; quote a field that holds a comma with double quotes");
    if (targets.size() == kMostTargets)
      at.fail(number, 1, "more than " + std::to_string(kMostTargets) + " targets; split the file");
    Target t;
    t.file = name;
    t.line = number;
    check_metric(fields[0], number, scenario, at);
    t.metric = fields[0].text;
    const auto subjects = subjects_for(*metrics::find(t.metric), scenario);
    if (std::find(subjects.begin(), subjects.end(), fields[1].text) == subjects.end()) {
      std::vector<std::string_view> views(subjects.begin(), subjects.end());
      at.fail(number, fields[1].column,
              "subject: expected a subject " + t.metric + " has in this scenario (" +
                  listed(subjects) + "), got " + shown_text(fields[1].text) + "; " +
                  scenario::detail::suggestion(fields[1].text, views, "subjects"));
    }
    t.subject = fields[1].text;
    check_step(fields[2], number, scenario, at, t);
    if (!parse_number(fields[3].text, t.value))
      at.fail(number, fields[3].column,
              "value: expected a finite number on detente's scale (0-1 for trust and shares), "
              "got " +
                  shown_text(fields[3].text));
    if (!parse_number(fields[4].text, t.se) || !(t.se > 0))
      at.fail(number, fields[4].column,
              "se: expected a standard error above 0, got " + shown_text(fields[4].text) +
                  "; give the observed value's standard error on the same scale");
    t.source = fields[5].text;
    if (t.source.find_first_not_of(" \t") == std::string::npos)
      at.fail(number, fields[5].column,
              "source: expected a citation (author, year, table or page), got nothing; every "
              "target names where its value comes from");
    if (!seen.insert({t.metric, t.subject, t.step}).second)
      at.fail(number, fields[2].column,
              "a second target for " + t.metric + "/" + t.subject + " at step " + t.step +
                  "; each is given once (it would count twice in the distance)");
    targets.push_back(std::move(t));
  }
  if (!header)
    throw InputError(name +
                     ":1:1: expected the header metric,subject,step,value,se,source; "
                     "the file is empty");
  if (targets.empty())
    throw InputError(name + ":" + std::to_string(number) +
                     ":1: no targets; add rows metric,subject,step,value,se,source");
  return targets;
}

bool row_is_targeted(const metrics::MetricRow& row, std::span<const Target> targets) {
  for (const auto& t : targets)
    if (t.metric == row.metric && t.subject == row.subject &&
        (t.final_step || (row.step >= t.first && row.step <= t.last)))
      return true;
  return false;
}

std::vector<double> target_values(std::span<const metrics::MetricRow> rows,
                                  std::span<const Target> targets) {
  std::vector<double> sum(targets.size(), 0.0), last_value(targets.size(), std::nan(""));
  std::vector<std::size_t> count(targets.size(), 0);
  std::vector<std::int64_t> last_step(targets.size(), -1);
  for (const auto& row : rows)
    for (std::size_t t = 0; t < targets.size(); ++t) {
      const Target& target = targets[t];
      if (target.metric != row.metric || target.subject != row.subject) continue;
      if (target.final_step) {
        if (row.step > last_step[t]) {
          last_step[t] = row.step;
          last_value[t] = row.value;
        }
      } else if (row.step >= target.first && row.step <= target.last && !std::isnan(row.value)) {
        sum[t] += row.value;
        ++count[t];
      }
    }
  std::vector<double> out(targets.size());
  for (std::size_t t = 0; t < targets.size(); ++t)
    out[t] = targets[t].final_step ? last_value[t]
             : count[t] > 0        ? sum[t] / static_cast<double>(count[t])
                                   : std::nan("");
  return out;
}

}  // namespace detente
