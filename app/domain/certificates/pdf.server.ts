import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  type RGB,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingRgbColor,
} from "pdf-lib";
import { type QrMatrix, qrMatrix, qrRuns } from "./qr.server";

export type CertificatePdfInput = {
  /** Public verification code, printed in full. */
  code: string;
  /** Full URL of the public verification page; encoded in the QR code. */
  verifyUrl: string;
  programmeTitle: string;
  /** Any script DejaVu covers: Georgian, Armenian, Latin (incl. Azerbaijani), Cyrillic. */
  fellowName: string;
  cohortName: string;
  /** Completion statement in the fellow's language; null when that language is English. */
  statementLocal: string | null;
  statementEnglish: string;
  /** English labels, already composed by the caller. */
  labels: { modules: string; practiceHours: string; issuedOn: string; issuedBy: string; verify: string; code: string };
  /** Titles of the completed modules, in order. */
  modules: string[];
  /** Already formatted, e.g. "124.5". */
  practiceHours: string;
  /** YYYY-MM-DD, printed as given. */
  issuedOn: string;
  issuer: { name: string; role: string };
};

/** A4 landscape, in PDF points. */
export const PAGE = { width: 841.89, height: 595.28 } as const;

/** Everything except the frame stays inside this box, clear of printers' unprintable edges. */
export const CONTENT = { left: 60, right: PAGE.width - 60, bottom: 50, top: PAGE.height - 50 } as const;

export const FONT_FILES = {
  serif: "DejaVuSerif.ttf",
  serifBold: "DejaVuSerif-Bold.ttf",
  sans: "DejaVuSans.ttf",
  mono: "DejaVuSansMono.ttf",
} as const;
export type FontRole = keyof typeof FONT_FILES;

/**
 * DejaVu's vertical metrics as a fraction of the font size (hhea ascent and
 * descent: 1901 and 483 of 2048 units; Serif Bold rises to 1923). Lines are
 * centred on this range. The tallest glyph among the scripts we print reaches
 * 1.0 (Serif Bold Й) and descenders reach 0.25 (Sans Ģ), so a leading of 1.25
 * or more keeps one line's descenders off the next line's accents.
 */
const FONT_ASCENT = 0.93;
const FONT_DESCENT = 0.236;

/** Only what layout needs from a font, so layout can be tested without drawing. */
export type TextMeasure = Pick<PDFFont, "widthOfTextAtSize">;

const COLOURS = {
  ink: rgb(0.11, 0.13, 0.17),
  muted: rgb(0.36, 0.39, 0.44),
  accent: rgb(0.09, 0.33, 0.42),
  hairline: rgb(0.78, 0.81, 0.84),
};

let cachedFontBytes: Record<FontRole, Uint8Array> | undefined;

/** The font files, read from the npm package once per process: each is 350–750 KB. */
export function certificateFontBytes(): Record<FontRole, Uint8Array> {
  if (!cachedFontBytes) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => new Uint8Array(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
    cachedFontBytes = {
      serif: read(FONT_FILES.serif),
      serifBold: read(FONT_FILES.serifBold),
      sans: read(FONT_FILES.sans),
      mono: read(FONT_FILES.mono),
    };
  }
  return cachedFontBytes;
}

export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = await embedCertificateFonts(doc, JSON.stringify(input));
  const layout = layoutCertificate(input, fonts);

  setMetadata(doc, input);
  const page = doc.addPage([PAGE.width, PAGE.height]);
  drawFrame(page);
  for (const rule of layout.rules) {
    page.drawLine({ start: rule.from, end: rule.to, thickness: rule.thickness, color: rule.colour });
  }
  for (const text of layout.texts) {
    page.drawText(text.text, { x: text.x, y: text.y, size: text.size, font: fonts[text.font], color: text.colour });
  }
  drawQr(page, layout.qr);
  return doc.save();
}

/**
 * Embeds the four DejaVu styles as subsets. pdf-lib names embedded fonts
 * "DejaVuSans-1234"; PDF readers and archiving checks expect the standard
 * subset tag instead ("ABCDEF+DejaVuSans", ISO 32000 9.6.4), so each font gets
 * one derived from the certificate's content: equal content, equal tag.
 */
