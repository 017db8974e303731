// The workshop page: talks to `detente serve` over one WebSocket (messages in
// sim/serve/protocol.hpp), builds each team's knobs from the list the server
// sends (bounds, units and help come from the scenario's parameter table),
// and draws every team's run as it streams in.
import { LineChart } from './chart.js';
import { debriefHtml } from './debrief.js';
import { EVENT_WORDS, eventHead, groupEvents, spanIn, stoppedIn, whenIn } from './events.js';

const COLORS = ['#2563eb', '#ea580c', '#16a34a', '#9333ea'];

// detente's metric table (/metric_table.json, `detente metrics --json`). The
// page names a metric only through metric(), which refuses one the table
// lacks, and takes its labels from the table.
const METRICS = new Map();
function metric(name) {
  if (METRICS.size > 0 && !METRICS.has(name)) throw new Error(`not in the metric table: ${name}`);
  return name;
}
function metricLabel(name) {
  const row = METRICS.get(metric(name));
  return row ? row.label : name;
}
// A series of a run: `${metric} ${subject}`.
const series = (name, subject) => `${metric(name)} ${subject}`;
const CRISIS_COLOR = '#b91c1c';
const $ = (id) => document.getElementById(id);

const state = {
  socket: null,
  connected: false,
  joinCode: '',
  scenario: null,   // from welcome
  knobs: [],
  limits: null,
  baseline: null,   // { index: Map(series → i), frames }
  teams: [],        // Team or null, by the server's team index
  charts: [],       // { spec, chart }
  pace: 0,
  dirty: true,
  room: { locked: false, revealed: false, page: null },  // set by the facilitator
  standings: null,  // every team's results, once the facilitator reveals them
};

// ---- teams --------------------------------------------------------------

class Team {
  constructor(index) {
    this.index = index;
    this.name = `Team ${index + 1}`;
    this.color = COLORS[index % COLORS.length];
    this.values = {};        // knob path → value text, for knobs the team changed
    this.run = null;         // id of the run being shown
    this.runKey = null;      // the strategy that run was started with
    this.index_ = null;      // Map(series → i) of the run
    this.frames = [];        // { step, lo, mid, hi }
    this.markers = [];
    this.events = [];        // { replicate, step, event, subject, detail }, as they stream in
    this.plan = null;        // the planned cost of its switched-on programmes (valid message)
    this.warnings = [];      // what its strategy allows but cannot happen
    this.status = 'ready';   // ready, starting, running, paused, done
    this.error = '';
    this.validation = 0;     // timer of the pending validation
    this.element = null;
  }

  value(knob) {
    return this.path_value(knob.path) ?? knob.value;
  }

  path_value(path) {
    return Object.prototype.hasOwnProperty.call(this.values, path) ? this.values[path] : null;
  }

  // The --set overrides of this team: every knob moved away from the scenario's value.
  strategy() {
    return state.knobs
      .filter((k) => this.path_value(k.path) !== null && this.values[k.path] !== k.value)
      .map((k) => ({ path: k.path, value: this.values[k.path] }));
  }

  key() {
    return JSON.stringify(this.strategy());
  }

  clearRun() {
    this.run = null;
    this.runKey = null;
    this.index_ = null;
    this.frames = [];
    this.markers = [];
    this.events = [];
    this.status = 'ready';
  }
}

function send(message) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) {
    state.socket.send(JSON.stringify(message));
    return true;
  }
  return false;
}

function play(team) {
  const key = team.key();
  if (team.run !== null && team.runKey === key && team.status === 'paused') {
    send({ type: 'resume', team: team.index });
    team.status = 'running';
  } else if (!(team.run !== null && team.runKey === key && team.status === 'running')) {
    start(team, false);
  }
  render();
}

function start(team, paused) {
  team.error = '';
  team.status = 'starting';
  team.runKey = team.key();
  send({ type: 'start', team: team.index, name: team.name, strategy: team.strategy(), paused });
}

function pause(team) {
  if (team.status === 'running') send({ type: 'pause', team: team.index });
}

function step(team) {
  const fresh = team.run !== null && team.runKey === team.key() &&
    (team.status === 'paused' || team.status === 'running');
  if (fresh) {
    send({ type: 'step', team: team.index });
  } else {
    start(team, true);
  }
  render();
}

function reset(team) {
  send({ type: 'reset', team: team.index });
  team.clearRun();
  state.dirty = true;
  render();
}

function validateSoon(team) {
  clearTimeout(team.validation);
  team.validation = setTimeout(() => {
    send({ type: 'validate', team: team.index, name: team.name, strategy: team.strategy() });
  }, 250);
}

function addTeam() {
  const free = state.teams.findIndex((t) => !t);
  const index = free >= 0 ? free : state.teams.length;
  if (index >= state.limits.teams) return;
  const team = new Team(index);
  state.teams[index] = team;
  buildTeamCard(team);
  validateSoon(team);
  state.dirty = true;
  render();
}

function removeTeam(team) {
  send({ type: 'remove', team: team.index });
  team.element.remove();
  state.teams[team.index] = null;
  state.dirty = true;
  render();
}

function liveTeams() {
  return state.teams.filter(Boolean);
}

// ---- knobs --------------------------------------------------------------

function decimalsOf(step) {
  if (!(step > 0) || step >= 1) return 0;
  return Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}

function formatValue(knob, number) {
  if (knob.kind === 'integer') return String(Math.round(number));
  const text = number.toFixed(decimalsOf(knob.step));
  return String(Number(text));
}

