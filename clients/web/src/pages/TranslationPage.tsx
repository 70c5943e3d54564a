import { Badge, Button, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import {
  MeetingOutcomesQuery, MeetingQuery, NotesTranslationQuery, TranslateNote, TranslateOutcome, type Outcome, type TranslatedEntry,
} from "../api";
import { useGraphMutation, useGraphQuery } from "../api/hooks";
import { Field, FormError, fieldError } from "../components/Field";
import { Loading } from "../components/Loading";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import { useI18n } from "../i18n/i18n";
import { useNames } from "../i18n/names";
import { titleIn } from "../text";

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: tokens.spacingHorizontalL,
    paddingBlock: tokens.spacingVerticalM,
    borderBlockEndWidth: tokens.strokeWidthThin,
    borderBlockEndStyle: "solid",
    borderBlockEndColor: tokens.colorNeutralStroke2,
    "@media (max-width: 600px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  original: { margin: 0, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  before: { marginBlock: tokens.spacingVerticalS, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
});

/** Where a translation stands beside its original: missing, out of date (the original changed since), or done. */
function TranslationState({ text, stale }: { text: string | null | undefined; stale: boolean }) {
  const { t } = useI18n();
  if (text == null) return <Badge appearance="tint" color="warning">{t("translationMissing")}</Badge>;
  if (stale) return <Badge appearance="tint" color="danger">{t("translationStale")}</Badge>;
  return <Badge appearance="tint" color="success">{t("translationDone")}</Badge>;
}

interface RowProps {
  label: string;
  /** A heading above the original (an outcome's number); none for a note entry, which its section names. */
  heading?: string;
  original: string;
  /** The translation as stored, whether the original changed since, and then what the original read when translated. */
  current: { text: string; stale: boolean; translatedFrom?: string | null } | null;
  saving: boolean;
  error: unknown;
  onSave: (text: string) => void;
}

/**
 * An original beside its translation. Saving sends the version of the original it translates: if it changed
 * meanwhile the server refuses, and the translator sees the new original.
 */
function TranslationRow({ label, heading, original, current, saving, error, onSave }: RowProps) {
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState(current?.text ?? "");
  return (
    <form
      className={styles.row}
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(text);
      }}
    >
      <div>
        {heading && <strong>{heading}</strong>}
        <p className={styles.original} dir="auto" data-user-content>{original}</p>
        <TranslationState text={current?.text} stale={current?.stale ?? false} />
        {current?.stale && current.translatedFrom && (
          <p className={styles.before}>
            <span className="meta">{t("originalWhenTranslated")}</span>{" "}
            <del dir="auto" data-user-content>{current.translatedFrom}</del>
          </p>
        )}
      </div>
      <div>
        <Field label={t("translationOf", { item: label })} error={fieldError(error, "text")}>
          {(p) => <Textarea {...p} rows={3} resize="vertical" dir="auto" value={text} onChange={(_, d) => setText(d.value)} />}
        </Field>
        <FormError error={error} fields={["text"]} />
        <Button type="submit" disabled={saving || !text.trim() || (text === current?.text && !current.stale)}>{t("saveTranslation")}</Button>
      </div>
    </form>
  );
}

/** One entry of the notes beside its translation. */
function EntryRow({ meetingId, language, entry, label }: { meetingId: string; language: string; entry: TranslatedEntry; label: string }) {
  const { t } = useI18n();
  const notify = useNotify();
  const save = useGraphMutation(TranslateNote, () => notify(t("translationSaved")));
  return (
    <TranslationRow
      label={label}
      original={entry.original}
      current={entry.text == null ? null : { text: entry.text, stale: entry.stale, translatedFrom: entry.translatedFrom }}
      saving={save.isPending}
      error={save.error}
      onSave={(text) => save.mutate({ id: meetingId, language, seq: entry.seq, sourceVersion: entry.originalVersion, text, expectedRevision: entry.revision })}
    />
  );
}

