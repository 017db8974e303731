#pragma once
// What happened in a run, step by step, for people: a programme started or
// stopped (and why), the budget ran out, a trigger fired, a crisis hit. The
// engine and the convener write events as they act; they are pure
// observation, never read back by the model, so recording them changes no
// result. They are written in the order they happen within a replicate,
// which depends on neither the thread count nor the agent order.
//
// A result folder's events.csv holds them (`arm,replicate,step,event,subject,
// detail`); the workshop page draws them as an event lane under its charts.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace detente {

struct Event {
  std::int64_t step = 0;
  std::string event;    // one of kEventKinds
  std::string subject;  // a programme's name, "budget", or the groups a crisis hits
  std::string detail;   // what and why, in words
  friend bool operator==(const Event&, const Event&) = default;
};

// The kinds of event, with what each means (README "What the outcomes mean").
struct EventKind {
  std::string_view name;
  std::string_view meaning;
};

inline constexpr EventKind kEventKinds[] = {
    {"programme_started", "a programme's first round was paid and carried out"},
    {"programme_stopped",
     "a programme has no more rounds: its schedule ended, the budget ran out, it was cut to keep "
     "money for programmes funded before it, or this year's cap was reached (it resumes next "
     "year)"},
    {"programme_resumed", "a programme paused by the yearly cap paid a round again"},
    {"budget_exhausted", "the first time the total budget could not pay a round that was due"},
    {"trigger_fired", "a `when:` trigger saw its metric cross the threshold"},
    {"crisis", "a crisis hit (scheduled or random)"},
};

inline constexpr std::size_t kMaxEventsPerRun = 100000;  // a bound on one replicate's log

}  // namespace detente
