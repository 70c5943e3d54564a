import { Button, Checkbox, Input, Link, Select, Subtitle2, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, EditRegular } from "@fluentui/react-icons";
import { useState } from "react";
import {
  AddWorkingSession, RemoveWorkingSession, ReorderWorkingSessions, UpdateWorkingSession, type Dialogue, type Meeting, type WorkingSession,
} from "../../api";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DateTimeField } from "../../components/DateTimeField";
import { Field, FormError, fieldError } from "../../components/Field";
import { PersonPicker } from "../../components/PersonPicker";
import { useNotify } from "../../components/Toasts";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { useNames } from "../../i18n/names";
import { titleIn } from "../../text";
import { localDateTime } from "../../time";
import { TimeRange, useMeetingChange } from "./common";
import { moved } from "./logic";
import { peopleOf } from "./people";

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  session: { background: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusLarge, padding: tokens.spacingHorizontalM, boxShadow: tokens.shadow2 },
  number: { color: tokens.colorNeutralForeground3, marginInlineEnd: tokens.spacingHorizontalS },
  title: { margin: 0 },
  line: { margin: `${tokens.spacingVerticalXXS} 0` },
  form: { marginBlockStart: tokens.spacingVerticalM },
});

interface SessionForm {
  /** By working language: "en" → "Opening session". */
  titles: Record<string, string>;
  startsLocal: string;
  endsLocal: string;
  moderatorIds: string[];
  discussionGuideDocumentId: string;
  description: string;
  /** The session reviews the follow-up of earlier meetings' recommendations. */
  reviewsRecommendations: boolean;
}

const sessionFields = ["titles", "title", "startsLocal", "endsLocal", "moderatorIds", "discussionGuideDocumentId", "description", "reviewsRecommendations"];

function formOf(session: WorkingSession, timeZone: string): SessionForm {
  return {
    titles: Object.fromEntries(session.titles.map((t) => [t.language, t.text])),
    startsLocal: localDateTime(session.startsAt, timeZone),
    endsLocal: localDateTime(session.endsAt, timeZone),
    moderatorIds: session.moderators.map((m) => m.personId),
    discussionGuideDocumentId: session.discussionGuideDocumentId ?? "",
    description: session.description ?? "",
    reviewsRecommendations: session.reviewsRecommendations,
  };
}

/** A new session starts where the agenda's last one ends (or when the meeting starts) and lasts ninety minutes. */
function nextSession(meeting: Meeting): SessionForm {
  const last = meeting.sessions.at(-1);
  const starts = last ? new Date(last.endsAt) : new Date(meeting.startsAt);
  const ends = new Date(Math.min(starts.getTime() + 90 * 60_000, Date.parse(meeting.endsAt)));
  return { titles: {}, startsLocal: localDateTime(starts, meeting.timeZone), endsLocal: localDateTime(ends, meeting.timeZone), moderatorIds: [], discussionGuideDocumentId: "", description: "", reviewsRecommendations: false };
}

const input = (form: SessionForm, languages: string[]) => ({
  titles: languages.filter((l) => (form.titles[l] ?? "").trim() !== "").map((language) => ({ language, text: form.titles[language].trim() })),
  startsLocal: form.startsLocal,
  endsLocal: form.endsLocal,
  moderatorIds: form.moderatorIds,
  discussionGuideDocumentId: form.discussionGuideDocumentId || null,
  description: form.description.trim() || null,
  reviewsRecommendations: form.reviewsRecommendations,
});

