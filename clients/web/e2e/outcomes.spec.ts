import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { format, messages } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";
import { checkPage, graphql, pick, setDate } from "./forms";
import { ensureSetUp, signIn } from "./session";

/**
 * The anniversary story (seed 002, annex 1), as its people live it in the app: in Valletta the co-chairs draft
 * three conclusions and two recommendations while the meeting runs (in English), adopt them and approve the notes
 * (in Arabic); the secretariat publishes them; the translator puts the notes and outcomes into French; the Summary
 * of Discussions comes out in English, French and Arabic with every section of the seed's; later Morocco's focal
 * point reports progress on a recommendation addressed to Morocco, which the dialogue's follow-up page shows, and
 * makes an expert exchange request of it (in French).
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const italianCoChair = "delegate.it@demo.collaboration.localhost";
const moroccanFocalPoint = "focal.point.ma@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";
const unhcrOfficer = "unhcr@demo.collaboration.localhost";
const observer = "las@demo.collaboration.localhost";
const translator = "translator@demo.collaboration.localhost";

// Each step is a person's whole session of work (five adoptions, two sessions closed, two approvals): more than the default 90 s.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const title = `10-Year MTM Anniversary Event ${Date.now().toString(36)}`;
const sessionOne = "10 years of MTM Dialogue in retrospect";
const sessionTwo = "Future outlook of the MTM Dialogue";
const objectives = "To analyse the place, role and use of the MTM Dialogue in regional and national migration policy.";
const guide = "Discussion guide: the MTM Dialogue in retrospect";
const notes = ["Regional dialogues were recalled as useful frameworks to enhance cooperation.", "The i-Map platform was identified as a clear priority for the years to come."];
const conclusions = [
  "The MTM has proven to be a technical, informal and action-oriented intergovernmental dialogue.",
  "Information sharing mechanisms increase the quality of work at national and regional level.",
  "The City-to-City dimension of the MTM Dialogue is fully endorsed.",
];
const recommendations = [
  "The secretariat and the Partner States pursue the development and maintenance of the MTM i-Map.",
  "Morocco and the secretariat launch a South-South expert exchange on labour migration.",
];
const french = {
  note: "Les dialogues régionaux ont été rappelés comme des cadres utiles pour renforcer la coopération.",
  conclusion: "Le MTM s'est révélé un dialogue intergouvernemental technique, informel et orienté vers l'action.",
  recommendation: "Le Maroc et le secrétariat lancent un échange d'experts Sud-Sud sur la migration de travail.",
};
let meetingId = "";

async function idOf(request: APIRequestContext, email: string): Promise<string> {
  const { dialogue } = await graphql(request, "{ dialogue(key: \"mtm\") { members { personId email } } }");
  return dialogue.members.find((m: { email: string }) => m.email === email).personId;
}

/** Accepts the invitation in the invitee's own name (their page is tried elsewhere). */
async function accept(browser: Parameters<typeof signIn>[0], email: string) {
  const person = await signIn(browser, email);
  await graphql(person.context.request, "mutation($id: ID!) { respondToInvitation(id: $id, response: ACCEPT) { meeting { id } } }", { id: meetingId });
  await person.context.close();
}

const outcomesTab = (page: Page) => page.goto(`/meetings/${meetingId}?tab=outcomes`);

