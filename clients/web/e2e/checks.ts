import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { buildSchema, isEnumType } from "graphql";
import { messages, type Language } from "../src/i18n/messages";
import { noAccessibilityViolations } from "./session";

/**
 * What every page must pass in every language, as its users would notice: nothing raw (an enum code such as
 * SCHEDULED or EXPERT_MEETING), no English left in a French or Arabic page, no sideways scrolling on a
 * phone, and nothing axe finds.
 */

const schema = buildSchema(readFileSync(new URL("../schema.graphql", import.meta.url), "utf8"));
/** Every enum value of the API: a page that shows one shows a code, not a word. */
const codes = new Set(
  Object.values(schema.getTypeMap())
    .filter((t) => isEnumType(t) && !t.name.startsWith("__"))
    .flatMap((t) => (isEnumType(t) ? t.getValues().map((v) => v.name) : []))
    .filter((v) => v.length > 2),
);

/** The literal wording of a message (its text between arguments, in every plural form). */
function literals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((e) =>
    e.type === TYPE.literal ? [e.value.trim()]
    : e.type === TYPE.plural || e.type === TYPE.select ? Object.values(e.options).flatMap((o) => literals(o.value))
    : e.type === TYPE.tag ? literals(e.children)
    : []);
}

const englishOnlyOf = new Map<Language, string[]>();

/** English wording that a translation must not show: the pieces of English messages the language does not share (worked out once). */
function englishOnly(language: Language): string[] {
  const known = englishOnlyOf.get(language);
  if (known) return known;
  const own = new Set(Object.values(messages[language]).flatMap((m) => literals(parse(m))));
  const found = [...new Set(Object.values(messages.en).flatMap((m) => literals(parse(m))))]
    .filter((text) => text.length >= 8 && /[a-z]{3} [a-z]{2}/i.test(text) && !own.has(text));
  englishOnlyOf.set(language, found);
  return found;
}

/** The texts a person reads or hears on the page: visible text, and the labels of controls. */
async function textsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("script, style, [hidden], [aria-hidden=true], [data-user-content]")) continue;
      const text = node.textContent?.trim();
      if (text) out.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], [alt]"))
      for (const attribute of ["aria-label", "placeholder", "title", "alt"]) {
        const value = el.getAttribute(attribute)?.trim();
        if (value && !el.closest("[data-user-content]")) out.push(value);
      }
    return out;
  });
}

/** Fails with every raw code or English wording the page shows (people's own words are marked data-user-content). */
export async function nothingUntranslated(page: Page, language: Language) {
  const texts = await textsOf(page);
  const raw = texts.filter((text) => text.split(/[\s·,:;()]+/).some((word) => codes.has(word)));
  const english = language === "en" ? [] : englishOnly(language).filter((wording) => texts.some((text) => text.includes(wording)));
  expect({ raw, english }, `untranslated on ${page.url()}`).toEqual({ raw: [], english: [] });
}

/** Fails when the page is wider than the screen (a phone would scroll sideways). */
export async function fitsTheScreen(page: Page) {
  const { scrollWidth, innerWidth, wide, culprit } = await page.evaluate(() => {
    const width = window.innerWidth;
    // The innermost elements that stick out name the culprit (their ancestors stick out because of them).
    const out = [...document.body.querySelectorAll("*")].filter((e) => {
      const r = e.getBoundingClientRect();
      // Off-screen or 1-pixel elements are hidden on purpose (the skip link, live regions).
      const shown = r.width > 1 && r.height > 1 && r.right > 0 && r.left < width;
      return shown && (r.right > width + 0.5 || r.left < -0.5);
    });
    const innermost = out.filter((e) => !out.some((o) => o !== e && e.contains(o)));
    // The page fits: no need to look for a culprit (hiding elements one by one lays the page out again each time).
    if (document.documentElement.scrollWidth <= width) return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: [], culprit: "" };
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      wide: innermost.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} "${(e.textContent ?? "").slice(0, 40)}"`),
      // Which element, hidden, makes the page fit: the path down to the narrowest such element.
      culprit: (() => {
        const found: string[] = [];
        const walk = (root: Element, depth: number) => {
          for (const child of [...root.children]) {
            const display = (child as HTMLElement).style.display;
            (child as HTMLElement).style.display = "none";
            const fits = document.documentElement.scrollWidth <= width;
            (child as HTMLElement).style.display = display;
            if (fits) {
              const r = child.getBoundingClientRect();
              found.push(`${"  ".repeat(depth)}${child.tagName}.${[...child.classList].join(".")}[${Math.round(r.left)},${Math.round(r.right)}]`);
              if (depth < 12) walk(child, depth + 1);
              return;
            }
          }
        };
        walk(document.body, 0);
        return found.join(" > ");
      })(),
    };
  });
  expect(scrollWidth, `page ${page.url()} is ${scrollWidth}px wide on a ${innerWidth}px screen; sticking out: ${wide.join("; ")}; hiding this makes it fit: ${culprit}`).toBeLessThanOrEqual(innerWidth);
}

/** All of the above. */
export async function pageIsWhole(page: Page, language: Language) {
  await nothingUntranslated(page, language);
  await fitsTheScreen(page);
  await noAccessibilityViolations(page);
}