/** The fields of one working session: its title, times on the meeting's clock, moderators, discussion guide. */
function SessionFields({ dialogue, meeting, form, onChange, error }: { dialogue: Dialogue; meeting: Meeting; form: SessionForm; onChange: (f: SessionForm) => void; error: unknown }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const set = <K extends keyof SessionForm>(key: K, value: SessionForm[K]) => onChange({ ...form, [key]: value });
  // A discussion guide is one of the meeting's documents; its guides first.
  const documents = [...meeting.documents].sort((a, b) => Number(b.kind === "DISCUSSION_GUIDE") - Number(a.kind === "DISCUSSION_GUIDE"));
  return (
    <div className="grid-form">
      {meeting.workingLanguages.map((l, i) => (
        <Field key={l} label={t("sessionTitleIn", { language: names.language(l) })} error={i === 0 ? (fieldError(error, "titles") ?? fieldError(error, "title")) : null} hint={i === 0 ? t("titlesHint") : undefined}>
          {(p) => <Input {...p} lang={l} dir="auto" value={form.titles[l] ?? ""} onChange={(_, d) => set("titles", { ...form.titles, [l]: d.value })} />}
        </Field>
      ))}
      <DateTimeField label={t("starts")} value={form.startsLocal} onChange={(v) => set("startsLocal", v)} error={fieldError(error, "startsLocal")} required />
      <DateTimeField label={t("ends")} value={form.endsLocal} onChange={(v) => set("endsLocal", v)} error={fieldError(error, "endsLocal")} required />
      <PersonPicker label={t("moderators")} people={peopleOf(dialogue, { country: names.country, collation: language }, label)} selected={form.moderatorIds} onChange={(ids) => set("moderatorIds", ids)} error={fieldError(error, "moderatorIds")} />
      <Field label={t("discussionGuide")} error={fieldError(error, "discussionGuideDocumentId")} hint={documents.length === 0 ? t("discussionGuideHint") : undefined}>
        {(p) => (
          <Select {...p} value={form.discussionGuideDocumentId} onChange={(_, d) => set("discussionGuideDocumentId", d.value)}>
            <option value="">{t("noDiscussionGuide")}</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title} ({label("DocumentKind", d.kind)})
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("description")} error={fieldError(error, "description")}>
        {(p) => <Textarea {...p} dir="auto" resize="vertical" value={form.description} onChange={(_, d) => set("description", d.value)} />}
      </Field>
      <Checkbox
        className="form-end"
        label={t("reviewsRecommendations")}
        checked={form.reviewsRecommendations}
        onChange={(_, d) => set("reviewsRecommendations", d.checked === true)}
      />
    </div>
  );
}

function EditSession({ dialogue, meeting, session, onDone }: { dialogue: Dialogue; meeting: Meeting; session: WorkingSession; onDone: () => void }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const styles = useStyles();
  const [form, setForm] = useState(() => formOf(session, meeting.timeZone));
  const save = useMeetingChange(UpdateWorkingSession, () => {
    notify(t("sessionSaved"));
    onDone();
  });
  return (
    <form noValidate
      className={styles.form}
      aria-label={t("editSessionNamed", { title: titleIn(session.titles, language) || session.title })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: meeting.id, sessionId: session.id, session: input(form, meeting.workingLanguages), expectedVersion: meeting.version });
      }}
    >
      <SessionFields dialogue={dialogue} meeting={meeting} form={form} onChange={setForm} error={save.error} />
      <FormError error={save.error} fields={sessionFields} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {t("saveSession")}
        </Button>
        <Button onClick={onDone}>{t("cancelEditing")}</Button>
      </div>
    </form>
  );
}

/** Adds a working session at the end of the agenda. */
export function AddSession({ dialogue, meeting }: { dialogue: Dialogue; meeting: Meeting }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [form, setForm] = useState(() => nextSession(meeting));
  const [key, setKey] = useState(() => crypto.randomUUID());
  const add = useMeetingChange(AddWorkingSession, (data) => {
    notify(t("sessionAdded"));
    setForm(nextSession(data.result.meeting));
    setKey(crypto.randomUUID());
  });
  return (
    <form noValidate
      aria-labelledby="add-session"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ id: meeting.id, session: input(form, meeting.workingLanguages), expectedVersion: meeting.version, idempotencyKey: key });
      }}
    >
      <Subtitle2 as="h3" id="add-session">
        {t("addSessionHeading")}
      </Subtitle2>
      <SessionFields dialogue={dialogue} meeting={meeting} form={form} onChange={setForm} error={add.error} />
      <FormError error={add.error} fields={sessionFields} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={add.isPending}>
          {t("addSession")}
        </Button>
      </div>
    </form>
  );
}

