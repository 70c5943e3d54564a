import { expect, test, type APIRequestContext, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import { format, messages, type Language } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";
import { ensureSetUp, noAccessibilityViolations, signIn } from "./session";

/**
 * The Chatham House promise in the default flow, as its users meet it: co-chairs type in English, French
 * and Arabic, the guard catches attribution while they type and offers a neutral rewording in place, and a
 * delegate following in Arabic never sees an attributed sentence, not even in a frame of the live
 * connection. Then what keeps notes whole (line breaks, the size limit, offline edits, refusals that wait
 * for the writer), the secretariat as note-taker, a strict meeting, and the sign-off: sessions closed one by
 * one, every co-chair's approval after a confirmation, and the secretariat reopening with a reason.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const italianCoChair = "delegate.it@demo.collaboration.localhost";
const moroccanCoChair = "focal.point.ma@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";
const screenshots = "e2e-artifacts/screenshots";

test.describe.configure({ mode: "serial" });

let meetingPath = "";

async function graphql(request: APIRequestContext, query: string, variables: object = {}) {
  const response = await request.post("/graphql", { data: { query, variables }, headers: { "content-type": "application/json" } });
  const body = await response.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** A note-taker's or reader's page on the meeting's notes, with every frame the live connection receives. */
async function openNotes(context: BrowserContext, page: Page) {
  const frames: string[] = [];
  const sockets: WebSocketRoute[] = [];
  await page.routeWebSocket(/\/hubs\/notes/, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      frames.push(String(message));
      ws.send(message);
    });
    sockets.push(ws);
  });
  await page.goto(`${meetingPath}/notes`);
  return { context, page, frames, sockets };
}

test("the secretariat prepares a meeting in progress with two co-chairs and Egypt invited", async ({ browser }) => {
  await ensureSetUp(browser);
  const staff = await signIn(browser, secretariat, "en");
  const { dialogue } = await graphql(staff.context.request, "{ dialogue(key: \"mtm\") { members { personId email } } }");
  const id = (email: string) => dialogue.members.find((m: { email: string }) => m.email === email).personId;
  const created = await graphql(staff.context.request, `mutation($d: MeetingDetailsInput!) { createMeeting(key: "mtm", details: $d) { meeting { id version } } }`, {
    d: {
      titles: [{ language: "en", text: "Expert meeting on return and reintegration" }, { language: "fr", text: "Réunion d'experts sur le retour et la réintégration" }, { language: "ar", text: "اجتماع خبراء حول العودة وإعادة الإدماج" }],
      type: "EXPERT_MEETING", hostCountry: "MT", city: "Valletta", timeZone: "Europe/Malta",
      startsLocal: "2031-05-20T09:00", endsLocal: "2031-05-21T17:00", workingLanguages: ["ar", "en", "fr"],
      visibility: "PARTICIPANTS", liveNotesForParticipants: true, attributionGuard: "WARN",
    },
  });
  const meetingId: string = created.createMeeting.meeting.id;
  let version: number = created.createMeeting.meeting.version;
  for (const [title, starts, ends] of [["Return and reintegration", "2031-05-20T09:30", "2031-05-20T12:30"], ["Data and statistics", "2031-05-21T09:30", "2031-05-21T12:30"]]) {
    version = (await graphql(staff.context.request, `mutation($id: ID!, $v: Int!, $s: WorkingSessionInput!) { addWorkingSession(id: $id, expectedVersion: $v, session: $s) { meeting { version } } }`,
      { id: meetingId, v: version, s: { title, startsLocal: starts, endsLocal: ends } })).addWorkingSession.meeting.version;
  }
  await graphql(staff.context.request, `mutation($id: ID!, $v: Int!, $c: [ID!]!) { setMeetingChairs(id: $id, coChairIds: $c, rapporteurIds: [], expectedVersion: $v) { meeting { version } } }`,
    { id: meetingId, v: version, c: [id(italianCoChair), id(moroccanCoChair)] });
  await graphql(staff.context.request, `mutation($id: ID!) { inviteToMeeting(id: $id, targets: [{ partnerStateCode: "EG" }]) { meeting { version } } }`, { id: meetingId });
  // Egypt has no focal point: the secretariat nominates its delegate.
  await graphql(staff.context.request, `mutation($id: ID!, $p: [ID!]) { nominateDelegates(id: $id, partnerStateCode: "EG", personIds: $p) { meeting { version } } }`, { id: meetingId, p: [id(egyptianDelegate)] });
  await graphql(staff.context.request, `mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { version } } }`, { id: meetingId });
  await graphql(staff.context.request, `mutation($id: ID!) { openMeeting(id: $id) { meeting { version } } }`, { id: meetingId });
  meetingPath = `/meetings/${meetingId}`;
  await staff.context.close();

  // The delegate accepts in the app, in Arabic (their preferred language).
  const delegate = await signIn(browser, egyptianDelegate);
  await delegate.page.goto(meetingPath);
  await delegate.page.getByRole("button", { name: messages.ar["InvitationResponse.ACCEPT"] }).click();
  await expect(delegate.page.locator(".my-status")).toHaveText(messages.ar["InvitationStatus.ACCEPTED"]);
  await delegate.context.close();
});

