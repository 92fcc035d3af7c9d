// `cargo make bench`: seeds scratch databases with generated companies, starts the release
// server on each, and measures it against nginx serving a static file of the same size in the
// same run (the most this machine can serve). Results: a table on stdout and
// target/bench/results.json. Needs `wrk`, `nginx` and a release build.

import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url).pathname;
const out = `${root}target/bench`;
const server = `${root}target/release/vnext`;
const addr = process.env.BENCH_ADDR ?? "127.0.0.1:3200";
const base = `http://${addr}`;
const sizes = (process.env.BENCH_SIZES ?? "10000,100000").split(",").map(Number);
const duration = process.env.BENCH_DURATION ?? "8s";

// Twenty searches, five in each script.
const searches = [
  "palm oil", "solar", "semiconductor", "logistics", "Kinabalu",
  "棕榈油", "太阳能", "半导体", "物流", "医疗",
  "minyak sawit", "tenaga solar", "pembungkusan", "hospital", "bateri",
  "น้ำมันปาล์ม", "พลังงานแสงอาทิตย์", "โลจิสติกส์", "โรงพยาบาล", "แบตเตอรี่",
];

const pg = process.env.DATABASE_URL_PG;
const backends = [
  {
    name: "sqlite",
    url: (n) => `sqlite://${out}/sqlite-${n}.sqlite`,
    reset: (n) => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${out}/sqlite-${n}.sqlite${suffix}`, { force: true });
    },
  },
];
if (pg) {
  const admin = (sql) => execFileSync("psql", [pg, "-qc", sql]);
  backends.push({
    name: "postgresql",
    url: (n) => `${pg.replace(/\/[^/]*$/, "")}/vnext_bench_${n}`,
    reset: (n) => {
      admin(`DROP DATABASE IF EXISTS vnext_bench_${n} WITH (FORCE)`);
      admin(`CREATE DATABASE vnext_bench_${n}`);
    },
    drop: (n) => admin(`DROP DATABASE IF EXISTS vnext_bench_${n} WITH (FORCE)`),
  });
}

// BENCH_BACKENDS=postgresql measures one database only (the 1,000,000-company run, say).
const only = process.env.BENCH_BACKENDS?.split(",");
if (only) backends.splice(0, backends.length, ...backends.filter((b) => only.includes(b.name)));

const ms = (value, unit) => Number(value) * { us: 0.001, ms: 1, s: 1000 }[unit];

/** Requests per second and p50/p99 latency (ms) of `url` under wrk's concurrent load. */
function load(url, script, header) {
  const options = [...(script ? ["-s", script] : []), ...(header ? ["-H", header] : [])];
  const text = execFileSync("wrk", ["-t2", "-c16", `-d${duration}`, "--latency", ...options, url]).toString();
  const percentile = (p) => {
    const m = text.match(new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`));
    return m ? ms(m[1], m[2]) : NaN;
  };
  const rps = Number(text.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const errors = text.match(/Non-2xx or 3xx responses: (\d+)/)?.[1];
  if (errors) throw new Error(`${url}: ${errors} failed responses`);
  return { rps, p50: percentile(50), p99: percentile(99) };
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

let fresh = 0;

/** Latencies (ms) of `repeat` renders of `path`, each under an address the page cache has not seen. */
async function timed(path, repeat) {
  const samples = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const response = await fetch(`${base}${path}${path.includes("?") ? "&" : "?"}fresh=${++fresh}`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    samples.push(performance.now() - start);
  }
  return samples;
}

/** Like `timed`, for a signed-in viewer (whose pages the cache never serves). */
async function timedAs(cookie, path, repeat) {
  const samples = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const response = await fetch(`${base}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    samples.push(performance.now() - start);
  }
  return samples;
}

const operator = { email: "bench-operator@vnext.example", password: "Bench-operator-password-2026" };

/** An operator account made with the app's own command, signed in: its session cookie. */
async function operatorSession(databaseUrl) {
  execFileSync(server, ["admin", "create-operator", "--email", operator.email, "--password-stdin"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, RUST_LOG: "warn" },
    input: `${operator.password}\n`,
  });
  const response = await fetch(`${base}/en/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" },
    body: new URLSearchParams(operator).toString(),
  });
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("="));
  if (response.status !== 303 || !cookie) throw new Error(`bench operator sign-in: ${response.status}`);
  return cookie;
}

