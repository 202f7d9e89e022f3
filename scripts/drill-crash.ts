// `npm run drill:crash`: does an acknowledged assignment save survive the
// server being killed mid-write? Needs a production build (`npm run build`).
//   1. A fresh data directory, seeded by the server itself, plus 200 fellows.
//   2. All of them save a draft and submit through the real HTTP form, 50
//      requests at a time; at 40% of the acknowledgements the server gets SIGKILL.
//   3. After a restart on the same files, everything the app told a fellow was
//      saved or submitted must be there with exactly that text, and the file
//      must pass SQLite's integrity and foreign-key checks.
//   4. The fellows cut off finish on the restarted server; all 200 end submitted.
// Exits 1 on a lost acknowledged write or any failed check.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createFellows, drillFellows, integrity, MENTOR_ID, openFile, PASSWORD, submissionsOf, type DrillFellow } from "./drill/db";
import { acknowledgement, readEditor, type Editor } from "./drill/page";
import { findFreePort, killGroup, logTail, startServer, stopAll, stopServer, type Server } from "./drill/server";

const FELLOW_COUNT = Number(process.env.DRILL_FELLOWS ?? 200);
const IN_FLIGHT = 50;
/** Kill once this share of the acknowledgements the run would give (a save and a submit per fellow) came back. */
const KILL_AT_SHARE = 0.4;
const SLUG = "rights-based-social-work";
const ASSIGNMENT_PATH = `/modules/${SLUG}/assignment`;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const REQUEST_TIMEOUT_MS = 20_000;

type Kind = "save" | "submit";
const STEPS: Kind[] = ["save", "submit"];
const SUCCESS_FLASH: Record<Kind, string> = { save: "assignments.savedAt", submit: "assignments.submitted" };

type Sent = { kind: Kind; text: string; round: 1 | 2; acknowledged: boolean; outcome: string };
type Fellow = DrillFellow & {
  cookie: string;
  /** Index into STEPS of the next step not yet acknowledged. */
  next: number;
  /** Every write this fellow sent, in order, with what came back. */
  sent: Sent[];
  /** Came back to find the attempt locked: a submit the server committed but never answered. */
  foundSubmitted: boolean;
};

// Georgian and Armenian beside ASCII and characters HTML must escape, so the text
// has to survive form encoding, SQLite and the page's rendering unchanged.
const GEORGIAN = "ადამიანის უფლებებზე დაფუძნებული სოციალური მუშაობა";
const ARMENIAN = "Մարդու իրավունքների վրա հիմնված սոցիալական աշխատանք";

function writeText(f: Fellow, kind: Kind, round: 1 | 2) {
  const nth = f.sent.filter((s) => s.kind === kind).length + 1;
  return `drill ${f.id} ${kind === "save" ? "draft" : "final"} ${nth} (round ${round})\n${GEORGIAN}\n${ARMENIAN} & <ok> "${Date.now()}"`;
}

/**
 * What the fellow's text may be now: the last acknowledged text, or any text
 * sent after it — a write the server committed just before dying is real even
 * though its answer never arrived. With nothing acknowledged, the empty
 * editor too.
 */
function acceptableBodies(f: Fellow): string[] {
  const last = f.sent.findLastIndex((s) => s.acknowledged);
  const texts = f.sent.slice(Math.max(last, 0)).map((s) => s.text);
  return last === -1 ? ["", ...texts] : texts;
}

/** One run of requests against one server process, with its figures. */
class Run {
  requests = { get: 0, post: 0 };
  cutOff = { get: 0, post: 0 };
  acks = { save: 0, submit: 0 };
  inFlight = { get: 0, post: 0 };
  /** Answers that were neither success nor a crash, and pages not showing the saved text: each fails the drill. */
  problems: string[] = [];
  /** Set when the server is killed: no request starts after that. */
  killed = false;
  kill?: { atMs: number; acks: number; inFlight: { get: number; post: number } };
  private readonly started = performance.now();

  constructor(
    readonly server: Server,
    private readonly killAfterAcks = Infinity,
  ) {}

  get elapsedMs() {
    return performance.now() - this.started;
  }

  acknowledged(kind: Kind) {
    this.acks[kind]++;
    // The first acknowledgement past the mark with a write in flight: a kill between writes would test less.
    if (!this.killed && this.acks.save + this.acks.submit >= this.killAfterAcks && this.inFlight.post > 0) {
      this.killed = true;
      this.kill = { atMs: this.elapsedMs, acks: this.acks.save + this.acks.submit, inFlight: { ...this.inFlight } };
      killGroup(this.server.child);
    }
  }

