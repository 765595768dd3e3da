/**
 * ③ 材料袋: scans by catalogue item (附件6 序号), the catalogue's counts and
 * missing-material warnings as the service computes them
 * (POST /v1/packets/contents), and the packet as PDF or ZIP.
 */
import { ApiError, apiFetch, describeError, fileFrom, type Problem } from './api.js';
import { dossierPayload, reportProblems } from './applicant-view.js';
import { announce, append, clear, h, saveBlob } from './dom.js';
import { catalogueItems } from './schema.js';

interface ContentsItem {
  item: number;
  field: string;
  name: string;
  documents: string[];
  scans: number;
  count: number;
  required: boolean;
  missing: boolean;
}

/** Uploaded files per item field (item1 …), in the order they go into the packet. */
const scans = new Map<string, File[]>();

const ACCEPT = 'image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf';

export async function renderPacket(main: HTMLElement): Promise<void> {
  const items = await catalogueItems();
  const contents = h('section', { class: 'contents', 'aria-labelledby': 'contents-title', 'aria-live': 'polite' });
  const message = h('div', { class: 'doc-message', role: 'alert' });
  const frame = h('iframe', { title: '材料袋预览', class: 'preview', hidden: true });

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshContents(contents), 250);
  };

  const list = h('ol', { class: 'items' });
  for (const item of items) list.append(itemZone(item, refresh));

  const build = async (format: 'pdf' | 'zip', preview: boolean) => {
    clear(message);
    announce(format === 'pdf' ? '正在生成材料袋 PDF…' : '正在生成材料袋 ZIP…');
    try {
      const body = new FormData();
      body.append('dossier', JSON.stringify(await dossierPayload()));
      for (const [field, files] of scans) for (const file of files) body.append(field, file, file.name);
      const { blob, fileName } = await fileFrom(await apiFetch(`/v1/packets/${format}`, { method: 'POST', body }));
      if (preview) {
        frame.src = URL.createObjectURL(blob);
        frame.hidden = false;
      } else {
        saveBlob(blob, fileName);
      }
      announce(`材料袋已生成：${fileName}`);
    } catch (error) {
      showFailure(error, message);
    }
  };

  main.append(
    h('h2', { class: 'view-title' }, '③ 材料袋（扫描件）'),
    h(
      'p',
      { class: 'note' },
      '按《申报材料目录》（附件6）的序号上传扫描件：可拖放或点“选择文件”，每项可传多个（JPEG、PNG 或 PDF），可调整顺序。生成的文件（评审表、承诺书等）由服务自动放入对应序号，无需上传。扫描件只在本页面中，刷新页面后需重新选择。',
    ),
    h(
      'div',
      { class: 'split' },
      h('div', {}, list),
      h(
        'div',
        {},
        contents,
        h(
          'div',
          { class: 'toolbar' },
          h(
            'button',
            { type: 'button', class: 'primary', id: 'packet-pdf', onclick: () => void build('pdf', false) },
            '下载材料袋 PDF',
          ),
          h(
            'button',
            { type: 'button', id: 'packet-zip', onclick: () => void build('zip', false) },
            '下载 ZIP（各文件 PDF 与 Word）',
          ),
          h('button', { type: 'button', id: 'packet-preview', onclick: () => void build('pdf', true) }, '预览材料袋'),
        ),
        message,
        frame,
      ),
    ),
  );
  await refreshContents(contents);
}

function itemZone(item: { field: string; item: number; name: string }, changed: () => void): HTMLElement {
  const inputId = `scan-${item.field}`;
  const files = h('ol', { class: 'files', 'aria-label': `${item.name}的扫描件` });
  const input = h('input', { type: 'file', id: inputId, multiple: true, accept: ACCEPT, class: 'visually-hidden' });
  const add = (added: File[]) => {
    if (added.length === 0) return;
    scans.set(item.field, [...(scans.get(item.field) ?? []), ...added]);
    draw();
    announce(`${item.item}. ${item.name}：已添加 ${added.length} 个文件`);
    changed();
  };
  input.addEventListener('change', () => {
    add([...(input.files ?? [])]);
    input.value = '';
  });
  const draw = () => {
    clear(files);
    const list = scans.get(item.field) ?? [];
    list.forEach((file, index) => {
      const move = (delta: number) => {
        const next = [...list];
        const [moved] = next.splice(index, 1);
        if (!moved) return;
        next.splice(index + delta, 0, moved);
        scans.set(item.field, next);
        draw();
        files
          .querySelectorAll('li')
          [index + delta]?.querySelector<HTMLElement>(delta < 0 ? '.up' : '.down')
          ?.focus();
        changed();
      };
      const label = `${file.name}`;
      files.append(
        h(
          'li',
          {},
          h('span', { class: 'file-name' }, label, h('small', {}, ` ${Math.max(1, Math.round(file.size / 1024))} KB`)),
          h(
            'button',
            {
              type: 'button',
              class: 'up',
              'aria-label': `上移 ${label}`,
              disabled: index === 0,
              onclick: () => move(-1),
            },
            '↑',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'down',
              'aria-label': `下移 ${label}`,
              disabled: index === list.length - 1,
              onclick: () => move(1),
            },
            '↓',
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'remove',
              'aria-label': `移除 ${label}`,
              onclick: () => {
                scans.set(
                  item.field,
                  list.filter((_, i) => i !== index),
                );
                draw();
                input.focus();
                changed();
              },
            },
            '移除',
          ),
        ),
      );
    });
  };
  const zone = h(
    'li',
    { class: 'drop-zone', 'data-item': item.field },
    h('span', { class: 'item-title' }, `${item.item}. ${item.name}`),
    h('label', { class: 'button small', for: inputId }, '选择文件…'),
    input,
    h('span', { class: 'hint' }, '或把文件拖到这里'),
    files,
  );
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    add([...(event.dataTransfer?.files ?? [])]);
  });
  return zone;
}

