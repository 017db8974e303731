// The facilitator's page (/facilitator): every team of every workshop page
// side by side for the projector, with the room's controls — lock, reveal,
// reset — and the all-teams debrief. It joins with the facilitator code
// (`detente serve` prints a link carrying it after '#', which the browser
// never sends over HTTP); the server's messages are in sim/serve/protocol.hpp
// and sim/serve/room.hpp.
import { LineChart } from './chart.js';
import { roomDebriefHtml } from './debrief.js';
import { eventHead, groupEvents, spanIn, stoppedIn, whenIn } from './events.js';

const COLORS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#0891b2', '#be123c', '#854d0e', '#4b5563'];
const $ = (id) => document.getElementById(id);
const METRICS = new Map();  // /metric_table.json: labels

const state = {
  socket: null,
  code: (location.hash.match(/code=([^&]+)/) || [])[1] || '',
  facilitating: false,
  scenario: null,
  knobs: [],
  limits: null,
  baseline: null,  // { index: Map(series → i), frames }
  room: { locked: false, revealed: false },
  teams: new Map(),  // id → { record (the server's "team" message), frames, color }
  standings: null,
  charts: [],
  debrief: false,  // waiting for the server's YAML
};

// ---- words --------------------------------------------------------------

// A series of a run, `${metric} ${subject}`: the page names a metric only
// here, which refuses one the metric table lacks.
function series(name, subject) {
  if (METRICS.size > 0 && !METRICS.has(name)) throw new Error(`not in the metric table: ${name}`);
  return `${name} ${subject}`;
}

// A series' label from the metric table.
function metricLabel(key) {
  const name = key.split(' ')[0];
  const row = METRICS.get(name);
  return row ? row.label : name;
}

