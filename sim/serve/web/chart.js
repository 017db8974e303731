// A small line chart on a <canvas>: lines with a band (min–max over
// replicates) per team, a dashed baseline, vertical markers for crises and
// programme starts, and axes with round ticks. No library: the page must
// work with no internet access and nothing downloaded at build time.

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const SMALL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// Round tick values covering [lo, hi], about `count` of them.
export function niceTicks(lo, hi, count = 5) {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || 10 * power;
  const first = Math.ceil(lo / step - 1e-9) * step;
  const ticks = [];
  for (let v = first; v <= hi + step * 1e-6; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { ticks, step };
}

function formatTick(v, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toFixed(Math.min(decimals, 4));
}

export class LineChart {
  // options: { title, subtitle, steps, stepUnit, clamp: [min, max] | null, format(v) }
  constructor(canvas, options) {
    this.canvas = canvas;
    this.options = options;
    this.teams = [];      // { color, label, points: [[step, lo, mid, hi], …] }
    this.baseline = null; // { points }
    this.markers = [];    // { step, kind, label, color }
    this.note = '';
    this.dirty = true;
    this.drawn = 0;       // times drawn with data (read by the browser test)
  }

  setData(teams, baseline, markers, note = '') {
    this.teams = teams;
    this.baseline = baseline;
    this.markers = markers;
    this.note = note;
    this.dirty = true;
  }

  // The y range: the data with a margin, widened to round ticks, inside clamp.
  yRange() {
    let lo = Infinity;
    let hi = -Infinity;
    const visit = (points) => {
      for (const p of points) {
        for (const v of [p[1], p[3]]) {
          if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        }
      }
    };
    for (const t of this.teams) visit(t.points);
    if (this.baseline) visit(this.baseline.points);
    if (!Number.isFinite(lo)) { lo = 0; hi = 1; }
    if (this.options.includeZero) {
      lo = Math.min(lo, 0);
      if (hi <= 0) hi = 1;  // all zero: an empty scale from 0, not around it
    }
    const span = Math.max(hi - lo, 0.02);
    lo -= span * 0.08;
    hi += span * 0.08;
    const clamp = this.options.clamp;
    if (clamp) { lo = Math.max(lo, clamp[0]); hi = Math.min(hi, clamp[1]); }
    const { ticks, step } = niceTicks(lo, hi, 4);
    lo = Math.min(lo, ticks[0]);
    hi = Math.max(hi, ticks[ticks.length - 1]);
    if (clamp) { lo = Math.max(lo, clamp[0]); hi = Math.min(hi, clamp[1]); }
    return { lo, hi, ticks: ticks.filter((t) => t >= lo - 1e-9 && t <= hi + 1e-9), step };
  }

  // Ticks along x: years when a step is a week and the run is long, else
  // steps; every other one when they would crowd.
  xTicks(width) {
    const steps = this.options.steps;
    let ticks;
    let unit;
    if (this.options.stepUnit === 'week' && steps >= 104) {
      ticks = [];
      for (let s = 0; s <= steps; s += 52) ticks.push({ at: s, label: String(s / 52) });
      unit = 'year';
    } else {
      ticks = niceTicks(0, steps, 6).ticks.map((s) => ({ at: s, label: String(s) }));
      unit = this.options.stepUnit || 'step';
    }
    const every = width / ticks.length < 26 ? 2 : 1;
    return { ticks: ticks.filter((t, i) => i % every === 0), unit };
  }

  draw() {
    const canvas = this.canvas;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);

    const pad = { left: 48, right: 14, top: 24, bottom: 34 };
    const plot = { x: pad.left, y: pad.top, w: width - pad.left - pad.right, h: height - pad.top - pad.bottom };
    const steps = this.options.steps;
    const { lo, hi, ticks, step } = this.yRange();
    const X = (s) => plot.x + (s / steps) * plot.w;
    const Y = (v) => plot.y + plot.h - ((v - lo) / (hi - lo)) * plot.h;

    // Grid and axes.
    g.font = SMALL_FONT;
    g.fillStyle = '#5b6472';
    g.strokeStyle = '#e3e7ee';
    g.lineWidth = 1;
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (const t of ticks) {
      const y = Math.round(Y(t)) + 0.5;
      g.beginPath(); g.moveTo(plot.x, y); g.lineTo(plot.x + plot.w, y); g.stroke();
      g.fillText(this.options.format ? this.options.format(t, step) : formatTick(t, step), plot.x - 6, y);
    }
    g.textAlign = 'center';
    g.textBaseline = 'top';
    const { ticks: xTicks, unit } = this.xTicks(plot.w);
    for (const t of xTicks) {
      const x = Math.round(X(t.at)) + 0.5;
      g.strokeStyle = '#eef1f5';
      g.beginPath(); g.moveTo(x, plot.y); g.lineTo(x, plot.y + plot.h); g.stroke();
      g.fillText(t.label, x, plot.y + plot.h + 6);
    }
    g.textAlign = 'right';
    g.fillText(unit, plot.x + plot.w, plot.y + plot.h + 19);
    g.strokeStyle = '#9aa3b2';
    g.beginPath();
    g.moveTo(plot.x + 0.5, plot.y); g.lineTo(plot.x + 0.5, plot.y + plot.h + 0.5); g.lineTo(plot.x + plot.w, plot.y + plot.h + 0.5);
    g.stroke();

    // Markers: crises and programme starts, labelled at the top.
    g.save();
    g.beginPath(); g.rect(plot.x, 0, plot.w, height); g.clip();
    const labelled = [];
    for (const m of this.markers) {
      if (m.step < 0 || m.step > steps) continue;
      const x = Math.round(X(m.step)) + 0.5;
      g.strokeStyle = m.color;
      g.lineWidth = m.kind === 'crisis' ? 1.5 : 1.2;
      g.setLineDash(m.kind === 'crisis' ? [5, 3] : [2, 3]);
      g.beginPath(); g.moveTo(x, plot.y); g.lineTo(x, plot.y + plot.h); g.stroke();
      g.setLineDash([]);
      if (!m.label) continue;
      // Labels that would collide with an earlier one drop a line.
      let row = 0;
      while (labelled.some((l) => l.row === row && Math.abs(l.x - x) < 90)) row += 1;
      labelled.push({ x, row });
      g.font = SMALL_FONT;
      g.fillStyle = m.color;
      g.textAlign = x > plot.x + plot.w - 80 ? 'right' : 'left';
      g.textBaseline = 'top';
      g.fillText(m.label, x + (g.textAlign === 'left' ? 4 : -4), plot.y + 3 + row * 13);
    }
    g.restore();

    // Baseline, dashed, under the teams.
    g.save();
    g.beginPath(); g.rect(plot.x, plot.y - 2, plot.w + 2, plot.h + 4); g.clip();
    if (this.baseline && this.baseline.points.length) {
      g.strokeStyle = '#6b7280';
      g.lineWidth = 1.5;
      g.setLineDash([6, 4]);
      this.path(g, this.baseline.points, X, Y, 2);
      g.stroke();
      g.setLineDash([]);
    }
    // Bands, then lines on top.
    for (const t of this.teams) {
      if (t.points.length < 2) continue;
      g.fillStyle = t.color;
      g.globalAlpha = 0.18;
      g.beginPath();
      t.points.forEach((p, i) => (i ? g.lineTo(X(p[0]), Y(p[3])) : g.moveTo(X(p[0]), Y(p[3]))));
      for (let i = t.points.length - 1; i >= 0; i -= 1) g.lineTo(X(t.points[i][0]), Y(t.points[i][1]));
      g.closePath();
      g.fill();
      g.globalAlpha = 1;
    }
    for (const t of this.teams) {
      if (!t.points.length) continue;
      g.strokeStyle = t.color;
      g.lineWidth = 2.2;
      this.path(g, t.points, X, Y, 2);
      g.stroke();
      const last = t.points[t.points.length - 1];
      if (Number.isFinite(last[2])) {
        g.fillStyle = t.color;
        g.beginPath(); g.arc(X(last[0]), Y(last[2]), 3.2, 0, Math.PI * 2); g.fill();
      }
    }
    g.restore();

    if (this.note) {
      g.font = FONT;
      g.fillStyle = '#8a93a3';
      g.textAlign = 'center';
      g.textBaseline = 'middle';
      g.fillText(this.note, plot.x + plot.w / 2, plot.y + plot.h * 0.4);
    }
    if (this.teams.some((t) => t.points.length)) this.drawn += 1;
    this.dirty = false;
  }

  path(g, points, X, Y, index) {
    g.beginPath();
    let open = false;
    for (const p of points) {
      const v = p[index];
      if (!Number.isFinite(v)) { open = false; continue; }
      if (open) g.lineTo(X(p[0]), Y(v)); else g.moveTo(X(p[0]), Y(v));
      open = true;
    }
  }
}
