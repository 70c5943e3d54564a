import { useState } from "react";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface Base<T> {
  version: number;
  value: T;
}

/**
 * What a form does when the server's copy changes while it is open: a change elsewhere that leaves this form's
 * part as it was only moves the version on (adding a partner state does not touch the settings); an untouched
 * form takes the new values; an edited one keeps its edits, and saving them answers CONFLICT for the person
 * to choose.
 */
export function reconcile<T>(base: Base<T>, draft: T, server: T, version: number): { base: Base<T>; draft: T } | null {
  if (version === base.version) return null;
  if (same(server, base.value)) return { base: { version, value: server }, draft };
  if (same(draft, base.value)) return { base: { version, value: server }, draft: server };
  return null;
}

/**
 * What a form sends to a "changes" input: only the fields that differ from what it started from, so a field
 * someone else changed meanwhile and this person left alone keeps their value.
 */
export function changesOf<T extends object>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(after).filter(([key, value]) => !same(value, before[key as keyof T]))) as Partial<T>;
}

/**
 * A form's own copy of something the server holds under a version (ETag): `draft` is edited, `version` goes back
 * as expectedVersion, `saved` records what the server took, `reload` takes the server's copy over one's edits.
 */
export function useDraft<T>(server: T, version: number) {
  const [state, setState] = useState<{ base: Base<T>; draft: T }>({ base: { version, value: server }, draft: server });
  const next = reconcile(state.base, state.draft, server, version);
  if (next) setState(next);
  const current = next ?? state;
  return {
    draft: current.draft,
    /** What the form started from (the server's copy it was last in step with). */
    base: current.base.value,
    setDraft: (update: (draft: T) => T) => setState((s) => ({ ...s, draft: update(s.draft) })),
    version: current.base.version,
    dirty: !same(current.draft, current.base.value),
    /** Someone else changed it while this form holds edits of its own. */
    changedElsewhere: current.base.version !== version,
    saved: (savedVersion: number, value: T) => setState({ base: { version: savedVersion, value }, draft: value }),
    reload: () => setState({ base: { version, value: server }, draft: server }),
  };
}