const attributed: { language: Language; writer: string; sentence: string; flagged: string; rewording: string }[] = [
  {
    language: "en", writer: italianCoChair,
    sentence: "The Egyptian delegation proposed a pilot on circular migration.",
    flagged: "The Egyptian delegation", rewording: "A delegation proposed a pilot on circular migration.",
  },
  {
    language: "fr", writer: moroccanCoChair,
    sentence: "Le représentant de la Tunisie a souligné l'importance des données sur les retours.",
    flagged: "Le représentant de la Tunisie", rewording: "Un participant a souligné l'importance des données sur les retours.",
  },
  {
    language: "ar", writer: moroccanCoChair,
    sentence: "أكد الوفد المغربي أهمية التعاون الإقليمي في مجال إعادة الإدماج.",
    flagged: "الوفد المغربي", rewording: "أكد أحد الوفود أهمية التعاون الإقليمي في مجال إعادة الإدماج.",
  },
];

for (const { language, writer, sentence, flagged, rewording } of attributed) {
  test(`[${language}] an attributed sentence never leaves the co-chair: the delegate gets only the rewording`, async ({ browser }) => {
    const m = messages[language];
    const coChair = await signIn(browser, writer, language);
    const delegateSession = await signIn(browser, egyptianDelegate);
    const delegate = await openNotes(delegateSession.context, delegateSession.page);
    await coChair.page.goto(`${meetingPath}/notes`);
    await expect(delegate.page.getByText(messages.ar.connectionBack, { exact: true })).toBeVisible();
    await expect(coChair.page.getByText(m.connectionBack, { exact: true })).toBeVisible();

    // The guard reads the text while it is typed: the finding is marked in place with the neutral rewording.
    const editor = coChair.page.getByLabel(m.newEntry);
    await editor.fill(sentence);
    const findings = coChair.page.locator(".new-entry .attribution");
    await expect(findings.locator("mark")).toHaveText(flagged);
    await expect(findings.getByRole("button", { name: new RegExp(m.useRewording) })).toContainText(rewording);
    await noAccessibilityViolations(coChair.page);
    await coChair.page.screenshot({ path: `${screenshots}/${language}-attribution-found.png`, fullPage: true });

    // Enter does not send it: the writer chooses first.
    await editor.press("Enter");
    await expect(findings).toHaveAttribute("role", "alert");
    await expect(findings).toContainText(m.chooseFirst);
    await expect(editor).toHaveValue(sentence);

    await findings.getByRole("button", { name: new RegExp(m.useRewording) }).click();
    await expect(editor).toHaveValue(rewording);
    await editor.press("Enter");
    await expect(delegate.page.locator("ol.entries li").filter({ hasText: rewording })).toBeVisible();
    await expect(coChair.page.locator("ol.entries li:not(.pending)").filter({ hasText: rewording })).toBeVisible();

    // Nothing attributed reached the delegate: not on the page, not in any frame of the live connection.
    await expect(delegate.page.getByText(flagged)).toHaveCount(0);
    expect(delegate.frames.filter((f) => f.includes(flagged))).toEqual([]);
    expect(delegate.frames.some((f) => f.includes(rewording))).toBe(true);
    // The delegate's page is whole in Arabic on a 390 px phone (no raw code, no English of the app's own, no sideways scrolling, axe).
    await delegate.page.setViewportSize({ width: 390, height: 844 });
    await pageIsWhole(delegate.page, "ar");
    await coChair.context.close();
    await delegate.context.close();
  });
}

