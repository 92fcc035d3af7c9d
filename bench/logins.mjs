// `cargo make bench-logins`: how fast the home page answers while 64 sign-ins (each one an
// Argon2 verification) run at once. Starts the release server on a scratch SQLite file, measures
// the home page alone, then again under the sign-in load. Prints a table and writes
// target/bench/logins.json. BENCH_SERVER names another binary (an older build, to compare).

import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;
const out = `${root}target/bench`;
const server = process.env.BENCH_SERVER ?? `${root}target/release/vnext`;
const addr = process.env.BENCH_ADDR ?? "127.0.0.1:3210";
const base = `http://${addr}`;
const seconds = Number(process.env.BENCH_SECONDS ?? "10");
const signIns = Number(process.env.BENCH_LOGINS ?? "64");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function start() {
  mkdirSync(out, { recursive: true });
  const file = `${out}/logins.sqlite`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const child = spawn(server, [], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${file}`,
      VNEXT_ADDR: addr,
      // Each sign-in comes "through a proxy" from its own address, so that no per-address
      // limit turns it into a cheap 429: every one costs a full Argon2 verification.
      VNEXT_TRUST_PROXY: "1",
      LEPTOS_SITE_ROOT: `${root}target/site`,
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/en`)).ok) return child;
    } catch {}
    await sleep(100);
  }
  child.kill();
  throw new Error("the server did not start");
}

/** Latencies (ms) of one client asking for the home page, one request after another. */
async function probe(until) {
  const times = [];
  while (Date.now() < until) {
    const t = performance.now();
    const response = await fetch(`${base}/en`);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`home page: ${response.status}`);
    times.push(performance.now() - t);
  }
  return times;
}

let counter = 0;
/** One sign-in after another with a wrong password, each from a fresh address and account. */
async function signInLoop(until) {
  let done = 0;
  while (Date.now() < until) {
    const n = counter++;
    const body = new URLSearchParams({ email: `nobody-${n}@example.com`, password: "wrong password 123" });
    const response = await fetch(`${base}/en/login`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: {
        "sec-fetch-site": "same-origin",
        "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
    });
    await response.arrayBuffer();
    if (response.status !== 422) throw new Error(`sign-in: ${response.status}`);
    done++;
  }
  return done;
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const child = await start();
try {
  const idle = await probe(Date.now() + 3000);
  const until = Date.now() + seconds * 1000;
  const [loaded, ...counts] = await Promise.all([
    probe(until),
    ...Array.from({ length: signIns }, () => signInLoop(until)),
  ]);
  const total = counts.reduce((a, b) => a + b, 0);
  const result = {
    server,
    sign_ins_at_once: signIns,
    home_idle_ms: { p50: percentile(idle, 50), p95: percentile(idle, 95) },
    home_under_sign_ins_ms: { p50: percentile(loaded, 50), p95: percentile(loaded, 95) },
    sign_ins_per_second: total / seconds,
  };
  const f = (x) => x.toFixed(1);
  console.log("home page           p50 ms   p95 ms");
  console.log(`alone             ${f(result.home_idle_ms.p50).padStart(8)} ${f(result.home_idle_ms.p95).padStart(8)}`);
  console.log(
    `${signIns} sign-ins      ${f(result.home_under_sign_ins_ms.p50).padStart(8)} ${f(result.home_under_sign_ins_ms.p95).padStart(8)}` +
      `   (${f(result.sign_ins_per_second)} sign-ins/s)`,
  );
  writeFileSync(`${out}/logins.json`, JSON.stringify(result, null, 2));
} finally {
  child.kill();
}
