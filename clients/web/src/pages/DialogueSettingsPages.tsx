import { Button, Input, MessageBar, MessageBarBody, Select, Switch, Textarea } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, EditRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import {
  AddObserver,
  AddPartnerAgency,
  AddPartnerState,
  CreateDialogue,
  DialogueQuery,
  RemoveOrganisation,
  RemovePartnerState,
  UpdateDialogue,
  UpdatePartnerState,
  type Dialogue,
  type PartnerState,
} from "../api";
import { useGraphMutation, useGraphQuery } from "../api/hooks";
import { ChangedElsewhere } from "../components/ChangedElsewhere";
import { CheckboxGroup } from "../components/CheckboxGroup";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { DataTable } from "../components/DataTable";
import { Field, FormError, fieldError } from "../components/Field";
import { Loading } from "../components/Loading";
import type { Problem } from "../api/graphql";
import { FormDialog } from "../components/FormDialog";
import { PageHeader, Section } from "../components/Page";
import { TextListField } from "../components/TextListField";
import { useNotify } from "../components/Toasts";
import { changesOf, useDraft } from "../draft";
import type { DialogueSettingsInput, OrganisationInput, PartnerStateInput } from "../gql/graphql";
import { countryCodes, countryNamesOf } from "../i18n/countries";
import { useI18n } from "../i18n/i18n";
import { languages } from "../i18n/messages";
import { useNames } from "../i18n/names";
import { useViewer } from "../viewer";
import { useIsSecretariat } from "./DialoguePage";

interface Settings {
  name: string;
  description: string;
  workingLanguages: string[];
  regionalGroups: string[];
  pillars: string[];
  topics: string[];
  coChairsPerMeeting: number;
  strictCoChairBalance: boolean;
  coChairPairing: string[];
}

const settingsFields = ["name", "description", "workingLanguages", "regionalGroups", "pillars", "topics", "coChairsPerMeeting", "strictCoChairBalance", "coChairPairing"];

const settingsOf = (d: Dialogue): Settings => ({
  name: d.name,
  description: d.description ?? "",
  workingLanguages: d.workingLanguages,
  regionalGroups: d.regionalGroups,
  pillars: d.pillars,
  topics: d.topics,
  coChairsPerMeeting: d.coChairsPerMeeting,
  strictCoChairBalance: d.strictCoChairBalance,
  coChairPairing: d.coChairPairing,
});

const blank: Settings = {
  name: "",
  description: "",
  workingLanguages: [...languages],
  regionalGroups: [],
  pillars: [],
  topics: [],
  coChairsPerMeeting: 2,
  strictCoChairBalance: false,
  coChairPairing: [],
};

/** Empty text is "none" for the server. */
const input = (s: Settings): DialogueSettingsInput => ({
  ...s,
  description: s.description.trim() || null,
  // The form keeps each group in its place ("" for one not chosen yet); the server gets the groups chosen.
  coChairPairing: s.coChairPairing.filter((g) => g !== ""),
});

