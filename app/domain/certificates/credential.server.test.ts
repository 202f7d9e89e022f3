import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CompactSign, generateKeyPair, importJWK } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "~/lib/env.server";
import {
  CERTIFICATE_STATUS_TYPE,
  base58btcDecode,
  base58btcEncode,
  buildCertificateCredential,
  didKeyFromPublicJwk,
  issuerDid,
  publicJwkFromDidKey,
  publicJwks,
  resetIssuerKeyCache,
  signCredential,
  verifyCredentialJwt,
  type CredentialInput,
} from "./credential.server";

const EMAIL = "Nino.Beridze@Example.org";
// Nothing listens on port 1: the CLI's status request fails at once.
const OFFLINE_URL = "http://127.0.0.1:1";

function input(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    code: "SWF-2025-7K3Q",
    fellowEmail: `  ${EMAIL} `,
    fellowName: "Nino Beridze",
    programmeTitle: "Social Work Fellowship 2024–2025",
    achievementName: "Certificate of Completion — Social Work Fellowship",
    achievementDescription: "Completed the twelve-month fellowship in rights-based social work practice.",
    criteriaNarrative: "Completed every module and had every assignment accepted by a mentor.",
    issuerName: "Social Work Fellowship — Georgia",
    issuedAt: new Date("2025-06-30T12:00:00.000Z"),
    publicUrl: "https://lms.example.org",
    ...overrides,
  };
}

const failsWith = (pattern: RegExp) => ({ ok: false, reason: expect.stringMatching(pattern) });

const decodePart = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));

/** Replaces the character at `index` with a different base64url character. */
function changeCharAt(jwt: string, index: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const next = alphabet[(alphabet.indexOf(jwt[index]) + 1) % alphabet.length];
  return jwt.slice(0, index) + next + jwt.slice(index + 1);
}

let previousDataDir: string | undefined;
let dataDir: string;
const temporaryDirs: string[] = [];

function makeTemporaryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "credential-test-"));
  temporaryDirs.push(dir);
  return dir;
}

beforeAll(() => {
  previousDataDir = process.env.DATA_DIR;
});

beforeEach(() => {
  dataDir = makeTemporaryDir();
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  resetIssuerKeyCache();
});

