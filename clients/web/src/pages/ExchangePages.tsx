import { Badge, Button, Input, Select, Textarea } from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { Fragment, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import {
  AddPriority, ApproveExchange, CancelExchange, CompleteExchange, ConfirmExchangeHost, DeclineExchangeHost, EndorseExchange, EvaluateExchange,
  ExchangeQuery, ExchangesQuery, GiveExchangeOpinion, RegistryQuery, RejectExchange, RecommendationToExchangeRequest, RemovePriority, RequestExchange, ReviewExchange,
  ScheduleExchange, SubmitExchange, SuggestHosts, WithdrawExchange, type ExchangeKind, type ExpertExchange, type PriorityKind,
} from "../api";
import { useGraphMutation, useGraphQuery, useRequestKey } from "../api/hooks";
import { ChoicePicker } from "../components/ChoicePicker";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { DataTable } from "../components/DataTable";
import { DateField, DateTimeField } from "../components/DateTimeField";
import { EnumSelect } from "../components/EnumSelect";
import { Field, FormError, fieldError } from "../components/Field";
import { Loading } from "../components/Loading";
import { NumberField } from "../components/NumberField";
import { PageHeader, Section } from "../components/Page";
import { PersonPicker } from "../components/PersonPicker";
import { TimeZoneSelect } from "../components/TimeZoneSelect";
import { useNotify } from "../components/Toasts";
import { useDirectory, type Directory } from "../directory";
import { evaluatingSide, speaksFor } from "../exchangeSteps";
import { readHostReason, type HostReason } from "../hostReasons";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { messages, type MessageKey } from "../i18n/messages";
import { useNames } from "../i18n/names";
import { zonesOf } from "../time";
import { recommendationFrom } from "../outcomes";
import { useViewer } from "../viewer";

/** A partner state's registry of priorities: its needs and offers by topic; its focal points add and remove them. */
export function RegistryPage() {
  const { key = "", code = "" } = useParams();
  const { t } = useI18n();
  const label = useLabel();
  const names = useNames();
  const notify = useNotify();
  const registry = useGraphQuery(RegistryQuery, { key, code });
  const { directory, error } = useDirectory(key);
  const empty = { kind: "OFFER" as PriorityKind, topic: "", description: "", languages: [] as string[], contactExpertIds: [] as string[] };
  const [form, setForm] = useState(empty);
  const [addKey, renewAddKey] = useRequestKey();
  const add = useGraphMutation(AddPriority, () => {
    renewAddKey();
    setForm({ ...empty, kind: form.kind });
    notify(t("priorityAdded"));
  });
  const remove = useGraphMutation(RemovePriority, () => notify(t("priorityRemoved")));
  if (!registry.data || !directory) return <Loading error={registry.error ?? error} />;
  const r = registry.data.priorityRegistry;
  const state = directory.stateName(code);
  const languageChoices = directory.dialogue.workingLanguages.map((l) => ({ value: l, label: names.language(l) }));

  return (
    <article>
      <PageHeader
        title={t("registryOf", { state })}
        crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${key}` }]}
        actions={<Link to={`/dialogues/${key}/exchanges`}>{t("expertExchanges")}</Link>}
      />
      {(["NEED", "OFFER"] as const).map((kind) => {
        const items = r.priorities.filter((p) => p.kind === kind);
        return (
          <Section key={kind} title={t(kind === "NEED" ? "needs" : "offers")}>
            {items.length === 0 ? (
              <p className="empty">{t(kind === "NEED" ? "noNeeds" : "noOffers")}</p>
            ) : (
              <ul className="cards priorities">
                {items.map((p) => (
                  <li key={p.id}>
                    <strong dir="auto" data-user-content>{p.topic}</strong>
                    <p className="prose" dir="auto" data-user-content>{p.description}</p>
                    <dl className="facts">
                      {p.languages.length > 0 && (
                        <>
                          <dt>{t("languages")}</dt>
                          <dd>{names.list(p.languages.map((l) => names.language(l)))}</dd>
                        </>
                      )}
                      {p.contactExperts.length > 0 && (
                        <>
                          <dt>{t("contactExperts")}</dt>
                          <dd dir="auto">{names.list(p.contactExperts.map((e) => e.name))}</dd>
                        </>
                      )}
                    </dl>
                    {r.viewerMayEdit && (
                      <ConfirmDialog
                        trigger={
                          <Button size="small" icon={<DeleteRegular />} aria-label={t("removePriority", { topic: p.topic, kind: label("PriorityKind", p.kind) })}>
                            {t("remove")}
                          </Button>
                        }
                        title={t("removePriorityTitle")}
                        confirm={t("remove")}
                        danger
                        onConfirm={() => remove.mutateAsync({ key, code, priorityId: p.id, expectedVersion: r.version })}
                      >
                        {t("removePriorityText", { topic: p.topic })}
                      </ConfirmDialog>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        );
      })}
      {r.viewerMayEdit && (
        <Section title={t("addPriority")}>
          <form
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              add.mutate({ key, code, priority: form, expectedVersion: r.version, idempotencyKey: addKey });
            }}
          >
            <div className="grid-form">
              <Field label={t("kind")} required error={fieldError(add.error, "kind")}>
                {(p) => <EnumSelect {...p} enumName="PriorityKind" values={["NEED", "OFFER"]} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} />}
              </Field>
              <Field label={t("topic")} required error={fieldError(add.error, "topic")}>
                {(p) => (
                  <Select {...p} value={form.topic} onChange={(_, d) => setForm({ ...form, topic: d.value })}>
                    <option value="" />
                    {directory.dialogue.topics.map((topic) => <option key={topic} value={topic}>{topic}</option>)}
                  </Select>
                )}
              </Field>
            </div>
            <Field label={t("description")} required error={fieldError(add.error, "description")}>
              {(p) => <Textarea {...p} rows={3} resize="vertical" value={form.description} onChange={(_, d) => setForm({ ...form, description: d.value })} dir="auto" />}
            </Field>
            <div className="grid-form">
              <ChoicePicker label={t("languages")} choices={languageChoices} selected={form.languages}
                onChange={(v) => setForm({ ...form, languages: v })} error={fieldError(add.error, "languages")} />
              <PersonPicker label={t("contactExperts")} people={directory.peopleChoices((m) => m.partnerStateCode === code)}
                selected={form.contactExpertIds} onChange={(v) => setForm({ ...form, contactExpertIds: v })} error={fieldError(add.error, "contactExpertIds")} />
            </div>
            <FormError error={add.error} fields={["kind", "topic", "description", "languages", "contactExpertIds"]} />
            <Button appearance="primary" type="submit" icon={<AddRegular />} disabled={add.isPending}>
              {t("addPriority")}
            </Button>
          </form>
        </Section>
      )}
    </article>
  );
}

const requestFields = ["requestingStateCode", "requestingExpertId", "kind", "topic", "objectives", "preferredFrom", "preferredTo", "durationDays", "language", "participantIds"];

/** The dialogue's expert exchanges the viewer is a party to, and (for a state's delegates and focal points) a new request. */
export function ExchangesPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const list = useGraphQuery(ExchangesQuery, { key });
  const { directory, error } = useDirectory(key);
  if (!list.data || !directory) return <Loading error={list.error ?? error} />;
  const me = directory.me;
  const requester = me?.partnerStateCode && speaksFor(directory, me.partnerStateCode, ["DELEGATE", "FOCAL_POINT"]) ? me.partnerStateCode : null;

  return (
    <article>
      <PageHeader title={t("expertExchanges")} crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${key}` }]} />
      <Section title={t("exchangeList")}>
        <DataTable
          label={t("exchangeList")}
          rows={list.data.expertExchanges}
          rowKey={(x) => x.id}
          empty={t("noExchanges")}
          columns={[
            {
              key: "what",
              header: t("exchange"),
              cell: (x) => (
                <Link to={`/exchanges/${x.id}`}>
                  {label("ExchangeKind", x.kind)}: <span dir="auto" data-user-content>{x.topic}</span>
                </Link>
              ),
            },
            { key: "requesting", header: t("requestingState"), cell: (x) => directory.stateName(x.requestingStateCode) },
            { key: "host", header: t("hostState"), cell: (x) => (x.hostStateCode ? directory.stateName(x.hostStateCode) : t("notYetChosen")) },
            { key: "status", header: t("status"), cell: (x) => <Badge appearance="outline" className="status">{label("ExchangeStatus", x.status)}</Badge> },
          ]}
        />
      </Section>
      {requester && <RequestForm dialogueKey={key} directory={directory} state={requester} onMade={(id) => navigate(`/exchanges/${id}`)} />}
    </article>
  );
}

