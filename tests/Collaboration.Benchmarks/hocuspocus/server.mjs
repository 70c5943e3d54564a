// The peers: a stock Hocuspocus server on loopback. By default documents are kept in memory (no persistence
// extension). With --sqlite=<file> the stock SQLite extension (better-sqlite3) stores a document after every
// change (debounce 0: Hocuspocus otherwise waits 2 s and at most 10 s), the closest it comes to writing each
// entry as it arrives; it still sends a change to the other clients before storing it, and tells no writer
// when its change is stored.
// Prints "listening <port>" once it accepts connections; the benchmark reads that line.
import { Server } from "@hocuspocus/server";

const args = Object.fromEntries(process.argv.slice(2).map(a => a.replace(/^--/, "").split("=")));
const port = Number(args.port ?? 0);
const extensions = [];
if (args.sqlite) {
  const { SQLite } = await import("@hocuspocus/extension-sqlite");
  extensions.push(new SQLite({ database: args.sqlite }));
}
const server = new Server({ address: "127.0.0.1", port, quiet: true, stopOnSignals: true, extensions, ...(args.sqlite ? { debounce: 0 } : {}) });
await server.listen();
console.log(`listening ${server.address.port}`);