// What a person reads when hovering a knob: the plain help from the
// parameter table (its technical description, with formulas, stays in the
// docs), what it accepts and the scenario's value.
function knobHelp(knob) {
  const parts = [knob.help || knob.people_label];
  if (knob.kind === 'number' || knob.kind === 'integer') parts.push(`From ${knob.min} to ${knob.max}.`);
  parts.push(`In the scenario: ${knob.value}${isTime(knob) ? ` (${inYears(knob.value)})` : ''}.`);
  return parts.join('\n');
}

// Knobs that are a time or a length of time, in the scenario's steps.
function isTime(knob) {
  return knob.people_unit === 'time';
}

// "156" weeks → "year 3.0" for a point in time, "3.0 years" for a length; '' when steps are not weeks.
function inYears(value, point = false) {
  const s = state.scenario;
  const n = Number(String(value).replace(',', '.'));
  if (s.step_unit !== 'week' || !Number.isFinite(n)) return '';
  return point ? `year ${(n / 52).toFixed(1)}` : `${(n / 52).toFixed(1)} years`;
}

function unitText(knob) {
  if (isTime(knob)) return `${state.scenario.step_unit}s`;
  return knob.people_unit || '';
}

function buildKnob(team, knob, text = knobTitle(knob)) {
  const row = document.createElement('div');
  row.className = 'knob';
  row.title = knobHelp(knob);
  row.dataset.path = knob.path;
  const label = document.createElement('label');
  label.textContent = text;
  if (unitText(knob)) {
    const unit = document.createElement('span');
    unit.className = 'unit';
    unit.textContent = unitText(knob);
    label.append(' ', unit);
  }
  row.append(label);
  if (knob.advanced) row.classList.add('advanced');
  // A time in weeks is also shown in years, as the charts are.
  const years = document.createElement('span');
  years.className = 'years';
  const showYears = () => {
    years.textContent = isTime(knob) ? inYears(team.value(knob), knob.key === 'start' || knob.key === 'end' || knob.key === 'step') : '';
  };

  const changed = () => {
    showYears();
    row.classList.toggle('changed', team.value(knob) !== knob.value);
    validateSoon(team);
    renderTeam(team);
  };

  if (knob.kind === 'boolean') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.className = 'switch';
    box.checked = team.value(knob) === 'true';
    box.addEventListener('change', () => {
      team.values[knob.path] = box.checked ? 'true' : 'false';
      changed();
    });
    row.append(box);
    row.classList.add('boolean');
  } else if (knob.kind === 'choice') {
    const select = document.createElement('select');
    for (const c of knob.choices) select.append(new Option(c, c, false, c === team.value(knob)));
    select.addEventListener('change', () => {
      team.values[knob.path] = select.value;
      changed();
    });
    row.append(select);
  } else {
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.min = knob.min;
    slider.max = knob.max;
    slider.step = knob.step;
    slider.value = team.value(knob);
    const number = document.createElement('input');
    number.type = 'text';
    number.inputMode = 'decimal';
    number.className = 'value';
    number.value = team.value(knob);
    number.setAttribute('aria-label', `${knob.label} value`);
    slider.addEventListener('input', () => {
      const text = formatValue(knob, Number(slider.value));
      team.values[knob.path] = text;
      number.value = text;
      changed();
    });
    // A typed value goes to the server as typed: the scenario validator says
    // what is wrong with it, as it would for a file.
    number.addEventListener('change', () => {
      const text = number.value.trim();
      team.values[knob.path] = text;
      // A decimal comma ("0,2") is a number too; the server reads it the same way.
      const dotted = text.replace(/^([-+]?\d*),(\d+)$/, '$1.$2');
      if (text !== '' && Number.isFinite(Number(dotted))) slider.value = dotted;
      changed();
    });
    row.append(slider, number);
  }
  showYears();
  if (isTime(knob)) row.append(years);
  return row;
}

// An entry with an `enabled` switch (a programme on the scenario's menu)
// is one block: the switch with the programme's name, type and price heads
// it, and its other knobs show only while it is on — plain ones first, then
// each sub-section (target, conditions) folded away.
function buildSection(team, box, knobs) {
  const more = fold('More settings', 'more');
  for (let i = 0; i < knobs.length;) {
    const knob = knobs[i];
    const entryKnobs = [];
    if (knob.entry) while (i + entryKnobs.length < knobs.length && knobs[i + entryKnobs.length].entry === knob.entry) entryKnobs.push(knobs[i + entryKnobs.length]);
    if (knob.entry && knob.key === 'enabled') {
      box.append(buildProgramme(team, knob, entryKnobs.slice(1)));
      i += entryKnobs.length;
    } else {
      (knob.advanced ? more : box).append(buildKnob(team, knob));
      i += 1;
    }
  }
  if (more.children.length > 1) box.append(more);
}

function words(text) {
  return text.replace(/[_.]/g, ' ');
}

function priceOf(name) {
  const p = (state.scenario.programmes || []).find((q) => q.name === name);
  if (!p) return '';
  const money = (v) => Number(v.toPrecision(3)).toLocaleString();
  const parts = [];
  if (p.cost.fixed > 0) parts.push(`${money(p.cost.fixed)} a round`);
  if (p.cost.per_participant > 0) parts.push(`${money(p.cost.per_participant)} a participant`);
  if (p.cost.per_exposure > 0) parts.push(`${money(p.cost.per_exposure * 1000)} per 1,000 reached`);
  return `${words(p.type)} · ${parts.length ? parts.join(' + ') : 'free'}`;
}

const FOLD_NAMES = { target: 'Who takes part', conditions: 'How the meetings run' };

