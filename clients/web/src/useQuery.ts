import { useCallback, useEffect, useState } from "react";
import { request, type Operation } from "./api/graphql";

/** Runs a query when its variables change; reload() runs it again. */
export function useQuery<TData, TVariables>(op: Operation<TData, TVariables>, variables: TVariables) {
  const [data, setData] = useState<TData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(variables);
  const load = useCallback(async () => {
    try {
      setData(await request(op, JSON.parse(key) as TVariables));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [op, key]);
  useEffect(() => {
    void load();
  }, [load]);
  return { data, error, reload: load, setData };
}
