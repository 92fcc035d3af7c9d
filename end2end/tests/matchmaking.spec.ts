import { expect, type Browser, type Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { guardConsole } from "./console-guard";
import { creditCode } from "./credit-code";

// Chromium logs the 404 of a case the viewer may not see as an error: that one is expected.
guardConsole(/Failed to load resource: the server responded with a status of 404/);

const root = path.resolve(__dirname, "../..");
const database = process.env.E2E_DATABASE ?? "target/e2e/vnext.sqlite";
const passphrase = "Penang palm oil partners 2026";
const tag = `${Date.now()}`;
const operator = `ops-mm-${tag}@vnext.example`;
const partner = `kl-mm-${tag}@partner.example`;
const otherPartner = `bk-mm-${tag}@partner.example`;
const enterprise = `mm-${tag}@example.com`;

function admin(args: string[]) {
  execFileSync(process.env.E2E_SERVER ?? "target/debug/vnext", ["admin", ...args, "--password-stdin"], {
    cwd: root,
    input: `${passphrase}\n`,
    env: { ...process.env, DATABASE_URL: `sqlite://${database}`, RUST_LOG: "warn" },
  });
}

async function signIn(page: Page, email: string) {
  await page.goto("/ms/login");
  await page.getByLabel("E-mel").fill(email);
  await page.getByLabel("Kata laluan").fill(passphrase);
  await page.getByRole("button", { name: "Log masuk" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Registers enterprise `email` in Malay and verifies it with the app's own command. */
async function registerVerified(page: Page, email: string, name: string, seed: number) {
  await page.goto("/ms/register");
  await page.getByLabel("Nama syarikat (bahasa Cina)").fill(name);
  await page.getByLabel("Kod Kredit Sosial Bersatu").fill(creditCode(seed));
  await page.getByLabel("Jenis perusahaan").selectOption("sme");
  await page.getByLabel("Industri").selectOption("energy");
  await page.getByLabel("Nama orang untuk dihubungi").fill("Chen Jing");
  await page.getByLabel("E-mel").fill(email);
  await page.getByLabel("Telefon").fill("+86 574 0000 1234");
  await page.getByLabel("Kata laluan", { exact: true }).fill(passphrase);
  await page.getByLabel("Ulang kata laluan").fill(passphrase);
  await page.getByLabel(/Saya menerima terma/).check();
  await page.getByRole("button", { name: "Daftar" }).click();
  await expect(page).toHaveURL(/\/ms\/login\?notice=registered$/);
  execFileSync(process.env.E2E_SERVER ?? "target/debug/vnext", ["admin", "verify-enterprise", "--email", email], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `sqlite://${database}`, RUST_LOG: "warn" },
  });
}

// A figure of the home page's liaison section, by its label.
async function figure(page: Page, label: string): Promise<number> {
  await page.goto("/ms/");
  const value = page.locator("section.figures .figure").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  return Number((await value.innerText()).replace(/[^0-9]/g, ""));
}

const badge = (page: Page) => page.locator("main .badge[class*='status-']").first();
const stepForm = (page: Page, step: string) => page.locator(`form.step-${step}`);

test.beforeAll(() => {
  admin(["create-operator", "--email", operator]);
  admin(["create-partner", "--exchange", "XKLS", "--email", partner]);
  admin(["create-partner", "--exchange", "XBKK", "--email", otherPartner]);
});

test("in Malay: a demand is published, an introduction is carried to a closed financing and the home figure follows", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const introductions = await figure(page, "perkenalan telah dibuat");
  const financings = await figure(page, "pembiayaan berjaya");

  // An enterprise registers in Malay and is verified on the command line.
  await registerVerified(page, enterprise, "宁波示例储能科技有限公司", Number(tag) % 100000);
  await signIn(page, enterprise);

  // 1. The enterprise publishes a demand, written in Malay only, for review.
  const title = `Rakan kongsi storan tenaga ${tag}`;
  await page.goto("/ms/demands/new");
  await page.getByLabel("Jenis keperluan").selectOption("technology");
  await page.getByLabel("Industri").selectOption("energy");
  await page.getByLabel("Malaysia", { exact: true }).check();
  await page.locator("fieldset.demand-text[lang='ms']").getByLabel("Tajuk").fill(title);
  await page.locator("fieldset.demand-text[lang='ms']").getByLabel("Keterangan").fill("Sistem storan tenaga bateri untuk ladang solar di Malaysia.");
  await page.getByRole("button", { name: "Hantar untuk semakan" }).click();
  await expect(page).toHaveURL(/\/ms\/demands\/\d+\?notice=demand-submitted$/);
  await expect(badge(page)).toHaveText("Dalam semakan");
  const demandUrl = new URL(page.url()).pathname;

  // Its owner reads the companies recommended for it, each with its score's parts.
  await page.getByRole("link", { name: "Syarikat yang disyorkan" }).click();
  await expect(page).toHaveURL(/\/ms\/demands\/\d+\/matches$/);
  const best = page.locator("li.match").first();
  await expect(best.locator(".match-score")).toHaveText(/^Padanan \d+ \/ 100$/);
  await expect(best.locator("table.match-reasons th")).toHaveText(["Industri", "Hasrat kerjasama", "Pasaran sasaran", "Topik sepunya"]);
  await expect(best.locator("table.match-reasons")).toContainText(/tenaga/i);

  // 2. The operator publishes it; visitors find it on the board.
  const ops = await as(browser, operator);
  await ops.goto(demandUrl);
  await ops.getByRole("button", { name: "Terbitkan" }).click();
  await expect(badge(ops)).toHaveText("Diterbitkan");
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(`/ms/demands?q=${tag}`);
  await expect(visitor.locator(".demand-card h3")).toHaveText([title]);
  await expect(visitor.locator("main")).not.toContainText(enterprise);

  // 3. The enterprise asks to be introduced to a Bursa company.
  await page.goto("/ms/zone?exchange=XKLS");
  await page.locator(".company-card a").first().click();
  // The heading holds the name, and a badge when the company is green.
  const badges = (await page.locator("h1 .badge").allInnerTexts()).join("");
  const company = (await page.locator("h1").innerText()).split("\n")[0].replace(badges, "").trim();
  await page.getByRole("link", { name: "Mohon perkenalan" }).click();
  await page.getByLabel("Tujuan").selectOption("technology");
  await page.getByLabel("Mesej").fill("Kami ingin membincangkan kerjasama teknologi storan tenaga.");
  await page.getByRole("button", { name: "Hantar permohonan" }).click();
  await expect(page).toHaveURL(/\/ms\/cases\/\d+\?notice=case-opened$/);
  await expect(badge(page)).toHaveText("Dipohon");
  const caseUrl = new URL(page.url()).pathname;

  // The exchange does not see it before the operator forwards it; another exchange never.
  const kl = await as(browser, partner);
  expect((await kl.goto(caseUrl))?.status()).toBe(404);
  const bk = await as(browser, otherPartner);

  // 4. The operator screens and forwards it.
  await ops.goto(caseUrl);
  await stepForm(ops, "screen").getByRole("button").click();
  await expect(badge(ops)).toHaveText("Dalam saringan");
  await stepForm(ops, "forward").getByRole("button").click();
  await expect(badge(ops)).toHaveText("Dimajukan kepada pihak berkenaan");

  // 5. The exchange sees it on its desk, without the enterprise's contacts, and accepts.
  await kl.goto("/ms/cases");
  await kl.locator(`a[href='${caseUrl}']`).click();
  await expect(kl.locator("main")).not.toContainText("+86 574 0000 1234");
  await stepForm(kl, "accept").getByRole("button").click();
  await expect(badge(kl)).toHaveText("Diterima");
  await expect(kl.locator("section.contacts")).toContainText("+86 574 0000 1234");
  expect((await bk.goto(caseUrl))?.status()).toBe(404);

  // 6. A meeting at 15:00 in Bangkok: 16:00 for the enterprise in China.
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const schedule = stepForm(kl, "schedule");
  await schedule.getByLabel("Tarikh").fill(day);
  await schedule.getByLabel("Masa").fill("15:00");
  await schedule.getByLabel("Zon waktu").selectOption("Asia/Bangkok");
  await schedule.getByLabel("Pautan dalam talian atau tempat").fill("https://meet.example/storan");
  await schedule.getByRole("button").click();
  await expect(badge(kl)).toHaveText("Mesyuarat dijadualkan");
  await page.goto(caseUrl);
  await expect(page.locator("section.meeting")).toContainText(`${day} 16:00 (Asia/Shanghai, UTC+08:00)`);
  await expect(page.locator("section.contacts")).toContainText(company);

  // 7. The exchange closes it: financing of MYR 2,000,000.
  const close = stepForm(kl, "close");
  await close.getByLabel("Keputusan", { exact: true }).selectOption("financing");
  await close.getByLabel("Amaun").fill("2000000");
  await close.getByLabel("Mata wang").selectOption("MYR");
  await close.getByRole("button").click();
  await expect(badge(kl)).toHaveText("Ditutup");
  await expect(kl.locator("main")).toContainText("MYR 2,000,000");

  // 8. The home figures follow.
  expect(await figure(visitor, "perkenalan telah dibuat")).toBe(introductions + 1);
  expect(await figure(visitor, "pembiayaan berjaya")).toBe(financings + 1);
});

test("in Thai: an enterprise evaluates its readiness, reads its next steps, takes it again and an operator sees both", async ({ page, browser }) => {
  const email = `rd-${tag}@example.com`;
  await registerVerified(page, email, "宁波示例出海科技有限公司", (Number(tag) + 1) % 100000);
  await signIn(page, email);
  const fields = ["governance", "finance", "ip", "international", "esg"].flatMap((d) => [1, 2, 3, 4].map((n) => `${d}-${n}`));
  const answer = async (level: (field: string) => string) => {
    for (const field of fields) await page.locator(`input[name="${field}"][value="${level(field)}"]`).check();
    await page.locator("form.questionnaire button[type=submit]").click();
    await expect(page).toHaveURL(/\/th\/readiness\/\d+\?notice=readiness-taken$/);
  };

  // Governance not yet in place, the rest fully: one weak area, its four next steps.
  await page.goto("/th/readiness");
  await page.locator("main a[href='/th/readiness/new']").click();
  await answer((f) => (f.startsWith("governance") ? "none" : "fully"));
  await expect(page.locator("figure.score-chart svg rect.bar.weak")).toHaveCount(1);
  await expect(page.locator("section.next-steps li")).toHaveCount(4);
  await expect(page.locator("p.readiness-overall strong")).toContainText("80");

  // The retake starts from those answers; afterwards every area is compared with them.
  await page.goto("/th/readiness/new");
  await expect(page.locator('input[name="governance-1"][value="none"]')).toBeChecked();
  await answer(() => "fully");
  await expect(page.locator("figure.score-chart svg rect.bar.previous")).toHaveCount(5);
  await expect(page.locator("figure.score-chart svg rect.bar.weak")).toHaveCount(0);
  await expect(page.locator("table.readiness-scores tbody tr").first()).toContainText("+100");

  // The operators' list leads to this enterprise's two evaluations.
  const ops = await as(browser, operator);
  await ops.goto("/th/readiness");
  await ops.locator("table.readiness-history a", { hasText: "宁波示例出海科技有限公司" }).click();
  await expect(ops.locator("table.readiness-history tbody tr")).toHaveCount(2);
});
