import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody, Select, Tab, TabList, Textarea,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useParams } from "react-router-dom";
import { MeetingQuery, SetNotesSettings, type AttributionGuard } from "../api";
import { useGraphMutation, useGraphQuery } from "../api/hooks";
import { Field, FormError } from "../components/Field";
import { LinkButton } from "../components/LinkButton";
import { Loading } from "../components/Loading";
import { PageHeader, Section } from "../components/Page";
import { useI18n } from "../i18n/i18n";
import { format, messages, type Language, type MessageKey } from "../i18n/messages";
import { AttributionFindings } from "../notes/AttributionFindings";
import { NotesConnection, type NotesJoined } from "../notes/notesConnection";
import {
  PendingQueue, applyEntries, draftKey, emptyNotes, entriesOf, isTransient, refusalOf, withPending,
  type AttributionCheck, type NoteEntry, type NoteResult, type NotesAccess, type NotesSignOff, type NotesState, type PendingChange, type Refusal,
} from "../notes/notesState";
import { titleIn } from "../text";
import { SummaryDownloads } from "./meeting/SummaryDownloads";

interface Conflict { theirs: NoteEntry; mine: string }

/** A text that has been checked by the guard: the findings hold for exactly this text. */
interface Checked { text: string; result: AttributionCheck; insist?: boolean }

/** A hub refusal in the user's language: its reason key, else its code, else the server's own words. */
export function describeRefusal(refusal: Refusal, language: Language, max?: number): string {
  const m = messages[language];
  if (refusal.attribution && refusal.attribution.findings.length > 0) return m.attributionFound;
  if (refusal.reason && `reason_${refusal.reason}` in m) return format(m[`reason_${refusal.reason}` as MessageKey], { max: max ?? "", count: "" });
  if (`code_${refusal.code}` in m) return m[`code_${refusal.code}` as MessageKey];
  return refusal.message;
}

/**
 * The live notes: a keyboard-first editor for the note-takers (the secretariat, co-chairs and rapporteurs),
 * a live view for everyone else who may follow. Every text is checked for attribution as it is typed and
 * before it leaves: what the guard finds is shown in place with a neutral rewording, and nothing attributed
 * is sent as it is. Sessions close one by one; the co-chairs approve the notes; the secretariat reopens them.
 * Nothing here knows or shows who wrote an entry (Chatham House Rule).
 */
