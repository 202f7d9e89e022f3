// Open Badges 3.0 credentials for completion certificates, secured as VC-JWT
// (W3C "Securing Verifiable Credentials using JOSE and COSE") with Ed25519.
//
// The issuer is a did:key: the DID *is* the public key, so anyone holding the
// JWT can check it offline, years later, without this server. The same key is
// also published as a JWKS at /.well-known/jwks.json, so a verifier who trusts
// the site can confirm the site really uses that DID.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  CompactSign,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from "jose";
import { getEnv } from "~/lib/env.server";

// ---------------------------------------------------------------------------
// Constants shared with routes and the verify-credential CLI

export const CREDENTIAL_MEDIA_TYPE = "application/vc+jwt";
export const JWKS_PATH = "/.well-known/jwks.json";

/**
 * credentialStatus type. OB 3.0 names the "1EdTech Revocation List Status
 * Method" (type 1EdTechRevocationList), whose `id` is the URL of a *list* of
 * revoked credential ids that the verifier searches. This app has one status
 * per certificate and no list, so it uses its own, documented type instead:
 * GET credentialStatus.id returns CertificateStatusResponse. VCDM 2.0 lets
 * issuers define status types; verifiers that do not know it skip the check.
 */
export const CERTIFICATE_STATUS_TYPE = "FellowshipCertificateStatus";

export type CertificateStatusResponse = { status: "valid" | "revoked"; revokedAt: string | null };

const VC_CONTEXT_V2 = "https://www.w3.org/ns/credentials/v2";
const OB_CONTEXT_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const ACHIEVEMENT_SLUG = "social-work-fellowship";
const JWT_TYP = "vc+jwt";
const JWT_CTY = "vc";
const ALG = "EdDSA";
// Tolerates a verifier whose clock runs a little behind the issuer's.
const CLOCK_SKEW_MS = 60_000;
// multicodec "ed25519-pub" (0xed) as an unsigned varint.
const ED25519_MULTICODEC = [0xed, 0x01] as const;

// ---------------------------------------------------------------------------
// base58btc (Bitcoin alphabet), as used by multibase "z" and did:key

const BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

export function base58btcEncode(bytes: Uint8Array): string {
  // Each leading zero byte is written as one "1"; the rest is a big-endian number.
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = []; // base-58 digits, least significant first
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i];
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j] * 256;
      digits[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = "1".repeat(zeros);
  for (let j = digits.length - 1; j >= 0; j--) out += BASE58_ALPHABET[digits[j]];
  return out;
}

/** Returns null for any character outside the alphabet. */
export function base58btcDecode(text: string): Uint8Array | null {
  let zeros = 0;
  while (zeros < text.length && text[zeros] === "1") zeros++;
  const bytes: number[] = []; // base-256 digits, least significant first
  for (let i = zeros; i < text.length; i++) {
    let carry = BASE58_ALPHABET.indexOf(text[i]);
    if (carry < 0) return null;
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j] * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  const out = new Uint8Array(zeros + bytes.length);
  for (let j = 0; j < bytes.length; j++) out[zeros + j] = bytes[bytes.length - 1 - j];
  return out;
}

// ---------------------------------------------------------------------------
// did:key for Ed25519

type Ed25519PublicJwk = { kty: "OKP"; crv: "Ed25519"; x: string };

function multibaseFromRawPublicKey(raw: Uint8Array): string {
  return "z" + base58btcEncode(Uint8Array.from([...ED25519_MULTICODEC, ...raw]));
}

export function didKeyFromPublicJwk(jwk: { x: string }): { did: string; kid: string } {
  const multibase = multibaseFromRawPublicKey(Buffer.from(jwk.x, "base64url"));
  // did:key's single verification method uses the multibase value as its fragment.
  return { did: `did:key:${multibase}`, kid: `did:key:${multibase}#${multibase}` };
}

