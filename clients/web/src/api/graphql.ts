import type { TypedDocumentString } from "../gql/graphql";

/** One refusal of the server: its code, the input field it names and the reason the app translates. */
export interface Problem {
  message: string;
  code: string;
  field?: string;
  /** What exactly was refused, as a key the app translates (ENDS_BEFORE_START, TOO_LONG, …). */
  reason?: string;
  values: Record<string, string>;
}

/**
 * The server's refusal of one request, with every problem it named: a form shows each beside its field at
 * once. `code` is the first problem's (NETWORK when the server could not be reached at all).
 */
export class ApiError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems[0]?.message ?? "The server refused the request.");
    this.problems = problems.length > 0 ? problems : [{ message: this.message, code: "ERROR", values: {} }];
  }
  get code() {
    return this.problems[0].code;
  }
  get field() {
    return this.problems[0].field;
  }
  get reason() {
    return this.problems[0].reason;
  }
  get values() {
    return this.problems[0].values;
  }
  static of(code: string, message: string, field?: string, reason?: string, values: Record<string, string> = {}) {
    return new ApiError([{ code, message, field, reason, values }]);
  }
}

/** Whether an error says the server could not be reached (then what is shown stays, and it is tried again). */
export const isNetworkError = (error: unknown) => error instanceof ApiError && error.code === "NETWORK";

/** The name of a GraphQL operation, from its text: the key of its cache entries and what tests list. */
export function operationName(document: { toString(): string }): string {
  return /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(String(document))?.[1] ?? "anonymous";
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; values?: Record<string, string> };
}

/** One POST to /graphql with the session cookie; answers the data or throws an ApiError with every problem. */
export async function request<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables?: TVariables,
  fetcher: typeof fetch = fetch,
  signal?: AbortSignal,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetcher("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: document.toString(), operationName: operationName(document), variables: variables ?? {} }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw ApiError.of("NETWORK", "The server cannot be reached.");
  }
  let body: { data?: TData | null; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw ApiError.of(response.status >= 500 ? "UNAVAILABLE" : "NETWORK", `The server answered ${response.status}.`);
  }
  if (body?.errors && body.errors.length > 0)
    throw new ApiError(
      body.errors.map((e) => ({
        message: e.message,
        code: e.extensions?.code ?? "ERROR",
        field: e.extensions?.field,
        reason: e.extensions?.reason,
        values: e.extensions?.values ?? {},
      })),
    );
  if (!body?.data) throw ApiError.of(response.status >= 500 ? "UNAVAILABLE" : "ERROR", `The server answered ${response.status} without data.`);
  return body.data;
}
