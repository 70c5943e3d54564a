import { Badge, Button, Card, Select, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { Link as RouterLink } from "react-router-dom";
import {
  AdoptOutcome, EditOutcome, MeetingOutcomesQuery, ProposeOutcome, PublishOutcomes, ReportProgress, WithdrawOutcome,
  WorkingGroupsQuery, type Addressee, type Meeting, type MeetingOutcomes, type Outcome, type RecommendationToReview,
} from "../../api";
import { useGraphMutation, useGraphQuery, useRequestKey } from "../../api/hooks";
import { ChoicePicker, type Choice } from "../../components/ChoicePicker";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EnumSelect } from "../../components/EnumSelect";
import { Field, FormError, fieldError } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { Loading } from "../../components/Loading";
import { Section } from "../../components/Page";
import { useNotify } from "../../components/Toasts";
import { useDirectory, type Directory } from "../../directory";
import type { FollowUpStatus, OutcomeKind } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { useNames } from "../../i18n/names";
import { SummaryDownloads } from "./SummaryDownloads";
import { addresseeOf, addresseeValue, outcomeText } from "../../outcomes";

const followUpStatuses: FollowUpStatus[] = ["OPEN", "IN_PROGRESS", "IMPLEMENTED", "DROPPED"];

/** Whom a recommendation addresses, in the viewer's words as a list reads them: states in their language, agencies and groups by name. */
export function useAddresseeName(directory: Directory | null) {
  const { t } = useI18n();
  return (a: Pick<Addressee, "kind" | "key" | "name">) => {
    switch (a.kind) {
      case "PARTNER_STATES":
        return t("allPartnerStates");
      case "SECRETARIAT":
        return t("theSecretariat");
      case "PARTNER_STATE":
        return a.key && directory ? directory.stateName(a.key) : (a.name ?? a.key ?? "");
      case "ORGANISATION":
        return a.key && directory ? directory.organisationName(a.key) : (a.name ?? a.key ?? "");
      default:
        return a.name ?? a.key ?? "";
    }
  };
}

/**
 * The meeting's outcomes: conclusions and recommendations drafted by the note-takers during the meeting, adopted
 * by the co-chairs, published by the secretariat; then, for each published recommendation, its follow-up.
 * Nothing here says who drafted, adopted or translated anything (Chatham House Rule).
 */
