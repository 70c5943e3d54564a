import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import { latestSignInLink, server } from "./server";

const secretariat = "secretariat@demo.collaboration.localhost";
const italianCoChair = "delegate.it@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";
const screenshots = "e2e-artifacts/screenshots";

test.describe.configure({ mode: "serial" });

let meetingPath = "";

/** Signs a person in the way people do: ask for a link in the app, open the mail, follow the link. */
async function signIn(browser: Browser, email: string, language?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: server().baseURL, locale: "en-GB" });
  const page = await context.newPage();
  if (language) await page.addInitScript((l) => localStorage.setItem("collaboration.language", l), language);
  const previous = latestSignInLink(email);
  await page.goto("/");
  await page.locator("input[type=email]").fill(email);
  await page.locator("form button[type=submit]").click();
  await expect(page.getByRole("status")).toBeVisible();
  let link: string | null = null;
  await expect.poll(() => (link = latestSignInLink(email, previous ?? undefined))).not.toBeNull();
  await page.goto(link!);
  await page.getByRole("button").click();
  await expect(page.locator("header .who")).toBeVisible();
  return { context, page };
}

async function noAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the first administrator sets the server up", async ({ page }) => {
  await page.goto(server().setupLink);
  await page.getByLabel("Name").fill("Ada Administrator");
  await page.getByLabel("Email").fill("ada@demo.collaboration.localhost");
  await page.getByRole("button", { name: /Create administrator/ }).click();
  await expect(page.getByRole("link", { name: "Mediterranean Transit Migration Dialogue" })).toBeVisible();
});

