// Writers and viewers for the Hocuspocus peer, with the same load as the C# fan-out runs: one writer per
// meeting pushes entries to the meeting's Y.Array at a steady rate; viewers spread over the meetings note
// when each entry reaches them. Prints "measuring" when the measured phase starts, then one JSON line:
// { appends, latencies: [ms, ...] }.
import { HocuspocusProvider } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";

const args = Object.fromEntries(process.argv.slice(2).map(a => a.replace(/^--/, "").split("=")));
const url = args.url;
const meetings = Number(args.meetings);
const viewers = Number(args.viewers);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const warmUpSeconds = Number(args.warmup);
const payload = Number(args.payload);
const run = args.run ?? "run";

const padding = "x".repeat(Math.max(0, payload - 30));
const latencies = [];
let recording = false;

function connect(name, withAwareness) {
  // Given a url, the provider opens a socket of its own (one per client, as in a browser).
  const document = new Y.Doc();
  const provider = new HocuspocusProvider({ url, WebSocketPolyfill: WebSocket, name, document, ...(withAwareness ? {} : { awareness: null }) });
  const synced = new Promise(resolve => provider.on("synced", resolve));
  return { provider, document, synced };
}

const names = Array.from({ length: meetings }, (_, i) => `${run}/meeting-${i}`);
const clients = [];
for (let start = 0; start < viewers; start += 50) {
  const batch = [];
  for (let i = start; i < Math.min(viewers, start + 50); i++) {
    const client = connect(names[i % meetings], false);
    client.document.getArray("notes").observe(event => {
      if (!recording) return;
      const now = performance.now();
      for (const delta of event.changes.delta)
        for (const text of delta.insert ?? [])
          latencies.push(now - Number(text.slice(2, text.indexOf(";"))));
    });
    batch.push(client);
  }
  await Promise.all(batch.map(c => c.synced));
  clients.push(...batch);
}
// The writers keep awareness on, so every document has a connection that answers the provider's pings.
const writers = names.map(name => connect(name, true));
await Promise.all(writers.map(w => w.synced));

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

async function write(durationSeconds) {
  let appends = 0;
  const period = 1000 / rate;
  const perWriter = Math.floor(durationSeconds * rate);
  await Promise.all(writers.map(async (writer, index) => {
    const notes = writer.document.getArray("notes");
    // Spread the writers over the first period so they do not all fire at once.
    const first = performance.now() + period * index / meetings + period;
    for (let k = 0; k < perWriter; k++) {
      await sleep(Math.max(0, first + k * period - performance.now()));
      notes.push([`t=${performance.now()};${padding}`]);
      appends++;
    }
  }));
  return appends;
}

await write(warmUpSeconds);
await sleep(1000);
recording = true;
console.log("measuring");
const appends = await write(seconds);
await sleep(2000);
recording = false;
console.log("done");
for (const c of [...clients, ...writers])
  c.provider.destroy();
// Exit only once the (large) line is written: a pipe takes it in pieces.
const result = JSON.stringify({ appends, latencies: latencies.map(ms => Math.round(ms * 1000) / 1000) });
process.stdout.write(result + "\n", () => process.exit(0));
