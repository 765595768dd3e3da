/**
 * Many applicants at once, as one ZIP streamed while it is built: a folder per
 * applicant with their documents and one print file of them all (打印-姓名.pdf,
 * catalogue order, duplex-ready), the roster as XLSX and PDF, and a report of
 * what failed and of every rule finding (检查报告.csv / .xlsx). One bad row
 * never fails the batch: it is reported and skipped.
 *
 * Memory stays flat: a few applicants are rendered at a time, and the next one
 * starts only when the zip has taken the earlier ones' files.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { Dossier, RosterInput } from '../domain/dossier.js';
import { parseDossier } from '../domain/parse.js';
import type { Problem } from '../errors.js';
import { AppError } from '../errors.js';
import { safeFileName } from '../http/content-disposition.js';
import type { FormDefinition } from '../forms/types.js';
import { runChecks } from '../domain/checks.js';
import { dossierDocuments, dossierMaterialFindings, unitForms } from '../packet/contents.js';
import type { RenderForm } from '../packet/packet.js';
import type { RenderedFile } from '../render/index.js';
import { mergePrintFile } from '../packet/packet.js';
import { type ApplicantFindings, type BatchFailure, batchReportCsv, batchReportXlsx, hasErrors } from './report.js';

export interface BatchEntry {
  /** Where the applicant came from: "/dossiers/3" for JSON, "申报人员!5" for a spreadsheet row. */
  readonly source: string;
  /** Shown in the report; the 姓名 cell or the dossier's name when readable. */
  readonly label: string;
  /** The raw dossier, or problems found before it could be parsed (spreadsheet rows). */
  readonly dossier?: unknown;
  readonly problems?: readonly Problem[];
}

export interface BatchRequest {
  /** The roster's unit block; without one the batch makes no roster (the report says why). */
  readonly unit: RosterInput['unit'] | undefined;
  readonly entries: readonly BatchEntry[];
  readonly now: Date;
}

export interface BatchDeps {
  readonly renderForm: RenderForm;
  /** The forms: each folder holds those whose declaration puts them in batches, the unit's (roster) are made once. */
  readonly forms: readonly FormDefinition[];
  /** Characters of the dossier no configured font can print. */
  readonly findMissingGlyphs: (dossier: Dossier) => Promise<readonly Problem[]>;
  /** Applicants rendered at once; keep it near the number of render workers. */
  readonly concurrency: number;
  /** Told after each applicant: how many are done, and how many failed. */
  readonly onProgress?: (done: number, total: number, failed: number) => void;
}

export interface BatchSummary {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: readonly BatchFailure[];
  /** Applicants whose documents were made but whose rule checks found an error to correct. */
  readonly withErrors: readonly { readonly source: string; readonly label: string }[];
}

/** The report at the top of the zip, as CSV and XLSX. */
export const REPORT_NAME = '检查报告';

/**
 * Starts the batch and returns the zip stream at once; `summary` settles when
 * the last entry has been written. Render errors of single documents are
 * reported in the error report, never thrown.
 */
export function streamBatch(
  request: BatchRequest,
  deps: BatchDeps,
): { stream: Readable; summary: Promise<BatchSummary> } {
  const zip = new yazl.ZipFile();
  const summary = writeBatch(zip, request, deps).finally(() => zip.end());
  // The stream outlives this call; an unexpected failure ends it with an error.
  summary.catch((error: unknown) => (zip.outputStream as Readable).destroy(error as Error));
  return { stream: zip.outputStream as Readable, summary };
}

