#include "serve/team_run.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

#include "engine/simulation.hpp"

namespace detente::serve {
namespace {

// Rows of every replicate at one step → min, mean, max per series. Every
// replicate records the same series in the same order (metrics.hpp), so the
// rows line up by index.
Frame aggregate(std::int64_t step, const std::vector<std::vector<metrics::MetricRow>>& rows) {
  Frame f;
  f.step = step;
  const std::size_t n = rows.front().size();
  f.lo.resize(n), f.mid.resize(n), f.hi.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    double lo = rows[0][i].value, hi = lo, sum = 0;
    for (const auto& replicate : rows) {
      const double v = replicate[i].value;
      lo = std::min(lo, v), hi = std::max(hi, v), sum += v;
    }
    f.lo[i] = lo, f.mid[i] = sum / static_cast<double>(rows.size()), f.hi[i] = hi;
  }
  return f;
}

}  // namespace

TeamRun::TeamRun(std::shared_ptr<const scenario::Scenario> scenario, int replicates, bool paused,
                 Sink sink)
    : scenario_(std::move(scenario)),
      replicates_(std::max(1, replicates)),
      sink_(std::move(sink)),
      paused_(paused) {}

TeamRun::~TeamRun() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void TeamRun::start() {
  thread_ = std::thread([this] { main(); });
}

void TeamRun::pause() {
  std::lock_guard lock(mutex_);
  paused_ = true;
}

void TeamRun::resume() {
  {
    std::lock_guard lock(mutex_);
    paused_ = false, stepping_ = false, pause_told_ = false;
  }
  wake_.notify_all();
}

void TeamRun::step() {
  {
    std::lock_guard lock(mutex_);
    paused_ = false, stepping_ = true, pause_told_ = false;
  }
  wake_.notify_all();
}

void TeamRun::cancel() {
  {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
  }
  wake_.notify_all();
}

void TeamRun::set_pace(double steps_per_second) {
  {
    std::lock_guard lock(mutex_);
    pace_ = std::max(0.0, steps_per_second);
  }
  wake_.notify_all();
}

bool TeamRun::wait_to_go(std::int64_t now) {
  std::unique_lock lock(mutex_);
  while (paused_ && !cancelled_) {
    if (!pause_told_) {
      pause_told_ = true;
      lock.unlock();
      RunEvent e;
      e.kind = RunEvent::Kind::paused;
      e.step = now;
      sink_(std::move(e));
      lock.lock();
      continue;
    }
    wake_.wait(lock);
  }
  return !cancelled_;
}

bool TeamRun::keep_pace() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (cancelled_) return false;
    if (pace_ <= 0 || paused_) return true;
    const auto now = std::chrono::steady_clock::now();
    if (now >= next_step_at_) {
      // A pace change or a pause resets the schedule rather than bursting to catch up.
      const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
          std::chrono::duration<double>(1.0 / pace_));
      next_step_at_ = std::max(next_step_at_ + period, now);
      return true;
    }
    wake_.wait_until(lock, next_step_at_);
  }
}

void TeamRun::main() {
  const auto started = std::chrono::steady_clock::now();
  try {
    const scenario::Scenario& s = *scenario_;
    std::vector<std::unique_ptr<Simulation>> sims;
    for (int r = 0; r < replicates_; ++r) {
      {
        std::lock_guard lock(mutex_);
        if (cancelled_) return;
      }
      sims.push_back(make_simulation(s, static_cast<std::uint32_t>(r)));
    }
    std::vector<std::vector<metrics::MetricRow>> rows(sims.size());
    std::vector<std::size_t> events_sent(sims.size(), 0);
    auto emit_frame = [&](bool with_series) {
      RunEvent e;
      for (std::size_t r = 0; r < sims.size(); ++r) {
        rows[r].clear();
        sims[r]->record(rows[r]);
        const auto& events = sims[r]->events();
        for (; events_sent[r] < events.size(); ++events_sent[r])
          e.events.push_back({static_cast<int>(r), events[events_sent[r]]});
      }
      e.frame = aggregate(sims.front()->now(), rows);
      if (with_series)
        for (const auto& row : rows.front())
          e.series.push_back(row.metric + " " + row.subject);
      sink_(std::move(e));
    };
    emit_frame(true);
    next_step_at_ = std::chrono::steady_clock::now();
    while (sims.front()->now() < s.steps) {
      if (!wait_to_go(sims.front()->now()) || !keep_pace()) return;
      for (auto& sim : sims)
        sim->step();
      if (is_output_step(s, sims.front()->now())) {
        emit_frame(false);
        std::lock_guard lock(mutex_);
        if (stepping_) stepping_ = false, paused_ = true;
      }
    }
    RunEvent done;
    done.kind = RunEvent::Kind::done;
    done.step = s.steps;
    done.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    for (const auto& replicate : rows) {  // the last recorded step's rows
      std::vector<double> values;
      values.reserve(replicate.size());
      for (const auto& row : replicate)
        values.push_back(row.value);
      done.final_values.push_back(std::move(values));
    }
    sink_(std::move(done));
  } catch (const std::exception& error) {
    RunEvent failed;
    failed.kind = RunEvent::Kind::failed;
    failed.message = error.what();
    sink_(std::move(failed));
  }
}

}  // namespace detente::serve
