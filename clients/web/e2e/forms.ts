import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { Language } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";

/**
 * How the journeys fill the app's Fluent UI forms the way a person does, and check its pages, shared by the specs.
 * (Two sets grew side by side — `pick`/`setDateTime` from the meeting journeys, `choose`/`typeDateTime` from the
 * exchange journeys; they do the same things and can become one set.)
 */

const screenshots = "e2e-artifacts/screenshots";

/** The page is whole in its language on a desktop and on a 390 px phone (and is left at desktop width). */
export async function checkPage(page: Page, language: Language, name: string) {
  // A confirmation toast, read, is closed with its button (it would go by itself after three seconds): axe would measure
  // the contrast of its fading text, and the phone's screenshot would show it over the page.
  for (const close of await page.locator(".fui-Toast").getByRole("button").all()) await close.click({ timeout: 2000 }).catch(() => undefined);
  await expect(page.locator(".fui-Toast")).toHaveCount(0, { timeout: 15_000 });
  await page.setViewportSize({ width: 1280, height: 900 });
  await pageIsWhole(page, language);
  await page.setViewportSize({ width: 390, height: 844 });
  await pageIsWhole(page, language);
  await page.screenshot({ path: `${screenshots}/${language}-${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Chooses an option of a picker (partner states, agencies, people) by typing part of its name. */
export async function choose(page: Page, label: string, typed: string, option: string) {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  await input.pressSequentially(typed);
  await page.getByRole("listbox").getByRole("option", { name: option }).click();
  await page.keyboard.press("Escape");
}

/** Types a date into a date field (Fluent UI's date picker reads "2031-01-10" when the field is left; the calendar stays closed). */
export async function typeDate(input: Locator, date: string) {
  const before = await input.inputValue();
  if (!before) return typeInto(input, date);
  // Typed over another date, the picker has been seen (once, on a loaded machine) to keep the old one: typed
  // again until the field shows the change. (Callers type a date other than the one there.)
  await expect(async () => {
    await typeInto(input, date);
    await expect(input).not.toHaveValue(before, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
}

async function typeInto(input: Locator, date: string) {
  await input.fill(date);
  await input.press("Tab");
  await expect(input).toHaveAttribute("aria-expanded", "false");
}

/** Types a date and a time into a date-and-time field. */
export async function typeDateTime(page: Page, label: string, date: string, time: string) {
  const group = page.getByRole("group", { name: label, exact: true });
  // The date may stay what it was (only the time changes): typed once, not checked for a change.
  await typeInto(group.getByRole("combobox").first(), date);
  // The second box of the pair is the time (Fluent UI's TimePicker).
  const clock = group.getByRole("combobox").nth(1);
  await clock.fill(time);
  await clock.press("Tab");
}

/** A control by its label's words (a required field's label ends with an asterisk that is not read out). */
export const labelled = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));
/** A control of the page's own (not the header's: its language menu is labelled "Language" too). */
export const field = (page: Page, label: string) => labelled(page.getByRole("main"), label);

/** The refusal shown beside a field, found by its label. */
export const refusalBeside = (page: Page, label: string) => page.getByRole("main").locator(".field", { has: labelled(page, label) }).getByRole("alert");

/** A GraphQL request in a signed-in person's name (to set up what the demo data lacks). */
export async function graphql(request: APIRequestContext, query: string, variables: object = {}) {
  const body = await (await request.post("/graphql", { data: { query, variables } })).json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}


/** A required field by its label (the label reads "City *"). */
export const required = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}\\s*\\*?$`));

/** A wall date and time typed into a DateTimeField ("2031-05-20T09:00"). */
export async function setDateTime(page: Page, label: string, value: string, scope: Page | Locator = page) {
  const [date, time] = value.split("T");
  const group = scope.getByRole("group", { name: label });
  const dateBox = group.getByRole("combobox").nth(0);
  await dateBox.fill(date);
  await dateBox.press("Enter");
  // Enter opens the calendar as well: close it without choosing.
  // (the page's keyboard: while it is open the rest of the page is hidden from the accessibility tree).
  if (await page.getByRole("dialog").isVisible()) await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const timeBox = group.getByRole("combobox").nth(1);
  await timeBox.fill(time);
  await timeBox.press("Enter");
  // Enter takes the time; should its list of times stay open (seen once at a phone's width), it would cover what
  // comes next: close it, keeping the time.
  if ((await timeBox.getAttribute("aria-expanded")) === "true") await timeBox.press("Escape");
  await expect(timeBox).toHaveAttribute("aria-expanded", "false");
}

/** Chooses an entry of a ChoicePicker/PersonPicker by typing part of its name. */
export async function pick(page: Page, label: string, typed: string, option: RegExp) {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.focus();
  await input.pressSequentially(typed, { delay: 20 });
  // The list's options (the chosen tags are options too, of their own listbox, named after the picker).
  const list = page.getByRole("listbox").and(page.locator(":not([aria-label])"));
  const choice = list.getByRole("option", { name: option }).first();
  if (!(await choice.isVisible())) await input.press("ArrowDown");
  await choice.click();
  await expect(input).toHaveValue("");
  // The list stays open for another choice: leave the picker, which closes it.
  await input.press("Tab");
}

/** A wall date typed into a DateField ("2031-05-20"). */
export async function setDate(page: Page, label: string, value: string) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.fill(value);
  await box.press("Enter");
  if (await page.getByRole("dialog").isVisible()) await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

/**
 * Nominates a registered person to their state's delegation from a delegation card (the secretariat for a state
 * without a focal point, or the state's focal point), and waits until the nomination stands.
 */
export async function nominate(page: Page, nominateLabel: string, personName: string) {
  const person = page.getByRole("checkbox", { name: personName, exact: true });
  const form = page.getByRole("form").filter({ has: person });
  await person.check();
  await form.getByRole("button", { name: nominateLabel, exact: true }).click();
  await expect(page.getByRole("checkbox", { name: personName, exact: true })).toHaveCount(0);
}
