import { expect, test, type Locator, type Page } from "@playwright/test";
import { format, messages, type Language } from "../src/i18n/messages";
import { formatLocalTime } from "../src/time";
import { pageIsWhole } from "./checks";
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
const screenshots = "e2e-artifacts/screenshots";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  await ensureSetUp(browser);
});

/** The page is whole in its language on a desktop and on a 390 px phone (and is left at desktop width). */
async function checkPage(page: Page, language: Language, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await pageIsWhole(page, language);
  await page.setViewportSize({ width: 390, height: 844 });
  await pageIsWhole(page, language);
  await page.screenshot({ path: `${screenshots}/${language}-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Chooses an option of a picker (partner states, agencies, people) by typing part of its name. */
async function choose(page: Page, label: string, typed: string, option: string) {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  await input.pressSequentially(typed);
  await page.getByRole("listbox").getByRole("option", { name: option }).click();
  await page.keyboard.press("Escape");
}

/** Types a date into a date field (Fluent UI's date picker reads "2031-01-10"). */
async function typeDate(input: Locator, date: string) {
  await input.fill(date);
  await input.press("Enter");
}

/** Types a date and a time into a date-and-time field. */
async function typeDateTime(page: Page, label: string, date: string, time: string) {
  const group = page.getByRole("group", { name: label, exact: true });
  await typeDate(group.getByRole("combobox").first(), date);
  // The second box of the pair is the time (Fluent UI's TimePicker).
  const clock = group.getByRole("combobox").nth(1);
  await clock.fill(time);
  await clock.press("Tab");
}

/** A control by its label's words (a required field's label ends with an asterisk that is not read out). */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));

/** The refusal shown beside a field, found by its label. */
const refusalBeside = (page: Page, label: string) => page.locator(".field", { has: field(page, label) }).getByRole("alert");

test("a working group in French: created with its refusals beside the fields, edited, a monthly series scheduled, an action item and a document; its owner moves the item in Arabic", async ({ browser }) => {
  const fr = messages.fr;
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
  await expect(page.getByRole("cell", { name: "Recenser les programmes de retour et de réintégration" })).toBeVisible();
  await field(page, fr.documentTitle).fill("Note de cadrage");
  await field(page, fr.documentUrl).fill("pas une adresse");
  await page.getByRole("button", { name: fr.addLink }).click();
  await expect(refusalBeside(page, fr.documentUrl)).toHaveText(fr.reason_INVALID_URL);
  await field(page, fr.documentUrl).fill("https://www.icmpd.org/mtm/note-de-cadrage");
  await page.getByRole("button", { name: fr.addLink }).click();
  await expect(page.getByRole("link", { name: "Note de cadrage" })).toHaveAttribute("href", "https://www.icmpd.org/mtm/note-de-cadrage");
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
  for (const offered of [a.editGroup, a.saveSeries, a.addActionItem, a.addLink, format(a.scheduleNext, { count: 2 }, "ar")])
    await expect(owner.page.getByRole("button", { name: offered })).toHaveCount(0);
  await checkPage(owner.page, "ar", "working-group-owner");
  await owner.context.close();
});
