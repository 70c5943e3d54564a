import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

/** Where global setup left the running server's facts for the tests. */
export const stateFile = join(tmpdir(), "collaboration-e2e-server.json");

export interface ServerFacts {
  baseURL: string;
  setupLink: string;
  mailDir: string;
  pid: number;
  folder: string;
}

export function server(): ServerFacts {
  return JSON.parse(readFileSync(stateFile, "utf8")) as ServerFacts;
}

/** The newest sign-in link mailed to an address (the server writes mail to its pickup folder). */
export function latestSignInLink(email: string, notThis?: string): string | null {
  const { mailDir } = server();
  let files: string[];
  try {
    files = readdirSync(mailDir).filter((f) => f.endsWith(".eml"));
  } catch {
    return null;
  }
  const messages = files
    .map((f) => ({ path: join(mailDir, f), at: statSync(join(mailDir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .map((f) => readFileSync(f.path, "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "="));
  for (const message of messages) {
    if (!message.toLowerCase().includes(`to: ${email.toLowerCase()}`) && !message.toLowerCase().includes(`<${email.toLowerCase()}>`)) continue;
    const link = message.match(/https?:\/\/[^\s"<>]+\/sign-in\?token=[A-Za-z0-9_-]+/)?.[0];
    if (link && link !== notThis) return link;
  }
  return null;
}