test("the secretariat prepares the anniversary event in Valletta; Egypt, UNHCR and the League of Arab States accept", async ({ browser }) => {
  await ensureSetUp(browser);
  const staff = await signIn(browser, secretariat, "en");
  const request = staff.context.request;
  const created = await graphql(request, `mutation($d: MeetingDetailsInput!) { createMeeting(key: "mtm", details: $d) { meeting { id version } } }`, {
    d: {
      titles: [{ language: "en", text: title }, { language: "fr", text: `Événement du 10e anniversaire du MTM ${title.slice(-6)}` }, { language: "ar", text: `فعالية الذكرى العاشرة للحوار ${title.slice(-6)}` }],
      type: "CONFERENCE", pillar: "Cross-cutting", hostCountry: "MT", city: "Valletta", venue: "Mediterranean Conference Centre", timeZone: "Europe/Malta",
      startsLocal: "2032-05-22T09:00", endsLocal: "2032-05-22T18:00", workingLanguages: ["en", "fr", "ar"],
      visibility: "PARTICIPANTS", liveNotesForParticipants: true, attributionGuard: "WARN",
    },
  });
  meetingId = created.createMeeting.meeting.id;
  const documented = await graphql(request, `mutation($id: ID!, $d: DocumentLinkInput!) { addDocumentLink(id: $id, document: $d) { meeting { version documents { id title } } } }`,
    { id: meetingId, d: { title: guide, kind: "DISCUSSION_GUIDE", visibility: "PARTICIPANTS", url: "https://www.icmpd.org/mtm/discussion-guide.pdf" } });
  let version: number = documented.addDocumentLink.meeting.version;
  const guideId = documented.addDocumentLink.meeting.documents.find((d: { title: string }) => d.title === guide).id;
  const moderator = await idOf(request, unhcrOfficer);
  for (const [sessionTitle, starts, ends, extra] of [
    [sessionOne, "2032-05-22T09:30", "2032-05-22T12:30", { description: objectives, discussionGuideDocumentId: guideId, moderatorIds: [moderator] }],
    [sessionTwo, "2032-05-22T14:00", "2032-05-22T17:00", {}],
  ] as const) {
    version = (await graphql(request, `mutation($id: ID!, $v: Int!, $s: WorkingSessionInput!) { addWorkingSession(id: $id, expectedVersion: $v, session: $s) { meeting { version } } }`,
      { id: meetingId, v: version, s: { title: sessionTitle, startsLocal: starts, endsLocal: ends, ...extra } })).addWorkingSession.meeting.version;
  }
  await graphql(request, `mutation($id: ID!, $v: Int!, $c: [ID!]!) { setMeetingChairs(id: $id, coChairIds: $c, rapporteurIds: [], expectedVersion: $v) { meeting { version } } }`,
    { id: meetingId, v: version, c: [await idOf(request, italianCoChair), await idOf(request, moroccanFocalPoint)] });
  await graphql(request, `mutation($id: ID!) { inviteToMeeting(id: $id, targets: [{ partnerStateCode: "EG" }, { organisationKey: "unhcr" }, { organisationKey: "las" }]) { meeting { version } } }`, { id: meetingId });
  await graphql(request, `mutation($id: ID!, $p: [ID!]) { nominateDelegates(id: $id, partnerStateCode: "EG", personIds: $p) { meeting { version } } }`, { id: meetingId, p: [await idOf(request, egyptianDelegate)] });
  await graphql(request, `mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { version } } }`, { id: meetingId });
  await graphql(request, `mutation($id: ID!) { openMeeting(id: $id) { meeting { version } } }`, { id: meetingId });
  await staff.context.close();
  for (const email of [egyptianDelegate, unhcrOfficer, observer]) await accept(browser, email);
});

