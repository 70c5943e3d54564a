import { expect, test } from "@playwright/test";
import { format, messages } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";
import { checkPage, graphql } from "./forms";
import { ensureSetUp, signIn } from "./session";

/**
 * A delegation as Morocco's people make it up (issue 19): the secretariat invites Morocco with two places; its
 * focal point nominates the delegation in French (one delegate already registered, one new person, after a
 * refused address); each delegate accepts and registers (the Moroccan delegate in Arabic, with a visa-support
 * letter, after a refused date; the new delegate in French, asking for funding); the secretariat sees the
 * registrations, downloads the visa letter, and Morocco's participation in the year.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const focalPoint = "focal.point.ma@demo.collaboration.localhost";
const moroccanDelegate = "delegate.ma@demo.collaboration.localhost";
const newcomer = { name: "Karim Benali", email: `karim.benali.${Date.now().toString(36)}@demo.collaboration.localhost` };

test.describe.configure({ mode: "serial", timeout: 180_000 });

const title = `Expert meeting on labour migration ${Date.now().toString(36)}`;
let meetingId = "";

test("the secretariat invites Morocco to an expert meeting in Tunis with two places", async ({ browser }) => {
  await ensureSetUp(browser);
  const staff = await signIn(browser, secretariat, "en");
  const request = staff.context.request;
  const created = await graphql(request, `mutation($d: MeetingDetailsInput!) { createMeeting(key: "mtm", details: $d) { meeting { id } } }`, {
    d: {
      titles: [{ language: "en", text: title }, { language: "fr", text: `Réunion d'experts sur la migration de travail ${title.slice(-6)}` }, { language: "ar", text: `اجتماع خبراء حول هجرة العمل ${title.slice(-6)}` }],
      type: "EXPERT_MEETING", pillar: "Migration and Development", hostCountry: "TN", city: "Tunis", timeZone: "Africa/Tunis",
      startsLocal: "2031-06-10T09:00", endsLocal: "2031-06-11T17:00", workingLanguages: ["en", "fr", "ar"],
      visibility: "PARTICIPANTS", liveNotesForParticipants: false, attributionGuard: "STRICT",
    },
  });
  meetingId = created.createMeeting.meeting.id;
  await graphql(request, `mutation($id: ID!) { inviteToMeeting(id: $id, targets: [{ partnerStateCode: "MA", places: 2 }]) { meeting { version } } }`, { id: meetingId });
  await graphql(request, `mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { version } } }`, { id: meetingId });
  await staff.context.close();
});

test("[fr] Morocco's focal point nominates two delegates, one of them new, within the state's places", async ({ browser }) => {
  const fr = messages.fr;
  const { page, context } = await signIn(browser, focalPoint, "fr");
  // Morocco's focal point belongs to two dialogues and sees both.
  await expect(page.getByRole("link", { name: "Mediterranean Transit Migration Dialogue" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Rabat Process/ })).toBeVisible();
  // What waits for them: the delegation to nominate, linked to the meeting's delegations.
  const waiting = page.getByRole("link", { name: `Réunion d'experts sur la migration de travail ${title.slice(-6)}` });
  await expect(waiting.locator("xpath=ancestor::li[1]")).toContainText(fr["AgendaItemKind.NOMINATE_DELEGATION"]);
  await waiting.click();
  await expect(page.getByRole("tab", { name: fr.delegations, selected: true })).toBeVisible();
  const card = page.getByRole("region", { name: /Maroc/ });
  await expect(card).toContainText(format(fr.delegationPlaces, { nominated: 0, places: 2 }));
  await pageIsWhole(page, "fr");

  // A new person's address is checked; nothing is nominated while it is wrong.
  await card.getByRole("checkbox", { name: "Demo Delegate Morocco" }).check();
  await card.getByLabel(fr.name, { exact: true }).fill(newcomer.name);
  await card.getByLabel(fr.email).fill("karim.benali");
  await card.getByRole("button", { name: fr.nominate, exact: true }).click();
  await expect(card.getByLabel(fr.email)).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByRole("list", { name: /Maroc/ })).toHaveCount(0);

  await card.getByLabel(fr.email).fill(newcomer.email);
  await card.getByRole("button", { name: fr.nominate, exact: true }).click();
  const nominees = card.getByRole("list", { name: /Maroc/ });
  await expect(nominees.getByRole("listitem")).toHaveCount(2);
  await expect(nominees).toContainText("Demo Delegate Morocco");
  await expect(nominees).toContainText(newcomer.name);
  await expect(card).toContainText(format(fr.delegationPlaces, { nominated: 2, places: 2 }));
  // Both places are taken: there is nobody more to nominate until a nomination is withdrawn.
  await expect(card.getByRole("button", { name: fr.nominate, exact: true })).toHaveCount(0);
  await pageIsWhole(page, "fr");
  await context.close();
});

test("[ar] the Moroccan delegate accepts and registers with a visa-support letter, after a refused date", async ({ browser }) => {
  const ar = messages.ar;
  // No language picked: the app follows the delegate's preferred one, Arabic.
  const { page, context } = await signIn(browser, moroccanDelegate);
  await page.goto(`/meetings/${meetingId}`);
  await page.getByRole("button", { name: ar["InvitationResponse.ACCEPT"] }).click();
  await expect(page.locator(".my-status")).toHaveText(ar["InvitationStatus.ACCEPTED"]);
  const form = page.getByRole("form", { name: ar.registration });
  await expect(form).toContainText(ar.notRegisteredYet);

  await form.getByLabel(ar.arrival, { exact: true }).fill("2031-06-09");
  await form.getByLabel(ar.departure, { exact: true }).fill("2031-06-08");
  await form.getByRole("button", { name: ar.register }).click();
  await expect(form.getByLabel(ar.departure, { exact: true })).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel(ar.departure, { exact: true }).fill("2031-06-12");
  await form.getByRole("switch", { name: ar.visaLetterRequest }).check();
  await form.getByLabel(ar.nameAsInPassport, { exact: true }).fill("YOUSSEF EL AMRANI");
  await form.getByLabel(ar.nationality, { exact: true }).selectOption("MA");
  await form.getByLabel(ar.passportNumber, { exact: true }).fill("ZX1234567");
  await form.getByLabel(ar.passportExpires, { exact: true }).fill("2034-01-31");
  await form.getByLabel(ar.dietaryNeeds, { exact: true }).fill("طعام حلال");
  await form.getByRole("button", { name: ar.register }).click();
  await expect(page.getByRole("form", { name: ar.registration })).toContainText(ar.registrationPrivate);
  await expect(page.getByRole("button", { name: ar.saveRegistration })).toBeVisible();
  await expect(page.getByRole("form", { name: ar.registration }).getByLabel(ar.passportNumber, { exact: true })).toHaveValue("ZX1234567");
  // The form as a phone shows it too (right to left).
  await checkPage(page, "ar", "registration");
  await context.close();
});

test("[fr] the new delegate signs in for the first time, accepts and asks for funding", async ({ browser }) => {
  const fr = messages.fr;
  const { page, context } = await signIn(browser, newcomer.email, "fr");
  await page.goto(`/meetings/${meetingId}`);
  await page.getByRole("button", { name: fr["InvitationResponse.ACCEPT"] }).click();
  await expect(page.locator(".my-status")).toHaveText(fr["InvitationStatus.ACCEPTED"]);
  const form = page.getByRole("form", { name: fr.registration });
  await form.getByLabel(fr.arrival, { exact: true }).fill("2031-06-09");
  await form.getByLabel(fr.departure, { exact: true }).fill("2031-06-11");
  await form.getByRole("switch", { name: fr.fundingRequest }).check();
  await form.getByLabel(fr.fundingNote, { exact: true }).fill("Billet d'avion Rabat–Tunis et hébergement");
  await form.getByLabel(fr.accessibilityNeeds, { exact: true }).fill("Accès sans marches");
  await form.getByRole("button", { name: fr.register }).click();
  await expect(page.getByRole("button", { name: fr.saveRegistration })).toBeVisible();
  await pageIsWhole(page, "fr");
  await context.close();
});

test("[en] the secretariat reads the registrations, downloads the visa letter and sees Morocco's participation", async ({ browser }) => {
  const en = messages.en;
  const { page, context } = await signIn(browser, secretariat, "en");
  await page.goto(`/meetings/${meetingId}?tab=registrations`);
  const table = page.getByRole("table", { name: en.registrations });
  await expect(table.getByRole("row")).toHaveCount(3);
  const delegateRow = table.getByRole("row").filter({ hasText: "Demo Delegate Morocco" });
  await expect(delegateRow).toContainText("ZX1234567");
  await expect(delegateRow).toContainText("طعام حلال");
  const newcomerRow = table.getByRole("row").filter({ hasText: newcomer.name });
  await expect(newcomerRow).toContainText(en.funding);
  await expect(newcomerRow).toContainText("Accès sans marches");

  const letter = delegateRow.getByRole("link", { name: format(en.visaLetterOf, { name: "Demo Delegate Morocco" }) });
  const href = await letter.getAttribute("href");
  expect(href).toContain("visa-letter.docx?language=en");
  const docx = await context.request.get(href!);
  expect(docx.status()).toBe(200);
  expect(docx.headers()["content-type"]).toContain("wordprocessingml");
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  await pageIsWhole(page, "en");

  // The delegates' passports and needs are for the secretariat: the focal point who nominated them does not see them.
  const focal = await signIn(browser, focalPoint, "fr");
  const seen = await graphql(focal.context.request, `query($id: ID!) { meeting(id: $id) { myRegistration { passportNumber } delegations { nominees { invitee { name } } } } }`, { id: meetingId });
  expect(JSON.stringify(seen)).not.toContain("ZX1234567");
  await focal.context.close();

  await page.goto("/dialogues/mtm/participation");
  const morocco = page.getByRole("row").filter({ hasText: "Morocco" });
  // Other journeys invite Morocco in 2031 too: the counts are the API tests' to check; here, that the year shows it took part.
  await expect(page.getByRole("columnheader", { name: "2031" })).toBeVisible();
  await expect(morocco).toContainText(/took part in [1-9]\d* of \d+/);
  await pageIsWhole(page, "en");
  await context.close();
});
