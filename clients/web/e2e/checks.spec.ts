import { expect, test } from "@playwright/test";
import { fitsTheScreen, nothingUntranslated } from "./checks";
import { noAccessibilityViolations } from "./session";

// The checks every journey runs on its pages pass there; here each is shown to fail on a page that breaks it, so a
// check that quietly stopped looking would be noticed.

test("the page checks fail on a page that breaks them", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.setContent(`<html lang="fr"><head><title>Réunion</title></head><body><main><h1>Réunion</h1>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <button></button>
    <p>SCHEDULED</p>
    <div style="width: 600px">large</div>
  </main></body></html>`);
  const found = await noAccessibilityViolations(page).then(() => "", (e: Error) => e.message);
  expect(found).toContain("image-alt: ");
  expect(found).toContain("button-name: ");
  await expect(nothingUntranslated(page, "fr")).rejects.toThrow(/SCHEDULED/);
  await expect(fitsTheScreen(page)).rejects.toThrow(/600px|is \d+px wide/);

  // Axe is put into the page once and run again on what the page has become.
  await page.locator("img").evaluate((img) => img.setAttribute("alt", "Logo"));
  await page.locator("button").evaluate((button) => (button.textContent = "Envoyer"));
  await noAccessibilityViolations(page);
});
