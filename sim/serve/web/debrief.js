// The debrief a facilitator takes home: one self-contained HTML file (no
// scripts, no links) with each team's strategy in words, its outcomes with
// their range over the replicates, its spending per programme, what
// happened (events), and a ranking that follows the policy brief's honesty
// rule: a team is ranked only when it is better than the baseline beyond the
// noise — here, when every replicate of the team lies above every replicate
// of the baseline (their ranges do not overlap). The page has only the range
// of its own teams; the facilitator's debrief (roomDebriefHtml, below) has
// Student-t intervals from the server.

const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

function range(frame, index, key) {
  const i = index ? index.get(key) : undefined;
  if (!frame || i === undefined) return null;
  return { lo: frame.lo[i], mid: frame.mid[i], hi: frame.hi[i] };
}

const f3 = (v) => (Number.isFinite(v) ? v.toFixed(3) : '—');
const signed = (v) => (Number.isFinite(v) ? `${v > 0 ? '+' : ''}${v.toFixed(3)}` : '—');

// Whether a team's range lies wholly above (1) or below (-1) the baseline's, else 0.
function side(team, base) {
  if (!team || !base) return 0;
  if (team.lo > base.hi) return 1;
  if (team.hi < base.lo) return -1;
  return 0;
}

// `d`: { scenario, replicates, teams: [{ name, color, strategy: [[label, value]], last, index,
//        events: [[when, what, detail]], spending: [[programme, spent]] }], baseline: { last, index },
//        series(metric, subject), when(step), date }
export function debriefHtml(d) {
  const rows = [];
  const keys = { trust: d.series('mean', 'all'), space: d.series('political_space', 'all'), ties: d.series('positive_tie_share', 'all'), spent: d.series('spending', 'all') };
  const base = { trust: range(d.baseline.last, d.baseline.index, keys.trust), space: range(d.baseline.last, d.baseline.index, keys.space) };
  for (const t of d.teams) {
    const trust = range(t.last, t.index, keys.trust);
    const space = range(t.last, t.index, keys.space);
    const spent = range(t.last, t.index, keys.spent);
    rows.push({ team: t, trust, space, spent, spaceSide: side(space, base.space), trustSide: side(trust, base.trust) });
  }
  // As in the policy brief, a loss is never placed: only teams above the baseline are ranked.
  const ranked = rows.filter((r) => r.spaceSide > 0).sort((a, b) => b.space.mid - a.space.mid);
  const unranked = rows.filter((r) => r.spaceSide === 0);
  const worse = rows.filter((r) => r.spaceSide < 0);
  const cell = (r) => (r ? `${f3(r.mid)} <small>(${f3(r.lo)} to ${f3(r.hi)})</small>` : '—');
  let body = `<h1>Workshop debrief: ${escape(d.scenario.name)}</h1>
<p class="meta">${escape(d.date)} · ${d.teams.length} teams · each strategy run ${d.replicates} times (replicates) with the same chance events as the baseline, the scenario left alone.</p>
<p>${escape(d.scenario.description || '')}</p>
<h2>Outcomes at the end</h2>
<p>Mean over the replicates, with the lowest and highest replicate in brackets.</p>
<table><thead><tr><th>team</th><th>trust toward the other side</th><th>political space</th><th>gain in political space</th><th>spent</th></tr></thead><tbody>`;
  for (const r of rows) {
    body += `<tr><td style="color:${escape(r.team.color)}"><b>${escape(r.team.name)}</b></td><td>${cell(r.trust)}</td><td>${cell(r.space)}</td><td>${r.space && base.space ? signed(r.space.mid - base.space.mid) : '—'}</td><td>${r.spent ? Math.round(r.spent.mid).toLocaleString('en') : '0'}</td></tr>`;
  }
  body += `<tr class="baseline"><td>baseline</td><td>${cell(base.trust)}</td><td>${cell(base.space)}</td><td></td><td>0</td></tr></tbody></table>
<h2>Ranking</h2>
<p>By political space at the end. A team is ranked only when all its replicates end on the same side of all the baseline's: otherwise its difference from doing nothing spans zero, and no rank is given. Teams whose ranges overlap share a place.</p>`;
  if (ranked.length) {
    // Teams whose ranges overlap share a place: nothing orders them.
    let place = 0;
    let previous = null;
    const items = [];
    ranked.forEach((r, i) => {
      const tied = previous && r.space.hi >= previous.space.lo;
      if (!tied) place = i + 1;
      items.push(`<li value="${place}"><b>${escape(r.team.name)}</b>${tied ? ' (shares this place: its range overlaps the team above)' : ''}: ${r.spaceSide > 0 ? 'more' : 'less'} political space than the baseline (${signed(r.space.mid - base.space.mid)})</li>`);
      previous = tied ? { space: { lo: Math.min(previous.space.lo, r.space.lo) } } : r;
    });
    body += `<ol>${items.join('')}</ol>`;
  } else {
    body += '<p>No team is ranked.</p>';
  }
  if (unranked.length) body += `<p>Not ranked (difference from the baseline spans zero): ${unranked.map((r) => escape(r.team.name)).join(', ')}.</p>`;
  if (worse.length) body += `<p>Not ranked (less political space than the baseline): ${worse.map((r) => escape(r.team.name)).join(', ')}.</p>`;
  for (const r of rows) {
    const t = r.team;
    body += `<h2 style="color:${escape(t.color)}">${escape(t.name)}</h2><h3>Strategy</h3>`;
    body += t.strategy.length ? '<ul>' + t.strategy.map(([label, value]) => `<li>${escape(label)}: <b>${escape(value)}</b></li>`).join('') + '</ul>' : '<p>No change: the scenario as it is.</p>';
    if (t.spending.length) {
      body += '<h3>Spending</h3><table><thead><tr><th>programme</th><th>spent (mean over replicates)</th></tr></thead><tbody>' +
        t.spending.map(([name, spent]) => `<tr><td>${escape(name)}</td><td>${Number.isFinite(spent) ? Math.round(spent).toLocaleString('en') : '—'}</td></tr>`).join('') + '</tbody></table>';
    }
    if (t.events.length) {
      body += '<h3>What happened</h3><table><thead><tr><th>when</th><th>what</th><th>detail</th></tr></thead><tbody>' +
        t.events.map(([when, what, detail]) => `<tr><td>${escape(when)}</td><td>${escape(what)}</td><td>${escape(detail)}</td></tr>`).join('') + '</tbody></table>';
    }
    if (t.yaml) body += `<details><summary>The strategy as a scenario file (${escape(t.yamlName)})</summary><pre>${escape(t.yaml)}</pre></details>`;
  }
  const style = 'body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f2937}table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #e3e7ee;padding:3px 8px;text-align:left}small{color:#5b6472}.meta{color:#5b6472}tr.baseline td{color:#5b6472}pre{background:#f4f6f9;padding:8px;overflow:auto}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Workshop debrief: ${escape(d.scenario.name)}</title><style>${style}</style></head><body>${body}</body></html>`;
}