const words = (text) => text.replace(/[_.]/g, ' ');
const f3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const signed = (v) => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${v.toFixed(3)}` : '—');
const money = (v) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en') : '—');

// A name two pages share is told apart by its page, as the debrief's files are.
function displayName(record) {
  const same = [...state.teams.values()].filter((t) => t.record.name === record.name).length;
  return same > 1 ? `${record.name} (page ${record.page})` : record.name;
}

// A team's strategy in the knobs' words, as the team page shows them.
function strategyWords(record) {
  return record.strategy.map(({ path, value }) => {
    const knob = state.knobs.find((k) => k.path === path);
    if (!knob) return [path, value];
    const label = knob.entry ? `${words(knob.entry)}: ${knob.people_label || knob.label}` : (knob.people_label || knob.label);
    const time = knob.people_unit === 'time' && state.scenario.step_unit === 'week';
    const years = time ? ` (${(Number(String(value).replace(',', '.')) / 52).toFixed(1)} years)` : '';
    return [label, `${value}${knob.people_unit === 'time' ? ` ${state.scenario.step_unit}s` : ''}${years}`];
  });
}

const STATUS_WORDS = { ready: 'setting up', running: 'running', paused: 'paused', done: 'done', failed: 'stopped with an error' };
const VERDICT_WORDS = {
  better: 'more than doing nothing',
  worse: 'less than doing nothing',
  unclear: 'not told apart from doing nothing',
};

// ---- messages -------------------------------------------------------------

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) {
    state.socket.send(JSON.stringify(message));
    return true;
  }
  return false;
}

function facilitate() {
  if (!state.code) {
    $('code').hidden = false;
    $('code-input').focus();
    return;
  }
  send({ type: 'facilitate', code: state.code });
}

function onMessage(m) {
  switch (m.type) {
    case 'join_required':
      facilitate();
      break;
    case 'welcome':
      state.scenario = m.scenario;
      state.knobs = m.knobs;
      state.limits = m.limits;
      $('scenario-name').textContent = `facilitator · ${m.scenario.name}`;
      if (!state.charts.length) buildCharts();
      if (!state.facilitating) facilitate();
      break;
    case 'baseline':
      state.baseline = { index: new Map(m.series.map((s, i) => [s, i])), frames: m.frames };
      break;
    case 'facilitating':
      state.facilitating = true;
      state.teams.clear();  // the snapshot that follows is the whole room
      $('code').hidden = true;
      document.body.dataset.facilitating = 'true';
      break;
    case 'room':
      state.room = { locked: m.locked, revealed: m.revealed };
      break;
    case 'team': {
      const known = state.teams.get(m.id);
      const sameRun = known && known.record.run === m.run;
      const color = known ? known.color : COLORS[nextColor() % COLORS.length];
      state.teams.set(m.id, { record: m, frames: sameRun ? known.frames : [], color });
      break;
    }
    case 'team_frame': {
      const t = state.teams.get(m.id);
      if (!t || t.record.run !== m.run) break;
      if (m.series) t.record.series = m.series;
      t.frames.push({ step: m.step, lo: m.lo, mid: m.mid, hi: m.hi });
      if (m.events) t.record.events.push(...m.events);
      t.record.step = m.step;
      break;
    }
    case 'team_frames': {
      const t = state.teams.get(m.id);
      if (t && t.record.run === m.run) t.frames = m.frames;
      break;
    }
    case 'team_removed':
      state.teams.delete(m.id);
      break;
    case 'standings':
      state.standings = m;
      break;
    case 'debrief':
      writeDebrief(m.teams);
      break;
    case 'error':
      if (!$('code').hidden || !state.facilitating) $('code-error').textContent = m.message;
      showNotice(m.message);
      break;
    default:
      break;
  }
  render();
}

// Colours are handed out in joining order and kept while the team stays.
let colorsGiven = 0;
function nextColor() {
  return colorsGiven++;
}

// ---- drawing ---------------------------------------------------------------

function chartSeries() {
  return [
    { key: series('political_space', 'all'), subtitle: 'the smaller of the sides\' shares who trust the other', clamp: [0, 1] },
    { key: series('mean', 'all'), subtitle: 'mean over people, both sides', clamp: [0, 1] },
  ];
}

function buildCharts() {
  const box = $('charts');
  box.textContent = '';
  for (const spec of chartSeries()) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    const caption = document.createElement('figcaption');
    const title = document.createElement('strong');
    title.textContent = metricLabel(spec.key);
    const sub = document.createElement('span');
    sub.textContent = `${spec.subtitle} · every team · band: lowest to highest replicate`;
    caption.append(title, sub);
    const canvas = document.createElement('canvas');
    canvas.dataset.series = spec.key;
    figure.append(caption, canvas);
    box.append(figure);
    state.charts.push({ spec, chart: new LineChart(canvas, { steps: state.scenario.steps, stepUnit: state.scenario.step_unit, clamp: spec.clamp }) });
  }
  new ResizeObserver(() => {
    for (const c of state.charts) c.chart.dirty = true;
    render();
  }).observe(box);
}

function drawCharts() {
  for (const { spec, chart } of state.charts) {
    const teams = [...state.teams.values()].map((t) => {
      const i = (t.record.series || []).indexOf(spec.key);
      return { color: t.color, label: displayName(t.record), points: i < 0 ? [] : t.frames.map((f) => [f.step, f.lo[i], f.mid[i], f.hi[i]]) };
    });
    const b = state.baseline;
    const bi = b ? b.index.get(spec.key) : undefined;
    const baseline = b && bi !== undefined ? { points: b.frames.map((f) => [f.step, f.lo[bi], f.mid[bi], f.hi[bi]]) } : null;
    const crises = (state.scenario.markers || []).filter((m) => m.kind === 'crisis').map((m) => ({ ...m, label: '', color: '#b91c1c' }));
    chart.setData(teams, baseline, crises, teams.length ? '' : 'no team has played yet');
    chart.draw();
  }
  const legend = $('legend');
  legend.textContent = '';
  for (const t of state.teams.values()) {
    const item = document.createElement('span');
    item.className = 'key';
    item.style.setProperty('--team', t.color);
    item.textContent = displayName(t.record);
    legend.append(item);
  }
  const base = document.createElement('span');
  base.className = 'key baseline';
  base.textContent = 'baseline (doing nothing)';
  legend.append(base);
}

function outcome(record, series) {
  return (record.outcomes || []).find((o) => o.series === series) || null;
}

function latest(t, series) {
  const i = (t.record.series || []).indexOf(series);
  const f = t.frames[t.frames.length - 1];
  return i < 0 || !f ? NaN : f.mid[i];
}

function standingOf(id) {
  return state.standings ? state.standings.teams.find((s) => s.id === id) : null;
}

function teamCard(id, t) {
  const r = t.record;
  const card = document.createElement('article');
  card.className = 'team room-team';
  card.dataset.id = id;
  card.dataset.status = r.status;
  card.style.setProperty('--team', t.color);
  const head = document.createElement('div');
  head.className = 'team-head';
  const dot = document.createElement('span');
  dot.className = 'dot';
  const name = document.createElement('strong');
  name.className = 'room-team-name';
  name.textContent = displayName(r);
  const reset = document.createElement('button');
  reset.className = 'reset-team';
  reset.textContent = r.page_open ? 'Reset' : 'Forget';
  reset.title = r.page_open ? 'Clear this team\'s run (its strategy stays)' : 'Its page has closed: take it out of the room';
  reset.addEventListener('click', () => send({ type: 'reset_team', id }));
  head.append(dot, name, reset);

  const status = document.createElement('div');
  status.className = 'status';
  const unit = state.scenario.step_unit;
  const stopped = stoppedIn(state.scenario, state.limits.replicates, r.events);
  status.textContent = `${STATUS_WORDS[r.status] || r.status}${r.status === 'running' || r.status === 'paused' ? `: ${unit} ${r.step} of ${state.scenario.steps}` : ''}` +
    `${r.page_open ? '' : ' · its page has closed'}${stopped ? ` · ${stopped}` : ''}`;

  const strategy = document.createElement('ul');
  strategy.className = 'room-strategy';
  const said = strategyWords(r);
  if (!said.length) strategy.append(Object.assign(document.createElement('li'), { textContent: 'No change: the scenario as it is' }));
  for (const [label, value] of said) {
    const li = document.createElement('li');
    li.append(`${label}: `, Object.assign(document.createElement('b'), { textContent: value }));
    strategy.append(li);
  }

  const numbers = document.createElement('table');
  numbers.className = 'room-numbers';
  const row = (label, value) => {
    const tr = numbers.insertRow();
    tr.insertCell().textContent = label;
    tr.insertCell().textContent = value;
  };
  const spaceKey = series('political_space', 'all');
  const trustKey = series('mean', 'all');
  const space = outcome(r, spaceKey);
  const trust = outcome(r, trustKey);
  row(metricLabel(trustKey), trust ? `${f3(trust.mean)} (95%: ${f3(trust.ci_low)} to ${f3(trust.ci_high)})` : f3(latest(t, trustKey)));
  row(metricLabel(spaceKey), space ? `${f3(space.mean)} (95%: ${f3(space.ci_low)} to ${f3(space.ci_high)})` : f3(latest(t, spaceKey)));
  if (space && Number.isFinite(space.difference.mean)) {
    const s = standingOf(id);
    row('against doing nothing', `${signed(space.difference.mean)} (95%: ${signed(space.difference.ci_low)} to ${signed(space.difference.ci_high)})` +
      (s ? ` · ${s.place ? `place ${s.place}${s.shared ? ' (shared)' : ''}` : VERDICT_WORDS[s.verdict]}` : ''));
  }
  const spent = latest(t, series('spending', 'all'));
  const programmes = (r.spending || []).filter((p) => p.spent > 0).map((p) => `${p.programme} ${money(p.spent)}`);
  row('spent', `${Number.isFinite(spent) ? money(spent) : '0'}${programmes.length ? ` (${programmes.join(', ')})` : ''}`);

  const events = document.createElement('ul');
  events.className = 'room-events';
  for (const item of groupEvents(r.events).filter((i) => i.event !== 'crisis').slice(0, 8)) {
    const li = document.createElement('li');
    li.dataset.event = item.event;
    li.textContent = `${spanIn(state.scenario, state.limits.replicates, item)}: ${eventHead(item)}`;
    li.title = item.details.slice(0, 3).join('\n');
    events.append(li);
  }
  card.append(head, status, strategy, numbers, events);
  return card;
}

function renderRanking() {
  const box = $('ranking');
  box.textContent = '';
  const s = state.standings;
  if (!s || !s.teams.length) {
    box.textContent = 'No team has finished a run yet.';
    return;
  }
  const ranked = s.teams.filter((t) => t.place > 0).sort((a, b) => a.place - b.place);
  const list = document.createElement('ol');
  list.className = 'room-ranking';
  for (const t of ranked) {
    const o = t.outcomes.find((x) => x.series === s.ranked_by);
    const li = document.createElement('li');
    li.value = t.place;
    li.dataset.id = t.id;
    li.textContent = `${nameOf(t)}${t.shared ? ' (shares this place)' : ''}: ${signed(o.difference.mean)} (95%: ${signed(o.difference.ci_low)} to ${signed(o.difference.ci_high)})`;
    list.append(li);
  }
  if (ranked.length) box.append(list);
  const others = s.teams.filter((t) => !t.place);
  if (others.length) {
    const p = document.createElement('p');
    p.className = 'unranked';
    p.textContent = `Not ranked: ${others.map((t) => `${nameOf(t)} (${VERDICT_WORDS[t.verdict] || t.verdict})`).join(', ')}.`;
    box.append(p);
  }
}

function nameOf(standing) {
  const t = state.teams.get(standing.id);
  return t ? displayName(t.record) : standing.name;
}

let frameRequested = false;
function render() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    if (!state.scenario) return;
    const { locked, revealed } = state.room;
    document.body.dataset.locked = String(locked);
    document.body.dataset.revealed = String(revealed);
    $('lock').textContent = locked ? 'Unlock' : 'Lock';
    $('reveal').textContent = revealed ? 'Hide results' : 'Reveal results';
    $('room-state').textContent = `${locked ? 'locked' : 'open'} · results ${revealed ? 'revealed' : 'hidden'}`;
    for (const id of ['lock', 'reveal', 'reset-all', 'debrief']) $(id).disabled = !state.facilitating;
    $('room-title').textContent = `Every team (${state.teams.size})`;
    drawCharts();
    renderRanking();
    const box = $('room-teams');
    box.textContent = '';
    for (const [id, t] of state.teams) box.append(teamCard(id, t));
    $('teams-note').hidden = state.teams.size > 0;
  });
}

// ---- the debrief -------------------------------------------------------------

function writeDebrief(yamls) {
  state.debrief = false;
  const byId = new Map(yamls.map((y) => [y.id, y]));
  for (const y of yamls) download(y.filename, y.text, 'application/x-yaml');
  const s = state.standings || { teams: [], baseline: [], ranked_by: series('political_space', 'all') };
  const teams = [...state.teams.entries()].map(([id, t]) => {
    const standing = s.teams.find((x) => x.id === id) || {};
    const yaml = byId.get(id);
    return {
      name: displayName(t.record),
      color: t.color,
      status: t.record.status,
      place: standing.place || 0,
      shared: !!standing.shared,
      verdict: standing.verdict || '',
      outcomes: t.record.status === 'done' ? t.record.outcomes : [],
      strategy: strategyWords(t.record),
      spending: (t.record.spending || []).map((p) => [p.programme, p.spent]),
      events: groupEvents(t.record.events).map((i) => [spanIn(state.scenario, state.limits.replicates, i), eventHead(i), i.details[0]]),
      yaml: yaml ? yaml.text : '',
      yamlName: yaml ? yaml.filename : '',
    };
  });
  const html = roomDebriefHtml({
    scenario: state.scenario,
    replicates: state.limits.replicates,
    date: new Date().toISOString().slice(0, 10),
    rankedBy: s.ranked_by,
    label: metricLabel,
    baseline: s.baseline,
    teams,
  });
  const name = `${state.scenario.name}-debrief-all-teams.html`;
  download(name, html, 'text/html');
  showNotice(`Saved ${name} and each team's strategy as YAML (${yamls.length}).`);
}

