/**
 * ① 单人材料: the dossier form by the 评审表's sections, checked by the server
 * (POST /v1/checks), with import/export as JSON and a draft in this browser.
 */
import { ApiError, describeError, getJson, postJson, type Problem } from './api.js';
import { announce, clear, h, saveBlob } from './dom.js';
import { renderField } from './fields.js';
import { forgetSlots, registerSlot, showProblems } from './problems.js';
import { dossierSchema, isRequired, type JsonSchema } from './schema.js';
import { SECTIONS, type ListSpec } from './sections.js';
import { clearDraft, current, getAt, onReplace, payload, replace, setAt } from './store.js';

interface ChecksAnswer {
  findings: Problem[];
  summary: { errors: number; warnings: number; infos: number };
}

let schema: JsonSchema | null = null;
const summary = h('section', { class: 'problem-summary', id: 'problem-summary', hidden: true, 'aria-live': 'polite' });

/** The dossier ready to send: empty optional values left out. */
export async function dossierPayload(): Promise<Record<string, unknown>> {
  schema ??= await dossierSchema();
  const root = schema;
  return payload((pointer) => isRequired(root, pointer.replace(/\/\d+(?=\/|$)/g, '/0')));
}

/** Shows problems the server reported for this dossier (paths relative to the dossier) in the form. */
export function reportProblems(problems: readonly Problem[], title: string): HTMLElement | null {
  return showProblems(problems, summary, title);
}

export async function renderApplicant(main: HTMLElement): Promise<void> {
  schema ??= await dossierSchema();
  const root = schema;
  const form = h('form', { class: 'dossier', novalidate: true, 'aria-label': '申报人材料' });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void check();
  });

  const sectionsHost = h('div', { class: 'sections' });
  const drawSections = () => {
    clear(sectionsHost);
    forgetSlots('');
    registerSlot('', summary, h('span'));
    for (const section of SECTIONS) sectionsHost.append(renderSection(section, root));
  };
  drawSections();
  onReplace(drawSections);

  const importInput = h('input', {
    type: 'file',
    id: 'import-json',
    accept: 'application/json,.json',
    class: 'visually-hidden',
  });
  importInput.addEventListener('change', () => void importFile(importInput));

  const toolbar = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': '材料操作' },
    h('button', { type: 'submit', class: 'primary', id: 'check' }, '检查材料'),
    h('label', { class: 'button', for: 'import-json' }, '导入 JSON…'),
    importInput,
    h('button', { type: 'button', id: 'export-json', onclick: () => void exportJson() }, '导出 JSON'),
    h('button', { type: 'button', id: 'load-sample', onclick: () => void loadSample() }, '载入示例'),
    h('button', { type: 'button', id: 'clear-draft', class: 'danger', onclick: () => clearAll() }, '清除'),
    h('span', { class: 'note' }, '填写内容自动保存在本浏览器中（不上传服务器），点“清除”删除。'),
  );

  const nav = h(
    'nav',
    { class: 'section-nav', 'aria-label': '材料分节' },
    h(
      'ol',
      {},
      ...SECTIONS.map((section) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: `#s-${section.id}`,
              onclick: (event: Event) => {
                event.preventDefault();
                const target = document.getElementById(`s-${section.id}`);
                target?.scrollIntoView({ block: 'start' });
                target?.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
              },
            },
            section.title,
          ),
        ),
      ),
    ),
  );

  form.append(toolbar, summary, sectionsHost);
  main.append(h('h2', { class: 'view-title' }, '① 单人材料'), h('div', { class: 'with-nav' }, nav, form));
}

function renderSection(section: (typeof SECTIONS)[number], root: JsonSchema): HTMLElement {
  const body = h('div', { class: 'grid' });
  for (const field of section.fields ?? []) body.append(renderField(field, field.key, root));
  const element = h(
    'section',
    { class: 'form-section', id: `s-${section.id}`, 'aria-labelledby': `s-${section.id}-title` },
    h('h3', { id: `s-${section.id}-title` }, section.title),
    section.note ? h('p', { class: 'note' }, section.note) : null,
    body,
  );
  for (const group of section.optionalGroups ?? []) element.append(renderOptionalGroup(group, root));
  for (const list of section.lists ?? []) element.append(renderList(list, root));
  return element;
}

function renderOptionalGroup(
  group: NonNullable<(typeof SECTIONS)[number]['optionalGroups']>[number],
  root: JsonSchema,
): HTMLElement {
  const id = `g${group.path.replace(/\//g, '.')}`;
  const toggle = h('input', { type: 'checkbox', id, checked: isFilled(getAt(group.path)) });
  const messages = h('span', { class: 'messages' });
  registerSlot(group.path, toggle, messages);
  const fields = h('div', { class: 'grid' });
  const draw = () => {
    clear(fields);
    forgetSlots(`${group.path}/`);
    if (!toggle.checked) return;
    for (const field of group.fields) fields.append(renderField(field, `${group.path}${field.key}`, root));
  };
  toggle.addEventListener('change', () => {
    setAt(group.path, toggle.checked ? (isFilled(getAt(group.path)) ? getAt(group.path) : {}) : null);
    draw();
  });
  draw();
  return h(
    'fieldset',
    { class: 'group' },
    h('legend', {}, h('label', { for: id }, toggle, ' ', group.label)),
    messages,
    fields,
  );
}

