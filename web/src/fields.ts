/** One labelled control bound to a JSON pointer of the dossier, with its place for problems. */
import { h, uid } from './dom.js';
import { registerSlot } from './problems.js';
import { choicesAt, type JsonSchema } from './schema.js';
import type { Field } from './sections.js';
import { getAt, setAt } from './store.js';

/** Elements that belong beside a control (a datalist). */
const extras = new WeakMap<HTMLElement, HTMLElement>();

export function fieldId(pointer: string): string {
  return `f${pointer.replace(/\//g, '.')}`;
}

export function renderField(field: Field, pointer: string, schema: JsonSchema): HTMLElement {
  const id = fieldId(pointer);
  const hintId = field.hint ? `${id}-hint` : null;
  const messages = h('span', { class: 'messages', id: `${id}-problems` });
  const describedBy = [hintId, `${id}-problems`].filter(Boolean).join(' ');
  const control = makeControl(field, pointer, schema, id, describedBy);
  registerSlot(pointer, control, messages);
  return h(
    'div',
    { class: `field${field.wide || field.kind === 'textarea' ? ' wide' : ''}` },
    h('label', { for: id }, field.label),
    control,
    extras.get(control) ?? null,
    field.hint ? h('span', { class: 'hint', id: hintId }, field.hint) : null,
    messages,
  );
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function makeControl(field: Field, pointer: string, schema: JsonSchema, id: string, describedBy: string): HTMLElement {
  const common = { id, name: pointer, 'aria-describedby': describedBy };
  const value = getAt(pointer);
  switch (field.kind) {
    case 'textarea': {
      const area = h('textarea', { ...common, rows: 5 });
      area.value = text(value);
      area.addEventListener('input', () => setAt(pointer, area.value));
      return area;
    }
    case 'int':
    case 'number': {
      const input = h('input', {
        ...common,
        type: 'number',
        inputmode: field.kind === 'int' ? 'numeric' : 'decimal',
        step: field.kind === 'int' ? 1 : 'any',
        value: text(value),
      });
      input.addEventListener('input', () => setAt(pointer, input.value === '' ? undefined : Number(input.value)));
      return input;
    }
    case 'date': {
      const input = h('input', { ...common, type: 'date', value: text(value) });
      input.addEventListener('input', () => setAt(pointer, input.value));
      return input;
    }
    case 'photo':
      return photoControl(pointer, common);
    case 'choice':
      return choiceControl(field, pointer, schema, common, text(value));
    default: {
      const input = h('input', {
        ...common,
        type: 'text',
        value: text(value),
        placeholder: field.kind === 'month' ? 'YYYY-MM' : null,
        inputmode: field.kind === 'month' ? 'numeric' : null,
        autocomplete: 'off',
      });
      input.addEventListener('input', () => setAt(pointer, input.value));
      return input;
    }
  }
}

function choiceControl(
  field: Field,
  pointer: string,
  schema: JsonSchema,
  common: Record<string, string>,
  value: string,
): HTMLElement {
  const choices = choicesAt(schema, pointer.replace(/\/\d+\//g, '/0/')) ?? { values: [], strict: false };
  if (field.free) {
    const listId = uid('list');
    const input = h('input', { ...common, type: 'text', list: listId, value, autocomplete: 'off' });
    input.addEventListener('input', () => setAt(pointer, input.value));
    // The suggestions travel with the input; renderField places them beside it.
    extras.set(input, h('datalist', { id: listId }, ...choices.values.map((v) => h('option', { value: v }))));
    return input;
  }
  const values = [...choices.values];
  // A value from an imported file that the list does not hold is kept visible, not silently replaced.
  if (value !== '' && !values.includes(value)) values.push(value);
  const select = h(
    'select',
    common,
    h('option', { value: '' }, '请选择'),
    ...values.map((v) => h('option', { value: v, selected: v === value }, field.optionLabels?.[v] ?? v)),
  );
  select.value = value;
  select.addEventListener('change', () => setAt(pointer, select.value));
  return select;
}

/**
 * A file input for the photo, with what is chosen shown beside it (a
 * thumbnail) and 移除照片 to take it out of the dossier again: a file input
 * alone can choose a photo but never un-choose one.
 */
function photoControl(pointer: string, common: Record<string, string>): HTMLElement {
  const input = h('input', { ...common, type: 'file', accept: 'image/jpeg,image/png' });
  const preview = h('img', { class: 'photo-preview', alt: '已选照片' });
  const remove = h('button', { type: 'button', class: 'small' }, '移除照片');
  const show = (dataUrl: string | undefined): void => {
    preview.hidden = dataUrl === undefined;
    remove.hidden = dataUrl === undefined;
    if (dataUrl === undefined) preview.removeAttribute('src');
    else preview.src = dataUrl;
  };
  const changed = (dataUrl: string | undefined): void => {
    setAt(pointer, dataUrl);
    show(dataUrl);
    input.dispatchEvent(new CustomEvent('photo-changed', { bubbles: true }));
  };
  const current = getAt(pointer);
  show(typeof current === 'string' && current !== '' ? current : undefined);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.addEventListener('load', () => changed(String(reader.result)));
    reader.readAsDataURL(file);
  });
  remove.addEventListener('click', () => {
    input.value = '';
    changed(undefined);
    input.focus(); // the button is gone: keep the keyboard on the control
  });
  extras.set(input, h('span', { class: 'photo' }, preview, remove));
  return input;
}
