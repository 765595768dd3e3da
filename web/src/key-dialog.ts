/** The one question the page asks when the service requires an API key. */
import { h } from './dom.js';

let pending: Promise<string | null> | null = null;

/** Resolves with the key typed, or null when the clerk cancels. Concurrent calls share one dialog. */
export function askForKey(retry: boolean): Promise<string | null> {
  pending ??= new Promise<string | null>((resolve) => {
    const input = h('input', { id: 'api-key', type: 'password', autocomplete: 'off', required: true });
    const dialog = h(
      'dialog',
      { class: 'key-dialog', 'aria-labelledby': 'api-key-title' },
      h(
        'form',
        { method: 'dialog' },
        h('h2', { id: 'api-key-title' }, '请输入 API 密钥'),
        h(
          'p',
          {},
          retry
            ? '密钥无效，请重新输入。'
            : '本服务需要 API 密钥。密钥只保存在本浏览器的当前会话中，关闭浏览器后需重新输入。',
        ),
        h('label', { for: 'api-key' }, 'API 密钥'),
        input,
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', value: 'ok', class: 'primary' }, '确定'),
          h('button', { type: 'submit', value: 'cancel', formnovalidate: true }, '取消'),
        ),
      ),
    );
    dialog.addEventListener('close', () => {
      const key = dialog.returnValue === 'ok' ? input.value.trim() : '';
      dialog.remove();
      pending = null;
      resolve(key === '' ? null : key);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
  return pending;
}
