import { expect, test } from "@playwright/test";

/** Fails every test of the calling file on a browser console error (a CSP violation is one)
 * or an uncaught exception, except messages matching `expected`. A test that causes an error
 * on purpose (a 404 it asks for) forgives it with `forgive`. */
export function guardConsole(expected?: RegExp) {
  let problems: string[] = [];
  test.beforeEach(({ page }) => {
    problems = [];
    page.on("console", (m) => {
      if (m.type() === "error" && !expected?.test(m.text())) problems.push(`console: ${m.text()} (${m.location().url})`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  });
  test.afterEach(() => {
    expect(problems, "browser console errors").toEqual([]);
  });
  return {
    forgive(part: string) {
      problems = problems.filter((p) => !p.includes(part));
    },
  };
}
