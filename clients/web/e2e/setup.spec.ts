import { expect, test } from "@playwright/test";
import { server } from "./server";

// Its own project, which every other project depends on: the server's one-time setup page is used by the first
// administrator before anyone else, whatever spec runs first (or alone).
test("the first administrator sets the server up", async ({ page }) => {
  await page.goto(server().setupLink);
  await page.getByLabel("Full name").fill("Ada Administrator");
  await page.getByLabel("Email address").fill("ada@demo.collaboration.localhost");
  await page.getByRole("button", { name: /Create the administrator/ }).click();
  await expect(page.getByRole("link", { name: "Mediterranean Transit Migration Dialogue" })).toBeVisible();
});
