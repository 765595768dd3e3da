/**
 * Problems the server reports (422 details[], /v1/checks findings), each shown
 * next to the field its JSON pointer names, with a summary that links to them.
 * A pointer with no field of its own (an empty list, a whole row) is shown at
 * the nearest enclosing part that has one.
 */
import type { Problem } from './api.js';
import { clear, h } from './dom.js';

interface Slot {
  readonly control: HTMLElement;
  readonly messages: HTMLElement;
}

const slots = new Map<string, Slot>();

/** A place to show problems for a pointer: the control to focus and the element that lists messages. */
export function registerSlot(pointer: string, control: HTMLElement, messages: HTMLElement): void {
  slots.set(pointer, { control, messages });
}

export function forgetSlots(prefix: string): void {
  for (const pointer of [...slots.keys()]) {
    if (pointer === prefix || pointer.startsWith(`${prefix}/`)) slots.delete(pointer);
  }
}

function slotFor(pointer: string): { pointer: string; slot: Slot } | null {
  let candidate = pointer;
  for (;;) {
    const slot = slots.get(candidate);
    if (slot?.control.isConnected) return { pointer: candidate, slot };
    if (candidate === '') return null;
    candidate = candidate.slice(0, candidate.lastIndexOf('/'));
  }
}

const SEVERITY: Record<string, string> = { error: '错误', warning: '提醒', info: '说明' };

export function clearProblems(): void {
  for (const { control, messages } of slots.values()) {
    clear(messages);
    control.removeAttribute('aria-invalid');
  }
}

/**
 * Shows the problems next to their fields and lists them in `summary`; returns
 * the control of the first one (to move focus to), or the summary's heading.
 */
export function showProblems(problems: readonly Problem[], summary: HTMLElement, title: string): HTMLElement | null {
  clearProblems();
  clear(summary);
  if (problems.length === 0) {
    summary.hidden = true;
    return null;
  }
  summary.hidden = false;
  const heading = h('h2', { tabindex: '-1' }, title);
  const list = h('ul');
  let first: HTMLElement | null = null;
  for (const problem of problems) {
    const severity = problem.severity ?? 'error';
    const found = slotFor(problem.path);
    const text = `${problem.message}`;
    if (problem.path === '/materials' || problem.path.startsWith('/materials/')) {
      // The paper items: no field on this page holds them; the packet screen takes their scans.
      const link = h('a', { href: '#/packet' }, '③ 材料袋');
      list.append(h('li', { class: severity }, `纸质材料：${text}（可在 `, link, ' 上传该项扫描件）'));
    } else if (found && found.pointer !== '') {
      const { control, messages } = found.slot;
      messages.append(h('span', { class: `problem ${severity}` }, `${SEVERITY[severity] ?? ''}：${text}`));
      if (severity === 'error') control.setAttribute('aria-invalid', 'true');
      first ??= control;
      const link = h('a', { href: `#${control.id}` }, labelOf(control), '：', text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        control.focus();
        control.scrollIntoView({ block: 'center' });
      });
      list.append(h('li', { class: severity }, link));
    } else {
      list.append(h('li', { class: severity }, `${problem.path || '整份材料'}：${text}`));
    }
  }
  summary.append(heading, list);
  return first ?? heading;
}

function labelOf(control: HTMLElement): string {
  const label = control.id ? document.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
  const group = control.closest('fieldset')?.querySelector('legend')?.textContent;
  const own = label?.textContent ?? control.getAttribute('aria-label') ?? '';
  return group && !own.startsWith(group) ? `${group} ${own}`.trim() : own || group || '';
}
