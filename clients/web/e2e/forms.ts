import { expect, type Locator, type Page } from "@playwright/test";

/** Filling the app's Fluent UI controls the way a person does, for the journeys. */

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
