import fontkit from "@pdf-lib/fontkit";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import {
  CONTENT,
  type CertificateLayout,
  type CertificatePdfInput,
  FONT_FILES,
  type FontRole,
  type PlacedText,
  type TextMeasure,
  certificateFontBytes,
  embedCertificateFonts,
  fitList,
  fitText,
  layoutCertificate,
  renderCertificatePdf,
} from "./pdf.server";
import { qrMatrix, qrRuns } from "./qr.server";

const CODE = "K7QH2M4XW9TB3RJ6NVPA5ZC8DE";

function certificate(overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput {
  return {
    code: CODE,
    verifyUrl: `https://learn.swf-georgia.example/verify/${CODE}`,
    programmeTitle: "Social Work Fellowship — Kvemo Kartli and Samtskhe-Javakheti",
    fellowName: "Nino Beridze",
    cohortName: "Cohort 2026 · Rustavi and Akhaltsikhe",
    statementLocal: null,
    statementEnglish: "has successfully completed the Social Work Fellowship programme.",
    labels: {
      modules: "Modules completed",
      practiceHours: "Supervised practice hours",
      issuedOn: "Issued on",
      issuedBy: "Issued by",
      verify: "Verify this certificate at",
      code: "Verification code",
    },
    modules: [
      "Foundations of social work practice",
      "Ethics and professional boundaries",
      "Child protection and family support",
      "Case management and documentation",
      "Community organising",
      "Supervision and reflective practice",
    ],
    practiceHours: "124.5",
    issuedOn: "2026-11-27",
    issuer: { name: "Ketevan Lomidze", role: "Programme coordinator" },
    ...overrides,
  };
}

const AZERBAIJANI_MODULES = [
  "Uşaq müdafiəsi və çətin şəraitdə iş",
  "ÇOXŞAXƏLİ YANAŞMA VƏ UĞURLU TƏCRÜBƏ",
  "Ölçmə, öyrənmə və qiymətləndirmə",
  "Sağlamlıq sistemi ilə əməkdaşlıq",
];

const FELLOWS = [
  {
    language: "Georgian",
    input: certificate({
      fellowName: "ნინო ბერიძე",
      statementLocal: "წარმატებით დაასრულა სოციალური მუშაობის სტიპენდიის პროგრამა.",
    }),
  },
  {
    language: "Armenian",
    input: certificate({
      fellowName: "Արամ Պետրոսյան",
      statementLocal: "Հաջողությամբ ավարտել է սոցիալական աշխատանքի կրթաթոշակային ծրագիրը։",
    }),
  },
  {
    language: "Azerbaijani",
    input: certificate({
      fellowName: "Günay Məmmədova İsmayılqızı",
      statementLocal: "Sosial iş üzrə təqaüd proqramını uğurla başa vurmuşdur.",
      modules: AZERBAIJANI_MODULES,
    }),
  },
  {
    language: "Russian",
    input: certificate({
      fellowName: "Анна Петрова",
      statementLocal: "Успешно завершила стипендиальную программу по социальной работе.",
    }),
  },
];

const LONG_NAME =
  "Mariam-Ketevan Aleksandra Tinatin Elisabed Nestan-Darejan Tsereteli-Dadiani-Orbeliani-Amilakhvari-Chavchavadze-Mukhranbatoni";

const LONG_MODULES = Array.from(
  { length: 12 },
  (_, index) =>
    `Module ${index + 1}: Working with families, communities and public services in rural municipalities — assessment, planning and review`,
);

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js may transfer (detach) the buffer it is given; hand it a copy so the caller's stays usable.
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: true });
  return squash(text);
}

async function measuredFonts(): Promise<Record<FontRole, TextMeasure>> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  return embedCertificateFonts(doc, "layout-test");
}

/** Every embedded font programme and the name it is embedded under. */
function embeddedFonts(doc: PDFDocument) {
  const fonts: { name: string; programmeBytes: number }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of("Type")) !== PDFName.of("FontDescriptor")) continue;
    const file = doc.context.lookup(object.get(PDFName.of("FontFile2")));
    fonts.push({
      name: object.lookup(PDFName.of("FontName"), PDFName).decodeText(),
      programmeBytes: file instanceof PDFRawStream ? file.contents.length : Number.NaN,
    });
  }
  return fonts;
}

function overlaps(a: { left: number; right: number; bottom: number; top: number }, b: typeof a) {
  const epsilon = 0.01;
  return a.left < b.right - epsilon && b.left < a.right - epsilon && a.bottom < b.top - epsilon && b.bottom < a.top - epsilon;
}

const glyphFonts = Object.fromEntries(
  Object.entries(certificateFontBytes()).map(([role, bytes]) => [role, fontkit.create(bytes)]),
) as Record<FontRole, ReturnType<typeof fontkit.create>>;

