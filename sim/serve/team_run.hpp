#pragma once
// One team's simulation on its own thread: the replicates of a scenario
// stepped in lockstep, so that each recorded step can be sent as it completes
// with its band over replicates (min, mean, max). It can be paused, stepped
// one recorded step at a time, slowed to a pace the room can follow, and
// cancelled; cancelling or destroying it stops the thread within one step.
//
//   auto run = std::make_unique<TeamRun>(scenario, 3, [](RunEvent e) { … });
//   run->start();
//   run->pause();  run->step();  run->resume();
//   run.reset();   // cancels and joins
//
// The sink is called on the run's thread, one event at a time, in order: a
// frame per recorded step (step 0 first), `paused` when it stops to wait,
// then `done` or `failed`. Replicate r is make_simulation(scenario, r), as in
// `detente run`, so the numbers equal those of `detente run --replicates R`.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/events.hpp"
#include "scenario/scenario.hpp"

namespace detente::serve {

// One recorded step, every outcome series aggregated over the replicates.
struct Frame {
  std::int64_t step = 0;
  std::vector<double> lo, mid, hi;  // per series: min, mean, max over replicates
};

// An event of one replicate (core/events.hpp).
struct ReplicateEvent {
  int replicate = 0;
  Event event;
};

struct RunEvent {
  enum class Kind { frame, paused, done, failed };
  Kind kind = Kind::frame;
  Frame frame;                         // kind frame
  std::vector<ReplicateEvent> events;  // kind frame: what happened since the last frame
  std::vector<std::string> series;     // kind frame, step 0 only: "metric subject" of each value
  std::int64_t step = 0;               // kind paused: the last step completed
  double seconds = 0;                  // kind done: wall time of the run
  // kind done: every series' value at the last recorded step, per replicate
  // ([replicate][series], the order of step 0's `series`): what intervals
  // over replicates are computed from (standings.hpp).
  std::vector<std::vector<double>> final_values;
  std::string message;  // kind failed
};

class TeamRun {
 public:
  using Sink = std::function<void(RunEvent)>;

  // Does not start the thread; call start(). `paused`: build the world and
  // send step 0, then wait for resume() or step().
  TeamRun(std::shared_ptr<const scenario::Scenario> scenario, int replicates, bool paused,
          Sink sink);
  ~TeamRun();  // cancels and joins
  TeamRun(const TeamRun&) = delete;
  TeamRun& operator=(const TeamRun&) = delete;

  void start();
  void pause();
  void resume();
  // Runs to the next recorded step, then pauses.
  void step();
  void cancel();
  // Simulated steps per second at most; 0 = as fast as the machine goes.
  void set_pace(double steps_per_second);

 private:
  void main();
  // Blocks while paused; false when cancelled.
  bool wait_to_go(std::int64_t now);
  // Sleeps out the pace before the next step; false when cancelled.
  bool keep_pace();

  std::shared_ptr<const scenario::Scenario> scenario_;
  int replicates_;
  Sink sink_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool paused_;
  bool stepping_ = false;  // pause at the next recorded step
  bool cancelled_ = false;
  bool pause_told_ = false;  // the sink has heard of the current pause
  double pace_ = 0;
  std::chrono::steady_clock::time_point next_step_at_;
  std::thread thread_;
};

}  // namespace detente::serve