/** A new request in the name of the viewer's own state (the server lets only its delegates and focal points ask). */
function RequestForm({ dialogueKey, directory, state, onMade }: { dialogueKey: string; directory: Directory; state: string; onMade: (id: string) => void }) {
  const { t } = useI18n();
  const names = useNames();
  const viewer = useViewer();
  const [requestKey] = useRequestKey();
  const [form, setForm] = useState({
    requestingExpertId: viewer?.person.id ?? "", participantIds: [] as string[], kind: "STUDY_VISIT" as ExchangeKind, topic: "", objectives: "",
    preferredFrom: "", preferredTo: "", durationDays: 3, language: directory.dialogue.workingLanguages[0] ?? "en",
  });
  const make = useGraphMutation(RequestExchange, (data) => onMade(data.requestExpertExchange.id));
  // Opened from a recommendation addressed to the state: the request is made from it, and each links to the other.
  const [search] = useSearchParams();
  const from = recommendationFrom(search);
  const spawn = useGraphMutation(RecommendationToExchangeRequest, (data) => {
    const link = data.recommendationToExchangeRequest.outcomes.find((o) => o.id === from?.outcomeId)?.links.filter((l) => l.kind === "EXCHANGE_REQUEST").at(-1);
    if (link) onMade(link.id);
  });
  const sending = from ? spawn : make;
  const error = sending.error;
  const experts = directory.peopleChoices((m) => m.partnerStateCode === state);
  const set = <K extends keyof typeof form>(name: K, value: (typeof form)[K]) => setForm({ ...form, [name]: value });
  return (
    <Section title={t("requestExchange")}>
      <p>{t("requestFor", { state: directory.stateName(state) })}</p>
      {from && <p role="note">{t("exchangeFromRecommendationNote")}</p>}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const request = { ...form, requestingStateCode: state };
          if (from) spawn.mutate({ meetingId: from.meetingId, outcomeId: from.outcomeId, request, idempotencyKey: requestKey });
          else make.mutate({ key: dialogueKey, request, idempotencyKey: requestKey });
        }}
      >
        <div className="grid-form">
          <Field label={t("kind")} required error={fieldError(error, "kind")}>
            {(p) => (
              <EnumSelect {...p} enumName="ExchangeKind" values={["STUDY_VISIT", "SHORT_TERM_EXPERT_EXCHANGE", "CAPACITY_BUILDING_ACTIVITY"]}
                value={form.kind} onChange={(v) => set("kind", v)} />
            )}
          </Field>
          <Field label={t("topic")} required error={fieldError(error, "topic")}>
            {(p) => (
              <Select {...p} value={form.topic} onChange={(_, d) => set("topic", d.value)}>
                <option value="" />
                {directory.dialogue.topics.map((topic) => <option key={topic} value={topic}>{topic}</option>)}
              </Select>
            )}
          </Field>
          <Field label={t("requestingExpert")} required error={fieldError(error, "requestingExpertId")}>
            {(p) => (
              <Select {...p} value={form.requestingExpertId} onChange={(_, d) => set("requestingExpertId", d.value)}>
                <option value="" />
                {experts.map((x) => <option key={x.personId} value={x.personId}>{x.name}</option>)}
              </Select>
            )}
          </Field>
          <PersonPicker label={t("otherParticipants")} people={experts.filter((x) => x.personId !== form.requestingExpertId)}
            selected={form.participantIds} onChange={(v) => set("participantIds", v)} error={fieldError(error, "participantIds")} />
        </div>
        <Field label={t("objectives")} required error={fieldError(error, "objectives")}>
          {(p) => <Textarea {...p} rows={3} resize="vertical" value={form.objectives} onChange={(_, d) => set("objectives", d.value)} dir="auto" />}
        </Field>
        <div className="grid-form">
          <DateField label={t("preferredFrom")} required value={form.preferredFrom} onChange={(v) => set("preferredFrom", v)} error={fieldError(error, "preferredFrom")} />
          <DateField label={t("preferredTo")} required value={form.preferredTo} onChange={(v) => set("preferredTo", v)} error={fieldError(error, "preferredTo")} />
          <NumberField label={t("durationDays")} required min={1} max={60} value={form.durationDays} onChange={(v) => set("durationDays", v ?? 0)} error={fieldError(error, "durationDays")} />
          <Field label={t("language")} required error={fieldError(error, "language")}>
            {(p) => (
              <Select {...p} value={form.language} onChange={(_, d) => set("language", d.value)}>
                {directory.dialogue.workingLanguages.map((l) => <option key={l} value={l}>{names.language(l)}</option>)}
              </Select>
            )}
          </Field>
        </div>
        <FormError error={error} fields={requestFields} />
        <Button appearance="primary" type="submit" disabled={sending.isPending}>
          {t("sendRequest")}
        </Button>
      </form>
    </Section>
  );
}

