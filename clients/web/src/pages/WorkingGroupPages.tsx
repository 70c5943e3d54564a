import { Badge, Button, Input, Link as FluentLink, Select, Textarea } from "@fluentui/react-components";
import { AddRegular, EditRegular, OpenRegular } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import {
  AddActionItem, AddWorkingGroupDocument, RecommendationToActionItem, CreateWorkingGroup, ScheduleWorkingGroupMeetings, SetActionItemStatus, SetWorkingGroupSeries, UpdateActionItem,
  UpdateWorkingGroup, WorkingGroupQuery, WorkingGroupsQuery, type ActionItem, type ActionItemStatus, type WorkingGroup,
} from "../api";
import { useGraphMutation, useGraphQuery, useRequestKey } from "../api/hooks";
import { ChoicePicker } from "../components/ChoicePicker";
import { DataTable } from "../components/DataTable";
import { DateField, DateTimeField } from "../components/DateTimeField";
import { EnumSelect } from "../components/EnumSelect";
import { Field, FormError, fieldError } from "../components/Field";
import { FormDialog } from "../components/FormDialog";
import { Loading } from "../components/Loading";
import { NumberField } from "../components/NumberField";
import { PageHeader, Section } from "../components/Page";
import { PersonPicker } from "../components/PersonPicker";
import { TimeZoneSelect } from "../components/TimeZoneSelect";
import { useNotify } from "../components/Toasts";
import { useDirectory, type Directory } from "../directory";
import type { MeetingFormat, WorkingGroupInput } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { listOf, useNames } from "../i18n/names";
import { readRule, repeatOf, repeats, ruleFor, type Repeat, type RuleInWords } from "../recurrence";
import { formatDate, formatLocalTime, weekdayName, zoneLabel, zonesOf } from "../time";
import { recommendationFrom } from "../outcomes";
import { useViewer } from "../viewer";

