// The web export in a real browser: Debian's Chromium, headless, driven by
// puppeteer-core. The folder is served on a loopback port; the single file is
// opened from disk. Every check is printed; any failure exits 1.
//
// usage: node browser_test.mjs FACTDB SEED MODULES [--screenshot FILE] [--load-time]
//   MODULES: the folder holding node_modules/puppeteer-core (the build tree's)
//   --screenshot FILE: also writes a picture of the page (for docs/)
//   --load-time: only measures how long the seed's page takes to answer, and prints it
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

const args = process.argv.slice(2);
const option = (name) => { const at = args.indexOf(name); return at >= 0 ? args.splice(at, 2)[1] : undefined; };
const flag = (name) => { const at = args.indexOf(name); if (at >= 0) args.splice(at, 1); return at >= 0; };
const screenshot = option('--screenshot');
const loadTimeOnly = flag('--load-time');
const [factdbArg, seed, modules] = args;
const factdb = factdbArg && path.resolve(factdbArg);
if (!modules) { console.error('usage: node browser_test.mjs FACTDB SEED MODULES [--screenshot FILE] [--load-time]'); process.exit(2); }
const puppeteer = createRequire(path.join(path.resolve(modules), 'package.json'))('puppeteer-core');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factdb-web-'));
const failures = [];
function check(what, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || !detail ? '' : `: ${detail}`}`);
  if (!ok) failures.push(what);
}
const run = (...a) => execFileSync(factdb, a, { cwd: work, encoding: 'utf8', maxBuffer: 64 << 20 });

run('build', '--seed', path.resolve(seed), '-o', 'facts.db', '-q');
run('export', '--format', 'web', '-o', 'site', '-q');
run('export', '--format', 'html', '-o', 'page.html');

// The folder, database aside, stays small.
const site = path.join(work, 'site');
const sizes = Object.fromEntries(fs.readdirSync(site).map((f) => [f, fs.statSync(path.join(site, f)).size]));
const folderBytes = Object.entries(sizes).filter(([f]) => f !== 'facts.db').reduce((sum, [, n]) => sum + n, 0);

// A static server on a loopback port, as python3 -m http.server would be.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
                '.wasm': 'application/wasm', '.json': 'application/json', '.db': 'application/octet-stream' };
const server = http.createServer((req, res) => {
  const file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html');
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});

// A page that records every request leaving what it was opened from.
async function open(url, allowed) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const escaped = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    const u = r.url();
    if (allowed(u) || u.startsWith('data:') || u.startsWith('blob:')) r.continue();
    else { escaped.push(u); r.abort(); }
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('html[data-ready-ms], html[data-failed]', { timeout: 30000 });
  return { page, escaped, errors };
}

const readyMs = (page) => page.evaluate(() => Number(document.documentElement.dataset.readyMs));
const shownRows = (page) => page.$$eval('#result tbody tr', (rows) => rows.map((tr) =>
  [...tr.querySelectorAll('td[data-value]')].map((td) => JSON.parse(td.dataset.value))));

async function answer(page, name) {
  const before = await page.$eval('#status', (s) => s.textContent);
  await page.select('#query-select', name);
  await page.click('#query-form button[type="submit"]');
  await page.waitForFunction((b) => document.getElementById('status').textContent !== b, {}, before);
}

if (loadTimeOnly) {
  const times = [];
  for (let i = 0; i < 5; ++i) {
    const { page } = await open(`${origin}/index.html`, (u) => u.startsWith(origin));
    times.push(await readyMs(page));
    await page.close();
  }
  times.sort((a, b) => a - b);
  console.log(`web_load_ms ${times[2]}`);
  console.log(`web_folder_bytes ${folderBytes}`);
} else {
  // ---- the folder, served ----
  const { page, escaped, errors } = await open(`${origin}/index.html`, (u) => u.startsWith(origin));
  const loaded = await readyMs(page);
  check('the page opens and answers', Number.isFinite(loaded), (await page.$eval('#status', (s) => s.textContent)));
  check('the stand-ins are on screen when the page opens',
        (await page.$eval('#result', (r) => r.textContent)).includes('Shehbaz Sharif') &&
        (await page.$eval('#result', (r) => r.textContent)).includes('Mohammad Mokhbar'));
  // Timed, not judged: a shared machine is noisy; make bench reports the median of five loads.
  console.log(`info answered ${loaded} ms after the page began to load`);
  check(`the folder, database aside, under 2 MB (${folderBytes} bytes)`, folderBytes < 2_000_000, JSON.stringify(sizes));

  // Sharif's evidence: the words the fact rests on, lit up in the article.
  const rows = await page.$$('#result tbody tr');
  let opened = false;
  for (const row of rows) {
    if (!(await row.evaluate((tr) => tr.textContent.includes('Shehbaz Sharif')))) continue;
    await (await row.$('button')).click();
    opened = true;
    break;
  }
  check('a row has an evidence button', opened);
  await page.waitForSelector('#evidence:not([hidden]) mark', { timeout: 5000 }).catch(() => {});
  const marks = await page.$$eval('#article-text mark', (m) => m.map((x) => x.textContent));
  check('Sharif\'s evidence highlights "Prime Minister Shehbaz Sharif of Pakistan" in the article',
        marks.includes('Prime Minister Shehbaz Sharif of Pakistan'), JSON.stringify(marks));
  const annotations = await page.$$eval('#evidence-list .annotation', (a) => a.map((x) => x.textContent));
  check('annotations are marked as such, with their source', annotations.some((a) => a.includes('Wikidata')), JSON.stringify(annotations));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.keyboard.press('Escape');

  // Search.
  await page.type('#search-input', 'Kashmir');
  await page.click('#search-form button');
  await page.waitForSelector('#result .results-list', { timeout: 5000 }).catch(() => {});
  const found = await page.$$eval('#result .results-list li', (l) => l.map((x) => x.textContent));
  check('a search for Kashmir finds the passage', found.some((t) => t.startsWith('passage') && t.includes('Kashmir conflict between India and Pakistan')),
        JSON.stringify(found));
  const open_ = await page.$('#result .results-list li button');
  if (open_) {
    await open_.click();
    await page.waitForSelector('#evidence:not([hidden]) mark', { timeout: 5000 }).catch(() => {});
    const passage = await page.$$eval('#article-text mark', (m) => m.map((x) => x.textContent).join(''));
    check('the search result leads to its passage, highlighted', passage.includes('Kashmir'), passage.slice(0, 80));
    await page.keyboard.press('Escape');
  }

  // The SQL box reads, and refuses to write.
  await page.evaluate(() => { document.getElementById('sql-box').open = true; });
  const sql = async (text) => {
    const before = await page.$eval('#status', (s) => s.textContent);
    await page.$eval('#sql-input', (t, v) => { t.value = v; }, text);
    await page.click('#sql-form button');
    await page.waitForFunction((b) => document.getElementById('status').textContent !== b, {}, before).catch(() => {});
    return page.$eval('#status', (s) => ({ text: s.textContent, error: s.classList.contains('error') }));
  };
  const insert = await sql("INSERT INTO metadata (key, value) VALUES ('x', 'y')");
  check('an INSERT in the SQL box is refused with a message', insert.error && /read-only/.test(insert.text), insert.text);
  await sql("SELECT count(*) AS n FROM metadata WHERE key = 'x'");
  check('and nothing was written', isDeepStrictEqual(await shownRows(page), [[0]]), JSON.stringify(await shownRows(page)));

  // Every canned query that needs no value: the rows the page shows are factdb's.
  const queries = JSON.parse(run('queries', '-f', 'json'));
  let compared = 0;
  for (const q of queries) {
    if (/required/.test(q.parameters || '')) continue;
    await answer(page, q.name);
    const cli = JSON.parse(run('query', q.name, '-f', 'json'));
    const expected = cli.map((row) => Object.values(row));
    const shown = await shownRows(page);
    check(`${q.name}: the page shows factdb query ${q.name}'s ${expected.length} rows`, isDeepStrictEqual(shown, expected),
          `page ${JSON.stringify(shown).slice(0, 300)}\n     cli  ${JSON.stringify(expected).slice(0, 300)}`);
    ++compared;
  }
  check(`every parameterless canned query compared (${compared})`, compared >= 20);

  // The keyboard alone reaches the questions, and Enter answers.
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('html[data-ready-ms]');
  let reached = false;
  for (let i = 0; i < 10 && !reached; ++i) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'query-select');
  }
  check('the keyboard reaches the question list', reached);

  // Phone width: nothing wider than the screen but the tables, which scroll in place.
  await page.setViewport({ width: 375, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  check(`at phone width the page fits (${overflow} px of 375)`, overflow <= 376, `${overflow}`);
  check('no request left the folder', escaped.length === 0, escaped.join(', '));
  check('no script error', errors.length === 0, errors.join('; '));
  await page.close();

  // ---- the single file, opened from disk ----
  const file = `file://${path.join(work, 'page.html')}`;
  const single = await open(file, (u) => u === file);
  check('the single file opens from disk and answers', (await single.page.$eval('#result', (r) => r.textContent)).includes('Shehbaz Sharif'),
        await single.page.$eval('#status', (s) => s.textContent));
  await single.page.type('#search-input', 'Kashmir');
  await single.page.click('#search-form button');
  await single.page.waitForSelector('#result .results-list', { timeout: 5000 }).catch(() => {});
  check('the single file searches', (await single.page.$eval('#result', (r) => r.textContent)).includes('Kashmir'));
  check('the single file asks nothing of anyone', single.escaped.length === 0, single.escaped.join(', '));
  check('the single file runs without a script error', single.errors.length === 0, single.errors.join('; '));
  console.log(`web_load_ms ${loaded}`);
  console.log(`web_folder_bytes ${folderBytes}`);
}

await browser.close();
server.close();
fs.rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
