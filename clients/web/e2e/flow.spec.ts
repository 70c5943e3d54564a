import { readFile } from "node:fs/promises";
import { expect, test, type Page, type WebSocketRoute } from "@playwright/test";
import { format, messages } from "../src/i18n/messages";
import { server } from "./server";
import { noAccessibilityViolations, signIn } from "./session";

const secretariat = "secretariat@demo.collaboration.localhost";
const italianCoChair = "delegate.it@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";
const dialogueName = "Mediterranean Transit Migration Dialogue";
const screenshots = "e2e-artifacts/screenshots";

test.describe.configure({ mode: "serial" });

test("the first administrator sets the server up", async ({ page }) => {
  await page.goto(server().setupLink);
  await page.getByLabel("Name").fill("Ada Administrator");
  await page.getByLabel("Email").fill("ada@demo.collaboration.localhost");
  await page.getByRole("button", { name: /Create administrator/ }).click();
  await expect(page.getByRole("link", { name: dialogueName })).toBeVisible();
});

for (const [language, day] of [["en", "2030-03-12"], ["ar", "2030-04-09"]] as const) {
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

    await page.getByLabel(format(m.titleIn, { language: language === "en" ? "English" : "العربية" })).fill(title);
    await page.getByLabel(m.hostCountry).selectOption("MT");
    await page.getByLabel(m.city, { exact: true }).fill("Valletta");
    await page.getByLabel(m.starts, { exact: true }).fill(`${day}T09:00`);
    await page.getByLabel(m.ends, { exact: true }).fill(`${day}T08:00`);
    await page.getByRole("button", { name: m.createDraft }).click();
    // The server refuses the times; its message stands beside the field it names.
    const ends = page.locator(".field", { has: page.getByLabel(m.ends, { exact: true }) }).getByRole("alert");
    // The server's reason, said in the user's language.
    await expect(ends).toHaveText(m.reason_ENDS_BEFORE_START);
    await noAccessibilityViolations(page);
    await page.getByLabel(m.ends, { exact: true }).fill(`${day}T17:00`);
    await page.getByRole("button", { name: m.createDraft }).click();

    await page.getByLabel(/Demo Delegate Italy/).check();
    await page.getByLabel(/Demo Focal Point Morocco/).check();
    // Rapporteurs are secretariat staff: they take the notes with the co-chairs.
    await page.getByRole("group", { name: m.chooseRapporteurs }).getByLabel(/Demo Secretariat Officer/).check();
    await page.getByRole("button", { name: m.save }).click();
    // The co-chairs are booked by this very meeting on its day: the assistant proposes other days.
    await page.getByLabel(m.to, { exact: true }).fill(`${day.slice(0, 8)}${String(Number(day.slice(8)) + 3).padStart(2, "0")}`);
    await page.getByRole("button", { name: m.suggestSlots }).click();
    await expect(page.getByRole("button", { name: m.useSlot }).first()).toBeVisible();
    await page.getByRole("button", { name: m.next }).click();

    await page.getByLabel(m.sessionTitle).fill(language === "en" ? "Opening session" : "الجلسة الافتتاحية");
    await page.getByRole("button", { name: m.addSession }).click();
    await expect(page.locator("ol.sessions li")).toHaveCount(1);
    await page.getByRole("button", { name: m.next }).click();

    for (const state of ["Egypt", "Italy", "Morocco"]) await page.getByLabel(state, { exact: true }).check();
    await page.getByRole("button", { name: m.invite, exact: true }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`${m.invited} \\([1-9]`) })).toBeVisible();
    await noAccessibilityViolations(page);
    await page.screenshot({ path: `${screenshots}/${language}-meeting-wizard.png`, fullPage: true });
    await page.getByRole("button", { name: m.schedule }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("article .status").first()).toHaveText("SCHEDULED");
    await expect(page.getByRole("list", { name: m.rapporteurs })).toHaveText("Demo Secretariat Officer");
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
    await delegate.page.getByRole("button", { name: m.accept }).click();
    await expect(delegate.page.locator("section[aria-labelledby=registration] .status")).toHaveText("ACCEPTED");
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
  await first.page.getByRole("link", { name: "Expert meeting on labour migration" }).first().click();
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
  await expect(page.getByRole("cell", { name: "Tunisian Expert" })).toBeVisible();
  await noAccessibilityViolations(page);
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