function fold(title, name) {
  const details = document.createElement('details');
  details.className = `fold ${name}`;
  const summary = document.createElement('summary');
  summary.textContent = title;
  details.append(summary);
  return details;
}

function buildProgramme(team, toggle, knobs) {
  const block = document.createElement('div');
  block.className = 'programme';
  block.dataset.entry = toggle.entry;
  const head = buildKnob(team, toggle, toggle.entry);
  head.classList.add('programme-head');
  const price = document.createElement('span');
  price.className = 'price';
  price.textContent = priceOf(toggle.entry);
  head.querySelector('label').append(price);
  const body = document.createElement('div');
  body.className = 'programme-body';
  // The few knobs that matter first; the advanced ones (marked in the
  // parameter table) folded under "More settings", target and conditions
  // in folds of their own.
  const more = fold('More settings', 'more');
  const folds = new Map();
  for (const knob of knobs) {
    const row = buildKnob(team, knob, knob.people_label);
    const dot = knob.key.indexOf('.');
    if (dot < 0) {
      (knob.advanced ? more : body).append(row);
      continue;
    }
    const part = knob.key.slice(0, dot);
    if (!folds.has(part)) folds.set(part, fold(FOLD_NAMES[part] || words(part), part));
    folds.get(part).append(row);
  }
  for (const f of folds.values()) more.append(f);
  if (more.children.length > 1) body.append(more);
  const show = () => {
    const on = team.value(toggle) === 'true';
    body.hidden = !on;
    block.classList.toggle('on', on);
  };
  head.querySelector('input').addEventListener('change', show);
  show();
  block.append(head, body);
  return block;
}

function buildTeamCard(team) {
  const card = document.createElement('article');
  card.className = 'team';
  card.dataset.team = team.index;
  card.style.setProperty('--team', team.color);

  const head = document.createElement('div');
  head.className = 'team-head';
  const dot = document.createElement('span');
  dot.className = 'dot';
  const name = document.createElement('input');
  name.className = 'team-name';
  name.value = team.name;
  name.maxLength = 40;
  name.setAttribute('aria-label', 'team name');
  name.addEventListener('input', () => {
    team.name = name.value.trim() || `Team ${team.index + 1}`;
    validateSoon(team);  // the facilitator sees the new name
    state.dirty = true;
    render();
  });
  const remove = document.createElement('button');
  remove.className = 'remove';
  remove.title = 'Remove this team';
  remove.textContent = '×';
  remove.addEventListener('click', () => removeTeam(team));
  head.append(dot, name, remove);

  const controls = document.createElement('div');
  controls.className = 'team-controls';
  const button = (text, title, action, cls = '') => {
    const b = document.createElement('button');
    b.textContent = text;
    b.title = title;
    b.className = cls;
    b.addEventListener('click', () => action(team));
    controls.append(b);
    return b;
  };
  button('▶ Play', 'Run this strategy (restarts it if the knobs changed)', play, 'primary play');
  button('Pause', 'Pause this run', pause, 'pause');
  button('Step', 'One recorded step further', step, 'step');
  button('Reset', 'Clear this run', reset, 'reset');

  const status = document.createElement('div');
  status.className = 'status';
  const progress = document.createElement('div');
  progress.className = 'progress';
  progress.append(document.createElement('span'));
  const error = document.createElement('p');
  error.className = 'error';
  const warnings = document.createElement('ul');
  warnings.className = 'warnings';
  const cost = document.createElement('div');
  cost.className = 'cost';

  const knobs = document.createElement('div');
  knobs.className = 'knobs';
  let section = null;
  let body = null;
  const sectionKnobs = [];
  for (const knob of state.knobs) {
    if (knob.section !== section) {
      section = knob.section;
      const group = document.createElement('details');
      group.open = true;
      const summary = document.createElement('summary');
      summary.textContent = section;
      body = document.createElement('div');
      group.append(summary, body);
      knobs.append(group);
      sectionKnobs.push({ body, knobs: [] });
    }
    sectionKnobs[sectionKnobs.length - 1].knobs.push(knob);
  }
  for (const { body: box, knobs: list } of sectionKnobs) buildSection(team, box, list);

  const foot = document.createElement('div');
  foot.className = 'team-foot';
  const restore = document.createElement('button');
  restore.textContent = 'Scenario values';
  restore.title = 'Put every knob back to the scenario\'s value';
  restore.addEventListener('click', () => {
    team.values = {};
    const fresh = buildTeamCard(team);
    card.replaceWith(fresh);
    validateSoon(team);
  });
  const exportButton = document.createElement('button');
  exportButton.textContent = 'Export YAML';
  exportButton.title = 'Download this strategy as a scenario file for `detente run`';
  exportButton.className = 'export';
  exportButton.addEventListener('click', () => {
    send({ type: 'export', team: team.index, name: team.name, strategy: team.strategy() });
  });
  foot.append(restore, exportButton);

  card.append(head, controls, status, progress, error, warnings, cost, knobs, foot);
  team.element = card;
  const teams = $('teams');
  const after = [...teams.children].find((c) => Number(c.dataset.team) > team.index);
  if (!card.isConnected) teams.insertBefore(card, after || null);
  for (const row of card.querySelectorAll('.knob')) {
    const knob = state.knobs.find((k) => k.path === row.dataset.path);
    row.classList.toggle('changed', team.value(knob) !== knob.value);
  }
  renderTeam(team);
  return card;
}

// ---- messages from the server --------------------------------------------

