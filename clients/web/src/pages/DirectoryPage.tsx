import { Button, Input, MessageBar, MessageBarBody, MessageBarTitle, SearchBox, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, DeleteRegular, EditRegular, PersonAddRegular } from "@fluentui/react-icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { AddMember, DialogueCitiesQuery, DialogueQuery, ErasePerson, RemoveMember, SetMembership, importMembers, type Dialogue, type ImportProblem, type ImportReport, type Member, type Role } from "../api";
import type { ApiError, Problem } from "../api/graphql";
import { useGraphMutation, useGraphQuery } from "../api/hooks";
import { CheckboxGroup } from "../components/CheckboxGroup";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { DataTable } from "../components/DataTable";
import { Field, FormError, describe, fieldError } from "../components/Field";
import { Loading } from "../components/Loading";
import { FormDialog } from "../components/FormDialog";
import { LanguageSelect } from "../components/LanguageSelect";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import { changesOf } from "../draft";
import { downloadPersonalData } from "../download";
import type { MembershipInput } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import type { Language } from "../i18n/messages";
import { useLabel } from "../i18n/labels";
import { useNames } from "../i18n/names";
import { useViewer } from "../viewer";
import { useIsSecretariat } from "./DialoguePage";

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end", marginBlockEnd: tokens.spacingVerticalS },
  search: { minWidth: "min(16rem, 100%)" },
  // Columns that may shrink below their words on a phone, which then wrap instead of widening the page.
  focal: {
    display: "grid",
    gridTemplateColumns: "minmax(0, max-content) minmax(0, 1fr)",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
    overflowWrap: "anywhere",
  },
  focalNames: { margin: 0 },
  pair: { display: "contents" },
  without: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

const roles: Role[] = ["SECRETARIAT", "FOCAL_POINT", "DELEGATE", "AGENCY", "OBSERVER", "CITY_OFFICIAL"];
const personFields = ["name", "email", "preferredLanguage", "organisation", "jobTitle"];
const membershipFields = ["roles", "partnerStateCode", "organisationKey", "cityId"];

interface MembershipForm {
  roles: Role[];
  partnerStateCode: string;
  organisationKey: string;
  cityId: string;
}

const membershipOf = (m?: Member): MembershipForm => ({
  roles: m?.roles ?? [],
  partnerStateCode: m?.partnerStateCode ?? "",
  organisationKey: m?.organisationKey ?? "",
  cityId: m?.cityId ?? "",
});

const membershipInput = (f: MembershipForm): MembershipInput => ({
  roles: f.roles,
  partnerStateCode: f.partnerStateCode || null,
  organisationKey: f.organisationKey || null,
  cityId: f.cityId || null,
});

/** What a member represents, in words: their partner state, agency or observer, or city. */
function useAffiliation(dialogue: Dialogue) {
  const names = useNames();
  const organisations = new Map([...dialogue.partnerAgencies, ...dialogue.observers].map((o) => [o.key, o.acronym ?? o.name]));
  return (m: Member) =>
    [
      m.partnerStateCode ? names.country(m.partnerStateCode, dialogue.partnerStates.find((s) => s.code === m.partnerStateCode)?.name) : null,
      m.organisationKey ? (organisations.get(m.organisationKey) ?? m.organisationKey) : null,
      m.city,
    ]
      .filter(Boolean)
      .join(" · ");
}

