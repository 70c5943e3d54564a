import { expect, test } from "@playwright/test";
import { graphql } from "./forms";
import { ensureSetUp, signIn } from "./session";

/**
 * Live meeting pages: the secretariat and an invited delegate both have the meeting open; the secretariat moves
 * the meeting to another venue and the delegate's page shows it without being reloaded.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const italianDelegate = "delegate.it@demo.collaboration.localhost";

test.describe.configure({ mode: "serial" });

test("an invited delegate's open meeting page shows the venue the secretariat just changed, without a reload", async ({ browser }) => {
  await ensureSetUp(browser);
  const staff = await signIn(browser, secretariat, "en");
  const request = staff.context.request;
  const title = `Live venue check ${Date.now().toString(36)}`;
  const { dialogue } = await graphql(request, "{ dialogue(key: \"mtm\") { members { personId email } } }");
  const delegateId = dialogue.members.find((m: { email: string }) => m.email === italianDelegate).personId;
  const created = await graphql(request, `mutation($d: MeetingDetailsInput!) { createMeeting(key: "mtm", details: $d) { meeting { id } } }`, {
    d: {
      titles: [{ language: "en", text: title }], type: "EXPERT_MEETING", pillar: "Cross-cutting", hostCountry: "MT", city: "Valletta",
      venue: "Mediterranean Conference Centre", timeZone: "Europe/Malta", startsLocal: "2033-03-10T09:00", endsLocal: "2033-03-10T17:00",
      workingLanguages: ["en", "fr", "ar"], visibility: "PARTICIPANTS", liveNotesForParticipants: false, attributionGuard: "WARN",
    },
  });
  const id: string = created.createMeeting.meeting.id;
  await graphql(request, "mutation($id: ID!, $t: [InvitationTargetInput!]!) { inviteToMeeting(id: $id, targets: $t) { meeting { id } } }", { id, t: [{ personId: delegateId }] });
  await graphql(request, "mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }", { id });

  const italy = await signIn(browser, italianDelegate, "en");
  for (const page of [staff.page, italy.page]) {
    await page.goto(`/meetings/${id}`);
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expect(page.getByRole("main")).toContainText("Mediterranean Conference Centre");
  }
  // A mark that a reload would wipe.
  await italy.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  const { meeting } = await graphql(request, "query($id: ID!) { meeting(id: $id) { version } }", { id });
  await graphql(request, "mutation($id: ID!, $v: Int!) { updateMeetingDetails(id: $id, expectedVersion: $v, details: { venue: \"Palazzo Parisio\" }) { meeting { version } } }",
    { id, v: meeting.version });

  await expect(italy.page.getByRole("main")).toContainText("Palazzo Parisio");
  await expect(italy.page.getByRole("main")).not.toContainText("Mediterranean Conference Centre");
  expect(await italy.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await staff.context.close();
  await italy.context.close();
});
