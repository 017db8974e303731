// The workshop as a room uses it: `detente serve` on a free loopback port,
// the page in headless Chromium, a slider moved, a bad value typed and a
// decimal comma, a programme switched on and tuned (and a warning for a
// cohort that cannot be filled), a team that funds all five programmes and
// sees their planned cost against the budget before Play, four teams played
// side by side, charts, the event lane, the status of the team that ran out
// of money, spending and scoreboard checked, a strategy exported, the
// debrief downloaded; then the facilitator's page: a second page's two
// teams play, the facilitator sees every team, locks the room (the page's
// Play is disabled and the server refuses a start sent anyway), reveals the
// results to the teams, resets a team and downloads the all-teams debrief;
// and a screenshot of each state saved for a person to look at.
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

// Starts the server on a free port; resolves with the page's address and
// the facilitator's link (with its code), as the server prints them.
let facilitatorLink = null;
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
      const link = text.match(/facilitator \(keep this link to yourself\): (http:\/\/127\.0\.0\.1:\d+\/facilitator#code=[A-Z0-9-]+)/);
      if (match && link) {
        facilitatorLink = link[1];
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
  check(help.includes('friendly to it') && help.includes('From -1 to 1.'), `a knob's help is in plain words, with its range (${help})`);
  // No Greek letters, formulas or doubled units anywhere a participant reads.
  const knobTexts = await page.evaluate(() => [...document.querySelectorAll('.team .knob')].map((k) => `${k.title}\n${k.querySelector('label').textContent}`).join('\n'));
  check(!/[\u0370-\u03ff]/.test(knobTexts) && !/per tie per tie|step step|←/.test(knobTexts),
    'no knob label or help holds a Greek letter, a formula arrow or a doubled unit');

  // A bad value typed into a box gets the validator's own message.
  const box = knob(page, 0, 'media.north_national_tv.slant').locator('input.value');
  await box.fill('3');
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('.team[data-team="0"] .error').textContent.length > 0, null, { timeout: 10_000 });
  const error = await teamCard(page, 0).locator('.error').innerText();
  check(error === 'north national tv: Tone toward the other side: this should be a number in [-1, 1], not "3"',
    `a bad value says what is wrong in the knob's words (${error})`);
  // A decimal comma is a number: no error, and the slider follows.
  await box.fill('-0,2');
  await box.press('Enter');
  await page.waitForFunction(() => document.querySelector('.team[data-team="0"] .error').textContent === '', null, { timeout: 10_000 });
  check(await knob(page, 0, 'media.north_national_tv.slant').locator('input[type="range"]').inputValue() === '-0.2',
    'a decimal comma is accepted (-0,2) and moves the slider');
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

  // Team 3 funds the exchange programme: off on the scenario's menu, its
  // settings hidden until a team switches it on; then a larger cohort.
  await page.click('#add-team');
  await page.waitForSelector('.team[data-team="2"]');
  const exchange = teamCard(page, 2).locator('.programme[data-entry="exchange"]');
  check(await exchange.count() === 1, 'the scenario\'s programmes are offered, one block each');
  check(await teamCard(page, 2).locator('.programme').count() >= 5, 'the whole menu of programmes is offered');
  const cohort = knob(page, 2, 'interventions.exchange.cohort');
  check(!(await cohort.isVisible()), 'a programme\'s settings stay hidden while it is off');
  check(await teamCard(page, 2).locator('.knob[data-path^="interventions.exchange.cost"]').count() === 0,
    'a programme\'s prices are not knobs');
  await knob(page, 2, 'interventions.exchange.enabled').locator('input.switch').check();
  check(await cohort.isVisible(), 'switching a programme on shows its settings');
  const cohortHelp = await cohort.getAttribute('title');
  check(cohortHelp.startsWith('How many people from each side take part in one round.'), `a programme knob's help comes from the parameter table's words for people (${cohortHelp.split('\n')[0]})`);
  check(await knob(page, 2, 'interventions.exchange.team_size').isVisible() === false,
    'advanced settings are folded away under "More settings"');
  // A cohort no group can fill: a warning, in words, before anything runs.
  const cohortBox = cohort.locator('input.value');
  await cohortBox.fill('5000');
  await cohortBox.press('Enter');
  await page.waitForFunction(() => document.querySelector('.team[data-team="2"] .warnings').textContent.includes('2000'), null, { timeout: 10_000 });
  const warning = await teamCard(page, 2).locator('.warnings').innerText();
  check(warning.includes('only 2000 people can take part') && !warning.includes('.yaml:'),
    `a programme that cannot fill its cohort is warned of (${warning.split('\n')[0]})`);
  await teamCard(page, 2).locator('.warnings').screenshot({ path: path.join(out, 'warning.png') });
  await cohortBox.fill('15');
  await cohortBox.press('Enter');
  await page.waitForFunction(() => !document.querySelector('.team[data-team="2"] .warnings').textContent.includes('2000'), null, { timeout: 10_000 });
  const cohortSlider = cohort.locator('input[type="range"]');
  await cohortSlider.focus();
  for (let i = 0; i < 5; i += 1) await cohortSlider.press('ArrowRight');
  check(await cohort.locator('input.value').inputValue() === '20', 'the programme\'s cohort slider moves (15 → 20)');
  const strategy3 = await page.evaluate(() => window.workshop.state.teams[2].strategy());
  check(JSON.stringify(strategy3) === JSON.stringify([
    { path: 'interventions.exchange.enabled', value: 'true' },
    { path: 'interventions.exchange.cohort', value: '20' },
  ]), `team 3's strategy is the switch and the slider (${JSON.stringify(strategy3)})`);

  // Team 4 funds all five programmes: before Play it sees their planned
  // cost against the budget and which the budget would cut first.
  await page.click('#add-team');
  await page.waitForSelector('.team[data-team="3"]');
  const programmes = ['exchange', 'campaign', 'curriculum', 'centres', 'journalists'];
  for (const name of programmes) await knob(page, 3, `interventions.${name}.enabled`).locator('input.switch').check();
  await page.waitForFunction(() => Number(document.querySelector('.team[data-team="3"] .cost').dataset.planned) > 4000, null, { timeout: 10_000 });
  const costText = await teamCard(page, 3).locator('.cost').innerText();
  const planned = Number(await teamCard(page, 3).locator('.cost').getAttribute('data-planned'));
  check(/Planned cost: [0-9,]+ of the budget's 4,000 — [0-9,]+ too much/.test(costText), `the planned cost is set against the budget before Play (${costText.split('\n')[0]})`);
  check(costText.includes('Cut first when the money runs short:'), 'and says which programme would be cut first');
  check(await teamCard(page, 3).locator('.cost-table tr[data-programme]').count() === 5, 'with a row per switched-on programme');
  await teamCard(page, 3).locator('.cost').screenshot({ path: path.join(out, 'cost-before-play.png') });

  const before = await canvasPixels(page);
  await page.selectOption('#speed', '4');  // a 4-second run: it streams, and is quick
  await page.click('#play-all');
  // While it runs, frames arrive and the team status counts up.
  await page.waitForFunction(() => {
    const t = window.workshop.state.teams;
    return t.every((team) => team.frames.length > 5);
  }, null, { timeout: 60_000 });
  const midway = await page.evaluate(() => window.workshop.state.teams.map((t) => t.frames.length));
  check(midway.every((n) => n > 5), `frames stream in while the teams run (${midway})`);
  await page.waitForFunction(() => window.workshop.state.teams.every((t) => t.status === 'done'), null, { timeout: 120_000 });
  const frames = await page.evaluate(() => window.workshop.state.teams.map((t) => t.frames.length));
  check(frames.length === 4 && frames.every((n) => n === 131), `every team ran 520 weeks, recorded every 4 (${frames})`);
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
  check(rows.length === 5, 'the scoreboard has the four teams and the baseline');
  check(rows[0][3] === '0.000' && rows[0][5] === '0.000', 'an unchanged strategy gains exactly nothing over the baseline');
  check(rows[1][3].startsWith('+') && Number(rows[1][3]) > 0.01, `friendlier media gain trust (${rows[1][3]})`);
  check(rows[1][5].startsWith('+') && Number(rows[1][5]) > 0.05, `and keep political space open (${rows[1][5]})`);
  check(rows.slice(0, 4).every((r) => r[1] === '520'), 'the scoreboard is at the last week');
  // Spending: only the team that funds a programme spends, within the budget.
  const spent = rows.map((r) => Number(r[7].replace(/,/g, '')));
  check(spent[2] > 0 && spent[2] <= 4000, `the exchange's team spends, within the budget of 4,000 (${rows[2][7]})`);
  check(spent[3] > 3500 && spent[3] <= 4000, `the team funding all five spends nearly all the budget, never more (${rows[3][7]})`);
  check(spent[0] === 0 && spent[1] === 0 && spent[4] === 0, `no one else spends (${rows.map((r) => r[7])})`);
  check(rows[2][3].startsWith('+') && /^[0-9,]+$/.test(rows[2][8]),
    `the exchange gains trust and has a cost per +0.01 trust (${rows[2][3]}, ${rows[2][8]})`);
  check(rows[0][8] === '—' && rows[1][8] === '—', 'a strategy that spends nothing has no cost-effectiveness');
  const best = [0, 1, 2].reduce((a, i) => (Number(rows[i][5]) > Number(rows[a][5]) ? i : a), 0);
  check(await page.locator(`#scoreboard tr.best[data-team="${best}"]`).count() === 1, `the best strategy is marked (team ${best + 1})`);

  // The spending chart: team 3's line climbs, the others stay at 0.
  const lastSpending = await page.evaluate(() => {
    const chart = window.workshop.state.charts.find((c) => c.spec.spending).chart;
    return chart.teams.map((t) => (t.points.length ? t.points[t.points.length - 1][2] : null));
  });
  check(lastSpending[2] === spent[2] || Math.abs(lastSpending[2] - spent[2]) < 1,
    `the spending chart ends where the scoreboard does (${lastSpending})`);
  check(lastSpending[0] === 0 && lastSpending[1] === 0, 'the spending chart shows the others at 0');

  // No label crosses the charts: programmes are in the event lane under them.
  const chartMarkers = await page.evaluate(() => window.workshop.state.charts.flatMap((c) => c.chart.markers));
  check(chartMarkers.every((m) => m.kind === 'crisis' && m.label === ''), `only the crisis crosses the charts, unlabelled (${chartMarkers.length})`);
  const lane = page.locator('.lane-row[data-team="2"] .ev[data-event="programme_started"][data-subject="exchange"]');
  check(await lane.count() === 1, 'the event lane shows the exchange starting in team 3\'s row');
  const left = await lane.evaluate((e) => parseFloat(e.style.left));
  check(Math.abs(left - (100 * 13) / 520) < 0.01, `at week 13 (${left}%)`);
  check((await lane.getAttribute('title')).includes('year 0.3'), 'its details (on hover) say when, in years');
  // The team that funded all five ran out of money: the lane and the status say so.
  const stops = page.locator('.lane-row[data-team="3"] .ev[data-event="programme_stopped"]');
  const stopTitles = await stops.evaluateAll((marks) => marks.map((m) => m.title));
  check(stopTitles.some((t) => t.includes('budget ran out')), `the event lane shows a programme stopped by the budget (${stopTitles.length} stops)`);
  await stops.first().click();
  check((await page.locator('#event-detail').innerText()).length > 0, 'tapping a mark shows its details');
  const status4 = await teamCard(page, 3).locator('.status').innerText();
  check(/stopped: .*the money ran out \(year \d/.test(status4), `the status says what stopped for lack of money, and when (${status4})`);
  const spentCells = await teamCard(page, 3).locator('.cost-table tr[data-programme] td:nth-child(4)').allInnerTexts();
  check(spentCells.length === 5 && spentCells.every((c) => /^[0-9,]+$/.test(c)), `spending per programme after the run (${spentCells})`);
  await page.locator('.event-lane-box').screenshot({ path: path.join(out, 'event-lane.png') });

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

  // The debrief: one click, a self-contained HTML file and each team's YAML.
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.click('#debrief');
  await page.waitForFunction(() => true);
  const deadline = Date.now() + 20_000;
  while (!downloads.some((d) => d.suggestedFilename() === 'workshop-debrief.html') && Date.now() < deadline) await page.waitForTimeout(100);
  const debrief = downloads.find((d) => d.suggestedFilename() === 'workshop-debrief.html');
  check(!!debrief, `the debrief downloads (${downloads.map((d) => d.suggestedFilename())})`);
  check(downloads.filter((d) => d.suggestedFilename().endsWith('.yaml')).length === 4, 'with each team\'s strategy as YAML');
  if (debrief) {
    const debriefFile = path.join(out, 'workshop-debrief.html');
    await debrief.saveAs(debriefFile);
    const text = readFileSync(debriefFile, 'utf8');
    check(!/<script|<link|src="http/.test(text), 'the debrief is self-contained');
    check(['Team 1', 'Team 2', 'Team 3', 'Team 4'].every((t) => text.includes(t)) && text.includes('Ranking'), 'it has every team and the ranking');
    check(text.includes('Not ranked (difference from the baseline spans zero): Team 1'), 'a team that changed nothing is not ranked');
    // Teams 3 and 4 are ranked; a team that shares its place with the one
    // above says so, and only then (which teams overlap is the model's
    // answer; the sharing rule itself is tested in standings_test.cpp).
    const places = [...text.replace(/: more political[^<]*/g, '').matchAll(/<li value="(\d+)"><b>(Team \d)<\/b>( \(shares this place)?/g)]
      .map((m) => ({ place: Number(m[1]), team: m[2], shares: !!m[3] }));
    check(['Team 3', 'Team 4'].every((t) => places.some((p) => p.team === t)) &&
          places.every((p, i) => p.shares === (i > 0 && places[i - 1].place === p.place)),
      `teams whose ranges overlap share a place in the ranking, and only they (${JSON.stringify(places)})`);
    check(text.includes('What happened') && text.includes('budget ran out'), 'and what happened, the budget running out included');
    check(text.includes('Fund this programme'), 'strategies are told in the knobs\' words');
    const view = await context.newPage();
    await view.goto(`file://${debriefFile}`);
    await view.screenshot({ path: path.join(out, 'debrief.png') });
    await view.close();
  }

  await facilitate(context, page, out, problems);
  check(problems.length === 0, `no errors in the page's console ${problems.join(' | ')}`);

  // Ctrl-C stops the server cleanly.
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
  server.kill('SIGINT');
  const end = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 10_000))]);
  check(end !== null && end.code === 0, `the server stops on Ctrl-C (${JSON.stringify(end)})`);
}

// The facilitator's page, with the four teams of `page` finished.
async function facilitate(context, page, out, problems) {
  console.log(`# facilitator: ${facilitatorLink}`);
  const f = await context.newPage();
  f.setDefaultTimeout(60_000);
  f.on('pageerror', (e) => problems.push(`facilitator: ${e}`));
  f.on('console', (m) => { if (m.type() === 'error') problems.push(`facilitator: ${m.text()}`); });
  // Without the code the page is not the facilitator's: it asks for the code.
  await f.goto(facilitatorLink.replace(/#.*/, ''));
  await f.waitForSelector('#code:not([hidden])');
  check(await f.locator('body[data-facilitating="true"]').count() === 0, 'without its code the facilitator\'s page asks for it');
  await f.goto('about:blank');
  await f.goto(facilitatorLink);
  await f.waitForSelector('body[data-facilitating="true"]');
  await f.waitForFunction(() => window.facilitator.state.teams.size === 4);
  check(true, 'with the link\'s code, the facilitator sees the four teams of the first page');

  // A second page: two teams, renamed, play.
  const second = await context.newPage();
  second.setDefaultTimeout(60_000);
  second.on('pageerror', (e) => problems.push(`second page: ${e}`));
  await second.goto(facilitatorLink.replace(/facilitator#.*/, ''));
  await second.waitForSelector('body[data-ready="true"]');
  await second.waitForSelector('body[data-baseline="ready"]');
  for (const [i, name] of [[0, 'Visitors A'], [1, 'Visitors B']]) {
    await teamCard(second, i).locator('.team-name').fill(name);
  }
  const slider = knob(second, 1, 'media.south_national_tv.slant').locator('input[type="range"]');
  await slider.focus();
  await slider.press('End');
  await second.selectOption('#speed', '0');
  await second.click('#play-all');
  await second.waitForFunction(() => window.workshop.state.teams.every((t) => t.status === 'done'), null, { timeout: 120_000 });
  await f.waitForFunction(() => [...window.facilitator.state.teams.values()].filter((t) => t.record.status === 'done').length === 6, null, { timeout: 30_000 });
  const cards = await f.locator('.room-team').evaluateAll((list) => list.map((c) => c.querySelector('.room-team-name').textContent));
  check(cards.length === 6 && cards.includes('Visitors A') && cards.includes('Visitors B') && cards.includes('Team 4'),
    `the facilitator sees every team of both pages side by side (${cards})`);
  const visitorsB = f.locator('.room-team', { hasText: 'Visitors B' });
  check((await visitorsB.locator('.room-strategy').innerText()).includes('south national tv: Tone toward the other side: 1'),
    'each team\'s strategy in the knobs\' words');
  const outcomeShown = await f.waitForFunction(() => [...document.querySelectorAll('.room-team')]
    .some((c) => c.textContent.includes('Visitors B') && /against doing nothing[+-]\d\.\d{3} \(95%: /.test(c.querySelector('.room-numbers').textContent)),
  null, { timeout: 5_000 }).then(() => true, () => false);
  check(outcomeShown, 'its outcome against doing nothing, with a 95% interval');
  const team4 = f.locator('.room-team', { hasText: 'Team 4' });
  check((await team4.locator('.status').innerText()).includes('the money ran out'), 'and what stopped for lack of money');
  check(/spent\s+[0-9,]+ \(exchange/.test(await team4.locator('.room-numbers').innerText()), 'and its spending per programme');
  check(await f.evaluate(() => window.facilitator.state.charts.every((c) => c.chart.drawn > 0)), 'the room\'s charts drew every team');

  // Lock: the pages' Play is disabled, and the server refuses a start sent anyway.
  await f.click('#lock');
  await page.waitForSelector('body[data-locked="true"]');
  check(await teamCard(page, 0).locator('button.play').isDisabled(), 'locked: a team\'s Play is disabled');
  check(await page.locator('#locked').isVisible(), 'and the page says the facilitator locked the room');
  await page.evaluate(() => window.workshop.state.socket.send(JSON.stringify({ type: 'start', team: 0, strategy: [] })));
  await page.waitForFunction(() => window.workshop.state.teams[0].error.includes('locked'));
  check(true, 'a start sent while locked is refused by the server');
  check(await page.evaluate(() => window.workshop.state.teams[0].status) === 'done', 'and the team\'s finished run stays');

  // Reveal: every page sees the room's results and the ranking.
  check(!(await second.locator('#room-results').isVisible()), 'before reveal a page sees no other team\'s results');
  await f.click('#reveal');
  await second.waitForSelector('#room-results:not([hidden])');
  const revealed = await second.locator('#room-results tbody tr').count();
  check(revealed === 6, `after reveal a page sees every team's results (${revealed} rows)`);
  const team1Row = await page.locator('#room-results tbody tr', { hasText: 'Team 1' }).innerText();
  check(team1Row.startsWith('—') && team1Row.includes('not told apart from doing nothing'), `a team that changed nothing is not ranked (${team1Row.replace(/\s+/g, ' ')})`);
  await f.waitForTimeout(300);
  await f.setViewportSize({ width: 1280, height: 1180 });
  await f.screenshot({ path: path.join(out, 'facilitator.png') });

  // Reset one team: its page is told and shows it ready; the facilitator too.
  await visitorsB.locator('button.reset-team').click();
  await second.waitForFunction(() => window.workshop.state.teams[1].status === 'ready');
  await f.waitForFunction(() => [...window.facilitator.state.teams.values()].some((t) => t.record.name === 'Visitors B' && t.record.status === 'ready'));
  check(true, 'the facilitator resets one team: its page clears the run');

  // The all-teams debrief: one file for every team, and each strategy as YAML.
  const downloads = [];
  f.on('download', (d) => downloads.push(d));
  await f.click('#debrief');
  const deadline = Date.now() + 20_000;
  while (!downloads.some((d) => d.suggestedFilename() === 'workshop-debrief-all-teams.html') && Date.now() < deadline) await f.waitForTimeout(100);
  const debrief = downloads.find((d) => d.suggestedFilename() === 'workshop-debrief-all-teams.html');
  check(!!debrief, `the all-teams debrief downloads (${downloads.map((d) => d.suggestedFilename())})`);
  check(downloads.filter((d) => d.suggestedFilename().endsWith('.yaml')).length === 6, 'with every team\'s strategy as YAML');
  if (debrief) {
    const file = path.join(out, 'workshop-debrief-all-teams.html');
    await debrief.saveAs(file);
    const text = readFileSync(file, 'utf8');
    check(!/<script|<link|src="http/.test(text), 'the all-teams debrief is self-contained');
    check(['Team 1', 'Team 2', 'Team 3', 'Team 4', 'Visitors A', 'Visitors B'].every((t) => text.includes(t)), 'it covers every team of both pages');
    check(text.includes('95% Student-t interval'), 'it says its intervals are Student-t intervals from the replicates');
    check(/Not ranked \(difference from doing nothing spans zero\): [^<]*Team 1/.test(text), 'a team that changed nothing is not ranked');
    check(text.includes('Not run to the end, so not in the table or the ranking: Visitors B'), 'the reset team is said not to have run to the end');
    check(text.includes('budget ran out') && text.includes('Tone toward the other side'), 'with what happened and each strategy in the knobs\' words');
    check(/<details><summary>The strategy as a scenario file \(workshop-visitors-a\.yaml\)/.test(text), 'and each strategy\'s YAML inside');
  }
  await f.click('#lock');  // unlock
  await page.waitForSelector('body[data-locked="false"]');
  await page.waitForFunction(() => !document.querySelector('.team[data-team="0"] button.play').disabled, null, { timeout: 5_000 });
  check(true, 'unlocked: Play is enabled again');
  await second.close();
  await f.close();
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