/** Roles, and what the roles require: a partner state, an agency or observer, a city chosen from the dialogue's. */
function MembershipFields({ dialogue, value, onChange, error }: { dialogue: Dialogue; value: MembershipForm; onChange: (f: MembershipForm) => void; error: unknown }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const names = useNames();
  const cities = useGraphQuery(DialogueCitiesQuery, { key: dialogue.key });
  const choices = [...(cities.data?.cities ?? [])].sort((a, b) => a.name.localeCompare(b.name, language));
  const needsState = value.roles.includes("DELEGATE") || value.roles.includes("FOCAL_POINT");
  const needsOrganisation = value.roles.includes("AGENCY") || value.roles.includes("OBSERVER");
  const needsCity = value.roles.includes("CITY_OFFICIAL");
  const states = dialogue.partnerStates.map((s) => ({ code: s.code, name: names.country(s.code, s.name) })).sort((a, b) => a.name.localeCompare(b.name, language));
  return (
    <>
      <CheckboxGroup
        label={t("roles")}
        required
        options={roles.map((r) => ({ value: r, label: label("DialogueRole", r) }))}
        selected={value.roles}
        onChange={(r) => onChange({ ...value, roles: r })}
        error={fieldError(error, "roles")}
      />
      <Field label={t("representsState")} required={needsState} hint={t("representsStateHint")} error={fieldError(error, "partnerStateCode")}>
        {(p) => (
          <Select {...p} value={value.partnerStateCode} onChange={(_, d) => onChange({ ...value, partnerStateCode: d.value })}>
            <option value="">{t("none")}</option>
            {states.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={t("representsOrganisation")} required={needsOrganisation} error={fieldError(error, "organisationKey")}>
        {(p) => (
          <Select {...p} value={value.organisationKey} onChange={(_, d) => onChange({ ...value, organisationKey: d.value })}>
            <option value="">{t("none")}</option>
            <optgroup label={t("partnerAgencies")}>
              {dialogue.partnerAgencies.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.acronym ?? o.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("observers")}>
              {dialogue.observers.map((o) => (
                <option key={o.key} value={o.key}>
                  {o.acronym ?? o.name}
                </option>
              ))}
            </optgroup>
          </Select>
        )}
      </Field>
      <Field
        label={t("city")}
        required={needsCity}
        hint={choices.length === 0 ? t("noCitiesToChoose") : t("cityOfficialHint")}
        error={fieldError(error, "cityId")}
      >
        {(p) => (
          <Select {...p} value={value.cityId} onChange={(_, d) => onChange({ ...value, cityId: d.value })}>
            <option value="">{t("none")}</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}

/** Adds a person to the directory (creating their account when the address has none). */
function AddMemberDialog({ dialogue }: { dialogue: Dialogue }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const emptyPerson = { name: "", email: "", preferredLanguage: language as string, organisation: "", jobTitle: "" };
  const [open, setOpen] = useState(false);
  const [person, setPerson] = useState(emptyPerson);
  const [membership, setMembership] = useState(membershipOf());
  const add = useGraphMutation(AddMember, () => {
    setOpen(false);
    notify(t("memberAdded", { name: person.name }));
  });
  const set = (key: keyof typeof emptyPerson) => (v: string) => setPerson((p) => ({ ...p, [key]: v }));
  return (
    <FormDialog
      trigger={<Button appearance="primary" icon={<PersonAddRegular />}>{t("addMember")}</Button>}
      title={t("addMember")}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setPerson(emptyPerson);
          setMembership(membershipOf());
          add.reset();
        }
      }}
      submit={t("addMember")}
      busy={add.isPending}
      error={add.error}
      fields={[...personFields, ...membershipFields]}
      onSubmit={() =>
        add.mutate({
          key: dialogue.key,
          person: { ...person, organisation: person.organisation.trim() || null, jobTitle: person.jobTitle.trim() || null },
          membership: membershipInput(membership),
        })
      }
    >
      <Field label={t("name")} required error={fieldError(add.error, "name")}>
        {(p) => <Input {...p} value={person.name} onChange={(_, d) => set("name")(d.value)} dir="auto" autoComplete="off" />}
      </Field>
      <Field label={t("email")} required hint={t("memberEmailHint")} error={fieldError(add.error, "email")}>
        {(p) => <Input {...p} type="email" value={person.email} onChange={(_, d) => set("email")(d.value)} dir="ltr" autoComplete="off" />}
      </Field>
      <Field label={t("preferredLanguage")} error={fieldError(add.error, "preferredLanguage")}>
        {(p) => <LanguageSelect {...p} value={person.preferredLanguage} onChange={set("preferredLanguage")} />}
      </Field>
      <Field label={t("organisation")} hint={t("organisationHint")} error={fieldError(add.error, "organisation")}>
        {(p) => <Input {...p} value={person.organisation} onChange={(_, d) => set("organisation")(d.value)} dir="auto" />}
      </Field>
      <Field label={t("jobTitle")} error={fieldError(add.error, "jobTitle")}>
        {(p) => <Input {...p} value={person.jobTitle} onChange={(_, d) => set("jobTitle")(d.value)} dir="auto" />}
      </Field>
      <MembershipFields dialogue={dialogue} value={membership} onChange={setMembership} error={add.error} />
    </FormDialog>
  );
}

/** Changes a member's roles and what they represent. */
function EditMemberDialog({ dialogue, member }: { dialogue: Dialogue; member: Member }) {
  const { t } = useI18n();
  const notify = useNotify();
  const name = member.person?.name ?? member.email ?? "";
  const [open, setOpen] = useState(false);
  const [membership, setMembership] = useState(membershipOf(member));
  const save = useGraphMutation(SetMembership, () => {
    setOpen(false);
    notify(t("membershipSaved", { name }));
  });
  return (
    <FormDialog
      trigger={
        <Button size="small" icon={<EditRegular />} aria-label={t("editMemberOf", { name })}>
          {t("edit")}
        </Button>
      }
      title={t("editMemberOf", { name })}
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setMembership(membershipOf(member));
          save.reset();
        }
      }}
      submit={t("save")}
      busy={save.isPending}
      error={save.error}
      fields={membershipFields}
      onSubmit={() =>
        save.mutate({ key: dialogue.key, personId: member.personId, membership: changesOf(membershipInput(membershipOf(member)), membershipInput(membership)) })
      }
    >
      <MembershipFields dialogue={dialogue} value={membership} onChange={setMembership} error={save.error} />
    </FormDialog>
  );
}