test("notes keep their lines, refuse what is too long before sending, queue edits made offline and keep refusals for the writer", async ({ browser }) => {
  const m = messages.en;
  const coChair = await signIn(browser, italianCoChair, "en");
  const other = await signIn(browser, moroccanCoChair, "en");
  const delegateSession = await signIn(browser, egyptianDelegate, "en");
  const delegate = await openNotes(delegateSession.context, delegateSession.page);
  const writer = await openNotes(coChair.context, coChair.page);
  await other.page.goto(`${meetingPath}/notes`);
  const editor = writer.page.getByLabel(m.newEntry);
  await expect(writer.page.getByText(m.connectionBack, { exact: true })).toBeVisible();

  // Shift+Enter starts a new line; the entry keeps it everywhere.
  await editor.fill("Three priorities emerged:");
  await editor.press("Shift+Enter");
  await editor.pressSequentially("data sharing");
  await editor.press("Shift+Enter");
  await editor.pressSequentially("sustainable reintegration");
  await editor.press("Enter");
  const multiLine = delegate.page.locator("ol.entries li .entry-text").filter({ hasText: "Three priorities" });
  await expect(multiLine).toBeVisible();
  expect(await multiLine.innerText()).toBe("Three priorities emerged:\ndata sharing\nsustainable reintegration");

  // Too long: refused before sending, with the reason.
  await editor.fill("x".repeat(8001));
  await expect(writer.page.getByText(format(m.tooLong, { max: 8000, count: 8001 }))).toBeVisible();
  await editor.press("Enter");
  await expect(writer.page.locator("ol.entries li.pending")).toHaveCount(0);
  await editor.fill("");

  // A false positive: the host's announcement is public. The writer marks it; readers get it once reviewed.
  await editor.fill("Malta said the next meeting will be held in Valletta.");
  await writer.page.locator(".new-entry .attribution").getByRole("button", { name: m.notAttribution }).click();
  const marked = writer.page.locator("ol.entries li:not(.pending)").filter({ hasText: "next meeting will be held" });
  await expect(marked).toContainText(m.awaitingReview);
  await expect(delegate.page.getByText(m.withheld)).toBeVisible();
  await expect(delegate.page.getByText("next meeting will be held")).toHaveCount(0);
  expect(delegate.frames.filter((f) => f.includes("next meeting will be held"))).toEqual([]);
  await other.page.locator("ol.entries li").filter({ hasText: "next meeting will be held" }).getByRole("button", { name: m.confirmNotAttribution }).click();
  await expect(delegate.page.getByText("Malta said the next meeting will be held in Valletta.")).toBeVisible();

  // Offline: an edit, a deletion and a new attributed entry wait in the queue.
  await writer.context.setOffline(true);
  for (const ws of writer.sockets) await ws.close();
  await expect(writer.page.getByText(m.connectionLost).first()).toBeVisible();
  const first = writer.page.locator("ol.entries li").filter({ hasText: "A delegation proposed" });
  await first.getByRole("button", { name: m.edit }).click();
  await writer.page.getByLabel(m.edit, { exact: true }).fill("A delegation proposed a pilot on circular migration for 2032.");
  await writer.page.getByLabel(m.edit, { exact: true }).press("Enter");
  await writer.page.locator("ol.entries li").filter({ hasText: "Three priorities" }).getByRole("button", { name: m.delete }).click();
  await editor.fill("The delegate of Egypt asked about visas.");
  await editor.press("Enter");
  await expect(writer.page.getByText(format(m.offlineQueued, { count: 3 }))).toBeVisible();

  await writer.context.setOffline(false);
  await expect(delegate.page.getByText("A delegation proposed a pilot on circular migration for 2032.")).toBeVisible({ timeout: 30_000 });
  await expect(delegate.page.locator("ol.entries li").filter({ hasText: "Three priorities" })).toHaveCount(0);
  // The server refused the attributed entry: it stays with the reason until the writer acts.
  const refused = writer.page.locator("li.refused");
  await expect(refused).toContainText(m.notSaved);
  await expect(refused.locator("mark")).toHaveText("The delegate of Egypt");
  await noAccessibilityViolations(writer.page);
  await writer.page.screenshot({ path: `${screenshots}/en-refused-queued-entry.png`, fullPage: true });
  await refused.getByRole("button", { name: new RegExp(m.useRewording) }).click();
  await expect(delegate.page.getByText("A participant asked about visas.")).toBeVisible();
  await expect(writer.page.locator("li.refused")).toHaveCount(0);
  expect(delegate.frames.filter((f) => f.includes("The delegate of Egypt"))).toEqual([]);
  await writer.context.close();
  await other.context.close();
  await delegate.context.close();
});

