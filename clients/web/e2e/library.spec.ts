import { expect, test, type Browser } from "@playwright/test";
import { messages } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";
import { graphql, labelled } from "./forms";
import { ensureSetUp, signIn } from "./session";

/**
 * The dialogue's library (issue 19): the secretariat adds a concept note with its English and French files and
 * lists it among a meeting's documents; Morocco's focal point downloads it in French from the meeting page, and
 * Egypt's delegate, who reads Arabic, gets the nearest: the language it was written in, English.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const moroccanFocalPoint = "focal.point.ma@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";

test.describe.configure({ mode: "serial", timeout: 180_000 });

const stamp = Date.now().toString(36);
const title = `Concept note on labour migration ${stamp}`;
const titleFr = `Note conceptuelle sur la migration de travail ${stamp}`;
const en = messages.en;
let meetingId = "";

async function personId(request: Parameters<typeof graphql>[0], email: string): Promise<string> {
  const { dialogue } = await graphql(request, "{ dialogue(key: \"mtm\") { members { personId email } } }");
  return dialogue.members.find((m: { email: string }) => m.email === email).personId;
}

/** Downloads the library document from the meeting's documents tab; answers the file's name and language. */
async function downloadFromMeeting(browser: Browser, email: string, language: "fr" | "ar") {
  const person = await signIn(browser, email, language);
  const { page } = person;
  await page.goto(`/meetings/${meetingId}?tab=documents`);
  const link = page.getByRole("link", { name: title });
  await expect(link).toBeVisible();
  await pageIsWhole(page, language);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const href = await link.getAttribute("href");
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  const result = { fileName: download.suggestedFilename(), contentLanguage: response.headers()["content-language"], text: await response.text() };
  await person.context.close();
  return result;
}

test("the secretariat adds a concept note in English and French to the library and attaches it to a meeting", async ({ browser }) => {
  await ensureSetUp(browser);
  const staff = await signIn(browser, secretariat, "en");
  const { page } = staff;
  await page.goto("/dialogues/mtm");
  await page.getByRole("link", { name: en.libraryTitle }).first().click();
  await expect(page.getByRole("heading", { name: en.libraryTitle, level: 1 })).toBeVisible();

  const form = page.locator("form", { has: page.getByRole("heading", { name: en.libraryAddDocument }) });
  await form.getByLabel(en.kind).selectOption({ label: en["DocumentKind.CONCEPT_NOTE"] });
  await form.getByLabel("Title in English").fill(title);
  await form.getByLabel("Title in French").fill(titleFr);
  await form.getByRole("button", { name: en.libraryAdd }).click();

  const card = page.locator(".outcome", { hasText: title });
  await expect(card).toBeVisible();
  for (const [language, name, text] of [["English", "concept-note-en.txt", "Concept note"], ["French", "note-conceptuelle-fr.txt", "Note conceptuelle"]] as const) {
    await labelled(card, en.file).setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
    await labelled(card, en.language).selectOption({ label: language });
    await card.getByRole("button", { name: en.upload }).click();
    await expect(card.getByText(new RegExp(`Available in .*${language}`))).toBeVisible();
  }
  await expect(card.getByRole("link", { name: en.libraryDownload, exact: true })).toBeVisible();
  await pageIsWhole(page, "en");

  // A meeting the Moroccan focal point and the Egyptian delegate are invited to.
  const request = staff.context.request;
  const created = await graphql(request, `mutation($d: MeetingDetailsInput!) { createMeeting(key: "mtm", details: $d) { meeting { id } } }`, {
    d: {
      titles: [{ language: "en", text: `Expert meeting on labour migration ${stamp}` }, { language: "fr", text: `Réunion d'experts sur la migration de travail ${stamp}` }],
      type: "EXPERT_MEETING", pillar: "Cross-cutting", hostCountry: "MA", city: "Rabat", venue: "Conference centre", timeZone: "Africa/Casablanca",
      startsLocal: "2032-10-12T09:00", endsLocal: "2032-10-12T17:00", workingLanguages: ["en", "fr", "ar"],
      visibility: "PARTICIPANTS", liveNotesForParticipants: false, attributionGuard: "WARN",
    },
  });
  meetingId = created.createMeeting.meeting.id;
  await graphql(request, `mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }`, { id: meetingId });
  await graphql(request, `mutation($id: ID!, $t: [InvitationTargetInput!]!) { inviteToMeeting(id: $id, targets: $t) { meeting { id } } }`, {
    id: meetingId,
    t: [{ personId: await personId(request, moroccanFocalPoint) }, { personId: await personId(request, egyptianDelegate) }],
  });

  await page.goto(`/meetings/${meetingId}?tab=documents`);
  await page.getByLabel(en.libraryDocument).selectOption({ label: title });
  await page.getByRole("button", { name: en.attachLibraryDocumentButton }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
  await staff.context.close();
});

test("Morocco's focal point downloads the concept note in French from the meeting page", async ({ browser }) => {
  const got = await downloadFromMeeting(browser, moroccanFocalPoint, "fr");
  expect(got).toEqual({ fileName: "note-conceptuelle-fr.txt", contentLanguage: "fr", text: "Note conceptuelle" });
});

test("Egypt's delegate, who reads Arabic, gets the nearest: the language the note was written in", async ({ browser }) => {
  const got = await downloadFromMeeting(browser, egyptianDelegate, "ar");
  expect(got).toEqual({ fileName: "concept-note-en.txt", contentLanguage: "en", text: "Concept note" });
});