export async function embedCertificateFonts(doc: PDFDocument, seed: string): Promise<Record<FontRole, PDFFont>> {
  const bytes = certificateFontBytes();
  const embed = (role: FontRole) => {
    const postscriptName = FONT_FILES[role].replace(/\.ttf$/, "");
    // Ligatures off, so that every glyph maps back to exactly one character: copying, searching and
    // screen readers then see the text as typed in any reader, not only those that expand ligatures.
    // (A fresh features object each time: fontkit writes its defaults into the one it is given.)
    return doc.embedFont(bytes[role], {
      subset: true,
      customName: `${subsetTag(`${seed}\0${role}`)}+${postscriptName}`,
      features: { liga: false, dlig: false },
    });
  };
  const [serif, serifBold, sans, mono] = await Promise.all([
    embed("serif"),
    embed("serifBold"),
    embed("sans"),
    embed("mono"),
  ]);
  return { serif, serifBold, sans, mono };
}

/** Six capital letters, as the PDF specification asks of a subset tag. */
function subsetTag(seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join("");
}

function setMetadata(doc: PDFDocument, input: CertificatePdfInput) {
  doc.setTitle(`${clean(input.programmeTitle)} — ${clean(input.fellowName)}`, { showInWindowTitleBar: true });
  doc.setSubject(clean(input.statementEnglish));
  doc.setAuthor(clean(input.programmeTitle));
  doc.setCreator("Fellowship LMS");
  doc.setKeywords([clean(input.code), clean(input.cohortName)]);
  doc.setLanguage("en");
  // The certificate's date, not the moment it was rendered: re-downloading it later changes nothing a reader sees.
  const issued = new Date(`${input.issuedOn}T00:00:00Z`);
  if (!Number.isNaN(issued.getTime())) {
    doc.setCreationDate(issued);
    doc.setModificationDate(issued);
  }
}

/** A double rule around the page, heavier outside. */
function drawFrame(page: PDFPage) {
  const rules = [
    { inset: 20, thickness: 1.2 },
    { inset: 25.5, thickness: 0.4 },
  ];
  for (const { inset, thickness } of rules) {
    page.drawRectangle({
      x: inset,
      y: inset,
      width: PAGE.width - 2 * inset,
      height: PAGE.height - 2 * inset,
      borderColor: COLOURS.accent,
      borderWidth: thickness,
    });
  }
}

function drawQr(page: PDFPage, qr: PlacedQr) {
  const runs = qrRuns(qr.matrix).map((run) =>
    rectangle(
      qr.x + run.col * qr.moduleSize,
      qr.y + qr.size - (run.row + 1) * qr.moduleSize,
      run.length * qr.moduleSize,
      qr.moduleSize,
    ),
  );
  // One path for the whole symbol: overlapping edges of adjacent runs fill as one shape.
  page.pushOperators(pushGraphicsState(), setFillingRgbColor(0, 0, 0), ...runs, fill(), popGraphicsState());
}

/* ============================== Layout ================================= */

export type PlacedText = {
  text: string;
  font: FontRole;
  size: number;
  colour: RGB;
  /** Baseline origin. */
  x: number;
  y: number;
  width: number;
};

export type PlacedQr = {
  matrix: QrMatrix;
  /** Lower-left corner of the symbol, without its quiet zone. */
  x: number;
  y: number;
  size: number;
  moduleSize: number;
  /** The blank margin a scanner needs around the symbol: four modules. */
  quietZone: number;
};

export type Rule = { from: { x: number; y: number }; to: { x: number; y: number }; thickness: number; colour: RGB };

export type CertificateLayout = {
  texts: PlacedText[];
  rules: Rule[];
  qr: PlacedQr;
  /** Fields that did not fit even at their smallest size and were cut with an ellipsis. */
  truncated: string[];
};

type Column = { left: number; width: number };
type TextStyle = FitOptions & { font: FontRole; colour: RGB; align: "left" | "center" };