test("[en] a co-chair takes notes and drafts three conclusions and two recommendations while the meeting runs", async ({ browser }) => {
  const e = messages.en;
  const italy = await signIn(browser, italianCoChair, "en");
  const page = italy.page;
  await page.goto(`/meetings/${meetingId}/notes`);
  for (const [i, text] of notes.entries()) {
    if (i === 1) await page.getByRole("tab", { name: sessionTwo }).click();
    await page.getByLabel(e.newEntry).fill(text);
    await page.getByLabel(e.newEntry).press("Enter");
    await expect(page.locator("ol.entries li:not(.pending)").filter({ hasText: text })).toBeVisible();
  }

  await outcomesTab(page);
  await expect(page.getByText(e.outcomesExplained)).toBeVisible();
  // A recommendation without its text or anyone it addresses is refused beside each field, and nothing is drafted.
  await page.getByLabel(e.kind).selectOption("RECOMMENDATION");
  await page.getByRole("button", { name: e.proposeOutcome }).click();
  await expect(page.getByRole("main").locator(".field", { has: page.getByLabel(e.recommendationText) }).getByRole("alert")).toBeVisible();
  await expect(page.locator("ol.outcomes li")).toHaveCount(0);

  await page.getByLabel(e.kind).selectOption("CONCLUSION");
  for (const [i, text] of conclusions.entries()) {
    await page.getByLabel(e.session).selectOption({ label: i < 2 ? sessionOne : sessionTwo });
    await page.getByLabel(e.conclusionText).fill(text);
    await page.getByRole("button", { name: e.proposeOutcome }).click();
    await expect(page.locator(".outcome", { hasText: text })).toContainText(format(e.conclusionNumbered, { number: i + 1 }));
  }
  await page.getByLabel(e.kind).selectOption("RECOMMENDATION");
  await page.getByLabel(e.session).selectOption({ label: sessionTwo });
  await page.getByLabel(e.recommendationText).fill(recommendations[0]);
  await pick(page, e.addressedToLabel, "All Partner", new RegExp(e["AddresseeKind.PARTNER_STATES"]));
  await pick(page, e.addressedToLabel, "Secretar", new RegExp(`^${e["AddresseeKind.SECRETARIAT"]}`));
  await page.getByRole("button", { name: e.proposeOutcome }).click();
  await expect(page.locator(".outcome", { hasText: recommendations[0] })).toContainText(e["OutcomeStatus.PROPOSED"]);
  await page.getByLabel(e.recommendationText).fill(recommendations[1]);
  await pick(page, e.addressedToLabel, "Moroc", /Morocco/);
  await page.getByRole("button", { name: e.proposeOutcome }).click();
  await expect(page.locator(".outcome", { hasText: recommendations[1] })).toContainText("Morocco");
  await expect(page.locator("ol.outcomes > li")).toHaveCount(5);
  await checkPage(page, "en", "outcomes-drafted");
  await italy.context.close();
});

test("[ar] the co-chairs adopt every outcome and approve the notes; the secretariat publishes the outcomes", async ({ browser }) => {
  const a = messages.ar;
  const e = messages.en;
  const morocco = await signIn(browser, moroccanFocalPoint, "ar");
  await outcomesTab(morocco.page);
  for (const [kind, count] of [["conclusionNumbered", 3], ["recommendationNumbered", 2]] as const) {
    for (let number = 1; number <= count; number++) {
      const outcome = format(a[kind], { number }, "ar");
      await morocco.page.getByRole("button", { name: format(a.adoptOutcome, { outcome }, "ar") }).click();
      await expect(morocco.page.getByRole("button", { name: format(a.adoptOutcome, { outcome }, "ar") })).toHaveCount(0);
    }
  }
  await expect(morocco.page.locator(".outcome").filter({ hasText: a["OutcomeStatus.ADOPTED"] })).toHaveCount(5);
  await checkPage(morocco.page, "ar", "outcomes-adopted");

  // Both co-chairs approve the notes, every session closed first.
  const italy = await signIn(browser, italianCoChair, "en");
  await italy.page.goto(`/meetings/${meetingId}/notes`);
  await italy.page.getByRole("button", { name: e.closeSession }).click();
  await italy.page.getByRole("tab", { name: sessionTwo }).click();
  await italy.page.getByRole("button", { name: e.closeSession }).click();
  await italy.page.getByRole("button", { name: e.approveNotes }).click();
  await italy.page.getByRole("dialog").getByRole("button", { name: e.approveConfirm }).click();
  await expect(italy.page.getByText(e.youApproved)).toBeVisible();
  await morocco.page.goto(`/meetings/${meetingId}/notes`);
  await morocco.page.getByRole("button", { name: a.approveNotes }).click();
  await morocco.page.getByRole("dialog").getByRole("button", { name: a.approveConfirm }).click();
  await expect(morocco.page.getByText(a.finalized)).toBeVisible();

  const staff = await signIn(browser, secretariat, "en");
  await outcomesTab(staff.page);
  await staff.page.getByRole("button", { name: e.publishOutcomes }).click();
  await staff.page.getByRole("alertdialog").getByRole("button", { name: e.publishOutcomesConfirm }).click();
  await expect(staff.page.getByText(e.outcomesArePublished)).toBeVisible();
  await expect(staff.page.locator(".outcome").filter({ hasText: e["OutcomeStatus.PUBLISHED"] })).toHaveCount(5);
  for (const session of [morocco, italy, staff]) await session.context.close();
});

