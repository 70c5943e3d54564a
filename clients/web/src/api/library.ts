import { graphql } from "../gql";
import type { LibraryQuery as LibraryData } from "../gql/graphql";
import { uploadProblem } from "./documents";
import { ApiError } from "./graphql";

/** A dialogue's library: the documents the viewer may read, each with its versions and a file per language. */
export const LibraryQuery = graphql(`
  query Library($key: String!) {
    library(key: $key) {
      id kind visibility version currentVersion languages addedAt
      titles { language text }
      versions { number variants { language url } }
    }
  }
`);
export type LibraryDocument = LibraryData["library"][number];
export type LibraryVersion = LibraryDocument["versions"][number];
export type LibraryVariant = LibraryVersion["variants"][number];

export const AddLibraryDocument = graphql(`
  mutation AddLibraryDocument($key: String!, $document: LibraryDocumentInput!, $idempotencyKey: String) {
    addLibraryDocument(key: $key, document: $document, idempotencyKey: $idempotencyKey) { id version }
  }
`);
export const UpdateLibraryDocument = graphql(`
  mutation UpdateLibraryDocument($key: String!, $documentId: ID!, $changes: LibraryDocumentChangesInput!, $expectedVersion: Int!) {
    updateLibraryDocument(key: $key, documentId: $documentId, changes: $changes, expectedVersion: $expectedVersion) { id version visibility }
  }
`);
export const RemoveLibraryDocument = graphql(`
  mutation RemoveLibraryDocument($key: String!, $documentId: ID!, $expectedVersion: Int!) {
    removeLibraryDocument(key: $key, documentId: $documentId, expectedVersion: $expectedVersion) { id }
  }
`);
export const AttachLibraryDocument = graphql(`
  mutation AttachLibraryDocument($id: ID!, $documentId: ID!) {
    result: attachLibraryDocument(id: $id, documentId: $documentId) { meeting { ...MeetingFields } warnings { code message values { name value } } }
  }
`);

/** A title in the viewer's language, else the first (the language the document was written in). */
export function titleIn(titles: readonly { language: string; text: string }[], language: string): { language: string; text: string } {
  return titles.find((t) => t.language === language) ?? titles[0] ?? { language, text: "" };
}

/**
 * The language of the file a reader of `language` gets, as the server chooses it (LibraryLanguages.Nearest):
 * that language's file; else the one in the language of the document's first title; else the first file added.
 * Null for a version without files.
 */
export function nearestLanguage(languages: readonly string[], titles: readonly { language: string }[], language: string): string | null {
  if (languages.length === 0) return null;
  if (languages.includes(language)) return language;
  const first = titles[0]?.language;
  if (first && languages.includes(first)) return first;
  return languages[0];
}

/** The address that downloads a document's current version in a language (or the nearest), as the server serves it. */
export function libraryDownloadPath(key: string, documentId: string, language: string, version?: number): string {
  const query = new URLSearchParams({ language });
  if (version != null) query.set("version", String(version));
  return `/dialogues/${encodeURIComponent(key)}/library/${encodeURIComponent(documentId)}?${query}`;
}

export interface VariantUpload {
  file: File;
  language: string;
  /** A new version that starts with this file, instead of adding it to the current one. */
  newVersion: boolean;
  /** The document's version read, so that a change made since is refused rather than overwritten. */
  expectedVersion: number;
}

/**
 * Uploads a document's file in a language (POST multipart to /dialogues/{key}/library/{id}/variants, as
 * LibraryEndpoints takes it); throws the server's refusal as an ApiError.
 */
export async function uploadVariant(key: string, documentId: string, upload: VariantUpload, fetcher: typeof fetch = fetch): Promise<{ id: string; version: number }> {
  const early = uploadProblem(upload.file);
  if (early) throw early;
  const form = new FormData();
  form.append("file", upload.file);
  form.append("language", upload.language);
  form.append("expectedVersion", String(upload.expectedVersion));
  if (upload.newVersion) form.append("version", "new");
  let response: Response;
  try {
    response = await fetcher(`/dialogues/${encodeURIComponent(key)}/library/${encodeURIComponent(documentId)}/variants`, { method: "POST", credentials: "same-origin", body: form });
  } catch {
    throw ApiError.of("NETWORK", "The server cannot be reached.");
  }
  let body: { id?: string; version?: number; code?: string; message?: string; field?: string; reason?: string; values?: Record<string, string> } = {};
  try {
    body = await response.json();
  } catch {
    // An answer without a body is judged by its status below.
  }
  if (response.ok && body.id) return { id: body.id, version: body.version ?? 0 };
  throw ApiError.of(body.code ?? (response.status >= 500 ? "UNAVAILABLE" : "ERROR"), body.message ?? `The server answered ${response.status}.`, body.field ?? undefined, body.reason ?? undefined, body.values ?? {});
}