export function NotesPage() {
  const { dialogue = "", id = "" } = useParams();
  const meetingId = `${dialogue}/${id}`;
  const { t, language } = useI18n();
  const meeting = useGraphQuery(MeetingQuery, { id: meetingId });
  const sessions = useMemo(() => meeting.data?.meeting.sessions ?? [], [meeting.data]);
  const reloadMeeting = useRef(meeting.refetch);
  useEffect(() => {
    reloadMeeting.current = meeting.refetch;
  }, [meeting.refetch]);

  const [notes, setNotes] = useState<NotesState>(emptyNotes);
  const notesRef = useRef(notes);
  useEffect(() => {
    notesRef.current = notes;
  }, [notes]);
  const [joined, setJoined] = useState<NotesJoined | null>(null);
  const [access, setAccess] = useState<NotesAccess | null>(null);
  const [signOff, setSignOff] = useState<NotesSignOff | null>(null);
  const [connected, setConnected] = useState(false);
  const [following, setFollowing] = useState(0);
  const [noteTakers, setNoteTakers] = useState(0);
  const [revoked, setRevoked] = useState(false);
  const [beingEdited, setBeingEdited] = useState<Set<number>>(new Set());
  const [conflicts, setConflicts] = useState<Record<number, Conflict>>({});
  // The session on screen: the one chosen, else the first.
  const [chosenSession, setSessionId] = useState<string>("");
  const sessionId = chosenSession || sessions[0]?.id || "";
  const [selected, setSelected] = useState<number | null>(null);
  // The version the edit started from: a change by someone else meanwhile makes the save a conflict, not an overwrite.
  const [editing, setEditing] = useState<{ seq: number; text: string; version: number; checked?: Checked } | null>(null);
  const queue = useMemo(() => new PendingQueue(meetingId), [meetingId]);
  const [pending, setPending] = useState<PendingChange[]>(() => queue.all());
  const [draft, setDraft] = useState("");
  const [checked, setChecked] = useState<Checked | null>(null);
  const [actionError, setActionError] = useState<Refusal | null>(null);
  const [dialog, setDialog] = useState<"approve" | "reopen" | null>(null);
  const [reason, setReason] = useState("");
  const connection = useRef<NotesConnection | null>(null);
  const settings = useGraphMutation(SetNotesSettings, () => void connection.current?.join());
  const entryRefs = useRef(new Map<number, HTMLLIElement>());
  const newEntryRef = useRef<HTMLTextAreaElement>(null);
  const flushing = useRef(false);

  const maxLength = joined?.maxTextLength ?? 8000;

  // Each session keeps its own unsent draft on this device: switching sessions shows the other's.
  const [draftOf, setDraftOf] = useState("");
  if (sessionId && draftOf !== draftKey(meetingId, sessionId)) {
    setDraftOf(draftKey(meetingId, sessionId));
    setDraft(localStorage.getItem(draftKey(meetingId, sessionId)) ?? "");
  }

  const refreshPending = useCallback(() => setPending(queue.all()), [queue]);

  /**
   * Sends one queued change. Answers false when the connection is not there (keep it, stop for now); a
   * change the server refuses stays in the queue with its reason until the writer acts on it.
   */
  const send = useCallback(
    async (change: PendingChange): Promise<boolean> => {
      const hub = connection.current;
      if (!hub?.connected) return false;
      let result: NoteResult;
      try {
        result =
          change.kind === "append" ? await hub.append(change.clientId, change.sessionId, change.text, change.notAttribution)
          : change.kind === "edit" ? await hub.edit(change.seq, change.expectedVersion, change.text, change.notAttribution)
          : await hub.remove(change.seq, change.expectedVersion);
      } catch (e) {
        const refusal = refusalOf(e);
        if (isTransient(refusal)) return false;
        queue.replace(change.clientId, { ...change, refusal });
        refreshPending();
        return true;
      }
      if (result.code === "CONFLICT" && result.entry && change.kind === "edit") {
        setConflicts((c) => ({ ...c, [change.seq]: { theirs: result.entry!, mine: change.text } }));
        setNotes((n) => applyEntries(n, [result.entry!]));
        queue.remove(change.clientId);
      } else if (result.code) {
        queue.replace(change.clientId, { ...change, refusal: { code: result.code, message: result.message ?? "", attribution: result.attribution } });
      } else {
        queue.remove(change.clientId);
        if (result.entry) setNotes((n) => applyEntries(n, [result.entry!]));
      }
      refreshPending();
      return true;
    },
    [queue, refreshPending],
  );

  /** Sends what waits, in order; refused changes stay for the writer; a lost connection stops the round. */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const change of queue.all()) {
        if (change.refusal) continue;
        if (!(await send(change))) break;
      }
    } finally {
      flushing.current = false;
    }
  }, [queue, send]);

  useEffect(() => {
    const hub = new NotesConnection(meetingId, {
      lastChange: () => notesRef.current.lastChange,
      onJoined: (j) => {
        setJoined(j);
        setAccess(j.access);
        setSignOff(j.signOff);
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
      onFinalized: () => setSignOff((s) => (s ? { ...s, finalized: true } : s)),
      onReopened: () => void hub.join(),
      onSignOff: (signOff) => {
        setSignOff(signOff);
        // Who approved is the meeting's to say (to the secretariat and co-chairs): read it again.
        void reloadMeeting.current();
      },
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

  // The guard reads the draft as it is typed (a call that stores and logs nothing), a moment after typing stops.
  useEffect(() => {
    const text = draft.trim();
    if (!text || !connected || !access?.noteTaker || text.length > maxLength || checked?.text === text) return;
    const timer = setTimeout(() => {
      connection.current?.check(text).then(
        (result) => setChecked((c) => (c?.text === text ? c : { text, result })),
        () => undefined,
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [draft, connected, access, maxLength, checked]);

  const finalized = signOff?.finalized ?? false;
  const closed = new Set(signOff?.closedSessionIds ?? []);
  const sessionClosed = closed.has(sessionId);
  const noteTaker = Boolean(access?.noteTaker);
  const mayWrite = noteTaker && !finalized;
  const mayWriteHere = mayWrite && !sessionClosed;
  const visible = sessionId ? entriesOf(notes, sessionId) : [];
  const draftText = draft.trim();
  const draftFindings = checked && checked.text === draftText && checked.result.findings.length > 0 ? checked : null;

  function writeDraft(text: string) {
    setDraft(text);
    localStorage.setItem(draftKey(meetingId, sessionId), text);
  }

  /** Checks a text before it leaves: the findings when there are some, null when it is clean or cannot be checked now (the server checks it when it arrives). */
  async function findings(text: string, known: Checked | null | undefined): Promise<AttributionCheck | null> {
    if (known && known.text === text) return known.result.findings.length > 0 ? known.result : null;
    const hub = connection.current;
    if (!hub?.connected) return null;
    try {
      const result = await hub.check(text);
      return result.findings.length > 0 ? result : null;
    } catch {
      return null;
    }
  }

  async function append(notAttribution = false) {
    const text = draftText;
    if (!text || !sessionId || text.length > maxLength) return;
    if (!notAttribution) {
      const found = await findings(text, checked);
      if (found) {
        setChecked({ text, result: found, insist: true });
        return;
      }
    }
    const change: PendingChange = { kind: "append", clientId: crypto.randomUUID(), sessionId, text, notAttribution };
    queue.add(change);
    refreshPending();
    writeDraft("");
    setChecked(null);
    void flush();
  }

  async function saveEdit(seq: number, text: string, expectedVersion: number, notAttribution = false) {
    const entry = notes.entries.get(seq);
    if (!entry || text.trim().length === 0 || text.trim().length > maxLength) return;
    if (!notAttribution) {
      const found = await findings(text.trim(), editing?.seq === seq ? editing.checked : null);
      if (found) {
        setEditing({ seq, text, version: expectedVersion, checked: { text: text.trim(), result: found, insist: true } });
        return;
      }
    }
    connection.current?.editing(seq, false);
    queue.add({ kind: "edit", clientId: crypto.randomUUID(), sessionId: entry.sessionId, seq, expectedVersion, text, notAttribution });
    refreshPending();
    setConflicts(({ [seq]: _, ...rest }) => rest);
    setEditing(null);
    entryRefs.current.get(seq)?.focus();
    void flush();
  }

  function remove(entry: NoteEntry) {
    queue.add({ kind: "delete", clientId: crypto.randomUUID(), sessionId: entry.sessionId, seq: entry.seq, expectedVersion: entry.version });
    refreshPending();
    void flush();
  }

  /** The writer acts on a refused change: sends it again changed, takes it back into the editor, or drops it. */
  function retry(change: PendingChange, update: Partial<Pick<Extract<PendingChange, { kind: "append" }>, "text" | "notAttribution">>) {
    queue.replace(change.clientId, { ...change, ...update, refusal: undefined } as PendingChange);
    refreshPending();
    void flush();
  }

  function takeBack(change: PendingChange) {
    queue.remove(change.clientId);
    refreshPending();
    if (change.kind === "append") {
      setSessionId(change.sessionId);
      writeDraft(change.text);
      newEntryRef.current?.focus();
    } else if (change.kind === "edit") {
      const entry = notes.entries.get(change.seq);
      if (entry) setEditing({ seq: entry.seq, text: change.text, version: entry.version });
    }
  }

  function discard(change: PendingChange) {
    queue.remove(change.clientId);
    refreshPending();
  }

  /** A sign-off step; a refusal shows in the user's language beside the panel. */
  async function step(call: (hub: NotesConnection) => Promise<{ signOff: NotesSignOff; access: NotesAccess } | NoteResult>) {
    const hub = connection.current;
    if (!hub) return;
    setActionError(null);
    try {
      const result = await call(hub);
      if ("signOff" in result) {
        setSignOff(result.signOff);
        setAccess(result.access);
      } else if (result.entry) {
        setNotes((n) => applyEntries(n, [result.entry!]));
      } else if (result.code) {
        setActionError({ code: result.code, message: result.message ?? "" });
      }
    } catch (e) {
      setActionError(refusalOf(e));
    }
  }

  function setGuard(guard: AttributionGuard) {
    const m = meeting.data?.meeting;
    if (m) settings.mutate({ id: meetingId, attributionGuard: guard, expectedVersion: m.version });
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
    } else if (event.key === "Enter" && mayWriteHere && !entry.deleted) {
      event.preventDefault();
      startEditing(entry);
    }
  }

  function startEditing(entry: NoteEntry) {
    setEditing({ seq: entry.seq, text: withPending(entry, pending).text, version: entry.version });
    connection.current?.editing(entry.seq, true);
  }

  function pendingItem(p: PendingChange) {
    return (
      <PendingItem
        key={p.clientId}
        change={p}
        max={maxLength}
        onRewording={(rewording) => retry(p, { text: rewording, notAttribution: false })}
        onNotAttribution={() => retry(p, { notAttribution: true })}
        onRetry={() => retry(p, {})}
        onEdit={() => takeBack(p)}
        onDiscard={() => discard(p)}
      />
    );
  }

  // A reload that fails while offline keeps the meeting already shown; only a meeting never read is "not found".
  if ((meeting.error && !meeting.data) || revoked) return revoked ? <p role="alert">{t("notFound")}</p> : <Loading error={meeting.error} />;
  const m = meeting.data?.meeting;
  const sessionPending = pending.filter((p) => p.sessionId === sessionId);
  const waiting = pending.filter((p) => !p.refusal).length;
  const sessionTitle = sessions.find((s) => s.id === sessionId)?.title;

  return (
    <article className="notes">
      <PageHeader
        title={<>{t("liveNotes")}: <span data-user-content>{m ? titleIn(m.titles, language) : ""}</span></>}
        meta={t("chathamHouse")}
        crumbs={m ? [{ label: titleIn(m.titles, language), to: `/meetings/${meetingId}` }] : []}
        actions={<LinkButton to={`/meetings/${meetingId}?tab=outcomes`}>{access?.noteTaker ? t("draftOutcomes") : t("outcomes")}</LinkButton>}
      />
      <p className="meta" role="status" aria-live="polite">
        <span className={connected ? "online" : "offline"}>{connected ? t("connectionBack") : t("connectionLost")}</span>
        {" · "}
        {t("following", { count: following })} · {t("noteTakers", { count: noteTakers })}
        {waiting > 0 && <> · {t("offlineQueued", { count: waiting })}</>}
      </p>
      {finalized && (
        <MessageBar intent="success" className="banner">
          <MessageBarBody>{t("finalized")}</MessageBarBody>
        </MessageBar>
      )}
      {joined && !noteTaker && <p>{t("readOnlyView")}</p>}

      <TabList
        className="tabs"
        aria-label={t("sessions")}
        selectedValue={sessionId}
        onTabSelect={(_, d) => setSessionId(String(d.value))}
      >
        {sessions.map((s) => (
          <Tab key={s.id} value={s.id} dir="auto">
            {s.title}
            {closed.has(s.id) && <span className="meta"> · {t("closedMark")}</span>}
          </Tab>
        ))}
      </TabList>

      <div role="tabpanel" aria-label={sessionTitle}>
        {sessionClosed && (
          <MessageBar intent="info" className="banner">
            <MessageBarBody>{t("sessionClosed")}</MessageBarBody>
          </MessageBar>
        )}
        {mayWriteHere && <p className="meta">{t("noteEditorHelp")}</p>}
        <ol className="entries" aria-label={t("liveNotes")}>
          {visible.map((entry, index) => {
            const shown = withPending(entry, pending);
            const withheld = entry.review === "Unreviewed" && !noteTaker;
            return (
              <li
                key={entry.seq}
                ref={(el) => {
                  if (el) entryRefs.current.set(entry.seq, el);
                }}
                tabIndex={selected === entry.seq || (selected === null && index === 0) ? 0 : -1}
                onKeyDown={(e) => onEntryKey(e, index, entry)}
                onFocus={() => setSelected(entry.seq)}
                aria-label={t("entry", { number: index + 1 })}
                className={shown.deleted ? "deleted" : withheld ? "withheld" : undefined}
              >
                {editing?.seq === entry.seq ? (
                  <>
                    <Textarea
                      autoFocus
                      aria-label={t("edit")}
                      dir="auto"
                      resize="vertical"
                      value={editing.text}
                      onChange={(_, d) => setEditing({ ...editing, text: d.value, checked: undefined })}
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
                    {editing.text.trim().length > maxLength && <p className="field-error" role="alert">{t("tooLong", { max: maxLength, count: editing.text.trim().length })}</p>}
                    {editing.checked && (
                      <AttributionFindings
                        text={editing.checked.text}
                        result={editing.checked.result}
                        insist={editing.checked.insist}
                        onRewording={(rewording) => void saveEdit(entry.seq, rewording, editing.version)}
                        onNotAttribution={() => void saveEdit(entry.seq, editing.text, editing.version, true)}
                      />
                    )}
                  </>
                ) : (
                  <span dir="auto" className="entry-text" data-user-content={!shown.deleted && !withheld ? true : undefined}>
                    {shown.deleted ? t("deleted") : withheld ? t("withheld") : shown.text}
                  </span>
                )}
                {shown.pending && <span className="meta"> ({t("pendingChange")})</span>}
                {beingEdited.has(entry.seq) && <span className="meta"> ({t("beingEdited")})</span>}
                {noteTaker && entry.review === "Unreviewed" && !entry.deleted && (
                  <div className="review" role="note">
                    <span>{t("awaitingReview")}</span>
                    {mayWrite && !access?.strict && (
                      <Button size="small" appearance="subtle" onClick={() => void step((hub) => hub.review(entry.seq, entry.version))}>
                        {t("confirmNotAttribution")}
                      </Button>
                    )}
                  </div>
                )}
                {mayWriteHere && !shown.deleted && !shown.pending && editing?.seq !== entry.seq && (
                  <span className="entry-actions">
                    <Button size="small" onClick={() => startEditing(entry)}>{t("edit")}</Button>
                    <Button size="small" onClick={() => remove(entry)}>{t("delete")}</Button>
                  </span>
                )}
                {conflicts[entry.seq] && (
                  <div className="conflict" role="alert">
                    <p>{t("conflict")}</p>
                    <blockquote dir="auto" data-user-content>{conflicts[entry.seq].theirs.text}</blockquote>
                    <div className="actions">
                      <Button size="small" onClick={() => setConflicts(({ [entry.seq]: _, ...rest }) => rest)}>{t("keepTheirs")}</Button>
                      <Button size="small" onClick={() => void saveEdit(entry.seq, conflicts[entry.seq].mine, conflicts[entry.seq].theirs.version)}>
                        {t("keepMine")}: <span dir="auto" data-user-content>{conflicts[entry.seq].mine}</span>
                      </Button>
                    </div>
                  </div>
                )}
              </li>
            );
          })}
          {sessionPending.filter((p) => p.kind === "append").map(pendingItem)}
        </ol>
        {sessionPending.some((p) => p.kind !== "append" && p.refusal) && (
          <ul className="entries" aria-label={t("notSaved")}>{sessionPending.filter((p) => p.kind !== "append" && p.refusal).map(pendingItem)}</ul>
        )}

        {mayWriteHere && sessionId && (
          <div className="new-entry">
            <Field label={t("newEntry")}>
              {(p) => (
                <Textarea
                  {...p}
                  ref={newEntryRef}
                  dir="auto"
                  resize="vertical"
                  value={draft}
                  aria-describedby="new-entry-help"
                  onChange={(_, d) => writeDraft(d.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && !e.shiftKey) {
                      e.preventDefault();
                      void append();
                    } else if (e.key === "ArrowUp" && draft === "" && visible.length > 0) {
                      e.preventDefault();
                      const last = visible[visible.length - 1];
                      setSelected(last.seq);
                      entryRefs.current.get(last.seq)?.focus();
                    }
                  }}
                />
              )}
            </Field>
            <p id="new-entry-help" className={draftText.length > maxLength ? "field-error" : "meta"} role={draftText.length > maxLength ? "alert" : undefined}>
              {draftText.length > maxLength ? t("tooLong", { max: maxLength, count: draftText.length }) : t("characters", { count: draftText.length, max: maxLength })}
            </p>
            {draftFindings && (
              <AttributionFindings
                text={draftFindings.text}
                result={draftFindings.result}
                insist={draftFindings.insist}
                onRewording={(rewording) => {
                  writeDraft(rewording);
                  setChecked(null);
                  newEntryRef.current?.focus();
                }}
                onNotAttribution={() => void append(true)}
              />
            )}
          </div>
        )}
      </div>

      <Section title={t("signOff")}>
        {signOff && (
          <p role="status">
            {t("signOffStatus", {
              closed: signOff.closedSessionIds.length,
              total: sessions.length,
              unreviewed: signOff.unreviewed,
              approvals: signOff.approvals,
              needed: signOff.approvalsNeeded,
            })}
          </p>
        )}
        {m && m.notesApprovals.length > 0 && (
          <ul>
            {m.notesApprovals.map((a) => (
              <li key={a.approvedBy.personId} dir="auto">{t("approvedBy", { name: a.approvedBy.name })}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          {mayWrite && sessionId && !sessionClosed && (
            <Button onClick={() => void step((hub) => hub.closeSession(sessionId))}>{t("closeSession")}</Button>
          )}
          {mayWrite && sessionId && sessionClosed && (
            <Button onClick={() => void step((hub) => hub.reopenSession(sessionId))}>{t("reopenSession")}</Button>
          )}
          {access?.mayApprove && !finalized && !access.approved && (
            <Button appearance="primary" onClick={() => setDialog("approve")}>{t("approveNotes")}</Button>
          )}
          {access?.mayApprove && !finalized && access.approved && <p>{t("youApproved")}</p>}
          {access?.mayReopen && finalized && (
            <Button onClick={() => setDialog("reopen")}>{t("reopenNotes")}</Button>
          )}
        </div>
        {actionError && <p className="field-error" role="alert" dir="auto">{describeRefusal(actionError, language, maxLength)}</p>}
        {m?.viewerIsSecretariat && !finalized && (
          <Field label={t("attributionGuard")}>
            {(p) => (
              <Select {...p} value={m.attributionGuard} disabled={settings.isPending} onChange={(_, d) => setGuard(d.value as AttributionGuard)}>
                <option value="WARN">{t("guard_WARN")}</option>
                <option value="STRICT">{t("guard_STRICT")}</option>
              </Select>
            )}
          </Field>
        )}
        <FormError error={settings.error} />
        {!m?.viewerIsSecretariat && access?.strict && <p className="meta">{t("guard_STRICT")}</p>}
      </Section>

      <Dialog open={dialog !== null} onOpenChange={(_, d) => !d.open && setDialog(null)}>
        <DialogSurface>
          {dialog === "approve" && signOff && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setDialog(null);
                void step((hub) => hub.approve());
              }}
            >
              <DialogBody>
                <DialogTitle>{t("approveTitle")}</DialogTitle>
                <DialogContent>{t("approveExplained", { approvals: signOff.approvals, needed: signOff.approvalsNeeded })}</DialogContent>
                <DialogActions>
                  <Button appearance="primary" type="submit">{t("approveConfirm")}</Button>
                  <Button onClick={() => setDialog(null)}>{t("cancel")}</Button>
                </DialogActions>
              </DialogBody>
            </form>
          )}
          {dialog === "reopen" && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                setDialog(null);
                void step((hub) => hub.reopen(reason)).then(() => setReason(""));
              }}
            >
              <DialogBody>
                <DialogTitle>{t("reopenTitle")}</DialogTitle>
                <DialogContent>
                  <p>{t("reopenExplained")}</p>
                  <Field label={t("reason")} required>
                    {(p) => <Textarea {...p} dir="auto" resize="vertical" value={reason} onChange={(_, d) => setReason(d.value)} />}
                  </Field>
                </DialogContent>
                <DialogActions>
                  <Button appearance="primary" type="submit" disabled={reason.trim().length === 0}>{t("reopenConfirm")}</Button>
                  <Button onClick={() => setDialog(null)}>{t("cancel")}</Button>
                </DialogActions>
              </DialogBody>
            </form>
          )}
        </DialogSurface>
      </Dialog>

      <SummaryDownloads meetingId={meetingId} languages={meeting.data?.meeting.workingLanguages ?? []} />
    </article>
  );
}

interface PendingItemProps {
  change: PendingChange;
  max: number;
  onRewording: (rewording: string) => void;
  onNotAttribution: () => void;
  onRetry: () => void;
  onEdit: () => void;
  onDiscard: () => void;
}

/** A change made here that the server has not taken: waiting to be sent, or refused with the reason and what the writer can do. */
function PendingItem({ change, max, onRewording, onNotAttribution, onRetry, onEdit, onDiscard }: PendingItemProps) {
  const { t, language } = useI18n();
  const refusal = change.refusal;
  const text = change.kind === "delete" ? t("deletion") : change.text;
  return (
    <li className={refusal ? "pending refused" : "pending"}>
      <span dir="auto" className="entry-text" data-user-content={change.kind === "delete" ? undefined : true}>{text}</span>
      <span className="meta"> ({refusal ? t("notSaved") : t(change.kind === "append" ? "pendingSend" : "pendingChange")})</span>
      {refusal && (
        <div role="alert">
          {refusal.attribution && refusal.attribution.findings.length > 0 && change.kind !== "delete" ? (
            <AttributionFindings
              text={change.text}
              result={refusal.attribution}
              onRewording={onRewording}
              onNotAttribution={refusal.attribution.overrideAllowed ? onNotAttribution : undefined}
            />
          ) : (
            <p className="field-error" dir="auto">{describeRefusal(refusal, language, max)}</p>
          )}
          <div className="actions">
            {change.kind !== "delete" && <Button size="small" onClick={onEdit}>{t("edit")}</Button>}
            {!refusal.attribution && <Button size="small" onClick={onRetry}>{t("retry")}</Button>}
            <Button size="small" onClick={onDiscard}>{t("discard")}</Button>
          </div>
        </div>
      )}
    </li>
  );
}
