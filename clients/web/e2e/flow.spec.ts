import { readFile } from "node:fs/promises";
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { format, messages, type Language } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";
import { nominate, pick, required, setDate, setDateTime } from "./forms";
import { noAccessibilityViolations, signIn } from "./session";

const secretariat = "secretariat@demo.collaboration.localhost";
const italianCoChair = "delegate.it@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";
const dialogueName = "Mediterranean Transit Migration Dialogue";
const screenshots = "e2e-artifacts/screenshots";

test.describe.configure({ mode: "serial" });

// In Arabic, right to left (the English pages and the wizard's refusals are the meeting journey's, meeting.spec.ts);
// another language goes through the same journey on its own day.
const journeys: [Language, string][] = [["ar", "2030-04-09"]];
for (const [language, day] of journeys) {
  const m = messages[language];
  const title = language === "en" ? "Expert meeting on labour migration" : "اجتماع خبراء حول هجرة اليد العاملة";
  let meetingPath = "";

  test(`[${language}] the secretariat signs in and schedules a meeting, with the server's messages beside the fields`, async ({ browser }) => {
    const { context, page } = await signIn(browser, secretariat, language);
    await expect(page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");
    await page.getByRole("link", { name: dialogueName }).click();
    await page.getByRole("button", { name: m.calendar }).click();
    await noAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/${language}-dialogue-calendar.png`, fullPage: true });
    await page.getByRole("link", { name: m.newMeeting }).click();

    const own = language === "en" ? "English" : "العربية";
    await page.getByLabel(format(m.titleIn, { language: own })).fill(title);
    await page.getByLabel(m.hostCountry).selectOption("MT");
    await required(page, m.city).fill("Valletta");
    await setDateTime(page, m.starts, `${day}T09:00`);
    await setDateTime(page, m.ends, `${day}T08:00`);
    await page.getByRole("button", { name: m.createDraft }).click();
    // The server refuses the times; its message stands beside the field it names.
    const ends = page.locator(".field", { has: page.getByRole("group", { name: m.ends }) }).getByRole("alert");
    // The server's reason, said in the user's language.
    await expect(ends).toHaveText(m.reason_ENDS_BEFORE_START);
    await noAccessibilityViolations(page);
    await setDateTime(page, m.ends, `${day}T17:00`);
    await page.getByRole("button", { name: m.createDraft }).click();

    await pick(page, m.coChairs, "Italy", /Demo Delegate Italy/);
    await pick(page, m.coChairs, "Morocco", /Demo Focal Point Morocco/);
    // Rapporteurs are secretariat staff: they take the notes with the co-chairs.
    await pick(page, m.rapporteurs, "Secretariat", /Demo Secretariat Officer/);
    await page.getByRole("button", { name: m.saveChairs }).click();
    await expect(page.getByText(m.chairsSaved).first()).toBeVisible();
    // The co-chairs are booked by this very meeting on its day: the assistant proposes other days.
    await setDate(page, m.to, `${day.slice(0, 8)}${String(Number(day.slice(8)) + 3).padStart(2, "0")}`);
    await page.getByRole("button", { name: m.suggestSlots }).click();
    await expect(page.getByRole("button", { name: m.useSlot }).first()).toBeVisible();
    await page.getByRole("button", { name: m.next }).click();

    await page.getByLabel(format(m.sessionTitleIn, { language: own })).fill(language === "en" ? "Opening session" : "الجلسة الافتتاحية");
    await page.getByRole("button", { name: m.addSession }).click();
    await expect(page.getByRole("list", { name: m.agenda }).getByRole("listitem")).toHaveCount(1);
    await page.getByRole("button", { name: m.next }).click();

    const country = new Intl.DisplayNames([language], { type: "region" });
    for (const state of ["EG", "IT", "MA"]) await pick(page, m.whomToInvite, country.of(state)!, new RegExp(`^${country.of(state)}`));
    await page.getByRole("button", { name: m.invite, exact: true }).click();
    // Morocco's focal point is asked to nominate its delegation; Egypt has none, so the secretariat nominates for it.
    await nominate(page, m.nominate, "Demo Delegate Egypt");
    await expect(page.getByRole("table", { name: m.invitations }).getByText(/^Demo Delegate Egypt/)).toBeVisible();
    await noAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/${language}-meeting-wizard.png`, fullPage: true });
    await page.getByRole("button", { name: m.next }).click();
    await page.getByRole("button", { name: m.schedule }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator(".meeting-status")).toHaveText(m["MeetingStatus.SCHEDULED"]);
    await expect(page.locator("dl.facts dt", { hasText: m.rapporteurs }).locator("xpath=following-sibling::dd[1]")).toHaveText(/^Demo Secretariat Officer\b/);
    meetingPath = new URL(page.url()).pathname;
    await noAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/${language}-meeting.png`, fullPage: true });
    await context.close();
  });

  test(`[${language}] a co-chair writes notes; a delegate follows them live and catches up after a dropped connection`, async ({ browser }) => {
    expect(meetingPath).not.toBe("");
    const coChair = await signIn(browser, italianCoChair, language);
    // In the Arabic run the delegate picks no language: the app follows their preferred one, Arabic.
    const delegate = await signIn(browser, egyptianDelegate, language === "ar" ? undefined : language);
    await expect(delegate.page.locator("html")).toHaveAttribute("lang", language);
    await expect(delegate.page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");

    // The delegate's notes connection runs through a route the test can cut, as a dropped network would.
    const sockets: WebSocketRoute[] = [];
    await delegate.page.routeWebSocket(/\/hubs\/notes/, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });

    await delegate.page.goto(meetingPath);
    await delegate.page.getByRole("button", { name: m["InvitationResponse.ACCEPT"] }).click();
    await expect(delegate.page.locator(".my-status")).toHaveText(m["InvitationStatus.ACCEPTED"]);
    await noAccessibilityViolations(delegate.page);

    await coChair.page.goto(`${meetingPath}/notes`);
    await delegate.page.goto(`${meetingPath}/notes`);
    await expect(delegate.page.getByText(m.connectionBack, { exact: true })).toBeVisible();
    await expect(coChair.page.getByText(m.connectionBack, { exact: true })).toBeVisible();
    await expect(delegate.page.getByText(m.readOnlyView)).toBeVisible();
    await expect(delegate.page.getByLabel(m.newEntry)).toHaveCount(0);

    const editor = coChair.page.getByLabel(m.newEntry);
    await editor.fill("Participants stressed the role of diaspora networks in skills partnerships.");
    await editor.press("Enter");
    await expect(delegate.page.locator("ol.entries li").filter({ hasText: "diaspora networks" })).toBeVisible();
    // Mixed-language notes read correctly: each entry sets its own direction.
    await expect(delegate.page.locator("ol.entries .entry-text").first()).toHaveAttribute("dir", "auto");

    // The co-chair edits in place from the keyboard: up arrow to the entry, Enter, change, Enter.
    await editor.press("ArrowUp");
    await coChair.page.keyboard.press("Enter");
    await coChair.page.getByLabel(m.edit, { exact: true }).fill("Participants stressed the role of diaspora networks in skills and mobility partnerships.");
    await coChair.page.getByLabel(m.edit, { exact: true }).press("Enter");
    await expect(delegate.page.getByText("skills and mobility partnerships")).toBeVisible();

    // The delegate's network drops; the loss is shown; the co-chair goes on writing (one entry in Arabic).
    await delegate.context.setOffline(true);
    for (const ws of sockets) await ws.close();
    await expect(delegate.page.getByText(m.connectionLost).first()).toBeVisible();
    await editor.fill("A pilot on recognition of qualifications was proposed.");
    await editor.press("Enter");
    await editor.fill("ستُناقش الخطوات التالية في جلسة العمل المقبلة.");
    await editor.press("Enter");
    await expect(coChair.page.locator("ol.entries li:not(.pending)")).toHaveCount(3);

    // Back online: the missed entries appear, in order, once each.
    await delegate.context.setOffline(false);
    await expect(delegate.page.locator("ol.entries li")).toHaveCount(3, { timeout: 30_000 });
    await expect(delegate.page.locator("ol.entries li").nth(1)).toContainText("recognition of qualifications");
    await expect(delegate.page.locator("ol.entries li").nth(2)).toContainText("الخطوات التالية");
    await noAccessibilityViolations(delegate.page);
    await noAccessibilityViolations(coChair.page);
    await delegate.page.screenshot({ path: `${screenshots}/${language}-live-notes-viewer.png`, fullPage: true });
    await coChair.page.screenshot({ path: `${screenshots}/${language}-live-notes-editor.png`, fullPage: true });

    // Nothing typed in the editor is lost by a refresh.
    await editor.fill("A draft that must survive a reload");
    await coChair.page.reload();
    await expect(coChair.page.getByLabel(m.newEntry)).toHaveValue("A draft that must survive a reload");

    await coChair.context.close();
    await delegate.context.close();
  });
}

test("two note-takers editing one entry: the later one sees the other's text and chooses", async ({ browser }) => {
  const first = await signIn(browser, italianCoChair, "en");
  const second = await signIn(browser, "focal.point.ma@demo.collaboration.localhost", "en");
  await first.page.goto("/");
  await first.page.getByRole("link", { name: dialogueName }).click();
  // The meeting the Arabic journey above scheduled, whose notes hold its entry on diaspora networks.
  await first.page.getByRole("link", { name: "اجتماع خبراء حول هجرة اليد العاملة" }).first().click();
  const notes = `${new URL(first.page.url()).pathname}/notes`;
  await first.page.goto(notes);
  await second.page.goto(notes);
  const entry = (page: Page) => page.locator("ol.entries li").first();
  await expect(entry(second.page)).toContainText("diaspora networks");

  // Both open the same entry for editing; the first saves, then the second.
  await entry(first.page).getByRole("button", { name: "Edit" }).click();
  await entry(second.page).getByRole("button", { name: "Edit" }).click();
  await first.page.getByLabel("Edit", { exact: true }).fill("Version of the first note-taker.");
  await first.page.getByLabel("Edit", { exact: true }).press("Enter");
  await second.page.getByLabel("Edit", { exact: true }).fill("Version of the second note-taker.");
  await second.page.getByLabel("Edit", { exact: true }).press("Enter");

  const conflict = second.page.locator(".conflict");
  await expect(conflict).toContainText("Someone else changed this entry");
  await expect(conflict.locator("blockquote")).toHaveText("Version of the first note-taker.");
  await conflict.getByRole("button", { name: /Use mine/ }).click();
  await expect(entry(first.page)).toContainText("Version of the second note-taker.");
  await first.context.close();
  await second.context.close();
});

test("the secretariat checks a CSV of members before importing it", async ({ browser }) => {
  const { context, page } = await signIn(browser, secretariat, "fr");
  await page.goto("/");
  await page.getByRole("link", { name: dialogueName }).click();
  await page.getByRole("link", { name: messages.fr.directory }).click();
  // Partner states by their French names (several members represent Morocco).
  await expect(page.getByRole("cell", { name: "Maroc", exact: true }).first()).toBeVisible();
  await page.getByLabel(messages.fr.csv).fill(
    "email,name,roles,partnerStateCode\nexpert.tn@demo.collaboration.localhost,Tunisian Expert,Delegate,TN\nbad@demo.collaboration.localhost,Someone,Juggler,TN\n",
  );
  await page.getByRole("button", { name: messages.fr.dryRun, exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("Juggler");
  await expect(page.getByRole("button", { name: messages.fr.importNow, exact: true })).toBeDisabled();
  await page.getByLabel(messages.fr.csv).fill("email,name,roles,partnerStateCode\nexpert.tn@demo.collaboration.localhost,Tunisian Expert,Delegate,TN\n");
  await page.getByRole("button", { name: messages.fr.dryRun, exact: true }).click();
  await expect(page.getByRole("status")).toContainText(format(messages.fr.importChecked, { count: 1 }));
  await page.getByRole("button", { name: messages.fr.importNow, exact: true }).click();
  await expect(page.getByRole("status")).toContainText(format(messages.fr.importOk, { count: 1 }));
  await expect(page.getByRole("cell", { name: "Tunisian Expert", exact: true })).toBeVisible();
  // A file over one request's limit of 128 KiB (about 140 KiB) is checked in two parts; its bad line, in the second part,
  // keeps its number in the file, and an address of the first part repeated in the second is found too. Both in French.
  const many = Array.from({ length: 1400 }, (_, i) => `expert${i === 1398 ? 0 : i}@demo.collaboration.localhost,Expert ${i} ${"x".repeat(40)},${i === 1397 ? "Juggler" : "Delegate"},TN`);
  // Chosen as a file, as a spreadsheet saves it (CSV UTF-8, with a byte order mark); its text shows in the field.
  const file = ["email,name,roles,partnerStateCode", ...many].join("\r\n");
  await page.getByLabel(messages.fr.csvFile).setInputFiles({ name: "membres.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${file}\r\n`) });
  // (A text field shows line breaks as \n whatever the file had.)
  await expect(page.getByLabel(messages.fr.csv)).toHaveValue(`${file.replaceAll("\r\n", "\n")}\n`);
  await page.getByRole("button", { name: messages.fr.dryRun, exact: true }).click();
  const problems = page.getByRole("alert").getByRole("listitem");
  await expect(problems).toHaveText([
    `${format(messages.fr.line, { line: 1399 })}: roles: ${format(messages.fr.reason_UNKNOWN_ROLES, { roles: "Juggler", known: "Secretariat, FocalPoint, Delegate, Agency, Observer, CityOfficial, Translator" })}`,
    `${format(messages.fr.line, { line: 1400 })}: email: ${format(messages.fr.reason_DUPLICATE_EMAIL, { line: 2 })}`,
  ]);
  await pageIsWhole(page, "fr");
  await context.close();
});

