import { expect, type Page, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { guardConsole } from "./console-guard";
import { creditCode } from "./credit-code";

// Fails on any browser console error (a CSP violation is one) or uncaught exception. Chromium
// also logs a refused form's 422 as an error: that one is the expected answer.
guardConsole(/Failed to load resource: the server responded with a status of 422/);

const root = path.resolve(__dirname, "../..");
const database = process.env.E2E_DATABASE ?? "target/e2e/vnext.sqlite";
const passphrase = "Penang palm oil partners 2026";
const operator = `ops-${Date.now()}@vnext.example`;

// The sign-in form's email, password and button labels.
const signInLabels = { en: ["Email", "Password", "Sign in"], ms: ["E-mel", "Kata laluan", "Log masuk"] };

async function signIn(page: Page, lang: keyof typeof signInLabels, email: string, password: string) {
  const [emailLabel, passwordLabel, submit] = signInLabels[lang];
  await page.goto(`/${lang}/login`);
  await page.getByLabel(emailLabel).fill(email);
  await page.getByLabel(passwordLabel).fill(password);
  await page.getByRole("button", { name: submit }).click();
}

test.beforeAll(() => {
  // Operators are created on the command line, as in production.
  execFileSync(process.env.E2E_SERVER ?? "target/debug/vnext", ["admin", "create-operator", "--email", operator, "--password-stdin"], {
    cwd: root,
    input: `${passphrase}\n`,
    env: { ...process.env, DATABASE_URL: `sqlite://${database}`, RUST_LOG: "warn" },
  });
});

test("a wrong credit code shows the localized error in Thai", async ({ page }) => {
  await page.goto("/th/register");
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await page.getByLabel("ชื่อบริษัท (ภาษาจีน)").fill("曼谷示例贸易有限公司");
  const code = creditCode(4242);
  const wrong = code.slice(0, 17) + (code.endsWith("0") ? "1" : "0");
  await page.getByLabel("รหัสเครดิตสังคมแบบรวม (USCC)").fill(wrong);
  await page.getByRole("button", { name: "ลงทะเบียน" }).click();
  const error = page.locator("#field-uscc-error");
  await expect(error).toContainText(`ตัวตรวจสอบต้องเป็น "${code.slice(-1)}"`);
  await expect(page.getByLabel("ชื่อบริษัท (ภาษาจีน)")).toHaveValue("曼谷示例贸易有限公司");
  await expect(page.getByLabel("รหัสเครดิตสังคมแบบรวม (USCC)")).toHaveAttribute("aria-invalid", "true");
});

test("register, an operator verifies, the enterprise signs in and sees its profile", async ({ page, browser }) => {
  const email = `li.wei.${Date.now()}@example.com`;
  const code = creditCode(Date.now() % 100000);

  await page.goto("/en/register");
  await page.getByLabel("Company name (Chinese)").fill("深圳海丝新能源有限公司");
  await page.getByLabel("Company name (English, optional)").fill("Shenzhen Maritime Silk New Energy Co., Ltd.");
  await page.getByLabel("Unified Social Credit Code").fill(code.toLowerCase());
  await page.getByLabel("Type of enterprise").selectOption("sme");
  await page.getByLabel("Industry").selectOption("energy");
  await page.getByLabel("Name of the contact person").fill("Li Wei");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone").fill("+86 755 8888 6666");
  await page.getByLabel("Password", { exact: true }).fill(passphrase);
  await page.getByLabel("Repeat the password").fill(passphrase);
  await page.getByLabel(/I accept the terms of use/).check();
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page).toHaveURL(/\/en\/login\?notice=registered$/);
  await expect(page.locator(".notice")).toContainText("Thank you for registering");

  // The operator, in a browser of their own.
  const ops = await browser.newContext();
  const console = await ops.newPage();
  await signIn(console, "en", operator, passphrase);
  await expect(console).toHaveURL(/\/en\/account$/);
  await console.getByRole("link", { name: "Operator console" }).first().click();
  const row = console.locator(`tr[data-email="${email}"]`);
  await expect(row).toContainText("深圳海丝新能源有限公司");
  await expect(row).toContainText("Guangdong");
  await row.getByRole("button", { name: "Verify" }).click();
  await expect(console.locator(".notice")).toHaveText("Done.");
  await expect(console.locator(`details[data-recipient="${email}"]`).first()).toContainText("Your enterprise is verified");
  await ops.close();

  // The enterprise signs in and sees its profile, verified.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(passphrase);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/account$/);
  await expect(page.getByRole("heading", { level: 2, name: "深圳海丝新能源有限公司" })).toBeVisible();
  await expect(page.locator("main")).toContainText(code);
  await expect(page.locator("main")).toContainText("Verified");

  // Verified enterprises see the liaison desk on company pages.
  await page.goto("/en/zone");
  await page.locator("li.company-card a").first().click();
  await expect(page.locator(".liaison")).toContainText("@vnext.example");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.locator(".notice")).toHaveText("You are signed out.");
  await page.goto("/en/account");
  await expect(page).toHaveURL(/\/en\/login\?next=/);
});

test("in Malay, a partner desk made in the console chooses its own password, sees its sessions and ends them all", async ({ page, browser }) => {
  const desk = `meja-${Date.now()}@bursa.example`;
  const own = "kata laluan meja sendiri 2026";

  // The operator creates the desk's account with a first password.
  await signIn(page, "ms", operator, passphrase);
  await page.goto("/ms/admin");
  const form = page.locator("form[action='/ms/admin/partners']");
  await form.getByLabel("Bursa").selectOption("XKLS");
  await form.getByLabel("E-mel").fill(desk);
  await form.getByLabel("Kata laluan").fill(passphrase);
  await form.getByRole("button", { name: "Cipta akaun rakan kongsi" }).click();
  await expect(page.locator(".notice")).toBeVisible();
  await page.context().clearCookies();

  // The desk signs in with it and is sent to choose its own.
  await signIn(page, "ms", desk, passphrase);
  await page.goto("/ms/zone");
  await expect(page).toHaveURL(/\/ms\/account\/password\?notice=set-password$/);
  await expect(page.locator(".notice")).toContainText("tetapkan kata laluan anda sendiri");
  await page.getByLabel("Kata laluan semasa").fill(passphrase);
  await page.getByLabel("Kata laluan baharu").fill(own);
  await page.getByLabel("Ulang kata laluan").fill(own);
  await page.getByRole("button", { name: "Tukar kata laluan" }).click();
  await expect(page).toHaveURL(/\/ms\/account\?notice=password-changed$/);

  // A second browser signs in too; the first sees both and ends them all.
  const other = await browser.newContext();
  const phone = await other.newPage();
  await signIn(phone, "ms", desk, own);
  await expect(phone).toHaveURL(/\/ms\/account$/);
  await page.reload();
  const sessions = page.locator("section.account-sessions");
  await expect(sessions.getByRole("heading")).toHaveText("Peranti yang sedang log masuk");
  await expect(sessions.locator("tbody tr")).toHaveCount(2);
  await expect(sessions.locator(".badge")).toHaveText("peranti ini");
  await sessions.getByRole("button", { name: "Log keluar daripada semua peranti" }).click();
  await expect(page.locator(".notice")).toHaveText("Anda telah log keluar daripada semua peranti.");
  await phone.goto("/ms/account");
  await expect(phone).toHaveURL(/\/ms\/login\?next=/);
  await other.close();
});
