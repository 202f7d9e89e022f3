// The production server as a child process: started on a given port and data
// directory, waited for, stopped gently or killed outright. Every child is
// tracked so the drill can end them all on the way out, whatever happened.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export type Server = {
  child: ChildProcess;
  port: number;
  origin: string;
  /** Resolves with the exit code, or the signal's name, once the process is gone. */
  exited: Promise<number | string>;
};

const live = new Set<ChildProcess>();

// Last resort: `exit` handlers must be synchronous, so no waiting here.
process.on("exit", () => {
  for (const child of live) killGroup(child);
});

/**
 * SIGKILL to the server and its workers at once (they share a process group),
 * as a power cut would: killing only the first process would let the workers
 * exit between two tasks instead of in the middle of one.
 */
export function killGroup(child: ChildProcess) {
  try {
    if (child.pid) process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

/** The first port in the range nothing listens on (others run servers on neighbouring ports). */
export async function findFreePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      // No host, like server.js: it binds every interface, so that is what must be free.
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port between ${from} and ${to}`);
}

export async function startServer(options: { root: string; port: number; dataDir: string; logFile: string }): Promise<Server> {
  const { root, port, dataDir, logFile } = options;
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    throw new Error("build/server/index.js is missing: run `npm run build` first");
  }
  // The drill's own settings must not leak in: the server finds its database under DATA_DIR and sends no mail.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: "true" };
  for (const name of ["DATABASE_PATH", "SMTP_URL", "PUBLIC_URL", "HOST", "TRUST_PROXY"]) delete env[name];
  const log = fs.openSync(logFile, "a");
  // Its own process group, so a kill reaches every worker.
  const child = spawn(process.execPath, ["server.js"], { cwd: root, env, stdio: ["ignore", log, log], detached: true });
  fs.closeSync(log); // the child holds its own descriptor
  live.add(child);
  const exited = new Promise<number | string>((resolve) => {
    child.once("exit", (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? "unknown");
    });
  });
  const server: Server = { child, port, origin: `http://localhost:${port}`, exited };
  await waitUntilUp(server);
  return server;
}

async function waitUntilUp(server: Server) {
  let gone: number | string | undefined;
  void server.exited.then((how) => (gone = how));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new Error(`the server exited (${gone}) before it listened`);
    try {
      const res = await fetch(`${server.origin}/login`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      // Another process answering on the port would be a false start; ours is the one still running.
      if (res.ok && gone === undefined) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server on port ${server.port} did not come up within 60 s`);
}

/** SIGTERM, then SIGKILL if it lingers. */
export async function stopServer(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => killGroup(server.child), 5000);
  await server.exited;
  clearTimeout(timer);
}

/** Ends every server still running, gently first. */
export async function stopAll() {
  await Promise.all(
    [...live].map((child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => killGroup(child), 3000);
      return done.then(() => clearTimeout(timer));
    }),
  );
}

/** The last lines the servers wrote, for a failure report. */
export function logTail(logFile: string, lines = 30) {
  try {
    return fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}