function onMessage(m) {
  const team = Number.isInteger(m.team) ? state.teams[m.team] : null;
  switch (m.type) {
    case 'join_required':
      showJoin('');
      if (state.joinCode) send({ type: 'join', code: state.joinCode });
      break;
    case 'welcome':
      $('join').hidden = true;
      welcome(m);
      break;
    case 'baseline':
      state.baseline = { index: indexOf(m.series), frames: m.frames };
      document.body.dataset.baseline = 'ready';
      state.dirty = true;
      break;
    case 'started':
      if (!team) break;
      team.run = m.run;
      team.index_ = null;
      team.frames = [];
      team.markers = m.markers;
      team.events = [];
      team.status = team.status === 'starting' ? 'running' : team.status;
      state.dirty = true;
      break;
    case 'frame':
      if (!team || m.run !== team.run) break;
      if (m.series) team.index_ = indexOf(m.series);
      team.frames.push({ step: m.step, lo: m.lo, mid: m.mid, hi: m.hi });
      if (m.events) team.events.push(...m.events);
      state.dirty = true;
      break;
    case 'paused':
      if (team && m.run === team.run) team.status = 'paused';
      break;
    case 'done':
      if (team && m.run === team.run) {
        team.status = 'done';
        team.seconds = m.seconds;
      }
      state.dirty = true;
      break;
    case 'reset':
      if (team && m.by === 'facilitator') {
        team.clearRun();
        state.dirty = true;
        showNotice(`The facilitator reset ${team.name}'s run.`);
      }
      break;
    case 'room':
      state.room = { ...state.room, locked: m.locked, revealed: m.revealed, page: m.page ?? state.room.page };
      if (!m.revealed) state.standings = null;
      document.body.dataset.locked = String(m.locked);
      state.dirty = true;
      break;
    case 'standings':
      state.standings = m;
      state.dirty = true;
      break;
    case 'valid':
      if (team) {
        team.error = '';
        team.plan = m.plan || null;
        team.warnings = m.warnings || [];
      }
      break;
    case 'yaml':
      if (team && state.debrief) {
        team.yaml = m.text;
        team.yamlName = m.filename;
        download(m.filename, m.text, 'application/x-yaml', false);
        finishDebrief();
      } else {
        download(m.filename, m.text);
      }
      break;
    case 'error':
      if (team) {
        team.error = m.message;
        if (team.status === 'starting') team.status = team.run !== null ? 'paused' : 'ready';
      } else {
        showNotice(m.message);
        if (!$('join').hidden) $('join-error').textContent = m.message;
      }
      break;
    default:
      break;
  }
  render();
}

function indexOf(series) {
  return new Map(series.map((name, i) => [name, i]));
}

function welcome(m) {
  const first = state.scenario === null;
  state.scenario = m.scenario;
  state.knobs = m.knobs;
  state.limits = m.limits;
  const s = m.scenario;
  $('scenario-name').textContent = s.name;
  $('story-title').textContent = `Scenario: ${s.name}`;
  $('story-text').textContent = s.description || 'This scenario has no description.';
  const groups = s.groups.map((g) => `${g.name} (${g.size.toLocaleString()})`).join(', ');
  const menu = (s.programmes || []).length;
  const budget = s.budget && s.budget.total !== null && s.budget.total !== undefined
    ? ` · budget ${s.budget.total.toLocaleString()}${s.budget.per_year ? ` (at most ${s.budget.per_year.toLocaleString()} a year)` : ''}`
    : '';
  $('story-facts').textContent =
    `${groups} · ${s.steps} ${s.step_unit}s · ${m.limits.replicates} replicates per team · ` +
    `${menu ? `${menu} programmes to choose from${budget}` : `${m.knobs.length} knobs`}`;
  document.querySelector('.scoreboard th:nth-child(2)').textContent =
    s.step_unit.charAt(0).toUpperCase() + s.step_unit.slice(1);
  if (first) {
    buildCharts();
    addTeam();
    addTeam();
  } else {
    // A new connection: the server has forgotten our runs.
    for (const t of liveTeams()) t.clearRun();
  }
  setPace();
  document.body.dataset.ready = 'true';
  state.dirty = true;
}

// ---- charts and scoreboard -------------------------------------------------

function spendingSeries(index) {
  if (!index) return null;
  const name = series('spending', 'all');
  return index.has(name) ? name : null;
}

function chartSpecs(scenario) {
  const names = scenario.groups.map((g) => g.name);
  const specs = [];
  for (const g of names) {
    for (const h of names) {
      if (g !== h && specs.length < 4) {
        specs.push({
          key: series('mean', `${g}->${h}`),
          title: `Trust of ${g} toward ${h}`,
          subtitle: 'mean over people · band: lowest to highest replicate',
          clamp: [0, 1],
        });
      }
    }
  }
  specs.push({
    key: series('political_space', 'all'),
    title: metricLabel('political_space'),
    subtitle: 'the smaller of the sides\' shares who trust the other',
    clamp: [0, 1],
  });
  specs.push({
    key: series('positive_tie_share', 'all'),
    title: metricLabel('positive_tie_share'),
    subtitle: 'share of people with a positive tie across the divide',
    clamp: [0, 1],
  });
  specs.push({ key: null, spending: true, title: metricLabel('spending'), subtitle: 'cumulative, all programmes', includeZero: true });
  return specs;
}

