import { defineConfig } from "@playwright/test";

// End-to-end tests against the real server process (started by e2e/global-setup.ts on 127.0.0.1) in
// Debian's Chromium, which the README's test command installs.
export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e-artifacts/results",
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
    // No trace: recording one for every test (a snapshot at each action) took a third of the run's time. To hunt a
    // failure, run its spec again with --trace retain-on-failure; a failure's screenshot and page outline are kept.
    trace: "off",
    screenshot: "only-on-failure",
    // People who ask their system for less motion get toasts and dialogs without fades (Fluent's motion honours
    // it). Axe measures colours as drawn, and a toast caught fading in or out reads as too pale.
    contextOptions: { reducedMotion: "reduce" },
  },
  projects: [
    // The first administrator's setup, before any journey (a journey run alone gets it too).
    { name: "setup", testMatch: "setup.spec.ts" },
    { name: "desktop", testIgnore: "setup.spec.ts", dependencies: ["setup"], use: { viewport: { width: 1280, height: 800 } } },
    // The secretariat's meeting wizard again on a phone's width (the other journeys check their pages at 390 px with
    // checkPage; running every journey twice would not fit the test command's time).
    { name: "phone", testMatch: "meeting.spec.ts", grep: /prepares a meeting with the wizard/, dependencies: ["setup"], use: { viewport: { width: 390, height: 844 } } },
  ],
});