/** The fields of a dialogue's settings, each with the server's refusal beside it. */
function SettingsFields({ value, onChange, error }: { value: Settings; onChange: (update: (s: Settings) => Settings) => void; error: unknown }) {
  const { t, language } = useI18n();
  const names = useNames();
  const set = <K extends keyof Settings>(key: K) => (v: Settings[K]) => onChange((s) => ({ ...s, [key]: v }));
  return (
    <>
      <Field label={t("name")} required error={fieldError(error, "name")}>
        {(p) => <Input {...p} value={value.name} onChange={(_, d) => set("name")(d.value)} dir="auto" />}
      </Field>
      <Field label={t("description")} error={fieldError(error, "description")}>
        {(p) => <Textarea {...p} value={value.description} onChange={(_, d) => set("description")(d.value)} dir="auto" resize="vertical" rows={3} />}
      </Field>
      <CheckboxGroup
        label={t("workingLanguages")}
        required
        options={[...languages].map((l) => ({ value: l as string, label: names.language(l) })).sort((a, b) => a.label.localeCompare(b.label, language))}
        selected={value.workingLanguages}
        onChange={set("workingLanguages")}
        error={fieldError(error, "workingLanguages")}
      />
      <TextListField label={t("regionalGroups")} hint={t("regionalGroupsHint")} required values={value.regionalGroups} onChange={set("regionalGroups")} error={fieldError(error, "regionalGroups")} />
      <TextListField label={t("pillars")} values={value.pillars} onChange={set("pillars")} error={fieldError(error, "pillars")} />
      <TextListField label={t("topics")} hint={t("topicsHint")} values={value.topics} onChange={set("topics")} error={fieldError(error, "topics")} />
      <Field label={t("coChairsPerMeeting")} error={fieldError(error, "coChairsPerMeeting")}>
        {(p) => (
          <Select {...p} value={String(value.coChairsPerMeeting)} onChange={(_, d) => set("coChairsPerMeeting")(Number(d.value))}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {new Intl.NumberFormat(language).format(n)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <CoChairPairingField groups={value.regionalGroups} value={value.coChairPairing} onChange={set("coChairPairing")} error={fieldError(error, "coChairPairing")} />
      <Field label={t("coChairBalance")} hint={t("strictCoChairBalanceHint")} error={fieldError(error, "strictCoChairBalance")}>
        {(p) => (
          <Switch
            {...p}
            checked={value.strictCoChairBalance}
            onChange={(_, d) => set("strictCoChairBalance")(d.checked)}
            label={value.strictCoChairBalance ? t("strictCoChairBalance") : t("warnCoChairBalance")}
          />
        )}
      </Field>
    </>
  );
}

/**
 * The pairing of two regional groups the co-chairs come from, one each (the MTM pairs a European with an Arab
 * state), or none. Each group keeps its place while chosen; half a pairing is sent as it is, so the server's refusal
 * shows beside the field.
 */
function CoChairPairingField({ groups, value, onChange, error }: { groups: string[]; value: string[]; onChange: (pairing: string[]) => void; error: Problem | null }) {
  const { t } = useI18n();
  const [first = "", second = ""] = value;
  const choose = (index: 0 | 1) => (group: string) => {
    const next = index === 0 ? [group, second] : [first, group];
    onChange(next.every((g) => g === "") ? [] : next);
  };
  const select = (index: 0 | 1, current: string) => (p: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => (
    <Select {...p} value={current} onChange={(_, d) => choose(index)(d.value)}>
      <option value="">{t("noPairing")}</option>
      {groups.map((g) => (
        <option key={g} value={g}>
          {g}
        </option>
      ))}
    </Select>
  );
  return (
    <>
      <Field label={t("pairingFirst")} hint={t("coChairPairingHint")} error={error}>
        {select(0, first)}
      </Field>
      <Field label={t("pairingSecond")}>{select(1, second)}</Field>
    </>
  );
}

function SettingsSection({ dialogue }: { dialogue: Dialogue }) {
  const { t } = useI18n();
  const notify = useNotify();
  const draft = useDraft(settingsOf(dialogue), dialogue.version);
  const update = useGraphMutation(UpdateDialogue, (data) => {
    draft.saved(data.updateDialogue.version, draft.draft);
    notify(t("settingsSaved"));
  });
  return (
    <Section title={t("settings")}>
      <ChangedElsewhere draft={draft} message={t("changedElsewhere")} />
      <form
        noValidate
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ key: dialogue.key, settings: changesOf(input(draft.base), input(draft.draft)), expectedVersion: draft.version });
        }}
      >
        <SettingsFields value={draft.draft} onChange={draft.setDraft} error={update.error} />
        <div className="form-end">
          <FormError error={update.error} fields={settingsFields} />
          <Button type="submit" appearance="primary" disabled={update.isPending || !draft.dirty}>
            {t("saveSettings")}
          </Button>
        </div>
      </form>
    </Section>
  );
}

const stateFields = ["code", "name", "otherNames", "regionalGroup", "yearJoined"];

type StateForm = { code: string; name: string; otherNames: string[]; regionalGroup: string; yearJoined: string };

const stateInput = (f: StateForm): PartnerStateInput => ({
  code: f.code,
  name: f.name,
  otherNames: f.otherNames,
  regionalGroup: f.regionalGroup,
  yearJoined: f.yearJoined.trim() === "" ? null : Number(f.yearJoined),
});

