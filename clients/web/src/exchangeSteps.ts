import type { ExpertExchange } from "./api";
import type { Directory } from "./directory";

/** Whether the viewer is a member of the dialogue for a partner state with one of these roles. */
export function speaksFor(directory: Pick<Directory, "me">, code: string | null | undefined, roles: string[]) {
  const me = directory.me;
  return Boolean(code && me && me.partnerStateCode === code && me.roles.some((r) => roles.includes(r)));
}

/**
 * The side the viewer evaluates an exchange for, as the server decides it (ExchangeRules.SideOf): the requesting
 * expert or a focal point of the requesting state for the requesting side, a focal point of the host for the
 * host. Whether they may evaluate now is the server's `viewerMay.evaluate`; this only names the side.
 */
export function evaluatingSide(x: Pick<ExpertExchange, "requestingStateCode" | "hostStateCode" | "requestingExpertId">, directory: Pick<Directory, "me">, viewerId: string | undefined) {
  if (viewerId === x.requestingExpertId || speaksFor(directory, x.requestingStateCode, ["FOCAL_POINT"])) return "REQUESTING" as const;
  if (speaksFor(directory, x.hostStateCode, ["FOCAL_POINT"])) return "HOST" as const;
  return null;
}
