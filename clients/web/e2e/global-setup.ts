import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stateFile, type ServerFacts } from "./server";

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * Starts the real server (as built by the test command) on loopback with the MTM demo dialogue, its own
 * database and mail folder, and waits until it is ready. The one-time setup link it prints is kept.
 */
export default async function globalSetup(): Promise<void> {
  const project = fileURLToPath(new URL("../../../src/Collaboration.Server", import.meta.url));
  const configuration = process.env.COLLABORATION_CONFIGURATION ?? (existsSync(join(project, "bin/Release/net10.0/Collaboration.Server.dll")) ? "Release" : "Debug");
  const dll = join(project, `bin/${configuration}/net10.0/Collaboration.Server.dll`);
  if (!existsSync(dll)) throw new Error(`Build the server first (${dll} is missing): the README's test command does.`);
  const folder = mkdtempSync(join(tmpdir(), "collaboration-e2e-"));
  const [http, silo, gateway] = [await freePort(), await freePort(), await freePort()];
  const baseURL = `http://127.0.0.1:${http}`;
  const mailDir = join(folder, "mail");
  const child = spawn("dotnet", [
    dll, "--demo",
    "--Urls", baseURL,
    "--Collaboration:PublicBaseUrl", baseURL,
    "--Storage:ConnectionString", `Data Source=${join(folder, "collaboration.db")}`,
    "--Mail:Directory", mailDir,
    "--Documents:Directory", join(folder, "documents"),
    "--Orleans:SiloPort", String(silo),
    "--Orleans:GatewayPort", String(gateway),
  ], { cwd: project, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ASPNETCORE_ENVIRONMENT: "Production" } });

  let output = "";
  const setupLink = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The server printed no setup link in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const link = output.match(/https?:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+/)?.[0];
      if (link) {
        clearTimeout(timer);
        done(link);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => fail(new Error(`The server exited with ${code}:\n${output}`)));
  });
  child.stdout.removeAllListeners("data");
  child.stderr.removeAllListeners("data");
  child.stdout.resume();
  child.stderr.resume();

  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseURL}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 120) throw new Error("The server did not become ready in 60 s.");
    await new Promise((r) => setTimeout(r, 500));
  }
  const facts: ServerFacts = { baseURL, setupLink, mailDir, pid: child.pid!, folder };
  writeFileSync(stateFile, JSON.stringify(facts));
  child.unref();
}
