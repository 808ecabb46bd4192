// factdb's page: the canned queries of a factdb database, run in the browser
// by SQLite compiled to WebAssembly, each answer's evidence highlighted in its
// article. Everything the page shows from the database is set as text, never
// as HTML: the file may come from anyone.
const $ = (id) => document.getElementById(id);

// An element with attributes and children (strings become text nodes).
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function base64Bytes(text) {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; ++i) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function setStatus(text, error = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', error);
}

const info = JSON.parse($('factdb-info')?.textContent || '{}');

// SQLite's module: beside the page, or (in the single-file page) already
// defined by the script before this one.
async function sqlite3Module() {
  if (globalThis.factdbSqlite3InitModule) return globalThis.factdbSqlite3InitModule;
  return (await import('./sqlite3.mjs')).default;
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot read ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

// The database, opened read-only in memory: a write is refused by SQLite
// itself. SQLite's module, its WebAssembly and the database are fetched at
// once (the page preloads them), or read from the page itself when it is the
// single-file export.
async function openDatabase() {
  const inlineWasm = $('factdb-wasm');
  const inlineDb = $('factdb-db');
  const [sqlite3InitModule, wasmBinary, bytes] = await Promise.all([
    sqlite3Module(),
    inlineWasm ? base64Bytes(inlineWasm.textContent) : fetchBytes('sqlite3.wasm'),
    inlineDb ? base64Bytes(inlineDb.textContent) : fetchBytes(info.database || 'facts.db'),
  ]);
  const sqlite3 = await sqlite3InitModule({ wasmBinary });
  const db = new sqlite3.oo1.DB();
  const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
  const { capi } = sqlite3;
  const rc = capi.sqlite3_deserialize(db.pointer, 'main', pointer, bytes.length, bytes.length,
                                      capi.SQLITE_DESERIALIZE_READONLY | capi.SQLITE_DESERIALIZE_FREEONCLOSE);
  db.checkRc(rc);
  return db;
}

// Every row of `sql`, as arrays, with the column names.
function select(db, sql, bind) {
  const rows = [];
  const columns = [];
  db.exec({ sql, bind, rowMode: 'array', resultRows: rows, columnNames: columns });
  return { columns, rows: rows.map((row) => row.map(plain)) };
}

// A BigInt (SQLite's 64-bit integers) as a number when it is exact, else as text.
function plain(value) {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  return value;
}

// A cell as factdb's JSON output types it: a list column (fact_ids,
// *_ids) holding a JSON array is that array.
function typed(column, value) {
  if (typeof value === 'string' && /_ids$/.test(column) && value.startsWith('[')) {
    try { return JSON.parse(value); } catch { return value; }
  }
  return value;
}

// The value given for a parameter, converted to its declared type as factdb does.
function paramValue(param, text) {
  if (param.type === 'integer') {
    if (!/^[+-]?\d+$/.test(text.trim())) throw new Error(`${param.name} must be a whole number`);
    return Number(text);
  }
  if (param.type === 'real') {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`${param.name} must be a number`);
    return n;
  }
  return text;
}

function renderTable(columns, rows, { evidence }) {
  const factColumn = columns.indexOf('fact_ids');
  const head = el('tr', {}, evidence && factColumn >= 0 ? el('th', { scope: 'col' }, 'in the article') : null,
                  columns.map((c) => el('th', { scope: 'col' }, c)));
  const body = rows.map((row, r) => el('tr', {},
    evidence && factColumn >= 0
      ? el('td', {}, el('button', { type: 'button', 'aria-label': `Evidence for row ${r + 1}`,
                                     onclick: () => evidence(typed('fact_ids', row[factColumn])) }, 'Evidence'))
      : null,
    row.map((value, c) => {
      const cell = typed(columns[c], value);
      const text = cell === null ? '∅' : Array.isArray(cell) ? cell.join(', ') : String(cell);
      return el('td', { class: cell === null ? 'null' : typeof cell === 'number' ? 'number' : null,
                        'data-value': JSON.stringify(cell) }, text);
    })));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, body));
}

