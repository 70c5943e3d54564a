import type { Meeting } from "../../api";
import type { AttributionGuard, InvitationTargetInput, MeetingChangesInput, MeetingDetailsInput, MeetingFormat, MeetingStatus, MeetingType, MeetingVisibility, RegistrationInput } from "../../gql/graphql";

/**
 * The meeting pages' rules that need no screen: the details form and what changed in it, who may do what,
 * the co-chair balance, the agenda's order, whom an invitation names. Tested in test/meetingLogic.test.ts.
 */

/** The details form as people fill it: text boxes hold text, choices their code. */
export interface DetailsForm {
  /** By working language: "en" → "Expert meeting on …". */
  titles: Record<string, string>;
  descriptions: Record<string, string>;
  type: MeetingType;
  pillar: string;
  hostCountry: string;
  city: string;
  venue: string;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  workingLanguages: string[];
  capacity: string;
  visibility: MeetingVisibility;
  interpretation: boolean;
  format: MeetingFormat;
  onlineMeetingUrl: string;
  liveNotesForParticipants: boolean;
  attributionGuard: AttributionGuard;
}

/** What a meeting's details are read from (Meeting, as the API answers it). */
export interface MeetingDetailsSource {
  titles: { language: string; text: string }[];
  descriptions: { language: string; text: string }[];
  type: MeetingType;
  pillar?: string | null;
  hostCountry: string;
  city: string;
  venue?: string | null;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  workingLanguages: string[];
  capacity?: number | null;
  visibility: MeetingVisibility;
  interpretation: boolean;
  format: MeetingFormat;
  onlineMeetingUrl?: string | null;
  liveNotesForParticipants: boolean;
  attributionGuard: AttributionGuard;
}

const byLanguage = (texts: { language: string; text: string }[]) => Object.fromEntries(texts.map((t) => [t.language, t.text]));

/** A new meeting's form: held in every working language of the dialogue, in its first partner state's zone. */
export function newDetails(workingLanguages: string[], hostCountry = "", timeZone = ""): DetailsForm {
  return {
    titles: {}, descriptions: {}, type: "EXPERT_MEETING", pillar: "", hostCountry, city: "", venue: "", timeZone, startsLocal: "", endsLocal: "",
    workingLanguages: [...workingLanguages], capacity: "", visibility: "PARTICIPANTS", interpretation: workingLanguages.length > 1,
    format: "IN_PERSON", onlineMeetingUrl: "", liveNotesForParticipants: true, attributionGuard: "WARN",
  };
}

/** The form filled with a meeting's details as they are. */
export function detailsOf(m: MeetingDetailsSource): DetailsForm {
  return {
    titles: byLanguage(m.titles), descriptions: byLanguage(m.descriptions), type: m.type, pillar: m.pillar ?? "", hostCountry: m.hostCountry,
    city: m.city, venue: m.venue ?? "", timeZone: m.timeZone, startsLocal: m.startsLocal.slice(0, 16), endsLocal: m.endsLocal.slice(0, 16),
    workingLanguages: [...m.workingLanguages], capacity: m.capacity == null ? "" : String(m.capacity), visibility: m.visibility,
    interpretation: m.interpretation, format: m.format, onlineMeetingUrl: m.onlineMeetingUrl ?? "",
    liveNotesForParticipants: m.liveNotesForParticipants, attributionGuard: m.attributionGuard,
  };
}

const texts = (values: Record<string, string>, languages: string[]) =>
  languages.filter((language) => (values[language] ?? "").trim() !== "").map((language) => ({ language, text: values[language].trim() }));

/** A capacity as typed: empty for no limit; what is not a whole number goes to the server as it is, to be refused there. */
function capacityOf(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}

/** The whole form as the API takes a new meeting's details. */
export function detailsInput(form: DetailsForm): MeetingDetailsInput {
  return {
    titles: texts(form.titles, form.workingLanguages),
    descriptions: texts(form.descriptions, form.workingLanguages),
    type: form.type,
    pillar: form.pillar || null,
    hostCountry: form.hostCountry,
    city: form.city.trim(),
    venue: form.venue.trim() || null,
    timeZone: form.timeZone.trim(),
    startsLocal: form.startsLocal,
    endsLocal: form.endsLocal,
    workingLanguages: form.workingLanguages,
    capacity: capacityOf(form.capacity),
    visibility: form.visibility,
    interpretation: form.interpretation,
    format: form.format,
    // An in-person meeting has no link: switching to in person drops it.
    onlineMeetingUrl: form.format === "IN_PERSON" ? null : form.onlineMeetingUrl.trim() || null,
    liveNotesForParticipants: form.liveNotesForParticipants,
    attributionGuard: form.attributionGuard,
  };
}

