/**
 * 单位批量: the roster template, a filled workbook checked row by row before
 * anything is rendered (POST /v1/roster-imports), then the batch ZIP
 * (POST /v1/batches) with applicants done / total counted from the stream,
 * and the batch's report read from the finished ZIP.
 */
import { unzipSync } from 'fflate';
import { ApiError, apiFetch, describeError, ensureOk, fileFrom, fileNameOf } from './api.js';
import { announce, clear, h, saveBlob } from './dom.js';
import { parseCsv } from './csv.js';
import { ZipEntryScanner } from './zip-progress.js';

interface RowError {
  sheet: string;
  row: number;
  column: string;
  path: string;
  code: string;
  message: string;
}
interface ImportAnswer {
  rows: { row: number; name?: string; ok: boolean; errors: RowError[] }[];
  problems: RowError[];
  skipped: { sheet: string; row: number }[];
  unit?: { name: string };
  summary: { total: number; ok: number; failed: number };
}

let workbook: File | null = null;
let lastZip: { url: string; name: string } | null = null;

export async function renderBatch(main: HTMLElement): Promise<void> {
  const importResult = h('section', { class: 'import-result', 'aria-live': 'polite', id: 'import-result' });
  const batchResult = h('section', { class: 'batch-result', id: 'batch-result' });
  const progress = h('progress', {
    id: 'batch-progress',
    max: 1,
    value: 0,
    hidden: true,
    'aria-label': '批量生成进度',
  });
  const progressText = h('span', { id: 'batch-progress-text', role: 'status' });
  const run = h('button', { type: 'button', class: 'primary', id: 'run-batch', disabled: true }, '生成全部文件（ZIP）');
  const input = h('input', {
    type: 'file',
    id: 'roster-file',
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    class: 'visually-hidden',
  });
  let okRows = 0;

  const chosen = async (file: File | undefined) => {
    if (!file) return;
    workbook = file;
    run.disabled = true;
    clear(batchResult);
    importResult.replaceChildren(h('p', {}, `正在检查 ${file.name}…`));
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      const answer = (await (
        await ensureOk(await apiFetch('/v1/roster-imports', { method: 'POST', body }))
      ).json()) as ImportAnswer;
      okRows = answer.summary.ok;
      importResult.replaceChildren(...importView(file.name, answer));
      run.disabled = okRows === 0;
      announce(`检查完成：${answer.summary.ok} 人可生成，${answer.summary.failed} 人有问题`);
    } catch (error) {
      importResult.replaceChildren(
        h('p', { class: 'error' }, `无法读取花名册：${describeError(error)}`),
        ...errorDetails(error),
      );
    }
  };
  input.addEventListener('change', () => {
    void chosen(input.files?.[0]);
    input.value = '';
  });

  run.addEventListener('click', () => {
    if (!workbook) return;
    void runBatch(workbook, okRows, { progress, progressText, result: batchResult, run });
  });

  const drop = h(
    'div',
    { class: 'drop-zone wide' },
    h('label', { class: 'button', for: 'roster-file' }, '选择填好的花名册（.xlsx）…'),
    input,
    h('span', { class: 'hint' }, '或把文件拖到这里'),
  );
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    void chosen(event.dataTransfer?.files[0]);
  });

  main.append(
    h('h2', { class: 'view-title' }, '单位批量'),
    h(
      'ol',
      { class: 'steps' },
      h(
        'li',
        {},
        h('h3', {}, '第一步：下载花名册模板，按表头填写'),
        h(
          'p',
          { class: 'note' },
          '每位申报人一行；工作经历、考核、继续教育等填在同名工作表中，以身份证号对应。“填报单位”表填单位信息。',
        ),
        h(
          'button',
          { type: 'button', id: 'download-template', onclick: () => void downloadTemplate() },
          '下载花名册模板',
        ),
      ),
      h('li', {}, h('h3', {}, '第二步：上传填好的花名册，先检查每一行'), drop, importResult),
      h(
        'li',
        {},
        h('h3', {}, '第三步：生成全部申报人的文件'),
        h('div', { class: 'toolbar' }, run, progress, progressText),
        batchResult,
      ),
    ),
  );
}

async function downloadTemplate(): Promise<void> {
  try {
    const { blob, fileName } = await fileFrom(await apiFetch('/v1/roster-imports/template.xlsx'));
    saveBlob(blob, fileName === 'download' ? '花名册模板.xlsx' : fileName);
  } catch (error) {
    announce(`无法下载模板：${describeError(error)}`);
  }
}

