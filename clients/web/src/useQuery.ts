import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { queryKey, useGraphQuery } from "./api/hooks";
import type { TypedDocumentString } from "./gql/graphql";

/**
 * A read through the app's cache, for pages that keep the answer of their own changes: `setData` puts a
 * mutation's answer in the cache, `reload` fetches again. A failed refetch keeps what is shown.
 */
export function useQuery<TData, TVariables>(document: TypedDocumentString<TData, TVariables>, variables: TVariables) {
  const client = useQueryClient();
  const query = useGraphQuery(document, variables);
  const key = JSON.stringify(queryKey(document, variables));
  const setData = useCallback((data: TData) => client.setQueryData(JSON.parse(key), data), [client, key]);
  const { refetch } = query;
  const reload = useCallback(async () => void (await refetch()), [refetch]);
  return { data: query.data ?? null, error: query.data ? null : query.error, reload, setData };
}