export type DetailsChanges = MeetingChangesInput;

/**
 * Only what the form changed, field by field, against the meeting as it was read: what is not sent keeps
 * its value on the server (a field cleared is sent as null). Nothing else is ever sent back, so a change
 * made elsewhere (a Teams link, the notes settings) is never overwritten with what this page read.
 */
export function changedDetails(meeting: MeetingDetailsSource, form: DetailsForm): DetailsChanges {
  const before = detailsInput(detailsOf(meeting)) as Record<string, unknown>;
  const after = detailsInput(form) as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after)) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = after[key];
  return changes as DetailsChanges;
}

/** Whether these changes move the meeting in time (participants are mailed the new dates). */
export const movesDates = (changes: DetailsChanges) => "startsLocal" in changes || "endsLocal" in changes || "timeZone" in changes;

/** Minutes from one wall-clock time to another ("2031-05-20T09:00" → "2031-05-21T17:00": 1920), read as UTC. */
export function minutesBetween(startsLocal: string, endsLocal: string): number {
  return Math.round((Date.parse(`${endsLocal}:00Z`) - Date.parse(`${startsLocal}:00Z`)) / 60_000);
}

/** An agenda with one session moved up (-1) or down (+1); the same order when it cannot move. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  const next = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return next;
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

export interface CoChairCandidate {
  personId: string;
  partnerStateCode?: string | null;
}

/**
 * The regional group two or more of the chosen co-chairs share, when they do (the dialogue balances its
 * co-chairs across regional groups: classically one European and one Arab or African state).
 */
export function sharedRegionalGroup(chosen: string[], members: CoChairCandidate[], states: { code: string; regionalGroup: string }[]): string | null {
  const groups = chosen
    .map((id) => members.find((m) => m.personId === id)?.partnerStateCode)
    .map((code) => states.find((s) => s.code === code)?.regionalGroup)
    .filter((g): g is string => Boolean(g));
  return groups.find((g, i) => groups.indexOf(g) !== i) ?? null;
}

/** Whom an invitation choice names: "state:EG", "agency:unhcr", "observer:las", "city:mtm/barcelona", "person:…". */
export type TargetKind = "state" | "agency" | "observer" | "city" | "person";
export const targetId = (kind: TargetKind, value: string) => `${kind}:${value}`;

/** The API's target for a choice (a partner state with the places its focal points may fill). */
export function invitationTarget(id: string, places?: number | null): InvitationTargetInput {
  const [kind, ...rest] = id.split(":");
  const value = rest.join(":");
  switch (kind as TargetKind) {
    case "state":
      return places == null ? { partnerStateCode: value } : { partnerStateCode: value, places };
    case "agency":
    case "observer":
      return { organisationKey: value };
    case "city":
      return { cityId: value };
    case "person":
      return { personId: value };
    default:
      throw new Error(`Not an invitation choice: ${id}`);
  }
}

/** What the viewer may do with a meeting: the server's own answer (Meeting.viewerMay), named as the page uses it. */
export interface MeetingPermissions {
  editDetails: boolean;
  moveDates: boolean;
  schedule: boolean;
  open: boolean;
  conclude: boolean;
  cancel: boolean;
  editAgenda: boolean;
  setChairs: boolean;
  invite: boolean;
  withdraw: boolean;
  addDocuments: boolean;
  removeDocuments: boolean;
  notesSettings: boolean;
  seeAudit: boolean;
  seeInvitations: boolean;
  exportParticipants: boolean;
}

/** The server's permission flags as the page's actions; only the dates also follow the state (a meeting that began keeps its dates). */
export function meetingPermissions(m: { status: MeetingStatus; viewerMay: ViewerMay }): MeetingPermissions {
  const may = m.viewerMay;
  return {
    editDetails: may.updateDetails,
    moveDates: may.updateDetails && (m.status === "DRAFT" || m.status === "SCHEDULED"),
    schedule: may.schedule,
    open: may.open,
    conclude: may.conclude,
    cancel: may.cancel,
    editAgenda: may.manageAgenda,
    setChairs: may.setChairs,
    invite: may.invite,
    withdraw: may.withdrawInvitation,
    addDocuments: may.manageDocuments,
    removeDocuments: may.manageDocuments,
    notesSettings: may.setNotesSettings,
    seeAudit: may.seeAudit,
    seeInvitations: may.seeInvitations,
    exportParticipants: may.exportParticipants,
  };
}