/** The national focal points of each partner state, and the states that have none yet. */
function FocalPoints({ dialogue }: { dialogue: Dialogue }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const names = useNames();
  const states = dialogue.partnerStates
    .map((s) => ({
      name: names.country(s.code, s.name),
      focal: dialogue.members.filter((m) => m.partnerStateCode === s.code && m.roles.includes("FOCAL_POINT")).map((m) => m.person?.name ?? m.email ?? ""),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, language));
  const withFocal = states.filter((s) => s.focal.length > 0);
  const without = states.filter((s) => s.focal.length === 0);
  return (
    <Section title={t("focalPoints")}>
      {withFocal.length === 0 ? (
        <p className="empty">{t("noFocalPoints")}</p>
      ) : (
        <dl className={styles.focal}>
          {withFocal.map((s) => (
            <div key={s.name} className={styles.pair}>
              <dt>{s.name}</dt>
              <dd className={styles.focalNames} dir="auto" data-user-content>
                {s.focal.join(", ")}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {without.length > 0 && (
        <p className={styles.without}>{t("statesWithoutFocalPoint", { count: without.length, states: without.map((s) => s.name).join(", ") })}</p>
      )}
    </Section>
  );
}

/** A line to mend in the user's language, as a refused field is said: its reason translated, with its values. */
function describeImportProblem(problem: ImportProblem, language: Language): string {
  const values = Object.fromEntries(problem.values.map((v) => [v.name, v.value]));
  return describe({ code: "VALIDATION", message: problem.message, reason: problem.reason ?? undefined, values } satisfies Problem, language);
}

/**
 * People and affiliations from a CSV file: checked first (every bad line reported), then imported; a file too
 * large for one request goes in parts (`importMembers`).
 */
function Import({ dialogueKey }: { dialogueKey: string }) {
  const { t, language } = useI18n();
  const [csv, setCsv] = useState("");
  const [report, setReport] = useState<ImportReport | null>(null);
  const client = useQueryClient();
  const run = useMutation<ImportReport, ApiError, { dryRun: boolean }>({
    mutationFn: ({ dryRun }) => importMembers(dialogueKey, csv, dryRun),
    onSuccess: async (done) => {
      setReport(done);
      await client.invalidateQueries();
    },
  });
  const lines = csv.trim() === "" ? 0 : csv.trim().split("\n").length - 1;
  return (
    <Section title={t("importCsv")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate({ dryRun: true });
        }}
      >
        <Field label={t("csvFile")} hint={t("csvFileHint")}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                // Read as UTF-8 (a byte order mark, as spreadsheets write one, is left out); it shows below, to check.
                setCsv(await file.text());
                setReport(null);
              }}
            />
          )}
        </Field>
        <Field label={t("csv")} hint={t("csvHint")} error={fieldError(run.error, "csv")}>
          {(p) => (
            <Textarea
              {...p}
              rows={6}
              value={csv}
              onChange={(_, d) => {
                setCsv(d.value);
                setReport(null);
              }}
              dir="ltr"
              resize="vertical"
            />
          )}
        </Field>
        <div className="actions">
          <Button type="submit" disabled={run.isPending || csv.trim() === ""}>
            {t("dryRun")}
          </Button>
          <Button
            appearance="primary"
            disabled={run.isPending || !report || !report.dryRun || report.problems.length > 0}
            onClick={() => run.mutate({ dryRun: false })}
          >
            {t("importNow")}
          </Button>
        </div>
      </form>
      <FormError error={run.error} fields={["csv"]} />
      {report && report.problems.length === 0 && (
        <p role="status">{report.dryRun ? t("importChecked", { count: lines }) : t("importOk", { count: report.imported })}</p>
      )}
      {report && report.problems.length > 0 && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("importProblems")}</MessageBarTitle>
            <ul>
              {report.problems.map((p, i) => (
                <li key={i}>
                  {t("line", { line: p.line })}: {p.field ? `${p.field}: ` : ""}
                  <span dir="auto">{describeImportProblem(p, language)}</span>
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </Section>
  );
}

/**
 * The dialogue's directory: who takes part, with their roles in words and what they represent, and the focal
 * points of each partner state. The secretariat adds members, changes their roles and removes them, and imports
 * many from CSV; administrators export a person's data and erase them on request.
 */
export function DirectoryPage() {
  const { key = "" } = useParams();
  const { data, error } = useGraphQuery(DialogueQuery, { key });
  if (!data) return <Loading error={error} />;
  return <Directory dialogue={data.dialogue} />;
}

function Directory({ dialogue: d }: { dialogue: Dialogue }) {
  const key = d.key;
  const { t, language } = useI18n();
  const styles = useStyles();
  const label = useLabel();
  const notify = useNotify();
  const administrator = useViewer()?.isAdministrator === true;
  const secretariat = useIsSecretariat(d.viewerRoles);
  const [search, setSearch] = useState("");
  const [role, setRole] = useState<Role | "">("");
  const [erased, setErased] = useState<string | null>(null);
  const remove = useGraphMutation(RemoveMember);
  const erase = useGraphMutation(ErasePerson);
  const affiliation = useAffiliation(d);
  const query = search.trim().toLocaleLowerCase(language);
  const members = d.members
    .filter((m) => !role || m.roles.includes(role))
    .filter((m) => !query || `${m.person?.name ?? ""} ${m.email ?? ""}`.toLocaleLowerCase(language).includes(query))
    .sort((a, b) => (a.person?.name ?? "").localeCompare(b.person?.name ?? "", language));

  return (
    <>
      <PageHeader
        title={t("directory")}
        meta={
          <span dir="auto" data-user-content>
            {d.name}
          </span>
        }
        crumbs={[
          { label: t("home"), to: "/" },
          { label: d.name, to: `/dialogues/${key}` },
        ]}
        actions={secretariat && <AddMemberDialog dialogue={d} />}
      />
      <FocalPoints dialogue={d} />
      <Section title={t("membersCount", { count: d.members.length })}>
        <div className={styles.filters}>
          <Field label={t("findMember")}>
            {(p) => <SearchBox {...p} className={styles.search} value={search} onChange={(_, v) => setSearch(v.value)} />}
          </Field>
          <Field label={t("role")}>
            {(p) => (
              <Select {...p} value={role} onChange={(_, v) => setRole(v.value as Role | "")}>
                <option value="">{t("allRoles")}</option>
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {label("DialogueRole", r)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        {erased && <p role="status">{t("erased", { name: erased })}</p>}
        <DataTable
          label={t("people")}
          rows={members}
          rowKey={(m) => m.personId}
          empty={d.members.length === 0 ? t("noMembers") : t("noMemberMatches")}
          columns={[
            {
              key: "name",
              header: t("name"),
              cell: (m) => (
                <span dir="auto" data-user-content>
                  {m.person?.name}
                </span>
              ),
            },
            {
              key: "email",
              header: t("email"),
              cell: (m) => (
                <span dir="ltr" data-user-content>
                  {m.person?.email ?? m.email}
                </span>
              ),
            },
            { key: "roles", header: t("roles"), cell: (m) => m.roles.map((r) => label("DialogueRole", r)).join(", ") },
            { key: "represents", header: t("represents"), cell: (m) => <span dir="auto">{affiliation(m)}</span> },
            ...(secretariat || administrator
              ? [
                  {
                    key: "actions",
                    header: t("actions"),
                    cell: (m: Member) => {
                      const name = m.person?.name ?? m.email ?? "";
                      return (
                        <div className="actions">
                          {secretariat && <EditMemberDialog dialogue={d} member={m} />}
                          {secretariat && (
                            <ConfirmDialog
                              trigger={
                                <Button size="small" icon={<DeleteRegular />} aria-label={t("removeName", { name })}>
                                  {t("remove")}
                                </Button>
                              }
                              title={t("removeMemberTitle", { name })}
                              confirm={t("remove")}
                              danger
                              onConfirm={async () => {
                                await remove.mutateAsync({ key, personId: m.personId, expectedVersion: d.version });
                                notify(t("removed", { name }));
                              }}
                            >
                              <p>{t("removeMemberExplained")}</p>
                            </ConfirmDialog>
                          )}
                          {administrator && (
                            <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => void downloadPersonalData(m.personId)} aria-label={t("exportDataOf", { name })}>
                              {t("exportData")}
                            </Button>
                          )}
                          {administrator && (
                            <ConfirmDialog
                              trigger={
                                <Button size="small" icon={<DeleteRegular />} aria-label={t("eraseOf", { name })}>
                                  {t("erase")}
                                </Button>
                              }
                              title={t("eraseOf", { name })}
                              confirm={t("eraseNow")}
                              danger
                              reason={{ label: t("eraseConfirm"), field: "email", type: "email" }}
                              onConfirm={async (email) => {
                                setErased(null);
                                await erase.mutateAsync({ personId: m.personId, email });
                                setErased(name);
                              }}
                            >
                              <p>{t("eraseExplained")}</p>
                            </ConfirmDialog>
                          )}
                        </div>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Section>
      {secretariat && <Import dialogueKey={key} />}
    </>
  );
}