/** One conclusion or recommendation beside its translation. */
function OutcomeRow({ meetingId, language, outcome, label }: { meetingId: string; language: string; outcome: Outcome; label: string }) {
  const { t } = useI18n();
  const notify = useNotify();
  const current = outcome.translations.find((x) => x.language === language);
  const save = useGraphMutation(TranslateOutcome, () => notify(t("translationSaved")));
  return (
    <TranslationRow
      label={label}
      heading={label}
      original={outcome.text}
      current={current ? { text: current.text, stale: current.stale, translatedFrom: current.translatedFrom } : null}
      saving={save.isPending}
      error={save.error}
      onSave={(text) => save.mutate({ meetingId, outcomeId: outcome.id, language, text, sourceVersion: outcome.version, expectedRevision: current?.revision ?? 0 })}
    />
  );
}

/**
 * The translators' desk: a meeting's notes and outcomes entry by entry, each beside its original, with what is
 * missing and what changed since it was translated. Each language's Summary of Discussions uses these
 * translations. Nothing here knows or keeps who translated (Chatham House Rule).
 */
export function TranslationPage() {
  const { dialogue = "", id = "" } = useParams();
  const meetingId = `${dialogue}/${id}`;
  const { t, language: viewerLanguage } = useI18n();
  const names = useNames();
  const [search, setSearch] = useSearchParams();
  const meeting = useGraphQuery(MeetingQuery, { id: meetingId });
  const languages = meeting.data?.meeting.workingLanguages ?? [];
  const requested = search.get("language") ?? "";
  const language = languages.includes(requested) ? requested : (languages.find((l) => l === viewerLanguage) ?? languages[0] ?? "");
  const notes = useGraphQuery(NotesTranslationQuery, { id: meetingId, language }, { enabled: Boolean(language) });
  const outcomes = useGraphQuery(MeetingOutcomesQuery, { id: meetingId });
  if (!meeting.data || !notes.data || !outcomes.data) return <Loading error={meeting.error ?? notes.error ?? outcomes.error} />;
  const m = meeting.data.meeting;
  const translation = notes.data.notesTranslation;
  const toTranslate = outcomes.data.meeting.outcomes.outcomes.filter((o) => o.language !== language);
  const sessionTitle = (sessionId: string | null | undefined) => m.sessions.find((s) => s.id === sessionId)?.title ?? t("outsideSessions");
  const sessions = [...new Set(translation.entries.map((e) => e.sessionId ?? ""))];

  return (
    <article>
      <PageHeader
        title={t("translateTitle", { meeting: titleIn(m.titles, viewerLanguage) })}
        crumbs={[{ label: titleIn(m.titles, viewerLanguage), to: `/meetings/${meetingId}` }]}
      />
      <Field label={t("translateInto")}>
        {(p) => (
          <Select {...p} value={language} onChange={(_, d) => setSearch({ language: d.value }, { replace: true })}>
            {languages.map((l) => <option key={l} value={l}>{names.language(l)}</option>)}
          </Select>
        )}
      </Field>
      <p role="status">{t("translationStanding", { missing: translation.missing, stale: translation.stale })}</p>
      {!translation.viewerMayTranslate && <p>{t("translationReadOnly")}</p>}
      <Section title={t("liveNotes")}>
        {translation.entries.length === 0 && <p className="meta">{t("noNotesYet")}</p>}
        {sessions.map((s) => (
          <section key={s} aria-label={sessionTitle(s)}>
            <h3 dir="auto">{sessionTitle(s)}</h3>
            {translation.entries.filter((e) => (e.sessionId ?? "") === s).map((e, i) => (
              <EntryRow key={`${language}-${e.seq}-${e.originalVersion}`} meetingId={meetingId} language={language} entry={e} label={t("entryNumbered", { number: i + 1 })} />
            ))}
          </section>
        ))}
      </Section>
      <Section title={t("outcomes")}>
        {toTranslate.length === 0 && <p className="meta">{t("noneYet")}</p>}
        {toTranslate.map((o) => (
          <OutcomeRow
            key={`${language}-${o.id}-${o.version}`}
            meetingId={meetingId}
            language={language}
            outcome={o}
            label={o.kind === "CONCLUSION" ? t("conclusionNumbered", { number: o.number }) : t("recommendationNumbered", { number: o.number })}
          />
        ))}
      </Section>
    </article>
  );
}