const STYLES = {
  title: { font: "serif", colour: COLOURS.accent, align: "center", maxSize: 19, minSize: 7, leading: 1.25, maxLines: 2, balance: true },
  cohort: { font: "sans", colour: COLOURS.muted, align: "center", maxSize: 10.5, minSize: 5, leading: 1.3, maxLines: 1 },
  name: { font: "serifBold", colour: COLOURS.ink, align: "center", maxSize: 40, minSize: 8, leading: 1.25, maxLines: 2, balance: true },
  statement: { font: "serif", colour: COLOURS.ink, align: "center", maxSize: 15, minSize: 6, leading: 1.3, balance: true },
  translation: { font: "sans", colour: COLOURS.muted, align: "center", maxSize: 11, minSize: 5, leading: 1.35, balance: true },
  label: { font: "sans", colour: COLOURS.accent, align: "left", maxSize: 8, minSize: 5, leading: 1.25, maxLines: 2 },
  value: { font: "serifBold", colour: COLOURS.ink, align: "left", maxSize: 15, minSize: 6, leading: 1.25, maxLines: 1 },
  issuer: { font: "serifBold", colour: COLOURS.ink, align: "left", maxSize: 11, minSize: 5, leading: 1.25, maxLines: 2 },
  note: { font: "sans", colour: COLOURS.muted, align: "left", maxSize: 8.5, minSize: 5, leading: 1.3, maxLines: 2 },
  url: { font: "sans", colour: COLOURS.muted, align: "center", maxSize: 7, minSize: 4, leading: 1.25, maxLines: 3 },
  code: { font: "mono", colour: COLOURS.ink, align: "center", maxSize: 9, minSize: 5, leading: 1.25, maxLines: 2 },
  module: { font: "sans", colour: COLOURS.ink, align: "left", maxSize: 10, minSize: 4.5, leading: 1.25 },
} satisfies Record<string, TextStyle>;

const PAGE_CENTRE = PAGE.width / 2;
const HEADER = { top: CONTENT.top, bottom: 290, column: { left: CONTENT.left + 20, width: CONTENT.right - CONTENT.left - 40 } };
// Statements read better in a narrower measure than the name above them.
const STATEMENT_COLUMN = { left: PAGE_CENTRE - 320, width: 640 };
const ACCENT_RULE_GAP = 16;
const DIVIDER_Y = 282;
const COLUMNS_TOP = 266;
const MODULES_COLUMN = { left: CONTENT.left, width: 370 };
const FACTS_COLUMN = { left: CONTENT.left + 398, width: 150 };
const VERIFY_COLUMN = { left: CONTENT.left + 576, width: CONTENT.right - CONTENT.left - 576 };
const QR_SIZE = 100;
const SIGNATURE_SPACE = 20;

/**
 * Positions every piece of text. Each field has a box and shrinks (then
 * wraps) until it fits, so no input can push text off the page or onto
 * another field.
 */
