/**
 * The typed GraphQL layer: one POST per operation to /graphql with the session cookie. Errors keep the
 * server's code and the field it names, so forms can show a message next to the field.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    public readonly code: string,
    public readonly field?: string,
    /** What exactly was refused, as a key the app translates (ENDS_BEFORE_START, TOO_LONG, …). */
    public readonly reason?: string,
    public readonly values: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface Operation<TData, TVariables> {
  query: string;
  /** Carries the types only. */
  readonly __types?: [TData, TVariables];
}

export function operation<TData, TVariables = Record<string, never>>(query: string): Operation<TData, TVariables> {
  return { query };
}

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; values?: Record<string, string> };
}

export async function request<TData, TVariables>(
  op: Operation<TData, TVariables>,
  variables?: TVariables,
  fetcher: typeof fetch = fetch,
): Promise<TData> {
  let response: Response;
  try {
    response = await fetcher("/graphql", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json" },
      body: JSON.stringify({ query: op.query, variables: variables ?? {} }),
    });
  } catch {
    throw new ApiError("The server cannot be reached.", "NETWORK");
  }
  let body: { data?: TData | null; errors?: GraphQLErrorBody[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status}.`, "NETWORK");
  }
  const first = body.errors?.[0];
  if (first)
    throw new ApiError(first.message, first.extensions?.code ?? "ERROR", first.extensions?.field, first.extensions?.reason, first.extensions?.values ?? {});
  if (!body.data) throw new ApiError("The server sent no data.", "ERROR");
  return body.data;
}
