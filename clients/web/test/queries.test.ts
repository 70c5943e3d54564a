import { QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api/graphql";
import { createQueryClient } from "../src/api/hooks";

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers each call after its own delay, unless the request is cancelled first. */
function server(answers: { after: number; answer: () => unknown }[]) {
  let calls = 0;
  const aborted: number[] = [];
  const fn = ({ signal }: { signal: AbortSignal }) => {
    const call = calls++;
    const { after, answer } = answers[Math.min(call, answers.length - 1)];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        try {
          resolve(answer());
        } catch (e) {
          reject(e);
        }
      }, after);
      signal.addEventListener("abort", () => {
        clearTimeout(timer);
        aborted.push(call);
        reject(new DOMException("aborted", "AbortError"));
      });
    });
  };
  return { fn, aborted, calls: () => calls };
}

describe("the app's cache", () => {
  it("never lets an older answer land after a newer one: a refetch cancels the request it replaces", async () => {
    const client = createQueryClient();
    const answers = server([
      { after: 1, answer: () => ({ version: 1 }) },
      { after: 150, answer: () => ({ version: 1, stale: true }) },
      { after: 10, answer: () => ({ version: 2 }) },
    ]);
    const observer = new QueryObserver(client, { queryKey: ["Meeting", { id: "m" }], queryFn: answers.fn });
    const seen: unknown[] = [];
    const stop = observer.subscribe((r) => r.data && seen.at(-1) !== r.data && seen.push(r.data));
    await wait(20);
    void observer.refetch(); // a slow read of the meeting as it was…
    await wait(20);
    await client.invalidateQueries(); // …then a change is taken, and every read is fetched again
    await wait(250);
    stop();
    expect(answers.aborted).toEqual([1]);
    expect(seen).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it("keeps what was shown when a refetch cannot reach the server, and tries again", async () => {
    const client = createQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 30 } });
    let online = true;
    const fn = async () => {
      if (!online) throw ApiError.of("NETWORK", "The server cannot be reached.");
      return { version: 1 };
    };
    const observer = new QueryObserver(client, { queryKey: ["Meeting", { id: "m" }], queryFn: fn });
    const stop = observer.subscribe(() => undefined);
    await wait(20);
    online = false;
    const refetch = observer.refetch();
    await wait(10);
    online = true;
    const result = await refetch;
    stop();
    expect(result.data).toEqual({ version: 1 });
    expect(result.error).toBeNull();
  });

  it("answers a refusal at once: not found is not retried, and is not a network error", async () => {
    const client = createQueryClient();
    let calls = 0;
    const fn = async () => {
      calls++;
      throw ApiError.of("NOT_FOUND", "No such meeting.");
    };
    const observer = new QueryObserver(client, { queryKey: ["Meeting", { id: "gone" }], queryFn: fn });
    const stop = observer.subscribe(() => undefined);
    await wait(50);
    const { error } = observer.getCurrentResult();
    stop();
    expect(calls).toBe(1);
    expect((error as ApiError).code).toBe("NOT_FOUND");
  });
});
