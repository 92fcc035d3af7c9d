import { defineConfig } from "@playwright/test";

// The server under test: the debug build from `cargo leptos build`, on a scratch SQLite file.
const addr = process.env.E2E_ADDR ?? "127.0.0.1:3100";
const database = process.env.E2E_DATABASE ?? "target/e2e/vnext.sqlite";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://${addr}`,
    browserName: "chromium",
    launchOptions: {
      // Playwright's own browser downloads cannot work here: use Debian's Chromium.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  webServer: {
    // E2E_SERVER=target/release/vnext runs the suite against a release build.
    command: process.env.E2E_SERVER ?? "target/debug/vnext",
    cwd: "..",
    url: `http://${addr}/en/`,
    timeout: 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      VNEXT_ADDR: addr,
      DATABASE_URL: `sqlite://${database}`,
      LEPTOS_OUTPUT_NAME: "vnext",
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_SITE_PKG_DIR: "pkg",
      RUST_LOG: "warn",
    },
  },
});
