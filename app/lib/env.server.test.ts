import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "./env.server";

describe("configuration", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  it("has safe defaults for local use", () => {
    delete process.env.DATABASE_PATH;
    delete process.env.PORT;
    delete process.env.DATA_DIR;
    resetEnvCache();
    const env = getEnv();
    expect(env.DATABASE_PATH).toBe("./data/fellowship.db");
    expect(env.PORT).toBe(3000);
    expect(env.PUBLIC_URL).toBe("http://localhost:3000");
  });

  it("names the variable that is wrong", () => {
    process.env.PORT = "eighty";
    process.env.SMTP_URL = "not a url";
    resetEnvCache();
    expect(() => getEnv()).toThrow(/PORT[\s\S]*SMTP_URL|SMTP_URL[\s\S]*PORT/);
  });
});
