// `cargo make bench`, last step: imports 10,000 generated companies with 3 financial years each
// through the real path (read, check, plan, commit in one transaction) on scratch databases, and
// writes the same companies one statement per row in the same process, for comparison.
// Results: a table on stdout and target/bench/imports.json. Needs a release build.

import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const out = `${root}target/bench`;
const server = process.env.BENCH_SERVER ?? `${root}target/release/vnext`;
const companies = process.env.BENCH_IMPORT_COMPANIES ?? "10000";
mkdirSync(out, { recursive: true });

const runs = [];
function bench(name, importUrl, naiveUrl) {
  const stdout = execFileSync(
    server,
    ["bench-import", "--companies", companies, "--years", "3", "--naive-database-url", naiveUrl],
    // 30,000 financial rows in one file: above the default row limit, so raised for the run.
    { env: { ...process.env, DATABASE_URL: importUrl, RUST_LOG: "warn", VNEXT_IMPORT_MAX_ROWS: "100000" } },
  );
  runs.push({ backend: name, ...JSON.parse(stdout.toString().trim().split("\n").pop()) });
}

const files = ["import", "naive"].map((n) => `${out}/bench-${n}.sqlite`);
for (const f of files) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
bench("sqlite", `sqlite://${files[0]}`, `sqlite://${files[1]}`);

const pg = process.env.DATABASE_URL_PG;
if (pg) {
  const base = pg.replace(/\/[^/]*$/, "");
  const admin = (sql) => execFileSync("psql", [pg, "-qc", sql]);
  const dbs = ["vnext_bench_import", "vnext_bench_naive"];
  for (const db of dbs) {
    admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    admin(`CREATE DATABASE ${db}`);
  }
  try {
    bench("postgresql", `${base}/${dbs[0]}`, `${base}/${dbs[1]}`);
  } finally {
    for (const db of dbs) admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
  } catch {
    return "unknown";
  }
})();
writeFileSync(`${out}/imports.json`, JSON.stringify({ commit, runs }, null, 2));

console.log(`\nImport of ${companies} companies × 3 financial years (commit ${commit})`);
console.log("| backend | rows | preview ms | commit ms | of which writing | rows/s | naive ms | × naive (writing) | × naive (end to end) | peak RSS MB |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of runs) {
  const f = (n, d = 0) => n.toFixed(d);
  console.log(
    `| ${r.backend} | ${r.rows} | ${f(r.preview_ms)} | ${f(r.commit_ms)} | ${f(r.write_ms)} | ${f(r.rows_per_second)} | ${f(r.naive_ms)} | ${f(r.speedup, 1)} | ${f(r.end_to_end_speedup, 1)} | ${f(r.peak_rss_mb)} |`,
  );
}
