import { expect, test, type Page } from "@playwright/test";
import { format, messages } from "../src/i18n/messages";
import { checkPage, choose, field, graphql, labelled, typeDate, typeDateTime } from "./forms";
import { ensureSetUp, signIn } from "./session";

/**
 * An exchange that does not stick, in Arabic (issue 19): a Moroccan expert asks; with nothing in the registries
 * the secretariat names Tunisia to host, Tunisia's focal point declines with a reason, the secretariat names
 * Lebanon, whose focal point accepts; the exchange is scheduled, completed and evaluated by both sides. Each
 * step's button is offered only to whom it belongs. Every page on the way is checked whole.
 */

const secretariat = "secretariat@demo.collaboration.localhost";
const expert = "expert.ma@demo.collaboration.localhost";
const tunisia = "focal.point.tn@demo.collaboration.localhost";
const lebanon = "focal.point.lb@demo.collaboration.localhost";
const a = messages.ar;

test.describe.configure({ mode: "serial" });
test.setTimeout(360_000);

test.beforeAll(async ({ browser }) => {
  await ensureSetUp(browser);
});

const status = (page: Page) => page.locator("h1 ~ p .status");

test("an exchange in Arabic: a Moroccan expert asks, Tunisia declines to host, the secretariat names Lebanon, which hosts it to its evaluation", async ({ browser }) => {
  const staff = await signIn(browser, secretariat, "ar");
  // The demo has Morocco's focal point only: the secretariat adds an expert of Morocco's and the two hosts' focal points.
  for (const [name, email, roles, code] of [
    ["خبير مغربي تجريبي", expert, ["DELEGATE"], "MA"],
    ["منسق تونس التجريبي", tunisia, ["FOCAL_POINT", "DELEGATE"], "TN"],
    ["منسق لبنان التجريبي", lebanon, ["FOCAL_POINT", "DELEGATE"], "LB"],
  ] as const) {
    await graphql(staff.context.request, `mutation($p: PersonInput!, $m: MembershipInput!) { addMember(key: "mtm", person: $p, membership: $m) { key } }`, {
      p: { name, email, preferredLanguage: "ar" },
      m: { roles, partnerStateCode: code },
    });
  }

  // The expert asks on a topic no registry offers yet, submits, and could withdraw; the endorsement is not theirs.
  const asking = await signIn(browser, expert, "ar");
  const e = asking.page;
  await e.goto("/dialogues/mtm/exchanges");
  await field(e, a.topic).selectOption("Trafficking in human beings");
  await field(e, a.objectives).fill("التعرّف على آليات إحالة ضحايا الاتجار بالبشر.");
  await typeDate(field(e, a.preferredFrom), "2031-03-01");
  await typeDate(field(e, a.preferredTo), "2031-04-30");
  await field(e, a.language).selectOption({ label: "العربية" });
  await e.getByRole("button", { name: a.sendRequest }).click();
  await expect(status(e)).toHaveText(a["ExchangeStatus.DRAFT"]);
  const exchangePath = new URL(e.url()).pathname;
  await e.getByRole("button", { name: a.submit, exact: true }).click();
  await expect(status(e)).toHaveText(a["ExchangeStatus.SUBMITTED"]);
  await expect(e.getByRole("button", { name: a.withdrawRequest })).toBeVisible();
  await expect(e.getByRole("button", { name: a.endorse, exact: true })).toHaveCount(0);
  await checkPage(e, "ar", "exchange-submitted");

  // Morocco's focal point endorses.
  const morocco = await signIn(browser, "focal.point.ma@demo.collaboration.localhost", "ar");
  await morocco.page.goto(exchangePath);
  await morocco.page.getByRole("button", { name: a.endorse, exact: true }).click();
  await expect(status(morocco.page)).toHaveText(a["ExchangeStatus.ENDORSED"]);
  await morocco.context.close();

  // The secretariat reviews; no registry suggests a host, so it names Tunisia itself.
  const s = staff.page;
  await s.goto(exchangePath);
  await s.getByRole("button", { name: a.startReview }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.UNDER_REVIEW"]);
  await expect(s.getByText(a.noHostSuggestions)).toBeVisible();
  await expect(s.getByRole("button", { name: a.withdrawRequest })).toHaveCount(0);
  await field(s, a.nameTheHost).selectOption({ label: "تونس" });
  await checkPage(s, "ar", "exchange-name-the-host");
  await s.getByRole("button", { name: format(a.approveWith, { state: "تونس" }, "ar") }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.APPROVED"]);

  // Tunisia's focal point declines, with a reason the dialog requires.
  const tn = await signIn(browser, tunisia, "ar");
  const t = tn.page;
  await t.goto(exchangePath);
  await expect(t.getByRole("button", { name: a.confirmHost })).toBeVisible();
  await t.getByRole("button", { name: a.declineHosting }).click();
  const dialog = t.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: a.declineHosting })).toBeDisabled();
  await labelled(dialog, a.declineReason).fill("خبراؤنا في مهمة خلال تلك الفترة.");
  await dialog.getByRole("button", { name: a.declineHosting }).click();
  await expect(status(t)).toHaveText(a["ExchangeStatus.UNDER_REVIEW"]);
  await expect(t.getByRole("button", { name: a.confirmHost })).toHaveCount(0);
  await expect(t.locator("ol.history")).toContainText(a["exchangeAction_host-declined"]);
  await checkPage(t, "ar", "exchange-host-declined");
  await tn.context.close();

  // The secretariat names Lebanon; Tunisia, which declined, is no longer offered.
  await s.reload();
  await expect(s.getByText("خبراؤنا في مهمة خلال تلك الفترة.")).toBeVisible();
  await expect(field(s, a.nameTheHost).locator("option", { hasText: "تونس" })).toHaveCount(0);
  await field(s, a.nameTheHost).selectOption({ label: "لبنان" });
  await s.getByRole("button", { name: format(a.approveWith, { state: "لبنان" }, "ar") }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.APPROVED"]);

  // Lebanon's focal point accepts and names itself as the host's expert.
  const lb = await signIn(browser, lebanon, "ar");
  const l = lb.page;
  await l.goto(exchangePath);
  // Typed without a space: a space in the picker takes the option under the cursor.
  await choose(l, a.hostExperts, "لبنان", "منسق لبنان التجريبي");
  await expect(l.getByRole("main").getByRole("group", { name: a.hostExperts }).or(l.getByRole("main").getByRole("listbox", { name: a.hostExperts })).first()).toContainText("منسق لبنان التجريبي");
  await l.getByRole("button", { name: a.confirmHost }).click();
  await expect(status(l)).toHaveText(a["ExchangeStatus.HOST_CONFIRMED"]);

  // The secretariat schedules it in Beirut, then records it completed; it could have cancelled it until then.
  await s.reload();
  await expect(s.getByRole("button", { name: a.cancelExchange })).toBeVisible();
  await typeDateTime(s, a.starts, "2031-04-07", "09:00");
  await field(s, a.city).fill("بيروت");
  await s.getByRole("button", { name: a.scheduleExchange }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.SCHEDULED"]);
  await s.getByRole("button", { name: a.complete }).click();
  await expect(status(s)).toHaveText(a["ExchangeStatus.COMPLETED"]);
  await expect(s.getByRole("button", { name: a.cancelExchange })).toHaveCount(0);

  // Each side evaluates; the exchange is evaluated, its history telling of the decline.
  await e.reload();
  await expect(e.getByRole("button", { name: a.withdrawRequest })).toHaveCount(0);
  await field(e, a.evaluation).fill("حقق التبادل أهدافه.");
  await e.getByRole("button", { name: a.evaluate, exact: true }).click();
  await expect(e.getByRole("button", { name: a.evaluate, exact: true })).toHaveCount(0);
  await l.reload();
  await field(l, a.evaluation).fill("تبادل مثمر للطرفين.");
  await l.getByRole("button", { name: a.evaluate, exact: true }).click();
  await expect(status(l)).toHaveText(a["ExchangeStatus.EVALUATED"]);
  await expect(l.locator("ol.history")).toContainText(a["exchangeAction_host-declined"]);
  await checkPage(l, "ar", "exchange-evaluated-second-host");
  await Promise.all([asking.context.close(), lb.context.close(), staff.context.close()]);
});