test("the secretariat signs in and schedules a meeting, with the server's messages beside the fields", async ({ browser }) => {
  const { context, page } = await signIn(browser, secretariat, "en");
  await page.getByRole("link", { name: "Mediterranean Transit Migration Dialogue" }).click();
  await noAccessibilityViolations(page);
  await page.getByRole("link", { name: "New meeting" }).click();

  await page.getByLabel("Title (English)").fill("Expert meeting on labour migration");
  await page.getByLabel("Title (Français)").fill("Réunion d'experts sur la migration de main-d'œuvre");
  await page.getByLabel("Host partner state").selectOption("MT");
  await page.getByLabel("City", { exact: true }).fill("Valletta");
  await page.getByLabel("Starts", { exact: true }).fill("2030-03-12T09:00");
  await page.getByLabel("Ends", { exact: true }).fill("2030-03-12T08:00");
  await page.getByRole("button", { name: "Create the draft" }).click();
  // The server refuses the times; its message stands beside the field it names.
  await expect(page.locator(".field", { has: page.getByLabel("Ends", { exact: true }) }).getByRole("alert")).toContainText("end after it starts");
  await noAccessibilityViolations(page);
  await page.getByLabel("Ends", { exact: true }).fill("2030-03-12T17:00");
  await page.getByRole("button", { name: "Create the draft" }).click();

  await page.getByLabel(/Demo Delegate Italy/).check();
  await page.getByLabel(/Demo Focal Point Morocco/).check();
  await page.getByRole("button", { name: "Save" }).click();
  // The co-chairs are booked by this very meeting on the 12th: the assistant proposes other days.
  await page.getByLabel("To", { exact: true }).fill("2030-03-15");
  await page.getByRole("button", { name: "Find a time" }).click();
  await expect(page.getByRole("button", { name: "Use this time" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();

  await page.getByLabel("Session title").fill("Opening session");
  await page.getByRole("button", { name: "Add the session" }).click();
  await expect(page.locator("ol.sessions li")).toHaveCount(1);
  await page.getByRole("button", { name: "Next" }).click();

  for (const state of ["Egypt", "Italy", "Morocco"]) await page.getByLabel(state, { exact: true }).check();
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByRole("heading", { name: /Invited \([1-9]/ })).toBeVisible();
  await page.screenshot({ path: `${screenshots}/en-meeting-wizard.png`, fullPage: true });
  await page.getByRole("button", { name: "Schedule and send the invitations" }).click();

  await expect(page.locator("article .status").first()).toHaveText("SCHEDULED");
  meetingPath = new URL(page.url()).pathname;
  await noAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/en-meeting.png`, fullPage: true });
  await context.close();
});

test("a co-chair writes notes; a delegate follows them live in Arabic and catches up after a dropped connection", async ({ browser }) => {
  expect(meetingPath).not.toBe("");
  const coChair = await signIn(browser, italianCoChair, "en");
  const delegate = await signIn(browser, egyptianDelegate);

  // The Egyptian delegate's preferred language is Arabic: the app follows it, right to left.
  await expect(delegate.page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(delegate.page.locator("html")).toHaveAttribute("lang", "ar");

  // The delegate's notes connection runs through a route the test can cut, as a dropped network would.
  const sockets: WebSocketRoute[] = [];
  await delegate.page.routeWebSocket(/\/hubs\/notes/, (ws) => {
    ws.connectToServer();
    sockets.push(ws);
  });

  await delegate.page.goto(meetingPath);
  await delegate.page.getByRole("button", { name: "قبول" }).click();
  await expect(delegate.page.locator("article .status").nth(1)).toHaveText("ACCEPTED");
  await noAccessibilityViolations(delegate.page);
  await delegate.page.screenshot({ path: `${screenshots}/ar-meeting.png`, fullPage: true });

  await coChair.page.goto(`${meetingPath}/notes`);
  await delegate.page.goto(`${meetingPath}/notes`);
  await expect(delegate.page.getByText("متصل", { exact: true })).toBeVisible();
  await expect(coChair.page.getByText("Connected", { exact: true })).toBeVisible();

  const editor = coChair.page.getByLabel("New entry");
  await editor.fill("Participants stressed the role of diaspora networks in skills partnerships.");
  await editor.press("Enter");
  await expect(delegate.page.locator("ol.entries li").filter({ hasText: "diaspora networks" })).toBeVisible();
  // Mixed-language notes read correctly: each entry sets its own direction.
  await expect(delegate.page.locator("ol.entries .entry-text").first()).toHaveAttribute("dir", "auto");

  // The co-chair edits in place from the keyboard: up arrow to the entry, Enter, change, Enter.
  await editor.press("ArrowUp");
  await coChair.page.keyboard.press("Enter");
  await coChair.page.getByLabel("Edit").fill("Participants stressed the role of diaspora networks in skills and mobility partnerships.");
  await coChair.page.getByLabel("Edit").press("Enter");
  await expect(delegate.page.getByText("skills and mobility partnerships")).toBeVisible();

  // The delegate's network drops; the co-chair goes on writing.
  await delegate.context.setOffline(true);
  for (const ws of sockets) await ws.close();
  await expect(delegate.page.getByText("انقطع الاتصال. جارٍ إعادة الاتصال…").first()).toBeVisible();
  await editor.fill("A pilot on recognition of qualifications was proposed.");
  await editor.press("Enter");
  await editor.fill("Next steps will be taken up at the next working session.");
  await editor.press("Enter");
  await expect(coChair.page.locator("ol.entries li:not(.pending)")).toHaveCount(3);

  // Back online: the missed entries appear, in order, once each.
  await delegate.context.setOffline(false);
  await expect(delegate.page.locator("ol.entries li")).toHaveCount(3, { timeout: 30_000 });
  await expect(delegate.page.locator("ol.entries li").nth(1)).toContainText("recognition of qualifications");
  await expect(delegate.page.locator("ol.entries li").nth(2)).toContainText("Next steps");
  await noAccessibilityViolations(delegate.page);
  await delegate.page.screenshot({ path: `${screenshots}/ar-live-notes.png`, fullPage: true });
  await coChair.page.screenshot({ path: `${screenshots}/en-live-notes.png`, fullPage: true });

  await coChair.context.close();
  await delegate.context.close();
});

test("nothing typed in the notes editor is lost by a refresh", async ({ browser }) => {
  const coChair = await signIn(browser, italianCoChair, "en");
  await coChair.page.goto(`${meetingPath}/notes`);
  await coChair.page.getByLabel("New entry").fill("A draft that must survive a reload");
  await coChair.page.reload();
  await expect(coChair.page.getByLabel("New entry")).toHaveValue("A draft that must survive a reload");
  await coChair.context.close();
});