/** The first enterprise demand on the board whose recommendations page answers. */
async function demandWithMatches(cookie) {
  const board = await (await fetch(`${base}/en/demands`)).text();
  for (const [, id] of board.matchAll(/href="\/en\/demands\/(\d+)"/g)) {
    if ((await fetch(`${base}/en/demands/${id}/matches`, { headers: { cookie } })).ok) return id;
  }
  throw new Error("no demand with recommendations on the board");
}

async function startServer(databaseUrl) {
  const child = spawn(server, [], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, VNEXT_ADDR: addr, VNEXT_DEMO_DATA: "0", RUST_LOG: "warn", LEPTOS_SITE_ROOT: "target/site" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/en/`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("the server did not start");
}

// nginx from Debian, on its own port, serving files written under target/bench/www.
const nginxAddr = process.env.BENCH_NGINX_ADDR ?? "127.0.0.1:3299";
const www = `${out}/www`;

async function startNginx() {
  mkdirSync(www, { recursive: true });
  const conf = `${out}/nginx.conf`;
  writeFileSync(
    conf,
    `daemon off; worker_processes auto; pid ${out}/nginx.pid; error_log ${out}/nginx.log warn;
events { worker_connections 1024; }
http {
  access_log off; sendfile on; tcp_nopush on; tcp_nodelay on; keepalive_requests 1000000;
  client_body_temp_path ${out}/nginx-tmp; proxy_temp_path ${out}/nginx-tmp; fastcgi_temp_path ${out}/nginx-tmp;
  uwsgi_temp_path ${out}/nginx-tmp; scgi_temp_path ${out}/nginx-tmp;
  server { listen ${nginxAddr}; root ${www}; }
}
`,
  );
  const child = spawn("nginx", ["-c", conf, "-e", `${out}/nginx.log`], { stdio: ["ignore", "inherit", "inherit"] });
  writeFileSync(`${www}/ready`, "ok");
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://${nginxAddr}/ready`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("nginx did not start");
}

/** The same bytes as a static file, served by nginx. */
function staticTwin(name, bytes) {
  writeFileSync(`${www}/${name}.html`, Buffer.alloc(bytes, "x"));
  return `http://${nginxAddr}/${name}.html`;
}

function bundle(html) {
  const files = [...html.matchAll(/\/pkg\/[\w.-]+\.(?:js|wasm)/g)].map((m) => m[0]);
  return [...new Set(files)].reduce((sum, f) => sum + gzipSync(readFileSync(`${root}target/site${f}`), { level: 9 }).length, 0);
}

mkdirSync(out, { recursive: true });
// The bundle's WASM, under its content-hashed name when the build hashes it.
const wasmName = readdirSync(`${root}target/site/pkg`).find((f) => /^vnext(\.[\w-]+)?\.wasm$/.test(f));
const wasm = readFileSync(`${root}target/site/pkg/${wasmName}`);
const results = { wasm: { raw: wasm.length, gzip: gzipSync(wasm, { level: 9 }).length }, runs: [] };

const nginx = await startNginx();
// wrk asks for the directory with a parameter it never repeats (each thread its own range).
const uncachedScript = `${out}/uncached.lua`;
writeFileSync(
  uncachedScript,
  `local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "?fresh=" .. id .. "-" .. n)
end
`,
);
process.on("exit", () => nginx.kill());
const styleName = readdirSync(`${root}target/site/pkg`).find((f) => /^vnext(\.[\w-]+)?\.css$/.test(f));
writeFileSync(`${www}/${styleName}`, readFileSync(`${root}target/site/pkg/${styleName}`));

for (const backend of backends) {
  for (const n of sizes) {
    backend.reset(n);
    const started = performance.now();
    execFileSync(server, ["seed", "--companies", String(n)], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: backend.url(n), RUST_LOG: "warn" },
      stdio: "inherit",
    });
    const seedSeconds = (performance.now() - started) / 1000;
    const child = await startServer(backend.url(n));
    try {
      const pages = { home: "/en", directory: "/en/zone", company: "/en/zone/XKLS/5000" };
      const run = { backend: backend.name, companies: n, seedSeconds: Math.round(seedSeconds) };
      for (const [name, path] of Object.entries(pages)) {
        const html = await (await fetch(base + path)).text();
        const page = load(base + path);
        const twin = load(staticTwin(name, Buffer.byteLength(html)));
        run[name] = {
          bytes: Buffer.byteLength(html),
          ...page,
          nginx: twin,
          throughputRatio: page.rps / twin.rps,
          p50Ratio: page.p50 / twin.p50,
          p99Ratio: page.p99 / twin.p99,
          bundleGzipBytes: bundle(html),
        };
      }
      // The directory as browsers ask for it, gzipped, against nginx serving a file of the
      // gzipped answer's size (as it serves a precompressed file). Its size is read with
      // node:http, which hands over the bytes as sent, where fetch would unpack them.
      const gzipped = await new Promise((resolve, reject) =>
        httpGet(base + pages.directory, { headers: { "accept-encoding": "gzip" } }, (response) => {
          let bytes = 0;
          response.on("data", (chunk) => (bytes += chunk.length));
          response.on("end", () => resolve({ bytes, encoding: response.headers["content-encoding"] }));
        }).on("error", reject),
      );
      if (gzipped.encoding !== "gzip") throw new Error(`directory answered ${gzipped.encoding} to gzip`);
      const gzPage = load(base + pages.directory, null, "Accept-Encoding: gzip");
      const gzTwin = load(staticTwin("directory-gz", gzipped.bytes));
      run.directoryGzip = {
        bytes: gzipped.bytes,
        ...gzPage,
        nginx: gzTwin,
        throughputRatio: gzPage.rps / gzTwin.rps,
        p50Ratio: gzPage.p50 / gzTwin.p50,
        p99Ratio: gzPage.p99 / gzTwin.p99,
        bundleGzipBytes: run.directory.bundleGzipBytes,
      };
      // Rendered anew at every request, as after a write or for a signed-in viewer: a query
      // parameter the directory ignores makes each address one the page cache has not seen.
      const uncached = load(base + pages.directory, uncachedScript);
      const twin = run.directory.nginx;
      run.directoryUncached = {
        ...uncached,
        throughputRatio: uncached.rps / twin.rps,
        p50Ratio: uncached.p50 / twin.p50,
        p99Ratio: uncached.p99 / twin.p99,
        bundleGzipBytes: run.directory.bundleGzipBytes,
      };
      // The style sheet every page loads, from the app and from nginx.
      const style = load(`${base}/pkg/${styleName}`);
      const styleNginx = load(`http://${nginxAddr}/${styleName}`);
      run.stylesheet = { ...style, nginxRps: styleNginx.rps, throughputRatio: style.rps / styleNginx.rps };
      const plain = await timed("/en/zone", 40);
      const searched = [];
      for (const q of searches) searched.push(...(await timed(`/en/zone?q=${encodeURIComponent(q)}`, 5)));
      run.search = {
        median: quantile(searched, 0.5),
        p95: quantile(searched, 0.95),
        medianRatio: quantile(searched, 0.5) / quantile(plain, 0.5),
        p95Ratio: quantile(searched, 0.95) / quantile(plain, 0.95),
      };
      // Recommendations for one demand, weighing the companies that share its topics among all
      // of them, against the company page; both signed in, so neither comes from the cache.
      const cookie = await operatorSession(backend.url(n));
      const demand = await demandWithMatches(cookie);
      const recommended = quantile(await timedAs(cookie, `/en/demands/${demand}/matches`, 20), 0.5);
      const companySignedIn = quantile(await timedAs(cookie, pages.company, 20), 0.5);
      run.recommendations = { median: recommended, companyMedian: companySignedIn, ratio: recommended / companySignedIn };
      // Views that used to scan: two filters (counted through an index up to a bound), the
      // deepest page a page number reaches, and a page reached by seeking from the one before.
      const deepHtml = await (await fetch(`${base}/en/zone?page=400`)).text();
      const nextHref = deepHtml.match(/href="(\/en\/zone\?[^"]*after=[^"]*)"/)?.[1]?.replaceAll("&amp;", "&");
      const median = async (path) => quantile(await timed(path, 20), 0.5);
      run.views = {
        plain: quantile(plain, 0.5),
        twoFilters: await median("/en/zone?industry=energy&country=MY"),
        deepPage: await median("/en/zone?page=400"),
        seekPage: nextHref ? await median(nextHref) : NaN,
      };
      results.runs.push(run);
    } finally {
      child.kill();
      backend.drop?.(n);
    }
  }
}

