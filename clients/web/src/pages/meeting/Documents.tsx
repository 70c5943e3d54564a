import { Button, Input, Link, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { AddDocumentLink, AttachLibraryDocument, LibraryQuery, RemoveDocument, titleIn, type Meeting, type MeetingDocument } from "../../api";
import { acceptedUploadTypes, maxUploadMiB, uploadDocument, type Upload } from "../../api/documents";
import type { ApiError } from "../../api/graphql";
import { useGraphQuery } from "../../api/hooks";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { EnumSelect } from "../../components/EnumSelect";
import { Field, FormError, fieldError } from "../../components/Field";
import { useNotify } from "../../components/Toasts";
import type { DocumentKind, MeetingVisibility } from "../../gql/graphql";
import { useI18n } from "../../i18n/i18n";
import { useLabel } from "../../i18n/labels";
import { formatInZone, viewerZone } from "../../time";
import { useMeetingChange } from "./common";

const kinds: DocumentKind[] = ["DISCUSSION_GUIDE", "BACKGROUND", "PRESENTATION", "CONCLUSIONS", "AGENDA", "CONCEPT_NOTE", "REPORT", "OTHER"];
const visibilities: MeetingVisibility[] = ["PARTICIPANTS", "DIALOGUE_MEMBERS", "PUBLIC"];

const useStyles = makeStyles({
  forms: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(min(20rem, 100%), 1fr))", gap: tokens.spacingHorizontalXXL },
  file: { maxInlineSize: "100%" },
});