/**
 * The agenda: working sessions in order with their times on the meeting's clock, moderators and discussion
 * guide. The secretariat edits, moves (buttons, so a keyboard can), removes and adds sessions.
 */
export function Agenda({ dialogue, meeting, editable }: { dialogue?: Dialogue; meeting: Meeting; editable: boolean }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const [editing, setEditing] = useState<string | null>(null);
  const reorder = useMeetingChange(ReorderWorkingSessions);
  const remove = useMeetingChange(RemoveWorkingSession);
  const guide = (id: string | null | undefined) => meeting.documents.find((d) => d.id === id);
  const move = (index: number, by: -1 | 1) =>
    reorder.mutate({ id: meeting.id, sessionIds: moved(meeting.sessions, index, by).map((s) => s.id), expectedVersion: meeting.version });
  return (
    <>
      {meeting.sessions.length === 0 ? (
        <p className="empty">{t("noSessions")}</p>
      ) : (
        <ol className={styles.list} aria-label={t("agenda")}>
          {meeting.sessions.map((s, i) => {
            const title = titleIn(s.titles, language) || s.title;
            return (
            <li key={s.id} className={styles.session}>
              <Subtitle2 as="h3" className={styles.title}>
                <span className={styles.number}>{i + 1}.</span>
                <span dir="auto" data-user-content>
                  {title}
                </span>
              </Subtitle2>
              <p className={styles.line}>
                <TimeRange starts={s.startsAt} ends={s.endsAt} timeZone={meeting.timeZone} />
              </p>
              {s.moderators.length > 0 && (
                <p className={styles.line}>
                  {t("moderators")}: <span dir="auto" data-user-content>{s.moderators.map((m) => m.name).join(", ")}</span>
                </p>
              )}
              {guide(s.discussionGuideDocumentId) && (
                <p className={styles.line}>
                  {t("discussionGuide")}:{" "}
                  <Link href={guide(s.discussionGuideDocumentId)!.url ?? undefined} dir="auto" data-user-content>
                    {guide(s.discussionGuideDocumentId)!.title}
                  </Link>
                </p>
              )}
              {s.reviewsRecommendations && <p className={styles.line}>{t("sessionReviewsRecommendations")}</p>}
              {s.description && (
                <p className={styles.line} dir="auto" data-user-content>
                  {s.description}
                </p>
              )}
              {editable && dialogue && editing !== s.id && (
                <div className="actions">
                  <Button size="small" icon={<EditRegular />} onClick={() => setEditing(s.id)} aria-label={t("editSessionNamed", { title })}>
                    {t("edit")}
                  </Button>
                  <Button size="small" icon={<ArrowUpRegular />} disabledFocusable={i === 0 || reorder.isPending} onClick={() => move(i, -1)} aria-label={t("moveSessionUp", { title })} />
                  <Button
                    size="small"
                    icon={<ArrowDownRegular />}
                    disabledFocusable={i === meeting.sessions.length - 1 || reorder.isPending}
                    onClick={() => move(i, 1)}
                    aria-label={t("moveSessionDown", { title })}
                  />
                  <ConfirmDialog
                    trigger={
                      <Button size="small" icon={<DeleteRegular />} aria-label={t("removeSessionNamed", { title })}>
                        {t("remove")}
                      </Button>
                    }
                    title={t("removeSessionTitle")}
                    confirm={t("removeSession")}
                    danger
                    onConfirm={async () => {
                      await remove.mutateAsync({ id: meeting.id, sessionId: s.id, expectedVersion: meeting.version });
                      notify(t("sessionRemoved"));
                    }}
                  >
                    <p>{t("removeSessionExplained", { title })}</p>
                  </ConfirmDialog>
                </div>
              )}
              {editable && dialogue && editing === s.id && <EditSession dialogue={dialogue} meeting={meeting} session={s} onDone={() => setEditing(null)} />}
            </li>
            );
          })}
        </ol>
      )}
      <FormError error={reorder.error} />
      {editable && dialogue && <AddSession dialogue={dialogue} meeting={meeting} />}
    </>
  );
}
