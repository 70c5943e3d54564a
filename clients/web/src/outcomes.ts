import type { AddresseeKind } from "./gql/graphql";

/** What a meeting's outcomes mean to the pages that show them: pure functions, unit-tested. */

/** An addressee as a choice's value: its kind and key ("PARTNER_STATE:MA", "SECRETARIAT:"). */
export const addresseeValue = (a: { kind: AddresseeKind; key?: string | null }) => `${a.kind}:${a.key ?? ""}`;
export function addresseeOf(value: string): { kind: AddresseeKind; key: string | null } {
  const [kind, ...rest] = value.split(":");
  const key = rest.join(":");
  return { kind: kind as AddresseeKind, key: key || null };
}

/** The text in the viewer's language when a current translation exists; the original otherwise. */
interface Translatable {
  language: string;
  text: string;
  translations: readonly { language: string; text: string; stale: boolean }[];
}

export function outcomeText(outcome: Translatable, language: string) {
  if (outcome.language === language) return { text: outcome.text, translated: false };
  const translation = outcome.translations.find((x) => x.language === language && !x.stale);
  return translation ? { text: translation.text, translated: true } : { text: outcome.text, translated: false };
}

/**
 * The recommendation a page was opened from (`?recommendation={meetingId}#{outcomeId}`), to make an exchange
 * request or an action item of it; null when there is none or it does not read as one.
 */
export function recommendationFrom(search: URLSearchParams): { meetingId: string; outcomeId: string } | null {
  const value = search.get("recommendation") ?? "";
  const hash = value.lastIndexOf("#");
  if (hash <= 0 || hash === value.length - 1) return null;
  const meetingId = value.slice(0, hash);
  return /^[^/]+\/[^/]+$/.test(meetingId) ? { meetingId, outcomeId: value.slice(hash + 1) } : null;
}
