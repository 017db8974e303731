// What happened in a run, in words: shared by the team page, the
// facilitator's page and the debriefs. Events are events.csv's rows as the
// server streams them: { replicate, step, event, subject, detail }.

export const EVENT_WORDS = {
  programme_started: { icon: '▶', text: 'starts' },
  programme_stopped: { icon: '■', text: 'stops' },
  programme_resumed: { icon: '▶', text: 'resumes' },
  budget_exhausted: { icon: '€', text: 'the budget is spent' },
  trigger_fired: { icon: '⚡', text: 'trigger fires' },
  crisis: { icon: '!', text: 'crisis' },
};

// A step in the charts' unit: years for a weekly scenario ("year 5.8"), else the step.
export function whenIn(scenario, step) {
  if (scenario.step_unit === 'week' && scenario.steps >= 104) return `year ${(step / 52).toFixed(1)}`;
  return `${scenario.step_unit} ${step}`;
}

// Why a programme stopped, in a few words, from its event's detail.
export function stopReason(detail) {
  if (detail.startsWith('budget ran out')) return 'the money ran out';
  if (detail.startsWith('cut')) return 'cut to keep money for programmes funded first';
  if (detail.startsWith('this year')) return 'this year\'s money is spent';
  if (detail.startsWith('schedule ended')) return 'its schedule ended';
  return detail;
}

// Events grouped over replicates: the n-th occurrence of (event, subject)
// in each replicate is one item, placed at its earliest step.
export function groupEvents(events) {
  const items = new Map();
  const seen = new Map();
  for (const e of events) {
    const base = `${e.event}|${e.subject}|${e.replicate}`;
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    const key = `${e.event}|${e.subject}|${n}`;
    if (!items.has(key)) items.set(key, { event: e.event, subject: e.subject, steps: [], details: [], replicates: new Set() });
    const item = items.get(key);
    item.steps.push(e.step);
    item.replicates.add(e.replicate);
    if (!item.details.includes(e.detail)) item.details.push(e.detail);
  }
  for (const item of items.values()) {
    item.first = Math.min(...item.steps);
    item.last = Math.max(...item.steps);
  }
  return [...items.values()].sort((a, b) => a.first - b.first);
}

// "year 3.5–3.6, in 2 of 3 runs"
export function spanIn(scenario, replicates, item) {
  const span = item.first === item.last ? whenIn(scenario, item.first)
    : `${whenIn(scenario, item.first)}–${whenIn(scenario, item.last).replace(/^\D+/, '')}`;
  const share = item.replicates.size < replicates ? `, in ${item.replicates.size} of ${replicates} runs` : '';
  return span + share;
}

// "exchange stops" / "The budget is spent" / "Crisis (all)"
export function eventHead(item) {
  const words = EVENT_WORDS[item.event] || { text: item.event };
  return item.event === 'crisis' ? `Crisis (${item.subject})` :
    item.event === 'budget_exhausted' ? 'The budget is spent' : `${item.subject} ${words.text}`;
}

// "stopped: exchange, the money ran out (year 5.8)" for a status line; '' when nothing stopped early.
export function stoppedIn(scenario, replicates, events) {
  const stops = groupEvents(events).filter((i) => i.event === 'programme_stopped' && !i.details[0].startsWith('schedule ended'));
  if (!stops.length) return '';
  return 'stopped: ' + stops.map((i) => `${i.subject}, ${stopReason(i.details[0])} (${spanIn(scenario, replicates, i)})`).join('; ');
}