test("[fr] the translator puts a note and two outcomes into French, beside the originals", async ({ browser }) => {
  const f = messages.fr;
  const desk = await signIn(browser, translator, "fr");
  const page = desk.page;
  await page.goto(`/meetings/${meetingId}/translate?language=fr`);
  await expect(page.getByRole("status")).toHaveText(format(f.translationStanding, { missing: 2, stale: 0 }, "fr"));
  const first = page.getByRole("region", { name: sessionOne }).getByRole("form", { name: format(f.entryNumbered, { number: 1 }, "fr") });
  await expect(first).toContainText(notes[0]);
  await first.getByRole("textbox").fill(french.note);
  await first.getByRole("button", { name: f.saveTranslation }).click();
  await expect(first).toContainText(f.translationDone);
  for (const [name, text] of [[format(f.conclusionNumbered, { number: 1 }, "fr"), french.conclusion], [format(f.recommendationNumbered, { number: 2 }, "fr"), french.recommendation]]) {
    const row = page.getByRole("form", { name });
    await row.getByRole("textbox").fill(text);
    await row.getByRole("button", { name: f.saveTranslation }).click();
    await expect(row).toContainText(f.translationDone);
  }
  await expect(page.getByRole("status")).toHaveText(format(f.translationStanding, { missing: 1, stale: 0 }, "fr"));
  await checkPage(page, "fr", "translation-desk");
  await desk.context.close();
});

test("the Summary of Discussions comes out in English, French and Arabic with every section of the seed's", async ({ browser }) => {
  const staff = await signIn(browser, secretariat, "en");
  await outcomesTab(staff.page);
  await expect(staff.page.getByRole("link", { name: messages.en.exportWord })).toHaveAttribute("href", `/meetings/${meetingId}/notes/summary.docx?language=en`);
  const summary = async (language: string) => {
    const response = await staff.context.request.get(`/meetings/${meetingId}/notes/summary.md?language=${language}`);
    expect(response.status()).toBe(200);
    return response.text();
  };
  const en = await summary("en");
  for (const expected of ["Summary of Discussions", title, "Valletta", "Malta", "Italy", "Morocco", "Egypt", "UNHCR", "League of Arab States", sessionOne, objectives, "Demo UNHCR Officer", guide, ...notes, ...conclusions, ...recommendations])
    expect(en, expected).toContain(expected);
  for (const person of ["Demo Delegate Italy", "Demo Focal Point Morocco", "Demo Translator", "Demo Delegate Egypt"]) expect(en).not.toContain(person);

  const fr = await summary("fr");
  for (const expected of ["Résumé des discussions", "Italie", "Maroc", "Égypte", french.note, french.conclusion, french.recommendation, notes[1]]) expect(fr, expected).toContain(expected);
  expect(fr).not.toContain(notes[0]);

  const ar = await summary("ar");
  for (const expected of ["ملخص المناقشات", "المغرب", "مصر", ...conclusions]) expect(ar, expected).toContain(expected);

  const docx = await staff.context.request.get(`/meetings/${meetingId}/notes/summary.docx?language=ar`);
  expect(docx.headers()["content-type"]).toContain("wordprocessingml");
  expect((await docx.body()).subarray(0, 2).toString()).toBe("PK");
  await staff.context.close();
});

