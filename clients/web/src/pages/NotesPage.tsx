import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Link, useParams } from "react-router-dom";
import { MeetingQuery } from "../api/operations";
import { useI18n } from "../i18n/i18n";
import { NotesConnection, type NotesJoined } from "../notes/notesConnection";
import {
  PendingQueue, applyEntries, draftKey, emptyNotes, entriesOf,
  type AttributionWarning, type NoteEntry, type NoteResult, type NotesState, type PendingEntry,
} from "../notes/notesState";
import { titleIn } from "../text";
import { useQuery } from "../useQuery";

interface Conflict { theirs: NoteEntry; mine: string }

/**
 * The live notes: a keyboard-first editor for co-chairs and rapporteurs, a live view for everyone else who
 * may follow. Nothing here knows or shows who wrote an entry (Chatham House Rule).
 */
export function NotesPage() {
  const { dialogue = "", id = "" } = useParams();
  const meetingId = `${dialogue}/${id}`;
  const { t, language } = useI18n();
  const meeting = useQuery(MeetingQuery, { id: meetingId });
  const sessions = meeting.data?.meeting.sessions ?? [];

  const [notes, setNotes] = useState<NotesState>(emptyNotes);
  const notesRef = useRef(notes);
  notesRef.current = notes;
  const [joined, setJoined] = useState<NotesJoined | null>(null);
  const [connected, setConnected] = useState(false);
  const [following, setFollowing] = useState(0);
  const [noteTakers, setNoteTakers] = useState(0);
  const [finalized, setFinalized] = useState(false);
  const [revoked, setRevoked] = useState(false);
  const [beingEdited, setBeingEdited] = useState<Set<number>>(new Set());
  const [warnings, setWarnings] = useState<Record<number, AttributionWarning[]>>({});
  const [refused, setRefused] = useState<AttributionWarning[]>([]);
  const [conflicts, setConflicts] = useState<Record<number, Conflict>>({});
  const [sessionId, setSessionId] = useState<string>("");
  const [selected, setSelected] = useState<number | null>(null);
  // The version the edit started from: a change by someone else meanwhile makes the save a conflict, not an overwrite.
  const [editing, setEditing] = useState<{ seq: number; text: string; version: number } | null>(null);
  const queue = useMemo(() => new PendingQueue(meetingId), [meetingId]);
  const [pending, setPending] = useState<PendingEntry[]>(() => queue.all());
  const [draft, setDraft] = useState("");
  const connection = useRef<NotesConnection | null>(null);
  const entryRefs = useRef(new Map<number, HTMLLIElement>());
  const newEntryRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (!sessionId && sessions.length > 0) setSessionId(sessions[0].id);
  }, [sessions, sessionId]);
  useEffect(() => {
    if (sessionId) setDraft(localStorage.getItem(draftKey(meetingId, sessionId)) ?? "");
  }, [meetingId, sessionId]);

  const send = useCallback(
    async (entry: PendingEntry) => {
      const hub = connection.current;
      if (!hub?.connected) return;
      let result: NoteResult;
      try {
        result = await hub.append(entry.clientId, entry.sessionId, entry.text);
      } catch {
        return; // Still queued: sent again on reconnect.
      }
      queue.remove(entry.clientId);
      setPending(queue.all());
      if (result.entry) {
        setNotes((n) => applyEntries(n, [result.entry!]));
        if (result.warnings.length > 0) setWarnings((w) => ({ ...w, [result.entry!.seq]: result.warnings }));
      } else if (result.code) {
        // Refused (a strict meeting's attribution guard): the text goes back to the editor with the reason.
        setDraft(entry.text);
        localStorage.setItem(draftKey(meetingId, entry.sessionId), entry.text);
        setRefused(result.warnings);
      }
    },
    [meetingId, queue],
  );

  const flush = useCallback(async () => {
    for (const entry of queue.all()) await send(entry);
  }, [queue, send]);

  useEffect(() => {
    const hub = new NotesConnection(meetingId, {
      lastChange: () => notesRef.current.lastChange,
      onJoined: (j) => {
        setJoined(j);
        setFinalized(j.finalized);
        setFollowing(j.following);
        setNoteTakers(j.noteTakersOnline);
        setNotes((n) => applyEntries(n, j.entries, true));
        void flush();
      },
      onEntries: (entries) => setNotes((n) => applyEntries(n, entries)),
      onEditing: (seq, on) =>
        setBeingEdited((s) => {
          const next = new Set(s);
          if (on) next.add(seq);
          else next.delete(seq);
          return next;
        }),
      onPresence: setFollowing,
      onNoteTakers: setNoteTakers,
      onFinalized: () => setFinalized(true),
      onRevoked: () => setRevoked(true),
      onConnection: setConnected,
    });
    connection.current = hub;
    void hub.start();
    return () => {
      void hub.stop();
    };
  }, [meetingId, flush]);

  // A skipped change number means an event was missed: join again from the last one held.
  useEffect(() => {
    if (notes.gap && connection.current?.connected) void connection.current.join();
  }, [notes.gap]);

  const mayWrite = Boolean(joined?.mayWrite) && !finalized;
  const visible = sessionId ? entriesOf(notes, sessionId) : [];

  function append() {
    const text = draft.trim();
    if (!text || !sessionId) return;
    const entry: PendingEntry = { clientId: crypto.randomUUID(), sessionId, text };
    queue.add(entry);
    setPending(queue.all());
    setDraft("");
    setRefused([]);
    localStorage.removeItem(draftKey(meetingId, sessionId));
    void send(entry);
  }

  async function saveEdit(seq: number, text: string, expectedVersion: number) {
    const hub = connection.current;
    if (!hub) return;
    const result = await hub.edit(seq, expectedVersion, text);
    hub.editing(seq, false);
    if (result.code === "CONFLICT" && result.entry) {
      setConflicts((c) => ({ ...c, [seq]: { theirs: result.entry!, mine: text } }));
      setNotes((n) => applyEntries(n, [result.entry!]));
    } else if (result.entry) {
      setNotes((n) => applyEntries(n, [result.entry!]));
      setWarnings((w) => ({ ...w, [seq]: result.warnings }));
      setConflicts(({ [seq]: _, ...rest }) => rest);
    }
    setEditing(null);
    entryRefs.current.get(seq)?.focus();
  }

  function onEntryKey(event: KeyboardEvent<HTMLLIElement>, index: number, entry: NoteEntry) {
    if (editing) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = index + (event.key === "ArrowDown" ? 1 : -1);
      if (next >= visible.length) {
        newEntryRef.current?.focus();
        return;
      }
      const target = visible[Math.max(0, next)];
      setSelected(target.seq);
      entryRefs.current.get(target.seq)?.focus();
    } else if (event.key === "Enter" && mayWrite && !entry.deleted) {
      event.preventDefault();
      setEditing({ seq: entry.seq, text: entry.text, version: entry.version });
      connection.current?.editing(entry.seq, true);
    }
  }

  if (meeting.error) return <p role="alert">{t("notFound")}</p>;
  if (revoked) return <p role="alert">{t("notFound")}</p>;
  const m = meeting.data?.meeting;

  return (
    <section className="notes">
      <h1 dir="auto">
        {t("liveNotes")}: {m ? titleIn(m.titles, language) : ""}
      </h1>
      <p className="meta">{t("chathamHouse")}</p>
      <p className="meta" role="status" aria-live="polite">
        <span className={connected ? "online" : "offline"}>{connected ? t("connectionBack") : t("connectionLost")}</span>
        {" · "}
        {t("following", { count: following })} · {t("noteTakers", { count: noteTakers })}
        {pending.length > 0 && <> · {t("offlineQueued", { count: pending.length })}</>}
      </p>
      {finalized && <p className="banner">{t("finalized")}</p>}
      {joined && !joined.mayWrite && <p>{t("readOnlyView")}</p>}

      <div role="tablist" aria-label={t("sessions")} className="tabs">
        {sessions.map((s) => (
          <button key={s.id} role="tab" type="button" aria-selected={s.id === sessionId} onClick={() => setSessionId(s.id)} dir="auto">
            {s.title}
          </button>
        ))}
      </div>

      <div role="tabpanel" aria-label={sessions.find((s) => s.id === sessionId)?.title}>
        {mayWrite && <p className="meta">{t("noteEditorHelp")}</p>}
        <ol className="entries" aria-label={t("liveNotes")}>
          {visible.map((entry, index) => (
            <li
              key={entry.seq}
              ref={(el) => {
                if (el) entryRefs.current.set(entry.seq, el);
              }}
              tabIndex={selected === entry.seq || (selected === null && index === 0) ? 0 : -1}
              onKeyDown={(e) => onEntryKey(e, index, entry)}
              onFocus={() => setSelected(entry.seq)}
              aria-label={t("entry", { number: index + 1 })}
              className={entry.deleted ? "deleted" : undefined}
            >
              {editing?.seq === entry.seq ? (
                <textarea
                  autoFocus
                  aria-label={t("edit")}
                  dir="auto"
                  value={editing.text}
                  onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && !e.shiftKey) {
                      e.preventDefault();
                      void saveEdit(entry.seq, editing.text, editing.version);
                    } else if (e.key === "Escape") {
                      connection.current?.editing(entry.seq, false);
                      setEditing(null);
                      entryRefs.current.get(entry.seq)?.focus();
                    }
                  }}
                />
              ) : (
                <span dir="auto" className="entry-text">
                  {entry.deleted ? t("deleted") : entry.text}
                </span>
              )}
              {beingEdited.has(entry.seq) && <span className="meta"> ({t("beingEdited")})</span>}
              {mayWrite && !entry.deleted && editing?.seq !== entry.seq && (
                <span className="entry-actions">
                  <button type="button" onClick={() => { setEditing({ seq: entry.seq, text: entry.text, version: entry.version }); connection.current?.editing(entry.seq, true); }}>
                    {t("edit")}
                  </button>
                  <button type="button" onClick={() => void connection.current?.remove(entry.seq, entry.version).then((r) => r.entry && setNotes((n) => applyEntries(n, [r.entry!])))}>
                    {t("delete")}
                  </button>
                </span>
              )}
              {mayWrite && (warnings[entry.seq] ?? []).length > 0 && !entry.deleted && (
                <div className="attribution" role="note">
                  {warnings[entry.seq].map((w, i) => <p key={i}>{t("attributionWarning", { matched: w.matched })}</p>)}
                  <button type="button" onClick={() => void saveEdit(entry.seq, warnings[entry.seq][0].suggestion, entry.version)}>
                    {t("useRewording")}: <span dir="auto">{warnings[entry.seq][0].suggestion}</span>
                  </button>
                </div>
              )}
              {conflicts[entry.seq] && (
                <div className="conflict" role="alert">
                  <p>{t("conflict")}</p>
                  <blockquote dir="auto">{conflicts[entry.seq].theirs.text}</blockquote>
                  <button type="button" onClick={() => setConflicts(({ [entry.seq]: _, ...rest }) => rest)}>{t("keepTheirs")}</button>
                  <button type="button" onClick={() => void saveEdit(entry.seq, conflicts[entry.seq].mine, conflicts[entry.seq].theirs.version)}>
                    {t("keepMine")}: <span dir="auto">{conflicts[entry.seq].mine}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
          {pending.filter((p) => p.sessionId === sessionId).map((p) => (
            <li key={p.clientId} className="pending" dir="auto">
              {p.text}
            </li>
          ))}
        </ol>

        {mayWrite && sessionId && (
          <div className="new-entry">
            <label htmlFor="new-entry">{t("newEntry")}</label>
            <textarea
              id="new-entry"
              ref={newEntryRef}
              dir="auto"
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                localStorage.setItem(draftKey(meetingId, sessionId), e.target.value);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) {
                  e.preventDefault();
                  append();
                } else if (e.key === "ArrowUp" && draft === "" && visible.length > 0) {
                  e.preventDefault();
                  const last = visible[visible.length - 1];
                  setSelected(last.seq);
                  entryRefs.current.get(last.seq)?.focus();
                }
              }}
            />
            {refused.length > 0 && (
              <div className="attribution" role="alert">
                {refused.map((w, i) => <p key={i}>{t("attributionWarning", { matched: w.matched })}</p>)}
                <button type="button" onClick={() => { setDraft(refused[0].suggestion); setRefused([]); }}>
                  {t("useRewording")}: <span dir="auto">{refused[0].suggestion}</span>
                </button>
              </div>
            )}
          </div>
        )}
      </div>

      <div className="actions">
        {mayWrite && (
          <button type="button" onClick={() => void connection.current?.finalize()}>
            {t("finalize")}
          </button>
        )}
        <a href={`/meetings/${meetingId}/notes/summary.md`}>{t("exportMarkdown")}</a>
        <a href={`/meetings/${meetingId}/notes/summary.docx`}>{t("exportWord")}</a>
        <Link to={`/meetings/${meetingId}`}>{t("back")}</Link>
      </div>
    </section>
  );
}