test("a working group: the secretariat sets it up with a monthly series and an action item; its owner moves it, in Arabic", async ({ browser }) => {
  const m = messages.en;
  const { context, page } = await signIn(browser, secretariat, "en");
  await page.getByRole("link", { name: dialogueName }).click();
  await page.getByRole("link", { name: m.newWorkingGroup }).click();
  await page.getByLabel(m.name, { exact: true }).fill("Silk Routes working group");
  await page.getByLabel(m.groupKey).fill("silk-routes");
  await page.getByLabel(m.mandate).fill("Exchange on migration along the Silk Routes.");
  for (const state of ["Egypt", "Morocco"]) await page.getByLabel(state, { exact: true }).check();
  await page.getByLabel(/Demo Focal Point Morocco/).check();
  await page.getByRole("button", { name: m.createGroup }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Silk Routes working group");

  await page.getByLabel(m.recurrenceRule).fill("FREQ=HOURLY");
  await page.getByLabel(m.firstMeeting).fill("2031-01-14T10:00");
  await page.getByLabel(m.city, { exact: true }).fill("Valletta");
  await page.getByRole("button", { name: m.setSeries }).click();
  await expect(page.locator(".field", { has: page.getByLabel(m.recurrenceRule) }).getByRole("alert")).toHaveText(m.reason_RRULE_TOO_FREQUENT);
  await page.getByLabel(m.recurrenceRule).fill("FREQ=MONTHLY;BYDAY=2TU");
  await page.getByRole("button", { name: m.setSeries }).click();
  await expect(page.getByText("FREQ=MONTHLY;BYDAY=2TU ·")).toBeVisible();
  await page.getByRole("button", { name: format(m.scheduleNext, { count: 2 }) }).click();
  await expect(page.locator("section[aria-labelledby=series] li")).toHaveText(["2031-01-14 10:00", "2031-02-11 10:00"]);

  await page.getByLabel(m.title, { exact: true }).fill("Map return and reintegration programmes");
  await page.getByLabel(m.owner).selectOption({ label: "Demo Delegate Egypt" });
  await page.getByLabel(m.dueDate).fill("2031-01-10");
  await page.getByRole("button", { name: m.addActionItem }).click();
  await expect(page.getByRole("cell", { name: "Map return and reintegration programmes" })).toBeVisible();
  await noAccessibilityViolations(page);
  await context.close();

  const a = messages.ar;
  const owner = await signIn(browser, egyptianDelegate);
  await owner.page.getByRole("link", { name: dialogueName }).click();
  await owner.page.getByRole("link", { name: "Silk Routes working group", exact: true }).click();
  await owner.page.getByRole("button", { name: format(a.moveTo, { status: a.status_IN_PROGRESS }) }).click();
  await expect(owner.page.locator("section[aria-labelledby=actions] .status")).toHaveText(a.status_IN_PROGRESS);
  // Cancelling is for the chairs and the secretariat (the server refuses it, tested on the grain): the owner is not offered it.
  await expect(owner.page.getByRole("button", { name: format(a.moveTo, { status: a.status_DONE }) })).toBeVisible();
  await expect(owner.page.getByRole("button", { name: format(a.moveTo, { status: a.status_CANCELLED }) })).toHaveCount(0);
  await noAccessibilityViolations(owner.page);
  await owner.page.screenshot({ path: `${screenshots}/ar-working-group.png`, fullPage: true });
  await owner.context.close();
});

test("a South-South expert exchange: an offer in the registry, a request in French, endorsement, review and a matched host", async ({ browser }) => {
  const en = messages.en;
  const fr = messages.fr;
  const secretariatSession = await signIn(browser, secretariat, "en");
  const s = secretariatSession.page;
  await s.getByRole("link", { name: dialogueName }).click();
  await s.getByRole("link", { name: "Egypt", exact: true }).click();
  await s.getByLabel(en.kind).selectOption("OFFER");
  await s.getByLabel(en.topic).selectOption("Return and reintegration");
  await s.getByLabel(en.description).fill("Reintegration counselling for returnees.");
  await s.getByLabel("Français").check();
  await s.getByRole("button", { name: en.addPriority }).click();
  await expect(s.locator("section[aria-labelledby=kind-OFFER] li")).toContainText("Reintegration counselling");

  const focal = await signIn(browser, "focal.point.ma@demo.collaboration.localhost", "fr");
  const f = focal.page;
  await f.getByRole("link", { name: dialogueName }).click();
  await f.getByRole("link", { name: fr.expertExchanges }).click();
  await f.getByLabel(fr.requestingState).selectOption({ label: "Morocco" });
  await f.getByLabel(fr.requestingExpert).selectOption({ label: "Demo Focal Point Morocco" });
  await f.getByLabel(fr.topic).selectOption("Return and reintegration");
  await f.getByLabel(fr.objectives).fill("Voir le conseil à la réintégration en pratique.");
  await f.getByLabel(fr.preferredFrom).fill("2031-03-01");
  await f.getByLabel(fr.preferredTo).fill("2031-02-01");
  await f.getByRole("button", { name: fr.sendRequest }).click();
  await expect(f.locator(".field", { has: f.getByLabel(fr.preferredTo) }).getByRole("alert")).toHaveText(fr.reason_ENDS_BEFORE_START);
  await f.getByLabel(fr.preferredTo).fill("2031-04-30");
  await f.getByRole("button", { name: fr.sendRequest }).click();
  await f.getByRole("button", { name: fr.submit }).click();
  await f.getByRole("button", { name: fr.endorse }).click();
  await expect(f.locator("article .status")).toHaveText(fr.exchangeStatus_ENDORSED);
  const exchangePath = new URL(f.url()).pathname;
  await noAccessibilityViolations(f);

  await s.goto(exchangePath);
  await s.getByRole("button", { name: en.startReview }).click();
  await s.getByRole("button", { name: en.hostSuggestions }).click();
  const suggestion = s.locator("section[aria-labelledby=suggestions] li").first();
  await expect(suggestion).toContainText("Egypt");
  await expect(suggestion).toContainText("its experts work in fr");
  await suggestion.getByRole("button", { name: format(en.approveWith, { state: "Egypt" }) }).click();
  await expect(s.locator("article .status")).toHaveText(en.exchangeStatus_APPROVED);
  await expect(s.locator("section[aria-labelledby=history] li")).toHaveCount(5);
  await secretariatSession.context.close();
  await focal.context.close();
});

test("City-to-City in Arabic: cities, a partnership refused within one country, a roadmap; a city official keeps the profile", async ({ browser }) => {
  const a = messages.ar;
  const { context, page } = await signIn(browser, secretariat, "ar");
  await page.getByRole("link", { name: dialogueName }).click();
  await page.getByRole("link", { name: a.cities, exact: true }).click();
  // Barcelona is the demo's city (its official chose it); the others are added here.
  await expect(page.getByRole("link", { name: "Barcelona", exact: true })).toBeVisible();
  for (const [key, name, country] of [["valencia", "Valencia", "ES"], ["tunis", "Tunis", "TN"]]) {
    await page.getByLabel(a.name, { exact: true }).fill(name);
    await page.getByLabel(a.groupKey).fill(key);
    await page.getByLabel(a.country).fill(country);
    await page.getByRole("button", { name: a.addCity }).click();
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await page.getByRole("checkbox", { name: /Barcelona/ }).check();
  await page.getByRole("checkbox", { name: /Valencia/ }).check();
  await page.getByLabel(a.theme).fill("Reception of newcomers");
  await page.getByLabel(a.from, { exact: true }).fill("2031-01-01");
  await page.getByLabel(a.to, { exact: true }).fill("2031-12-31");
  await page.getByRole("button", { name: a.createPartnership }).click();
  await expect(page.getByRole("alert").first()).toHaveText(a.reason_CITIES_IN_ONE_COUNTRY);
  await page.getByRole("checkbox", { name: /Valencia/ }).uncheck();
  await page.getByRole("checkbox", { name: /Tunis/ }).check();
  await page.getByRole("button", { name: a.createPartnership }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reception of newcomers");

  await page.getByLabel(a.title, { exact: true }).fill("Peer visit to Tunis");
  await page.getByLabel(a.dueDate).fill("2032-03-01");
  await page.getByRole("button", { name: a.addMilestone }).click();
  await expect(page.getByRole("alert").first()).toHaveText(format(a.reason_MILESTONE_OUTSIDE_ROADMAP, { starts: "2031-01-01", ends: "2031-12-31" }));
  await page.getByLabel(a.dueDate).fill("2031-05-01");
  await page.getByRole("button", { name: a.addMilestone }).click();
  await page.getByLabel(`${a.status}: Peer visit to Tunis`).selectOption("DONE");
  await expect(page.getByLabel(`${a.status}: Peer visit to Tunis`)).toHaveValue("DONE");
  await noAccessibilityViolations(page);
  await page.screenshot({ path: `${screenshots}/ar-city-partnership.png`, fullPage: true });
  await context.close();

  const official = await signIn(browser, "barcelona@demo.collaboration.localhost", "en");
  await official.page.getByRole("link", { name: dialogueName }).click();
  await official.page.getByRole("link", { name: messages.en.cities, exact: true }).click();
  await official.page.getByRole("link", { name: "Barcelona", exact: true }).click();
  await official.page.getByLabel(messages.en.overview).fill("A port city of arrival and settlement.");
  await official.page.getByRole("button", { name: messages.en.saveProfile }).click();
  await expect(official.page.getByRole("heading", { name: /Version 1/ })).toBeVisible();
  await official.context.close();
});
