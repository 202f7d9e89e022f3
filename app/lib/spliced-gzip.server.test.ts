import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { PrecompressedStretch, joinStretches, splicedGzip, stretchesBody, stretchesText } from "./spliced-gzip.server";

const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}-${(i * 7919) % 1013} `).join("");

describe("a gzip response spliced from precompressed and fresh stretches", () => {
  it("decompresses to exactly the stretches joined, in any mix", () => {
    const big = new PrecompressedStretch(`<section>${words(9000, "ნინო")}</section>`); // past deflate's 32 KB window
    const small = new PrecompressedStretch("<p>Աննա, Ирина, Aynur</p>");
    const cases = [
      [big],
      ["<html>", big, "<p>yours</p>", small, Buffer.from("</html>")],
      [big, big, "", small, ""],
      ["only fresh text ", "in two parts"],
      [],
    ];
    for (const stretches of cases) {
      const gz = splicedGzip(stretches);
      expect(zlib.gunzipSync(gz).equals(joinStretches(stretches))).toBe(true);
      expect(stretchesText(stretches)).toBe(joinStretches(stretches).toString("utf8"));
    }
  });

  it("keeps the stream valid for a strict reader: CRC and length are checked", () => {
    const gz = splicedGzip(["a", new PrecompressedStretch(words(100, "x")), "b"]);
    const corrupt = Buffer.from(gz);
    corrupt[corrupt.length - 8] ^= 0xff; // the CRC
    expect(() => zlib.gunzipSync(corrupt)).toThrow();
  });

  it("costs little more than compressing the whole text at once", () => {
    const body = new PrecompressedStretch(words(4000, "body"));
    const stretches = [`<header>${words(200, "shell")}</header>`, body, `<footer>${words(100, "end")}</footer>`];
    const whole = zlib.gzipSync(joinStretches(stretches), { level: 6 }).length;
    expect(splicedGzip(stretches).length).toBeLessThan(whole * 1.1);
  });
});

describe("answering with stretches", () => {
  const stretches = ["<p>", new PrecompressedStretch("x".repeat(2000)), "</p>"];
  const request = (acceptEncoding?: string) =>
    new Request("http://localhost/", { headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });

  it("sends gzip to a client that takes it, and says so", () => {
    const headers = new Headers();
    const bytes = stretchesBody(request("gzip, deflate, br"), stretches, headers);
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(headers.get("Vary")).toBe("Accept-Encoding");
    expect(headers.get("Content-Length")).toBe(String(bytes.length));
    expect(zlib.gunzipSync(bytes).toString()).toBe(`<p>${"x".repeat(2000)}</p>`);
  });

  it("sends the plain text to a client that does not, or refuses gzip", () => {
    for (const header of [undefined, "br", "gzip;q=0, identity"]) {
      const headers = new Headers();
      const bytes = stretchesBody(request(header), stretches, headers);
      expect(headers.get("Content-Encoding")).toBeNull();
      expect(bytes.toString()).toBe(`<p>${"x".repeat(2000)}</p>`);
    }
  });
});
