// The workshop as a room uses it: `detente serve` on a free loopback port,
// the page in headless Chromium, a slider moved, a bad value typed, two teams
// played side by side, charts and scoreboard checked, a strategy exported,
// and a screenshot saved for a person to look at.
//
//   node workshop.test.mjs PATH/TO/detente OUTPUT_DIR
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [detente, out] = process.argv.slice(2);
if (!detente || !out) {
  console.error('usage: node workshop.test.mjs PATH/TO/detente OUTPUT_DIR');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
function check(condition, what) {
  if (condition) {
    passed += 1;
    console.log(`ok - ${what}`);
  } else {
    failed += 1;
    console.log(`not ok - ${what}`);
  }
}

let server = null;
let browser = null;
async function cleanUp() {
  if (browser) await browser.close().catch(() => {});
  if (server && server.exitCode === null) server.kill('SIGKILL');
}

// Nothing here may hang: one bound for the whole test.
const watchdog = setTimeout(async () => {
  console.log('not ok - the test did not finish within 240 s');
  await cleanUp();
  process.exit(1);
}, 240_000);

// Starts the server on a free port; resolves with the page's address.
function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(detente, ['serve', '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const timer = setTimeout(() => reject(new Error(`no address from detente serve in 30 s:\n${text}`)), 30_000);
    server.stdout.on('data', (chunk) => {
      text += chunk;
      const match = text.match(/open (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.stderr.on('data', (chunk) => process.stderr.write(chunk));
    server.on('exit', (code) => reject(new Error(`detente serve exited with ${code}:\n${text}`)));
  });
}

const teamCard = (page, team) => page.locator(`.team[data-team="${team}"]`);
const knob = (page, team, key) => teamCard(page, team).locator(`.knob[data-path="${key}"]`);

async function canvasPixels(page) {
  return page.evaluate(() => [...document.querySelectorAll('#charts canvas')].map((c) => c.toDataURL()));
}

async function main() {
  const url = await startServer();
  console.log(`# serving at ${url}`);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--headless'],
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });

  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('body[data-baseline="ready"]', { timeout: 120_000 });
  check((await page.locator('#story-text').innerText()).includes('North and South'), 'the page tells the scenario\'s story');
  check(await page.locator('.team').count() === 2, 'two teams side by side');
  check(await knob(page, 0, 'media.north_national_tv.slant').count() === 1, 'knobs come from the server\'s list');
  const help = await knob(page, 0, 'media.north_national_tv.slant').getAttribute('title');
  check(help.includes('Accepted: [-1, 1]'), 'a knob\'s help gives the range of the parameter table');

  // A bad value typed into a box gets the validator's own message.
  const box = knob(page, 0, 'media.north_national_tv.slant').locator('input.value');
  await box.fill('3');
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('.team[data-team="0"] .error').textContent.length > 0, null, { timeout: 10_000 });
  const error = await teamCard(page, 0).locator('.error').innerText();
  check(error === '--set media.north_national_tv.slant=3: media[0].slant: expected a number in [-1, 1], got "3"',
    `a bad value shows the validator's message (${error})`);
  await box.fill('-0.4');
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('.team[data-team="0"] .error').textContent === '', null, { timeout: 10_000 });
  check(true, 'putting the value back clears the error');

  // Team 2 turns both national broadcasters friendly and adds cross-border ties,
  // with the keyboard on the sliders as a person would.
  for (const key of ['media.north_national_tv.slant', 'media.south_national_tv.slant']) {
    const slider = knob(page, 1, key).locator('input[type="range"]');
    await slider.focus();
    await slider.press('End');
  }
  const ties = knob(page, 1, 'network.between.mean_degree').locator('input[type="range"]');
  await ties.focus();
  for (let i = 0; i < 20; i += 1) await ties.press('ArrowRight');
  check(await knob(page, 1, 'media.north_national_tv.slant').locator('input.value').inputValue() === '1',
    'moving a slider shows its value');
  check(await knob(page, 1, 'media.north_national_tv.slant').evaluate((e) => e.classList.contains('changed')),
    'a moved knob is marked as changed');

  const before = await canvasPixels(page);
  await page.selectOption('#speed', '4');  // a 4-second run: it streams, and is quick
  await page.click('#play-all');
  // While it runs, frames arrive and the team status counts up.
  await page.waitForFunction(() => {
    const t = window.workshop.state.teams;
    return t[0].frames.length > 5 && t[1].frames.length > 5;
  }, null, { timeout: 60_000 });
  const midway = await page.evaluate(() => window.workshop.state.teams.map((t) => t.frames.length));
  check(midway.every((n) => n > 5), `frames stream in while the teams run (${midway})`);
  await page.waitForFunction(() => window.workshop.state.teams.every((t) => t.status === 'done'), null, { timeout: 120_000 });
  const frames = await page.evaluate(() => window.workshop.state.teams.map((t) => t.frames.length));
  check(frames[0] === 131 && frames[1] === 131, `both teams ran 520 weeks, recorded every 4 (${frames})`);
  await page.waitForTimeout(300);  // the last frame drawn

  const after = await canvasPixels(page);
  const changed = after.filter((a, i) => a !== before[i]).length;
  check(changed === after.length, `every chart changed (${changed} of ${after.length})`);
  const drawn = await page.evaluate(() => window.workshop.state.charts.every((c) => c.chart.drawn > 0));
  check(drawn, 'every chart drew the teams\' lines');

  // The scoreboard: team 1 changed nothing, so with the same seed it is the
  // baseline exactly; team 2's friendlier media must gain trust.
  const rows = await page.locator('#scoreboard tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  console.log(`# scoreboard: ${JSON.stringify(rows)}`);
  check(rows.length === 3, 'the scoreboard has both teams and the baseline');
  check(rows[0][3] === '0.000' && rows[0][5] === '0.000', 'an unchanged strategy gains exactly nothing over the baseline');
  check(rows[1][3].startsWith('+') && Number(rows[1][3]) > 0.01, `friendlier media gain trust (${rows[1][3]})`);
  check(rows[1][5].startsWith('+') && Number(rows[1][5]) > 0.05, `and keep political space open (${rows[1][5]})`);
  check(rows[0][1] === '520' && rows[1][1] === '520', 'the scoreboard is at the last week');
  check(await page.locator('#scoreboard tr.best[data-team="1"]').count() === 1, 'the best strategy is marked');

  await page.evaluate(() => window.scrollTo(0, 0));
  const shot = path.join(out, 'workshop.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`# screenshot: ${shot}`);

  // Export team 2's strategy; the file is a scenario detente accepts.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    teamCard(page, 1).locator('button.export').click(),
  ]);
  const file = path.join(out, download.suggestedFilename());
  await download.saveAs(file);
  const yaml = readFileSync(file, 'utf8');
  check(download.suggestedFilename() === 'workshop-team-2.yaml', `the export is named after the team (${download.suggestedFilename()})`);
  check(/slant: 1\b/.test(yaml) && yaml.includes('Strategy of Team 2'), 'the export holds the team\'s strategy');
  const rerun = spawnSync(detente, ['check', file], { encoding: 'utf8', timeout: 30_000 });
  check(rerun.status === 0, `detente check accepts the exported scenario (exit ${rerun.status}) ${rerun.stderr || ''}`);

  check(problems.length === 0, `no errors in the page's console ${problems.join(' | ')}`);

  // Ctrl-C stops the server cleanly.
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  server.kill('SIGINT');
  const end = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 10_000))]);
  check(end !== null && end.code === 0, `the server stops on Ctrl-C (${JSON.stringify(end)})`);
}

try {
  await main();
} catch (e) {
  failed += 1;
  console.log(`not ok - ${e.stack || e}`);
}
await cleanUp();
clearTimeout(watchdog);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
