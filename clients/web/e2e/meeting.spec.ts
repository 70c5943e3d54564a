import { expect, test, type Page } from "@playwright/test";
import { format, messages, type Language } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";
import { nominate, pick, required, setDateTime } from "./forms";
import { signIn } from "./session";

/**
 * The secretariat runs one meeting from the browser: the wizard (details, co-chairs and rapporteurs, agenda,
 * invitations of every kind, review), then the meeting page (edit, reschedule, withdraw, documents, open)
 * and the cancellation of another meeting; the same pages in French and Arabic. Run at desktop width and,
 * in the phone project, at 390 px.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const m = messages.en;
const pillar = "Migration and Development";

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** The meeting page's tab of that name. */
async function tab(page: Page, name: string) {
  await page.getByRole("tablist").getByRole("tab", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name, exact: true })).toBeVisible();
}

/** The overview's fact under this heading. */
const fact = (page: Page, name: string) => page.locator("dl.facts dt", { hasText: name }).locator("xpath=following-sibling::dd[1]");

let meetingPath = "";
const title = "Expert meeting on labour mobility";

test("the secretariat prepares a meeting with the wizard: every bad field at once, then details, chairs, agenda, invitations of every kind, schedule", async ({ browser }, info) => {
  const { page, context } = await signIn(browser, secretariat, "en");
  await page.goto("/dialogues/mtm/meetings/new");
  await expect(page.getByRole("heading", { level: 1, name: m.newMeeting })).toBeVisible();

  // Nothing filled: the server names each missing field beside it.
  await page.getByRole("button", { name: m.createDraft }).click();
  await expect(page.locator(".field", { has: page.getByLabel(format(m.titleIn, { language: "Arabic" })) }).getByRole("alert")).toHaveText(m.reason_NO_TITLE);
  await expect(page.locator(".field", { has: page.getByRole("group", { name: m.starts }) }).getByRole("alert")).toBeVisible();
  await expect(page.locator(".field", { has: page.getByLabel(m.hostCountry) }).getByRole("alert")).toBeVisible();
  await pageIsWhole(page, "en");

  await page.getByLabel(format(m.titleIn, { language: "English" })).fill(`${title} (${info.project.name})`);
  await page.getByLabel(format(m.titleIn, { language: "French" })).fill(`Réunion d'experts sur la mobilité de la main-d'œuvre (${info.project.name})`);
  await page.getByLabel(format(m.titleIn, { language: "Arabic" })).fill("اجتماع خبراء حول تنقل اليد العاملة");
  await page.getByLabel(m.pillar).selectOption(pillar);
  await page.getByLabel(m.hostCountry).selectOption("MT");
  await expect(page.getByRole("combobox", { name: m.timeZone })).toHaveValue("Europe/Malta");
  await required(page, m.city).fill("Valletta");
  await page.getByLabel(m.venue).fill("Mediterranean Conference Centre");
  await page.getByLabel(m.visibility).selectOption("PUBLIC");
  const day = info.project.name === "phone" ? "2031-06-10" : "2031-05-20";
  await setDateTime(page, m.starts, `${day}T09:00`);
  await setDateTime(page, m.ends, `${day}T17:00`);
  await page.getByRole("button", { name: m.createDraft }).click();

  // Co-chairs (the dialogue's rule is said) and a rapporteur.
  await expect(page.getByRole("button", { name: format(m.stepNumbered, { number: 2, step: m.chairsAndRapporteurs }) })).toHaveAttribute("aria-current", "step");
  meetingPath = `/meetings/${new URL(page.url()).searchParams.get("meeting")}`;
  await pick(page, m.coChairs, "Italy", /Demo Delegate Italy/);
  await pick(page, m.coChairs, "Morocco", /Demo Focal Point Morocco/);
  await pick(page, m.rapporteurs, "Secretariat", /Demo Secretariat Officer/);
  await page.getByRole("button", { name: m.saveChairs }).click();
  await expect(page.getByText(m.chairsSaved).first()).toBeVisible();
  await pageIsWhole(page, "en");
  await page.getByRole("button", { name: m.next }).click();

  // The agenda: two sessions, the second moved before the first from the keyboard, a moderator named.
  const adding = page.getByRole("form", { name: m.addSessionHeading });
  for (const [name, starts, ends] of [["Opening session", "09:00", "10:30"], ["Labour mobility pilots", "11:00", "12:30"]]) {
    await page.getByLabel(format(m.sessionTitleIn, { language: "English" })).fill(name);
    await setDateTime(page, m.starts, `${day}T${starts}`, adding);
    await setDateTime(page, m.ends, `${day}T${ends}`, adding);
    if (name === "Opening session") await pick(page, m.moderators, "Egypt", /Demo Delegate Egypt/);
    await page.getByRole("button", { name: m.addSession }).click();
    await expect(page.getByRole("list", { name: m.agenda }).getByRole("heading", { name })).toBeVisible();
  }
  const move = page.getByRole("button", { name: format(m.moveSessionUp, { title: "Labour mobility pilots" }) });
  await move.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("list", { name: m.agenda }).getByRole("heading", { level: 3 })).toHaveText(["1.Labour mobility pilots", "2.Opening session"]);
  await expect(page.getByRole("list", { name: m.agenda }).getByText("Demo Delegate Egypt")).toBeVisible();
  await pageIsWhole(page, "en");
  await page.getByRole("button", { name: m.next }).click();

  // Invitations: a partner state, a partner agency, an observer, a city and a person, in one go.
  await pick(page, m.whomToInvite, "Egypt", /^Egypt/);
  await pick(page, m.whomToInvite, "UNHCR", /^UNHCR/);
  await pick(page, m.whomToInvite, "League", /^LAS/);
  await pick(page, m.whomToInvite, "Barcelona", /^Barcelona/);
  await pick(page, m.whomToInvite, "Italy", /^Demo Delegate Italy/);
  await page.getByRole("button", { name: m.invite, exact: true }).click();
  // Egypt has no focal point registered: the secretariat nominates its delegate on its behalf.
  await nominate(page, m.nominate, "Demo Delegate Egypt");
  const invitations = page.getByRole("table", { name: m.invitations });
  for (const name of ["Demo Delegate Egypt", "Demo UNHCR Officer", "Demo League of Arab States Observer", "Demo City Official Barcelona", "Demo Delegate Italy"])
    // The invitee's name (with what tells them apart), not the "Withdraw …" button that names them too.
    await expect(invitations.getByText(new RegExp(`^${name}( ·|$)`))).toBeVisible();
  await pageIsWhole(page, "en");
  await page.getByRole("button", { name: m.next }).click();

  await page.getByRole("button", { name: m.schedule }).click();
  await expect(page).toHaveURL(new RegExp(`${meetingPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (${info.project.name})`);
  await expect(page.locator(".meeting-status")).toHaveText(m["MeetingStatus.SCHEDULED"]);
  await pageIsWhole(page, "en");
  await context.close();
});