test("personal data: a delegate downloads their own; an administrator exports a member's and erases them, confirmed by address", async ({ browser }) => {
  const m = messages.en;
  const delegate = await signIn(browser, egyptianDelegate, "en");
  await delegate.page.locator("header .who button").click();
  const [own] = await Promise.all([delegate.page.waitForEvent("download"), delegate.page.getByRole("menuitem", { name: m.myData }).click()]);
  expect(JSON.parse(await readFile((await own.path())!, "utf8")).person.profile.email).toBe(egyptianDelegate);
  await delegate.context.close();

  const { context, page } = await signIn(browser, "ada@demo.collaboration.localhost", "en");
  await page.goto("/");
  await page.getByRole("link", { name: dialogueName }).click();
  await page.getByRole("link", { name: m.directory }).click();
  const leaving = "leaving.expert@demo.collaboration.localhost";
  await page.getByLabel(m.csv).fill(`email,name,roles,partnerStateCode\n${leaving},Leaving Expert,Delegate,TN\n`);
  await page.getByRole("button", { name: m.dryRun, exact: true }).click();
  await page.getByRole("button", { name: m.importNow, exact: true }).click();
  await expect(page.getByRole("cell", { name: "Leaving Expert", exact: true })).toBeVisible();

  const [exported] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: format(m.exportDataOf, { name: "Leaving Expert" }) }).click(),
  ]);
  const data = JSON.parse(await readFile((await exported.path())!, "utf8"));
  expect(data.person.profile.email).toBe(leaving);
  expect(data.memberships.map((x: { partnerStateCode: string }) => x.partnerStateCode)).toEqual(["TN"]);

  await page.getByRole("button", { name: format(m.eraseOf, { name: "Leaving Expert" }) }).click();
  await page.getByLabel(m.eraseConfirm).fill("someone.else@demo.collaboration.localhost");
  await page.getByRole("button", { name: m.eraseNow }).click();
  await expect(page.getByRole("alert")).toContainText(m.reason_ERASURE_NOT_CONFIRMED);
  await noAccessibilityViolations(page);
  await page.getByLabel(m.eraseConfirm).fill(leaving);
  await page.getByRole("button", { name: m.eraseNow }).click();
  await expect(page.getByRole("status").filter({ hasText: format(m.erased, { name: "Leaving Expert" }) })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Leaving Expert", exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${screenshots}/directory-erasure.png`, fullPage: true });
  await context.close();
});