/** Adds a partner state (chosen among the world's countries by name) or changes one. */
function PartnerStateDialog({ dialogue, state }: { dialogue: Dialogue; state?: PartnerState }) {
  const { t, language } = useI18n();
  const names = useNames();
  const notify = useNotify();
  const empty: StateForm = { code: "", name: "", otherNames: [], regionalGroup: dialogue.regionalGroups[0] ?? "", yearJoined: String(new Date().getFullYear()) };
  const initial: StateForm = state ? { ...state, yearJoined: state.yearJoined === null ? "" : String(state.yearJoined) } : empty;
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(initial);
  const done = () => {
    setOpen(false);
    notify(state ? t("partnerStateSaved", { name: names.country(form.code, form.name) }) : t("partnerStateAdded", { name: names.country(form.code, form.name) }));
  };
  const add = useGraphMutation(AddPartnerState, done);
  const change = useGraphMutation(UpdatePartnerState, done);
  const mutation = state ? change : add;
  const listed = new Set(dialogue.partnerStates.map((s) => s.code));
  const choices = countryCodes
    .filter((c) => !listed.has(c))
    .map((c) => ({ code: c, name: names.country(c) }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  const set = <K extends keyof StateForm>(key: K) => (v: StateForm[K]) => setForm((f) => ({ ...f, [key]: v }));
  const choose = (code: string) => {
    const known = countryNamesOf(code);
    setForm((f) => ({ ...f, code, name: known.en, otherNames: [...new Set([known.fr, known.ar])].filter((n) => n !== known.en) }));
  };
  const title = state ? t("editPartnerStateOf", { name: names.country(state.code, state.name) }) : t("addPartnerState");
  return (
    <FormDialog
      trigger={
        state ? (
          <Button size="small" icon={<EditRegular />} aria-label={title}>
            {t("edit")}
          </Button>
        ) : (
          <Button icon={<AddRegular />}>{t("addPartnerState")}</Button>
        )
      }
      title={title}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setForm(initial);
          mutation.reset();
        }
      }}
      submit={state ? t("save") : t("addPartnerState")}
      busy={mutation.isPending}
      error={mutation.error}
      fields={stateFields}
      onSubmit={() =>
        state
          ? change.mutate({ key: dialogue.key, partnerState: { ...changesOf(stateInput(initial), stateInput(form)), code: form.code }, expectedVersion: dialogue.version })
          : add.mutate({ key: dialogue.key, partnerState: stateInput(form) })
      }
    >
      {state ? (
        <p>
          {t("country")}: {names.country(state.code)}
        </p>
      ) : (
        <Field label={t("country")} required error={fieldError(mutation.error, "code")}>
          {(p) => (
            <Select {...p} value={form.code} onChange={(_, d) => choose(d.value)}>
              <option value="">{t("chooseCountry")}</option>
              {choices.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field label={t("nameInDirectory")} hint={t("nameInDirectoryHint")} required error={fieldError(mutation.error, "name")}>
        {(p) => <Input {...p} value={form.name} onChange={(_, d) => set("name")(d.value)} dir="auto" />}
      </Field>
      <TextListField label={t("otherNames")} hint={t("otherNamesHint")} values={form.otherNames} onChange={set("otherNames")} error={fieldError(mutation.error, "otherNames")} />
      <Field label={t("regionalGroup")} required error={fieldError(mutation.error, "regionalGroup")}>
        {(p) => (
          <Select {...p} value={form.regionalGroup} onChange={(_, d) => set("regionalGroup")(d.value)}>
            {dialogue.regionalGroups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("yearJoined")} error={fieldError(mutation.error, "yearJoined")}>
        {(p) => <Input {...p} type="number" inputMode="numeric" value={form.yearJoined} onChange={(_, d) => set("yearJoined")(d.value)} />}
      </Field>
    </FormDialog>
  );
}

function PartnerStatesSection({ dialogue }: { dialogue: Dialogue }) {
  const { t, language } = useI18n();
  const names = useNames();
  const notify = useNotify();
  const remove = useGraphMutation(RemovePartnerState);
  const rows = [...dialogue.partnerStates].sort((a, b) => names.country(a.code, a.name).localeCompare(names.country(b.code, b.name), language));
  return (
    <Section title={t("partnerStatesCount", { count: dialogue.partnerStates.length })} actions={<PartnerStateDialog dialogue={dialogue} />}>
      <DataTable
        label={t("partnerStates")}
        rows={rows}
        rowKey={(s) => s.code}
        empty={t("noPartnerStatesYet")}
        columns={[
          { key: "state", header: t("partnerState"), cell: (s) => names.country(s.code, s.name) },
          {
            key: "names",
            header: t("namesInDirectory"),
            cell: (s) => (
              <span dir="auto" data-user-content>
                {[s.name, ...s.otherNames].join(" · ")}
              </span>
            ),
          },
          { key: "group", header: t("regionalGroup"), cell: (s) => <span data-user-content dir="auto">{s.regionalGroup}</span> },
          { key: "year", header: t("yearJoined"), cell: (s) => (s.yearJoined === null ? "" : String(s.yearJoined)) },
          {
            key: "actions",
            header: t("actions"),
            cell: (s) => (
              <div className="actions">
                <PartnerStateDialog dialogue={dialogue} state={s} />
                <ConfirmDialog
                  trigger={
                    <Button size="small" icon={<DeleteRegular />} aria-label={t("removeName", { name: names.country(s.code, s.name) })}>
                      {t("remove")}
                    </Button>
                  }
                  title={t("removePartnerStateTitle", { name: names.country(s.code, s.name) })}
                  confirm={t("remove")}
                  danger
                  onConfirm={async () => {
                    await remove.mutateAsync({ key: dialogue.key, code: s.code, expectedVersion: dialogue.version });
                    notify(t("removed", { name: names.country(s.code, s.name) }));
                  }}
                >
                  <p>{t("removePartnerStateExplained")}</p>
                </ConfirmDialog>
              </div>
            ),
          },
        ]}
      />
    </Section>
  );
}

type Kind = "agency" | "observer";
const organisationFields = ["key", "name", "acronym", "yearJoined"];

/** Adds a partner agency or an observer. */
function OrganisationDialog({ dialogue, kind }: { dialogue: Dialogue; kind: Kind }) {
  const { t } = useI18n();
  const notify = useNotify();
  const empty = { key: "", name: "", acronym: "", yearJoined: String(new Date().getFullYear()) };
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(empty);
  const done = () => {
    setOpen(false);
    notify(t("organisationAdded", { name: form.acronym || form.name }));
  };
  const agency = useGraphMutation(AddPartnerAgency, done);
  const observer = useGraphMutation(AddObserver, done);
  const mutation = kind === "agency" ? agency : observer;
  const set = (key: keyof typeof empty) => (v: string) => setForm((f) => ({ ...f, [key]: v }));
  const organisation: OrganisationInput = {
    key: form.key.trim(),
    name: form.name,
    acronym: form.acronym.trim() || null,
    yearJoined: form.yearJoined.trim() === "" ? null : Number(form.yearJoined),
  };
  const title = kind === "agency" ? t("addPartnerAgency") : t("addObserver");
  return (
    <FormDialog
      trigger={<Button icon={<AddRegular />}>{title}</Button>}
      title={title}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setForm(empty);
          mutation.reset();
        }
      }}
      submit={title}
      busy={mutation.isPending}
      error={mutation.error}
      fields={organisationFields}
      onSubmit={() => mutation.mutate({ key: dialogue.key, organisation })}
    >
      <Field label={t("name")} required error={fieldError(mutation.error, "name")}>
        {(p) => <Input {...p} value={form.name} onChange={(_, d) => set("name")(d.value)} dir="auto" />}
      </Field>
      <Field label={t("acronym")} error={fieldError(mutation.error, "acronym")}>
        {(p) => <Input {...p} value={form.acronym} onChange={(_, d) => set("acronym")(d.value)} dir="auto" />}
      </Field>
      <Field label={t("organisationKey")} hint={t("keyHint")} required error={fieldError(mutation.error, "key")}>
        {(p) => <Input {...p} value={form.key} onChange={(_, d) => set("key")(d.value)} dir="ltr" />}
      </Field>
      <Field label={t("yearJoined")} error={fieldError(mutation.error, "yearJoined")}>
        {(p) => <Input {...p} type="number" inputMode="numeric" value={form.yearJoined} onChange={(_, d) => set("yearJoined")(d.value)} />}
      </Field>
    </FormDialog>
  );
}

function OrganisationsSection({ dialogue, kind }: { dialogue: Dialogue; kind: Kind }) {
  const { t } = useI18n();
  const notify = useNotify();
  const remove = useGraphMutation(RemoveOrganisation);
  const list = kind === "agency" ? dialogue.partnerAgencies : dialogue.observers;
  const title = kind === "agency" ? t("partnerAgencies") : t("observers");
  return (
    <Section title={title} actions={<OrganisationDialog dialogue={dialogue} kind={kind} />}>
      <DataTable
        label={title}
        rows={list}
        rowKey={(o) => o.key}
        empty={kind === "agency" ? t("noPartnerAgencies") : t("noObservers")}
        columns={[
          { key: "acronym", header: t("acronym"), cell: (o) => <span data-user-content dir="auto">{o.acronym}</span> },
          { key: "name", header: t("name"), cell: (o) => <span data-user-content dir="auto">{o.name}</span> },
          { key: "year", header: t("yearJoined"), cell: (o) => (o.yearJoined === null ? "" : String(o.yearJoined)) },
          {
            key: "actions",
            header: t("actions"),
            cell: (o) => (
              <ConfirmDialog
                trigger={
                  <Button size="small" icon={<DeleteRegular />} aria-label={t("removeName", { name: o.acronym ?? o.name })}>
                    {t("remove")}
                  </Button>
                }
                title={t("removeOrganisationTitle", { name: o.acronym ?? o.name })}
                confirm={t("remove")}
                danger
                onConfirm={async () => {
                  await remove.mutateAsync({ key: dialogue.key, organisationKey: o.key, expectedVersion: dialogue.version });
                  notify(t("removed", { name: o.acronym ?? o.name }));
                }}
              >
                <p>{t("removeOrganisationExplained")}</p>
              </ConfirmDialog>
            ),
          },
        ]}
      />
    </Section>
  );
}

/**
 * The secretariat's page for what a dialogue is: its settings (name, languages, regional groups, pillars,
 * topics, co-chairs and their balance), its partner states, partner agencies and observers.
 */
export function DialogueSettingsPage() {
  const { key = "" } = useParams();
  const { t } = useI18n();
  const { data, error } = useGraphQuery(DialogueQuery, { key });
  const secretariat = useIsSecretariat(data?.dialogue.viewerRoles);
  if (!data) return <Loading error={error} />;
  const d = data.dialogue;
  return (
    <>
      <PageHeader
        title={t("dialogueSettings")}
        meta={
          <span dir="auto" data-user-content>
            {d.name}
          </span>
        }
        crumbs={[
          { label: t("home"), to: "/" },
          { label: d.name, to: `/dialogues/${key}` },
        ]}
      />
      {!secretariat ? (
        <MessageBar intent="info">
          <MessageBarBody>{t("settingsForSecretariat")}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <SettingsSection dialogue={d} />
          <PartnerStatesSection dialogue={d} />
          <OrganisationsSection dialogue={d} kind="agency" />
          <OrganisationsSection dialogue={d} kind="observer" />
        </>
      )}
    </>
  );
}

/** An administrator starts a dialogue: its key and settings; its directory follows on its settings page. */
export function NewDialoguePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const notify = useNotify();
  const administrator = useViewer()?.isAdministrator === true;
  const [key, setKey] = useState("");
  const [settings, setSettings] = useState(blank);
  const create = useGraphMutation(CreateDialogue, (data) => {
    notify(t("dialogueCreated", { name: settings.name }));
    navigate(`/dialogues/${data.createDialogue.key}/settings`);
  });
  return (
    <>
      <PageHeader title={t("newDialogue")} meta={t("newDialogueIntro")} crumbs={[{ label: t("home"), to: "/" }]} />
      {!administrator ? (
        <MessageBar intent="info">
          <MessageBarBody>{t("newDialogueForAdministrators")}</MessageBarBody>
        </MessageBar>
      ) : (
        <form
          noValidate
          className="grid-form"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ key: key.trim(), settings: input(settings) });
          }}
        >
          <Field label={t("dialogueKey")} hint={t("keyHint")} required error={fieldError(create.error, "key")}>
            {(p) => <Input {...p} value={key} onChange={(_, d) => setKey(d.value)} dir="ltr" />}
          </Field>
          <SettingsFields value={settings} onChange={(update) => setSettings(update)} error={create.error} />
          <div className="form-end">
            <FormError error={create.error} fields={["key", ...settingsFields]} />
            <Button type="submit" appearance="primary" disabled={create.isPending}>
              {t("createDialogue")}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