export function layoutCertificate(input: CertificatePdfInput, fonts: Record<FontRole, TextMeasure>): CertificateLayout {
  const texts: PlacedText[] = [];
  const rules: Rule[] = [];
  const truncated: string[] = [];

  const fit = (field: string, text: string, style: TextStyle, column: Column, height: number) => {
    const fitted = fitText(text, fonts[style.font], column.width, height, style);
    if (fitted.truncated) truncated.push(field);
    return fitted;
  };
  /** Places fitted lines from `top` down and returns the block's bottom edge. */
  const place = (fitted: FittedText, style: TextStyle, column: Column, top: number) => {
    fitted.lines.forEach((line, index) => {
      const lineTop = top - index * fitted.lineHeight;
      texts.push(placeLine(line, fonts[style.font], style, fitted.size, column, lineTop, fitted.lineHeight));
    });
    return top - fitted.height;
  };
  const block = (field: string, text: string, style: TextStyle, column: Column, top: number, height: number) =>
    place(fit(field, text, style, column, height), style, column, top);

  // Header: title, cohort, name and statements, centred together above the divider.
  // Local language first, English under it and smaller; without a local statement, English takes its place.
  const statement = (field: string, text: string, style: TextStyle, height: number, gap: number) =>
    ({ field, text, style, column: STATEMENT_COLUMN, height, gap });
  const statements =
    input.statementLocal === null
      ? [statement("statementEnglish", input.statementEnglish, STYLES.statement, 82, 12)]
      : [
          statement("statementLocal", input.statementLocal, STYLES.statement, 44, 12),
          statement("statementEnglish", input.statementEnglish, STYLES.translation, 32, 6),
        ];
  const header = [
    { field: "programmeTitle", text: input.programmeTitle, style: STYLES.title, column: HEADER.column, height: 46, gap: 0 },
    { field: "cohortName", text: input.cohortName, style: STYLES.cohort, column: HEADER.column, height: 15, gap: 5 },
    { field: "fellowName", text: input.fellowName, style: STYLES.name, column: HEADER.column, height: 60, gap: 2 * ACCENT_RULE_GAP },
    ...statements,
  ].map((entry) => ({ ...entry, fitted: fit(entry.field, entry.text, entry.style, entry.column, entry.height) }));
  const headerHeight = header.reduce((sum, entry) => sum + entry.gap + entry.fitted.height, 0);
  let top = (HEADER.top + HEADER.bottom + headerHeight) / 2;
  for (const entry of header) {
    if (entry.field === "fellowName") {
      const y = top - ACCENT_RULE_GAP;
      rules.push({ from: { x: PAGE_CENTRE - 36, y }, to: { x: PAGE_CENTRE + 36, y }, thickness: 0.8, colour: COLOURS.accent });
    }
    top = place(entry.fitted, entry.style, entry.column, top - entry.gap);
  }

  rules.push({
    from: { x: CONTENT.left, y: DIVIDER_Y },
    to: { x: CONTENT.right, y: DIVIDER_Y },
    thickness: 0.5,
    colour: COLOURS.hairline,
  });

  // Left column: the modules, numbered.
  const listTop = block("labels.modules", input.labels.modules, STYLES.label, MODULES_COLUMN, COLUMNS_TOP, 20) - 6;
  layoutModules(input.modules, fonts, { ...MODULES_COLUMN, top: listTop, height: listTop - CONTENT.bottom }, texts, truncated);

  // Middle column: hours, date and issuer, stacked.
  top = block("labels.practiceHours", input.labels.practiceHours, STYLES.label, FACTS_COLUMN, COLUMNS_TOP, 20) - 3;
  top = block("practiceHours", input.practiceHours, STYLES.value, FACTS_COLUMN, top, 19) - 14;
  top = block("labels.issuedOn", input.labels.issuedOn, STYLES.label, FACTS_COLUMN, top, 20) - 3;
  top = block("issuedOn", input.issuedOn, { ...STYLES.value, maxSize: 13 }, FACTS_COLUMN, top, 17) - 14;
  top = block("labels.issuedBy", input.labels.issuedBy, STYLES.label, FACTS_COLUMN, top, 20) - SIGNATURE_SPACE;
  // Where a coordinator can sign a printed copy.
  rules.push({
    from: { x: FACTS_COLUMN.left, y: top },
    to: { x: FACTS_COLUMN.left + FACTS_COLUMN.width, y: top },
    thickness: 0.5,
    colour: COLOURS.muted,
  });
  top = block("issuer.name", input.issuer.name, STYLES.issuer, FACTS_COLUMN, top - 3, 28) - 1;
  block("issuer.role", input.issuer.role, STYLES.note, FACTS_COLUMN, top, Math.min(24, top - CONTENT.bottom));

  // Right column: the QR code of the verification page, then its URL and the code for typing by hand.
  const matrix = qrMatrix(input.verifyUrl);
  const moduleSize = QR_SIZE / matrix.size;
  const qr: PlacedQr = {
    matrix,
    x: VERIFY_COLUMN.left + (VERIFY_COLUMN.width - QR_SIZE) / 2,
    y: COLUMNS_TOP - QR_SIZE,
    size: QR_SIZE,
    moduleSize,
    quietZone: 4 * moduleSize,
  };
  const centred = (style: TextStyle): TextStyle => ({ ...style, align: "center" });
  top = block("labels.verify", input.labels.verify, centred(STYLES.label), VERIFY_COLUMN, qr.y - qr.quietZone, 20) - 1;
  top = block("verifyUrl", input.verifyUrl, STYLES.url, VERIFY_COLUMN, top, 27) - 6;
  top = block("labels.code", input.labels.code, centred(STYLES.label), VERIFY_COLUMN, top, 20) - 1;
  block("code", input.code, STYLES.code, VERIFY_COLUMN, top, Math.min(22, top - CONTENT.bottom));

  return { texts, rules, qr, truncated };
}

