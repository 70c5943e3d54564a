import axe from "axe-core";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Language } from "../src/i18n/messages";
import { latestSignInLink, server } from "./server";

type Session = Awaited<ReturnType<BrowserContext["storageState"]>>;

/**
 * Sessions already made, per address, kept beside the server's database: a person signs in by mail once per run
 * (at most five links an hour per address), whichever worker asks, and also after a failed test restarts its worker.
 */
const sessions = {
  file: (email: string) => join(server().folder, "sessions", `${encodeURIComponent(email.toLowerCase())}.json`),
  get(email: string): Session | undefined {
    try {
      return JSON.parse(readFileSync(this.file(email), "utf8")) as Session;
    } catch {
      return undefined;
    }
  },
  set(email: string, session: Session) {
    const file = this.file(email);
    mkdirSync(join(server().folder, "sessions"), { recursive: true });
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(session));
    renameSync(`${file}.${process.pid}`, file);
  },
};

/**
 * Signs a person in the way people do: ask for a link in the app, open the mail, follow the link (later
 * tests reuse the session cookie). With a language, the person picked it on this device; without, the app
 * follows their preferred language.
 */
export async function signIn(browser: Browser, email: string, language?: Language): Promise<{ context: BrowserContext; page: Page }> {
  const saved = sessions.get(email);
  const context = await browser.newContext({ baseURL: server().baseURL, locale: "en-GB", storageState: saved });
  const page = await context.newPage();
  await page.addInitScript((l) => {
    if (l) localStorage.setItem("collaboration.language", l);
    else localStorage.removeItem("collaboration.language");
  }, language ?? "");
  await page.goto("/");
  if (!saved) {
    const previous = latestSignInLink(email);
    await page.locator("input[type=email]").fill(email);
    await page.locator("form button[type=submit]").click();
    await expect(page.getByRole("status")).toBeVisible();
    let link: string | null = null;
    await expect.poll(() => (link = latestSignInLink(email, previous ?? undefined))).not.toBeNull();
    await page.goto(link!);
    await page.getByRole("button").click();
  }
  await expect(page.locator("header .who")).toBeVisible();
  sessions.set(email, await context.storageState());
  return { context, page };
}

/**
 * What axe finds on the page, WCAG 2 A and AA. Fluent UI's focus manager (tabster) puts focusable, aria-hidden
 * sentinels (data-tabster-dummy) at the page's edges once a dialog is mounted, which pass focus straight on:
 * a known false positive of aria-hidden-focus (microsoft/tabster#288), so axe does not look at them.
 * Axe measures colours as they are drawn: a toast still fading in is half transparent and reads as too pale,
 * so the check first lets every finite animation end (a spinner's endless one is not waited for).
 * Axe is put into the page once per document and run there (axe.run): 0.31 s a check, where @axe-core/playwright,
 * which sends axe's 600 KB source twice a check and finishes in a page of its own, took 1.7 s (meeting spec; 137 checks a run, a
 * third of the journeys' time). The journeys' pages have no frames, the one thing its way is needed for.
 */
export async function noAccessibilityViolations(page: Page) {
  await animationsSettled(page);
  // While a modal dialog opens or closes, Fluent's focus manager hides the app (#root) for a moment; axe caught in
  // that moment reports every control behind the dialog (once in five full runs). Let it pass, at most two seconds.
  await page.waitForFunction(() => document.getElementById("root")?.getAttribute("aria-hidden") !== "true", null, { timeout: 2000 }).catch(() => undefined);
  expect(page.frames(), "axe runs in the page's own document only").toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof import("axe-core") };
    const results = await axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      // Only violations are described in full, not every node that passes.
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] }, resultTypes: ["violations"] },
    );
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)}`).join(", ")}`);
  });
  expect(violations).toEqual([]);
}


/** The server may be fresh (a spec run alone): the first administrator sets it up, as flow.spec.ts does first. */
export async function ensureSetUp(browser: Browser) {
  const context = await browser.newContext({ baseURL: server().baseURL });
  const page = await context.newPage();
  const { data } = await (await page.request.post("/graphql", { data: { query: "{ setupRequired }" } })).json();
  if (data.setupRequired) {
    await page.goto(server().setupLink);
    await page.getByLabel("Full name").fill("Ada Administrator");
    await page.getByLabel("Email address").fill("ada@demo.collaboration.localhost");
    await page.getByRole("button", { name: /Create the administrator/ }).click();
    await expect(page.locator("header .who")).toBeVisible();
  }
  await context.close();
}

/**
 * Waits, at most two seconds, for the page's short animations (toasts fading in, dialogs opening) to end. A toast's
 * timer is an animation too, running as long as the toast stays (seconds): it changes nothing drawn, so it is not waited for.
 */
async function animationsSettled(page: Page) {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => Number(a.effect?.getComputedTiming().endTime ?? Infinity) <= 1000);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((done) => setTimeout(done, 2000))]);
  });
}