test("on the meeting page the secretariat edits, reschedules (asked first), withdraws an invitation, adds documents, names a session's guide and opens the meeting; nothing it did not change is reset", async ({ browser }, info) => {
  expect(meetingPath).not.toBe("");
  const { page, context } = await signIn(browser, secretariat, "en");
  await page.goto(meetingPath);
  await expect(fact(page, m.visibility)).toHaveText(m["MeetingVisibility.PUBLIC"]);
  await expect(fact(page, m.type)).toContainText(pillar);
  await expect(fact(page, m.rapporteurs)).toHaveText(/^Demo Secretariat Officer\b/);
  await pageIsWhole(page, "en");

  // A detail changed alone is saved alone.
  await tab(page, m.editDetails);
  await page.getByLabel(m.venue).fill("Grand Master's Palace");
  await page.getByRole("button", { name: m.saveDetails }).click();
  await expect(page.getByText(m.detailsSaved).first()).toBeVisible();

  // Moving the dates mails the participants: asked first.
  const day = info.project.name === "phone" ? "2031-06-11" : "2031-05-21";
  await setDateTime(page, m.starts, `${day}T09:00`);
  await setDateTime(page, m.ends, `${day}T17:00`);
  await page.getByRole("button", { name: m.reschedule }).click();
  const ask = page.getByRole("alertdialog", { name: m.rescheduleTitle });
  await expect(ask).toBeVisible();
  await pageIsWhole(page, "en");
  await ask.getByRole("button", { name: m.rescheduleConfirm }).click();
  await expect(page.getByText(m.meetingRescheduled).first()).toBeVisible();

  // What the form did not change stays: public, with its pillar and the new venue.
  await tab(page, m.overview);
  await expect(fact(page, m.visibility)).toHaveText(m["MeetingVisibility.PUBLIC"]);
  await expect(fact(page, m.type)).toContainText(pillar);
  await expect(fact(page, m.place)).toContainText("Grand Master's Palace");
  await expect(fact(page, m.starts)).toContainText(day === "2031-05-21" ? "21 May 2031" : "11 Jun 2031");
  // The agenda moved with the meeting.
  await tab(page, m.agenda);
  await expect(page.getByRole("list", { name: m.agenda }).getByRole("listitem").first()).toContainText(day === "2031-05-21" ? "21 May" : "11 Jun");

  // Withdraw one invitation, asked first.
  await tab(page, m.invitations);
  await page.getByRole("button", { name: format(m.withdrawInvitationOf, { name: "Demo UNHCR Officer" }) }).click();
  const withdraw = page.getByRole("alertdialog", { name: m.withdrawInvitationTitle });
  await withdraw.getByRole("button", { name: m.withdrawInvitation }).click();
  await expect(page.getByText(format(m.invitationWithdrawn, { name: "Demo UNHCR Officer" })).first()).toBeVisible();
  const row = page.getByRole("table", { name: m.invitations }).getByRole("row", { name: /Demo UNHCR Officer/ });
  await expect(row).toContainText(m["InvitationStatus.WITHDRAWN"]);
  await pageIsWhole(page, "en");

  // Documents: a file uploaded, a link added.
  await tab(page, m.documents);
  await page.getByRole("button", { name: m.file, exact: true }).setInputFiles({ name: "discussion-guide.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% discussion guide\n%%EOF\n") });
  await page.getByLabel(m.kind).first().selectOption("DISCUSSION_GUIDE");
  await page.getByRole("button", { name: m.upload, exact: true }).click();
  await expect(page.getByText(m.documentUploaded).first()).toBeVisible();
  const linkForm = page.locator("form", { has: page.getByRole("heading", { name: m.addLink }) });
  await linkForm.getByLabel(m.title).fill("ILO labour migration statistics");
  await linkForm.getByLabel(m.address).fill("https://www.ilo.org/labour-migration");
  await linkForm.getByRole("button", { name: m.addLinkButton }).click();
  await expect(page.getByText(m.linkAdded).first()).toBeVisible();
  const documents = page.getByRole("table", { name: m.documents });
  await expect(documents.getByRole("link", { name: "discussion-guide" })).toHaveAttribute("download", "discussion-guide.pdf");
  await expect(documents.getByRole("link", { name: "ILO labour migration statistics" })).toHaveAttribute("href", "https://www.ilo.org/labour-migration");
  await pageIsWhole(page, "en");

  // The uploaded guide becomes the discussion guide of a session.
  await tab(page, m.agenda);
  await page.getByRole("button", { name: format(m.editSessionNamed, { title: "Opening session" }) }).click();
  const edit = page.getByRole("form", { name: format(m.editSessionNamed, { title: "Opening session" }) });
  await edit.getByLabel(m.discussionGuide).selectOption({ label: `discussion-guide (${m["DocumentKind.DISCUSSION_GUIDE"]})` });
  await edit.getByRole("button", { name: m.saveSession }).click();
  await expect(page.getByRole("list", { name: m.agenda }).getByRole("link", { name: "discussion-guide" })).toBeVisible();

  // Open the meeting.
  await page.getByRole("button", { name: m.openMeeting }).click();
  await page.getByRole("alertdialog", { name: m.openTitle }).getByRole("button", { name: m.openConfirm }).click();
  await expect(page.locator(".meeting-status")).toHaveText(m["MeetingStatus.IN_PROGRESS"]);
  await tab(page, m.audit);
  await expect(page.getByRole("table", { name: m.audit })).toBeVisible();
  await pageIsWhole(page, "en");

  // The participant list and the attendance sheet are real downloads.
  await tab(page, m.participants);
  const csv = await page.request.get((await page.getByRole("link", { name: m.participantListCsv }).getAttribute("href")) ?? "");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Demo Secretariat Officer");
  const sheet = await page.request.get((await page.getByRole("link", { name: m.attendanceSheetDocx }).getAttribute("href")) ?? "");
  expect(sheet.headers()["content-type"]).toContain("wordprocessingml");
  expect((await sheet.body()).subarray(0, 2).toString()).toBe("PK");
  await pageIsWhole(page, "en");
  await context.close();
});

