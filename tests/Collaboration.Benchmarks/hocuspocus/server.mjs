// The peer: a stock Hocuspocus server on loopback, documents kept in memory (no persistence extension).
// Prints "listening <port>" once it accepts connections; the benchmark reads that line.
import { Server } from "@hocuspocus/server";

const port = Number(process.argv[2] ?? 0);
const server = new Server({ address: "127.0.0.1", port, quiet: true, stopOnSignals: true });
await server.listen();
console.log(`listening ${server.address.port}`);
