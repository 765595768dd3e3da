/** The page a scan is printed on, shared by the scan worker (scan-pages.ts) and packet assembly (assemble.ts). */
const MM = 72 / 25.4;

export const A4 = { width: 210 * MM, height: 297 * MM };

/**
 * White border around a scan on its page: twice the 5 mm band a printer may
 * not reach, and room in the top one for the item label (scan-labels.ts).
 */
export const SCAN_MARGIN = 10 * MM;