// Each run is kept under its time and commit, so that two runs can be compared side by side.
const git = (...args) => execFileSync("git", args, { cwd: root }).toString().trim();
results.commit = git("rev-parse", "--short", "HEAD");
results.uncommittedChanges = git("status", "--porcelain", "--untracked-files=no") !== "";
results.at = new Date().toISOString();
const kept = `${out}/results-${results.at.replace(/[:.]/g, "-")}-${results.commit}.json`;
writeFileSync(kept, JSON.stringify(results, null, 2));
writeFileSync(`${out}/results.json`, JSON.stringify(results, null, 2));
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "—");
console.log(`\nhydrate wasm: ${results.wasm.raw} bytes raw, ${results.wasm.gzip} bytes gzip -9\n`);
console.log("× nginx: the page divided by nginx serving a file of the same size, in the same run");
console.log("backend     companies  page       req/s   ×nginx   p50 ms  ×nginx   p99 ms  ×nginx   JS+WASM gz");
for (const r of results.runs) {
  for (const page of ["home", "directory", "directoryGzip", "directoryUncached", "company"]) {
    const p = r[page];
    const label = { directoryGzip: "dir gzip", directoryUncached: "dir fresh" }[page] ?? page;
    console.log(
      `${r.backend.padEnd(11)} ${String(r.companies).padStart(9)}  ${label.padEnd(9)} ${f(p.rps, 0).padStart(7)}  ${f(p.throughputRatio).padStart(7)}  ${f(p.p50).padStart(6)}  ${f(p.p50Ratio).padStart(7)}  ${f(p.p99).padStart(6)}  ${f(p.p99Ratio).padStart(7)}  ${String(p.bundleGzipBytes).padStart(10)}`,
    );
  }
  console.log(
    `${r.backend.padEnd(11)} ${String(r.companies).padStart(9)}  /pkg css  ${f(r.stylesheet.rps, 0).padStart(7)}  ${f(r.stylesheet.throughputRatio).padStart(7)}  (nginx ${f(r.stylesheet.nginxRps, 0)} req/s)`,
  );
  console.log(
    `${r.backend.padEnd(11)} ${String(r.companies).padStart(9)}  views     median ms: unfiltered ${f(r.views.plain)}, two filters ${f(r.views.twoFilters)}, page 400 ${f(r.views.deepPage)}, page 401 by seek ${f(r.views.seekPage)}`,
  );
  console.log(
    `${r.backend.padEnd(11)} ${String(r.companies).padStart(9)}  matches   median ${f(r.recommendations.median)} ms for one demand (×${f(r.recommendations.ratio)} of the signed-in company page, ${f(r.recommendations.companyMedian)} ms)`,
  );
  console.log(
    `${r.backend.padEnd(11)} ${String(r.companies).padStart(9)}  search    median ${f(r.search.median)} ms (×${f(r.search.medianRatio)} of the unfiltered page), p95 ${f(r.search.p95)} ms (×${f(r.search.p95Ratio)})`,
  );
}
console.log(`\nJSON: ${kept} (and ${out}/results.json)`);
nginx.kill();
