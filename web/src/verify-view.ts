/**
 * 核验: the answer to a review form's verification code, readable on a phone.
 * The QR holds the full code (or the link PUBLIC_BASE_URL/v1/verify/<code>,
 * which a browser is sent on to #/verify/<code>). The short 验证码 printed
 * beside the QR is for comparing with the answer: it cannot be checked alone.
 */
import { describeError, getJson } from './api.js';
import { clear, h } from './dom.js';

interface VerifyAnswer {
  valid: boolean;
  serial?: string;
  form?: string;
  name?: string;
  issuedAt?: string;
  shortCode?: string;
}

const FORM_NAMES: Record<string, string> = { 'review-form': '专业技术职务任职资格评审表' };
const SHORT_CODE = /^[A-Z2-7]{4}-?[A-Z2-7]{4}$/i;

export function renderVerify(main: HTMLElement, initialCode: string | null): void {
  const result = h('section', { class: 'verify-result', id: 'verify-result', 'aria-live': 'polite', tabindex: '-1' });
  const input = h('input', {
    id: 'verify-code',
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'verify-hint',
  });
  const form = h(
    'form',
    { class: 'verify-form' },
    h('label', { for: 'verify-code' }, '二维码中的验证内容'),
    input,
    h(
      'span',
      { class: 'hint', id: 'verify-hint' },
      '用手机扫描评审表页角的二维码即可打开本页；也可把扫码得到的链接或代码粘贴到这里。纸上印的短验证码（如 3T4V-7C22）用于与核验结果比对。',
    ),
    h('button', { type: 'submit', class: 'primary' }, '核验'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = codeOf(input.value);
    if (code) location.hash = `#/verify/${encodeURIComponent(code)}`;
  });
  main.append(h('h2', { class: 'view-title' }, '核验评审表'), form, result);
  if (initialCode) {
    input.value = initialCode;
    void verify(initialCode, result);
  }
}

/** The code from what was pasted: a whole link, a path, or the code itself. */
function codeOf(text: string): string {
  const trimmed = text.trim();
  const match = /\/v1\/verify\/([^/?#\s]+)/.exec(trimmed) ?? /#\/verify\/([^/?#\s]+)/.exec(trimmed);
  if (!match?.[1]) return trimmed;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}

async function verify(code: string, target: HTMLElement): Promise<void> {
  clear(target);
  if (SHORT_CODE.test(code)) {
    target.append(
      h(
        'p',
        { class: 'warning' },
        `“${code}”是印在二维码旁的短验证码，只用于比对。请扫描二维码，或输入二维码中的完整内容进行核验。`,
      ),
    );
    return;
  }
  target.append(h('p', {}, '正在核验…'));
  try {
    const answer = await getJson<VerifyAnswer>(`/v1/verify/${encodeURIComponent(code)}`);
    clear(target);
    if (!answer.valid) {
      target.append(
        h('p', { class: 'verdict invalid' }, '✗ 核验未通过'),
        h('p', {}, '此验证码不是本服务签发的，或已被改动。请确认扫描的是原件上的二维码。'),
      );
    } else {
      target.append(
        h('p', { class: 'verdict valid' }, '✓ 核验通过：此文件由本服务生成'),
        h(
          'dl',
          {},
          h('dt', {}, '验证码'),
          h('dd', { id: 'verify-short-code' }, answer.shortCode ?? ''),
          h('dt', {}, '流水号'),
          h('dd', { id: 'verify-serial' }, answer.serial ?? ''),
          h('dt', {}, '文件'),
          h('dd', {}, FORM_NAMES[answer.form ?? ''] ?? answer.form ?? ''),
          h('dt', {}, '申报人'),
          h('dd', {}, answer.name ?? ''),
          h('dt', {}, '生成时间'),
          h(
            'dd',
            {},
            answer.issuedAt ? new Date(answer.issuedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '',
          ),
        ),
        h('p', { class: 'note' }, '请核对纸面上印的验证码和流水号与上面一致。'),
      );
    }
    target.focus();
  } catch (error) {
    clear(target);
    target.append(h('p', { class: 'error' }, `无法核验：${describeError(error)}`));
  }
}