afterAll(() => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  resetEnvCache();
  resetIssuerKeyCache();
  for (const dir of temporaryDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("base58btc", () => {
  it("matches known answers", () => {
    expect(base58btcEncode(new TextEncoder().encode("Hello World!"))).toBe("2NEpo7TZRRrLZSi2U");
    expect(base58btcEncode(Uint8Array.from([0, 0, 0x01, 0x02]))).toBe("115T");
    expect(base58btcEncode(Uint8Array.from([0]))).toBe("1");
    expect(base58btcEncode(new Uint8Array(0))).toBe("");
  });

  it("decodes what it encodes, leading zeros included, and rejects foreign characters", () => {
    for (const bytes of [[0, 0, 255, 1], [1], [0], [], Array.from({ length: 34 }, (_, i) => (i * 37) % 256)]) {
      const encoded = base58btcEncode(Uint8Array.from(bytes));
      expect(Array.from(base58btcDecode(encoded)!)).toEqual(bytes);
    }
    expect(new TextDecoder().decode(base58btcDecode("2NEpo7TZRRrLZSi2U")!)).toBe("Hello World!");
    for (const bad of ["0abc", "Oops", "Il", "ab+"]) expect(base58btcDecode(bad)).toBeNull();
  });
});

describe("did:key", () => {
  it("matches the did:key specification's Ed25519 example", () => {
    const did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    const x = "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik";
    expect(didKeyFromPublicJwk({ x })).toEqual({ did, kid: `${did}#${did.slice("did:key:".length)}` });
    expect(publicJwkFromDidKey(did)).toEqual({ kty: "OKP", crv: "Ed25519", x });
  });

  it("refuses DIDs that are not Ed25519 did:keys", () => {
    const multibaseOf = (bytes: number[]) => "z" + base58btcEncode(Uint8Array.from(bytes));
    const x25519 = multibaseOf([0xec, 0x01, ...new Array(32).fill(7)]);
    const short = multibaseOf([0xed, 0x01, ...new Array(31).fill(7)]);
    const valid = multibaseOf([0xed, 0x01, ...new Array(32).fill(7)]);
    expect(publicJwkFromDidKey(`did:key:${valid}`)).not.toBeNull();
    expect(publicJwkFromDidKey(`did:key:${valid}#${valid}`)).not.toBeNull();
    expect(publicJwkFromDidKey(`did:key:${valid}#${x25519}`)).toBeNull();
    expect(publicJwkFromDidKey(`did:key:${x25519}`)).toBeNull();
    expect(publicJwkFromDidKey(`did:key:${short}`)).toBeNull();
    expect(publicJwkFromDidKey(`did:web:${valid}`)).toBeNull();
    expect(publicJwkFromDidKey("did:key:zO0l")).toBeNull();
  });
});

describe("issuer key", () => {
  it("is generated once per DATA_DIR, kept private on disk and reused", async () => {
    const did = await issuerDid();
    const file = path.join(dataDir, "keys", "credential-issuer.jwk");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(stored).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    expect(typeof stored.d).toBe("string");

    expect(await issuerDid()).toBe(did);
    resetIssuerKeyCache();
    expect(await issuerDid()).toBe(did);
    expect(fs.readFileSync(file, "utf8")).toBe(JSON.stringify(stored) + "\n");
    expect(fs.readdirSync(path.dirname(file))).toEqual(["credential-issuer.jwk"]);

    const otherDir = makeTemporaryDir();
    process.env.DATA_DIR = otherDir;
    resetEnvCache();
    expect(await issuerDid()).not.toBe(did);
  });

  it("settles on one key when several creators race", async () => {
    // Clearing the cache between calls makes each call start its own creation,
    // as separate processes would; they all pass the "no file yet" check first.
    const racing: Promise<string>[] = [];
    for (let i = 0; i < 5; i++) {
      racing.push(issuerDid());
      resetIssuerKeyCache();
    }
    const dids = await Promise.all(racing);
    expect(new Set(dids).size).toBe(1);
    expect(fs.readdirSync(path.join(dataDir, "keys"))).toEqual(["credential-issuer.jwk"]);
  });

  it("refuses to replace a damaged key file", async () => {
    fs.mkdirSync(path.join(dataDir, "keys"));
    fs.writeFileSync(path.join(dataDir, "keys", "credential-issuer.jwk"), "{}");
    await expect(issuerDid()).rejects.toThrow(/not an Ed25519 private key/);
  });

  it("publishes the public key, whose x is the key inside the DID", async () => {
    const did = await issuerDid();
    const { keys } = await publicJwks();
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key).toEqual({
      kty: "OKP",
      crv: "Ed25519",
      x: expect.any(String),
      kid: `${did}#${did.slice("did:key:".length)}`,
      alg: "EdDSA",
      use: "sig",
    });
    expect(key).not.toHaveProperty("d");
    expect(publicJwkFromDidKey(did)!.x).toBe(key.x);
    expect(didKeyFromPublicJwk({ x: key.x! }).did).toBe(did);
  });
});

describe("certificate credential", () => {
  it("is an OpenBadgeCredential with a salted email hash and no clear email", async () => {
    const credential = await buildCertificateCredential(input());
    const did = await issuerDid();
    const [emailIdentity, nameIdentity] = credential.credentialSubject.identifier;
    expect(emailIdentity.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(credential).toEqual({
      "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
      ],
      id: "https://lms.example.org/verify/SWF-2025-7K3Q",
      type: ["VerifiableCredential", "OpenBadgeCredential"],
      issuer: {
        id: did,
        type: ["Profile"],
        name: "Social Work Fellowship — Georgia",
        url: "https://lms.example.org",
      },
      validFrom: "2025-06-30T12:00:00Z",
      name: "Certificate of Completion — Social Work Fellowship",
      description: "Social Work Fellowship 2024–2025",
      credentialSubject: {
        type: ["AchievementSubject"],
        identifier: [
          {
            type: "IdentityObject",
            identityHash:
              "sha256$" +
              createHash("sha256")
                .update("nino.beridze@example.org" + emailIdentity.salt)
                .digest("hex"),
            identityType: "emailAddress",
            hashed: true,
            salt: emailIdentity.salt,
          },
          { type: "IdentityObject", identityHash: "Nino Beridze", identityType: "name", hashed: false },
        ],
        achievement: {
          id: "https://lms.example.org/achievements/social-work-fellowship",
          type: ["Achievement"],
          name: "Certificate of Completion — Social Work Fellowship",
          description: "Completed the twelve-month fellowship in rights-based social work practice.",
          criteria: { narrative: "Completed every module and had every assignment accepted by a mentor." },
        },
      },
      credentialStatus: { id: "https://lms.example.org/verify/SWF-2025-7K3Q/status", type: CERTIFICATE_STATUS_TYPE },
    });
    expect(nameIdentity.hashed).toBe(false);

    const again = await buildCertificateCredential(input());
    expect(again.credentialSubject.identifier[0].salt).not.toBe(emailIdentity.salt);
    expect(again.credentialSubject.identifier[0].identityHash).not.toBe(emailIdentity.identityHash);
  });

  it("signs as a VC-JWT that verifies offline and against the published JWKS", async () => {
    const credential = await buildCertificateCredential(input());
    const jwt = await signCredential(credential);
    const [header, payload] = jwt.split(".").map((part, i) => (i < 2 ? decodePart(part) : part));
    const did = await issuerDid();
    const kid = `${did}#${did.slice("did:key:".length)}`;
    expect(header).toEqual({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid });
    expect(payload).toEqual({ ...credential, iss: did, jti: credential.id, nbf: 1751284800, iat: 1751284800 });
    expect(payload).not.toHaveProperty("vc");

    const offline = await verifyCredentialJwt(jwt);
    expect(offline).toEqual({ ok: true, credential, issuer: did, kid });
    expect(await verifyCredentialJwt(jwt, { jwks: await publicJwks() })).toEqual(offline);
    // Deterministic: the same credential signs to the same JWT.
    expect(await signCredential(credential)).toBe(jwt);
  });

  it("never carries the email in clear", async () => {
    const jwt = await signCredential(await buildCertificateCredential(input()));
    const decoded = jwt
      .split(".")
      .slice(0, 2)
      .map((part) => Buffer.from(part, "base64url").toString("utf8"))
      .join("\n")
      .toLowerCase();
    expect(decoded).toContain("sha256$");
    expect(decoded).not.toContain("nino.beridze");
    expect(decoded).not.toContain("@example.org");
  });

  it("refuses to sign a credential naming another issuer", async () => {
    const credential = await buildCertificateCredential(input());
    credential.issuer.id = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    await expect(signCredential(credential)).rejects.toThrow(/not this server's key/);
  });
});

describe("verification failures", () => {
  it("detects a change to any single character of the JWT", async () => {
    const jwt = await signCredential(await buildCertificateCredential(input()));
    const [header, payload] = jwt.split(".");
    const positions = {
      header: Math.floor(header.length / 2),
      payload: header.length + 1 + Math.floor(payload.length / 2),
      signature: jwt.length - 10,
    };
    for (const [part, index] of Object.entries(positions)) {
      const result = await verifyCredentialJwt(changeCharAt(jwt, index));
      expect(result.ok, `changed ${part}`).toBe(false);
    }
    // …and every other character too, including the last ones whose spare bits base64url ignores.
    for (let index = 0; index < jwt.length; index++) {
      if (jwt[index] === ".") continue;
      const result = await verifyCredentialJwt(changeCharAt(jwt, index));
      if (result.ok) throw new Error(`changing character ${index} went unnoticed`);
      expect(typeof result.reason).toBe("string");
    }
  });

  it("reports why", async () => {
    const jwt = await signCredential(await buildCertificateCredential(input()));
    const [header, payload, signature] = jwt.split(".");
    const signatureBytes = Buffer.from(signature, "base64url");
    signatureBytes[0] ^= 0x01;
    expect(await verifyCredentialJwt(`${header}.${payload}.${signatureBytes.toString("base64url")}`)).toEqual({
      ok: false,
      reason: "signature invalid",
    });
    const withHeader = (changes: Record<string, unknown>) => {
      const changed = Buffer.from(JSON.stringify({ ...decodePart(header), ...changes })).toString("base64url");
      return `${changed}.${payload}.${signature}`;
    };
    expect(await verifyCredentialJwt(withHeader({ alg: "ES256" }))).toMatchObject(failsWith(/alg/));
    expect(await verifyCredentialJwt(withHeader({ typ: "JWT" }))).toMatchObject(failsWith(/typ/));
    const foreignKid = withHeader({ kid: "https://evil.example/key" });
    expect(await verifyCredentialJwt(foreignKid)).toMatchObject(failsWith(/did:key/));
    expect(await verifyCredentialJwt(withHeader({ cty: "json" }))).toEqual({ ok: false, reason: "signature invalid" });
  });

  it("refuses a JWT signed by another key that claims our kid", async () => {
    const credential = await buildCertificateCredential(input());
    const genuine = await signCredential(credential);
    const { privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
    const header = decodePart(genuine.split(".")[0]);
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
      .setProtectedHeader(header)
      .sign(privateKey);
    expect(await verifyCredentialJwt(forged)).toEqual({ ok: false, reason: "signature invalid" });
    expect(await verifyCredentialJwt(forged, { jwks: await publicJwks() })).toEqual({
      ok: false,
      reason: "signature invalid",
    });
  });

  it("refuses a key set that does not hold the did:key's key", async () => {
    const jwt = await signCredential(await buildCertificateCredential(input()));
    const [published] = (await publicJwks()).keys;
    const otherX = Buffer.alloc(32, 9).toString("base64url");
    expect(await verifyCredentialJwt(jwt, { jwks: { keys: [{ ...published, x: otherX }] } })).toEqual({
      ok: false,
      reason: "published key does not match the did:key",
    });
    expect(await verifyCredentialJwt(jwt, { jwks: { keys: [] } })).toMatchObject(failsWith(/no key/));
  });

  it("refuses a credential whose issuer is not the signing DID, or one not yet valid", async () => {
    const did = await issuerDid();
    const kid = `${did}#${did.slice("did:key:".length)}`;
    const credential = await buildCertificateCredential(input());
    // Sign payloads of our choosing with the issuer's real key, read from its file.
    const keyFile = path.join(dataDir, "keys", "credential-issuer.jwk");
    const privateKey = await importJWK(JSON.parse(fs.readFileSync(keyFile, "utf8")), "EdDSA");
    const sign = (payload: object) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: "EdDSA", typ: "vc+jwt", cty: "vc", kid })
        .sign(privateKey);

    const otherIssuer = { ...credential, issuer: { ...credential.issuer, id: "did:example:someone-else" } };
    expect(await verifyCredentialJwt(await sign(otherIssuer))).toMatchObject(failsWith(/issuer/));
    const contradictingIss = await sign({ ...credential, iss: "did:example:x" });
    expect(await verifyCredentialJwt(contradictingIss)).toMatchObject(failsWith(/iss claim/));

    const future = await signCredential(
      await buildCertificateCredential(input({ issuedAt: new Date(Date.now() + 24 * 3600_000) })),
    );
    expect(await verifyCredentialJwt(future)).toMatchObject(failsWith(/not yet valid/));
    expect((await verifyCredentialJwt(future, { now: new Date(Date.now() + 48 * 3600_000) })).ok).toBe(true);
  });

  it("returns ok:false for garbage, never throws", async () => {
    const garbage: unknown[] = [
      "",
      "abc",
      "a.b.c",
      "...",
      "eyJhbGciOiJFZERTQSJ9.e30.AAAA",
      `${Buffer.from("[1,2]").toString("base64url")}.e30.AAAA`,
      "x".repeat(100_000),
      undefined,
      null,
      42,
    ];
    for (const value of garbage) {
      const result = await verifyCredentialJwt(value as string);
      expect(result.ok).toBe(false);
    }
  });
});

describe("verify-credential CLI", () => {
  function runCli(file: string): { status: number; output: string } {
    try {
      const output = execFileSync("npx", ["tsx", "scripts/verify-credential.ts", file], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      return { status: 0, output };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { status: failed.status, output: failed.stdout + failed.stderr };
    }
  }

  it("exits 0 for a genuine credential (status unknown offline) and 1 for a tampered one", async () => {
    const jwt = await signCredential(await buildCertificateCredential(input({ publicUrl: OFFLINE_URL })));
    const genuine = path.join(dataDir, "certificate.jwt");
    const tampered = path.join(dataDir, "tampered.jwt");
    fs.writeFileSync(genuine, jwt + "\n");
    fs.writeFileSync(tampered, changeCharAt(jwt, jwt.indexOf(".") + 20));

    const ok = runCli(genuine);
    expect(ok.output).toContain("Signature:     valid");
    expect(ok.output).toContain("Nino Beridze");
    expect(ok.output).toContain(await issuerDid());
    expect(ok.output).toContain("status unknown (offline)");
    expect(ok.status).toBe(0);

    const bad = runCli(tampered);
    expect(bad.output).toContain("INVALID");
    expect(bad.status).toBe(1);
  });
});
