import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { request } from "../api/graphql";
import {
  AddPriority, ExchangeQuery, ExchangesQuery, RegistryQuery, RemovePriority, RequestExchange, SuggestHosts, TopicsQuery, SubmitExchange, EndorseExchange, ReviewExchange, ApproveExchange, RejectExchange, ConfirmExchangeHost, ScheduleExchange, CompleteExchange, EvaluateExchange,
  type ExchangeKind, type ExpertExchange, type PriorityKind,
} from "../api";
import { Field, FormError, describe, fieldError, ownedBy } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { useQuery } from "../useQuery";

const languageNames: Record<string, string> = { ar: "العربية", en: "English", fr: "Français" };

/** A partner state's registry of priorities: its needs and offers by topic; its focal points add and remove. */
export function RegistryPage() {
  const { key = "", code = "" } = useParams();
  const { t, language } = useI18n();
  const { data, error, setData } = useQuery(RegistryQuery, { key, code });
  const taxonomy = useQuery(TopicsQuery, { key });
  const [form, setForm] = useState({ kind: "OFFER" as PriorityKind, topic: "", description: "", languages: [] as string[], contactExpertIds: [] as string[] });
  const [changeError, setChangeError] = useState<unknown>(null);
  if (error) return <p role="alert">{t("notFound")}</p>;
  if (!data || !taxonomy.data) return <p>{t("loading")}</p>;
  const registry = data.priorityRegistry;
  const state = taxonomy.data.dialogue.partnerStates.find((s) => s.code === code);

  async function add(event: FormEvent) {
    event.preventDefault();
    setChangeError(null);
    try {
      setData({ priorityRegistry: (await request(AddPriority, { key, code, priority: form, expectedVersion: registry.version })).addPriority });
      setForm({ ...form, description: "" });
    } catch (e) {
      setChangeError(e);
    }
  }

  return (
    <section>
      <h1>{t("registry")}: {state?.name ?? code}</h1>
      {(["NEED", "OFFER"] as const).map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{t(kind === "NEED" ? "needs" : "offers")}</h2>
          <ul>
            {registry.priorities.filter((p) => p.kind === kind).map((p) => (
              <li key={p.id}>
                <strong>{p.topic}</strong> — <span dir="auto">{p.description}</span> ({p.languages.map((l) => languageNames[l] ?? l).join(", ")})
                {p.contactExperts.length > 0 && <> · {t("contactExperts")}: {p.contactExperts.map((e) => e.name).join(", ")}</>}
                {registry.viewerMayEdit && (
                  <button type="button" className="link" onClick={async () => {
                    try {
                      setData({ priorityRegistry: (await request(RemovePriority, { key, code, priorityId: p.id, expectedVersion: registry.version })).removePriority });
                    } catch (e) {
                      setChangeError(e);
                    }
                  }}>{t("remove")}</button>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      {registry.viewerMayEdit && (
        <form onSubmit={add}>
          <Field label={t("kind")}>
            {(p) => (
              <select {...p} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as PriorityKind })}>
                <option value="NEED">{t("kind_NEED")}</option>
                <option value="OFFER">{t("kind_OFFER")}</option>
              </select>
            )}
          </Field>
          <Field label={t("topic")} error={fieldError(changeError, "topic")}>
            {(p) => (
              <select {...p} value={form.topic} onChange={(e) => setForm({ ...form, topic: e.target.value })}>
                <option value="">—</option>
                {taxonomy.data!.dialogue.topics.map((topic) => <option key={topic}>{topic}</option>)}
              </select>
            )}
          </Field>
          <Field label={t("description")} error={fieldError(changeError, "description")}>
            {(p) => <textarea {...p} rows={3} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} dir="auto" />}
          </Field>
          <fieldset>
            <legend>{t("languages")}</legend>
            {Object.entries(languageNames).map(([code, name]) => (
              <label key={code} className="check">
                <input type="checkbox" checked={form.languages.includes(code)}
                  onChange={(e) => setForm({ ...form, languages: e.target.checked ? [...form.languages, code] : form.languages.filter((l) => l !== code) })} />
                {name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("contactExperts")}</legend>
            {taxonomy.data.dialogue.members.filter((m) => m.partnerStateCode === code).map((m) => (
              <label key={m.personId} className="check">
                <input type="checkbox" checked={form.contactExpertIds.includes(m.personId)}
                  onChange={(e) => setForm({ ...form, contactExpertIds: e.target.checked ? [...form.contactExpertIds, m.personId] : form.contactExpertIds.filter((id) => id !== m.personId) })} />
                <span dir="auto">{m.person?.name}</span>
              </label>
            ))}
          </fieldset>
          {fieldError(changeError, "contactExpertIds") && <p className="field-error" role="alert" dir="auto">{describe(changeError, language)}</p>}
          {!ownedBy(changeError, ["topic", "description", "contactExpertIds"]) && <FormError error={changeError} />}
          <button type="submit">{t("addPriority")}</button>
        </form>
      )}
    </section>
  );
}

/** The dialogue's expert exchanges the viewer is a party to, and the form that drafts a request. */
export function ExchangesPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data, error } = useQuery(ExchangesQuery, { key });
  const taxonomy = useQuery(TopicsQuery, { key });
  const [form, setForm] = useState({
    requestingStateCode: "", requestingExpertId: "", kind: "STUDY_VISIT" as ExchangeKind, topic: "", objectives: "",
    preferredFrom: "", preferredTo: "", durationDays: "3", language: "fr",
  });
  const [requestError, setRequestError] = useState<unknown>(null);
  if (error) return <FormError error={error} />;
  if (!data || !taxonomy.data) return <p>{t("loading")}</p>;
  const d = taxonomy.data.dialogue;
  const experts = d.members.filter((m) => m.partnerStateCode === form.requestingStateCode);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRequestError(null);
    try {
      const { requestExpertExchange } = await request(RequestExchange, { key, request: { ...form, durationDays: Number(form.durationDays) } });
      navigate(`/exchanges/${requestExpertExchange.id}`);
    } catch (e) {
      setRequestError(e);
    }
  }

  return (
    <section>
      <h1>{t("expertExchanges")}</h1>
      <ul>
        {data.expertExchanges.map((x) => (
          <li key={x.id}>
            <Link to={`/exchanges/${x.id}`}>{t(`exchangeKind_${x.kind}` as MessageKey)}: {x.topic}</Link> — {x.requestingStateCode}
            {x.hostStateCode ? ` → ${x.hostStateCode}` : ""} · <span className="status">{t(`exchangeStatus_${x.status}` as MessageKey)}</span>
          </li>
        ))}
      </ul>
      <h2>{t("requestExchange")}</h2>
      <form onSubmit={submit} className="grid-form">
        <Field label={t("requestingState")} error={fieldError(requestError, "requestingStateCode")}>
          {(p) => (
            <select {...p} value={form.requestingStateCode} onChange={set("requestingStateCode")}>
              <option value="">—</option>
              {d.partnerStates.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("requestingExpert")} error={fieldError(requestError, "requestingExpertId")}>
          {(p) => (
            <select {...p} value={form.requestingExpertId} onChange={set("requestingExpertId")}>
              <option value="">—</option>
              {experts.map((m) => <option key={m.personId} value={m.personId}>{m.person?.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("kind")}>
          {(p) => (
            <select {...p} value={form.kind} onChange={set("kind")}>
              {(["SHORT_TERM_EXPERT_EXCHANGE", "STUDY_VISIT", "CAPACITY_BUILDING_ACTIVITY"] as const).map((k) => <option key={k} value={k}>{t(`exchangeKind_${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("topic")} error={fieldError(requestError, "topic")}>
          {(p) => (
            <select {...p} value={form.topic} onChange={set("topic")}>
              <option value="">—</option>
              {d.topics.map((topic) => <option key={topic}>{topic}</option>)}
            </select>
          )}
        </Field>
        <Field label={t("objectives")} error={fieldError(requestError, "objectives")}>{(p) => <textarea {...p} rows={3} value={form.objectives} onChange={set("objectives")} dir="auto" />}</Field>
        <Field label={t("preferredFrom")} error={fieldError(requestError, "preferredFrom")}>{(p) => <input {...p} type="date" value={form.preferredFrom} onChange={set("preferredFrom")} />}</Field>
        <Field label={t("preferredTo")} error={fieldError(requestError, "preferredTo")}>{(p) => <input {...p} type="date" value={form.preferredTo} onChange={set("preferredTo")} />}</Field>
        <Field label={t("durationDays")} error={fieldError(requestError, "durationDays")}>{(p) => <input {...p} type="number" min={1} value={form.durationDays} onChange={set("durationDays")} />}</Field>
        <Field label={t("language")}>
          {(p) => (
            <select {...p} value={form.language} onChange={set("language")}>
              {Object.entries(languageNames).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
            </select>
          )}
        </Field>
        {!ownedBy(requestError, ["requestingStateCode", "requestingExpertId", "topic", "objectives", "preferredFrom", "preferredTo", "durationDays"]) && <FormError error={requestError} />}
        <button type="submit">{t("sendRequest")}</button>
      </form>
    </section>
  );
}

const Submit = SubmitExchange;
const Endorse = EndorseExchange;
const Review = ReviewExchange;
const Approve = ApproveExchange;
const Reject = RejectExchange;
const ConfirmHost = ConfirmExchangeHost;
const Schedule = ScheduleExchange;
const Complete = CompleteExchange;
const Evaluate = EvaluateExchange;

/** One exchange: where it stands, its history, and the next step for whoever may take it (the server decides who). */
export function ExchangePage() {
  const { dialogue = "", id = "" } = useParams();
  const exchangeId = `${dialogue}/${id}`;
  const { t } = useI18n();
  const { data, error, setData } = useQuery(ExchangeQuery, { id: exchangeId });
  const directory = useQuery(TopicsQuery, { key: dialogue });
  const [stepError, setStepError] = useState<unknown>(null);
  const [suggestions, setSuggestions] = useState<{ partnerStateCode: string; name: string; score: number; reasons: string[] }[] | null>(null);
  const [input, setInput] = useState({ reason: "", experts: [] as string[], starts: "", zone: "Africa/Tunis", city: "", rating: "5", text: "" });
  if (error) return <p role="alert">{t("notFound")}</p>;
  if (!data) return <p>{t("loading")}</p>;
  const x: ExpertExchange = data.expertExchange;

  async function step(run: () => Promise<Record<string, ExpertExchange>>) {
    setStepError(null);
    try {
      setData({ expertExchange: (await run()).result });
    } catch (e) {
      setStepError(e);
    }
  }
  const hostMembers = (directory.data?.dialogue.members ?? []).filter((m) => m.partnerStateCode === x.hostStateCode);

  return (
    <article>
      <h1>{t(`exchangeKind_${x.kind}` as MessageKey)}: {x.topic}</h1>
      <p>
        {x.requestingStateCode}{x.hostStateCode ? ` → ${x.hostStateCode}` : ""} · <span className="status">{t(`exchangeStatus_${x.status}` as MessageKey)}</span>
        {x.meetingId && <> · <Link to={`/meetings/${x.meetingId}`}>{t("scheduled")}</Link></>}
      </p>
      <p dir="auto">{x.objectives}</p>
      {x.rejectionReason && <p dir="auto">{t("reason")}: {x.rejectionReason}</p>}
      <FormError error={stepError} />
      <div className="actions">
        {x.status === "DRAFT" && <button type="button" onClick={() => step(() => request(Submit, { id: exchangeId }))}>{t("submit")}</button>}
        {x.status === "SUBMITTED" && <button type="button" onClick={() => step(() => request(Endorse, { id: exchangeId }))}>{t("endorse")}</button>}
        {x.status === "ENDORSED" && <button type="button" onClick={() => step(() => request(Review, { id: exchangeId }))}>{t("startReview")}</button>}
        {x.status === "UNDER_REVIEW" && (
          <>
            <button type="button" onClick={async () => {
              setStepError(null);
              try {
                setSuggestions((await request(SuggestHosts, { id: exchangeId })).suggestExchangeHosts);
              } catch (e) {
                setStepError(e);
              }
            }}>{t("hostSuggestions")}</button>
            <Field label={t("reason")}>{(p) => <input {...p} value={input.reason} onChange={(e) => setInput({ ...input, reason: e.target.value })} dir="auto" />}</Field>
            <button type="button" onClick={() => step(() => request(Reject, { id: exchangeId, reason: input.reason }))}>{t("reject")}</button>
          </>
        )}
        {x.status === "APPROVED" && (
          <>
            <fieldset>
              <legend>{t("hostExperts")}</legend>
              {hostMembers.map((m) => (
                <label key={m.personId} className="check">
                  <input type="checkbox" checked={input.experts.includes(m.personId)}
                    onChange={(e) => setInput({ ...input, experts: e.target.checked ? [...input.experts, m.personId] : input.experts.filter((id) => id !== m.personId) })} />
                  <span dir="auto">{m.person?.name}</span>
                </label>
              ))}
            </fieldset>
            <button type="button" onClick={() => step(() => request(ConfirmHost, { id: exchangeId, experts: input.experts }))}>{t("confirmHost")}</button>
          </>
        )}
        {x.status === "HOST_CONFIRMED" && (
          <>
            <Field label={t("starts")}>{(p) => <input {...p} type="datetime-local" value={input.starts} onChange={(e) => setInput({ ...input, starts: e.target.value })} />}</Field>
            <Field label={t("timeZone")}>{(p) => <input {...p} value={input.zone} onChange={(e) => setInput({ ...input, zone: e.target.value })} dir="ltr" />}</Field>
            <Field label={t("city")}>{(p) => <input {...p} value={input.city} onChange={(e) => setInput({ ...input, city: e.target.value })} dir="auto" />}</Field>
            <button type="button" onClick={() => step(() => request(Schedule, { id: exchangeId, starts: input.starts, zone: input.zone, city: input.city }))}>{t("scheduleExchange")}</button>
          </>
        )}
        {x.status === "SCHEDULED" && <button type="button" onClick={() => step(() => request(Complete, { id: exchangeId }))}>{t("complete")}</button>}
        {x.status === "COMPLETED" && (
          <>
            <Field label={t("rating")}>{(p) => <input {...p} type="number" min={1} max={5} value={input.rating} onChange={(e) => setInput({ ...input, rating: e.target.value })} />}</Field>
            <Field label={t("evaluate")}>{(p) => <textarea {...p} value={input.text} onChange={(e) => setInput({ ...input, text: e.target.value })} dir="auto" />}</Field>
            <button type="button" onClick={() => step(() => request(Evaluate, { id: exchangeId, rating: Number(input.rating), text: input.text }))}>{t("evaluate")}</button>
          </>
        )}
      </div>
      {suggestions && (
        <section aria-labelledby="suggestions">
          <h2 id="suggestions">{t("hostSuggestions")}</h2>
          <ol>
            {suggestions.map((s) => (
              <li key={s.partnerStateCode}>
                <strong>{s.name}</strong> ({s.score}) — {s.reasons.join("; ")}{" "}
                <button type="button" onClick={() => step(() => request(Approve, { id: exchangeId, host: s.partnerStateCode }))}>{t("approveWith", { state: s.name })}</button>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="history">
        <h2 id="history">{t("history")}</h2>
        <ol>{x.auditTrail.map((a, i) => <li key={i} dir="auto">{a.summary}</li>)}</ol>
      </section>
    </article>
  );
}
