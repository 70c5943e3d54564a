import { expect, test, type Page } from "@playwright/test";
import { format, messages } from "../src/i18n/messages";
import { formatLocalTime } from "../src/time";
import { checkPage, choose, field, graphql, labelled, refusalBeside, typeDate, typeDateTime } from "./forms";
import { ensureSetUp, signIn } from "./session";

/**
 * The standing work of a dialogue between its meetings, each journey in another language: a working group set
 * up and run in French (its series, action items and documents) with its owner moving an item in Arabic; a
 * South-South expert exchange in Arabic from the registry of priorities to its evaluation; City-to-City in
 * English. Every page on the way is checked whole (no raw code, no English left, no sideways scrolling, axe)
 * at desktop width and on a 390 px phone.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";
const egyptianFocalPoint = "focal.point.eg@demo.collaboration.localhost";

test.describe.configure({ mode: "serial" });
// Each journey goes through many pages, each checked at two widths.
test.setTimeout(360_000);

test.beforeAll(async ({ browser }) => {
  await ensureSetUp(browser);
});

test("a working group in French: created with its refusals beside the fields, edited, a monthly series scheduled, an action item and a document; its owner moves the item in Arabic; its chair edits it in French", async ({ browser }) => {
  const fr = messages.fr;
  const itemTitle = "Recenser les programmes de retour et de réintégration";
  const { context, page } = await signIn(browser, secretariat, "fr");
  await page.goto("/dialogues/mtm/groups/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.newWorkingGroup);
  await checkPage(page, "fr", "new-working-group");

  // Nothing filled in: the server's refusal stands beside the field it names, in French.
  await field(page, fr.groupKey).fill("silk-routes");
  await page.getByRole("button", { name: fr.createGroup }).click();
  await expect(refusalBeside(page, fr.name)).toHaveText(fr.reason_REQUIRED);
  await checkPage(page, "fr", "new-working-group-refused");

  await field(page, fr.name).fill("Groupe de travail des routes de la soie");
  await field(page, fr.mandate).fill("Échanger sur les migrations le long des routes de la soie.");
  await choose(page, fr.memberStates, "Égy", "Égypte");
  await choose(page, fr.memberStates, "Maro", "Maroc");
  await choose(page, fr.chairs, "Focal Point Morocco", "Demo Focal Point Morocco");
  await page.getByRole("button", { name: fr.createGroup }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Groupe de travail des routes de la soie");
  const groupPath = new URL(page.url()).pathname;
  expect(groupPath).toBe("/groups/mtm/silk-routes");

  // The secretariat changes the mandate and adds Tunisia; the page says it in French.
  await page.getByRole("button", { name: fr.editGroup }).click();
  await field(page, fr.mandate).fill("Échanger sur les migrations et le retour le long des routes de la soie.");
  await choose(page, fr.memberStates, "Tun", "Tunisie");
  await page.getByRole("button", { name: fr.save, exact: true }).click();
  await expect(page.getByText("Échanger sur les migrations et le retour le long des routes de la soie.")).toBeVisible();
  await expect(page.locator("dd").filter({ hasText: "Tunisie" })).toContainText("Égypte");

  // A rule more frequent than weekly is refused beside the rule; the usual monthly rhythm is offered in words.
  await typeDateTime(page, fr.firstMeeting, "2031-01-14", "10:00");
  await field(page, fr.repeats).selectOption("CUSTOM");
  await field(page, fr.recurrenceRule).fill("FREQ=HOURLY");
  await field(page, fr.hostCountry).selectOption({ label: "Malte" });
  await field(page, fr.city).fill("La Valette");
  await page.getByRole("button", { name: fr.saveSeries }).click();
  await expect(refusalBeside(page, fr.recurrenceRule)).toHaveText(fr.reason_RRULE_TOO_FREQUENT);
  const monthly = format(fr.seriesMonthlyWeekday, { interval: 1, week: 2, weekday: "mardi" }, "fr");
  await field(page, fr.repeats).selectOption({ label: monthly });
  await page.getByRole("button", { name: fr.saveSeries }).click();
  await expect(page.locator("dd").filter({ hasText: monthly })).toBeVisible();
  await page.getByRole("button", { name: format(fr.scheduleNext, { count: 2 }, "fr") }).click();
  await expect(page.locator("ul.occurrences li")).toHaveText([formatLocalTime("2031-01-14T10:00", "fr"), formatLocalTime("2031-02-11T10:00", "fr")]);

  // An action item for a member of the group, and a document by its link (a bad address is refused beside it).
  await field(page, fr.title).fill("Recenser les programmes de retour et de réintégration");
  await field(page, fr.owner).selectOption({ label: "Demo Delegate Egypt (Égypte)" });
  await typeDate(field(page, fr.dueDate), "2031-01-10");
  await page.getByRole("button", { name: fr.addActionItem }).click();
  await expect(page.getByRole("cell", { name: "Recenser les programmes de retour et de réintégration", exact: true })).toBeVisible();
  await field(page, fr.documentTitle).fill("Note de cadrage");
  await field(page, fr.documentUrl).fill("pas une adresse");
  await page.getByRole("button", { name: fr.addLink }).click();
  await expect(refusalBeside(page, fr.documentUrl)).toHaveText(fr.reason_INVALID_URL);
  await field(page, fr.documentUrl).fill("https://www.icmpd.org/mtm/note-de-cadrage");
  await page.getByRole("button", { name: fr.addLink }).click();
  await expect(page.getByRole("link", { name: "Note de cadrage" })).toHaveAttribute("href", "https://www.icmpd.org/mtm/note-de-cadrage");
  // Each confirmation has a Close button, in French, that takes it away at once (the link's, just shown, would stay three seconds).
  const toasts = page.locator(".fui-Toast");
  for (const close of await toasts.getByRole("button", { name: fr.close, exact: true }).all()) await close.click({ timeout: 1000 }).catch(() => undefined);
  await expect(toasts).toHaveCount(0, { timeout: 1000 });
  await checkPage(page, "fr", "working-group");
  await context.close();

  // The item's owner follows it in Arabic: they start it and may finish it, never cancel it, and change nothing else.
  const a = messages.ar;
  const owner = await signIn(browser, egyptianDelegate);
  await owner.page.goto(groupPath);
  await expect(owner.page.locator("html")).toHaveAttribute("dir", "rtl");
  const row = owner.page.getByRole("row").filter({ hasText: "Recenser les programmes" });
  await row.getByRole("button", { name: a.moveTo_IN_PROGRESS }).click();
  await expect(row.locator(".status")).toHaveText(a["ActionItemStatus.IN_PROGRESS"]);
  await expect(row.getByRole("button", { name: a.moveTo_DONE })).toBeVisible();
  await expect(row.getByRole("button", { name: a.moveTo_CANCELLED })).toHaveCount(0);
  for (const offered of [a.editGroup, a.saveSeries, a.addActionItem, a.addLink, format(a.scheduleNext, { count: 2 }, "ar"), format(a.editActionItemOf, { title: itemTitle })])
    await expect(owner.page.getByRole("button", { name: offered })).toHaveCount(0);
  await checkPage(owner.page, "ar", "working-group-owner");
  await owner.context.close();

  // The group's chair (Morocco's focal point) edits the item in French: a due date already passed is refused beside
  // it and nothing changes; then the new title, owner and date are saved, and the item keeps its status.
  const chair = await signIn(browser, "focal.point.ma@demo.collaboration.localhost", "fr");
  await chair.page.goto(groupPath);
  await chair.page.getByRole("button", { name: format(fr.editActionItemOf, { title: itemTitle }) }).click();
  const dialog = chair.page.getByRole("dialog");
  await labelled(dialog, fr.title).fill("Recenser et comparer les programmes de retour et de réintégration");
  await labelled(dialog, fr.owner).selectOption({ label: "Demo Focal Point Morocco (Maroc)" });
  await typeDate(labelled(dialog, fr.dueDate), "2020-03-01");
  await dialog.getByRole("button", { name: fr.saveActionItem }).click();
  await expect(dialog.getByRole("alert")).toHaveText(fr.reason_DUE_DATE_PASSED);
  await typeDate(labelled(dialog, fr.dueDate), "2031-03-01");
  await dialog.getByRole("button", { name: fr.saveActionItem }).click();
  await expect(dialog).toHaveCount(0);
  const edited = chair.page.getByRole("row").filter({ hasText: "Recenser et comparer les programmes" });
  await expect(edited).toContainText("Demo Focal Point Morocco");
  await expect(edited.locator(".status")).toHaveText(fr["ActionItemStatus.IN_PROGRESS"]);
  await checkPage(chair.page, "fr", "working-group-chair");
  await chair.context.close();
});

test("a South-South expert exchange in Arabic: an offer in Egypt's registry, Morocco's request refused then sent, endorsed, reviewed with UNHCR's opinion, Egypt suggested and approved, hosted, scheduled, completed and evaluated by both sides", async ({ browser }) => {
  const a = messages.ar;
  const status = (page: Page) => page.locator("h1 ~ p .status");
  const staff = await signIn(browser, secretariat, "ar");
  // The demo has one focal point (Morocco's); the host state needs its own to accept: the secretariat adds one for Egypt.
  await graphql(staff.context.request, `mutation($p: PersonInput!, $m: MembershipInput!) { addMember(key: "mtm", person: $p, membership: $m) { key } }`, {
    p: { name: "Demo Focal Point Egypt", email: egyptianFocalPoint, preferredLanguage: "ar" },
    m: { roles: ["FOCAL_POINT", "DELEGATE"], partnerStateCode: "EG" },
  });

  // Egypt's focal point records an offer in its registry.
  const egypt = await signIn(browser, egyptianFocalPoint, "ar");
  await egypt.page.goto("/dialogues/mtm/registry/EG");
  await expect(egypt.page.getByRole("heading", { level: 1 })).toHaveText(format(a.registryOf, { state: "مصر" }, "ar"));
  await field(egypt.page, a.kind).selectOption({ label: a["PriorityKind.OFFER"] });
  await field(egypt.page, a.topic).selectOption("Return and reintegration");
  await field(egypt.page, a.description).fill("الإرشاد في مجال إعادة الإدماج للعائدين.");
  await choose(egypt.page, a.languages, "الفر", "الفرنسية");
  await egypt.page.getByRole("button", { name: a.addPriority }).click();
  await expect(egypt.page.getByText("الإرشاد في مجال إعادة الإدماج للعائدين.")).toBeVisible();
  await checkPage(egypt.page, "ar", "registry");

  // Morocco's focal point asks; a period that ends before it starts is refused beside its end.
  const morocco = await signIn(browser, "focal.point.ma@demo.collaboration.localhost", "ar");
  const m = morocco.page;
  await m.goto("/dialogues/mtm/exchanges");
  await field(m, a.topic).selectOption("Return and reintegration");
  await field(m, a.objectives).fill("الاطلاع على الإرشاد في مجال إعادة الإدماج على أرض الواقع.");
  await typeDate(field(m, a.preferredFrom), "2031-03-01");
  await typeDate(field(m, a.preferredTo), "2031-02-01");
  await field(m, a.language).selectOption({ label: "الفرنسية" });
  await checkPage(m, "ar", "exchanges");
  await m.getByRole("button", { name: a.sendRequest }).click();
  await expect(refusalBeside(m, a.preferredTo)).toHaveText(a.reason_ENDS_BEFORE_START);
  await typeDate(field(m, a.preferredTo), "2031-04-30");
  await m.getByRole("button", { name: a.sendRequest }).click();
  await expect(status(m)).toHaveText(a["ExchangeStatus.DRAFT"]);
  const exchangePath = new URL(m.url()).pathname;
  await m.getByRole("button", { name: a.submit, exact: true }).click();
  await expect(status(m)).toHaveText(a["ExchangeStatus.SUBMITTED"]);
  await m.getByRole("button", { name: a.endorse, exact: true }).click();
  await expect(status(m)).toHaveText(a["ExchangeStatus.ENDORSED"]);
  // The review is the secretariat's: Morocco is not offered it.
  await expect(m.getByRole("button", { name: a.startReview })).toHaveCount(0);
  await checkPage(m, "ar", "exchange-endorsed");

  // The secretariat consults UNHCR until a deadline and takes it under review.
  const s = staff.page;
  await s.goto(exchangePath);
  await choose(s, a.consultAgencies, "UNHCR", "United Nations High Commissioner for Refugees (UNHCR)");
  await typeDateTime(s, a.opinionDeadline, "2030-06-01", "12:00");
  await s.getByRole("button", { name: a.startReview }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.UNDER_REVIEW"]);
  const suggestion = s.locator("ol.suggestions > li").first();
  await expect(suggestion).toContainText("مصر");
  await expect(suggestion).toContainText(format(a.hostReasonLanguage, { language: "الفرنسية" }, "ar"));
  await checkPage(s, "ar", "exchange-review");

  // UNHCR gives its opinion.
  const unhcr = await signIn(browser, "unhcr@demo.collaboration.localhost", "ar");
  await unhcr.page.goto(exchangePath);
  await field(unhcr.page, a.agencyOpinion).fill("تدعم المفوضية هذا التبادل.");
  await unhcr.page.getByRole("button", { name: a.giveOpinion }).click();
  await expect(unhcr.page.locator("ol.history")).toContainText(a["exchangeAction_opinion"]);
  await expect(unhcr.page.getByRole("button", { name: a.reject })).toHaveCount(0);
  await unhcr.context.close();

  // The secretariat approves with Egypt as host; Egypt's focal point names its expert.
  await s.reload();
  await s.getByRole("button", { name: format(a.approveWith, { state: "مصر" }, "ar") }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.APPROVED"]);
  await egypt.page.goto(exchangePath);
  await choose(egypt.page, a.hostExperts, "Delegate Egypt", "Demo Delegate Egypt");
  await egypt.page.getByRole("button", { name: a.confirmHost }).click();
  await expect(status(egypt.page)).toHaveText(a["ExchangeStatus.HOST_CONFIRMED"]);

  // The secretariat schedules it in Cairo's time zone (chosen for the host state) and records it completed.
  await s.reload();
  await typeDateTime(s, a.starts, "2031-04-07", "09:00");
  await field(s, a.city).fill("الإسكندرية");
  await s.getByRole("button", { name: a.scheduleExchange }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.SCHEDULED"]);
  await expect(s.getByRole("link", { name: a.openMeeting })).toBeVisible();
  await s.getByRole("button", { name: a.complete }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.COMPLETED"]);

  // Each side evaluates once; then it is evaluated, and its history reads in Arabic.
  await m.reload();
  await field(m, a.evaluation).fill("حقق التبادل أهدافه.");
  await m.getByRole("button", { name: a.evaluate, exact: true }).click();
  await expect(m.getByRole("button", { name: a.evaluate, exact: true })).toHaveCount(0);
  await egypt.page.reload();
  await field(egypt.page, a.evaluation).fill("تبادل مثمر للطرفين.");
  await egypt.page.getByRole("button", { name: a.evaluate, exact: true }).click();
  await expect(status(egypt.page)).toHaveText(a["ExchangeStatus.EVALUATED"]);
  await expect(egypt.page.locator("ol.history > li")).toHaveCount(11);
  await expect(egypt.page.locator("ol.history")).toContainText(a["exchangeAction_host-confirmed"]);
  await checkPage(egypt.page, "ar", "exchange-evaluated");
  await Promise.all([egypt.context.close(), morocco.context.close(), staff.context.close()]);
});

test("City-to-City in English: cities, a partnership refused within one country, a roadmap with a refused milestone, a meeting linked by its title; a city official keeps the profile", async ({ browser }) => {
  const en = messages.en;
  const { context, page } = await signIn(browser, secretariat, "en");
  await page.goto("/dialogues/mtm/cities");
  // Barcelona is the demo's city (its official belongs to it); the secretariat adds two more.
  await expect(page.getByRole("link", { name: "Barcelona", exact: true })).toBeVisible();
  for (const [key, name, country] of [["valencia", "Valencia", "Spain"], ["tunis", "Tunis", "Tunisia"]]) {
    await field(page, en.name).fill(name);
    await field(page, en.cityKey).fill(key);
    await field(page, en.country).selectOption({ label: country });
    await page.getByRole("button", { name: en.addCity }).click();
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await checkPage(page, "en", "cities");
  await choose(page, en.partnerCities, "Barc", "Barcelona");
  await choose(page, en.partnerCities, "Vale", "Valencia");
  await field(page, en.theme).fill("Reception of newcomers");
  await typeDate(field(page, en.roadmapStart), "2031-01-01");
  await typeDate(field(page, en.roadmapEnd), "2031-12-31");
  await page.getByRole("button", { name: en.createPartnership }).click();
  await expect(page.locator(".field", { has: page.getByRole("combobox", { name: en.partnerCities, exact: true }) }).getByRole("alert")).toHaveText(en.reason_CITIES_IN_ONE_COUNTRY);
  // A chosen city is a tag that a click (or Delete) takes back out.
  const chosen = page.getByRole("listbox", { name: en.partnerCities }).getByRole("option", { name: format(en.removeName, { name: "Valencia" }) });
  await chosen.click();
  await expect(chosen).toHaveCount(0);
  await choose(page, en.partnerCities, "Tun", "Tunis");
  await page.getByRole("button", { name: en.createPartnership }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reception of newcomers");

  await field(page, en.milestone).fill("Peer visit to Tunis");
  await typeDate(field(page, en.dueDate), "2032-03-01");
  await page.getByRole("button", { name: en.addMilestone }).click();
  await expect(refusalBeside(page, en.dueDate)).toHaveText(format(en.reason_MILESTONE_OUTSIDE_ROADMAP, { starts: "2031-01-01", ends: "2031-12-31" }));
  await typeDate(field(page, en.dueDate), "2031-05-01");
  await page.getByRole("button", { name: en.addMilestone }).click();
  const milestoneStatus = page.getByRole("combobox", { name: format(en.statusOf, { title: "Peer visit to Tunis" }) });
  await milestoneStatus.selectOption({ label: en["MilestoneStatus.DONE"] });
  await expect(milestoneStatus).toHaveValue("DONE");

  // A study visit in Barcelona, to which the city's officials are invited (set up through the API), is found by
  // a word of its title among the dialogue's meetings, linked, and shown by its title.
  const title = `Study visit on the reception of newcomers ${Date.now().toString(36).slice(-5)}`;
  const { createMeeting } = await graphql(context.request, `mutation($d: MeetingDetailsInput!) { createMeeting(key: "mtm", details: $d) { meeting { id } } }`, {
    d: {
      titles: [{ language: "en", text: title }], type: "STUDY_VISIT", pillar: "Migration and Development", hostCountry: "ES", city: "Barcelona",
      timeZone: "Europe/Madrid", startsLocal: "2031-04-14T09:00", endsLocal: "2031-04-14T17:00", workingLanguages: ["en"], visibility: "PARTICIPANTS",
    },
  });
  const visit = createMeeting.meeting.id as string;
  await graphql(context.request, `mutation($id: ID!) { inviteToMeeting(id: $id, targets: [{ cityId: "mtm/barcelona" }]) { meeting { version } } }`, { id: visit });
  await graphql(context.request, `mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { version } } }`, { id: visit });
  await field(page, en.findMeeting).fill("STUDY visit on the reception");
  const meeting = field(page, en.meetingToLink);
  await expect(meeting.locator("option", { hasText: title })).toHaveCount(1);
  await meeting.selectOption({ label: `${title} — ${new Intl.DateTimeFormat("en", { dateStyle: "medium" }).format(new Date("2031-04-14T12:00:00Z"))}` });
  await page.getByRole("button", { name: en.linkMeeting }).click();
  await expect(page.locator("section", { hasText: en.linkedMeetings }).getByRole("link", { name: title })).toBeVisible();
  await expect(meeting.locator("option", { hasText: title })).toHaveCount(0);
  await field(page, en.findMeeting).fill("no meeting is called this");
  await expect(page.getByText(en.noMeetingFound)).toBeVisible();
  await checkPage(page, "en", "partnership");
  await context.close();

  const official = await signIn(browser, "barcelona@demo.collaboration.localhost", "en");
  await official.page.goto("/dialogues/mtm/cities");
  await official.page.getByRole("link", { name: "Barcelona", exact: true }).click();
  await field(official.page, en.overview).fill("A port city of arrival and settlement.");
  await official.page.getByRole("button", { name: en.saveProfile }).click();
  await expect(official.page.getByText("A port city of arrival and settlement.").first()).toBeVisible();
  await expect(field(official.page, en.profileVersionShown)).toHaveValue("1");
  await field(official.page, en.overview).fill("A port city of arrival, transit and settlement.");
  await official.page.getByRole("button", { name: en.saveProfile }).click();
  await expect(field(official.page, en.profileVersionShown)).toHaveValue("2");
  // The first version stays readable.
  await field(official.page, en.profileVersionShown).selectOption("1");
  await expect(official.page.locator("dl.profile")).toContainText("A port city of arrival and settlement.");
  await checkPage(official.page, "en", "city");
  // The official finds the partnership's study visit, to which Barcelona is invited, by its title.
  await official.page.goto("/dialogues/mtm/cities");
  await official.page.getByRole("link", { name: "Reception of newcomers" }).first().click();
  await official.page.locator("section", { hasText: en.linkedMeetings }).getByRole("link", { name: title }).click();
  await expect(official.page.getByRole("heading", { level: 1 })).toHaveText(title);
  await official.context.close();
});
