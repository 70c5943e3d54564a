import type { ExpertExchange } from "./api";
import type { Directory } from "./directory";

/** Whether the viewer is a member of the dialogue for a partner state with one of these roles. */
export function speaksFor(directory: Pick<Directory, "me">, code: string | null | undefined, roles: string[]) {
  const me = directory.me;
  return Boolean(code && me && me.partnerStateCode === code && me.roles.some((r) => roles.includes(r)));
}

/**
 * What the viewer may do on an exchange, by the server's rules (ExpertExchangeGrain): the drafter or a focal
 * point of the requesting state submits; a focal point of it endorses; the secretariat reviews, approves or
 * rejects, schedules and completes; an officer of a consulted agency gives its opinion; a focal point of the host
 * state confirms its experts; the requesting expert or a focal point of either state evaluates, once a side.
 */
export function exchangePermissions(x: Pick<ExpertExchange, "status" | "requestingStateCode" | "hostStateCode" | "requestingExpertId" | "consultedOrganisations" | "evaluatedBy" | "auditTrail">, directory: Pick<Directory, "me" | "secretariat">, viewerId: string | undefined) {
  const focalRequesting = speaksFor(directory, x.requestingStateCode, ["FOCAL_POINT"]);
  const focalHost = speaksFor(directory, x.hostStateCode, ["FOCAL_POINT"]);
  const drafter = x.auditTrail.find((a) => a.action === "created")?.personId;
  const organisation = directory.me?.organisationKey;
  const side = viewerId === x.requestingExpertId || focalRequesting ? "REQUESTING" : focalHost ? "HOST" : null;
  const at = x.status;
  return {
    submit: at === "DRAFT" && (viewerId === drafter || focalRequesting),
    endorse: at === "SUBMITTED" && focalRequesting,
    review: at === "ENDORSED" && directory.secretariat,
    decide: at === "UNDER_REVIEW" && directory.secretariat,
    giveOpinion: at === "UNDER_REVIEW" && Boolean(organisation && x.consultedOrganisations.includes(organisation)),
    confirmHost: at === "APPROVED" && focalHost,
    schedule: at === "HOST_CONFIRMED" && directory.secretariat,
    complete: at === "SCHEDULED" && directory.secretariat,
    evaluate: at === "COMPLETED" && side !== null && !x.evaluatedBy.includes(side) ? side : null,
  };
}