function buildCharts() {
  const box = $('charts');
  box.textContent = '';
  state.charts = [];
  for (const spec of chartSpecs(state.scenario)) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    const caption = document.createElement('figcaption');
    const title = document.createElement('strong');
    title.textContent = spec.title;
    const sub = document.createElement('span');
    sub.textContent = spec.subtitle;
    caption.append(title, sub);
    const canvas = document.createElement('canvas');
    canvas.dataset.series = spec.key || 'spending';
    figure.append(caption, canvas);
    box.append(figure);
    const chart = new LineChart(canvas, {
      steps: state.scenario.steps,
      stepUnit: state.scenario.step_unit,
      clamp: spec.clamp || null,
      includeZero: !!spec.includeZero,
    });
    state.charts.push({ spec, chart });
  }
  new ResizeObserver(() => {
    for (const c of state.charts) c.chart.dirty = true;
    state.dirty = true;
    render();
  }).observe(box);
}

function points(frames, index, key) {
  if (!index) return [];
  if (key === null) return frames.map((f) => [f.step, 0, 0, 0]);
  const i = index.get(key);
  if (i === undefined) return [];
  return frames.map((f) => [f.step, f.lo[i], f.mid[i], f.hi[i]]);
}

function allMarkers() {
  const seen = new Map();
  const add = (m, color) => {
    // A crisis is the world's, drawn once; a programme start is a team's,
    // drawn in each colour of the teams that run it.
    const key = m.kind === 'crisis' ? `${m.kind}|${m.step}|${m.label}` : `${m.kind}|${m.step}|${m.label}|${color}`;
    if (!seen.has(key)) seen.set(key, { ...m, color: m.kind === 'crisis' ? CRISIS_COLOR : color });
  };
  for (const m of state.scenario.markers) add(m, '#6b7280');
  for (const t of liveTeams()) for (const m of t.markers) add(m, t.color);
  return [...seen.values()].sort((a, b) => a.step - b.step);
}

function drawCharts() {
  // Only crises cross the charts, unlabelled: what teams' programmes did is
  // in the event lane under the charts, so no label hides a line.
  const markers = allMarkers().filter((m) => m.kind === 'crisis').map((m) => ({ ...m, label: '' }));
  for (const { spec, chart } of state.charts) {
    const teams = liveTeams().map((t) => {
      const key = spec.spending ? spendingSeries(t.index_) : spec.key;
      return { color: t.color, label: t.name, points: points(t.frames, t.index_, key) };
    });
    const b = state.baseline;
    const baseKey = spec.spending ? spendingSeries(b && b.index) : spec.key;
    const baseline = b ? { points: points(b.frames, b.index, baseKey) } : null;
    const noSpending = spec.spending && !teams.some((t) => t.points.some((p) => p[3] > 0));
    chart.setData(teams, baseline, markers, noSpending ? 'no programme switched on in these runs' : '');
    chart.draw();
  }
  const legend = $('legend');
  legend.textContent = '';
  for (const t of liveTeams()) {
    const item = document.createElement('span');
    item.className = 'key';
    item.style.setProperty('--team', t.color);
    item.textContent = t.name;
    legend.append(item);
  }
  const base = document.createElement('span');
  base.className = 'key baseline';
  base.textContent = 'baseline (scenario left alone)';
  const crisis = document.createElement('span');
  crisis.className = 'key crisis';
  crisis.textContent = 'crisis';
  legend.append(base, crisis);

}

function valueAt(frame, index, key) {
  if (!frame || !index || key === null) return NaN;
  const i = index.get(key);
  return i === undefined ? NaN : frame.mid[i];
}

function baselineAt(step) {
  const b = state.baseline;
  if (!b) return null;
  return b.frames.find((f) => f.step === step) || null;
}

function fixed(v, digits = 3, signed = false) {
  if (!Number.isFinite(v)) return '—';
  const text = v.toFixed(digits);
  return signed && v > 0 ? `+${text}` : text;
}

function renderScoreboard() {
  const body = document.querySelector('#scoreboard tbody');
  body.textContent = '';
  const rows = [];
  for (const t of liveTeams()) {
    const last = t.frames[t.frames.length - 1];
    if (!last) continue;
    const base = baselineAt(last.step);
    const b = state.baseline;
    const spendKey = spendingSeries(t.index_);
    const trust = valueAt(last, t.index_, series('mean', 'all'));
    const space = valueAt(last, t.index_, series('political_space', 'all'));
    const gain = trust - valueAt(base, b && b.index, series('mean', 'all'));
    const spaceGain = space - valueAt(base, b && b.index, series('political_space', 'all'));
    const spending = spendKey ? valueAt(last, t.index_, spendKey) : 0;
    let cost = '—';
    if (spending > 0) cost = gain > 0 ? Math.round(spending / (gain * 100)).toLocaleString() : 'no gain';
    rows.push({
      team: t, step: last.step, spaceGain, gain,
      cells: [t.name, String(last.step), fixed(trust), fixed(gain, 3, true), fixed(space),
        fixed(spaceGain, 3, true), fixed(valueAt(last, t.index_, series('positive_tie_share', 'all'))),
        spending.toLocaleString(undefined, { maximumFractionDigits: 0 }), cost],
    });
  }
  // The best finished strategy: most political space gained, then most trust;
  // none when the leaders tie on both (to the precision shown).
  const finished = rows.filter((r) => r.team.status === 'done' && Number.isFinite(r.spaceGain));
  const score = (r) => [Math.round(r.spaceGain * 1000), Math.round(r.gain * 1000)];
  const beats = (a, b) => score(a)[0] > score(b)[0] || (score(a)[0] === score(b)[0] && score(a)[1] > score(b)[1]);
  let best = null;
  if (finished.length > 1) {
    const top = finished.reduce((a, r) => (beats(r, a) ? r : a));
    if (finished.every((r) => r === top || beats(top, r))) best = top;
  }
  for (const r of rows) {
    const tr = document.createElement('tr');
    tr.dataset.team = r.team.index;
    tr.style.setProperty('--team', r.team.color);
    if (r === best) tr.className = 'best';
    r.cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (i === 0) td.className = 'name';
      if ((i === 3 || i === 5) && text !== '—') td.className = text.startsWith('+') ? 'up' : text.startsWith('-') ? 'down' : '';
      tr.append(td);
    });
    body.append(tr);
  }
  const b = state.baseline;
  if (b && b.frames.length) {
    const last = b.frames[b.frames.length - 1];
    const tr = document.createElement('tr');
    tr.className = 'baseline-row';
    const spendKey = spendingSeries(b.index);
    const cells = ['baseline', String(last.step), fixed(valueAt(last, b.index, series('mean', 'all'))), '',
      fixed(valueAt(last, b.index, series('political_space', 'all'))), '',
      fixed(valueAt(last, b.index, series('positive_tie_share', 'all'))),
      String(spendKey ? valueAt(last, b.index, spendKey) : 0), ''];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  }
}