/** Where a line's glyphs actually put ink, from the outlines in the font files. */
function inkBox(text: PlacedText) {
  const font = glyphFonts[text.font];
  const scale = text.size / font.unitsPerEm;
  let top = text.y;
  let bottom = text.y;
  for (const glyph of font.layout(text.text, { liga: false, dlig: false }).glyphs) {
    const { minY, maxY } = glyph.bbox;
    if (!Number.isFinite(minY) || !Number.isFinite(maxY)) continue; // spaces have no outline
    top = Math.max(top, text.y + maxY * scale);
    bottom = Math.min(bottom, text.y + minY * scale);
  }
  return { text: text.text, left: text.x, right: text.x + text.width, bottom, top };
}

function expectInsidePageWithoutCollisions(layout: CertificateLayout) {
  const boxes = layout.texts.map(inkBox);
  for (const box of boxes) {
    expect(box.left, box.text).toBeGreaterThanOrEqual(CONTENT.left - 0.01);
    expect(box.right, box.text).toBeLessThanOrEqual(CONTENT.right + 0.01);
    expect(box.bottom, box.text).toBeGreaterThanOrEqual(CONTENT.bottom - 0.01);
    expect(box.top, box.text).toBeLessThanOrEqual(CONTENT.top + 0.01);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      expect(overlaps(boxes[i], boxes[j]), `"${boxes[i].text}" overlaps "${boxes[j].text}"`).toBe(false);
    }
  }
  const { qr } = layout;
  const qrArea = {
    left: qr.x - qr.quietZone,
    right: qr.x + qr.size + qr.quietZone,
    bottom: qr.y - qr.quietZone,
    top: qr.y + qr.size + qr.quietZone,
  };
  for (const box of boxes) expect(overlaps(box, qrArea), `"${box.text}" is in the QR code's quiet zone`).toBe(false);
  expect(qrArea.left).toBeGreaterThanOrEqual(CONTENT.left);
  expect(qrArea.right).toBeLessThanOrEqual(CONTENT.right);
  for (const rule of layout.rules) {
    const y = rule.from.y;
    const crossesQr = y > qrArea.bottom && y < qrArea.top && rule.to.x > qrArea.left && rule.from.x < qrArea.right;
    expect(crossesQr).toBe(false);
  }
}

describe("certificate fonts", () => {
  const scripts = FELLOWS.flatMap(({ input }) => [input.fellowName, input.statementLocal ?? "", ...input.modules]);
  const azerbaijaniAlphabet = "ƏəĞğIıİiÖöŞşÜüÇç";
  const codePoints = [...new Set([...scripts.join(""), ...azerbaijaniAlphabet, "—", "·", "…", "–"])];

  it.each(Object.keys(FONT_FILES) as FontRole[])("DejaVu %s has a glyph for every letter of the four names and statements", (role) => {
    const font = fontkit.create(certificateFontBytes()[role]);
    const missing = codePoints.filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
  });
});

describe("rendering a certificate", () => {
  it.each(FELLOWS)("prints a $language fellow's name, statement and code as extractable text", async ({ input }) => {
    const bytes = await renderCertificatePdf(input);
    const text = await pdfText(bytes);

    expect(text).toContain(input.fellowName);
    expect(text).toContain(squash(input.statementLocal ?? ""));
    expect(text).toContain(squash(input.statementEnglish));
    expect(text).toContain(CODE);
    expect(text).toContain(input.programmeTitle);
    for (const title of input.modules) expect(text).toContain(title);
    expect(bytes.byteLength).toBeLessThan(300 * 1024);
  });

  it("makes one A4 landscape page with metadata and the fonts embedded as tagged subsets", async () => {
    const input = FELLOWS[0].input;
    const doc = await PDFDocument.load(await renderCertificatePdf(input), { updateMetadata: false });

    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(841.89, 2);
    expect(height).toBeCloseTo(595.28, 2);

    expect(doc.getTitle()).toBe(`${input.programmeTitle} — ${input.fellowName}`);
    expect(doc.getAuthor()).toBe(input.programmeTitle);
    expect(doc.getSubject()).toBe(input.statementEnglish);
    expect(doc.getCreator()).toBe("Fellowship LMS");
    expect(doc.getCreationDate()?.toISOString()).toBe("2026-11-27T00:00:00.000Z");
    expect(doc.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("en");

    const fonts = embeddedFonts(doc);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual(
      ["DejaVuSans", "DejaVuSansMono", "DejaVuSerif", "DejaVuSerif-Bold"].sort(),
    );
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+DejaVu/);
      // A full DejaVu face is 350–750 KB; a subset of a few dozen glyphs is a few KB.
      expect(font.programmeBytes).toBeLessThan(40 * 1024);
    }
  });

  it("renders the same input twice into two valid PDFs", async () => {
    const input = FELLOWS[2].input;
    const [first, second] = await Promise.all([renderCertificatePdf(input), renderCertificatePdf(input)]);
    for (const bytes of [first, second]) {
      const doc = await PDFDocument.load(bytes);
      expect(doc.getPageCount()).toBe(1);
      expect(await pdfText(bytes)).toContain(input.fellowName);
    }
  });

  it("fits a 120-character name and twelve long module titles on the page", async () => {
    const input = certificate({ fellowName: LONG_NAME, modules: LONG_MODULES, statementLocal: FELLOWS[0].input.statementLocal });
    expect(LONG_NAME.length).toBeGreaterThanOrEqual(120);

    const layout = layoutCertificate(input, await measuredFonts());
    expect(layout.truncated).toEqual([]);
    expectInsidePageWithoutCollisions(layout);
    const nameLines = layout.texts.filter((text) => text.font === "serifBold" && LONG_NAME.includes(text.text));
    expect(nameLines.map((line) => line.text).join(" ")).toBe(LONG_NAME);
    expect(nameLines[0].size).toBeGreaterThanOrEqual(14);

    const bytes = await renderCertificatePdf(input);
    const text = await pdfText(bytes);
    expect(text).toContain(LONG_NAME);
    for (const title of LONG_MODULES) expect(text).toContain(title);
    expect(bytes.byteLength).toBeLessThan(300 * 1024);
  });

  it.each(FELLOWS)("lays out the $language certificate inside the page without collisions", async ({ input }) => {
    const layout = layoutCertificate(input, await measuredFonts());
    expect(layout.truncated).toEqual([]);
    expectInsidePageWithoutCollisions(layout);
    const name = layout.texts.find((text) => text.text === input.fellowName);
    expect(name?.size).toBeGreaterThanOrEqual(36);
  });

  it("cuts absurd input with an ellipsis rather than leaving the page", async () => {
    const endless = "Lorem ipsum dolor sit amet ".repeat(40);
    const input = certificate({
      fellowName: endless,
      programmeTitle: endless,
      statementLocal: endless,
      statementEnglish: endless,
      modules: Array.from({ length: 60 }, () => endless),
      issuer: { name: endless, role: endless },
      verifyUrl: `https://learn.swf-georgia.example/verify/${"X".repeat(400)}`,
      code: "Y".repeat(200),
    });
    const layout = layoutCertificate(input, await measuredFonts());
    expect(layout.truncated).toEqual(expect.arrayContaining(["fellowName", "modules", "code"]));
    expectInsidePageWithoutCollisions(layout);
    await expect(renderCertificatePdf(input)).resolves.toBeInstanceOf(Uint8Array);
  });
});

