import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { guardConsole } from "./console-guard";

// Every test fails on any browser console error or uncaught exception.
const guard = guardConsole();

const cards = (page: Page) => page.locator("li.company-card");
const filter = (page: Page, name: string) => page.locator(`select[name="${name}"]`);

async function hydrated(page: Page) {
  await expect(page.locator(".zone-explorer")).toHaveAttribute("data-hydrated", "true");
}

const languages = [
  { lang: "zh", heading: "境外上市公司专区", count: /共 \d+ 家公司/ },
  { lang: "en", heading: "Overseas listed company zone", count: /\d+ companies/ },
  { lang: "ms", heading: "Zon syarikat tersenarai luar negara", count: /\d+ syarikat/ },
  { lang: "th", heading: "โซนบริษัทจดทะเบียนต่างประเทศ", count: /\d+ บริษัท/ },
];

for (const { lang, heading, count } of languages) {
  test(`directory renders in ${lang}`, async ({ page }) => {
    await page.goto(`/${lang}/zone`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.locator(".result-count")).toHaveText(count);
    expect(await cards(page).count()).toBeGreaterThanOrEqual(20);
    await hydrated(page);
  });
}

test("root redirects to the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "th-TH" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/th\/$/);
  await context.close();
});

test("filtering by exchange narrows the list without a page load", async ({ page }) => {
  await page.goto("/en/zone");
  await hydrated(page);
  const before = await page.locator(".result-count").textContent();
  // A marker on window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as any).__stillHere = true));

  await filter(page, "exchange").selectOption("XBKK");
  await expect(page).toHaveURL(/\/en\/zone\?exchange=XBKK$/);
  await expect(page.locator(".result-count")).not.toHaveText(before!);
  const n = await cards(page).count();
  expect(n).toBeGreaterThan(0);
  await expect(cards(page).filter({ hasText: "The Stock Exchange of Thailand" })).toHaveCount(n);
  expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);

  // Markets now offer only SET's boards.
  await expect(filter(page, "market").locator("option")).toHaveText(["Any", "mai (Market for Alternative Investment)", "SET (main board)"]);

  // Back restores the unfiltered list, still without a reload.
  await page.goBack();
  await expect(page).toHaveURL(/\/en\/zone$/);
  await expect(page.locator(".result-count")).toHaveText(before!);
  expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
});

test("search and pagination work after hydration", async ({ page }) => {
  await page.goto("/en/zone");
  await hydrated(page);
  await page.evaluate(() => ((window as any).__stillHere = true));
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.locator(".page-of")).toHaveText("Page 2 of 3");

  await page.getByPlaceholder("Company name, symbol or keyword").fill("palm oil");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=palm(\+|%20)oil/);
  await expect(cards(page).filter({ hasText: "Kinabalu Palm Oil Plantations Berhad" })).toHaveCount(1);
  expect(await page.evaluate(() => (window as any).__stillHere)).toBe(true);
});

test("switching language keeps the filters", async ({ page }) => {
  await page.goto("/en/zone");
  await hydrated(page);
  await filter(page, "exchange").selectOption("XBKK");
  await expect(page).toHaveURL(/exchange=XBKK/);
  await page.getByLabel("Green development only").check();
  await expect(page).toHaveURL(/exchange=XBKK&green=1/);
  const n = await cards(page).count();

  await page.getByRole("link", { name: "ไทย" }).click();
  await expect(page).toHaveURL(/\/th\/zone\?exchange=XBKK&green=1$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("โซนบริษัทจดทะเบียนต่างประเทศ");
  await expect(cards(page)).toHaveCount(n);
  await expect(filter(page, "exchange")).toHaveValue("XBKK");
});

test("works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/ms/zone");
  await filter(page, "exchange").selectOption("XKLS");
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page).toHaveURL(/\/ms\/zone\?.*exchange=XKLS/);
  const n = await cards(page).count();
  expect(n).toBeGreaterThan(0);
  await expect(cards(page).filter({ hasText: "Bursa Malaysia" })).toHaveCount(n);
  await context.close();
});

