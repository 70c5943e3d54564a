import { Badge, Button, Card, Checkbox, Input, Link, Select, Subtitle2 } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useParams } from "react-router-dom";
import {
  AddLibraryDocument, LibraryQuery, RemoveLibraryDocument, UpdateLibraryDocument, libraryDownloadPath, nearestLanguage, titleIn, uploadVariant,
  type LibraryDocument, type VariantUpload,
} from "../api";
import { acceptedUploadTypes, maxUploadMiB } from "../api/documents";
import type { ApiError } from "../api/graphql";
import { useGraphMutation, useGraphQuery, useRequestKey } from "../api/hooks";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { EnumSelect } from "../components/EnumSelect";
import { Field, FormError, fieldError } from "../components/Field";
import { Loading } from "../components/Loading";
import { PageHeader, Section } from "../components/Page";
import { useNotify } from "../components/Toasts";
import { useDirectory } from "../directory";
import type { DocumentKind, MeetingVisibility } from "../gql/graphql";
import { useI18n } from "../i18n/i18n";
import { useLabel } from "../i18n/labels";
import { useNames } from "../i18n/names";
import { useIsSecretariat } from "./DialoguePage";

/** The kinds in the order the library shows them: what a meeting is prepared with first, what it produces last. */
const libraryKinds: DocumentKind[] = ["AGENDA", "CONCEPT_NOTE", "DISCUSSION_GUIDE", "PRESENTATION", "BACKGROUND", "REPORT", "CONCLUSIONS", "OTHER"];
const visibilities: MeetingVisibility[] = ["DIALOGUE_MEMBERS", "PUBLIC"];

/** Adds a file in one language to a document: to its current version, or as the start of a new version. */
function VariantForm({ dialogueKey, document, languages }: { dialogueKey: string; document: LibraryDocument; languages: string[] }) {
  const { t, language: viewerLanguage } = useI18n();
  const names = useNames();
  const notify = useNotify();
  const client = useQueryClient();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [language, setLanguage] = useState(() => languages.find((l) => !document.languages.includes(l)) ?? languages[0] ?? "en");
  const [newVersion, setNewVersion] = useState(false);
  const upload = useMutation<unknown, ApiError, VariantUpload>({
    mutationFn: (u) => uploadVariant(dialogueKey, document.id, u),
    onSuccess: async () => {
      notify(t("libraryFileAdded"));
      setFile(null);
      setNewVersion(false);
      if (fileInput.current) fileInput.current.value = "";
      await client.invalidateQueries();
    },
  });
  const title = titleIn(document.titles, viewerLanguage).text;
  return (
    <form noValidate aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate({ file, language, newVersion, expectedVersion: document.version });
      }}
    >
      <Subtitle2 as="h3" id={`${id}-heading`}>{t("libraryAddFileTo", { title })}</Subtitle2>
      <Field label={t("file")} error={fieldError(upload.error, "file")} hint={t("fileHint", { max: maxUploadMiB })} required>
        {(p) => <input {...p} ref={fileInput} type="file" accept={acceptedUploadTypes.join(",")} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
      </Field>
      <Field label={t("language")} error={fieldError(upload.error, "language")}>
        {(p) => (
          <Select {...p} value={language} onChange={(_, d) => setLanguage(d.value)}>
            {languages.map((l) => <option key={l} value={l}>{names.language(l)}</option>)}
          </Select>
        )}
      </Field>
      {document.currentVersion != null && (
        <Checkbox checked={newVersion} onChange={(_, d) => setNewVersion(d.checked === true)}
          label={t("libraryNewVersion", { number: document.currentVersion + 1 })} />
      )}
      <FormError error={upload.error} fields={["file", "language"]} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={!file || upload.isPending}>{t("upload")}</Button>
      </div>
    </form>
  );
}

