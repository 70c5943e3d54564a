import { HubConnectionBuilder, LogLevel } from "@microsoft/signalr";
import { useQueryClient, type Query, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { DialoguesQuery } from "../api";
import { useGraphQuery } from "../api/hooks";

/** The reads that list meetings (their keys start with the operation's name): read again when any meeting changes. */
const meetingLists = new Set(["Meetings", "MyMeetings", "MyAgenda", "Participation"]);

/**
 * Whether a cached read shows the meeting that changed (its variables name the meeting: the meeting page's
 * reads take `{ id }`) or lists meetings. Without a meeting id: every read that shows a meeting, for after a
 * reconnection, when changes may have been missed.
 */
export function showsMeeting(queryKey: readonly unknown[], meetingId?: string): boolean {
  const [name, variables] = queryKey;
  if (typeof name === "string" && meetingLists.has(name)) return true;
  const id = (variables as { id?: unknown } | undefined)?.id;
  if (typeof id !== "string") return false;
  // A meeting id is "{dialogue}/{meeting}": after a reconnection, reads of other such ids (groups, cities) are
  // read again too, which costs a request and loses nothing.
  return meetingId === undefined ? id.includes("/") : id === meetingId;
}

function invalidate(client: QueryClient, meetingId?: string) {
  void client.invalidateQueries({ predicate: (query: Query) => showsMeeting(query.queryKey, meetingId) });
}

/**
 * Keeps meeting pages and lists current: one connection to the meetings hub while the viewer is signed in,
 * following every dialogue they belong to. A change says only which meeting changed; the reads that show it
 * are fetched again, under the viewer's own access. Forms keep what is typed in them: they hold their own state.
 */
export function useLiveMeetings(signedIn: boolean) {
  const client = useQueryClient();
  const dialogues = useGraphQuery(DialoguesQuery, {}, { enabled: signedIn });
  const keys = signedIn ? (dialogues.data?.dialogues ?? []).map((d) => d.key).sort().join("\n") : "";

  useEffect(() => {
    if (!keys) return;
    const followed = keys.split("\n");
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const hub = new HubConnectionBuilder()
      .withUrl("/hubs/meetings")
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (r) => Math.min(500 * 2 ** r.previousRetryCount, 5000) })
      .configureLogging(LogLevel.Warning)
      .build();
    hub.on("MeetingChanged", (meetingId: string) => invalidate(client, meetingId));
    // A dialogue refused (no longer a member) is left out; the others still follow.
    const follow = () => Promise.all(followed.map((key) => hub.invoke("FollowDialogue", key).catch(() => undefined)));
    hub.onreconnected(async () => {
      await follow();
      invalidate(client);
    });
    const start = async (): Promise<void> => {
      if (stopped) return;
      try {
        await hub.start();
        await follow();
      } catch {
        if (!stopped) retry = setTimeout(() => void start(), 3000);
      }
    };
    hub.onclose(() => {
      // Automatic reconnection gave up (a long outage): start again, and read again what may have changed.
      if (stopped) return;
      retry = setTimeout(() => void start().then(() => invalidate(client)), 3000);
    });
    void start();
    return () => {
      stopped = true;
      clearTimeout(retry);
      void hub.stop();
    };
  }, [keys, client]);
}