test("unknown pages are a localized 404", async ({ page }) => {
  const response = await page.goto("/th/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ไม่พบหน้าที่ต้องการ");
  guard.forgive("404");
});

test("a failed update keeps the current list and says so", async ({ page }) => {
  await page.goto("/en/zone");
  await hydrated(page);
  const before = await page.locator(".result-count").textContent();
  await page.route("**/en/zone?**", (route) => route.abort());
  await filter(page, "exchange").selectOption("XBKK");
  await expect(page.getByRole("alert")).toHaveText("The companies could not be loaded. Please try again in a moment.");
  await expect(page.locator(".result-count")).toHaveText(before!);
  expect(await cards(page).count()).toBeGreaterThanOrEqual(20);
  await expect(page).toHaveURL(/\/en\/zone$/);
  // The aborted request is the failure under test, not a defect.
  guard.forgive("ERR_FAILED");
});

test("a company page from the directory: chart, Thai, fallback note", async ({ page }) => {
  await page.goto("/en/zone?q=Kinabalu");
  await page.getByRole("link", { name: "Kinabalu Palm Oil Plantations Berhad" }).click();
  await expect(page).toHaveURL(/\/en\/zone\/XKLS\/5000$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kinabalu Palm Oil Plantations Berhad");
  await expect(page.locator("figure.chart svg")).toBeVisible();
  await expect(page.locator("table.financials tbody tr")).toHaveCount(3);

  await page.getByRole("link", { name: "ไทย" }).click();
  await expect(page).toHaveURL(/\/th\/zone\/XKLS\/5000$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("กีนาบาลู");
  await expect(page.getByRole("heading", { name: "ข้อมูลทางการเงินที่สำคัญ" })).toBeVisible();
});

test("a text missing in the page language says which language is shown", async ({ page }) => {
  await page.goto("/th/zone?exchange=XKLS");
  const marked = page.locator("li.company-card", { has: page.locator(".company-name .fallback-note") }).first();
  await marked.locator(".company-name a").click();
  await expect(page.locator("h1 .fallback-note")).toHaveAttribute("title", "แสดงเป็นภาษาอังกฤษ — ยังไม่ได้แปล");
});

test("the current view downloads as CSV for Excel", async ({ page }) => {
  await page.goto("/en/zone?exchange=XBKK");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("vnext-zone-en.csv");
  const text = readFileSync(await download.path(), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = text.trim().split("\r\n");
  expect(rows.length).toBe(1 + 26);
  expect(rows.slice(1).every((r) => r.startsWith("XBKK,"))).toBe(true);
});

test("search in Chinese and in Thai finds the palm-oil company", async ({ page }) => {
  for (const [lang, q, name] of [
    ["zh", "棕榈油", "京那巴鲁棕榈油种植有限公司"],
    ["th", "น้ำมันปาล์ม", "กีนาบาลู ปาล์มออยล์ แพลนเทชั่น เบอร์ฮัด"],
  ]) {
    await page.goto(`/${lang}/zone`);
    await hydrated(page);
    await page.locator('input[name="q"]').fill(q);
    await page.locator('form.filters button[type="submit"]').click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/zone\\?q=`));
    await expect(cards(page).filter({ hasText: name })).toHaveCount(1);
  }
});

test("the bundle loads under content-hashed names that browsers may keep for a year", async ({ page }) => {
  const bundle: { url: string; cacheControl: string | undefined }[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/pkg/")) {
      bundle.push({ url: response.url(), cacheControl: response.headers()["cache-control"] });
    }
  });
  await page.goto("/en/zone");
  await hydrated(page);
  const names = bundle.map((b) => new URL(b.url).pathname);
  for (const kind of ["css", "js", "wasm"]) {
    expect(names.some((n) => new RegExp(`^/pkg/vnext\\.[\\w-]{16,}\\.${kind}$`).test(n)), `${kind} in ${names}`).toBe(true);
  }
  for (const b of bundle) expect(b.cacheControl, b.url).toBe("public, max-age=31536000, immutable");
  // The plain name is gone with the hashed build, so no stale copy can be served under it.
  expect((await page.request.get("/pkg/vnext.css")).status()).toBe(404);
});
