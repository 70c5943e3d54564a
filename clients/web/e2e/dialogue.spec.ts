import { expect, test, type Locator, type Page } from "@playwright/test";
import { format, messages } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";
import { signIn } from "./session";

/**
 * The dialogue, its directory, everyone's home page and their own profile: the secretariat (in French) keeps
 * the dialogue's settings, partner states, agencies and members; a delegate (in Arabic) answers an invitation
 * from their home page and keeps their profile and calendar subscription. Each page is checked whole in its
 * language, and the home page and profile on a 390 px phone too.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const egyptianDelegate = "delegate.eg@demo.collaboration.localhost";
const observer = "las@demo.collaboration.localhost";
const dialogueName = "Mediterranean Transit Migration Dialogue";
const fr = messages.fr;
const ar = messages.ar;
const phone = { width: 390, height: 844 };

// Long journeys with many whole-page checks (axe at two widths): more time than one page needs.
test.describe.configure({ mode: "serial", timeout: 300_000 });

/** One GraphQL request with the page's session, as the app sends it; fails the test on any error. */
async function api<T = Record<string, unknown>>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await page.request.post("/graphql", {
    data: { query, variables },
    headers: { Accept: "application/graphql-response+json" },
  });
  const body = await response.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** A control's label exactly, with or without the mark of a required field after it. */
