import { describe, expect, it } from "vitest";
import { attachFiles, safeFileName } from "./files.server";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");

describe("attachment names", () => {
  it("drops folders, control and direction characters, reserved names, and takes the real extension", () => {
    expect(safeFileName("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(safeFileName("C:\\Users\\x\\notes.docx", "docx")).toBe("notes.docx");
    expect(safeFileName("report\u202Efdp.exe", "pdf")).toBe("reportfdp.pdf");
    expect(safeFileName("a\u0000b.pdf", "pdf")).toBe("ab.pdf");
    expect(safeFileName("CON.pdf", "pdf")).toBe("attachment.pdf");
    expect(safeFileName("ნინოს ანგარიში.pdf", "pdf")).toBe("ნინოს ანგარიში.pdf");
    expect(safeFileName(`${"x".repeat(300)}.pdf`, "pdf")).toHaveLength(84);
  });
});

describe("checking uploads by content", () => {
  it("refuses an HTML file named .pdf, an empty file and an oversized one, and stores a real PDF", async () => {
    const problems = await attachFiles("demo-submission-1", "demo-fellow", [
      { name: "fake.pdf", bytes: Buffer.from("<html><script>alert(1)</script></html>"), tooLarge: false },
      { name: "empty.pdf", bytes: Buffer.alloc(0), tooLarge: false },
      { name: "huge.pdf", bytes: null, tooLarge: true },
      { name: "../real.pdf", bytes: PDF, tooLarge: false },
    ]);
    expect(problems).toEqual([
      { name: "fake.pdf", key: "files.wrongType" },
      { name: "empty.pdf", key: "files.empty" },
      { name: "huge.pdf", key: "files.tooLarge" },
    ]);
  });
});