// ---- events, cost before Play, warnings, plain errors ------------------------

// A step in the charts' unit: years for a weekly scenario ("year 5.8"), else the step.
function when(step) {
  return whenIn(state.scenario, step);
}

function money(v) {
  return Number.isFinite(v) ? Math.round(v).toLocaleString('en') : '—';
}

function groupedEvents(team) {
  return groupEvents(team.events);
}

function spanText(item) {
  return spanIn(state.scenario, state.limits.replicates, item);
}

// "stopped: exchange, the money ran out (year 5.8)" for the status line.
function stoppedSummary(team) {
  return stoppedIn(state.scenario, state.limits.replicates, team.events);
}

function eventTitle(item, teamName) {
  const head = eventHead(item);
  return `${teamName ? `${teamName}: ` : ''}${head}, ${spanText(item)}\n${item.details.slice(0, 3).join('\n')}`;
}

function renderEventLane() {
  const lane = $('event-lane');
  lane.textContent = '';
  const steps = state.scenario.steps;
  const rows = [];
  // The world's row: crises, as the scenario schedules them.
  const crises = state.scenario.markers.filter((m) => m.kind === 'crisis')
    .map((m) => ({ event: 'crisis', subject: 'all', first: m.step, last: m.step, steps: [m.step], details: [m.label], replicates: new Set([0]) }));
  rows.push({ name: 'world', color: CRISIS_COLOR, items: crises });
  for (const t of liveTeams()) rows.push({ name: t.name, color: t.color, items: groupedEvents(t).filter((i) => i.event !== 'crisis'), team: t });
  for (const row of rows) {
    const div = document.createElement('div');
    div.className = 'lane-row';
    if (row.team) div.dataset.team = row.team.index;
    div.style.setProperty('--team', row.color);
    const name = document.createElement('span');
    name.className = 'lane-name';
    name.textContent = row.name;
    const track = document.createElement('div');
    track.className = 'lane-track';
    for (const item of row.items) {
      const mark = document.createElement('button');
      mark.type = 'button';
      mark.className = `ev ${item.event}`;
      mark.dataset.event = item.event;
      mark.dataset.subject = item.subject;
      mark.style.left = `${(100 * item.first) / steps}%`;
      if (item.last > item.first) mark.style.width = `calc(${(100 * (item.last - item.first)) / steps}% + 12px)`;
      mark.textContent = (EVENT_WORDS[item.event] || { icon: '•' }).icon;
      mark.title = eventTitle(item, row.team ? row.team.name : '');
      mark.setAttribute('aria-label', mark.title.split('\n')[0]);
      mark.addEventListener('click', () => {
        $('event-detail').textContent = mark.title;
        $('event-detail').hidden = false;
      });
      track.append(mark);
    }
    div.append(name, track);
    lane.append(div);
  }
}

function renderWarnings(team, list) {
  list.textContent = '';
  for (const w of team.warnings) {
    const li = document.createElement('li');
    li.textContent = plainError(w);
    list.append(li);
  }
}

// Before Play: what the switched-on programmes would cost against the
// budget and which the budget would cut first; after a run, what each spent.
function renderCost(team, box) {
  box.textContent = '';
  const plan = team.plan;
  if (!plan || !plan.programmes.length) {
    box.dataset.planned = '0';
    if (plan) box.textContent = 'No programme switched on: this strategy spends nothing.';
    return;
  }
  box.dataset.planned = String(Math.round(plan.planned_total));
  const head = document.createElement('p');
  head.className = 'cost-head';
  const budget = plan.budget;
  const over = budget !== null && plan.planned_total > budget;
  head.textContent = `Planned cost: ${money(plan.planned_total)}` +
    (budget !== null ? ` of the budget's ${money(budget)}` + (over ? ` — ${money(plan.planned_total - budget)} too much` : ' — it fits') : '');
  box.classList.toggle('over', over);
  box.append(head);
  const cuts = plan.programmes.filter((p) => p.stops_at !== null).sort((a, b) => a.cut_rank - b.cut_rank);
  if (cuts.length) {
    const p = document.createElement('p');
    p.className = 'cut-first';
    p.textContent = 'Cut first when the money runs short: ' +
      cuts.map((c) => `${c.name} (around ${when(c.stops_at)})`).join(', then ');
    box.append(p);
  }
  const table = document.createElement('table');
  table.className = 'cost-table';
  const spent = spendingByProgramme(team);
  const headRow = table.insertRow();
  for (const h of ['programme', 'planned', 'paid as planned', spent ? 'spent' : null]) {
    if (h === null) continue;
    const th = document.createElement('th');
    th.textContent = h;
    headRow.append(th);
  }
  for (const p of plan.programmes) {
    const row = table.insertRow();
    row.dataset.programme = p.name;
    const cells = [p.name + (p.triggered ? ' (if its trigger fires)' : ''), money(p.planned_cost), money(p.funded_cost)];
    if (spent) cells.push(money(spent.get(p.name)));
    for (const text of cells) row.insertCell().textContent = text;
  }
  box.append(table);
}

