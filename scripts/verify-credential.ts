// `npm run verify-credential -- <file-or-url> [--jwks <url-or-file>]`
//
// Checks a certificate credential (an Open Badges 3.0 VC-JWT) the way an
// outside verifier would: the signature offline against the issuer's did:key,
// then, when the credential came from a URL or --jwks is given, against the
// key set that site publishes, and finally the certificate's status endpoint.
//
// Exit codes: 0 valid and not revoked (or status unknown), 1 invalid, 2 revoked.
import fs from "node:fs";
import type { JWK } from "jose";
import {
  CERTIFICATE_STATUS_TYPE,
  JWKS_PATH,
  verifyCredentialJwt,
} from "../app/domain/certificates/credential.server";

const FETCH_TIMEOUT_MS = 8_000;
const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_REVOKED = 2;

type Args = { source: string; jwksSource?: string };

function usage(exitCode = EXIT_INVALID): never {
  console.error("Usage: verify-credential <file-or-url> [--jwks <url-or-file>]");
  process.exit(exitCode);
}

function parseArgs(argv: string[]): Args {
  let source: string | undefined;
  let jwksSource: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--jwks") {
      jwksSource = argv[++i];
      if (!jwksSource) usage();
    } else if (arg === "--help" || arg === "-h") {
      usage(EXIT_VALID);
    } else if (source !== undefined) {
      usage();
    } else {
      source = arg;
    }
  }
  if (!source) usage();
  return { source, jwksSource };
}

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

async function fetchText(url: string, accept: string): Promise<string> {
  const response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

async function readSource(source: string, accept: string): Promise<string> {
  return isUrl(source) ? fetchText(source, accept) : fs.readFileSync(source, "utf8");
}

/** fetch() could not reach the server at all (as opposed to an unhelpful answer). */
function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError) return true; // undici's "fetch failed"
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    // fetch() hides the useful part ("ECONNREFUSED") in `cause`.
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

type PublishedKeyCheck =
  | { kind: "not checked" }
  | { kind: "unavailable"; from: string; reason: string }
  | { kind: "checked"; from: string; matches: boolean; reason?: string };

async function checkPublishedKey(jwt: string, args: Args): Promise<PublishedKeyCheck> {
  const from = args.jwksSource ?? (isUrl(args.source) ? new URL(JWKS_PATH, args.source).href : undefined);
  if (!from) return { kind: "not checked" };
  let jwks: { keys: JWK[] };
  try {
    const parsed: unknown = JSON.parse(await readSource(from, "application/json"));
    if (typeof parsed !== "object" || parsed === null || !Array.isArray((parsed as { keys?: unknown }).keys)) {
      throw new Error("not a JWKS (no keys array)");
    }
    jwks = parsed as { keys: JWK[] };
  } catch (error) {
    return { kind: "unavailable", from, reason: describeError(error) };
  }
  const result = await verifyCredentialJwt(jwt, { jwks });
  return { kind: "checked", from, matches: result.ok, reason: result.ok ? undefined : result.reason };
}

type StatusCheck =
  | { kind: "valid" }
  | { kind: "revoked"; revokedAt: string | null }
  | { kind: "unknown"; offline: boolean; reason: string };

async function checkStatus(credential: Record<string, unknown>): Promise<StatusCheck> {
  const status = credential.credentialStatus as { id?: unknown; type?: unknown } | undefined;
  if (!status || typeof status !== "object") {
    return { kind: "unknown", offline: false, reason: "the credential names no status endpoint" };
  }
  if (status.type !== CERTIFICATE_STATUS_TYPE || typeof status.id !== "string" || !isUrl(status.id)) {
    return { kind: "unknown", offline: false, reason: `unsupported status type ${JSON.stringify(status.type)}` };
  }
  let text: string;
  try {
    text = await fetchText(status.id, "application/json");
  } catch (error) {
    return { kind: "unknown", offline: isNetworkFailure(error), reason: `${status.id}: ${describeError(error)}` };
  }
  let body: Partial<Record<"status" | "revokedAt", unknown>> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null) body = parsed;
  } catch {
    // Falls through to "unexpected answer".
  }
  if (body?.status === "revoked") {
    return { kind: "revoked", revokedAt: typeof body.revokedAt === "string" ? body.revokedAt : null };
  }
  if (body?.status === "valid") return { kind: "valid" };
  return { kind: "unknown", offline: false, reason: `unexpected answer from ${status.id}` };
}

/** The fields a person wants to see, read defensively: the credential is only known to be signed. */
function summarise(credential: Record<string, unknown>) {
  const issuer = (credential.issuer ?? {}) as { id?: unknown; name?: unknown };
  const subject = (credential.credentialSubject ?? {}) as { identifier?: unknown; achievement?: unknown };
  const identifiers = Array.isArray(subject.identifier) ? (subject.identifier as Record<string, unknown>[]) : [];
  const nameEntry = identifiers.find((entry) => entry?.identityType === "name" && entry.hashed === false);
  const achievement = (subject.achievement ?? {}) as { name?: unknown };
  const text = (value: unknown) => (typeof value === "string" && value ? value : "—");
  return {
    issuerName: text(issuer.name),
    subjectName: text(nameEntry?.identityHash),
    achievementName: text(achievement.name),
    validFrom: text(credential.validFrom),
    credentialId: text(credential.id),
  };
}

function line(label: string, value: string) {
  console.log(`${(label + ":").padEnd(15)}${value}`);
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));

  let jwt: string;
  try {
    jwt = (await readSource(args.source, "application/vc+jwt, text/plain")).trim();
  } catch (error) {
    line("Signature", `INVALID — could not read ${args.source}: ${describeError(error)}`);
    return EXIT_INVALID;
  }

  const result = await verifyCredentialJwt(jwt);
  if (!result.ok) {
    line("Signature", `INVALID — ${result.reason}`);
    return EXIT_INVALID;
  }
  line("Signature", "valid (Ed25519, key taken from the issuer's did:key)");

  const published = await checkPublishedKey(jwt, args);
  if (published.kind === "unavailable") line("Published key", `not checked — ${published.from}: ${published.reason}`);
  if (published.kind === "checked") {
    const verdict = published.matches ? "matches" : "DOES NOT MATCH";
    line("Published key", `${verdict} ${published.from}${published.reason ? ` — ${published.reason}` : ""}`);
  }

  const summary = summarise(result.credential);
  line("Issuer", `${summary.issuerName} (${result.issuer})`);
  line("Subject", summary.subjectName);
  line("Achievement", summary.achievementName);
  line("Valid from", summary.validFrom);
  line("Credential", summary.credentialId);

  // A credential whose issuer site disowns its key is not trusted, however good the signature.
  if (published.kind === "checked" && !published.matches) {
    line("Status", "not checked — the issuer's site does not publish this key");
    return EXIT_INVALID;
  }

  const status = await checkStatus(result.credential);
  if (status.kind === "revoked") {
    line("Status", `REVOKED${status.revokedAt ? ` on ${status.revokedAt}` : ""}`);
    return EXIT_REVOKED;
  }
  if (status.kind === "valid") line("Status", "valid");
  else line("Status", `status unknown${status.offline ? " (offline)" : ""} — ${status.reason}`);
  return EXIT_VALID;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeError(error));
    process.exit(EXIT_INVALID);
  },
);