export function Outcomes({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const notify = useNotify();
  const query = useGraphQuery(MeetingOutcomesQuery, { id: meeting.id });
  const { directory } = useDirectory(meeting.dialogueKey);
  const publish = useGraphMutation(PublishOutcomes, () => notify(t("outcomesPublished")));
  if (!query.data) return <Loading error={query.error} />;
  const { outcomes, recommendationsToReview } = query.data.meeting;
  const may = outcomes.viewerMay;
  const conclusions = outcomes.outcomes.filter((o) => o.kind === "CONCLUSION");
  const recommendations = outcomes.outcomes.filter((o) => o.kind === "RECOMMENDATION");
  const proposed = outcomes.outcomes.filter((o) => o.status === "PROPOSED").length;
  const started = meeting.status === "IN_PROGRESS" || meeting.status === "CONCLUDED";

  return (
    <>
      <p>
        {outcomes.published ? t("outcomesArePublished") : started ? t("outcomesExplained") : t("outcomesNotYet")}{" "}
        {!outcomes.published && outcomes.outcomes.length > 0 && t("outcomesStanding", { proposed, adopted: outcomes.outcomes.length - proposed })}
      </p>
      <div className="actions">
        {may.publish && !outcomes.published && (
          <ConfirmDialog
            trigger={<Button appearance="primary">{t("publishOutcomes")}</Button>}
            title={t("publishOutcomesTitle")}
            confirm={t("publishOutcomesConfirm")}
            onConfirm={() => publish.mutateAsync({ meetingId: meeting.id })}
          >
            <p>{t("publishOutcomesExplained")}</p>
          </ConfirmDialog>
        )}
        {may.translate && (
          <RouterLink to={`/meetings/${meeting.id}/translate`}>{t("translateTheRecord")}</RouterLink>
        )}
      </div>
      <FormError error={publish.error} />
      <OutcomeList title={t("conclusions")} items={conclusions} meeting={meeting} directory={directory} may={may} />
      <OutcomeList title={t("recommendations")} items={recommendations} meeting={meeting} directory={directory} may={may} />
      {may.draft && !outcomes.published && started && <ProposeForm meeting={meeting} directory={directory} />}
      {outcomes.published && (
        <Section title={t("summaryOfDiscussions")}>
          <SummaryDownloads meetingId={meeting.id} languages={meeting.workingLanguages} />
        </Section>
      )}
      {recommendationsToReview.length > 0 && <UnderReview items={recommendationsToReview} directory={directory} />}
    </>
  );
}

type OutcomesMay = MeetingOutcomes["viewerMay"];

function OutcomeList({ title, items, meeting, directory, may }: { title: string; items: Outcome[]; meeting: Meeting; directory: Directory | null; may: OutcomesMay }) {
  const { t } = useI18n();
  return (
    <Section title={title}>
      {items.length === 0 ? (
        <p className="meta">{t("noneYet")}</p>
      ) : (
        <ol className="outcomes">
          {items.map((o) => (
            <li key={o.id}>
              <OutcomeCard outcome={o} meeting={meeting} directory={directory} may={may} />
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** One outcome: its number, text (in the viewer's language when translated), status, addressees, and the steps the viewer may take. */
function OutcomeCard({ outcome, meeting, directory, may }: { outcome: Outcome; meeting: Meeting; directory: Directory | null; may: OutcomesMay }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const notify = useNotify();
  const addresseeName = useAddresseeName(directory);
  const adopt = useGraphMutation(AdoptOutcome, () => notify(t("outcomeAdopted")));
  const withdraw = useGraphMutation(WithdrawOutcome, () => notify(t("outcomeWithdrawn")));
  const shown = outcomeText(outcome, language);
  const session = meeting.sessions.find((s) => s.id === outcome.sessionId);
  const heading = outcome.kind === "CONCLUSION" ? t("conclusionNumbered", { number: outcome.number }) : t("recommendationNumbered", { number: outcome.number });
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  return (
    <Card className="outcome" aria-label={heading}>
      <div className="outcome-head">
        <strong>{heading}</strong> <Badge appearance="tint" className="status">{label("OutcomeStatus", outcome.status)}</Badge>
        {outcome.status === "PUBLISHED" && outcome.kind === "RECOMMENDATION" && (
          <>
            {" "}
            <Badge appearance="outline" className="follow-up">{label("FollowUpStatus", outcome.followUp)}</Badge>
          </>
        )}
      </div>
      <p className="prose" dir="auto" data-user-content>{shown.text}</p>
      {!shown.translated && outcome.language !== language && (
        <p className="meta">{t("inLanguage", { language: names.language(outcome.language) })}</p>
      )}
      {session && <p className="meta">{t("fromSession", { session: session.title })}</p>}
      {outcome.addressees.length > 0 && (
        <p>
          {t("addressedTo")} {names.list(outcome.addressees.map(addresseeName))}
        </p>
      )}
      {outcome.progress.length > 0 && (
        <>
          <h4>{t("progressReported")}</h4>
          <ul className="progress">
            {outcome.progress.map((p) => (
              <li key={p.id}>
                <span className="meta">{when.format(new Date(p.reportedAt))} · {addresseeName(p.reportedFor)} · {label("FollowUpStatus", p.status)}</span>
                <div dir="auto" data-user-content>{p.text}</div>
              </li>
            ))}
          </ul>
        </>
      )}
      <OutcomeLinks outcome={outcome} />
      <div className="actions">
        {may.draft && outcome.status === "PROPOSED" && <EditForm outcome={outcome} meeting={meeting} directory={directory} />}
        {may.draft && outcome.status === "PROPOSED" && (
          <ConfirmDialog
            trigger={<Button>{t("withdrawOutcome")}</Button>}
            title={t("withdrawOutcomeTitle", { outcome: heading })}
            confirm={t("withdrawOutcome")}
            danger
            onConfirm={() => withdraw.mutateAsync({ meetingId: meeting.id, outcomeId: outcome.id, expectedVersion: outcome.version })}
          />
        )}
        {may.adopt && outcome.status === "PROPOSED" && (
          <Button appearance="primary" disabled={adopt.isPending} onClick={() => adopt.mutate({ meetingId: meeting.id, outcomeId: outcome.id, expectedVersion: outcome.version })}>
            {t("adoptOutcome", { outcome: heading })}
          </Button>
        )}
        {outcome.viewerMayReportFor.length > 0 && <ProgressForm outcome={outcome} meetingId={meeting.id} directory={directory} heading={heading} />}
        {outcome.status === "PUBLISHED" && outcome.kind === "RECOMMENDATION" && <SpawnLinks outcome={outcome} meetingId={meeting.id} directory={directory} />}
      </div>
      <FormError error={adopt.error ?? withdraw.error} />
    </Card>
  );
}

/** What a recommendation became: an exchange request or a working group's action item, each a link. */
export function OutcomeLinks({ outcome }: { outcome: Pick<Outcome, "links"> }) {
  const { t } = useI18n();
  if (outcome.links.length === 0) return null;
  return (
    <ul className="links">
      {outcome.links.map((l) => {
        if (l.kind === "EXCHANGE_REQUEST") return <li key={l.id}><RouterLink to={`/exchanges/${l.id}`}>{t("becameExchangeRequest")}</RouterLink></li>;
        const [group] = l.id.split("#");
        return <li key={l.id}><RouterLink to={`/groups/${group}`}>{t("becameActionItem")}</RouterLink></li>;
      })}
    </ul>
  );
}

/**
 * The ways a published recommendation turns into action: an expert exchange request of a partner state it
 * addresses (on that dialogue's exchange page, prefilled), or an action item of a working group it addresses.
 */
export function SpawnLinks({ outcome, meetingId, directory }: { outcome: Outcome; meetingId: string; directory: Directory | null }) {
  const { t } = useI18n();
  const dialogueKey = meetingId.split("/")[0];
  const from = `recommendation=${encodeURIComponent(`${meetingId}#${outcome.id}`)}`;
  const states = outcome.addressees.some((a) => a.kind === "PARTNER_STATES" || a.kind === "PARTNER_STATE");
  const mine = directory?.me?.partnerStateCode;
  const mayRequest = states && mine && outcome.addressees.some((a) => a.kind === "PARTNER_STATES" || a.key === mine);
  const groups = outcome.addressees.filter((a) => a.kind === "WORKING_GROUP" && a.key);
  return (
    <>
      {mayRequest && <RouterLink to={`/dialogues/${dialogueKey}/exchanges?${from}`}>{t("requestExchangeFromRecommendation")}</RouterLink>}
      {groups.map((g) => (
        <RouterLink key={g.key} to={`/groups/${g.key}?${from}`}>{t("actionItemFromRecommendation", { group: g.name ?? g.key ?? "" })}</RouterLink>
      ))}
    </>
  );
}

/** A progress update for a party the viewer may report for: the status it reports and what was done. */
export function ProgressForm({ outcome, meetingId, directory, heading }: { outcome: Outcome; meetingId: string; directory: Directory | null; heading: string }) {
  const { t } = useI18n();
  const notify = useNotify();
  const addresseeName = useAddresseeName(directory);
  const [open, setOpen] = useState(false);
  const [requestKey, renew] = useRequestKey();
  const [form, setForm] = useState({ reportedFor: addresseeValue(outcome.viewerMayReportFor[0]), status: (outcome.followUp === "OPEN" ? "IN_PROGRESS" : outcome.followUp) as FollowUpStatus, text: "" });
  const report = useGraphMutation(ReportProgress, () => {
    notify(t("progressReportedDone"));
    setOpen(false);
    renew();
    setForm((f) => ({ ...f, text: "" }));
  });
  return (
    <FormDialog
      trigger={<Button>{t("reportProgress")}</Button>}
      title={t("reportProgressOn", { outcome: heading })}
      open={open}
      onOpenChange={setOpen}
      submit={t("reportProgress")}
      busy={report.isPending}
      error={report.error}
      fields={["reportedFor", "status", "text"]}
      onSubmit={() => report.mutate({ meetingId, outcomeId: outcome.id, reportedFor: addresseeOf(form.reportedFor), status: form.status, text: form.text, idempotencyKey: requestKey })}
    >
      {outcome.viewerMayReportFor.length > 1 && (
        <Field label={t("reportFor")} required error={fieldError(report.error, "reportedFor")}>
          {(p) => (
            <Select {...p} value={form.reportedFor} onChange={(_, d) => setForm({ ...form, reportedFor: d.value })}>
              {outcome.viewerMayReportFor.map((a) => <option key={addresseeValue(a)} value={addresseeValue(a)}>{addresseeName(a)}</option>)}
            </Select>
          )}
        </Field>
      )}
      {outcome.viewerMayReportFor.length === 1 && <p>{t("reportingFor", { party: addresseeName(outcome.viewerMayReportFor[0]) })}</p>}
      <Field label={t("followUpStatus")} required error={fieldError(report.error, "status")}>
        {(p) => <EnumSelect {...p} enumName="FollowUpStatus" values={followUpStatuses} value={form.status} onChange={(v) => setForm({ ...form, status: v })} />}
      </Field>
      <Field label={t("whatWasDone")} required error={fieldError(report.error, "text")}>
        {(p) => <Textarea {...p} rows={4} resize="vertical" dir="auto" value={form.text} onChange={(_, d) => setForm({ ...form, text: d.value })} />}
      </Field>
    </FormDialog>
  );
}

interface Draft { kind: OutcomeKind; sessionId: string; language: string; text: string; addressees: string[] }

/** The fields of a conclusion or recommendation as a note-taker drafts it. */
function DraftFields({ draft, set, meeting, directory, error }: { draft: Draft; set: (d: Draft) => void; meeting: Meeting; directory: Directory | null; error: unknown }) {
  const { t } = useI18n();
  const label = useLabel();
  const names = useNames();
  const groups = useGraphQuery(WorkingGroupsQuery, { key: meeting.dialogueKey });
  const choices: Choice[] = [
    { value: "PARTNER_STATES:", label: label("AddresseeKind", "PARTNER_STATES"), group: "all" },
    { value: "SECRETARIAT:", label: label("AddresseeKind", "SECRETARIAT"), group: "all" },
    ...(directory?.stateChoices() ?? []).map((c) => ({ ...c, value: `PARTNER_STATE:${c.value}`, group: "states" })),
    ...(directory?.organisationChoices() ?? []).map((c) => ({ ...c, value: `ORGANISATION:${c.value}`, group: "organisations" })),
    ...(groups.data?.workingGroups ?? []).map((g) => ({ value: `WORKING_GROUP:${g.id}`, label: g.name, group: "groups" })),
  ];
  return (
    <>
      <div className="grid-form">
        <Field label={t("kind")} required error={fieldError(error, "outcome.kind")}>
          {(p) => <EnumSelect {...p} enumName="OutcomeKind" values={["CONCLUSION", "RECOMMENDATION"]} value={draft.kind} onChange={(v) => set({ ...draft, kind: v })} />}
        </Field>
        <Field label={t("session")} error={fieldError(error, "outcome.sessionId")}>
          {(p) => (
            <Select {...p} value={draft.sessionId} onChange={(_, d) => set({ ...draft, sessionId: d.value })}>
              <option value="">{t("wholeMeeting")}</option>
              {meeting.sessions.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
            </Select>
          )}
        </Field>
        <Field label={t("language")} required error={fieldError(error, "outcome.language")}>
          {(p) => (
            <Select {...p} value={draft.language} onChange={(_, d) => set({ ...draft, language: d.value })}>
              {meeting.workingLanguages.map((l) => <option key={l} value={l}>{names.language(l)}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <Field label={draft.kind === "CONCLUSION" ? t("conclusionText") : t("recommendationText")} required error={fieldError(error, "outcome.text")} hint={t("outcomeHint")}>
        {(p) => <Textarea {...p} rows={3} resize="vertical" dir="auto" value={draft.text} onChange={(_, d) => set({ ...draft, text: d.value })} />}
      </Field>
      {draft.kind === "RECOMMENDATION" && (
        <ChoicePicker
          label={t("addressedToLabel")}
          required
          choices={choices}
          groups={[
            { key: "all", label: t("everyoneOf") },
            { key: "states", label: t("partnerStates") },
            { key: "organisations", label: t("partnerAgenciesAndObservers") },
            { key: "groups", label: t("workingGroups") },
          ]}
          selected={draft.addressees}
          onChange={(v) => set({ ...draft, addressees: v })}
          error={fieldError(error, "outcome.addressees")}
        />
      )}
    </>
  );
}

/** The server names a draft's problems after the mutation's `outcome` argument. */
const draftFields = ["outcome.kind", "outcome.sessionId", "outcome.language", "outcome.text", "outcome.addressees"];
const toInput = (d: Draft) => ({
  kind: d.kind,
  sessionId: d.sessionId || null,
  language: d.language,
  text: d.text,
  addressees: d.kind === "RECOMMENDATION" ? d.addressees.map(addresseeOf) : [],
});

/** A new conclusion or recommendation, drafted while the meeting runs. */
function ProposeForm({ meeting, directory }: { meeting: Meeting; directory: Directory | null }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const [requestKey, renew] = useRequestKey();
  const empty: Draft = { kind: "CONCLUSION", sessionId: "", language: meeting.workingLanguages.includes(language) ? language : meeting.workingLanguages[0], text: "", addressees: [] };
  const [draft, setDraft] = useState<Draft>(empty);
  const propose = useGraphMutation(ProposeOutcome, () => {
    notify(t("outcomeProposed"));
    renew();
    setDraft({ ...empty, kind: draft.kind, sessionId: draft.sessionId, language: draft.language });
  });
  return (
    <Section title={t("proposeOutcome")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          propose.mutate({ meetingId: meeting.id, outcome: toInput(draft), idempotencyKey: requestKey });
        }}
      >
        <DraftFields draft={draft} set={setDraft} meeting={meeting} directory={directory} error={propose.error} />
        <FormError error={propose.error} fields={draftFields} />
        <Button appearance="primary" type="submit" disabled={propose.isPending}>
          {t("proposeOutcome")}
        </Button>
      </form>
    </Section>
  );
}

/** Rewrites a proposed outcome at the version read: someone else's change meanwhile is a conflict, never overwritten. */
function EditForm({ outcome, meeting, directory }: { outcome: Outcome; meeting: Meeting; directory: Directory | null }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const initial: Draft = { kind: outcome.kind, sessionId: outcome.sessionId ?? "", language: outcome.language, text: outcome.text, addressees: outcome.addressees.map(addresseeValue) };
  const [draft, setDraft] = useState<Draft>(initial);
  const edit = useGraphMutation(EditOutcome, () => setOpen(false));
  return (
    <FormDialog
      trigger={<Button>{t("edit")}</Button>}
      title={t("editOutcome")}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setDraft(initial);
      }}
      submit={t("save")}
      busy={edit.isPending}
      error={edit.error}
      fields={draftFields}
      onSubmit={() => edit.mutate({ meetingId: meeting.id, outcomeId: outcome.id, expectedVersion: outcome.version, outcome: toInput(draft) })}
    >
      <DraftFields draft={draft} set={setDraft} meeting={meeting} directory={directory} error={edit.error} />
    </FormDialog>
  );
}

/** The dialogue's open recommendations of earlier meetings, which a session of this meeting reviews. */
function UnderReview({ items, directory }: { items: RecommendationToReview[]; directory: Directory | null }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const addresseeName = useAddresseeName(directory);
  return (
    <Section title={t("recommendationsUnderReview")}>
      <ul className="outcomes">
        {items.map((r) => (
          <li key={`${r.meetingId}#${r.recommendation.id}`}>
            <strong dir="auto" data-user-content>{r.meetingTitle}</strong> ({r.year}) · {t("recommendationNumbered", { number: r.recommendation.number })} ·{" "}
            {label("FollowUpStatus", r.recommendation.followUp)}
            <p className="prose" dir="auto" data-user-content>{outcomeText(r.recommendation, language).text}</p>
            <p className="meta">{t("addressedTo")} {names.list(r.recommendation.addressees.map(addresseeName))}</p>
          </li>
        ))}
      </ul>
    </Section>
  );
}
