import express from "express";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { redactPath, requestLogger } from "./logging.js";

describe("the request log", () => {
  it("cuts the secret out of invitation and password-reset links, and drops query strings", () => {
    expect(redactPath("/invite/3kq9abcdef?x=1")).toBe("/invite/…");
    expect(redactPath("/reset-password/zz99/extra")).toBe("/reset-password/…/extra");
    expect(redactPath("/modules/water-sanitation-health?tab=2")).toBe("/modules/water-sanitation-health");
  });

  it("writes one JSON line per request with method, path, status, time and the error page's reference, and no cookies", async () => {
    const lines = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(...chunk.toString().trim().split("\n"));
        callback();
      },
    });
    const app = express();
    app.use(requestLogger(sink));
    app.get("/invite/:token", (_req, res) => res.send("ok"));
    app.get("/boom", (_req, res) => res.status(500).send("no"));
    const server = app.listen(0);
    const { port } = server.address();
    await fetch(`http://localhost:${port}/invite/secret-token?lang=ka`, { headers: { cookie: "fellowship_session=abc.def" } });
    await fetch(`http://localhost:${port}/boom`);
    server.close();
    await new Promise((r) => setTimeout(r, 50));
    const entries = lines.map((l) => JSON.parse(l));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ level: 30, req: { method: "GET", path: "/invite/…" }, res: { status: 200 } });
    expect(typeof entries[0].responseTime).toBe("number");
    expect(entries[0].reqId).toMatch(/^[0-9a-f]+$/);
    expect(entries[1]).toMatchObject({ level: 50, req: { path: "/boom" }, res: { status: 500 } });
    const raw = lines.join("\n");
    expect(raw).not.toContain("secret-token");
    expect(raw).not.toContain("fellowship_session");
    expect(raw).not.toContain("lang=ka");
  });
});