test("[fr] later, Morocco's focal point reports progress on the follow-up page and makes an exchange request of a recommendation", async ({ browser }) => {
  const f = messages.fr;
  const morocco = await signIn(browser, moroccanFocalPoint, "fr");
  const page = morocco.page;
  await page.goto("/dialogues/mtm");
  await page.getByRole("link", { name: f.followUpTitle }).click();
  await page.getByLabel(f.pillar).selectOption("Cross-cutting");
  await page.getByLabel(f.year).selectOption("2032");
  const card = page.locator(".outcome", { hasText: french.recommendation });
  await expect(card).toContainText(f["FollowUpStatus.OPEN"]);
  await expect(card).toContainText(f.noProgressYet);

  await card.getByRole("button", { name: f.reportProgress }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(format(f.reportingFor, { party: "Maroc" }, "fr"));
  await dialog.getByLabel(f.followUpStatus).selectOption("IN_PROGRESS");
  await dialog.getByLabel(f.whatWasDone).fill("Le ministère de l'Intérieur a désigné deux experts de la migration de travail.");
  await dialog.getByRole("button", { name: f.reportProgress }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card).toContainText(f["FollowUpStatus.IN_PROGRESS"]);
  await expect(card).toContainText("deux experts de la migration de travail");
  await checkPage(page, "fr", "follow-up");

  await card.getByRole("link", { name: f.requestExchangeFromRecommendation }).click();
  await expect(page.getByRole("note")).toHaveText(f.exchangeFromRecommendationNote);
  await page.getByLabel(f.topic).selectOption("Labour migration");
  await page.getByLabel(f.objectives).fill("Apprendre des pratiques de migration de travail circulaire.");
  await setDate(page, f.preferredFrom, "2033-02-01");
  await setDate(page, f.preferredTo, "2033-03-31");
  await page.getByRole("button", { name: f.sendRequest }).click();
  await expect(page).toHaveURL(/\/exchanges\/mtm\//);
  await page.getByRole("link", { name: f.readTheRecommendation }).click();
  await expect(page.locator(".outcome", { hasText: french.recommendation })).toContainText(f.becameExchangeRequest);
  await pageIsWhole(page, "fr");
  await morocco.context.close();
});

test("[en] the next meeting's session reviews the open recommendations of the anniversary event", async ({ browser }) => {
  const e = messages.en;
  const staff = await signIn(browser, secretariat, "en");
  const page = staff.page;
  const created = await graphql(staff.context.request, `mutation($d: MeetingDetailsInput!) { createMeeting(key: "mtm", details: $d) { meeting { id version } } }`, {
    d: {
      titles: [{ language: "en", text: `Expert meeting on labour migration ${title.slice(-6)}` }],
      type: "EXPERT_MEETING", pillar: "Cross-cutting", hostCountry: "TN", city: "Tunis", timeZone: "Africa/Tunis",
      startsLocal: "2033-03-10T09:00", endsLocal: "2033-03-10T17:00", workingLanguages: ["en", "fr"],
      visibility: "PARTICIPANTS", liveNotesForParticipants: false, attributionGuard: "WARN",
    },
  });
  const later = created.createMeeting.meeting;
  await graphql(staff.context.request, `mutation($id: ID!, $v: Int!, $s: WorkingSessionInput!) { addWorkingSession(id: $id, expectedVersion: $v, session: $s) { meeting { version } } }`,
    { id: later.id, v: later.version, s: { title: "Follow-up of the anniversary event", startsLocal: "2033-03-10T09:30", endsLocal: "2033-03-10T11:00" } });

  // The secretariat marks the session as the review of earlier recommendations, on the agenda.
  await page.goto(`/meetings/${later.id}?tab=agenda`);
  await page.getByRole("button", { name: format(e.editSessionNamed, { title: "Follow-up of the anniversary event" }) }).click();
  const editing = page.getByRole("form", { name: format(e.editSessionNamed, { title: "Follow-up of the anniversary event" }) });
  await editing.getByRole("checkbox", { name: e.reviewsRecommendations }).check();
  await editing.getByRole("button", { name: e.saveSession }).click();
  await expect(page.getByText(e.sessionReviewsRecommendations)).toBeVisible();

  // Its outcomes tab lists the anniversary's recommendations still open or in progress, with where each stands.
  await page.getByRole("tab", { name: e.outcomes }).click();
  const review = page.getByRole("region", { name: e.recommendationsUnderReview });
  await expect(review.getByRole("listitem")).toHaveCount(2);
  await expect(review.getByRole("listitem").filter({ hasText: recommendations[1] })).toContainText(e["FollowUpStatus.IN_PROGRESS"]);
  await checkPage(page, "en", "recommendations-under-review");
  await staff.context.close();
});
