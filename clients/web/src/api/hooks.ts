import { QueryClient, useMutation, useQueries, useQuery, useQueryClient, type UseQueryOptions } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, operationName, request } from "./graphql";

/** Refusals that another try cannot change: answered at once, never retried. */
const final = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "VALIDATION", "INVALID_STATE", "CONFLICT", "ERROR"]);

/**
 * The app's cache of server answers. A read that fails for the network is tried again (and what was shown
 * stays shown); a refusal is final. A refetch cancels the one it replaces, so an older answer never lands
 * after a newer one.
 */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (failures, error) => !(error instanceof ApiError && final.has(error.code)) && failures < 3,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 10_000),
      },
      mutations: { retry: false },
    },
  });
}

/** The cache key of a read: its operation's name and variables (mutations refresh every read that is shown). */
export const queryKey = (document: { toString(): string }, variables: unknown) => [operationName(document), variables ?? {}] as const;

/** A read through the cache. */
export function useGraphQuery<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options: Omit<UseQueryOptions<TData, ApiError>, "queryKey" | "queryFn"> = {},
) {
  return useQuery<TData, ApiError>({
    queryKey: queryKey(document, variables),
    queryFn: ({ signal }) => request(document, variables, fetch, signal),
    ...options,
  });
}

/**
 * A change. When the server has taken it, every read on screen is fetched again (their answers may all
 * depend on it); a refusal stays on the mutation for the form to show beside its fields.
 */
export function useGraphMutation<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, onDone?: (data: TData, variables: TVariables) => void) {
  const client = useQueryClient();
  return useMutation<TData, ApiError, TVariables>({
    mutationKey: [operationName(document)],
    mutationFn: (variables) => request(document, variables),
    onSuccess: async (data, variables) => {
      onDone?.(data, variables);
      await client.invalidateQueries();
    },
  });
}

/**
 * The idempotency key of a creating request (an action item, a document, a partnership): the same while the
 * same thing is being sent, so that sending again after a lost answer does not make it twice; `renew` after the
 * server took it, for the next one.
 */
export function useRequestKey(): [string, () => void] {
  const [key, setKey] = useState(() => crypto.randomUUID());
  return [key, useCallback(() => setKey(crypto.randomUUID()), [])];
}

/** The same read for several variables at once (one request each, cached apart), in the order given. */
export function useGraphQueries<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: TVariables[]) {
  return useQueries({
    queries: variables.map((v) => ({
      queryKey: queryKey(document, v),
      queryFn: ({ signal }: { signal: AbortSignal }) => request(document, v, fetch, signal),
    })),
  });
}
