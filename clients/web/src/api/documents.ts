import type { DocumentKind, MeetingVisibility } from "../gql/graphql";
import { ApiError } from "./graphql";

/** The largest file the server takes (MeetingDocuments.MaxSize), in MiB. */
export const maxUploadMiB = 25;

/** The media types the server takes (MeetingDocuments.AllowedContentTypes): office documents, PDF, text, images. */
export const acceptedUploadTypes = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
  "application/msword",
  "application/vnd.ms-powerpoint",
  "text/plain",
  "text/markdown",
  "image/png",
  "image/jpeg",
];

export interface Upload {
  file: File;
  title: string;
  kind: DocumentKind;
  visibility: MeetingVisibility;
  /** The same key for a retry of the same upload, so a lost answer does not add the document twice. */
  idempotencyKey: string;
}

/**
 * What the browser can tell before sending: a file too large or of a type the server refuses, said in the
 * person's language (the server's own refusal of these carries no reason to translate).
 */
export function uploadProblem(file: File | null): ApiError | null {
  if (!file) return ApiError.of("VALIDATION", "Choose a file.", "file", "REQUIRED");
  if (file.size === 0 || file.size > maxUploadMiB * 1024 * 1024)
    return ApiError.of("VALIDATION", `A file may be 1 byte to ${maxUploadMiB} MiB.`, "file", "FILE_SIZE", { max: String(maxUploadMiB) });
  if (!acceptedUploadTypes.includes(file.type))
    return ApiError.of("VALIDATION", `Files of type '${file.type}' are not accepted.`, "file", "FILE_TYPE");
  return null;
}

/**
 * Uploads a file to a meeting (POST multipart to /meetings/{dialogue}/{meeting}/documents, as
 * DocumentEndpoints takes it); answers the new document's id, or throws the server's refusal as an ApiError.
 */
export async function uploadDocument(meetingId: string, upload: Upload, fetcher: typeof fetch = fetch): Promise<{ id: string; url: string }> {
  const early = uploadProblem(upload.file);
  if (early) throw early;
  const form = new FormData();
  form.append("file", upload.file);
  form.append("title", upload.title.trim());
  form.append("kind", upload.kind);
  form.append("visibility", upload.visibility);
  let response: Response;
  try {
    response = await fetcher(`/meetings/${meetingId}/documents`, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Idempotency-Key": upload.idempotencyKey },
      body: form,
    });
  } catch {
    throw ApiError.of("NETWORK", "The server cannot be reached.");
  }
  let body: { id?: string; url?: string; code?: string; message?: string; field?: string; reason?: string; values?: Record<string, string> } = {};
  try {
    body = await response.json();
  } catch {
    // An answer without a body is judged by its status below.
  }
  if (response.ok && body.id) return { id: body.id, url: body.url ?? "" };
  throw ApiError.of(body.code ?? (response.status >= 500 ? "UNAVAILABLE" : "ERROR"), body.message ?? `The server answered ${response.status}.`, body.field ?? undefined, body.reason ?? undefined, body.values ?? {});
}