/** One document: its title in the viewer's language, its languages, the download in the viewer's language or the nearest, earlier versions. */
function DocumentCard({ dialogueKey, document, manage, languages }: { dialogueKey: string; document: LibraryDocument; manage: boolean; languages: string[] }) {
  const { t, language } = useI18n();
  const names = useNames();
  const label = useLabel();
  const notify = useNotify();
  const title = titleIn(document.titles, language);
  const nearest = nearestLanguage(document.languages, document.titles, language);
  const update = useGraphMutation(UpdateLibraryDocument, () => notify(t("libraryVisibilityChanged")));
  const remove = useGraphMutation(RemoveLibraryDocument, () => notify(t("libraryRemoved")));
  const earlier = document.versions.filter((v) => v.number !== document.currentVersion).reverse();
  return (
    <Card className="outcome" aria-label={title.text}>
      <div className="outcome-head">
        <strong dir="auto" lang={title.language} data-user-content>{title.text}</strong>{" "}
        <Badge appearance="outline">{label("MeetingVisibility", document.visibility)}</Badge>
      </div>
      {nearest ? (
        <>
          <p className="meta">{t("libraryLanguages", { languages: names.list(document.languages.map((l) => names.language(l))) })}</p>
          <p>
            <Link href={libraryDownloadPath(dialogueKey, document.id, language)} download>
              {nearest === language ? t("libraryDownload") : t("libraryDownloadIn", { language: names.language(nearest) })}
            </Link>
            {nearest !== language && <span className="meta"> {t("libraryNotInYourLanguage")}</span>}
            {" · "}<span className="meta">{t("libraryVersionNumbered", { number: document.currentVersion ?? 0 })}</span>
          </p>
        </>
      ) : (
        <p className="meta">{t("libraryNoFileYet")}</p>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>{t("libraryEarlierVersions", { count: earlier.length })}</summary>
          <ul>
            {earlier.map((v) => (
              <li key={v.number}>
                {t("libraryVersionNumbered", { number: v.number })}:{" "}
                {v.variants.map((x, i) => (
                  <span key={x.language}>
                    {i > 0 && ", "}
                    <Link href={x.url} download>{names.language(x.language)}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {manage && (
        <>
          <VariantForm dialogueKey={dialogueKey} document={document} languages={languages} />
          <FormError error={update.error ?? remove.error} />
          <div className="actions">
            <Button size="small" disabled={update.isPending}
              onClick={() => update.mutate({ key: dialogueKey, documentId: document.id, expectedVersion: document.version,
                changes: { visibility: document.visibility === "PUBLIC" ? "DIALOGUE_MEMBERS" : "PUBLIC" } })}>
              {document.visibility === "PUBLIC" ? t("libraryMembersOnly") : t("libraryMakePublic")}
            </Button>
            <ConfirmDialog
              trigger={<Button size="small">{t("libraryRemoveNamed", { title: title.text })}</Button>}
              title={t("libraryRemoveTitle")}
              confirm={t("libraryRemove")}
              danger
              onConfirm={async () => {
                await remove.mutateAsync({ key: dialogueKey, documentId: document.id, expectedVersion: document.version });
              }}
            >
              <p>{t("libraryRemoveExplained", { title: title.text })}</p>
            </ConfirmDialog>
          </div>
        </>
      )}
    </Card>
  );
}

/** Adds a document to the library: what it is, its titles in the working languages, who may read it. */
function AddDocumentForm({ dialogueKey, languages }: { dialogueKey: string; languages: string[] }) {
  const { t } = useI18n();
  const names = useNames();
  const notify = useNotify();
  const id = useId();
  const [kind, setKind] = useState<DocumentKind>("CONCEPT_NOTE");
  const [visibility, setVisibility] = useState<MeetingVisibility>("DIALOGUE_MEMBERS");
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [requestKey, renew] = useRequestKey();
  const add = useGraphMutation(AddLibraryDocument, () => {
    notify(t("libraryDocumentAdded"));
    setTitles({});
    renew();
  });
  const titleFields = languages.map((l) => `titles.${l}`);
  return (
    <form noValidate aria-labelledby={id}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({
          key: dialogueKey,
          idempotencyKey: requestKey,
          document: { kind, visibility, titles: languages.filter((l) => titles[l]?.trim()).map((l) => ({ language: l, text: titles[l].trim() })) },
        });
      }}
    >
      <Subtitle2 as="h3" id={id}>{t("libraryAddDocument")}</Subtitle2>
      <Field label={t("kind")} error={fieldError(add.error, "kind")}>
        {(p) => <EnumSelect {...p} enumName="DocumentKind" values={libraryKinds} value={kind} onChange={setKind} />}
      </Field>
      {languages.map((l, i) => (
        <Field key={l} label={t("libraryTitleIn", { language: names.language(l) })} error={fieldError(add.error, `titles.${l}`) ?? (i === 0 ? fieldError(add.error, "titles") : null)}>
          {(p) => <Input {...p} dir="auto" lang={l} value={titles[l] ?? ""} onChange={(_, d) => setTitles({ ...titles, [l]: d.value })} />}
        </Field>
      ))}
      <Field label={t("visibility")} error={fieldError(add.error, "visibility")}>
        {(p) => <EnumSelect {...p} enumName="MeetingVisibility" values={visibilities} value={visibility} onChange={setVisibility} />}
      </Field>
      <FormError error={add.error} fields={["kind", "titles", "visibility", ...titleFields]} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={add.isPending}>{t("libraryAdd")}</Button>
      </div>
    </form>
  );
}

/**
 * A dialogue's library: its agendas, concept notes, discussion guides, presentations and reports, by kind, each
 * downloadable in the viewer's language or the nearest, with earlier versions; the secretariat adds documents and files.
 */
export function LibraryPage() {
  const { key = "" } = useParams();
  const { t, language } = useI18n();
  const label = useLabel();
  const { directory, error } = useDirectory(key);
  const library = useGraphQuery(LibraryQuery, { key });
  const secretariat = useIsSecretariat(directory?.dialogue.viewerRoles);
  if (!library.data || !directory) return <Loading error={library.error ?? error} />;
  const languages = directory.dialogue.workingLanguages;
  const documents = library.data.library;
  const byTitle = (a: LibraryDocument, b: LibraryDocument) => titleIn(a.titles, language).text.localeCompare(titleIn(b.titles, language).text, language);
  return (
    <article>
      <PageHeader title={t("libraryTitle")} crumbs={[{ label: directory.dialogue.name, to: `/dialogues/${key}` }]} />
      <p>{t("libraryExplained")}</p>
      {documents.length === 0 && <p>{t("libraryEmpty")}</p>}
      {libraryKinds.map((kind) => {
        const ofKind = documents.filter((d) => d.kind === kind).sort(byTitle);
        return ofKind.length === 0 ? null : (
          <Section key={kind} title={label("DocumentKind", kind)}>
            <ul className="outcomes">
              {ofKind.map((d) => (
                <li key={d.id}><DocumentCard dialogueKey={key} document={d} manage={secretariat} languages={languages} /></li>
              ))}
            </ul>
          </Section>
        );
      })}
      {secretariat && <AddDocumentForm dialogueKey={key} languages={languages} />}
    </article>
  );
}
