/**
 * QR module grids, shared by the PDF (drawn as paths) and the DOCX and XLSX
 * (drawn as PNG). Encoded with `qr` (ISO/IEC 18004:2024, mask chosen by the
 * standard's penalty rules): about 0.05 ms a code where `qrcode` took 0.35 ms,
 * most of it scoring masks. A review form prints the same code on every page
 * of every copy, so recent texts are remembered.
 *
 * The text is one byte-mode segment at level M (15 % of the code can be lost):
 * the codes are URLs and base64url, which need byte mode anyway.
 */
import { encodeQR } from 'qr';

/** A QR code's dark modules, row by row from the top; `size` modules a side, no quiet zone. */
export interface QrModules {
  readonly size: number;
  get(row: number, col: number): boolean;
}

const RECENT = 64;
const recent = new Map<string, QrModules>();

export function qrModules(text: string): QrModules {
  let modules = recent.get(text);
  if (!modules) {
    modules = encode(text);
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    recent.set(text, modules);
  }
  return modules;
}

function encode(text: string): QrModules {
  // `qr` draws at least one module of quiet zone ('raw' output): it is cut off here, and each caller
  // leaves the white margin its page needs.
  const grid = encodeQR(text, 'raw', { ecc: 'medium', encoding: 'byte', border: 1 });
  const size = grid.length - 2;
  return { size, get: (row, col) => grid[row + 1]![col + 1]! };
}
