import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane). The numeric
 * algorithm id is used because the library's enum is a `const enum`, which
 * isolated-module builds cannot inline.
 */
const ARGON2ID = 2;
export const PASSWORD_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the email is unknown keeps the two answers equally slow.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string) {
  dummyHash ??= hashPassword("not-a-real-password-but-long-enough");
  await verifyPassword(await dummyHash, password);
}
