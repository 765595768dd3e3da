/**
 * QR modules for a text. A review form prints the same code on every page of
 * every copy, and encoding is costly, so recent texts are remembered. The text
 * is encoded as one byte-mode segment: the codes are URLs and base64url, which
 * need byte mode anyway, and qrcode's search for the shortest mix of modes
 * took four fifths of the encoding time.
 */
import QRCode from 'qrcode';

type Modules = ReturnType<typeof QRCode.create>['modules'];

const RECENT = 64;
const recent = new Map<string, Modules>();

export function qrModules(text: string): Modules {
  let modules = recent.get(text);
  if (!modules) {
    modules = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    recent.set(text, modules);
  }
  return modules;
}