describe("fitting text into a box", () => {
  const font = { widthOfTextAtSize: (text: string, size: number) => [...text].length * size * 0.5 };

  it("keeps the largest size when the text fits", () => {
    expect(fitText("Short name", font, 200, 30, { maxSize: 20, minSize: 6 })).toMatchObject({
      lines: ["Short name"],
      size: 20,
      truncated: false,
    });
  });

  it("shrinks before it wraps beyond the allowed lines, and never exceeds the width", () => {
    const fitted = fitText("alpha beta gamma delta epsilon zeta eta theta", font, 100, 24, { maxSize: 20, minSize: 4, maxLines: 2 });
    expect(fitted.lines.length).toBeLessThanOrEqual(2);
    expect(fitted.height).toBeLessThanOrEqual(24);
    for (const line of fitted.lines) expect(font.widthOfTextAtSize(line, fitted.size)).toBeLessThanOrEqual(100);
    expect(fitted.lines.join(" ")).toBe("alpha beta gamma delta epsilon zeta eta theta");
  });

  it("breaks a word wider than the box between characters", () => {
    const fitted = fitText("https://example.org/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", font, 60, 100, { maxSize: 8, minSize: 8 });
    expect(fitted.lines.length).toBeGreaterThan(1);
    expect(fitted.lines.join("")).toBe("https://example.org/verify/ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    for (const line of fitted.lines) expect(font.widthOfTextAtSize(line, 8)).toBeLessThanOrEqual(60);
  });

  it("ends with an ellipsis when even the smallest size does not fit", () => {
    const fitted = fitText("word ".repeat(100), font, 50, 20, { maxSize: 10, minSize: 8, maxLines: 2 });
    expect(fitted.truncated).toBe(true);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1].endsWith("…")).toBe(true);
    for (const line of fitted.lines) expect(font.widthOfTextAtSize(line, fitted.size)).toBeLessThanOrEqual(50);
  });

  it("shrinks a list as a whole so every item stays in the box", () => {
    const items = Array.from({ length: 12 }, (_, index) => `Module ${index + 1} with a rather long descriptive title`);
    const list = fitList(items, font, () => 120, 200, { maxSize: 10, minSize: 3, leading: 1.25 });
    const lines = list.items.reduce((sum, item) => sum + item.length, 0);
    expect(list.truncated).toBe(false);
    expect(lines * list.lineHeight + (items.length - 1) * list.gap).toBeLessThanOrEqual(200);
    expect(list.items.map((item) => item.join(" "))).toEqual(items);
  });
});

describe("the QR code", () => {
  it("merges dark modules into runs that cover exactly the dark modules", () => {
    const matrix = qrMatrix("https://learn.swf-georgia.example/verify/K7QH2M4XW9TB3RJ6NVPA5ZC8DE");
    const covered = new Set(qrRuns(matrix).flatMap((run) => Array.from({ length: run.length }, (_, i) => `${run.row},${run.col + i}`)));
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) expect(covered.has(`${row},${col}`)).toBe(matrix.isDark(row, col));
    }
  });
});
