import { rmSync } from "node:fs";
import { server } from "./server";

export default async function globalTeardown(): Promise<void> {
  const { pid, folder } = server();
  try {
    process.kill(pid, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(folder, { recursive: true, force: true });
}