/** The list shrinks as a whole, so all modules share one size and read as one list. */
function layoutModules(
  modules: string[],
  fonts: Record<FontRole, TextMeasure>,
  box: Column & { top: number; height: number },
  texts: PlacedText[],
  truncated: string[],
) {
  const style = STYLES.module;
  const font = fonts[style.font];
  const numbers = modules.map((_, index) => `${index + 1}.`);
  const gutterUnits = Math.max(0, ...numbers.map((number) => font.widthOfTextAtSize(number, 1))) + 0.5;
  const list = fitList(modules, font, (size) => box.width - gutterUnits * size, box.height, style);
  if (list.truncated) truncated.push("modules");
  const gutter = gutterUnits * list.size;
  const titleColumn = { left: box.left + gutter, width: box.width - gutter };
  const numberStyle = { ...style, colour: COLOURS.muted };
  let top = box.top;
  list.items.forEach((lines, index) => {
    texts.push(placeLine(numbers[index], font, numberStyle, list.size, box, top, list.lineHeight));
    lines.forEach((line, lineIndex) => {
      texts.push(placeLine(line, font, style, list.size, titleColumn, top - lineIndex * list.lineHeight, list.lineHeight));
    });
    top -= lines.length * list.lineHeight + list.gap;
  });
}

/** Centres the line's ink range (ascent to descent) in its line box. */
function placeLine(
  text: string,
  font: TextMeasure,
  style: TextStyle,
  size: number,
  column: Column,
  lineTop: number,
  lineHeight: number,
): PlacedText {
  const width = font.widthOfTextAtSize(text, size);
  const x = style.align === "center" ? column.left + (column.width - width) / 2 : column.left;
  const y = lineTop - lineHeight / 2 - ((FONT_ASCENT - FONT_DESCENT) / 2) * size;
  return { text, font: style.font, size, colour: style.colour, x, y, width };
}

/* ============================== Fitting ================================ */

export type FitOptions = {
  maxSize: number;
  /** Below this, text is cut with an ellipsis rather than made unreadable. */
  minSize: number;
  /** Line height as a multiple of the font size. */
  leading?: number;
  maxLines?: number;
  /** Evens out line lengths, so centred text does not end in a lone word. */
  balance?: boolean;
};

export type FittedText = { lines: string[]; size: number; lineHeight: number; height: number; truncated: boolean };

const SIZE_STEP = 0.25;
const ELLIPSIS = "…";
const LIST_GAP = 0.4;

/**
 * The largest size (in quarter points) at which the text, wrapped at spaces,
 * fits the box. Words wider than the box (URLs, codes, very long names) break
 * between characters, so no line is ever wider than the box.
 */
export function fitText(text: string, font: TextMeasure, width: number, height: number, options: FitOptions): FittedText {
  const leading = options.leading ?? 1.25;
  const maxLines = options.maxLines ?? Number.POSITIVE_INFINITY;
  const measure = unitMeasure(font);
  const words = splitWords(text);
  const result = (lines: string[], size: number, truncated: boolean): FittedText => ({
    lines,
    size,
    lineHeight: size * leading,
    height: lines.length * size * leading,
    truncated,
  });

  for (let size = options.maxSize; ; size -= SIZE_STEP) {
    const lines = wrap(words, measure, width / size);
    if (lines.length <= maxLines && lines.length * size * leading <= height) {
      return result(options.balance ? balance(words, measure, width / size, lines) : lines, size, false);
    }
    if (size - SIZE_STEP < options.minSize) {
      const room = Math.max(1, Math.min(maxLines, Math.floor(height / (size * leading))));
      const kept = lines.slice(0, room);
      kept[room - 1] = ellipsize(lines.slice(room - 1).join(" "), measure, width / size);
      return result(kept, size, true);
    }
  }
}

export type FittedList = { items: string[][]; size: number; lineHeight: number; gap: number; truncated: boolean };

/** Like fitText for a list: every item at one size, a small gap between items. */
export function fitList(
  items: string[],
  font: TextMeasure,
  widthAtSize: (size: number) => number,
  height: number,
  options: Omit<FitOptions, "maxLines" | "balance">,
): FittedList {
  const leading = options.leading ?? 1.25;
  const measure = unitMeasure(font);
  const itemWords = items.map(splitWords);
  const heightOf = (wrapped: string[][], size: number) =>
    wrapped.reduce((sum, lines) => sum + lines.length * size * leading, 0) + Math.max(0, wrapped.length - 1) * size * LIST_GAP;

  for (let size = options.maxSize; ; size -= SIZE_STEP) {
    const maxUnits = widthAtSize(size) / size;
    const wrapped = itemWords.map((words) => wrap(words, measure, maxUnits));
    if (heightOf(wrapped, size) <= height) {
      return { items: wrapped, size, lineHeight: size * leading, gap: size * LIST_GAP, truncated: false };
    }
    if (size - SIZE_STEP < options.minSize) return cutList(wrapped, size, leading, height, measure, maxUnits);
  }
}

