import { Button, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, CalendarAddRegular, DeleteRegular, KeyRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { AccessTokensQuery, CreateAccessToken, CreateCalendarFeed, RevokeAccessToken, RevokeCalendarFeed, UpdateMyProfile } from "../api";
import { useGraphMutation, useGraphQuery } from "../api/hooks";
import { ChangedElsewhere } from "../components/ChangedElsewhere";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { DataTable } from "../components/DataTable";
import { Field, FormError, fieldError } from "../components/Field";
import { LanguageSelect } from "../components/LanguageSelect";
import { PageHeader, Section } from "../components/Page";
import { SecretOnce } from "../components/SecretOnce";
import { useNotify } from "../components/Toasts";
import { downloadPersonalData } from "../download";
import { useDraft } from "../draft";
import type { ProfileChangesInput } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { viewerZone, zoneName } from "../time";
import { useViewer, type Viewer } from "../viewer";

const useStyles = makeStyles({
  explained: { maxWidth: "48rem" },
  // A native select is as wide as its longest option (a zone with its name); on a phone it must fit the screen.
  zone: { maxWidth: "100%", minWidth: 0, "& select": { maxWidth: "100%", textOverflow: "ellipsis" } },
  tokenForm: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "flex-end" },
});

/** The time zones the browser knows, by their IANA names (what the server stores). */
const zones: readonly string[] = Intl.supportedValuesOf("timeZone");

interface ProfileForm {
  name: string;
  jobTitle: string;
  organisation: string;
  preferredLanguage: string;
  timeZone: string;
}

const profileFields = ["name", "jobTitle", "organisation", "preferredLanguage", "timeZone"];

/** Only what the person changed, with an emptied optional field sent as null (the server keeps the rest). */
function profileChanges(before: ProfileForm, after: ProfileForm): ProfileChangesInput {
  const changes: ProfileChangesInput = {};
  if (after.name !== before.name) changes.name = after.name;
  if (after.preferredLanguage !== before.preferredLanguage) changes.preferredLanguage = after.preferredLanguage;
  for (const key of ["jobTitle", "organisation", "timeZone"] as const)
    if (after[key].trim() !== before[key].trim()) changes[key] = after[key].trim() || null;
  return changes;
}

