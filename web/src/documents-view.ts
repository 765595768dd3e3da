/**
 * ② 预览与下载: every document of this applicant, previewed as PDF in the
 * page and downloadable in each format the service offers for it.
 */
import { ApiError, apiFetch, describeError, fileFrom } from './api.js';
import { dossierPayload, reportProblems } from './applicant-view.js';
import { announce, append, clear, h, saveBlob } from './dom.js';
import { formDetail, listForms, type FormSummary, type JsonSchema } from './schema.js';

const FORMAT_LABEL: Record<string, string> = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' };
/** Forms of a whole unit, not of one applicant (the batch page makes them). */
const UNIT_FORMS = new Set(['roster']);

let previewUrl: string | null = null;

export async function renderDocuments(main: HTMLElement): Promise<void> {
  const forms = (await listForms()).filter((form) => !UNIT_FORMS.has(form.id));
  const message = h('div', { class: 'doc-message', role: 'alert' });
  const frame = h('iframe', { title: '文件预览', class: 'preview', id: 'preview-frame' });
  const previewTitle = h('h3', { id: 'preview-title' }, '预览');
  const previewPane = h(
    'section',
    { class: 'preview-pane', 'aria-labelledby': 'preview-title' },
    previewTitle,
    h('p', { class: 'note', id: 'preview-empty' }, '点击左侧“预览”查看文件（以 PDF 显示）。'),
    frame,
  );
  frame.hidden = true;

  const rows = h('tbody');
  for (const form of forms) rows.append(await formRow(form, { message, frame, previewTitle }));
  const table = h(
    'table',
    { class: 'documents' },
    h('caption', {}, '本申报人的文件（内容来自“单人材料”）'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '文件'),
        h('th', { scope: 'col' }, '预览'),
        h('th', { scope: 'col' }, '下载'),
      ),
    ),
    rows,
  );
  main.append(
    h('h2', { class: 'view-title' }, '② 预览与下载'),
    h('div', { class: 'split' }, h('div', {}, message, table), previewPane),
  );
}

interface Targets {
  readonly message: HTMLElement;
  readonly frame: HTMLIFrameElement;
  readonly previewTitle: HTMLElement;
}

async function formRow(form: FormSummary, targets: Targets): Promise<HTMLElement> {
  const title = `${form.attachment ? `附件${form.attachment} ` : ''}${form.title}`;
  const optionsHost = h('div', { class: 'options' });
  const options = form.id === 'review-form' ? await optionControls(form.id, optionsHost) : () => '';
  const render = async (format: string, preview: boolean) => {
    clear(targets.message);
    announce(`正在生成${title}…`);
    try {
      const response = await apiFetch(`/v1/forms/${form.id}/${format}${options()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(await dossierPayload()),
      });
      const { blob, fileName } = await fileFrom(response);
      if (preview) {
        if (previewUrl) URL.revokeObjectURL(previewUrl);
        previewUrl = URL.createObjectURL(blob);
        targets.frame.src = previewUrl;
        targets.frame.hidden = false;
        document.getElementById('preview-empty')?.remove();
        targets.previewTitle.textContent = `预览：${title}`;
        announce(`${title}已生成`);
      } else {
        saveBlob(blob, fileName);
        announce(`已下载 ${fileName}`);
      }
    } catch (error) {
      showFailure(error, targets.message, title);
    }
  };
  return h(
    'tr',
    { 'data-form': form.id },
    h('th', { scope: 'row' }, title, optionsHost),
    h(
      'td',
      {},
      form.formats.includes('pdf')
        ? h('button', { type: 'button', 'aria-label': `预览${title}`, onclick: () => void render('pdf', true) }, '预览')
        : '—',
    ),
    h(
      'td',
      { class: 'downloads' },
      ...form.formats.map((format) =>
        h(
          'button',
          {
            type: 'button',
            'aria-label': `下载${title}（${FORMAT_LABEL[format] ?? format}）`,
            onclick: () => void render(format, false),
          },
          FORMAT_LABEL[format] ?? format,
        ),
      ),
    ),
  );
}

/** The form's query options from its JSON Schema (the review form's copies); returns the query string. */
async function optionControls(formId: string, host: HTMLElement): Promise<() => string> {
  const detail = await formDetail(formId).catch(() => null);
  const properties = detail?.options?.properties ?? {};
  const controls: [string, HTMLSelectElement | HTMLInputElement][] = [];
  for (const [name, schema] of Object.entries(properties) as [string, JsonSchema][]) {
    const id = `opt-${formId}-${name}`;
    const label = name === 'copies' ? '份数' : name;
    const values = Array.isArray(schema.enum) ? schema.enum.map(String) : null;
    const control = values
      ? h('select', { id }, ...values.map((v) => h('option', { value: v, selected: v === String(schema.default) }, v)))
      : h('input', {
          id,
          type: 'number',
          min: 1,
          max: 2,
          step: 1,
          value: String(schema.default ?? ''),
          class: 'narrow',
        });
    append(host, [
      h('label', { for: id }, label),
      control,
      schema.description ? h('span', { class: 'hint' }, `（${describeOption(name, schema)}）`) : null,
    ]);
    controls.push([name, control]);
  }
  return () => {
    const query = new URLSearchParams();
    for (const [name, control] of controls) if (control.value !== '') query.set(name, control.value);
    const text = query.toString();
    return text ? `?${text}` : '';
  };
}

function describeOption(name: string, schema: JsonSchema): string {
  if (name === 'copies') return '评审表一份 PDF 中的完整份数，通知要求 2 份';
  return schema.description ?? '';
}

function showFailure(error: unknown, target: HTMLElement, title: string): void {
  if (error instanceof ApiError && error.details.length > 0) {
    const formProblems = error.details.filter((p) => !p.path.startsWith('/query'));
    if (formProblems.length > 0) reportProblems(formProblems, `生成${title}前需修改 ${formProblems.length} 处`);
    append(target, [
      h('p', {}, `无法生成${title}：${error.message}`),
      h('ul', {}, ...error.details.map((p) => h('li', {}, p.message))),
      formProblems.length > 0
        ? h('p', {}, h('a', { href: '#/applicant' }, '到“单人材料”中修改（问题已标在对应栏目旁）'))
        : null,
    ]);
  } else {
    target.append(h('p', {}, `无法生成${title}：${describeError(error)}`));
  }
  target.focus();
  announce(`无法生成${title}`);
}
