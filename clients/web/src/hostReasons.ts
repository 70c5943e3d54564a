/**
 * Why the server suggests a host state, read from its English wording (the API gives no codes for them yet),
 * so that each reason can be said in the viewer's language. A reason the app cannot read is left out rather
 * than shown in English.
 */
export type HostReason =
  | { kind: "offers"; topic: string }
  | { kind: "language"; language: string }
  | { kind: "pastTogether"; count: number; state: string }
  | { kind: "hostedTopic"; count: number }
  | { kind: "needsMet"; count: number };

export function readHostReason(reason: string): HostReason | null {
  let m = /^offers expertise on (.+)$/.exec(reason);
  if (m) return { kind: "offers", topic: m[1] };
  m = /^its experts work in ([a-z]{2,3}(?:-[A-Za-z]+)?)$/.exec(reason);
  if (m) return { kind: "language", language: m[1] };
  m = /^(\d+) past exchange\(s\) with ([A-Z]{2})$/.exec(reason);
  if (m) return { kind: "pastTogether", count: Number(m[1]), state: m[2] };
  m = /^its offer meets (\d+) of the request's needs$/.exec(reason);
  if (m) return { kind: "needsMet", count: Number(m[1]) };
  m = /^hosted (\d+) exchange\(s\) on this topic$/.exec(reason);
  if (m) return { kind: "hostedTopic", count: Number(m[1]) };
  return null;
}