/** The Ed25519 public key a did:key (or its verification method id) stands for; null if it is not one. */
export function publicJwkFromDidKey(didOrKid: string): Ed25519PublicJwk | null {
  const match = /^did:key:(z[1-9A-HJ-NP-Za-km-z]+)(?:#(z[1-9A-HJ-NP-Za-km-z]+))?$/.exec(didOrKid);
  if (!match) return null;
  const [, multibase, fragment] = match;
  if (fragment !== undefined && fragment !== multibase) return null;
  const decoded = base58btcDecode(multibase.slice(1));
  if (!decoded || decoded.length !== 2 + 32) return null;
  if (decoded[0] !== ED25519_MULTICODEC[0] || decoded[1] !== ED25519_MULTICODEC[1]) return null;
  return { kty: "OKP", crv: "Ed25519", x: Buffer.from(decoded.subarray(2)).toString("base64url") };
}

// ---------------------------------------------------------------------------
// The issuer key, kept under DATA_DIR

type IssuerKey = { privateKey: CryptoKey; publicJwk: Ed25519PublicJwk; did: string; kid: string };

const issuerKeys = new Map<string, Promise<IssuerKey>>();

function issuerKeyFile(): string {
  return path.resolve(getEnv().DATA_DIR, "keys", "credential-issuer.jwk");
}

function issuerKey(): Promise<IssuerKey> {
  const file = issuerKeyFile();
  let key = issuerKeys.get(file);
  if (!key) {
    key = loadOrCreateIssuerKey(file);
    issuerKeys.set(file, key);
    // A failure (e.g. unreadable file) should not be remembered for ever.
    key.catch(() => issuerKeys.delete(file));
  }
  return key;
}

/** For tests: forget keys held in memory (the key files stay). */
export function resetIssuerKeyCache() {
  issuerKeys.clear();
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

async function readIssuerKey(file: string): Promise<IssuerKey> {
  const jwk = JSON.parse(fs.readFileSync(file, "utf8")) as JWK;
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string" || typeof jwk.d !== "string") {
    // Never silently replace it: every certificate issued so far names this key.
    throw new Error(`${file} is not an Ed25519 private key`);
  }
  const privateKey = (await importJWK(jwk, ALG)) as CryptoKey;
  const publicJwk: Ed25519PublicJwk = { kty: "OKP", crv: "Ed25519", x: jwk.x };
  return { privateKey, publicJwk, ...didKeyFromPublicJwk(publicJwk) };
}

async function loadOrCreateIssuerKey(file: string): Promise<IssuerKey> {
  try {
    return await readIssuerKey(file);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = await generateKeyPair(ALG, { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);

  // Write the whole key to a private temporary file first, then hard-link it
  // into place: link() refuses to replace an existing file, so when two
  // processes start at once exactly one key wins and the loser reads it back.
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const fd = fs.openSync(temporary, "wx", 0o600);
    try {
      fs.writeFileSync(fd, JSON.stringify(jwk) + "\n");
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    try {
      fs.linkSync(temporary, file);
    } catch (error) {
      const code = errorCode(error);
      if (code === "EEXIST") {
        // Another process created the key between our check and our write.
      } else if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS") {
        // File systems without hard links: rename is still atomic, only the
        // "does it exist yet" check before it is not.
        if (!fs.existsSync(file)) fs.renameSync(temporary, file);
      } else {
        throw error;
      }
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  // Always use what is on disk, so every process signs with the same key.
  return readIssuerKey(file);
}

export async function issuerDid(): Promise<string> {
  return (await issuerKey()).did;
}

/** The issuer's public key as a JWKS, for /.well-known/jwks.json. */
export async function publicJwks(): Promise<{ keys: JWK[] }> {
  const { publicJwk, kid } = await issuerKey();
  return { keys: [{ ...publicJwk, kid, alg: ALG, use: "sig" }] };
}

// ---------------------------------------------------------------------------
// Building the credential

export type CredentialInput = {
  /** The certificate's public code. */
  code: string;
  /** Never written in clear: only a salted SHA-256 hash goes into the credential. */
  fellowEmail: string;
  fellowName: string;
  programmeTitle: string;
  achievementName: string;
  achievementDescription: string;
  criteriaNarrative: string;
  /** e.g. "Social Work Fellowship — Georgia". */
  issuerName: string;
  issuedAt: Date;
  /** e.g. https://lms.example.org (no trailing slash). */
  publicUrl: string;
};

export type IdentityObject = {
  type: "IdentityObject";
  identityHash: string;
  identityType: string;
  hashed: boolean;
  salt?: string;
};

export type OpenBadgeCredential = {
  "@context": [typeof VC_CONTEXT_V2, typeof OB_CONTEXT_V3];
  id: string;
  type: ["VerifiableCredential", "OpenBadgeCredential"];
  issuer: { id: string; type: ["Profile"]; name: string; url: string };
  validFrom: string;
  name: string;
  description: string;
  credentialSubject: {
    type: ["AchievementSubject"];
    identifier: IdentityObject[];
    achievement: {
      id: string;
      type: ["Achievement"];
      name: string;
      description: string;
      criteria: { narrative: string };
    };
  };
  credentialStatus: { id: string; type: typeof CERTIFICATE_STATUS_TYPE };
};

/** OB 3.0 hashed identity: "sha256$" + hex(SHA-256(identity + salt)). */
export function hashIdentity(identity: string, salt: string): string {
  return "sha256$" + createHash("sha256").update(identity + salt).digest("hex");
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function buildCertificateCredential(input: CredentialInput): Promise<OpenBadgeCredential> {
  const publicUrl = input.publicUrl.replace(/\/+$/, "");
  const credentialUrl = `${publicUrl}/verify/${encodeURIComponent(input.code)}`;
  // A fresh salt per credential: equal emails give unrelated hashes, and the
  // holder proves the email by presenting it with this salt.
  const salt = randomBytes(16).toString("hex");
  return {
    "@context": [VC_CONTEXT_V2, OB_CONTEXT_V3],
    id: credentialUrl,
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    issuer: { id: await issuerDid(), type: ["Profile"], name: input.issuerName, url: publicUrl },
    // Whole seconds, so validFrom and the JWT's nbf/iat say exactly the same.
    validFrom: new Date(Math.floor(input.issuedAt.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z"),
    name: input.achievementName,
    description: input.programmeTitle,
    credentialSubject: {
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityHash: hashIdentity(normaliseEmail(input.fellowEmail), salt),
          identityType: "emailAddress",
          hashed: true,
          salt,
        },
        // OB 3.0 has no `name` on AchievementSubject; its IdentityObject with
        // identityType "name" is the standard place for the printed name.
        { type: "IdentityObject", identityHash: input.fellowName, identityType: "name", hashed: false },
      ],
      achievement: {
        id: `${publicUrl}/achievements/${ACHIEVEMENT_SLUG}`,
        type: ["Achievement"],
        name: input.achievementName,
        description: input.achievementDescription,
        criteria: { narrative: input.criteriaNarrative },
      },
    },
    credentialStatus: { id: `${credentialUrl}/status`, type: CERTIFICATE_STATUS_TYPE },
  };
}

// ---------------------------------------------------------------------------
// Signing: VC-JOSE-COSE, the credential itself is the JWS payload

/*
 * The payload also carries the registered JWT claims iss, jti, nbf and iat.
 * VC-JOSE-COSE allows extra claims (verifiers ignore the ones they do not
 * understand) and only asks that they do not contradict the credential, so
 * they copy issuer.id, id and validFrom. That lets generic JWT tooling show
 * who issued what, when. iat is validFrom too (not "now"), which keeps the
 * JWT for a given credential byte-for-byte reproducible: Ed25519 is
 * deterministic. The forbidden `vc`/`vp` claims of the old VC-JWT are absent.
 */
const JWT_CLAIMS = ["iss", "jti", "nbf", "iat"] as const;

export async function signCredential(credential: OpenBadgeCredential): Promise<string> {
  const key = await issuerKey();
  if (credential.issuer.id !== key.did) {
    throw new Error(`Credential issuer ${credential.issuer.id} is not this server's key ${key.did}`);
  }
  const seconds = Math.floor(Date.parse(credential.validFrom) / 1000);
  const payload = { ...credential, iss: key.did, jti: credential.id, nbf: seconds, iat: seconds };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: ALG, typ: JWT_TYP, cty: JWT_CTY, kid: key.kid })
    .sign(key.privateKey);
}

// ---------------------------------------------------------------------------
// Verification

export type VerifyResult =
  | { ok: true; credential: Record<string, unknown>; issuer: string; kid: string }
  | { ok: false; reason: string };

export type VerifyOptions = {
  /** Verify against this published key set (matched by kid) as well as the did:key. */
  jwks?: { keys: JWK[] };
  /** For tests: the moment validFrom is compared with. */
  now?: Date;
};

function fail(reason: string): VerifyResult {
  return { ok: false, reason };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function issuerIdOf(issuer: unknown): string | undefined {
  if (typeof issuer === "string") return issuer;
  if (isRecord(issuer) && typeof issuer.id === "string") return issuer.id;
  return undefined;
}

const BASE64URL_SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Never throws: any malformed, tampered or foreign JWT gives `{ ok: false, reason }`. */
export async function verifyCredentialJwt(jwt: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  try {
    return await verifyOrFail(jwt, options);
  } catch (error) {
    return fail(`unreadable credential: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function verifyOrFail(jwt: string, options: VerifyOptions): Promise<VerifyResult> {
  if (typeof jwt !== "string") return fail("not a JWT: expected a string");
  const segments = jwt.trim().split(".");
  if (segments.length !== 3) return fail("not a compact JWS: expected three dot-separated parts");
  // Base64url leaves a few spare bits in the last character; insist on the
  // canonical spelling so that changing any character is detected, even one
  // that would decode to the same bytes.
  for (const segment of segments) {
    if (!BASE64URL_SEGMENT.test(segment) || Buffer.from(segment, "base64url").toString("base64url") !== segment) {
      return fail("not a compact JWS: a part is not canonical base64url");
    }
  }
  const compact = segments.join(".");

  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(compact);
  } catch {
    return fail("header is not valid JSON");
  }
  if (header.alg !== ALG) return fail(`unsupported alg ${JSON.stringify(header.alg)}: expected EdDSA`);
  if (header.typ !== JWT_TYP) return fail(`typ ${JSON.stringify(header.typ)}: expected vc+jwt`);
  if (header.crit !== undefined) return fail("unsupported crit header");
  if (typeof header.kid !== "string") return fail("header has no kid");
  const kid = header.kid;
  const didKeyJwk = publicJwkFromDidKey(kid);
  if (!didKeyJwk || !kid.includes("#")) return fail("kid is not an Ed25519 did:key verification method");
  const issuer = kid.slice(0, kid.indexOf("#"));

  let verificationJwk: JWK = didKeyJwk;
  if (options.jwks) {
    const published = options.jwks.keys.find((key) => key.kid === kid);
    if (!published) return fail("no key with this kid in the published JWKS");
    if (published.kty !== "OKP" || published.crv !== "Ed25519" || published.x !== didKeyJwk.x) {
      return fail("published key does not match the did:key");
    }
    verificationJwk = { kty: "OKP", crv: "Ed25519", x: published.x };
  }

  let payloadBytes: Uint8Array;
  try {
    const key = await importJWK(verificationJwk, ALG);
    ({ payload: payloadBytes } = await compactVerify(compact, key, { algorithms: [ALG] }));
  } catch {
    return fail("signature invalid");
  }

  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(payloadBytes));
  } catch {
    return fail("payload is not JSON");
  }
  if (!isRecord(payload)) return fail("payload is not a JSON object");

  const context = payload["@context"];
  if (!Array.isArray(context) || context[0] !== VC_CONTEXT_V2) return fail("not a VC Data Model 2.0 credential");
  if (!Array.isArray(payload.type) || !payload.type.includes("VerifiableCredential")) {
    return fail("type does not include VerifiableCredential");
  }
  if (issuerIdOf(payload.issuer) !== issuer) return fail("credential issuer does not match the signing key's DID");
  if (payload.iss !== undefined && payload.iss !== issuer) return fail("iss claim contradicts the credential issuer");
  if (payload.jti !== undefined && payload.jti !== payload.id) return fail("jti claim contradicts the credential id");

  const now = (options.now ?? new Date()).getTime();
  const validFrom = typeof payload.validFrom === "string" ? Date.parse(payload.validFrom) : NaN;
  if (Number.isNaN(validFrom)) return fail("validFrom is missing or not a date");
  if (validFrom > now + CLOCK_SKEW_MS) return fail(`not yet valid: validFrom is ${payload.validFrom}`);
  if (typeof payload.nbf === "number" && payload.nbf * 1000 > now + CLOCK_SKEW_MS) return fail("not yet valid (nbf)");
  if (payload.validUntil !== undefined) {
    const validUntil = typeof payload.validUntil === "string" ? Date.parse(payload.validUntil) : NaN;
    if (Number.isNaN(validUntil)) return fail("validUntil is not a date");
    if (validUntil < now - CLOCK_SKEW_MS) return fail(`expired: validUntil was ${payload.validUntil}`);
  }

  // Hand back the credential as built, without the JWT envelope claims.
  const credential = { ...payload };
  for (const claim of JWT_CLAIMS) delete credential[claim];
  return { ok: true, credential, issuer, kid };
}