/** A size in the viewer's language: "1.2 MB", "1,2 Mo", "١٫٢ ميغابايت". */
function size(bytes: number, language: string) {
  const [unit, value] = bytes >= 1_000_000 ? (["megabyte", bytes / 1_000_000] as const) : (["kilobyte", Math.max(bytes / 1000, 0.1)] as const);
  return new Intl.NumberFormat(language, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}

/** Uploads a file (multipart, with an idempotency key kept for retries of the same upload). */
function UploadForm({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const notify = useNotify();
  const client = useQueryClient();
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("BACKGROUND");
  const [visibility, setVisibility] = useState<MeetingVisibility>("PARTICIPANTS");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const upload = useMutation<{ id: string }, ApiError, Upload>({
    mutationFn: (u) => uploadDocument(meeting.id, u),
    onSuccess: async () => {
      notify(t("documentUploaded"));
      setFile(null);
      setTitle("");
      setKey(crypto.randomUUID());
      if (fileInput.current) fileInput.current.value = "";
      await client.invalidateQueries();
    },
  });
  const fileError = fieldError(upload.error, "file");
  return (
    <form noValidate
      aria-labelledby={`${fileId}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate({ file, title, kind, visibility, idempotencyKey: key });
      }}
    >
      <Subtitle2 as="h3" id={`${fileId}-heading`}>
        {t("uploadFile")}
      </Subtitle2>
      <Field label={t("file")} error={fileError} hint={t("fileHint", { max: maxUploadMiB })} required>
        {(p) => (
          <input
            {...p}
            ref={fileInput}
            className={styles.file}
            type="file"
            accept={acceptedUploadTypes.join(",")}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              // Another file is another upload.
              setKey(crypto.randomUUID());
              if (chosen && title === "") setTitle(chosen.name.replace(/\.[^.]+$/, ""));
            }}
          />
        )}
      </Field>
      <Field label={t("title")} error={fieldError(upload.error, "title")}>
        {(p) => <Input {...p} dir="auto" value={title} onChange={(_, d) => setTitle(d.value)} />}
      </Field>
      <Field label={t("kind")} error={fieldError(upload.error, "kind")}>
        {(p) => <EnumSelect {...p} enumName="DocumentKind" values={kinds} value={kind} onChange={setKind} />}
      </Field>
      <Field label={t("visibility")} error={fieldError(upload.error, "visibility")}>
        {(p) => <EnumSelect {...p} enumName="MeetingVisibility" values={visibilities} value={visibility} onChange={setVisibility} />}
      </Field>
      <FormError error={upload.error} fields={["file", "title", "kind", "visibility"]} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={!file || upload.isPending}>
          {t("upload")}
        </Button>
      </div>
    </form>
  );
}

/** Adds a document given by its address. */
function LinkForm({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const notify = useNotify();
  const headingId = useId();
  const [form, setForm] = useState({ title: "", url: "", kind: "BACKGROUND" as DocumentKind, visibility: "PARTICIPANTS" as MeetingVisibility });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const add = useMeetingChange(AddDocumentLink, () => {
    notify(t("linkAdded"));
    setForm({ ...form, title: "", url: "" });
    setKey(crypto.randomUUID());
  });
  return (
    <form noValidate
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ id: meeting.id, document: { ...form, title: form.title.trim(), url: form.url.trim() }, idempotencyKey: key });
      }}
    >
      <Subtitle2 as="h3" id={headingId}>
        {t("addLink")}
      </Subtitle2>
      <Field label={t("title")} error={fieldError(add.error, "title")} required>
        {(p) => <Input {...p} dir="auto" value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />}
      </Field>
      <Field label={t("address")} error={fieldError(add.error, "url")} required>
        {(p) => <Input {...p} type="url" dir="ltr" value={form.url} onChange={(_, d) => setForm({ ...form, url: d.value })} />}
      </Field>
      <Field label={t("kind")} error={fieldError(add.error, "kind")}>
        {(p) => <EnumSelect {...p} enumName="DocumentKind" values={kinds} value={form.kind} onChange={(kind) => setForm({ ...form, kind })} />}
      </Field>
      <Field label={t("visibility")} error={fieldError(add.error, "visibility")}>
        {(p) => <EnumSelect {...p} enumName="MeetingVisibility" values={visibilities} value={form.visibility} onChange={(visibility) => setForm({ ...form, visibility })} />}
      </Field>
      <FormError error={add.error} fields={["title", "url", "kind", "visibility"]} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={add.isPending}>
          {t("addLinkButton")}
        </Button>
      </div>
    </form>
  );
}

/** Lists a document of the dialogue's library among the meeting's documents; readers download it in their language. */
function AttachForm({ meeting }: { meeting: Meeting }) {
  const { t, language } = useI18n();
  const notify = useNotify();
  const headingId = useId();
  const dialogueKey = meeting.id.split("/")[0];
  const library = useGraphQuery(LibraryQuery, { key: dialogueKey });
  const attached = new Set(meeting.documents.map((d) => d.libraryDocumentId).filter(Boolean));
  const choices = (library.data?.library ?? []).filter((d) => !attached.has(d.id));
  const [chosen, setChosen] = useState("");
  const attach = useMeetingChange(AttachLibraryDocument, () => {
    notify(t("libraryDocumentAttached"));
    setChosen("");
  });
  return (
    <form noValidate aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) attach.mutate({ id: meeting.id, documentId: chosen });
      }}
    >
      <Subtitle2 as="h3" id={headingId}>{t("attachLibraryDocument")}</Subtitle2>
      <Field label={t("libraryDocument")} error={fieldError(attach.error, "documentId")} hint={choices.length === 0 ? t("libraryNothingToAttach") : undefined}>
        {(p) => (
          <Select {...p} value={chosen} onChange={(_, d) => setChosen(d.value)}>
            <option value="">{t("chooseLibraryDocument")}</option>
            {choices.map((d) => <option key={d.id} value={d.id} dir="auto" data-user-content>{titleIn(d.titles, language).text}</option>)}
          </Select>
        )}
      </Field>
      <FormError error={attach.error} fields={["documentId"]} />
      <div className="actions">
        <Button appearance="primary" type="submit" disabled={!chosen || attach.isPending}>{t("attachLibraryDocumentButton")}</Button>
      </div>
    </form>
  );
}

/** The meeting's documents the viewer may see, to download or open; the secretariat uploads, links and removes. */
export function Documents({ meeting, mayAdd, mayRemove }: { meeting: Meeting; mayAdd: boolean; mayRemove: boolean }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const notify = useNotify();
  const styles = useStyles();
  const remove = useMeetingChange(RemoveDocument);
  const guides = new Set(meeting.sessions.map((s) => s.discussionGuideDocumentId).filter(Boolean));
  return (
    <>
      <DataTable
        label={t("documents")}
        rows={meeting.documents}
        rowKey={(d) => d.id}
        empty={t("noDocuments")}
        columns={[
          {
            key: "title",
            header: t("title"),
            cell: (d: MeetingDocument) => (
              <Link
                href={d.libraryDocumentId && d.url ? `${d.url}?language=${language}` : d.url ?? undefined}
                dir="auto"
                data-user-content
                {...(d.fileName ? { download: d.fileName } : d.libraryDocumentId ? { download: "" } : { target: "_blank", rel: "noreferrer" })}
              >
                {d.title}
              </Link>
            ),
          },
          { key: "kind", header: t("kind"), cell: (d) => label("DocumentKind", d.kind) },
          { key: "visibility", header: t("visibility"), cell: (d) => label("MeetingVisibility", d.visibility) },
          {
            key: "file",
            header: t("fileOrLink"),
            cell: (d) =>
              d.fileName ? <span dir="auto">{d.size != null ? `${d.fileName} · ${size(d.size, language)}` : d.fileName}</span> : d.libraryDocumentId ? t("fromTheLibrary") : t("link"),
          },
          { key: "added", header: t("addedAt"), cell: (d) => formatInZone(d.addedAt, viewerZone(), language) },
          ...(mayRemove
            ? [
                {
                  key: "actions",
                  header: t("actions"),
                  cell: (d: MeetingDocument) =>
                    guides.has(d.id) ? (
                      <span className="meta">{t("guideOfSession")}</span>
                    ) : (
                      <ConfirmDialog
                        trigger={<Button size="small">{t("removeDocumentNamed", { title: d.title })}</Button>}
                        title={t("removeDocumentTitle")}
                        confirm={t("removeDocument")}
                        danger
                        onConfirm={async () => {
                          await remove.mutateAsync({ id: meeting.id, documentId: d.id });
                          notify(t("documentRemoved"));
                        }}
                      >
                        <p>{t("removeDocumentExplained", { title: d.title })}</p>
                      </ConfirmDialog>
                    ),
                },
              ]
            : []),
        ]}
      />
      {mayAdd && (
        <div className={styles.forms}>
          <UploadForm meeting={meeting} />
          <LinkForm meeting={meeting} />
          <AttachForm meeting={meeting} />
        </div>
      )}
    </>
  );
}
