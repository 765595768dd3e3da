/**
 * QR modules for a text. A review form prints the same code on every page of
 * every copy, and choosing the mask pattern is the costly part of encoding, so
 * recent texts are remembered.
 */
import QRCode from 'qrcode';

type Modules = ReturnType<typeof QRCode.create>['modules'];

const RECENT = 64;
const recent = new Map<string, Modules>();

export function qrModules(text: string): Modules {
  let modules = recent.get(text);
  if (!modules) {
    modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
    recent.set(text, modules);
  }
  return modules;
}