test("the secretariat takes notes and makes the meeting strict; sessions close, both co-chairs approve, the secretariat reopens", async ({ browser }) => {
  const a = messages.ar;
  const staff = await signIn(browser, secretariat, "fr");
  const f = messages.fr;
  await staff.page.goto(`${meetingPath}/notes`);
  await staff.page.getByLabel(f.newEntry).fill("Le secrétariat a présenté l'i-Map.");
  await staff.page.getByLabel(f.newEntry).press("Enter");
  // The entry as the server took it (for a moment the pending copy may still show beside it).
  await expect(staff.page.locator("ol.entries li:not(.pending)").filter({ hasText: "l'i-Map" })).toBeVisible();
  await staff.page.getByLabel(f.attributionGuard).selectOption("STRICT");
  await expect(staff.page.getByLabel(f.attributionGuard)).toHaveValue("STRICT");

  const italy = await signIn(browser, italianCoChair, "en");
  const e = messages.en;
  await italy.page.goto(`${meetingPath}/notes`);
  await italy.page.getByLabel(e.newEntry).fill("Morocco said the pilot works.");
  const findings = italy.page.locator(".new-entry .attribution");
  await expect(findings).toContainText(e.strictNoOverride);
  await expect(findings.getByRole("button", { name: e.notAttribution })).toHaveCount(0);
  await italy.page.getByLabel(e.newEntry).fill("");

  // Sessions close one by one; approving waits for all of them.
  const morocco = await signIn(browser, moroccanCoChair, "ar");
  await morocco.page.goto(`${meetingPath}/notes`);
  await italy.page.getByRole("button", { name: e.closeSession }).click();
  await expect(italy.page.getByText(e.sessionClosed)).toBeVisible();
  await expect(italy.page.getByLabel(e.newEntry)).toHaveCount(0);
  await italy.page.getByRole("button", { name: e.approveNotes }).click();
  await italy.page.getByRole("dialog").getByRole("button", { name: e.approveConfirm }).click();
  await expect(italy.page.getByText(e.reason_SESSIONS_OPEN)).toBeVisible();
  await italy.page.getByRole("tab", { name: "Data and statistics" }).click();
  await italy.page.getByRole("button", { name: e.closeSession }).click();

  // Italy approves after confirming; the notes are not final and Morocco is not locked out.
  await italy.page.getByRole("button", { name: e.approveNotes }).click();
  await expect(italy.page.getByRole("dialog")).toContainText(e.approveTitle);
  await noAccessibilityViolations(italy.page);
  await italy.page.getByRole("dialog").getByRole("button", { name: e.approveConfirm }).click();
  await expect(italy.page.getByText(e.youApproved)).toBeVisible();
  await expect(morocco.page.getByText(format(a.signOffStatus, { closed: 2, total: 2, unreviewed: 0, approvals: 1, needed: 2 }))).toBeVisible();
  await expect(morocco.page.getByText(a.finalized)).toHaveCount(0);

  // Morocco approves in Arabic: the notes are final for everyone.
  await morocco.page.getByRole("button", { name: a.approveNotes }).click();
  await morocco.page.getByRole("dialog").getByRole("button", { name: a.approveConfirm }).click();
  await expect(morocco.page.getByText(a.finalized)).toBeVisible();
  await expect(italy.page.getByText(e.finalized)).toBeVisible();
  await expect(staff.page.getByText(f.finalized)).toBeVisible();
  await noAccessibilityViolations(morocco.page);
  await morocco.page.screenshot({ path: `${screenshots}/ar-notes-final.png`, fullPage: true });

  // The secretariat reopens with a reason, which the meeting's audit keeps.
  await staff.page.getByRole("button", { name: f.reopenNotes }).click();
  await staff.page.getByLabel(f.reason).fill("Les coprésidents corrigent les chiffres sur les retours.");
  await staff.page.getByRole("dialog").getByRole("button", { name: f.reopenConfirm }).click();
  await expect(staff.page.getByText(f.finalized)).toHaveCount(0);
  await expect(italy.page.getByText(e.finalized)).toHaveCount(0);
  const { meeting } = await graphql(staff.context.request, "query($id: ID!) { meeting(id: $id) { auditTrail { action summary } notesApprovals { approvedAt } } }",
    { id: meetingPath.replace("/meetings/", "") });
  expect(meeting.auditTrail.map((x: { summary: string }) => x.summary)).toContain("Reopened the final notes: Les coprésidents corrigent les chiffres sur les retours.");
  expect(meeting.notesApprovals).toEqual([]);
  for (const session of [staff, italy, morocco]) await session.context.close();
});