type ViewerMay = Meeting["viewerMay"];

/** The answers an invitee may give now: never the one they already gave; withdrawing only what they accepted or may attend. */
export function answersFor(status: string | null | undefined): ("ACCEPT" | "TENTATIVE" | "DECLINE" | "WITHDRAW")[] {
  const all = ["ACCEPT", "TENTATIVE", "DECLINE"] as const;
  const same: Record<string, string> = { ACCEPTED: "ACCEPT", WAITLISTED: "ACCEPT", TENTATIVE: "TENTATIVE", DECLINED: "DECLINE" };
  const answers: ("ACCEPT" | "TENTATIVE" | "DECLINE" | "WITHDRAW")[] = all.filter((a) => same[status ?? ""] !== a);
  if (status === "ACCEPTED" || status === "WAITLISTED" || status === "TENTATIVE") answers.push("WITHDRAW");
  return answers;
}

/** A delegation as its places are counted: nominees whose invitation still stands. */
interface Places {
  places: number;
  nominees: { invitee: { personId: string }; status: string }[];
}

/** How many more delegates a state may nominate. */
export function placesLeft(delegation: Places): number {
  const standing = delegation.nominees.filter((n) => n.status !== "WITHDRAWN" && n.status !== "DECLINED").length;
  return Math.max(0, delegation.places - standing);
}

/**
 * Who a state's focal point may nominate: the dialogue's delegates and focal points of that state whose
 * nomination does not stand already, by name.
 */
export function nominationChoices(
  dialogue: { members: { personId: string; email?: string | null; person?: { name: string } | null; roles: string[]; partnerStateCode?: string | null }[] },
  delegation: Places & { partnerStateCode: string },
  collation: string,
): { value: string; label: string }[] {
  const standing = new Set(delegation.nominees.filter((n) => n.status !== "WITHDRAWN" && n.status !== "DECLINED").map((n) => n.invitee.personId));
  const collator = new Intl.Collator(collation);
  return dialogue.members
    .filter((m) => m.partnerStateCode === delegation.partnerStateCode && (m.roles.includes("DELEGATE") || m.roles.includes("FOCAL_POINT")) && !standing.has(m.personId))
    .map((m) => ({ value: m.personId, label: m.person?.name ?? m.email ?? m.personId }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** What an invitee types to register: every field as text, the two requests as switches. */
export interface RegistrationDraft {
  arrival: string;
  departure: string;
  visaLetterRequested: boolean;
  nameAsInPassport: string;
  nationality: string;
  passportNumber: string;
  passportExpires: string;
  fundingRequested: boolean;
  fundingNote: string;
  accessibilityNeeds: string;
  dietaryNeeds: string;
}

/** The form as the registration stands (empty before the first one). */
export function registrationDraft(r: Partial<Record<keyof RegistrationDraft, string | boolean | null>> | null | undefined): RegistrationDraft {
  const text = (v: string | boolean | null | undefined) => (typeof v === "string" ? v : "");
  return {
    arrival: text(r?.arrival),
    departure: text(r?.departure),
    visaLetterRequested: r?.visaLetterRequested === true,
    nameAsInPassport: text(r?.nameAsInPassport),
    nationality: text(r?.nationality),
    passportNumber: text(r?.passportNumber),
    passportExpires: text(r?.passportExpires),
    fundingRequested: r?.fundingRequested === true,
    fundingNote: text(r?.fundingNote),
    accessibilityNeeds: text(r?.accessibilityNeeds),
    dietaryNeeds: text(r?.dietaryNeeds),
  };
}

/**
 * What is sent: trimmed texts, null for what is empty, and nothing of a request that is switched off (the
 * passport details go only with a visa letter request, the note only with a funding request).
 */
export function registrationInput(d: RegistrationDraft): RegistrationInput {
  const value = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    arrival: value(d.arrival),
    departure: value(d.departure),
    visaLetterRequested: d.visaLetterRequested,
    nameAsInPassport: d.visaLetterRequested ? value(d.nameAsInPassport) : null,
    nationality: d.visaLetterRequested ? value(d.nationality) : null,
    passportNumber: d.visaLetterRequested ? value(d.passportNumber) : null,
    passportExpires: d.visaLetterRequested ? value(d.passportExpires) : null,
    fundingRequested: d.fundingRequested,
    fundingNote: d.fundingRequested ? value(d.fundingNote) : null,
    accessibilityNeeds: value(d.accessibilityNeeds),
    dietaryNeeds: value(d.dietaryNeeds),
  };
}