  /** A request, or null when it failed at the network level (or was never sent because the server is gone). */
  async request(f: Fellow, method: "GET" | "POST", body?: FormData): Promise<{ res: Response; text: string } | null> {
    if (this.killed) return null;
    const kind = method === "GET" ? "get" : "post";
    this.requests[kind]++;
    this.inFlight[kind]++;
    try {
      const res = await fetch(`${this.server.origin}${ASSIGNMENT_PATH}`, {
        method,
        body,
        redirect: "manual",
        // The server refuses cross-site POSTs; a browser on the app sends its own origin.
        headers: method === "POST" ? { cookie: f.cookie, origin: this.server.origin } : { cookie: f.cookie },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      let text = "";
      try {
        text = await res.text();
      } catch (error) {
        // A POST's answer is its status and headers (a redirect has no body); a page without its body is no page.
        if (method === "GET") throw error;
      }
      return { res, text };
    } catch (error) {
      if (this.killed) this.cutOff[kind]++;
      else this.problems.push(`${f.id} ${method}: ${(error as Error).message} ${String((error as Error).cause ?? "")}`);
      return null;
    } finally {
      this.inFlight[kind]--;
    }
  }

  /** Opens the assignment page; undefined when the request failed. */
  async openEditor(f: Fellow): Promise<Editor | null | undefined> {
    const answer = await this.request(f, "GET");
    if (!answer) return undefined;
    if (answer.res.status !== 200) {
      this.problems.push(`${f.id} GET answered ${answer.res.status}`);
      return undefined;
    }
    return readEditor(answer.text);
  }

  /** Takes the fellow through the steps left (save, then submit), as far as the server lets them. */
  async advance(f: Fellow, round: 1 | 2) {
    while (f.next < STEPS.length) {
      const editor = await this.openEditor(f);
      if (editor === undefined) return;
      if (editor === null) {
        // No form: the attempt is locked. Only a submit this fellow sent can have done that.
        if (!f.sent.some((s) => s.kind === "submit")) this.problems.push(`${f.id}: the page shows no form before any submit`);
        f.foundSubmitted = true;
        f.next = STEPS.length;
        return;
      }
      // Read-your-writes: the page must show what the app last said was saved.
      if (!acceptableBodies(f).includes(editor.body)) {
        this.problems.push(`${f.id}: the page shows ${JSON.stringify(editor.body.slice(0, 40))}, not the text last saved`);
      }
      if (this.killed) return;
      const kind = STEPS[f.next];
      const entry: Sent = { kind, text: writeText(f, kind, round), round, acknowledged: false, outcome: "" };
      const form = new FormData();
      form.set("submissionId", editor.submissionId);
      form.set("version", editor.version);
      form.set("body", entry.text);
      if (kind === "submit") form.set("statement", "on");
      form.set("intent", kind);
      f.sent.push(entry);
      const answer = await this.request(f, "POST", form);
      if (!answer) {
        entry.outcome = "cut off";
        return;
      }
      const flash = acknowledgement(answer.res, ASSIGNMENT_PATH);
      if (flash !== SUCCESS_FLASH[kind]) {
        entry.outcome = `answered ${answer.res.status}${flash ? ` (${flash})` : ""}`;
        this.problems.push(`${f.id} ${kind}: ${entry.outcome}`);
        return;
      }
      entry.acknowledged = true;
      entry.outcome = "acknowledged";
      f.next++;
      this.acknowledged(kind);
    }
  }
}

/** At most `limit` fellows at a time. */
async function inPool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let i = 0;
  const worker = async () => {
    while (i < items.length) await fn(items[i++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

type Check = { name: string; ok: boolean; detail?: string };
const checks: Check[] = [];
/** Set on Ctrl-C: the run carries on for a moment while the servers stop, and its failures mean nothing. */
let interrupted = false;
function check(name: string, ok: boolean, detail?: string) {
  checks.push({ name, ok, detail });
  if (!ok && !interrupted) console.log(`  FAILED: ${name}${detail ? ` — ${detail}` : ""}`);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Every acknowledged write is in the file with its exact text, and nothing a
 * fellow never sent is. Also counts the writes committed whose answer died
 * with the process: legitimate, and the interesting edge of the drill.
 */
function checkAcknowledgedWrites(dbFile: string, fellows: Fellow[]) {
  const db = openFile(dbFile);
  let committedUnanswered = 0;
  let promised = 0;
  let lost = 0;
  const keep = (name: string, ok: boolean, detail: string) => {
    promised++;
    if (!ok) lost++;
    check(name, ok, detail);
  };
  try {
    for (const f of fellows) {
      const rows = submissionsOf(db, f.id, SLUG);
      const row = rows[0];
      const lastAck = f.sent.findLast((s) => s.acknowledged);
      const allowed = acceptableBodies(f);
      const where = row ? `${row.status} v${row.version} ${JSON.stringify(row.body)}` : "no row";
      if (rows.length > 1) {
        check(`${f.id}: one attempt`, false, `${rows.length} attempts`);
        continue;
      }
      // A text sent after the last acknowledgement, found in the file: committed, then the answer lost with the process.
      if (row && row.body !== (lastAck?.text ?? "") && allowed.includes(row.body)) committedUnanswered++;
      if (!lastAck) {
        // Nothing was promised; still, whatever is there must be this fellow's own text.
        check(`${f.id}: unacknowledged writes only`, !row || allowed.includes(row.body), where);
      } else if (lastAck.kind === "submit") {
        const ok = row?.status === "submitted" && row.body === lastAck.text && row.mentor_id === MENTOR_ID;
        keep(`${f.id}: acknowledged submission kept`, ok, `LOST — acknowledged ${JSON.stringify(lastAck.text)}, found ${where}`);
      } else {
        // A draft: still a draft with that text, or replaced by a later write this fellow sent. Submitted only
        // with the text of a submit: submitAttempt writes the text before it changes the status.
        const submittedText = (body: string) => f.sent.some((s) => s.kind === "submit" && s.text === body);
        const ok = Boolean(row) && allowed.includes(row.body) && (row.status === "draft" || (row.status === "submitted" && submittedText(row.body)));
        keep(`${f.id}: acknowledged draft kept`, ok, `LOST — acknowledged ${JSON.stringify(lastAck.text)}, found ${where}`);
      }
    }
    const result = integrity(db);
    check("integrity_check after the crash", result.integrity === "ok", result.integrity);
    check("foreign_key_check after the crash", result.foreignKeyProblems === 0, `${result.foreignKeyProblems} rows`);
    return { committedUnanswered, promised, lost, integrity: result };
  } finally {
    db.close();
  }
}

function checkAllSubmitted(dbFile: string, fellows: Fellow[]) {
  const db = openFile(dbFile);
  let submitted = 0;
  try {
    for (const f of fellows) {
      const rows = submissionsOf(db, f.id, SLUG);
      // The text of the submission: the acknowledged one, or the one found committed without an answer.
      const final = f.sent.findLast((s) => s.kind === "submit" && (s.acknowledged || f.foundSubmitted));
      const row = rows[0];
      const ok = rows.length === 1 && row.status === "submitted" && row.body === final?.text && row.mentor_id === MENTOR_ID;
      if (ok) submitted++;
      else check(`${f.id}: submitted in the end`, false, row ? `${rows.length} rows, ${row.status} ${JSON.stringify(row.body)}, expected ${JSON.stringify(final?.text)}` : "no row");
    }
    check(`all ${fellows.length} fellows submitted`, submitted === fellows.length, `${submitted} submitted`);
    const result = integrity(db);
    check("integrity_check at the end", result.integrity === "ok", result.integrity);
    check("foreign_key_check at the end", result.foreignKeyProblems === 0, `${result.foreignKeyProblems} rows`);
    return { submitted, integrity: result };
  } finally {
    db.close();
  }
}

/** One fellow signs in through the real form (proving the hash and the account), the rest get sessions from the app's own code. */
async function signIn(server: Server, fellows: Fellow[], dbFile: string) {
  const login = await fetch(`${server.origin}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: fellows[0].email, password: PASSWORD }),
    headers: { origin: server.origin },
    redirect: "manual",
  });
  await login.arrayBuffer();
  const session = login.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("fellowship_session="));
  if (login.status !== 302 || !session) throw new Error(`sign-in of ${fellows[0].email} answered ${login.status}`);
  fellows[0].cookie = session;

  // 199 more argon2 verifications would cost the server seconds of CPU and test nothing the one above did not.
  process.env.DATABASE_PATH = dbFile;
  const { createSession } = await import("../app/domain/accounts/sessions.server");
  const { sessionCookieName } = await import("../app/lib/auth.server");
  const { getConnection, closeConnection } = await import("../app/lib/db.server");
  const name = sessionCookieName(new Request(server.origin));
  try {
    getConnection().sqlite.transaction(() => {
      for (const f of fellows.slice(1)) f.cookie = `${name}=${createSession(f.id).token}`;
    })();
  } finally {
    closeConnection();
  }
}

async function main() {
  const t0 = performance.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fellowship-drill-"));
  const dbFile = path.join(dataDir, "fellowship.db");
  const logFile = path.join(dataDir, "server.log");
  let failed = false;
  const onSignal = () => {
    // Ctrl-C: the `finally` below cannot run, so clean up here.
    interrupted = true;
    console.log("Interrupted: stopping the server and removing the data directory.");
    void stopAll().finally(() => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    if (!Number.isInteger(FELLOW_COUNT) || FELLOW_COUNT < 1) throw new Error(`DRILL_FELLOWS must be a positive whole number`);
    const port = process.env.DRILL_PORT ? Number(process.env.DRILL_PORT) : await findFreePort(3500, 3510);
    const serve = () => startServer({ root: ROOT, port, dataDir, logFile });
    console.log(`Crash drill: ${FELLOW_COUNT} fellows, ${IN_FLIGHT} in flight, port ${port}, data in ${dataDir}`);

    // ── 1. A seeded database and the drill's fellows ─────────────────────
    await stopServer(await serve()); // migrates and seeds the demo data
    const fellows: Fellow[] = drillFellows(FELLOW_COUNT).map((f) => ({ ...f, cookie: "", next: 0, sent: [], foundSubmitted: false }));
    await createFellows(dbFile, fellows);
    let server = await serve();
    await signIn(server, fellows, dbFile);
    console.log(`  set-up: ${seconds(performance.now() - t0)}`);

    // ── 2. The run, and the kill ─────────────────────────────────────────
    const killAfter = Math.ceil(FELLOW_COUNT * STEPS.length * KILL_AT_SHARE);
    const run = new Run(server, killAfter);
    await inPool(fellows, IN_FLIGHT, (f) => run.advance(f, 1));
    check("the server was killed with form posts in flight", run.killed && (run.kill?.inFlight.post ?? 0) > 0, `killed: ${run.killed}`);
    if (!run.killed) killGroup(server.child);
    const exit = await server.exited;
    check("the server died of SIGKILL", exit === "SIGKILL", String(exit));
    check("no unexpected answers before the kill", run.problems.length === 0, run.problems.slice(0, 5).join("; "));
    const cutOff = run.cutOff.get + run.cutOff.post;
    console.log(`  requests sent: ${run.requests.get + run.requests.post} (${run.requests.get} page loads, ${run.requests.post} form posts)`);
    console.log(`  acknowledged: ${run.acks.save} saves, ${run.acks.submit} submits`);
    if (run.kill) {
      console.log(
        `  SIGKILL at ${seconds(run.kill.atMs)} into the run, after ${run.kill.acks} acknowledgements, ` +
          `with ${run.kill.inFlight.post} form posts and ${run.kill.inFlight.get} page loads in flight`,
      );
    }
    console.log(`  cut off by the kill: ${cutOff} requests (${run.cutOff.post} form posts, ${run.cutOff.get} page loads)`);

    // ── 3. Restart and check what was promised ───────────────────────────
    const restartAt = performance.now();
    server = await serve();
    console.log(`  restart on the same files: ${seconds(performance.now() - restartAt)}`);
    const afterCrash = checkAcknowledgedWrites(dbFile, fellows);
    const { promised, lost } = afterCrash;
    console.log(`  fellows with an acknowledged write: ${promised}; found intact: ${promised - lost}; lost: ${lost}`);
    console.log(`  fellows whose file holds a write never acknowledged (committed, then the answer was lost): ${afterCrash.committedUnanswered}`);
    console.log(`  after the crash: integrity_check ${afterCrash.integrity.integrity}, foreign_key_check ${afterCrash.integrity.foreignKeyProblems} rows`);

    // ── 4. The fellows cut off finish their submission ───────────────────
    const unfinished = fellows.filter((f) => f.next < STEPS.length);
    const resume = new Run(server);
    await inPool(unfinished, IN_FLIGHT, (f) => resume.advance(f, 2));
    check("no unexpected answers after the restart", resume.problems.length === 0, resume.problems.slice(0, 5).join("; "));
    const foundSubmitted = fellows.filter((f) => f.foundSubmitted).length;
    console.log(
      `  after the restart: ${unfinished.length} fellows resumed (${foundSubmitted} found their unanswered submit already in), ` +
        `${resume.requests.get + resume.requests.post} requests, ${resume.acks.save} saves and ${resume.acks.submit} submits acknowledged`,
    );
    const end = checkAllSubmitted(dbFile, fellows);
    await stopServer(server);

    const passed = checks.filter((c) => c.ok).length;
    failed = passed !== checks.length;
    console.log(`  submitted in the end: ${end.submitted} of ${fellows.length}`);
    console.log(`  at the end: integrity_check ${end.integrity.integrity}, foreign_key_check ${end.integrity.foreignKeyProblems} rows`);
    console.log(`  checks passed: ${passed} of ${checks.length}`);
    console.log(`  total time: ${seconds(performance.now() - t0)}`);
    console.log(failed ? "DRILL FAILED" : "Drill passed: nothing acknowledged was lost.");
    if (failed) console.log(`Server log (last lines):\n${logTail(logFile)}`);
  } catch (error) {
    failed = true;
    console.error(`Drill aborted: ${error instanceof Error ? error.stack : String(error)}`);
    console.error(`Server log (last lines):\n${logTail(logFile)}`);
  } finally {
    await stopAll();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