// Text whose [bracketed] parts are matches: the brackets become <mark>.
function markedText(text) {
  const parts = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m; (m = re.exec(text));) {
    parts.push(text.slice(last, m.index), el('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

class Page {
  constructor(db) {
    this.db = db;
    this.queries = select(db, 'SELECT name, title, description, params, columns FROM canned_query ORDER BY name').rows
      .map(([name, title, description, params, columns]) => ({ name, title, description, params: JSON.parse(params), columns: JSON.parse(columns) }));
    this.articles = select(db, 'SELECT id, title FROM article ORDER BY id').rows;
    this.events = select(db, "SELECT v.id, e.name FROM event v JOIN entity e ON e.id = v.id ORDER BY e.name, v.id").rows;
    this.kinds = select(db, "SELECT 'passage' UNION SELECT DISTINCT kind FROM entity ORDER BY 1").rows.map((r) => r[0]);
  }

  start() {
    $('db-name').textContent = info.database ? `· ${info.database}` : '';
    const choose = $('query-select');
    for (const q of this.queries) choose.append(el('option', { value: q.name }, `${q.title} (${q.name})`));
    choose.addEventListener('change', () => this.showForm());
    $('query-form').addEventListener('submit', (e) => { e.preventDefault(); this.runForm(true); });
    $('search-form').addEventListener('submit', (e) => { e.preventDefault(); this.search($('search-input').value, true); });
    $('sql-form').addEventListener('submit', (e) => { e.preventDefault(); this.runSql($('sql-input').value, true); });
    $('evidence-close').addEventListener('click', () => this.closeEvidence());
    $('evidence').addEventListener('keydown', (e) => { if (e.key === 'Escape') this.closeEvidence(); });
    const headline = this.queries.find((q) => q.name === (info.headline || 'stand-ins')) || this.queries[0];
    choose.value = headline.name;
    this.showForm();
    this.runForm(false);
  }

  get query() { return this.queries.find((q) => q.name === $('query-select').value); }

  // A field per parameter: a list to choose from where the database knows
  // the values (articles, events, kinds), else a box for text or a number.
  showForm() {
    const q = this.query;
    $('query-description').textContent = q.description;
    const fields = $('query-params');
    fields.replaceChildren();
    for (const p of q.params) {
      const id = `param-${p.name}`;
      const choices = p.name === 'article' ? this.articles.map(([v, t]) => [v, `${v}: ${t}`])
        : p.name === 'event' ? this.events.map(([v, t]) => [v, `${t} (${v})`])
        : p.name === 'kind' ? this.kinds.map((k) => [k, k]) : null;
      const input = choices
        ? el('select', { id, name: p.name }, el('option', { value: '' }, p.required ? '(choose)' : '(all)'),
             choices.map(([value, label]) => el('option', { value }, label)))
        : el('input', { id, name: p.name, type: p.type === 'text' ? 'text' : 'number', required: p.required,
                         value: p.default ?? '' });
      fields.append(el('label', { for: id }, p.name, p.required ? ' (required)' : ''), input,
                    el('p', { class: 'param-help' }, p.description));
    }
  }

  // The canned query's stored SQL, its parameters bound as factdb binds them.
  runCanned(q, given) {
    const sql = select(this.db, 'SELECT sql FROM canned_query WHERE name = ?', [q.name]).rows[0][0];
    const bind = {};
    for (const p of q.params) {
      const text = given[p.name];
      if (text !== undefined && text !== '') bind[`:${p.name}`] = paramValue(p, text);
      else if (p.default !== undefined && p.default !== null) bind[`:${p.name}`] = paramValue(p, String(p.default));
      else if (p.required) throw new Error(`${p.name} is required: ${p.description}`);
      else bind[`:${p.name}`] = null;
    }
    return select(this.db, sql, bind);
  }

  runForm(moveFocus) {
    const q = this.query;
    const given = {};
    for (const p of q.params) given[p.name] = $(`param-${p.name}`).value;
    this.show(() => this.runCanned(q, given), q.title, commandLine(q, given), moveFocus);
  }

  show(produce, title, command, moveFocus) {
    const result = $('result');
    try {
      const started = performance.now();
      const { columns, rows } = produce();
      const status = `${title}: ${rows.length} row${rows.length === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms${command ? ` · ${command}` : ''}`;
      // A long answer is shown a page at a time: the browser stays quick with a corpus of any size.
      const page = 1000;
      const showUpTo = (count) => {
        const shown = rows.slice(0, count);
        const parts = [renderTable(columns, shown, { evidence: (ids) => this.openEvidence(ids) })];
        if (count < rows.length)
          parts.push(el('button', { type: 'button', onclick: () => showUpTo(count + page) },
                        `Show ${Math.min(page, rows.length - count)} more of the ${rows.length - count} not shown`));
        result.replaceChildren(...parts);
        setStatus(count < rows.length ? `${status} · showing the first ${count}` : status);
      };
      showUpTo(page);
    } catch (e) {
      result.replaceChildren();
      setStatus(message(e), true);
    }
    $('answer').dataset.shown = title;
    if (moveFocus) $('answer').focus();
  }

  search(text, moveFocus) {
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (!words.length) return;
    // Words, each a phrase (a trailing * a prefix), as factdb search takes them.
    const q = words.map((w) => (w.endsWith('*') ? `"${w.slice(0, -1).replace(/"/g, '""')}"*` : `"${w.replace(/"/g, '""')}"`)).join(' ');
    const query = this.queries.find((x) => x.name === 'search');
    const result = $('result');
    try {
      const { columns, rows } = this.runCanned(query, { q });
      const at = (name) => columns.indexOf(name);
      const list = el('ul', { class: 'results-list' }, rows.map((row) => el('li', {},
        el('span', { class: 'kind' }, row[at('kind')]), el('strong', {}, row[at('name')]), ' ',
        el('div', {}, markedText(String(row[at('snippet')] ?? ''))),
        row[at('kind')] === 'passage'
          ? el('button', { type: 'button', onclick: () => this.openPassage(row[at('ref')]) }, 'Open in the article')
          : null)));
      result.replaceChildren(list);
      setStatus(`Search for ${text.trim()}: ${rows.length} result${rows.length === 1 ? '' : 's'}`);
    } catch (e) {
      result.replaceChildren();
      setStatus(message(e), true);
    }
    if (moveFocus) $('answer').focus();
  }

  runSql(sql, moveFocus) {
    this.show(() => select(this.db, sql), 'SQL', '', moveFocus);
  }

  // Every citation and annotation of the facts, and the cited spans lit up in their articles.
  openEvidence(ids) {
    if (!Array.isArray(ids) || !ids.length) return;
    const placeholders = ids.map(() => '?').join(', ');
    const support = select(this.db,
      `SELECT fs.fact_id, fs.kind, fs.article_id, fs.basis, fs.start, fs.length, fs.quote, fs.source, fs.note,
              (SELECT s.url FROM annotation_source s WHERE s.title = fs.source) AS url
         FROM fact_support fs WHERE fs.fact_id IN (${placeholders}) ORDER BY fs.article_id, fs.start`, ids.map(Number)).rows;
    const list = $('evidence-list');
    list.replaceChildren(...support.map(([fact, kind, article, basis, start, length, quote, source, note, url]) => basis === 'article'
      ? el('li', {}, el('span', { class: 'kind' }, kind), `“${quote}” — ${article}, characters ${start}–${start + length - 1}`)
      : el('li', { class: 'annotation' }, el('span', { class: 'kind' }, kind), `${source}${url ? ` <${url}>` : ''}: ${note}`)));
    const spans = {};
    for (const [, , article, basis, start, length] of support)
      if (basis === 'article') (spans[article] ||= []).push([start, length]);
    this.showArticles(spans);
  }

  openPassage(evidenceId) {
    const [article, start, length] = select(this.db, 'SELECT article_id, start, length FROM evidence WHERE id = ?', [Number(evidenceId)]).rows[0];
    $('evidence-list').replaceChildren(el('li', {}, `The passage in ${article}`));
    this.showArticles({ [article]: [[start, length]] });
  }

  showArticles(spans) {
    const tabs = $('article-tabs');
    const ids = Object.keys(spans);
    tabs.replaceChildren(...ids.map((id) => el('button', { type: 'button', role: 'tab', 'data-article': id,
                                                           onclick: () => this.showArticle(id, spans[id]) }, id)));
    const section = $('evidence');
    section.hidden = false;
    if (ids.length) this.showArticle(ids[0], spans[ids[0]]);
    else $('article-text').replaceChildren(el('p', {}, 'No article words: these facts rest on annotations only.'));
    section.focus();
  }

  // The article's text with each span marked. Spans are SQLite's positions:
  // 1-based, in characters (code points), which JavaScript counts in UTF-16 units.
  showArticle(id, spans) {
    for (const tab of $('article-tabs').children) tab.setAttribute('aria-selected', String(tab.dataset.article === id));
    const text = select(this.db, 'SELECT text FROM article WHERE id = ?', [id]).rows[0][0];
    const offsets = [0];
    for (const ch of text) offsets.push(offsets[offsets.length - 1] + ch.length);
    const merged = [];
    for (const [start, length] of [...spans].sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], start - 1 + length);
      else merged.push([start - 1, start - 1 + length]);
    }
    const parts = [];
    let at = 0;
    for (const [from, to] of merged) {
      const a = offsets[Math.min(from, offsets.length - 1)], b = offsets[Math.min(to, offsets.length - 1)];
      parts.push(text.slice(at, a), el('mark', {}, text.slice(a, b)));
      at = b;
    }
    parts.push(text.slice(at));
    const article = $('article-text');
    article.replaceChildren(...parts);
    article.querySelector('mark')?.scrollIntoView({ block: 'center' });
  }

  closeEvidence() {
    $('evidence').hidden = true;
    $('answer').focus();
  }
}

// What factdb would run for the same answer: the command to paste in a shell.
function commandLine(q, given) {
  const quote = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  let line = `factdb query ${q.name}`;
  for (const p of q.params) if (given[p.name]) line += ` -p ${quote(`${p.name}=${given[p.name]}`)}`;
  return line;
}

// SQLite's words for a refused write, said plainly.
function message(e) {
  const text = e?.message || String(e);
  if (/readonly/i.test(text)) return `refused: the page opens the database read-only, so nothing can change it (${text})`;
  return text;
}

try {
  const db = await openDatabase();
  const page = new Page(db);
  page.start();
  document.documentElement.dataset.readyMs = String(Math.round(performance.now()));
} catch (e) {
  setStatus(`cannot open the database: ${message(e)}`, true);
  document.documentElement.dataset.failed = 'true';
}