test("the secretariat cancels another meeting with a reason, which the page then shows", async ({ browser }, info) => {
  const { page, context } = await signIn(browser, secretariat, "en");
  await page.goto("/dialogues/mtm/meetings/new");
  await page.getByLabel(format(m.titleIn, { language: "English" })).fill(`Meeting to be cancelled (${info.project.name})`);
  await page.getByLabel(m.hostCountry).selectOption("EG");
  await required(page, m.city).fill("Cairo");
  const day = info.project.name === "phone" ? "2031-09-16" : "2031-09-09";
  await setDateTime(page, m.starts, `${day}T10:00`);
  await setDateTime(page, m.ends, `${day}T16:00`);
  await page.getByRole("button", { name: m.createDraft }).click();
  await expect(page.getByRole("button", { name: format(m.stepNumbered, { number: 2, step: m.chairsAndRapporteurs }) })).toHaveAttribute("aria-current", "step");
  const draftId = new URL(page.url()).searchParams.get("meeting");

  // The draft waits on the secretariat's home page, which leads to it.
  await page.goto("/");
  const waiting = page.getByRole("list", { name: m.waitingForYou }).getByRole("listitem")
    .filter({ hasText: `Meeting to be cancelled (${info.project.name})` })
    .filter({ hasText: m["AgendaItemKind.DRAFT_MEETING"] });
  await expect(waiting).toContainText(`${m["AgendaItemKind.DRAFT_MEETING"]} · ${m["AgendaAction.SCHEDULE_MEETING"]}`);
  await pageIsWhole(page, "en");
  await waiting.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${draftId}$`));

  await page.getByRole("button", { name: m.cancelMeeting }).click();
  const ask = page.getByRole("alertdialog", { name: m.cancelTitle });
  const confirm = ask.getByRole("button", { name: m.cancelConfirm });
  // No reason, no cancellation.
  await expect(confirm).toBeDisabled();
  await ask.getByLabel(m.cancelReason).fill("The host could not confirm the venue in time.");
  await confirm.click();
  await expect(page.locator(".meeting-status")).toHaveText(m["MeetingStatus.CANCELLED"]);
  await expect(page.getByRole("note")).toContainText("The host could not confirm the venue in time.");
  // A cancelled meeting can no longer be changed: the actions are gone.
  await expect(page.getByRole("button", { name: m.cancelMeeting })).toHaveCount(0);
  await expect(page.getByRole("tab", { name: m.editDetails })).toHaveCount(0);
  await pageIsWhole(page, "en");
  await context.close();
});

for (const language of ["fr", "ar"] as const satisfies Language[]) {
  test(`[${language}] the same meeting's pages are whole: no code, no English, nothing axe finds`, async ({ browser }) => {
    expect(meetingPath).not.toBe("");
    const t = messages[language];
    const { page, context } = await signIn(browser, secretariat, language);
    await page.goto(meetingPath);
    await expect(page.locator("html")).toHaveAttribute("dir", language === "ar" ? "rtl" : "ltr");
    await expect(page.locator(".meeting-status")).toHaveText(t["MeetingStatus.IN_PROGRESS"]);
    await pageIsWhole(page, language);
    for (const name of [t.editDetails, t.agenda, t.chairsAndRapporteurs, t.invitations, t.participants, t.documents, t.liveNotes, t.audit]) {
      await tab(page, name);
      await pageIsWhole(page, language);
    }
    // The wizard's steps share their forms with the tabs above: French checks them all, Arabic (right to left) the
    // invitations, where the delegations' cards are.
    const id = meetingPath.replace("/meetings/", "");
    for (const step of language === "fr" ? ["details", "chairs", "agenda", "invitations", "review"] : ["invitations"]) {
      await page.goto(`/dialogues/mtm/meetings/new?meeting=${encodeURIComponent(id)}&step=${step}`);
      await expect(page.getByRole("navigation", { name: t.wizardSteps })).toBeVisible();
      await pageIsWhole(page, language);
    }
    await page.goto("/dialogues/mtm/meetings/new");
    await page.getByRole("button", { name: t.createDraft }).click();
    await expect(page.getByRole("alert").first()).toBeVisible();
    await pageIsWhole(page, language);
    await context.close();
  });
}