// Per programme, the mean over replicates of what it spent by the latest frame.
function spendingByProgramme(team) {
  const last = team.frames[team.frames.length - 1];
  if (!last || !team.index_ || !team.plan) return null;
  const out = new Map();
  for (const p of team.plan.programmes) out.set(p.name, valueAt(last, team.index_, series('spending', p.name)));
  return out;
}

// A message from the validator in a participant's words: without the file
// location, the key path turned into the knob's label, "expected X, got Y"
// turned into what to type.
function plainError(message) {
  let text = message.replace(/^--set [^:]*?=[^:]*: /, '').replace(/^[^\s:]+\.ya?ml:\d+:\d+: /, '');
  text = text.replace(/^([\w.]+)\[(\d+)\]\.([\w.]+): /, (all, list, index, key) => {
    const entry = entryNames(list)[Number(index)];
    const knob = state.knobs.find((k) => k.path === `${list}.${entry}.${key}`);
    if (knob) return `${knobTitle(knob)}: `;
    return entry !== undefined ? `${words(entry)}: ` : `${key.replace(/[_.]/g, ' ')}: `;
  });
  text = text.replace(/^([a-z_]+(?:\.[a-z_]+)+): /, (all, path) => {
    const knob = state.knobs.find((k) => k.path === path);
    return knob ? `${knobTitle(knob)}: ` : all;
  });
  text = text.replace(/expected (.+?), got "?([^";]*)"?(;|$)/, (all, what, got, end) => `this should be ${what}, not "${got}"${end}`);
  return text;
}

// The names of a list's entries in the scenario's order: the programmes from
// the welcome, others from the knobs (expanded in list order).
function entryNames(list) {
  if (list === 'interventions') return (state.scenario.programmes || []).map((p) => p.name);
  const names = [];
  for (const k of state.knobs) {
    if (!k.path.startsWith(`${list}.`)) continue;
    const name = k.path.slice(list.length + 1).split('.')[0];
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function knobTitle(knob) {
  return knob.entry ? `${words(knob.entry)}: ${knob.people_label || knob.label}` : (knob.people_label || knob.label);
}

function renderTeam(team) {
  const card = team.element;
  if (!card) return;
  const steps = state.scenario.steps;
  const last = team.frames[team.frames.length - 1];
  const at = last ? last.step : 0;
  const unit = state.scenario.step_unit;
  const changed = team.run !== null && team.runKey !== team.key();
  const words = {
    ready: 'ready: set the knobs and press play',
    starting: 'starting…',
    running: `running: ${unit} ${at} of ${steps}`,
    paused: `paused at ${unit} ${at} of ${steps}`,
    done: `done: ${steps} ${unit}s${team.seconds ? ` in ${team.seconds.toFixed(1)} s` : ''}`,
  };
  const status = card.querySelector('.status');
  const stopped = team.status === 'ready' || team.status === 'starting' ? '' : stoppedSummary(team);
  status.textContent = words[team.status] + (stopped ? ` · ${stopped}` : '') +
    (changed ? ' · knobs changed: play restarts' : '');
  renderWarnings(team, card.querySelector('.warnings'));
  renderCost(team, card.querySelector('.cost'));
  card.dataset.status = team.status;
  card.dataset.frames = team.frames.length;
  card.querySelector('.progress span').style.width = `${(100 * at) / steps}%`;
  card.querySelector('.error').textContent = team.error ? plainError(team.error) : '';
  card.classList.toggle('has-error', !!team.error);
  // Locked by the facilitator: the strategy and its run stay as they are.
  for (const control of card.querySelectorAll('.team-controls button, .knobs input, .knobs select, .team-name, .remove, .team-foot button:not(.export)')) {
    control.disabled = state.room.locked;
  }
  card.querySelector('.remove').hidden = liveTeams().length <= 1;
}

let frameRequested = false;
function render() {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    if (!state.scenario) return;
    for (const t of liveTeams()) renderTeam(t);
    $('add-team').hidden = liveTeams().length >= state.limits.teams;
    $('locked').hidden = !state.room.locked;
    for (const id of ['play-all', 'pause-all', 'step-all', 'reset-all', 'add-team']) $(id).disabled = state.room.locked;
    if (state.dirty) {
      state.dirty = false;
      drawCharts();
      renderEventLane();
      renderScoreboard();
      renderRoomResults();
    }
  });
}

// ---- the room's results, once revealed ---------------------------------------

// Every team of the room (all pages), as the facilitator revealed them: where
// each ended against the baseline, with its 95% interval, and its place.
function renderRoomResults() {
  const box = $('room-results');
  const s = state.standings;
  box.hidden = !(state.room.revealed && s);
  if (box.hidden) return;
  const body = box.querySelector('tbody');
  body.textContent = '';
  const ranked = s.teams.slice().sort((a, b) => (a.place || 99) - (b.place || 99));
  for (const t of ranked) {
    const space = t.outcomes.find((o) => o.series === s.ranked_by);
    const tr = body.insertRow();
    tr.dataset.page = t.page;
    if (t.page === state.room.page) tr.className = 'mine';
    const d = space ? space.difference : null;
    const cells = [
      t.place ? `${t.place}${t.shared ? ' (shared)' : ''}` : '—',
      t.name + (t.page === state.room.page ? ' (this page)' : ''),
      space ? fixed(space.mean) : '—',
      d ? `${fixed(d.mean, 3, true)} (${fixed(d.ci_low, 3, true)} to ${fixed(d.ci_high, 3, true)})` : '—',
      VERDICT_WORDS[t.verdict] || t.verdict,
    ];
    for (const text of cells) tr.insertCell().textContent = text;
  }
}