/** The dialogue's working groups, as a section of the dialogue page. */
export function WorkingGroupList({ dialogueKey, secretariat }: { dialogueKey: string; secretariat: boolean }) {
  const { t } = useI18n();
  const names = useNames();
  const { data, error } = useGraphQuery(WorkingGroupsQuery, { key: dialogueKey });
  return (
    <Section
      title={t("workingGroups")}
      actions={secretariat && <Link to={`/dialogues/${dialogueKey}/groups/new`}>{t("newWorkingGroup")}</Link>}
    >
      {!data ? (
        <Loading error={error} />
      ) : data.workingGroups.length === 0 ? (
        <p className="empty">{t("noGroups")}</p>
      ) : (
        <ul className="cards">
          {data.workingGroups.map((g) => (
            <li key={g.id}>
              <Link to={`/groups/${g.id}`} dir="auto" data-user-content>
                {g.name}
              </Link>
              {g.chairs.length > 0 && (
                <span className="meta"> · {t("chairedBy", { names: names.list(g.chairs.map((c) => c.name)) })}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

interface GroupDraft {
  name: string;
  mandate: string;
  partnerStateCodes: string[];
  organisationKeys: string[];
  personIds: string[];
  chairIds: string[];
}

const groupFields = ["groupKey", "name", "mandate", "partnerStateCodes", "organisationKeys", "personIds", "chairIds"];

/** A working group's name, mandate, members and chairs, as it is created and as the secretariat changes it. */
function GroupForm({ directory, initial, withKey, submit, error, busy, onCancel }: {
  directory: Directory;
  initial: GroupDraft;
  /** Asks for the group's short key (when it is created). */
  withKey?: boolean;
  submit: { label: string; run: (group: WorkingGroupInput, groupKey: string) => void };
  error: unknown;
  busy: boolean;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [groupKey, setGroupKey] = useState("");
  const set = <K extends keyof GroupDraft>(name: K, value: GroupDraft[K]) => setDraft({ ...draft, [name]: value });
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit.run(draft, groupKey);
      }}
    >
      <div className="grid-form">
        <Field label={t("name")} required error={fieldError(error, "name")}>
          {(p) => <Input {...p} value={draft.name} onChange={(_, d) => set("name", d.value)} dir="auto" />}
        </Field>
        {withKey && (
          <Field label={t("groupKey")} required error={fieldError(error, "groupKey")} hint={t("groupKeyHint")}>
            {(p) => <Input {...p} value={groupKey} onChange={(_, d) => setGroupKey(d.value)} dir="ltr" />}
          </Field>
        )}
      </div>
      <Field label={t("mandate")} required error={fieldError(error, "mandate")}>
        {(p) => <Textarea {...p} rows={4} resize="vertical" value={draft.mandate} onChange={(_, d) => set("mandate", d.value)} dir="auto" />}
      </Field>
      <div className="grid-form">
        <ChoicePicker
          label={t("memberStates")}
          choices={directory.stateChoices()}
          selected={draft.partnerStateCodes}
          onChange={(v) => set("partnerStateCodes", v)}
          error={fieldError(error, "partnerStateCodes")}
        />
        <ChoicePicker
          label={t("memberOrganisations")}
          choices={directory.organisationChoices()}
          selected={draft.organisationKeys}
          onChange={(v) => set("organisationKeys", v)}
          error={fieldError(error, "organisationKeys")}
        />
        <PersonPicker
          label={t("memberPeople")}
          hint={t("memberPeopleHint")}
          people={directory.peopleChoices()}
          selected={draft.personIds}
          onChange={(v) => set("personIds", v)}
          error={fieldError(error, "personIds")}
        />
        <PersonPicker
          label={t("chairs")}
          people={directory.peopleChoices()}
          selected={draft.chairIds}
          onChange={(v) => set("chairIds", v)}
          error={fieldError(error, "chairIds")}
          max={4}
        />
      </div>
      <FormError error={error} fields={groupFields} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={busy}>
          {submit.label}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t("cancel")}</Button>}
      </div>
    </form>
  );
}

const emptyGroup: GroupDraft = { name: "", mandate: "", partnerStateCodes: [], organisationKeys: [], personIds: [], chairIds: [] };

export function NewWorkingGroupPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { directory, error } = useDirectory(key);
  const create = useGraphMutation(CreateWorkingGroup, (data) => navigate(`/groups/${data.createWorkingGroup.id}`));
  if (!directory) return <Loading error={error} />;
  return (
    <>
      <PageHeader title={t("newWorkingGroup")} crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${key}` }]} />
      <GroupForm
        directory={directory}
        initial={emptyGroup}
        withKey
        error={create.error}
        busy={create.isPending}
        submit={{ label: t("createGroup"), run: (group, groupKey) => create.mutate({ key, groupKey, group }) }}
      />
    </>
  );
}

/**
 * What the viewer may do with a group. The server's rules: the secretariat changes the group and schedules its
 * meetings; its chairs and the secretariat keep its series, documents and action items.
 */
function groupPermissions(g: WorkingGroup, directory: Directory) {
  return {
    update: directory.secretariat,
    setSeries: g.viewerMayManage,
    scheduleMeetings: directory.secretariat && g.series !== null,
    addDocument: g.viewerMayManage,
    addActionItem: g.viewerMayManage,
  };
}

/** Where an action item may go from where it stands. */
const next: Record<ActionItemStatus, ActionItemStatus[]> = {
  OPEN: ["IN_PROGRESS", "DONE", "CANCELLED"],
  IN_PROGRESS: ["DONE", "CANCELLED"],
  DONE: ["OPEN"],
  CANCELLED: ["OPEN"],
};

/** The moves the viewer may make: its owner starts and finishes it; the chairs and the secretariat also cancel and reopen. */
function movesFor(item: ActionItem, manager: boolean, viewerId: string | undefined): ActionItemStatus[] {
  return next[item.status].filter((to) => manager || (item.ownerId === viewerId && (to === "DONE" || (to === "IN_PROGRESS" && item.status === "OPEN"))));
}

/** Whether a member of the dialogue belongs to the group: named, chairing, or through their state or organisation. */
function memberOf(g: WorkingGroup) {
  return (m: Directory["dialogue"]["members"][number]) =>
    g.personIds.includes(m.personId)
    || g.chairs.some((c) => c.personId === m.personId)
    || (m.partnerStateCode !== null && g.partnerStateCodes.includes(m.partnerStateCode))
    || (m.organisationKey !== null && g.organisationKeys.includes(m.organisationKey));
}

export function WorkingGroupPage() {
  const { dialogue = "", key = "" } = useParams();
  const id = `${dialogue}/${key}`;
  const { t } = useI18n();
  const names = useNames();
  const notify = useNotify();
  const group = useGraphQuery(WorkingGroupQuery, { id });
  const { directory, error } = useDirectory(dialogue);
  const [editing, setEditing] = useState(false);
  const update = useGraphMutation(UpdateWorkingGroup, () => {
    setEditing(false);
    notify(t("saved"));
  });
  if (!group.data || !directory) return <Loading error={group.error ?? error} />;
  const g = group.data.workingGroup;
  const may = groupPermissions(g, directory);
  const listOr = (items: string[]) => (items.length > 0 ? names.list(items) : t("none"));

  return (
    <article>
      <PageHeader
        title={<span data-user-content>{g.name}</span>}
        crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${dialogue}` }]}
        actions={may.update && !editing && (
          <Button icon={<EditRegular />} onClick={() => setEditing(true)}>
            {t("editGroup")}
          </Button>
        )}
      />
      {editing ? (
        <Section title={t("editGroup")}>
          <GroupForm
            directory={directory}
            initial={{ name: g.name, mandate: g.mandate, partnerStateCodes: g.partnerStateCodes, organisationKeys: g.organisationKeys, personIds: g.personIds, chairIds: g.chairs.map((c) => c.personId) }}
            error={update.error}
            busy={update.isPending}
            onCancel={() => {
              update.reset();
              setEditing(false);
            }}
            submit={{ label: t("save"), run: (input) => update.mutate({ id, group: input, expectedVersion: g.version }) }}
          />
        </Section>
      ) : (
        <Section title={t("mandateAndMembers")}>
          <p className="prose" dir="auto" data-user-content>
            {g.mandate}
          </p>
          <dl className="facts">
            <dt>{t("chairs")}</dt>
            <dd>{listOr(g.chairs.map((c) => c.name))}</dd>
            <dt>{t("memberStates")}</dt>
            <dd>{listOr(g.partnerStateCodes.map(directory.stateName))}</dd>
            <dt>{t("memberOrganisations")}</dt>
            <dd>{listOr(g.organisationKeys.map(directory.organisationName))}</dd>
            <dt>{t("memberPeople")}</dt>
            <dd>{listOr(g.personIds.map(directory.personName))}</dd>
          </dl>
        </Section>
      )}
      <SeriesSection g={g} directory={directory} may={may} />
      <ActionItemsSection g={g} directory={directory} manager={g.viewerMayManage} may={may} />
      <DocumentsSection g={g} may={may} />
    </article>
  );
}

type Permissions = ReturnType<typeof groupPermissions>;

/** A rule in the viewer's words, or as it is written when the app cannot say it. */
function RuleText({ rule, first }: { rule: string; first: string }) {
  const { t, language } = useI18n();
  const read = readRule(rule, first);
  if (!read) return <code dir="ltr" data-user-content>{rule}</code>;
  return <>{ruleInWords(read, t, language)}</>;
}

function ruleInWords(read: RuleInWords, t: ReturnType<typeof useI18n>["t"], language: string): string {
  switch (read.kind) {
    case "weekly":
      return t("seriesWeekly", { interval: read.interval, weekdays: listOf(read.weekdays.map((d) => weekdayName(d, language)), language) });
    case "monthlyWeekday":
      return t("seriesMonthlyWeekday", { interval: read.interval, week: read.week, weekday: weekdayName(read.weekday, language) });
    case "monthlyDay":
      return t("seriesMonthlyDay", { interval: read.interval, day: read.day });
    case "yearly":
      return t("seriesYearly", { interval: read.interval });
  }
}

interface SeriesDraft {
  firstStartsLocal: string;
  repeat: Repeat;
  customRule: string;
  durationMinutes: number;
  format: MeetingFormat;
  hostCountry: string;
  city: string;
  venue: string;
  timeZone: string;
  onlineMeetingUrl: string;
}

const seriesFields = ["recurrenceRule", "firstStartsLocal", "durationMinutes", "format", "hostCountry", "city", "venue", "timeZone", "onlineMeetingUrl"];

/** When and where the group meets, the meetings of the series already scheduled, and scheduling the next ones. */
function SeriesSection({ g, directory, may }: { g: WorkingGroup; directory: Directory; may: Permissions }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const notify = useNotify();
  const s = g.series;
  const initial: SeriesDraft = {
    firstStartsLocal: s?.firstStartsLocal.slice(0, 16) ?? "",
    repeat: s ? repeatOf(s.recurrenceRule, s.firstStartsLocal) : "MONTHLY",
    customRule: s?.recurrenceRule ?? "",
    durationMinutes: s?.durationMinutes ?? 120,
    format: s?.format ?? "ONLINE",
    hostCountry: s?.hostCountry ?? g.partnerStateCodes[0] ?? "",
    city: s?.city ?? "",
    venue: s?.venue ?? "",
    timeZone: s?.timeZone ?? zonesOf(g.partnerStateCodes[0] ?? "")[0] ?? "",
    onlineMeetingUrl: "",
  };
  const [draft, setDraft] = useState(initial);
  const [count, setCount] = useState(2);
  const [scheduleKey, renewScheduleKey] = useRequestKey();
  const save = useGraphMutation(SetWorkingGroupSeries, () => notify(t("saved")));
  const schedule = useGraphMutation(ScheduleWorkingGroupMeetings, () => {
    renewScheduleKey();
    notify(t("meetingsScheduled"));
  });
  const set = <K extends keyof SeriesDraft>(name: K, value: SeriesDraft[K]) => setDraft({ ...draft, [name]: value });
  const rule = draft.repeat === "CUSTOM" ? draft.customRule : ruleFor(draft.repeat, draft.firstStartsLocal) ?? "";
  const error = save.error;

  return (
    <Section title={t("series")}>
      {s ? (
        <dl className="facts">
          <dt>{t("repeats")}</dt>
          <dd>
            <RuleText rule={s.recurrenceRule} first={s.firstStartsLocal} />
          </dd>
          <dt>{t("firstMeeting")}</dt>
          <dd>{t("meetingTime", { time: formatLocalTime(s.firstStartsLocal, language), zone: zoneLabel(s.timeZone, language) })}</dd>
          <dt>{t("duration")}</dt>
          <dd>{t("minutes", { count: s.durationMinutes })}</dd>
          <dt>{t("where")}</dt>
          <dd>
            <span dir="auto" data-user-content>{[s.venue, s.city].filter(Boolean).join(", ")}</span>
            {", "}
            {directory.stateName(s.hostCountry)} · {label("MeetingFormat", s.format)}
          </dd>
        </dl>
      ) : (
        <p className="empty">{t("noSeries")}</p>
      )}

      {may.setSeries && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              id: g.id,
              expectedVersion: g.version,
              series: {
                recurrenceRule: rule, firstStartsLocal: draft.firstStartsLocal, durationMinutes: draft.durationMinutes, format: draft.format,
                hostCountry: draft.hostCountry, city: draft.city, timeZone: draft.timeZone, venue: draft.venue || null,
                onlineMeetingUrl: draft.format !== "IN_PERSON" && draft.onlineMeetingUrl ? draft.onlineMeetingUrl : null,
              },
            });
          }}
        >
          <h3>{s ? t("changeSeries") : t("newSeries")}</h3>
          <div className="grid-form">
            <DateTimeField label={t("firstMeeting")} required value={draft.firstStartsLocal} onChange={(v) => set("firstStartsLocal", v)} error={fieldError(error, "firstStartsLocal")} />
            <Field label={t("repeats")} required error={draft.repeat === "CUSTOM" ? null : fieldError(error, "recurrenceRule")}>
              {(p) => (
                <Select {...p} value={draft.repeat} onChange={(_, d) => set("repeat", d.value as Repeat)}>
                  {repeats.map((r) => {
                    const built = r === "CUSTOM" ? null : ruleFor(r, draft.firstStartsLocal);
                    const read = built ? readRule(built, draft.firstStartsLocal) : null;
                    return (
                      <option key={r} value={r}>
                        {read ? ruleInWords(read, t, language) : t(`repeat_${r}`)}
                      </option>
                    );
                  })}
                </Select>
              )}
            </Field>
            {draft.repeat === "CUSTOM" && (
              <Field label={t("recurrenceRule")} required error={fieldError(error, "recurrenceRule")} hint={t("recurrenceRuleHint")}>
                {(p) => <Input {...p} value={draft.customRule} onChange={(_, d) => set("customRule", d.value)} dir="ltr" />}
              </Field>
            )}
            <NumberField label={t("durationMinutes")} required min={15} max={1440} step={15} value={draft.durationMinutes}
              onChange={(v) => set("durationMinutes", v ?? 0)} error={fieldError(error, "durationMinutes")} />
            <Field label={t("format")} required error={fieldError(error, "format")}>
              {(p) => <EnumSelect {...p} enumName="MeetingFormat" values={["ONLINE", "HYBRID", "IN_PERSON"]} value={draft.format} onChange={(v) => set("format", v)} />}
            </Field>
            <Field label={t("hostCountry")} required error={fieldError(error, "hostCountry")}>
              {(p) => (
                <Select {...p} value={draft.hostCountry} onChange={(_, d) => setDraft({ ...draft, hostCountry: d.value, timeZone: zonesOf(d.value)[0] ?? "" })}>
                  {!draft.hostCountry && <option value="" />}
                  {directory.stateChoices().map((c) => (
                    <option key={c.value} value={c.value}>{c.label}</option>
                  ))}
                </Select>
              )}
            </Field>
            <TimeZoneSelect label={t("timeZone")} country={draft.hostCountry} value={draft.timeZone} onChange={(v) => set("timeZone", v)} error={fieldError(error, "timeZone")} />
            <Field label={t("city")} required error={fieldError(error, "city")}>
              {(p) => <Input {...p} value={draft.city} onChange={(_, d) => set("city", d.value)} dir="auto" />}
            </Field>
            <Field label={t("venue")} error={fieldError(error, "venue")}>
              {(p) => <Input {...p} value={draft.venue} onChange={(_, d) => set("venue", d.value)} dir="auto" />}
            </Field>
            {draft.format !== "IN_PERSON" && (
              <Field label={t("onlineMeetingUrl")} error={fieldError(error, "onlineMeetingUrl")}>
                {(p) => <Input {...p} type="url" value={draft.onlineMeetingUrl} onChange={(_, d) => set("onlineMeetingUrl", d.value)} dir="ltr" />}
              </Field>
            )}
          </div>
          <FormError error={error} fields={seriesFields} />
          <Button appearance="primary" type="submit" disabled={save.isPending}>
            {t("saveSeries")}
          </Button>
        </form>
      )}

      <h3>{t("occurrences")}</h3>
      {g.occurrences.length === 0 ? (
        <p className="empty">{t("noOccurrences")}</p>
      ) : (
        <ul className="occurrences">
          {g.occurrences.map((o) => (
            <li key={o.meetingId}>
              <Link to={`/meetings/${o.meetingId}`}>{formatLocalTime(o.startsLocal, language)}</Link>
            </li>
          ))}
        </ul>
      )}
      {may.scheduleMeetings && (
        <div className="row">
          <NumberField label={t("howManyMeetings")} min={1} max={12} value={count} onChange={(v) => setCount(v ?? 1)} error={fieldError(schedule.error, "count")} />
          <Button appearance="primary" disabled={schedule.isPending} onClick={() => schedule.mutate({ id: g.id, count, idempotencyKey: scheduleKey })}>
            {t("scheduleNext", { count })}
          </Button>
        </div>
      )}
      <FormError error={schedule.error} fields={["count"]} />
    </Section>
  );
}