function importView(fileName: string, answer: ImportAnswer): HTMLElement[] {
  // Row by row as the server lists them (each applicant's main row first, then its list rows).
  const problems = [...answer.rows.flatMap((row) => row.errors), ...answer.problems];
  const parts: HTMLElement[] = [
    h(
      'p',
      { class: answer.summary.failed > 0 ? 'warning' : 'ok' },
      `${fileName}：共 ${answer.summary.total} 人，${answer.summary.ok} 人可以生成，${answer.summary.failed} 人有问题`,
      answer.skipped.length > 0 ? `（已跳过 ${answer.skipped.length} 个示例行）` : '',
      answer.unit ? `；填报单位：${answer.unit.name}` : '',
      '。',
    ),
  ];
  if (problems.length > 0) {
    parts.push(
      h(
        'table',
        { class: 'row-errors', id: 'row-errors' },
        h('caption', {}, '需要在花名册中修改的地方（改好后重新上传；有问题的行不会生成文件）'),
        h('thead', {}, h('tr', {}, ...['工作表', '行', '列', '问题'].map((title) => h('th', { scope: 'col' }, title)))),
        h(
          'tbody',
          {},
          ...problems.map((p) =>
            h(
              'tr',
              {},
              h('td', {}, p.sheet),
              h('td', {}, String(p.row)),
              h('td', {}, p.column || '整行'),
              h('td', {}, p.message),
            ),
          ),
        ),
      ),
    );
  }
  const okNames = answer.rows.filter((row) => row.ok).map((row) => `${row.name ?? ''}（第 ${row.row} 行）`);
  if (okNames.length > 0) parts.push(h('p', { class: 'note' }, `可以生成：${okNames.join('、')}`));
  return parts;
}

interface BatchTargets {
  progress: HTMLProgressElement;
  progressText: HTMLElement;
  result: HTMLElement;
  run: HTMLButtonElement;
}

async function runBatch(file: File, total: number, targets: BatchTargets): Promise<void> {
  const { progress, progressText, result, run } = targets;
  run.disabled = true;
  clear(result);
  progress.hidden = false;
  progress.max = Math.max(1, total);
  progress.value = 0;
  const folders = new Set<string>();
  const show = (finished: boolean) => {
    // A folder is done once the next one starts; at the end all are.
    const done = finished ? folders.size : Math.max(0, folders.size - 1);
    progress.value = done;
    progressText.textContent = finished ? `已完成 ${done} / ${total} 人` : `正在生成… 已完成 ${done} / ${total} 人`;
  };
  show(false);
  try {
    const body = new FormData();
    body.append('file', file, file.name);
    const response = await ensureOk(await apiFetch('/v1/batches', { method: 'POST', body }));
    const fileName = fileNameOf(response.headers.get('content-disposition'));
    const scanner = new ZipEntryScanner((name) => {
      // Applicant folders are named 姓名-身份证后四位; other paths belong to files inside a file (a workbook's parts).
      const folder = /^([^/]+-[0-9Xx]{4})\//.exec(name)?.[1];
      if (folder) folders.add(folder);
      show(false);
    });
    const chunks: Uint8Array[] = [];
    const reader = response.body?.getReader();
    if (!reader) throw new Error('浏览器无法读取下载内容');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      scanner.push(value);
    }
    const zip = new Blob(chunks as BlobPart[], { type: 'application/zip' });
    show(true);
    if (lastZip) URL.revokeObjectURL(lastZip.url);
    lastZip = { url: URL.createObjectURL(zip), name: fileName };
    saveBlob(zip, fileName);
    result.append(
      h('p', { class: 'ok' }, `已生成 ${fileName}（${(zip.size / 1048576).toFixed(1)} MB）。`),
      h('a', { href: lastZip.url, download: fileName, class: 'button', id: 'batch-download' }, '再次下载 ZIP'),
      ...reportTables(new Uint8Array(await zip.arrayBuffer())),
    );
    announce(`批量文件已生成：${folders.size} 人`);
  } catch (error) {
    progressText.textContent = '';
    result.append(h('p', { class: 'error' }, `批量生成失败：${describeError(error)}`), ...errorDetails(error));
  } finally {
    run.disabled = false;
  }
}

/** The reports at the top of the ZIP (CSV), shown as tables. */
function reportTables(zip: Uint8Array): HTMLElement[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      filter: (entry) => !entry.name.includes('/') && entry.name.toLowerCase().endsWith('.csv'),
    });
  } catch {
    return [h('p', { class: 'warning' }, 'ZIP 文件不完整，请重新生成。')];
  }
  const names = Object.keys(files);
  if (names.length === 0)
    return [h('p', { class: 'ok', id: 'batch-report' }, '全部申报人的文件均已生成，没有需要处理的问题。')];
  return names.map((name) => {
    const rows = parseCsv(new TextDecoder().decode(files[name]));
    const [header = [], ...body] = rows;
    return h(
      'table',
      { class: 'report', id: 'batch-report' },
      h('caption', {}, `${name}（${body.length} 条）`),
      h('thead', {}, h('tr', {}, ...header.map((title) => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, ...body.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
    );
  });
}

function errorDetails(error: unknown): HTMLElement[] {
  if (!(error instanceof ApiError) || error.details.length === 0) return [];
  return [h('ul', {}, ...error.details.map((p) => h('li', {}, p.message)))];
}