/** The person as others see them in the directory and at meetings, and the language and clock they work in. */
function Details({ viewer }: { viewer: Viewer }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const p = viewer.person;
  const server: ProfileForm = {
    name: p.name,
    jobTitle: p.jobTitle ?? "",
    organisation: p.organisation ?? "",
    preferredLanguage: p.preferredLanguage,
    timeZone: p.timeZone ?? "",
  };
  const draft = useDraft(server, p.version);
  const save = useGraphMutation(UpdateMyProfile, (data) => {
    draft.saved(data.updateMyProfile.person.version, draft.draft);
    notify(t("profileSaved"));
  });
  const set = (key: keyof ProfileForm) => (v: string) => draft.setDraft((f) => ({ ...f, [key]: v }));
  // Each zone named as the viewer's language says it now, e.g. "Africa/Cairo · heure normale d’Europe de l’Est".
  const zoneChoices = useMemo(() => {
    const now = new Date();
    return { device: zoneName(viewerZone(), now, language), all: zones.map((z) => ({ id: z, label: `${z.replace(/_/g, " ")} · ${zoneName(z, now, language)}` })) };
  }, [language]);
  return (
    <Section title={t("aboutYou")}>
      <ChangedElsewhere draft={draft} message={t("profileChangedElsewhere")} />
      <form
        noValidate
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ expectedVersion: draft.version, profile: profileChanges(server, draft.draft) });
        }}
      >
        <Field label={t("name")} required hint={t("profileNameHint")} error={fieldError(save.error, "name")}>
          {(f) => <Input {...f} value={draft.draft.name} onChange={(_, d) => set("name")(d.value)} dir="auto" autoComplete="name" />}
        </Field>
        <Field label={t("jobTitle")} error={fieldError(save.error, "jobTitle")}>
          {(f) => <Input {...f} value={draft.draft.jobTitle} onChange={(_, d) => set("jobTitle")(d.value)} dir="auto" autoComplete="organization-title" />}
        </Field>
        <Field label={t("organisation")} hint={t("myOrganisationHint")} error={fieldError(save.error, "organisation")}>
          {(f) => <Input {...f} value={draft.draft.organisation} onChange={(_, d) => set("organisation")(d.value)} dir="auto" autoComplete="organization" />}
        </Field>
        <Field label={t("preferredLanguage")} hint={t("preferredLanguageHint")} error={fieldError(save.error, "preferredLanguage")}>
          {(f) => <LanguageSelect {...f} value={draft.draft.preferredLanguage} onChange={set("preferredLanguage")} />}
        </Field>
        <Field label={t("timeZone")} hint={t("timeZoneHint")} error={fieldError(save.error, "timeZone")}>
          {(f) => (
            <Select {...f} className={styles.zone} value={draft.draft.timeZone} onChange={(_, d) => set("timeZone")(d.value)}>
              <option value="">{t("timeZoneOfDevice", { zone: zoneChoices.device })}</option>
              {zoneChoices.all.map((z) => (
                <option key={z.id} value={z.id}>
                  {z.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <div className="form-end">
          <FormError error={save.error} fields={profileFields} />
          <Button type="submit" appearance="primary" disabled={save.isPending || !draft.dirty}>
            {t("save")}
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** The viewer's calendar subscription: a new secret address (shown once), or none. */
function CalendarFeed() {
  const { t } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const [address, setAddress] = useState<string | null>(null);
  const create = useGraphMutation(CreateCalendarFeed, (data) => setAddress(data.createCalendarFeed));
  const revoke = useGraphMutation(RevokeCalendarFeed);
  return (
    <Section title={t("calendarFeed")}>
      <p className={styles.explained}>{t("calendarFeedExplained")}</p>
      {address && <SecretOnce label={t("calendarFeedAddress")} value={address} explanation={t("calendarFeedShownOnce")} />}
      <FormError error={create.error} />
      <div className="actions">
        <Button appearance="primary" icon={<CalendarAddRegular />} disabled={create.isPending} onClick={() => create.mutate({})}>
          {t("createCalendarFeed")}
        </Button>
        <ConfirmDialog
          trigger={<Button icon={<DeleteRegular />}>{t("revokeCalendarFeed")}</Button>}
          title={t("revokeCalendarFeedTitle")}
          confirm={t("revokeCalendarFeed")}
          danger
          onConfirm={async () => {
            await revoke.mutateAsync({});
            setAddress(null);
            notify(t("calendarFeedRevoked"));
          }}
        >
          <p>{t("revokeCalendarFeedExplained")}</p>
        </ConfirmDialog>
      </div>
    </Section>
  );
}

/** Personal access tokens for scripts: listed with their expiry, made (the value shown once) and revoked. */
function AccessTokens() {
  const { t, language } = useI18n();
  const styles = useStyles();
  const notify = useNotify();
  const { data, error } = useGraphQuery(AccessTokensQuery, {});
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const create = useGraphMutation(CreateAccessToken, (result) => {
    setCreated({ name: result.createAccessToken.accessToken.name, token: result.createAccessToken.token });
    setName("");
  });
  const revoke = useGraphMutation(RevokeAccessToken);
  const date = new Intl.DateTimeFormat(language, { dateStyle: "medium" });
  return (
    <Section title={t("accessTokens")}>
      <p className={styles.explained}>{t("accessTokensExplained")}</p>
      {created && <SecretOnce label={t("accessTokenCreated", { name: created.name })} value={created.token} explanation={t("accessTokenShownOnce")} />}
      <FormError error={error} />
      {data && (
        <DataTable
          label={t("accessTokens")}
          rows={data.viewer?.accessTokens ?? []}
          rowKey={(x) => x.id}
          empty={t("noAccessTokens")}
          columns={[
            { key: "name", header: t("tokenName"), cell: (x) => <span dir="auto" data-user-content>{x.name}</span> },
            { key: "created", header: t("createdOn"), cell: (x) => date.format(new Date(x.createdAt)) },
            { key: "expires", header: t("expiresOn"), cell: (x) => date.format(new Date(x.expiresAt)) },
            {
              key: "actions",
              header: t("actions"),
              cell: (x) => (
                <ConfirmDialog
                  trigger={
                    <Button size="small" icon={<DeleteRegular />} aria-label={t("revokeTokenOf", { name: x.name })}>
                      {t("revoke")}
                    </Button>
                  }
                  title={t("revokeTokenTitle", { name: x.name })}
                  confirm={t("revoke")}
                  danger
                  onConfirm={async () => {
                    await revoke.mutateAsync({ id: x.id });
                    notify(t("tokenRevoked", { name: x.name }));
                  }}
                >
                  <p>{t("revokeTokenExplained")}</p>
                </ConfirmDialog>
              ),
            },
          ]}
        />
      )}
      <h3>{t("newAccessToken")}</h3>
      <form
        noValidate
        className={styles.tokenForm}
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, expiresInDays: Number(days) });
        }}
      >
        <Field label={t("tokenName")} hint={t("tokenNameHint")} required error={fieldError(create.error, "name")}>
          {(p) => <Input {...p} value={name} onChange={(_, d) => setName(d.value)} dir="auto" />}
        </Field>
        <Field label={t("validFor")} error={fieldError(create.error, "expiresInDays")}>
          {(p) => (
            <Select {...p} value={days} onChange={(_, d) => setDays(d.value)}>
              {[30, 90, 180, 365].map((n) => (
                <option key={n} value={n}>
                  {t("days", { count: n })}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" appearance="primary" icon={<KeyRegular />} disabled={create.isPending}>
          {t("createAccessToken")}
        </Button>
      </form>
      <FormError error={create.error} fields={["name", "expiresInDays"]} />
    </Section>
  );
}

/**
 * The viewer's own page: their profile, the calendar subscription for Outlook and other calendar programs,
 * access tokens for scripts, and everything the installation holds about them as one download.
 */
export function ProfilePage() {
  const { t } = useI18n();
  const styles = useStyles();
  const viewer = useViewer();
  if (!viewer) return null;
  return (
    <>
      <PageHeader
        title={t("myProfile")}
        meta={
          <span dir="ltr" data-user-content>
            {viewer.person.email}
          </span>
        }
        crumbs={[{ label: t("home"), to: "/" }]}
      />
      <Details key={viewer.person.id} viewer={viewer} />
      <CalendarFeed />
      <AccessTokens />
      <Section title={t("personalData")}>
        <p className={styles.explained}>{t("myDataExplained")}</p>
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() => void downloadPersonalData()}
        >
          {t("myData")}
        </Button>
      </Section>
    </>
  );
}