/** The group's action items: where each stands, moved by whom it belongs to; the chairs and the secretariat add them. */
function ActionItemsSection({ g, directory, manager, may }: { g: WorkingGroup; directory: Directory; manager: boolean; may: Permissions }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const viewer = useViewer();
  const notify = useNotify();
  const [item, setItem] = useState({ title: "", ownerId: "", dueDate: "" });
  const [addKey, renewAddKey] = useRequestKey();
  const added = () => {
    renewAddKey();
    setItem({ title: "", ownerId: "", dueDate: "" });
    notify(t("actionItemAdded"));
  };
  const add = useGraphMutation(AddActionItem, added);
  // Opened from a recommendation addressed to this group: the item is made from it, and each links to the other.
  const [search, setSearch] = useSearchParams();
  const from = recommendationFrom(search);
  const spawn = useGraphMutation(RecommendationToActionItem, () => {
    added();
    setSearch({}, { replace: true });
  });
  const sending = from ? spawn : add;
  const move = useGraphMutation(SetActionItemStatus);
  const owners = directory.peopleChoices(memberOf(g));

  return (
    <Section title={t("actionItems")}>
      <DataTable
        label={t("actionItems")}
        rowKey={(a) => a.id}
        rows={g.actionItems}
        empty={t("noActionItems")}
        columns={[
          {
            key: "title",
            header: t("title"),
            cell: (a) => (
              <>
                <span dir="auto" data-user-content>{a.title}</span>
                {a.fromRecommendation && (
                  <>
                    {" · "}
                    <Link to={`/meetings/${a.fromRecommendation.meetingId}?tab=outcomes`}>{t("fromRecommendation")}</Link>
                  </>
                )}
              </>
            ),
          },
          { key: "owner", header: t("owner"), cell: (a) => <span dir="auto">{a.ownerName}</span> },
          {
            key: "due",
            header: t("dueDate"),
            cell: (a) => (
              <>
                {formatDate(a.dueDate, language)}{" "}
                {a.overdue && <Badge appearance="tint" color="danger">{t("overdue")}</Badge>}
              </>
            ),
          },
          {
            key: "status",
            header: t("status"),
            cell: (a) => (
              <Badge appearance="outline" className="status" color={a.status === "DONE" ? "success" : a.status === "CANCELLED" ? "subtle" : "brand"}>
                {label("ActionItemStatus", a.status)}
              </Badge>
            ),
          },
          {
            key: "moves",
            header: t("itemActions"),
            cell: (a) => (
              <span className="actions">
                {may.addActionItem && <EditActionItem g={g} item={a} owners={owners} />}
                {movesFor(a, manager, viewer?.person.id).map((to) => (
                  <Button key={to} size="small" disabled={move.isPending}
                    onClick={() => move.mutate({ id: g.id, itemId: a.id, status: to, expectedVersion: g.version })}>
                    {t(`moveTo_${to}`)}
                  </Button>
                ))}
              </span>
            ),
          },
        ]}
      />
      <FormError error={move.error} />
      {may.addActionItem && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (from) spawn.mutate({ meetingId: from.meetingId, outcomeId: from.outcomeId, workingGroupId: g.id, item, idempotencyKey: addKey });
            else add.mutate({ id: g.id, item, idempotencyKey: addKey });
          }}
        >
          <h3>{t("newActionItem")}</h3>
          {from && <p role="note">{t("actionItemFromRecommendationNote")}</p>}
          <div className="grid-form">
            <Field label={t("title")} required error={fieldError(sending.error, "title")}>
              {(p) => <Input {...p} value={item.title} onChange={(_, d) => setItem({ ...item, title: d.value })} dir="auto" />}
            </Field>
            <Field label={t("owner")} required error={fieldError(sending.error, "ownerId")}>
              {(p) => (
                <Select {...p} value={item.ownerId} onChange={(_, d) => setItem({ ...item, ownerId: d.value })}>
                  <option value="" />
                  {owners.map((o) => (
                    <option key={o.personId} value={o.personId}>
                      {o.detail ? `${o.name} (${o.detail})` : o.name}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <DateField label={t("dueDate")} required value={item.dueDate} onChange={(v) => setItem({ ...item, dueDate: v })} error={fieldError(sending.error, "dueDate")} />
          </div>
          <FormError error={sending.error} fields={["title", "ownerId", "dueDate"]} />
          <Button appearance="primary" type="submit" icon={<AddRegular />} disabled={sending.isPending}>
            {t("addActionItem")}
          </Button>
        </form>
      )}
    </Section>
  );
}

/** Changes an action item's title, owner and due date (chairs and secretariat), in a dialog, at the group's version shown. */
function EditActionItem({ g, item, owners }: { g: WorkingGroup; item: ActionItem; owners: { personId: string; name: string; detail?: string | null }[] }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ title: item.title, ownerId: item.ownerId, dueDate: item.dueDate });
  const save = useGraphMutation(UpdateActionItem, () => {
    setOpen(false);
    notify(t("actionItemSaved"));
  });
  return (
    <FormDialog
      trigger={<Button size="small" icon={<EditRegular />}>{t("editActionItemOf", { title: item.title })}</Button>}
      title={t("editActionItem")}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) setForm({ title: item.title, ownerId: item.ownerId, dueDate: item.dueDate });
      }}
      submit={t("saveActionItem")}
      onSubmit={() => save.mutate({ id: g.id, itemId: item.id, item: form, expectedVersion: g.version })}
      busy={save.isPending}
      error={save.error}
      fields={["title", "ownerId", "dueDate"]}
    >
      <Field label={t("title")} required error={fieldError(save.error, "title")}>
        {(p) => <Input {...p} value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} dir="auto" />}
      </Field>
      <Field label={t("owner")} required error={fieldError(save.error, "ownerId")}>
        {(p) => (
          <Select {...p} value={form.ownerId} onChange={(_, d) => setForm({ ...form, ownerId: d.value })}>
            {owners.map((o) => (
              <option key={o.personId} value={o.personId}>
                {o.detail ? `${o.name} (${o.detail})` : o.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <DateField label={t("dueDate")} required value={form.dueDate} onChange={(v) => setForm({ ...form, dueDate: v })} error={fieldError(save.error, "dueDate")} />
    </FormDialog>
  );
}

/** The group's documents, as links; its chairs and the secretariat add them. */
function DocumentsSection({ g, may }: { g: WorkingGroup; may: Permissions }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [doc, setDoc] = useState({ title: "", url: "" });
  const [addKey, renewAddKey] = useRequestKey();
  const add = useGraphMutation(AddWorkingGroupDocument, () => {
    renewAddKey();
    setDoc({ title: "", url: "" });
    notify(t("documentAdded"));
  });
  return (
    <Section title={t("documents")}>
      {g.documents.length === 0 ? (
        <p className="empty">{t("noDocuments")}</p>
      ) : (
        <ul className="cards">
          {g.documents.map((d) => (
            <li key={d.id}>
              <FluentLink href={d.url} target="_blank" rel="noopener noreferrer" dir="auto" data-user-content>
                {d.title} <OpenRegular aria-hidden />
              </FluentLink>
            </li>
          ))}
        </ul>
      )}
      {may.addDocument && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ id: g.id, ...doc, idempotencyKey: addKey });
          }}
        >
          <h3>{t("addDocumentLink")}</h3>
          <div className="grid-form">
            <Field label={t("documentTitle")} required error={fieldError(add.error, "title")}>
              {(p) => <Input {...p} value={doc.title} onChange={(_, d) => setDoc({ ...doc, title: d.value })} dir="auto" />}
            </Field>
            <Field label={t("documentUrl")} required error={fieldError(add.error, "url")}>
              {(p) => <Input {...p} type="url" value={doc.url} onChange={(_, d) => setDoc({ ...doc, url: d.value })} dir="ltr" />}
            </Field>
          </div>
          <FormError error={add.error} fields={["title", "url"]} />
          <Button appearance="primary" type="submit" icon={<AddRegular />} disabled={add.isPending}>
            {t("addLink")}
          </Button>
        </form>
      )}
    </Section>
  );
}
