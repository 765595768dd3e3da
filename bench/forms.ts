/**
 * Forms benchmark: build + render, measured (never asserted).
 * - benchForms: pledge and publicity-notice in pdf and docx, after the start-up
 *   work `npm start` does (fonts and templates loaded): one first run, then 200 warm;
 * - benchRoster: the roster of 500 applicants in xlsx and pdf: one cold run, then a few.
 * Run alone with `npx tsx bench/forms.ts`.
 */
import { pathToFileURL } from 'node:url';
import { DossierSchema, RosterInputSchema } from '../src/domain/dossier.js';
import { pledgeForm } from '../src/forms/pledge/index.js';
import { publicityNoticeForm } from '../src/forms/publicity-notice/index.js';
import { rosterForm } from '../src/forms/roster/index.js';
import { sampleRosterInput } from '../src/forms/samples/index.js';
import type { FormContext, FormDefinition, Format } from '../src/forms/types.js';
import { getFontLibrary } from '../src/fonts/index.js';
import { FORMS } from '../src/forms/registry.js';
import { render } from '../src/render/index.js';
import { warmUpRenderers } from '../src/render/warm-up.js';
import { preloadTemplates } from '../src/text/index.js';
import { applicant } from './applicants.js';

export interface Figures {
  firstMs: number;
  medianMs: number;
  p95Ms: number;
}

const CTX: FormContext = {
  now: new Date('2024-10-10T02:00:00Z'),
  options: {},
  settings: { watermarkText: '档案系列职称评审专用' },
};

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function measure(form: FormDefinition, input: unknown, format: Format, warm: number): Promise<Figures> {
  const accepted = form.accept(input);
  if (!accepted.ok) throw new Error(`${form.id}: bench input refused`);
  const once = async () => {
    const started = performance.now();
    const file = await render(accepted.value.build(CTX), format);
    if (file.bytes.length === 0) throw new Error(`${form.id}.${format}: empty output`);
    return performance.now() - started;
  };
  const firstMs = await once();
  const times: number[] = [];
  for (let i = 0; i < warm; i += 1) times.push(await once());
  times.sort((a, b) => a - b);
  return { firstMs: round(firstMs), medianMs: round(quantile(times, 0.5)), p95Ms: round(quantile(times, 0.95)) };
}

export async function benchForms(): Promise<Record<string, Figures | number>> {
  // What src/server.ts does before it listens (a render worker does the same warm-up).
  const started = performance.now();
  getFontLibrary().preload();
  preloadTemplates();
  await warmUpRenderers(FORMS);
  const results: Record<string, Figures | number> = { startupMs: round(performance.now() - started) };
  const dossier = DossierSchema.parse(publicityNoticeForm.sample());
  for (const format of ['pdf', 'docx'] as const) {
    results[`pledge.${format}`] = await measure(pledgeForm, dossier, format, 200);
    results[`publicity-notice.${format}`] = await measure(publicityNoticeForm, dossier, format, 200);
  }
  // Requests name different people: new glyphs, so the font subsets are made anew each time.
  const different: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    await render(publicityNoticeForm.build(applicant(i), CTX), 'pdf');
    different.push(performance.now() - started);
  }
  const firstMs = different[0]!;
  different.sort((a, b) => a - b);
  results['publicity-notice.pdf, a different applicant each time'] = {
    firstMs: round(firstMs),
    medianMs: round(quantile(different, 0.5)),
    p95Ms: round(quantile(different, 0.95)),
  };
  return results;
}

export async function benchRoster(): Promise<Record<string, Figures>> {
  const sampleRoster = RosterInputSchema.parse(sampleRosterInput());
  const roster500 = {
    unit: sampleRoster.unit,
    dossiers: Array.from({ length: 500 }, (_, i) => sampleRoster.dossiers[i % sampleRoster.dossiers.length]!),
  };
  const results: Record<string, Figures> = {};
  for (const format of ['xlsx', 'pdf'] as const) {
    results[`roster-500.${format}`] = await measure(rosterForm, roster500, format, 3);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = { ...(await benchForms()), ...(await benchRoster()) };
  for (const [name, f] of Object.entries(results)) {
    if (typeof f === 'number') console.log(`${name.padEnd(24)} ${f} ms`);
    else console.log(`${name.padEnd(24)} first ${f.firstMs} ms, median ${f.medianMs} ms, p95 ${f.p95Ms} ms`);
  }
}