/** A suggestion's reason in the viewer's words (null when the app cannot read it). */
function reasonInWords(reason: HostReason, t: ReturnType<typeof useI18n>["t"], names: ReturnType<typeof useNames>, directory: Directory) {
  switch (reason.kind) {
    case "offers":
      return t("hostReasonOffers");
    case "language":
      return t("hostReasonLanguage", { language: names.language(reason.language) });
    case "pastTogether":
      return t("hostReasonPastTogether", { count: reason.count, state: directory.stateName(reason.state) });
    case "hostedTopic":
      return t("hostReasonHostedTopic", { count: reason.count });
    case "needsMet":
      return t("hostReasonNeedsMet", { count: reason.count });
  }
}

/** One exchange: where it stands, who takes part, its history, and the next step for whoever it belongs to. */
export function ExchangePage() {
  const { dialogue = "", id = "" } = useParams();
  const exchangeId = `${dialogue}/${id}`;
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const viewer = useViewer();
  const exchange = useGraphQuery(ExchangeQuery, { id: exchangeId });
  const { directory, error } = useDirectory(dialogue);
  if (!exchange.data || !directory) return <Loading error={exchange.error ?? error} />;
  const x = exchange.data.expertExchange;
  const side = evaluatingSide(x, directory, viewer?.person.id);
  const when = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });

  return (
    <article>
      <PageHeader
        title={<>{label("ExchangeKind", x.kind)}: <span data-user-content>{x.topic}</span></>}
        meta={<Badge appearance="filled" className="status">{label("ExchangeStatus", x.status)}</Badge>}
        crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${dialogue}` }, { label: t("expertExchanges"), to: `/dialogues/${dialogue}/exchanges` }]}
      />
      <Section title={t("theRequest")}>
        <p className="prose" dir="auto" data-user-content>{x.objectives}</p>
        <dl className="facts">
          <dt>{t("requestingState")}</dt>
          <dd>{directory.stateName(x.requestingStateCode)}</dd>
          <dt>{t("requestingExpert")}</dt>
          <dd dir="auto">{directory.personName(x.requestingExpertId)}</dd>
          <dt>{t("language")}</dt>
          <dd>{names.language(x.language)}</dd>
          <dt>{t("hostState")}</dt>
          <dd>{x.hostStateCode ? directory.stateName(x.hostStateCode) : t("notYetChosen")}</dd>
          {x.hostExperts.length > 0 && (
            <>
              <dt>{t("hostExperts")}</dt>
              <dd dir="auto">{names.list(x.hostExperts.map((e) => e.name))}</dd>
            </>
          )}
          {x.fromRecommendation && (
            <>
              <dt>{t("fromRecommendation")}</dt>
              <dd>
                <Link to={`/meetings/${x.fromRecommendation.meetingId}?tab=outcomes`}>{t("readTheRecommendation")}</Link>
              </dd>
            </>
          )}
          {x.consultedOrganisations.length > 0 && (
            <>
              <dt>{t("consultedAgencies")}</dt>
              <dd>{names.list(x.consultedOrganisations.map(directory.organisationName))}</dd>
            </>
          )}
          {x.declinedHosts.map((d) => (
            <Fragment key={d.partnerStateCode}>
              <dt>{t("declinedBy", { state: directory.stateName(d.partnerStateCode) })}</dt>
              <dd dir="auto" data-user-content>{d.reason}</dd>
            </Fragment>
          ))}
          {x.rejectionReason && (
            <>
              <dt>{t("rejectionReason")}</dt>
              <dd dir="auto" data-user-content>{x.rejectionReason}</dd>
            </>
          )}
          {x.closingReason && (
            <>
              <dt>{x.status === "CANCELLED" ? t("cancellationReason") : t("withdrawalReason")}</dt>
              <dd dir="auto" data-user-content>{x.closingReason}</dd>
            </>
          )}
          {x.expiresAt && (
            <>
              <dt>{x.status === "EXPIRED" ? t("exchangeExpiredOn") : t("exchangeExpiresOn")}</dt>
              <dd><time dateTime={x.expiresAt}>{when.format(new Date(x.expiresAt))}</time></dd>
            </>
          )}
          {x.meetingId && (
            <>
              <dt>{t("itsMeeting")}</dt>
              <dd><Link to={`/meetings/${x.meetingId}`}>{t("openMeeting")}</Link></dd>
            </>
          )}
          {x.evaluatedBy.length > 0 && (
            <>
              <dt>{t("evaluatedBy")}</dt>
              <dd>{names.list(x.evaluatedBy.map((s) => label("ExchangeSide", s)))}</dd>
            </>
          )}
        </dl>
      </Section>
      <NextStep x={x} directory={directory} side={side} />
      <Section title={t("history")}>
        <ol className="history">
          {x.auditTrail.map((a, i) => {
            const key = `exchangeAction_${a.action}` as MessageKey;
            return (
              <li key={i}>
                <time dateTime={a.at}>{when.format(new Date(a.at))}</time> · <span dir="auto">{a.person?.name ?? directory.personName(a.personId)}</span>
                {": "}
                {key in messages[language] ? t(key) : <span dir="auto" data-user-content>{a.summary}</span>}
              </li>
            );
          })}
        </ol>
      </Section>
    </article>
  );
}

/** The step the exchange waits for, offered only to whom it belongs. */
function NextStep({ x, directory, side }: { x: ExpertExchange; directory: Directory; side: ReturnType<typeof evaluatingSide> }) {
  const { t } = useI18n();
  const names = useNames();
  const notify = useNotify();
  const done = () => notify(t("exchangeUpdated"));
  const submit = useGraphMutation(SubmitExchange, done);
  const endorse = useGraphMutation(EndorseExchange, done);
  const review = useGraphMutation(ReviewExchange, done);
  const approve = useGraphMutation(ApproveExchange, done);
  const reject = useGraphMutation(RejectExchange, done);
  const opinion = useGraphMutation(GiveExchangeOpinion, () => notify(t("opinionGiven")));
  const confirm = useGraphMutation(ConfirmExchangeHost, done);
  const decline = useGraphMutation(DeclineExchangeHost, done);
  const withdraw = useGraphMutation(WithdrawExchange, done);
  const cancel = useGraphMutation(CancelExchange, done);
  const schedule = useGraphMutation(ScheduleExchange, done);
  const complete = useGraphMutation(CompleteExchange, done);
  const evaluate = useGraphMutation(EvaluateExchange, done);
  const may = x.viewerMay;
  const decide = may.approve || may.reject;
  const suggestions = useGraphQuery(SuggestHosts, { id: x.id }, { enabled: decide && may.suggestHosts });
  const [draft, setDraft] = useState({
    consulted: [] as string[], deadline: "", opinion: "", experts: [] as string[], starts: "", zone: "", city: "", rating: 5, text: "", host: "",
  });
  const set = <K extends keyof typeof draft>(name: K, value: (typeof draft)[K]) => setDraft({ ...draft, [name]: value });
  const id = x.id;
  const any = Object.entries(may).some(([step, allowed]) => step !== "suggestHosts" && allowed === true);
  if (!any) return null;
  const declined = new Set(x.declinedHosts.map((d) => d.partnerStateCode));
  const hostChoices = directory.dialogue.partnerStates.filter((s) => s.code !== x.requestingStateCode && !declined.has(s.code));
  const zone = draft.zone || zonesOf(x.hostStateCode ?? "")[0] || "";

  return (
    <Section title={t("nextStep")}>
      {may.submit && (
        <>
          <p>{t("submitExplained")}</p>
          <FormError error={submit.error} />
          <Button appearance="primary" disabled={submit.isPending} onClick={() => submit.mutate({ id })}>{t("submit")}</Button>
        </>
      )}
      {may.endorse && (
        <>
          <p>{t("endorseExplained", { state: directory.stateName(x.requestingStateCode) })}</p>
          <FormError error={endorse.error} />
          <Button appearance="primary" disabled={endorse.isPending} onClick={() => endorse.mutate({ id })}>{t("endorse")}</Button>
        </>
      )}
      {may.review && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            review.mutate({ id, consulted: draft.consulted, deadline: draft.deadline ? new Date(draft.deadline).toISOString() : null });
          }}
        >
          <div className="grid-form">
            <ChoicePicker label={t("consultAgencies")} hint={t("consultAgenciesHint")}
              choices={directory.dialogue.partnerAgencies.map((o) => ({ value: o.key, label: directory.organisationName(o.key) }))}
              selected={draft.consulted} onChange={(v) => set("consulted", v)} error={fieldError(review.error, "consultedOrganisations")} />
            {draft.consulted.length > 0 && (
              <DateTimeField label={t("opinionDeadline")} required value={draft.deadline} onChange={(v) => set("deadline", v)} error={fieldError(review.error, "deadline")} />
            )}
          </div>
          <FormError error={review.error} fields={["consultedOrganisations", "deadline"]} />
          <Button appearance="primary" type="submit" disabled={review.isPending}>{t("startReview")}</Button>
        </form>
      )}
      {decide && (
        <>
          <h3>{t("hostSuggestions")}</h3>
          {!suggestions.data ? (
            <Loading error={suggestions.error} />
          ) : suggestions.data.suggestExchangeHosts.length === 0 ? (
            <p className="empty">{t("noHostSuggestions")}</p>
          ) : (
            <ol className="cards suggestions">
              {suggestions.data.suggestExchangeHosts.map((s) => (
                <li key={s.partnerStateCode}>
                  <strong>{directory.stateName(s.partnerStateCode)}</strong>
                  <ul>
                    {s.reasons.map(readHostReason).filter((r): r is HostReason => r !== null).map((r, i) => (
                      <li key={i}>{reasonInWords(r, t, names, directory)}</li>
                    ))}
                  </ul>
                  <Button appearance="primary" disabled={approve.isPending} onClick={() => approve.mutate({ id, host: s.partnerStateCode })}>
                    {t("approveWith", { state: directory.stateName(s.partnerStateCode) })}
                  </Button>
                </li>
              ))}
            </ol>
          )}
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              approve.mutate({ id, host: draft.host });
            }}
          >
            <div className="grid-form">
              <Field label={t("nameTheHost")} hint={t("nameTheHostHint")} required error={fieldError(approve.error, "hostStateCode")}>
                {(p) => (
                  <Select {...p} value={draft.host} onChange={(_, d) => set("host", d.value)}>
                    <option value="" />
                    {hostChoices.map((s) => <option key={s.code} value={s.code}>{directory.stateName(s.code)}</option>)}
                  </Select>
                )}
              </Field>
            </div>
            <FormError error={approve.error} fields={["hostStateCode"]} />
            <Button appearance="primary" type="submit" disabled={approve.isPending || !draft.host}>
              {draft.host ? t("approveWith", { state: directory.stateName(draft.host) }) : t("approveExchange")}
            </Button>
          </form>
          <ConfirmDialog
            trigger={<Button>{t("reject")}</Button>}
            title={t("rejectRequest")}
            confirm={t("reject")}
            danger
            reason={{ label: t("rejectionReason") }}
            onConfirm={(reason) => reject.mutateAsync({ id, reason })}
          />
        </>
      )}
      {may.giveOpinion && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            opinion.mutate({ id, text: draft.opinion });
          }}
        >
          <Field label={t("agencyOpinion")} required error={fieldError(opinion.error, "text")}>
            {(p) => <Textarea {...p} rows={3} resize="vertical" value={draft.opinion} onChange={(_, d) => set("opinion", d.value)} dir="auto" />}
          </Field>
          <FormError error={opinion.error} fields={["text"]} />
          <Button appearance="primary" type="submit" disabled={opinion.isPending}>{t("giveOpinion")}</Button>
        </form>
      )}
      {may.confirmHost && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            confirm.mutate({ id, experts: draft.experts });
          }}
        >
          <PersonPicker label={t("hostExperts")} people={directory.peopleChoices((m) => m.partnerStateCode === x.hostStateCode)}
            selected={draft.experts} onChange={(v) => set("experts", v)} error={fieldError(confirm.error, "hostExpertIds")} />
          <FormError error={confirm.error} fields={["hostExpertIds"]} />
          <Button appearance="primary" type="submit" disabled={confirm.isPending}>{t("confirmHost")}</Button>
        </form>
      )}
      {may.declineHost && (
        <ConfirmDialog
          trigger={<Button>{t("declineHosting")}</Button>}
          title={t("declineHostingTitle", { state: directory.stateName(x.hostStateCode ?? "") })}
          confirm={t("declineHosting")}
          reason={{ label: t("declineReason") }}
          onConfirm={(reason) => decline.mutateAsync({ id, reason })}
        >
          <p>{t("declineHostingExplained")}</p>
        </ConfirmDialog>
      )}
      {may.schedule && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            schedule.mutate({ id, starts: draft.starts, zone, city: draft.city });
          }}
        >
          <div className="grid-form">
            <DateTimeField label={t("starts")} required value={draft.starts} onChange={(v) => set("starts", v)} error={fieldError(schedule.error, "startsLocal")} />
            <TimeZoneSelect label={t("timeZone")} country={x.hostStateCode ?? ""} value={zone} onChange={(v) => set("zone", v)} error={fieldError(schedule.error, "timeZone")} />
            <Field label={t("city")} required error={fieldError(schedule.error, "city")}>
              {(p) => <Input {...p} value={draft.city} onChange={(_, d) => set("city", d.value)} dir="auto" />}
            </Field>
          </div>
          <FormError error={schedule.error} fields={["startsLocal", "timeZone", "city"]} />
          <Button appearance="primary" type="submit" disabled={schedule.isPending}>{t("scheduleExchange")}</Button>
        </form>
      )}
      {may.complete && (
        <>
          <FormError error={complete.error} />
          <Button appearance="primary" disabled={complete.isPending} onClick={() => complete.mutate({ id })}>{t("complete")}</Button>
        </>
      )}
      {may.evaluate && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            evaluate.mutate({ id, rating: draft.rating, text: draft.text });
          }}
        >
          {side && <p>{t("evaluateAs", { side })}</p>}
          <div className="grid-form">
            <NumberField label={t("rating")} required min={1} max={5} value={draft.rating} onChange={(v) => set("rating", v ?? 0)} error={fieldError(evaluate.error, "rating")} />
          </div>
          <Field label={t("evaluation")} required error={fieldError(evaluate.error, "text")}>
            {(p) => <Textarea {...p} rows={3} resize="vertical" value={draft.text} onChange={(_, d) => set("text", d.value)} dir="auto" />}
          </Field>
          <FormError error={evaluate.error} fields={["rating", "text"]} />
          <Button appearance="primary" type="submit" disabled={evaluate.isPending}>{t("evaluate")}</Button>
        </form>
      )}
      {(may.withdraw || may.cancel) && (
        <div className="actions">
          {may.withdraw && (
            <ConfirmDialog
              trigger={<Button>{t("withdrawRequest")}</Button>}
              title={t("withdrawRequestTitle")}
              confirm={t("withdrawRequest")}
              danger
              onConfirm={() => withdraw.mutateAsync({ id, reason: null })}
            >
              <p>{t("withdrawRequestExplained")}</p>
            </ConfirmDialog>
          )}
          {may.cancel && (
            <ConfirmDialog
              trigger={<Button>{t("cancelExchange")}</Button>}
              title={t("cancelExchangeTitle")}
              confirm={t("cancelExchange")}
              danger
              reason={{ label: t("cancellationReason") }}
              onConfirm={(reason) => cancel.mutateAsync({ id, reason })}
            >
              <p>{t(x.meetingId ? "cancelExchangeWithMeeting" : "cancelExchangeExplained")}</p>
            </ConfirmDialog>
          )}
        </div>
      )}
    </Section>
  );
}
