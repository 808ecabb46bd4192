// Runs every canned query stored in a factdb database, and every view, with
// Node.js and better-sqlite3: what a Node application does with the .db alone.
//
// usage: node query_all.cjs DB PARAMS_JSON  (same contract as query_all.py)
const Database = require('better-sqlite3');

const [dbPath, givenJson] = process.argv.slice(2);
const given = JSON.parse(givenJson);
const db = new Database(dbPath, { readonly: true, fileMustExist: true });
const convert = { text: String, integer: (v) => Number.parseInt(v, 10), real: Number };
const out = {};
for (const { name, sql, params } of db.prepare('SELECT name, sql, params FROM canned_query ORDER BY name').all()) {
  const values = {};
  for (const p of JSON.parse(params)) {
    const value = (given[name] ?? {})[p.name] ?? p.default;
    values[p.name] = value === null ? null : convert[p.type](value);
  }
  out[`query:${name}`] = db.prepare(sql).all(values);
}
for (const { name } of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name").all()) {
  out[`view:${name}`] = db.prepare(`SELECT * FROM "${name}"`).all();
}
process.stdout.write(JSON.stringify(out));