function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function showNotice(text) {
  const n = $('notice');
  n.textContent = text;
  n.hidden = false;
  clearTimeout(showNotice.timer);
  showNotice.timer = setTimeout(() => { n.hidden = true; }, 8000);
}

// ---- connection ----------------------------------------------------------------

function connect() {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss://' : 'ws://'}${location.host}/ws`);
  state.socket = socket;
  socket.addEventListener('open', () => {
    $('connection').textContent = 'connected';
    $('connection').className = 'connection on';
  });
  socket.addEventListener('message', (event) => {
    try {
      onMessage(JSON.parse(event.data));
    } catch (e) {
      console.warn(e);
    }
  });
  socket.addEventListener('close', () => {
    state.facilitating = false;
    $('connection').textContent = 'offline: reconnecting…';
    $('connection').className = 'connection off';
    render();
    setTimeout(connect, 2000);
  });
}

function setup() {
  $('lock').addEventListener('click', () => send({ type: state.room.locked ? 'unlock' : 'lock' }));
  $('reveal').addEventListener('click', () => send({ type: state.room.revealed ? 'hide' : 'reveal' }));
  $('reset-all').addEventListener('click', () => send({ type: 'reset_all' }));
  $('debrief').addEventListener('click', () => {
    state.debrief = true;
    send({ type: 'debrief' });
  });
  $('code-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.code = $('code-input').value.trim();
    $('code-error').textContent = '';
    if (!send({ type: 'facilitate', code: state.code })) $('code-error').textContent = 'not connected yet; try again';
  });
  fetch('metric_table.json')
    .then((r) => r.json())
    .then((rows) => rows.forEach((row) => METRICS.set(row.name, row)))
    .catch(() => {})
    .finally(connect);
}

window.facilitator = { state };
setup();