function isFilled(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

function renderList(spec: ListSpec, root: JsonSchema): HTMLElement {
  const rows = h('div', { class: 'rows' });
  const messages = h('span', { class: 'messages' });
  const add = h(
    'button',
    { type: 'button', class: 'add', id: `add${spec.path.replace(/\//g, '.')}` },
    `＋ 添加${spec.rowLabel}`,
  );
  registerSlot(spec.path, add, messages);
  const items = (): Record<string, unknown>[] => {
    const value = getAt(spec.path);
    return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  };
  const draw = (focusRow?: number) => {
    clear(rows);
    forgetSlots(`${spec.path}/`);
    items().forEach((_, index) => {
      const base = `${spec.path}/${index}`;
      const legend = `${spec.rowLabel} ${index + 1}`;
      const grid = h('div', { class: 'grid' });
      for (const field of spec.fields) grid.append(renderField(field, `${base}${field.key}`, root));
      const remove = h(
        'button',
        {
          type: 'button',
          class: 'remove',
          'aria-label': `删除${legend}`,
          onclick: () => {
            const next = items().filter((__, i) => i !== index);
            setAt(spec.path, next);
            draw();
            (rows.querySelector<HTMLElement>('fieldset:last-child input') ?? add).focus();
          },
        },
        '删除',
      );
      const rowMessages = h('span', { class: 'messages' });
      const fieldset = h('fieldset', { class: 'row' }, h('legend', {}, legend), remove, rowMessages, grid);
      registerSlot(base, grid.querySelector<HTMLElement>('input, select, textarea') ?? remove, rowMessages);
      rows.append(fieldset);
    });
    if (focusRow !== undefined)
      rows.querySelectorAll('fieldset')[focusRow]?.querySelector<HTMLElement>('input, select')?.focus();
  };
  add.addEventListener('click', () => {
    setAt(spec.path, [...items(), {}]);
    draw(items().length - 1);
  });
  draw();
  return h(
    'div',
    { class: 'list', role: 'group', 'aria-labelledby': `l${spec.path.replace(/\//g, '.')}` },
    h('h4', { id: `l${spec.path.replace(/\//g, '.')}` }, spec.label),
    messages,
    rows,
    add,
  );
}

/** 检查材料: validation (422 details) and the notice's rules (findings), shown by the fields. */
export async function check(): Promise<boolean> {
  announce('正在检查…');
  try {
    const answer = await postJson<ChecksAnswer>('/v1/checks', await dossierPayload());
    const relevant = answer.findings.filter((finding) => finding.severity !== 'info');
    const first = reportProblems(
      relevant,
      relevant.length === 0
        ? ''
        : `检查完成：${answer.summary.errors} 个错误，${answer.summary.warnings} 个提醒（不影响生成文件，但请核实）`,
    );
    if (relevant.length === 0) {
      summary.hidden = false;
      summary.replaceChildren(h('p', { class: 'ok' }, '检查通过：格式和通知规则均无问题。'));
      announce('检查通过');
    } else {
      announce(`发现 ${relevant.length} 个问题`);
      first?.focus();
    }
    return answer.summary.errors === 0;
  } catch (error) {
    if (error instanceof ApiError && error.details.length > 0) {
      const first = reportProblems(error.details, `材料有 ${error.details.length} 处需要修改`);
      announce(`材料有 ${error.details.length} 处需要修改`);
      first?.focus();
    } else {
      summary.hidden = false;
      summary.replaceChildren(h('p', { class: 'error' }, describeError(error)));
      summary.focus();
    }
    return false;
  }
}

async function importFile(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  try {
    const value: unknown = JSON.parse(await file.text());
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new Error('文件内容不是一份申报材料（JSON 对象）');
    replace(value as Record<string, unknown>);
    announce(`已导入 ${file.name}`);
    void check();
  } catch (error) {
    reportProblems([{ path: '', code: 'IMPORT', message: `无法导入：${describeError(error)}` }], '导入失败');
  }
}

async function exportJson(): Promise<void> {
  const data = await dossierPayload();
  const applicant = data.applicant as { name?: string } | undefined;
  const name = applicant?.name?.trim() || '申报材料';
  saveBlob(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }), `${name}.json`);
}

async function loadSample(): Promise<void> {
  if (!window.confirm('载入示例会替换当前填写的内容，确定吗？')) return;
  try {
    replace(await getJson<Record<string, unknown>>('/v1/forms/review-form/sample'));
    announce('已载入示例材料');
  } catch (error) {
    announce(describeError(error));
  }
}

function clearAll(): void {
  if (!window.confirm('清除后，本浏览器中保存的填写内容将被删除，确定吗？')) return;
  clearDraft();
  reportProblems([], '');
  announce('已清除');
}

export function currentName(): string {
  const applicant = current().applicant as { name?: unknown } | undefined;
  return typeof applicant?.name === 'string' ? applicant.name : '';
}