async function writeBatch(zip: yazl.ZipFile, request: BatchRequest, deps: BatchDeps): Promise<BatchSummary> {
  const mtime = request.now;
  const failures: BatchFailure[] = [];
  const findings: ApplicantFindings[] = [];
  const valid: Dossier[] = [];
  const folders = new Set<string>();
  let done = 0;

  const handle = async (entry: BatchEntry): Promise<void> => {
    const parsed = entry.problems?.length
      ? { ok: false as const, problems: [...entry.problems] }
      : parseDossier(entry.dossier, entry.source.startsWith('/') ? entry.source : '');
    if (!parsed.ok) {
      failures.push({ source: entry.source, label: entry.label, problems: parsed.problems });
      return;
    }
    const dossier = parsed.value;
    const missing = await deps.findMissingGlyphs(dossier);
    if (missing.length > 0) {
      failures.push({ source: entry.source, label: dossier.applicant.name, problems: missing });
      return;
    }
    const folder = uniqueFolder(
      folders,
      `${safeFileName(dossier.applicant.name)}-${dossier.applicant.idNumber.slice(-4)}`,
    );
    // The rule findings, as POST /v1/checks reports them, go in the report; the documents are made all the same.
    findings.push({
      source: entry.source,
      label: dossier.applicant.name,
      findings: [...runChecks(dossier), ...dossierMaterialFindings(deps.forms, dossier)],
    });
    type Outcome = { formId: string; file: RenderedFile } | { formId: string; problems: readonly Problem[] };
    const fileNames = new Map<string, string>();
    const documents = dossierDocuments(deps.forms, dossier, 'batch');
    const rendered = await Promise.all(
      documents.map(async (form): Promise<Outcome> => {
        const problems = form.operations.requires(dossier);
        if (problems.length > 0) return { formId: form.formId, problems };
        try {
          const file = await renderPatiently(deps, form.formId, 'pdf', dossier, form.options);
          fileNames.set(form.formId, form.operations.fileName(dossier));
          return { formId: form.formId, file };
        } catch (error) {
          // A document that cannot be made (bad data, a render that timed out) is reported; only a bug stops the batch.
          if (error instanceof AppError && error.code !== 'INTERNAL_ERROR')
            return { formId: form.formId, problems: problemsOf(error) };
          throw error;
        }
      }),
    );
    // 附件1 and 附件2 report the same short publicity: list each problem once.
    const problems = uniqueProblems(rendered.flatMap((result) => ('problems' in result ? result.problems : [])));
    if (problems.length > 0)
      failures.push({ source: entry.source, label: dossier.applicant.name, problems, partial: true });
    const written: Promise<void>[] = [];
    const printed: { title: string; item: number | null; pdf: Uint8Array }[] = [];
    rendered.forEach((result, index) => {
      if (!('file' in result)) return;
      const name = `${folder}/${safeFileName(fileNames.get(result.formId) ?? result.formId)}.pdf`;
      written.push(addWhenTaken(zip, result.file.bytes, name, mtime));
      const document = documents[index]!;
      printed.push({ title: document.title, item: document.item, pdf: result.file.bytes });
    });
    // One file to print double-sided: the documents in catalogue order, each on an odd page, with bookmarks.
    // A document that does not merge is reported; the separate documents are in the folder all the same.
    try {
      const printFile = await mergePrintFile({
        title: `职称申报材料-${dossier.applicant.name}`,
        createdAt: mtime,
        documents: printed,
        scans: [],
      });
      written.push(addWhenTaken(zip, printFile, `${folder}/打印-${safeFileName(dossier.applicant.name)}.pdf`, mtime));
    } catch {
      failures.push({
        source: entry.source,
        label: dossier.applicant.name,
        partial: true,
        problems: [
          {
            path: '',
            code: 'PRINT_FILE_FAILED',
            message: '打印文件（打印-姓名.pdf）未能合成；各份材料已单独生成',
            messageEn: 'The combined print file could not be made; the separate documents are in the folder',
          },
        ],
      });
    }
    valid.push(dossier);
    await Promise.all(written);
  };

  const queue = [...request.entries];
  const workers = Array.from({ length: Math.max(1, deps.concurrency) }, async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      await handle(entry);
      done += 1;
      deps.onProgress?.(done, request.entries.length, failures.filter((f) => !f.partial).length);
    }
  });
  await Promise.all(workers);

  if (valid.length > 0 && request.unit) {
    const roster: RosterInput = { unit: request.unit, dossiers: valid };
    for (const form of unitForms(deps.forms)) {
      const accepted = form.accept(roster);
      if (!accepted.ok) throw new AppError('INTERNAL_ERROR', { en: `batch ${form.id} input refused` });
      const name = safeFileName(accepted.value.fileName());
      for (const format of UNIT_FORMATS.filter((candidate) => form.formats.includes(candidate))) {
        const file = await renderPatiently(deps, form.id, format, accepted.value.value, {});
        await addWhenTaken(zip, file.bytes, `${name}.${format}`, mtime);
      }
    }
  }
  // Findings in the order of the input, whatever order the applicants finished in.
  const order = new Map(request.entries.map((entry, index) => [entry.source, index]));
  findings.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0));
  const report = { failures, findings };
  await addWhenTaken(zip, batchReportCsv(report), `${REPORT_NAME}.csv`, mtime);
  await addWhenTaken(zip, await batchReportXlsx(report, mtime), `${REPORT_NAME}.xlsx`, mtime);
  return {
    total: request.entries.length,
    succeeded: valid.length,
    failed: failures,
    withErrors: findings.filter(hasErrors).map(({ source, label }) => ({ source, label })),
  };
}

/** Render slots are shared with other requests: a batch waits for a free one instead of failing with 429. */
async function renderPatiently(deps: BatchDeps, ...args: Parameters<RenderForm>): Promise<RenderedFile> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.renderForm(...args);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'TOO_MANY_REQUESTS') || attempt >= BUSY_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 50 * attempt)));
    }
  }
}

const BUSY_RETRIES = 100;

/** The unit's documents (the roster) as a workbook to edit and a PDF to print. */
const UNIT_FORMATS = ['xlsx', 'pdf'] as const;

/** Adds a file and resolves once the zip has read it, so its buffer can be freed. */
function addWhenTaken(zip: yazl.ZipFile, bytes: Uint8Array, name: string, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    const source = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
    source.once('end', () => resolve());
    source.once('error', reject);
    // PDF and XLSX are compressed inside already: deflating them again costs CPU for nothing.
    zip.addReadStream(source, name, { mtime, size: bytes.byteLength, compress: !/\.(pdf|xlsx|docx)$/.test(name) });
  });
}

function uniqueProblems(problems: readonly Problem[]): Problem[] {
  return [...new Map(problems.map((problem) => [`${problem.path}|${problem.code}`, problem])).values()];
}

function problemsOf(error: AppError): Problem[] {
  if (error.details.length > 0) return [...error.details];
  return [{ path: '', code: error.code, message: error.zh, messageEn: error.en }];
}

function uniqueFolder(taken: Set<string>, wanted: string): string {
  let name = wanted;
  for (let n = 2; taken.has(name); n++) name = `${wanted}(${n})`;
  taken.add(name);
  return name;
}