// The facilitator's debrief of the whole room: every team of every page,
// with intervals computed from the replicates by the server (standings.hpp):
// a 95% Student-t interval of the mean over replicates, and of the paired
// difference from the baseline (replicate r of a team and of the baseline
// share a seed). The ranking is the server's: a team is ranked only when its
// difference's interval lies wholly above zero, and its place is one more than
// the number of ranked teams clearly ahead of it (their interval wholly above).
//
// `d`: { scenario, replicates, date, rankedBy, label(series), baseline: [outcome],
//        teams: [{ name, color, status, place, shared, verdict, outcomes: [outcome],
//                  strategy: [[label, value]], spending: [[programme, spent]],
//                  events: [[when, what, detail]], yaml, yamlName }] }
// where an outcome is { series, mean, ci_low, ci_high, min, max, n, difference: { mean, ci_low, ci_high } }.
export function roomDebriefHtml(d) {
  const find = (outcomes, series) => (outcomes || []).find((o) => o.series === series) || null;
  const headline = [...new Set([...d.baseline.map((o) => o.series), ...d.teams.flatMap((t) => (t.outcomes || []).map((o) => o.series))])];
  const spendSeries = headline.find((s) => s.startsWith('spending ')) || null;
  const shown = headline.filter((s) => s !== spendSeries);
  const interval = (o) => (o ? `${f3(o.mean)} <small>(${f3(o.ci_low)} to ${f3(o.ci_high)})</small>` : '—');
  const diff = (o) => (o && Number.isFinite(o.difference.mean) ? `${signed(o.difference.mean)} <small>(${signed(o.difference.ci_low)} to ${signed(o.difference.ci_high)})</small>` : '—');
  const finished = d.teams.filter((t) => t.status === 'done' && t.outcomes && t.outcomes.length);
  const unfinished = d.teams.filter((t) => !finished.includes(t));
  let body = `<h1>Workshop debrief: ${escape(d.scenario.name)}, all teams</h1>
<p class="meta">${escape(d.date)} · ${d.teams.length} teams · each strategy run ${d.replicates} times (replicates) with the same chance events as the baseline, the scenario left alone.</p>
<p>${escape(d.scenario.description || '')}</p>
<h2>Outcomes at the end</h2>
<p>Mean over the replicates with, in brackets, its <b>95% Student-t interval</b> computed from the ${d.replicates} replicates (not the lowest-to-highest range). The difference from doing nothing pairs each replicate with the baseline's replicate run on the same seed, and its interval comes from those ${d.replicates} paired differences.</p>
<table><thead><tr><th>team</th>${shown.map((s) => `<th>${escape(d.label(s))}</th>`).join('')}<th>${escape(d.label(d.rankedBy))}: difference from doing nothing</th><th>spent</th></tr></thead><tbody>`;
  for (const t of finished) {
    const spent = spendSeries ? find(t.outcomes, spendSeries) : null;
    body += `<tr><td style="color:${escape(t.color)}"><b>${escape(t.name)}</b></td>${shown.map((s) => `<td>${interval(find(t.outcomes, s))}</td>`).join('')}<td>${diff(find(t.outcomes, d.rankedBy))}</td><td>${spent ? Math.round(spent.mean).toLocaleString('en') : '0'}</td></tr>`;
  }
  body += `<tr class="baseline"><td>baseline</td>${shown.map((s) => `<td>${interval(find(d.baseline, s))}</td>`).join('')}<td></td><td>0</td></tr></tbody></table>`;
  if (unfinished.length) body += `<p>Not run to the end, so not in the table or the ranking: ${unfinished.map((t) => escape(t.name)).join(', ')}.</p>`;
  body += `<h2>Ranking</h2>
<p>By ${escape(d.label(d.rankedBy).toLowerCase())} at the end. A team is ranked only when the 95% interval of its difference from doing nothing lies wholly above zero; otherwise its difference spans zero (or is a loss) and no rank is given. A ranked team's place is one more than the number of teams clearly ahead of it (their whole interval above its own), so teams that nothing orders share a place.</p>`;
  const ranked = finished.filter((t) => t.place > 0).sort((a, b) => a.place - b.place);
  if (ranked.length) {
    body += '<ol>' + ranked.map((t) => `<li value="${t.place}"><b>${escape(t.name)}</b>${t.shared ? ' (shares this place: nothing orders it against the others there)' : ''}: ${diff(find(t.outcomes, d.rankedBy))}</li>`).join('') + '</ol>';
  } else {
    body += '<p>No team is ranked.</p>';
  }
  const unclear = finished.filter((t) => t.verdict === 'unclear');
  const worse = finished.filter((t) => t.verdict === 'worse');
  if (unclear.length) body += `<p>Not ranked (difference from doing nothing spans zero): ${unclear.map((t) => escape(t.name)).join(', ')}.</p>`;
  if (worse.length) body += `<p>Not ranked (less than doing nothing): ${worse.map((t) => escape(t.name)).join(', ')}.</p>`;
  for (const t of d.teams) {
    body += `<h2 style="color:${escape(t.color)}">${escape(t.name)}</h2><h3>Strategy</h3>`;
    body += t.strategy.length ? '<ul>' + t.strategy.map(([label, value]) => `<li>${escape(label)}: <b>${escape(value)}</b></li>`).join('') + '</ul>' : '<p>No change: the scenario as it is.</p>';
    if (t.spending.length) {
      body += '<h3>Spending</h3><table><thead><tr><th>programme</th><th>spent (mean over replicates)</th></tr></thead><tbody>' +
        t.spending.map(([name, spent]) => `<tr><td>${escape(name)}</td><td>${Number.isFinite(spent) ? Math.round(spent).toLocaleString('en') : '—'}</td></tr>`).join('') + '</tbody></table>';
    }
    if (t.events.length) {
      body += '<h3>What happened</h3><table><thead><tr><th>when</th><th>what</th><th>detail</th></tr></thead><tbody>' +
        t.events.map(([when, what, detail]) => `<tr><td>${escape(when)}</td><td>${escape(what)}</td><td>${escape(detail)}</td></tr>`).join('') + '</tbody></table>';
    }
    if (t.yaml) body += `<details><summary>The strategy as a scenario file (${escape(t.yamlName)})</summary><pre>${escape(t.yaml)}</pre></details>`;
  }
  const style = 'body{font-family:system-ui,sans-serif;max-width:66rem;margin:2rem auto;padding:0 1rem;color:#1f2937}table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #e3e7ee;padding:3px 8px;text-align:left}small{color:#5b6472}.meta{color:#5b6472}tr.baseline td{color:#5b6472}pre{background:#f4f6f9;padding:8px;overflow:auto}';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Workshop debrief: ${escape(d.scenario.name)}, all teams</title><style>${style}</style></head><body>${body}</body></html>`;
}
