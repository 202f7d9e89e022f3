import QRCode from "qrcode";

/** The module grid of a QR code: row 0 is the top row, `true` is a dark module. */
export type QrMatrix = { size: number; isDark(row: number, col: number): boolean };

/** A horizontal stretch of adjacent dark modules in one row. */
export type QrRun = { row: number; col: number; length: number };

/**
 * Level M survives a scuffed or folded printout (~15% damage) while keeping
 * the symbol small enough that each module stays about a millimetre wide.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * Dark modules merged into horizontal runs: one rectangle per run keeps the
 * PDF small and leaves no hairline seams between neighbouring squares when a
 * viewer anti-aliases each rectangle on its own.
 */
export function qrRuns(matrix: QrMatrix): QrRun[] {
  const runs: QrRun[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let start = -1;
    for (let col = 0; col <= matrix.size; col++) {
      const dark = col < matrix.size && matrix.isDark(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ row, col: start, length: col - start });
        start = -1;
      }
    }
  }
  return runs;
}
