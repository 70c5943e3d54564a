import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { request } from "../api/graphql";
import {
  AddWorkingSession, CreateMeeting, DialogueQuery, InviteToMeeting, ScheduleMeeting, SetMeetingChairs, SuggestSlots, UpdateMeetingDetails,
  meetingTypes, type Dialogue, type Meeting, type MeetingDetailsInput, type Warning,
} from "../api";
import { Field, FormError, describe, fieldError, ownedBy } from "../components/Field";
import { useI18n } from "../i18n/i18n";
import { formatInZone } from "../time";
import { useQuery } from "../useQuery";

type Step = "details" | "chairs" | "agenda" | "invitations";
const steps: Step[] = ["details", "chairs", "agenda", "invitations"];

function Warnings({ warnings }: { warnings: Warning[] }) {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <div className="warnings" role="status">
      <h3>{t("warnings")}</h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} dir="auto">
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The details form: every field the server checks, with its message beside it. */
function DetailsStep({ dialogue, onCreated }: { dialogue: Dialogue; onCreated: (meeting: Meeting, warnings: Warning[]) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({
    titleEn: "", titleFr: "", titleAr: "", type: "EXPERT_MEETING", pillar: "", hostCountry: dialogue.partnerStates[0]?.code ?? "",
    city: "", venue: "", timeZone: "Europe/Malta", startsLocal: "", endsLocal: "", capacity: "", visibility: "PARTICIPANTS",
    format: "IN_PERSON", onlineMeetingUrl: "", liveNotes: true,
  });
  const [error, setError] = useState<unknown>(null);
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const titles = (["en", "fr", "ar"] as const)
      .map((language) => ({ language, text: form[`title${language[0].toUpperCase()}${language[1]}` as "titleEn"] }))
      .filter((x) => x.text.trim() !== "");
    const details: MeetingDetailsInput = {
      titles, type: form.type as MeetingDetailsInput["type"], pillar: form.pillar || null, hostCountry: form.hostCountry,
      city: form.city, venue: form.venue || null, timeZone: form.timeZone, startsLocal: form.startsLocal, endsLocal: form.endsLocal,
      workingLanguages: dialogue.workingLanguages, capacity: form.capacity ? Number(form.capacity) : null,
      visibility: form.visibility as MeetingDetailsInput["visibility"], liveNotesForParticipants: form.liveNotes,
      format: form.format as MeetingDetailsInput["format"], onlineMeetingUrl: form.onlineMeetingUrl || null,
    };
    try {
      const { result } = await request(CreateMeeting, { key: dialogue.key, details });
      onCreated(result.meeting, result.warnings);
    } catch (e) {
      setError(e);
    }
  }

  const known = ["titles", "type", "format", "pillar", "hostCountry", "city", "venue", "timeZone", "startsLocal", "endsLocal", "capacity", "onlineMeetingUrl"];
  return (
    <form onSubmit={submit} className="grid-form">
      <Field label={t("titleIn", { language: "English" })} error={fieldError(error, "titles")}>
        {(p) => <input {...p} value={form.titleEn} onChange={set("titleEn")} dir="auto" />}
      </Field>
      <Field label={t("titleIn", { language: "Français" })}>{(p) => <input {...p} value={form.titleFr} onChange={set("titleFr")} lang="fr" dir="auto" />}</Field>
      <Field label={t("titleIn", { language: "العربية" })}>{(p) => <input {...p} value={form.titleAr} onChange={set("titleAr")} lang="ar" dir="auto" />}</Field>
      <Field label={t("type")} error={fieldError(error, "type")}>
        {(p) => (
          <select {...p} value={form.type} onChange={set("type")}>
            {meetingTypes.map((type) => <option key={type}>{type}</option>)}
          </select>
        )}
      </Field>
      <Field label={t("pillar")} error={fieldError(error, "pillar")}>
        {(p) => (
          <select {...p} value={form.pillar} onChange={set("pillar")}>
            <option value="">{t("none")}</option>
            {dialogue.pillars.map((pillar) => <option key={pillar}>{pillar}</option>)}
          </select>
        )}
      </Field>
      <Field label={t("hostCountry")} error={fieldError(error, "hostCountry")}>
        {(p) => (
          <select {...p} value={form.hostCountry} onChange={set("hostCountry")}>
            {dialogue.partnerStates.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t("city")} error={fieldError(error, "city")}>{(p) => <input {...p} value={form.city} onChange={set("city")} dir="auto" />}</Field>
      <Field label={t("venue")} error={fieldError(error, "venue")}>{(p) => <input {...p} value={form.venue} onChange={set("venue")} dir="auto" />}</Field>
      <Field label={t("timeZone")} error={fieldError(error, "timeZone")}>{(p) => <input {...p} value={form.timeZone} onChange={set("timeZone")} dir="ltr" />}</Field>
      <Field label={t("starts")} error={fieldError(error, "startsLocal")}>{(p) => <input {...p} type="datetime-local" value={form.startsLocal} onChange={set("startsLocal")} />}</Field>
      <Field label={t("ends")} error={fieldError(error, "endsLocal")}>{(p) => <input {...p} type="datetime-local" value={form.endsLocal} onChange={set("endsLocal")} />}</Field>
      <Field label={t("capacity")} error={fieldError(error, "capacity")}>{(p) => <input {...p} type="number" min={1} value={form.capacity} onChange={set("capacity")} />}</Field>
      <Field label={t("visibility")}>
        {(p) => (
          <select {...p} value={form.visibility} onChange={set("visibility")}>
            {["PARTICIPANTS", "DIALOGUE_MEMBERS", "PUBLIC"].map((v) => <option key={v}>{v}</option>)}
          </select>
        )}
      </Field>
      <Field label={t("format")} error={fieldError(error, "format")}>
        {(p) => (
          <select {...p} value={form.format} onChange={set("format")}>
            {["IN_PERSON", "HYBRID", "ONLINE"].map((v) => <option key={v}>{v}</option>)}
          </select>
        )}
      </Field>
      <Field label={t("onlineMeetingUrl")} error={fieldError(error, "onlineMeetingUrl")}>
        {(p) => <input {...p} type="url" value={form.onlineMeetingUrl} onChange={set("onlineMeetingUrl")} dir="ltr" />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={form.liveNotes} onChange={(e) => setForm({ ...form, liveNotes: e.target.checked })} />
        {t("liveNotesForParticipants")}
      </label>
      {!ownedBy(error, known) && <FormError error={error} />}
      <button type="submit">{t("createDraft")}</button>
    </form>
  );
}

function ChairsStep({ dialogue, meeting, onChanged }: { dialogue: Dialogue; meeting: Meeting; onChanged: (m: Meeting, w: Warning[]) => void }) {
  const { t, language } = useI18n();
  const candidates = dialogue.members.filter((m) => m.roles.includes("DELEGATE") || m.roles.includes("FOCAL_POINT"));
  const staff = dialogue.members.filter((m) => m.roles.includes("SECRETARIAT"));
  const [chosen, setChosen] = useState<string[]>(meeting.coChairs.map((c) => c.personId));
  const [rapporteurs, setRapporteurs] = useState<string[]>(meeting.rapporteurs.map((r) => r.personId));
  const [error, setError] = useState<unknown>(null);
  const [slots, setSlots] = useState<{ startsAt: string; endsAt: string }[] | null>(null);
  const [range, setRange] = useState({ from: meeting.startsLocal.slice(0, 10), to: meeting.endsLocal.slice(0, 10), duration: "120" });

  async function save() {
    setError(null);
    try {
      const { result } = await request(SetMeetingChairs, { id: meeting.id, coChairIds: chosen, rapporteurIds: rapporteurs, expectedVersion: meeting.version });
      onChanged(result.meeting, result.warnings);
    } catch (e) {
      setError(e);
    }
  }

  async function findSlots() {
    setError(null);
    try {
      const { suggestMeetingSlots } = await request(SuggestSlots, {
        key: dialogue.key,
        request: { personIds: chosen, from: range.from, to: range.to, durationMinutes: Number(range.duration), timeZone: meeting.timeZone, maxResults: 5 },
      });
      setSlots(suggestMeetingSlots);
    } catch (e) {
      setError(e);
    }
  }

  async function applySlot(slot: { startsAt: string; endsAt: string }) {
    const local = (instant: string) =>
      new Intl.DateTimeFormat("sv-SE", { timeZone: meeting.timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
        .format(new Date(instant)).replace(" ", "T");
    try {
      const { result } = await request(UpdateMeetingDetails, {
        id: meeting.id,
        expectedVersion: meeting.version,
        details: {
          titles: meeting.titles, descriptions: meeting.descriptions, type: meeting.type, hostCountry: meeting.hostCountry, city: meeting.city,
          venue: meeting.venue, timeZone: meeting.timeZone, startsLocal: local(slot.startsAt), endsLocal: local(slot.endsAt),
          workingLanguages: meeting.workingLanguages, capacity: meeting.capacity, liveNotesForParticipants: meeting.liveNotesForParticipants,
          format: meeting.format, onlineMeetingUrl: meeting.onlineMeetingUrl,
        },
      });
      onChanged(result.meeting, result.warnings);
      setSlots(null);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div>
      <fieldset>
        <legend>{t("chooseCoChairs")}</legend>
        {candidates.map((m) => (
          <label key={m.personId} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(m.personId)}
              onChange={(e) => setChosen(e.target.checked ? [...chosen, m.personId] : chosen.filter((id) => id !== m.personId))}
            />
            <span dir="auto">{m.person?.name ?? m.personId}</span> ({m.partnerStateCode ?? m.organisationKey ?? ""})
          </label>
        ))}
      </fieldset>
      {fieldError(error, "coChairIds") && <p className="field-error" role="alert" dir="auto">{describe(error, language)}</p>}
      <fieldset>
        <legend>{t("chooseRapporteurs")}</legend>
        <p className="meta">{t("rapporteursExplained")}</p>
        {staff.map((m) => (
          <label key={m.personId} className="check">
            <input
              type="checkbox"
              checked={rapporteurs.includes(m.personId)}
              onChange={(e) => setRapporteurs(e.target.checked ? [...rapporteurs, m.personId] : rapporteurs.filter((id) => id !== m.personId))}
            />
            <span dir="auto">{m.person?.name ?? m.personId}</span>
          </label>
        ))}
      </fieldset>
      {fieldError(error, "rapporteurIds") && <p className="field-error" role="alert" dir="auto">{describe(error, language)}</p>}
      <button type="button" onClick={save}>{t("save")}</button>
      <h3>{t("slotsFor")}</h3>
      <div className="row">
        <Field label={t("from")}>{(p) => <input {...p} type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} />}</Field>
        <Field label={t("to")}>{(p) => <input {...p} type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />}</Field>
        <Field label={t("durationMinutes")}>{(p) => <input {...p} type="number" value={range.duration} onChange={(e) => setRange({ ...range, duration: e.target.value })} />}</Field>
        <button type="button" onClick={findSlots} disabled={chosen.length === 0}>{t("suggestSlots")}</button>
      </div>
      {slots && slots.length === 0 && <p>{t("noSlots")}</p>}
      {slots && (
        <ul>
          {slots.map((s) => (
            <li key={s.startsAt}>
              {formatInZone(s.startsAt, meeting.timeZone, language)} – {formatInZone(s.endsAt, meeting.timeZone, language)}{" "}
              <button type="button" onClick={() => applySlot(s)}>{t("useSlot")}</button>
            </li>
          ))}
        </ul>
      )}
      {!fieldError(error, "coChairIds") && !fieldError(error, "rapporteurIds") && <FormError error={error} />}
    </div>
  );
}

function AgendaStep({ meeting, onChanged }: { meeting: Meeting; onChanged: (m: Meeting, w: Warning[]) => void }) {
  const { t, language } = useI18n();
  const [form, setForm] = useState({ title: "", startsLocal: meeting.startsLocal.slice(0, 16), endsLocal: meeting.endsLocal.slice(0, 16) });
  const [error, setError] = useState<unknown>(null);
  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const { result } = await request(AddWorkingSession, { id: meeting.id, expectedVersion: meeting.version, session: form });
      onChanged(result.meeting, result.warnings);
      setForm({ ...form, title: "" });
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div>
      <ol className="sessions">
        {meeting.sessions.map((s) => (
          <li key={s.id} dir="auto">
            {s.title} — {formatInZone(s.startsAt, meeting.timeZone, language)}
          </li>
        ))}
      </ol>
      <form onSubmit={add} className="row">
        <Field label={t("sessionTitle")} error={fieldError(error, "title")}>{(p) => <input {...p} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} dir="auto" />}</Field>
        <Field label={t("starts")} error={fieldError(error, "startsLocal")}>{(p) => <input {...p} type="datetime-local" value={form.startsLocal} onChange={(e) => setForm({ ...form, startsLocal: e.target.value })} />}</Field>
        <Field label={t("ends")} error={fieldError(error, "endsLocal")}>{(p) => <input {...p} type="datetime-local" value={form.endsLocal} onChange={(e) => setForm({ ...form, endsLocal: e.target.value })} />}</Field>
        <button type="submit">{t("addSession")}</button>
      </form>
      {!ownedBy(error, ["title", "startsLocal", "endsLocal"]) && <FormError error={error} />}
    </div>
  );
}

function InvitationsStep({ dialogue, meeting, onChanged }: { dialogue: Dialogue; meeting: Meeting; onChanged: (m: Meeting, w: Warning[]) => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  async function invite() {
    setError(null);
    try {
      const { result } = await request(InviteToMeeting, { id: meeting.id, targets: codes.map((partnerStateCode) => ({ partnerStateCode })) });
      onChanged(result.meeting, result.warnings);
      setCodes([]);
    } catch (e) {
      setError(e);
    }
  }
  async function schedule() {
    setError(null);
    try {
      await request(ScheduleMeeting, { id: meeting.id });
      navigate(`/meetings/${meeting.id}`);
    } catch (e) {
      setError(e);
    }
  }
  return (
    <div>
      <fieldset>
        <legend>{t("invitePartnerStates")}</legend>
        <div className="columns">
          {dialogue.partnerStates.map((s) => (
            <label key={s.code} className="check">
              <input type="checkbox" checked={codes.includes(s.code)} onChange={(e) => setCodes(e.target.checked ? [...codes, s.code] : codes.filter((c) => c !== s.code))} />
              {s.name}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" onClick={invite} disabled={codes.length === 0}>{t("invite")}</button>
      <h3>{t("invited")} ({meeting.invitations.length})</h3>
      <ul>
        {meeting.invitations.map((i) => (
          <li key={i.invitee.personId} dir="auto">{i.invitee.name} — {i.invitee.affiliation}</li>
        ))}
      </ul>
      <FormError error={error} />
      <button type="button" className="primary" onClick={schedule}>{t("schedule")}</button>
    </div>
  );
}

/** The secretariat's meeting wizard: details, co-chairs with the slot finder, agenda, invitations. */
export function MeetingWizard() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const dialogue = useQuery(DialogueQuery, { key });
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [warnings, setWarnings] = useState<Warning[]>([]);
  const [step, setStep] = useState<Step>("details");
  if (dialogue.error) return <FormError error={dialogue.error} />;
  if (!dialogue.data) return <p>{t("loading")}</p>;
  const d = dialogue.data.dialogue;
  const changed = (m: Meeting, w: Warning[]) => {
    setMeeting(m);
    setWarnings(w);
  };
  const labels: Record<Step, string> = { details: t("details"), chairs: t("coChairs"), agenda: t("agenda"), invitations: t("invitations") };
  return (
    <section>
      <h1>{t("newMeeting")}</h1>
      <ol className="steps">
        {steps.map((s) => (
          <li key={s} aria-current={s === step ? "step" : undefined}>
            {meeting && s !== "details" ? <button type="button" className="link" onClick={() => setStep(s)}>{labels[s]}</button> : labels[s]}
          </li>
        ))}
      </ol>
      <Warnings warnings={warnings} />
      {step === "details" && !meeting && <DetailsStep dialogue={d} onCreated={(m, w) => { changed(m, w); setStep("chairs"); }} />}
      {meeting && step === "chairs" && <ChairsStep dialogue={d} meeting={meeting} onChanged={changed} />}
      {meeting && step === "agenda" && <AgendaStep meeting={meeting} onChanged={changed} />}
      {meeting && step === "invitations" && <InvitationsStep dialogue={d} meeting={meeting} onChanged={changed} />}
      {meeting && step !== "invitations" && (
        <button type="button" onClick={() => setStep(steps[steps.indexOf(step) + 1])}>{t("next")}</button>
      )}
      {meeting && <p><Link to={`/meetings/${meeting.id}`}>{meeting.titles[0]?.text}</Link></p>}
    </section>
  );
}