async function refreshContents(target: HTMLElement): Promise<void> {
  const counts = Object.fromEntries(
    [...scans].filter(([, files]) => files.length > 0).map(([field, files]) => [field, files.length]),
  );
  const heading = h('h3', { id: 'contents-title' }, '申报材料目录（附件6）件数');
  try {
    const response = await apiFetch('/v1/packets/contents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dossier: await dossierPayload(), scans: counts }),
    });
    if (response.status === 404) {
      target.replaceChildren(
        heading,
        h('p', { class: 'note' }, '本服务暂不提供目录件数计算；生成的材料袋中的目录按实际放入的文件计数。'),
        scanOnlyTable(counts),
      );
      return;
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { details?: Problem[] } | null;
      target.replaceChildren(
        heading,
        h('p', { class: 'warning' }, '单人材料尚有问题，修改后才能计算件数：'),
        h('ul', {}, ...(body?.details ?? []).slice(0, 8).map((p) => h('li', {}, p.message))),
        h('p', {}, h('a', { href: '#/applicant' }, '到“单人材料”修改')),
      );
      return;
    }
    const answer = (await response.json()) as { items: ContentsItem[]; findings: Problem[] };
    target.replaceChildren(heading, contentsTable(answer.items));
    append(target, [findingsList(answer.findings)]);
  } catch (error) {
    target.replaceChildren(heading, h('p', { class: 'warning' }, describeError(error)));
  }
}

function contentsTable(items: readonly ContentsItem[]): HTMLElement {
  return h(
    'table',
    { class: 'counts', id: 'packet-counts' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '序号'),
        h('th', { scope: 'col' }, '材料'),
        h('th', { scope: 'col' }, '扫描件'),
        h('th', { scope: 'col' }, '件数'),
      ),
    ),
    h(
      'tbody',
      {},
      ...items.map((item) =>
        h(
          'tr',
          { class: item.missing ? 'missing' : '' },
          h('td', {}, String(item.item)),
          h('th', { scope: 'row' }, item.name, item.required ? h('small', {}, '（必交）') : null),
          h('td', {}, String(item.scans)),
          h('td', {}, item.missing ? h('strong', {}, '缺') : String(item.count)),
        ),
      ),
    ),
  );
}

function scanOnlyTable(counts: Record<string, number>): HTMLElement {
  const rows = Object.entries(counts);
  return rows.length === 0
    ? h('p', {}, '尚未上传扫描件。')
    : h('ul', {}, ...rows.map(([field, count]) => h('li', {}, `第 ${field.slice(4)} 项：${count} 个扫描件`)));
}

function findingsList(findings: readonly Problem[]): HTMLElement | null {
  const shown = findings.filter((f) => f.severity !== 'info');
  if (shown.length === 0) return h('p', { class: 'ok' }, '没有缺少的必交材料。');
  return h(
    'div',
    { class: 'findings' },
    h('h4', {}, '请注意'),
    h('ul', {}, ...shown.map((f) => h('li', { class: f.severity ?? 'warning' }, f.message))),
  );
}

function showFailure(error: unknown, target: HTMLElement): void {
  if (error instanceof ApiError && error.details.length > 0) {
    const dossierProblems = error.details
      .filter((p) => p.path.startsWith('/dossier'))
      .map((p) => ({ ...p, path: p.path.slice('/dossier'.length) }));
    if (dossierProblems.length > 0) reportProblems(dossierProblems, `生成材料袋前需修改 ${dossierProblems.length} 处`);
    append(target, [
      h('p', {}, `无法生成材料袋：${error.message}`),
      h('ul', {}, ...error.details.map((p) => h('li', {}, p.message))),
      dossierProblems.length > 0 ? h('p', {}, h('a', { href: '#/applicant' }, '到“单人材料”中修改')) : null,
    ]);
  } else {
    target.append(h('p', {}, `无法生成材料袋：${describeError(error)}`));
  }
  announce('无法生成材料袋');
}

/** Re-reads the counts when the clerk comes back from editing the dossier. */
export function packetShown(): void {
  const contents = document.querySelector<HTMLElement>('.contents');
  if (contents) void refreshContents(contents);
}