const exactly = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`);

/** A notice the app raised (a toast; the same words also go to a live region for screen readers). */
const toast = (page: Page, text: string) => page.locator(".fui-ToastTitle", { hasText: text }).last();

/** The refusal shown beside a labelled control. */
const refusalBeside = (scope: Page | Locator, label: string) => {
  // The inner locator of `has` is looked for inside each field, so it starts from the page, not from the scope.
  const page = "goto" in scope ? scope : scope.page();
  return scope.locator(".field", { has: page.getByLabel(exactly(label)) }).getByRole("alert");
};

/** The page as it is on a desktop, then on a phone. */
async function wholeOnDesktopAndPhone(page: Page, language: "fr" | "ar" | "en") {
  await pageIsWhole(page, language);
  const size = page.viewportSize();
  await page.setViewportSize(phone);
  await pageIsWhole(page, language);
  if (size) await page.setViewportSize(size);
}

test("[fr] the secretariat keeps the dialogue's settings, partner states and partner agencies, with refusals beside their fields", async ({ browser }) => {
  const { context, page } = await signIn(browser, secretariat, "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(format(fr.welcome, { name: "Demo Secretariat Officer" }));
  await wholeOnDesktopAndPhone(page, "fr");
  await page.getByRole("link", { name: dialogueName }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(dialogueName);
  await pageIsWhole(page, "fr");
  await page.getByRole("link", { name: fr.dialogueSettings }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.dialogueSettings);
  await pageIsWhole(page, "fr");

  // A name of spaces only is refused, beside the name, in French.
  const name = page.getByLabel(exactly(fr.name));
  await name.fill("   ");
  await page.getByRole("button", { name: fr.saveSettings }).click();
  await expect(refusalBeside(page, fr.name)).toHaveText(fr.reason_REQUIRED);
  await pageIsWhole(page, "fr");

  // A topic for the registry of priorities and the strict co-chair rule, saved and there after a reload.
  await name.fill(dialogueName);
  await page.getByRole("textbox", { name: fr.topics, exact: true }).fill("Santé des migrants");
  await page.getByRole("button", { name: format(fr.addTo, { list: fr.topics }) }).click();
  await page.getByRole("switch").check();
  await page.getByRole("button", { name: fr.saveSettings }).click();
  await expect(toast(page, fr.settingsSaved)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: fr.topics })).toContainText("Santé des migrants");
  await expect(page.getByRole("switch")).toBeChecked();
  // Put the rule and topics back as the other journeys expect them.
  await page.getByRole("button", { name: format(fr.removeName, { name: "Santé des migrants" }) }).click();
  await page.getByRole("switch").uncheck();
  await page.getByRole("button", { name: fr.saveSettings }).click();
  await expect(toast(page, fr.settingsSaved)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: fr.topics })).not.toContainText("Santé des migrants");

  // The MTM's pairing: half a pairing is refused beside it; one European and one Arab state is kept.
  const first = page.getByLabel(fr.pairingFirst);
  const second = page.getByLabel(fr.pairingSecond);
  await first.selectOption("European");
  await page.getByRole("button", { name: fr.saveSettings }).click();
  await expect(refusalBeside(page, fr.pairingFirst)).toHaveText(fr.reason_CO_CHAIR_PAIRING_TWO_GROUPS);
  await pageIsWhole(page, "fr");
  await second.selectOption("Arab");
  await page.getByRole("button", { name: fr.saveSettings }).click();
  await expect(toast(page, fr.settingsSaved)).toBeVisible();
  await page.reload();
  await expect(first).toHaveValue("European");
  await expect(second).toHaveValue("Arab");
  await first.selectOption("");
  await second.selectOption("");
  await page.getByRole("button", { name: fr.saveSettings }).click();
  await expect(toast(page, fr.settingsSaved)).toBeVisible();

  // Jordan joins: chosen by its French name; its names in the three languages come with it.
  await page.getByRole("button", { name: fr.addPartnerState }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(fr.country).selectOption({ label: "Jordanie" });
  await expect(dialog.getByLabel(fr.nameInDirectory)).toHaveValue("Jordan");
  await expect(dialog.getByRole("list", { name: fr.otherNames })).toContainText("الأردن");
  await dialog.getByLabel(fr.regionalGroup).selectOption("Arab");
  await dialog.getByLabel(fr.yearJoined).fill("1800");
  await dialog.getByRole("button", { name: fr.addPartnerState }).click();
  await expect(refusalBeside(dialog, fr.yearJoined)).toBeVisible();
  await pageIsWhole(page, "fr");
  await dialog.getByLabel(fr.yearJoined).fill("2025");
  await dialog.getByRole("button", { name: fr.addPartnerState }).click();
  await expect(dialog).toBeHidden();
  const jordan = page.getByRole("row", { name: /Jordanie/ });
  await expect(jordan).toContainText("2025");

  await jordan.getByRole("button", { name: format(fr.editPartnerStateOf, { name: "Jordanie" }) }).click();
  await dialog.getByLabel(fr.yearJoined).fill("2024");
  await dialog.getByRole("button", { name: fr.save }).click();
  await expect(dialog).toBeHidden();
  await expect(jordan).toContainText("2024");

  await jordan.getByRole("button", { name: format(fr.removeName, { name: "Jordanie" }) }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: fr.remove }).click();
  await expect(jordan).toHaveCount(0);

  // Morocco is represented by members: its removal is refused in the dialog, and it stays.
  const morocco = page.getByRole("row", { name: /Maroc/ });
  await morocco.getByRole("button", { name: format(fr.removeName, { name: "Maroc" }) }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: fr.remove }).click();
  await expect(page.getByRole("alertdialog").getByRole("alert")).toBeVisible();
  await page.getByRole("alertdialog").getByRole("button", { name: fr.back }).click();
  await expect(morocco).toHaveCount(1);

  // A partner agency with a key the server refuses, then a good one; then removed.
  await page.getByRole("button", { name: fr.addPartnerAgency }).click();
  await dialog.getByLabel(exactly(fr.name)).fill("Centre international pour le développement des politiques migratoires");
  await dialog.getByLabel(fr.acronym).fill("ICMPD");
  await dialog.getByLabel(fr.organisationKey).fill("ICMPD!");
  await dialog.getByRole("button", { name: fr.addPartnerAgency }).click();
  await expect(refusalBeside(dialog, fr.organisationKey)).toBeVisible();
  await dialog.getByLabel(fr.organisationKey).fill("icmpd");
  await dialog.getByRole("button", { name: fr.addPartnerAgency }).click();
  await expect(dialog).toBeHidden();
  const icmpd = page.getByRole("row", { name: /ICMPD/ });
  await expect(icmpd).toHaveCount(1);
  await icmpd.getByRole("button", { name: format(fr.removeName, { name: "ICMPD" }) }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: fr.remove }).click();
  await expect(icmpd).toHaveCount(0);
  await pageIsWhole(page, "fr");
  await context.close();
});

test("[fr] the secretariat adds a city official with a city chosen from the dialogue's, changes their roles and removes them", async ({ browser }) => {
  const { context, page } = await signIn(browser, secretariat, "fr");
  await api(page, `mutation { createCity(key: "mtm", cityKey: "oran", name: "Oran", countryCode: "DZ") { id } }`);
  await page.goto("/");
  await page.getByRole("link", { name: dialogueName }).click();
  await page.getByRole("link", { name: fr.directory }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.directory);
  // The focal points of each partner state, by the state's French name.
  await expect(page.getByRole("definition").filter({ hasText: "Demo Focal Point Morocco" })).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: /^Maroc$/ })).toBeVisible();
  await wholeOnDesktopAndPhone(page, "fr");

  await page.getByRole("button", { name: fr.addMember }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(exactly(fr.name)).fill("Yasmine Benali");
  await dialog.getByLabel(fr.email).fill("y.benali@demo.collaboration.localhost");
  await dialog.getByLabel(messages.fr["DialogueRole.CITY_OFFICIAL"]).check();
  // A city official without a city is refused, beside the city.
  await dialog.getByRole("button", { name: fr.addMember }).click();
  await expect(refusalBeside(dialog, fr.city)).toBeVisible();
  await pageIsWhole(page, "fr");
  // The city is chosen from the dialogue's cities, never typed.
  await expect(dialog.getByLabel(exactly(fr.city)).locator("option")).toContainText([fr.none, "Oran"]);
  await dialog.getByLabel(exactly(fr.city)).selectOption("Oran");
  await dialog.getByRole("button", { name: fr.addMember }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: /Yasmine Benali/ });
  await expect(row).toContainText(fr["DialogueRole.CITY_OFFICIAL"]);
  await expect(row).toContainText("Oran");

  // Also a delegate of Algeria: the state is chosen by its French name.
  await row.getByRole("button", { name: format(fr.editMemberOf, { name: "Yasmine Benali" }) }).click();
  await dialog.getByLabel(fr["DialogueRole.DELEGATE"]).check();
  await dialog.getByRole("button", { name: fr.save }).click();
  await expect(refusalBeside(dialog, fr.representsState)).toBeVisible();
  await dialog.getByLabel(fr.representsState).selectOption({ label: "Algérie" });
  await dialog.getByRole("button", { name: fr.save }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(fr["DialogueRole.DELEGATE"]);
  await expect(row).toContainText("Algérie");

  // Searching narrows the list; a search that matches nobody says so.
  await page.getByLabel(fr.findMember).fill("Yasmine");
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByLabel(fr.findMember).fill("personne-de-ce-nom");
  await expect(page.getByText(fr.noMemberMatches)).toBeVisible();
  await page.getByLabel(fr.findMember).fill("");

  await row.getByRole("button", { name: format(fr.removeName, { name: "Yasmine Benali" }) }).click();
  await expect(page.getByRole("alertdialog")).toContainText(format(fr.removeMemberTitle, { name: "Yasmine Benali" }));
  await page.getByRole("alertdialog").getByRole("button", { name: fr.remove }).click();
  await expect(row).toHaveCount(0);
  await context.close();
});

test("[ar] a delegate answers an invitation from their home page and keeps their calendar subscription and access tokens", async ({ browser }) => {
  // The secretariat schedules a meeting and invites the Egyptian delegate in person.
  const office = await signIn(browser, secretariat, "en");
  const { dialogue } = await api<{ dialogue: { members: { personId: string; email: string }[] } }>(office.page, `query { dialogue(key: "mtm") { members { personId email } } }`);
  const delegateId = dialogue.members.find((m) => m.email === egyptianDelegate)!.personId;
  const title = "ورشة عمل حول إعادة الإدماج";
  const { result } = await api<{ result: { meeting: { id: string } } }>(
    office.page,
    `mutation($details: MeetingDetailsInput!) { result: createMeeting(key: "mtm", details: $details) { meeting { id } } }`,
    {
      details: {
        titles: [{ language: "ar", text: title }],
        type: "WORKSHOP",
        hostCountry: "TN",
        city: "Tunis",
        startsLocal: "2031-10-14T09:00",
        endsLocal: "2031-10-15T17:00",
        timeZone: "Africa/Tunis",
        workingLanguages: ["ar", "fr"],
      },
    },
  );
  const meetingId = result.meeting.id;
  await api(office.page, `mutation($id: ID!, $person: ID!) { inviteToMeeting(id: $id, targets: [{ personId: $person }]) { meeting { id } } }`, { id: meetingId, person: delegateId });
  await api(office.page, `mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }`, { id: meetingId });
  await office.context.close();

  // Someone nobody has invited: the home page says what will appear there.
  const las = await signIn(browser, observer, "ar");
  await expect(las.page.getByText(ar.nothingWaiting)).toBeVisible();
  await expect(las.page.getByText(ar.noUpcomingMeetings)).toBeVisible();
  await wholeOnDesktopAndPhone(las.page, "ar");
  await las.context.close();

  const { context, page } = await signIn(browser, egyptianDelegate, "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const waiting = page.getByRole("list", { name: ar.waitingForYou });
  await expect(waiting.getByRole("link", { name: title })).toBeVisible();
  const mine = page.getByRole("list", { name: ar.yourMeetings });
  await expect(mine.getByRole("listitem").filter({ hasText: title })).toContainText(ar["MeetingStatus.SCHEDULED"]);
  await expect(mine.getByRole("listitem").filter({ hasText: title })).toContainText(ar["MeetingType.WORKSHOP"]);
  await wholeOnDesktopAndPhone(page, "ar");
  await waiting.getByRole("group", { name: format(ar.answerInvitationTo, { title }) }).getByRole("button", { name: ar.accept }).click();
  await expect(page.getByText(ar.nothingWaiting)).toBeVisible();
  await expect(mine.getByRole("link", { name: title })).toBeVisible();
  // The browser here keeps UTC: the meeting's Tunis time comes with the delegate's own beside it.
  await expect(mine.getByRole("listitem").filter({ hasText: title })).toContainText(format(ar.yourTime, { time: "" }).trim());

  // The profile, from the account menu.
  await page.locator("header .who button").click();
  await page.getByRole("menuitem", { name: ar.myProfile }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.myProfile);
  await wholeOnDesktopAndPhone(page, "ar");

  // Their details: a name left empty is refused beside it; a job title and the meeting's time zone are saved.
  const profileName = page.getByLabel(exactly(ar.name));
  await profileName.fill("");
  await page.getByRole("button", { name: ar.save }).click();
  await expect(refusalBeside(page, ar.name)).toHaveText(ar.reason_REQUIRED);
  await pageIsWhole(page, "ar");
  await profileName.fill("Demo Delegate Egypt");
  await page.getByLabel(exactly(ar.jobTitle)).fill("مستشار أول");
  await page.getByLabel(exactly(ar.timeZone)).selectOption("Africa/Tunis");
  await page.getByRole("button", { name: ar.save }).click();
  await expect(toast(page, ar.profileSaved)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(exactly(ar.jobTitle))).toHaveValue("مستشار أول");
  await expect(page.getByLabel(exactly(ar.timeZone))).toHaveValue("Africa/Tunis");
  // On Tunis time now, their meeting in Tunis no longer repeats the time on their clock.
  await page.getByRole("link", { name: ar.home }).first().click();
  await expect(mine.getByRole("listitem").filter({ hasText: title })).not.toContainText(format(ar.yourTime, { time: "" }).trim());
  await page.locator("header .who button").click();
  await page.getByRole("menuitem", { name: ar.myProfile }).click();

  // A calendar subscription: the address is shown once, serves the meeting, and stops when revoked.
  await page.getByRole("button", { name: ar.createCalendarFeed }).click();
  const address = page.getByRole("textbox", { name: ar.calendarFeedAddress });
  await expect(address).toHaveValue(/\/calendar\/[^/]+\.ics$/);
  const feed = await address.inputValue();
  const served = await page.request.get(feed);
  expect(served.status()).toBe(200);
  expect(await served.text()).toContain("BEGIN:VCALENDAR");
  await pageIsWhole(page, "ar");
  await page.getByRole("button", { name: ar.revokeCalendarFeed }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: ar.revokeCalendarFeed }).click();
  await expect(toast(page, ar.calendarFeedRevoked)).toBeVisible();
  expect((await page.request.get(feed)).status()).toBe(404);

  // An access token: refused without a name (beside it), then made, shown once, listed and revoked.
  await expect(page.getByText(ar.noAccessTokens)).toBeVisible();
  await page.getByRole("button", { name: ar.createAccessToken }).click();
  await expect(refusalBeside(page, ar.tokenName)).toHaveText(ar.reason_REQUIRED);
  await page.getByLabel(exactly(ar.tokenName)).fill("تقرير شهري");
  await page.getByRole("button", { name: ar.createAccessToken }).click();
  await expect(page.getByRole("textbox", { name: format(ar.accessTokenCreated, { name: "تقرير شهري" }) })).toHaveValue(/\S{20,}/);
  const token = page.getByRole("row", { name: /تقرير شهري/ });
  await expect(token).toHaveCount(1);
  await pageIsWhole(page, "ar");
  await token.getByRole("button", { name: format(ar.revokeTokenOf, { name: "تقرير شهري" }) }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: ar.revoke }).click();
  await expect(token).toHaveCount(0);

  // Back to the device's clock and no job title, as the other journeys expect this delegate.
  await page.getByLabel(exactly(ar.jobTitle)).fill("");
  await page.getByLabel(exactly(ar.timeZone)).selectOption("");
  await page.getByRole("button", { name: ar.save }).click();
  await expect(toast(page, ar.profileSaved)).toBeVisible();
  await context.close();
});
