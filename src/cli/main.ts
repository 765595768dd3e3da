/**
 * Command line for office staff without a portal:
 *
 *   npx zhicheng-docs batch 花名册.xlsx -o out.zip     (or a JSON { unit, dossiers })
 *   npx zhicheng-docs render pledge dossier.json -o 承诺书.pdf
 *
 * It runs the same code as the HTTP service, in this process.
 */
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { REPORT_NAME, streamBatch } from '../batch/batch.js';
import { batchFromJson, batchFromWorkbook } from '../batch/input.js';
import { batchDeps } from '../batch/routes.js';
import { AppError } from '../errors.js';
import { FORMS, findForm } from '../forms/registry.js';
import { FORMATS, type Format } from '../forms/types.js';
import { createFontServices } from '../http/fonts.js';
import { prepareFormInput } from '../http/prepare.js';
import { createRenderService } from '../render/pool.js';

const USAGE = `用法 / usage:
  zhicheng-docs batch <花名册.xlsx | batch.json> -o <out.zip> [--unit unit.json]
  zhicheng-docs render <form-id> <dossier.json> -o <file.pdf|docx|xlsx> [--copies 1|2]
  zhicheng-docs forms

  batch   每名申报人一个文件夹（含打印文件），另附花名册与检查报告 / a folder per applicant with a print file, the roster and a report
  render  生成一份文件 / render one document
  forms   列出所有表单 / list the forms`;

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'batch':
        return await batchCommand(rest);
      case 'render':
        return await renderCommand(rest);
      case 'forms':
        for (const form of FORMS)
          console.log(`${form.id.padEnd(30)} ${form.formats.join(',').padEnd(15)} ${form.title}`);
        return 0;
      default:
        console.error(USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`错误 / error ${error.code}: ${error.zh} / ${error.en}`);
      for (const detail of error.details) console.error(`  ${detail.path}  ${detail.message} / ${detail.messageEn}`);
      return 1;
    }
    console.error(readable(error));
    return 1;
  }
}

async function batchCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, unit: { type: 'string' } },
  });
  const [input] = positionals;
  if (!input || !values.output) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig({ ...process.env, RENDER_WORKERS: process.env.RENDER_WORKERS ?? '0', LOG_LEVEL: 'silent' });
  const now = new Date();
  const bytes = await readFile(input);
  const unit = values.unit ? JSON.parse(await readFile(values.unit, 'utf8')) : undefined;
  const batch =
    extname(input).toLowerCase() === '.json'
      ? batchFromJson(
          { ...(await readBatchJson(input, bytes)), ...(unit === undefined ? {} : { unit }) },
          config.BATCH_MAX_APPLICANTS,
        )
      : await batchFromWorkbook(bytes, {
          fileName: input,
          maxApplicants: config.BATCH_MAX_APPLICANTS,
          now,
          ...(unit === undefined ? {} : { unit }),
        });

  // Alone on the machine: the batch may use every render slot.
  const renderService = createRenderService({ ...config, BATCH_RENDER_SHARE: 1 });
  const bar = new cliProgress.SingleBar(
    {
      format: '生成中 {bar} {value}/{total} 人 | 失败 {failed} | {duration_formatted}',
      hideCursor: true,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(batch.entries.length, 0, { failed: 0 });
  const deps = {
    ...batchDeps({ forms: FORMS, renderService, fonts: createFontServices(), concurrency: config.RENDER_CONCURRENCY }),
    onProgress: (done: number, _total: number, failed: number) => bar.update(done, { failed }),
  };
  try {
    const { stream, summary } = streamBatch({ ...batch, now }, deps);
    await pipeline(stream, createWriteStream(values.output));
    const result = await summary;
    bar.stop();
    console.log(
      `完成 / done: ${result.succeeded} 人成功 succeeded（其中 ${result.withErrors.length} 人有须更正的错误 / with errors to correct）, ${result.total - result.succeeded} 人未生成 skipped → ${values.output}`,
    );
    for (const applicant of result.withErrors)
      console.log(`  ${applicant.source} ${applicant.label}（有须更正的错误）`);
    for (const failure of result.failed) {
      const first = failure.problems[0];
      const more = failure.problems.length > 1 ? ` (+${failure.problems.length - 1})` : '';
      const outcome = failure.partial ? '部分文件未生成' : '未生成';
      console.log(
        `  ${failure.source} ${failure.label}（${outcome}）: ${first ? `${first.path} ${first.message}` : ''}${more}`,
      );
    }
    if (result.failed.length > 0 || result.withErrors.length > 0)
      console.log(`详见 zip 中的 ${REPORT_NAME}.csv / .xlsx (see the report in the zip)`);
    return result.failed.length > 0 ? 3 : 0;
  } finally {
    bar.stop();
    await renderService.close();
  }
}

/** A file the command could not read, or JSON it could not parse, said plainly in both languages. */
function readable(error: unknown): string {
  const { code, path } = (error ?? {}) as { code?: string; path?: string };
  if (code === 'ENOENT') return `找不到文件 / file not found: ${path}`;
  if (code === 'EACCES') return `没有权限读取 / not allowed to read: ${path}`;
  if (code === 'EISDIR') return `这是文件夹，不是文件 / a folder, not a file: ${path}`;
  if (error instanceof SyntaxError) return `文件不是合法的 JSON / not valid JSON: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * `{ unit, dossiers }`, or `{ unit, dossierFiles: [paths] }` with one dossier
 * per file (paths relative to the batch file), as staff keep them in folders.
 */
async function readBatchJson(path: string, bytes: Buffer): Promise<Record<string, unknown>> {
  const batch = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  if (!Array.isArray(batch.dossierFiles) || batch.dossiers !== undefined) return batch;
  // The file list is this command's, not the batch's: the batch schema, which refuses unknown keys, gets dossiers.
  const { dossierFiles, ...rest } = batch;
  const dossiers = await Promise.all(
    dossierFiles.map(
      async (file: unknown) => JSON.parse(await readFile(resolve(dirname(path), String(file)), 'utf8')) as unknown,
    ),
  );
  return { ...rest, dossiers };
}

async function renderCommand(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, copies: { type: 'string' } },
  });
  const [formId, input] = positionals;
  const form = formId ? findForm(formId) : undefined;
  if (!form || !input || !values.output) {
    console.error(form || !formId ? USAGE : `没有表单 / no form "${formId}"; 见 / see: zhicheng-docs forms`);
    return 2;
  }
  const format = extname(values.output).slice(1).toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format) || !form.formats.includes(format as Format)) {
    console.error(`${form.id} 可用格式 / formats: ${form.formats.join(', ')}`);
    return 2;
  }
  const config = loadConfig({ ...process.env, RENDER_WORKERS: '0', LOG_LEVEL: 'silent' });
  const query = values.copies ? { copies: values.copies } : {};
  const body: unknown = JSON.parse(await readFile(input, 'utf8'));
  const prepared = await prepareFormInput(form, body, query, createFontServices().findMissingGlyphs);
  const renderService = createRenderService(config);
  try {
    const file = await renderService.renderForm(form.id, format as Format, prepared.input.value, prepared.options);
    await writeFile(values.output, file.bytes);
    console.log(`${values.output} (${file.bytes.length} bytes)`);
    return 0;
  } finally {
    await renderService.close();
  }
}