const VERDICT_WORDS = {
  better: 'more than doing nothing',
  worse: 'less than doing nothing',
  unclear: 'not told apart from doing nothing',
};

// ---- the debrief -------------------------------------------------------------

// One click: each team's strategy as YAML (downloaded, and kept in the
// debrief), then the debrief itself as one self-contained HTML file.
function startDebrief() {
  const teams = liveTeams();
  state.debrief = { waiting: new Set(teams.map((t) => t.index)) };
  for (const t of teams) {
    t.yaml = null;
    send({ type: 'export', team: t.index, name: t.name, strategy: t.strategy() });
  }
}

function finishDebrief() {
  const d = state.debrief;
  if (!d) return;
  for (const t of liveTeams()) if (t.yaml) d.waiting.delete(t.index);
  if (d.waiting.size) return;
  state.debrief = null;
  const b = state.baseline || { frames: [], index: null };
  const text = debriefHtml({
    scenario: state.scenario,
    replicates: state.limits.replicates,
    date: new Date().toISOString().slice(0, 10),
    series,
    when,
    baseline: { last: b.frames[b.frames.length - 1], index: b.index },
    teams: liveTeams().map((t) => {
      const spent = spendingByProgramme(t);
      return {
        name: t.name,
        color: t.color,
        last: t.frames[t.frames.length - 1],
        index: t.index_,
        yaml: t.yaml,
        yamlName: t.yamlName,
        strategy: t.strategy().map((s) => {
          const knob = state.knobs.find((k) => k.path === s.path);
          const years = isTime(knob) ? inYears(s.value, knob.key === 'start' || knob.key === 'end' || knob.key === 'step') : '';
          return [knobTitle(knob), `${s.value}${isTime(knob) ? ` ${state.scenario.step_unit}s` : ''}${years ? ` (${years})` : ''}`];
        }),
        spending: spent ? [...spent.entries()].filter(([name]) => (t.plan ? t.plan.programmes.some((p) => p.name === name) : true)) : [],
        events: groupedEvents(t).map((i) => [spanText(i), eventTitle(i, '').split('\n')[0], i.details[0]]),
      };
    }),
  });
  download(`${state.scenario.name}-debrief.html`, text, 'text/html', false);
  showNotice(`Saved ${state.scenario.name}-debrief.html and each team's strategy as YAML.`);
}

// ---- connection, join code, notices ------------------------------------------

function showNotice(text) {
  const n = $('notice');
  n.textContent = text;
  n.hidden = false;
  clearTimeout(showNotice.timer);
  showNotice.timer = setTimeout(() => { n.hidden = true; }, 8000);
}

function showJoin(error) {
  $('join').hidden = false;
  $('join-error').textContent = error;
  $('join-code').focus();
}

function download(filename, text, type = 'application/x-yaml', notice = true) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  if (notice) showNotice(`Saved ${filename}: rerun it with  detente run ${filename} --replicates ${state.limits.replicates}  and report it with  detente report results/${filename.replace(/\.yaml$/, '')}`);
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const socket = new WebSocket(`${scheme}${location.host}/ws`);
  state.socket = socket;
  $('connection').textContent = 'connecting…';
  socket.addEventListener('open', () => {
    state.connected = true;
    $('connection').textContent = 'connected';
    $('connection').className = 'connection on';
  });
  socket.addEventListener('message', (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    onMessage(message);
  });
  socket.addEventListener('close', (event) => {
    if (event.code === 1009) showNotice('The last message was larger than the server accepts; reconnecting.');
    state.connected = false;
    $('connection').textContent = 'offline: reconnecting…';
    $('connection').className = 'connection off';
    for (const t of liveTeams()) if (t.status !== 'done') t.status = t.run !== null ? 'paused' : 'ready';
    render();
    setTimeout(connect, 2000);
  });
}

// The speed is chosen as seconds for a whole run; the server takes steps a second.
function setPace() {
  const seconds = Number($('speed').value);
  state.pace = seconds > 0 && state.scenario ? state.scenario.steps / seconds : 0;
  send({ type: 'pace', steps_per_second: state.pace });
}

function setup() {
  $('play-all').addEventListener('click', () => liveTeams().forEach(play));
  $('pause-all').addEventListener('click', () => liveTeams().forEach(pause));
  $('step-all').addEventListener('click', () => liveTeams().forEach(step));
  $('reset-all').addEventListener('click', () => liveTeams().forEach(reset));
  $('add-team').addEventListener('click', addTeam);
  $('debrief').addEventListener('click', startDebrief);
  $('speed').addEventListener('change', setPace);
  $('join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    state.joinCode = $('join-code').value.trim();
    $('join-error').textContent = '';
    if (!send({ type: 'join', code: state.joinCode })) $('join-error').textContent = 'not connected yet; try again';
  });
  // The labels first, so the charts the welcome message builds can use them.
  fetch('metric_table.json')
    .then((response) => response.json())
    .then((rows) => rows.forEach((row) => METRICS.set(row.name, row)))
    .catch(() => {})  // the page still works with the metrics' own names
    .finally(connect);
}

// For the browser test and for curious trainers: the page's state.
window.workshop = { state, play, pause, step, reset };
setup();