/** Keeps whole lines while they fit and marks the cut with an ellipsis. */
function cutList(wrapped: string[][], size: number, leading: number, height: number, measure: UnitMeasure, maxUnits: number): FittedList {
  const lineHeight = size * leading;
  const gap = size * LIST_GAP;
  const items: string[][] = [];
  let used = 0;
  for (const lines of wrapped) {
    const gapBefore = items.length > 0 ? gap : 0;
    const room = Math.floor((height - used - gapBefore) / lineHeight);
    if (room <= 0) break;
    const kept = lines.slice(0, room);
    items.push(kept);
    used += gapBefore + kept.length * lineHeight;
    if (kept.length < lines.length) break;
  }
  if (items.length === 0) items.push([""]);
  const last = items[items.length - 1];
  last[last.length - 1] = ellipsize(last[last.length - 1], measure, maxUnits, { always: true });
  return { items, size, lineHeight, gap, truncated: true };
}

/** Width at 1 pt, memoised: width scales linearly with size, so each word is shaped once per field. */
type UnitMeasure = (text: string) => number;

function unitMeasure(font: TextMeasure): UnitMeasure {
  const widths = new Map<string, number>();
  return (text) => {
    let width = widths.get(text);
    if (width === undefined) {
      width = font.widthOfTextAtSize(text, 1);
      widths.set(text, width);
    }
    return width;
  };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const splitGraphemes = (text: string) => Array.from(graphemes.segment(text), ({ segment }) => segment);

function splitWords(text: string): string[] {
  return clean(text).split(" ").filter(Boolean);
}

/**
 * Greedy line filling; `maxUnits` is the line width divided by the font
 * size. Line widths are sums of word widths: pdf-lib draws advance widths
 * without kerning, so the sum is exactly what ends up on the page.
 */
function wrap(words: string[], measure: UnitMeasure, maxUnits: number): string[] {
  const lines: string[] = [];
  const space = measure(" ");
  let line = "";
  let lineUnits = 0;
  for (const word of words) {
    const units = measure(word);
    if (line && lineUnits + space + units <= maxUnits) {
      line += ` ${word}`;
      lineUnits += space + units;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    lineUnits = units;
    if (units <= maxUnits) continue;
    // A word wider than the whole line breaks between characters.
    line = "";
    lineUnits = 0;
    for (const character of splitGraphemes(word)) {
      const characterUnits = measure(character);
      if (line && lineUnits + characterUnits > maxUnits) {
        lines.push(line);
        line = "";
        lineUnits = 0;
      }
      line += character;
      lineUnits += characterUnits;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [""];
}

/** The narrowest measure that still gives the same number of lines. */
function balance(words: string[], measure: UnitMeasure, maxUnits: number, lines: string[]): string[] {
  const widestWord = Math.max(...words.map(measure));
  // Only when every word fits whole: narrowing must not start breaking words apart.
  if (lines.length < 2 || widestWord > maxUnits) return lines;
  let fits = maxUnits;
  let tooNarrow = widestWord;
  for (let step = 0; step < 12; step++) {
    const middle = (fits + tooNarrow) / 2;
    if (wrap(words, measure, middle).length <= lines.length) fits = middle;
    else tooNarrow = middle;
  }
  return wrap(words, measure, fits);
}

function ellipsize(text: string, measure: UnitMeasure, maxUnits: number, { always = false } = {}): string {
  const characters = splitGraphemes(text);
  const widths = characters.map(measure);
  if (!always && widths.reduce((sum, width) => sum + width, 0) <= maxUnits) return text;
  const budget = maxUnits - measure(ELLIPSIS);
  let kept = 0;
  for (let used = 0; kept < characters.length && used + widths[kept] <= budget; kept++) used += widths[kept];
  return characters.slice(0, kept).join("").trimEnd() + ELLIPSIS;
}

/**
 * NFC so that a name typed with combining accents uses the font's precomposed
 * letters (pdf-lib draws glyphs without mark positioning); whitespace
 * collapsed because line breaks are ours to make.
 */
function clean(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}
