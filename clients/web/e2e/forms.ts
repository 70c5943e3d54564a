import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import type { Language } from "../src/i18n/messages";
import { pageIsWhole } from "./checks";

/** How the journeys fill the app's forms and check its pages, shared by the specs. */

const screenshots = "e2e-artifacts/screenshots";

/** The page is whole in its language on a desktop and on a 390 px phone (and is left at desktop width). */
export async function checkPage(page: Page, language: Language, name: string) {
  // A confirmation toast fades out on its own: axe would measure the contrast of its fading text.
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
  await input.fill(date);
  await input.press("Tab");
  await expect(input).toHaveAttribute("aria-expanded", "false");
}

/** Types a date and a time into a date-and-time field. */
export async function typeDateTime(page: Page, label: string, date: string, time: string) {
  const group = page.getByRole("group", { name: label, exact: true });
  await typeDate(group.getByRole("combobox").first(), date);
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
