/**
 * The staff page: one view per hash route (#/applicant, #/documents, #/packet,
 * #/batch, #/verify/<code>). Each view is built once and kept, so what the
 * clerk entered or uploaded survives switching views. Hashes that do not start
 * with "#/" are in-page anchors and leave the view alone.
 */
import './style.css';
import { renderApplicant } from './applicant-view.js';
import { renderBatch } from './batch-view.js';
import { describeError } from './api.js';
import { announce, h } from './dom.js';
import { renderDocuments } from './documents-view.js';
import { packetShown, renderPacket } from './packet-view.js';
import { renderVerify } from './verify-view.js';

type Route = 'applicant' | 'documents' | 'packet' | 'batch' | 'verify';

const VIEWS: Record<Route, (host: HTMLElement, arg: string | null) => Promise<void> | void> = {
  applicant: renderApplicant,
  documents: renderDocuments,
  packet: renderPacket,
  batch: renderBatch,
  verify: renderVerify,
};

const TITLES: Record<Route, string> = {
  applicant: '单人材料',
  documents: '预览与下载',
  packet: '材料袋',
  batch: '单位批量',
  verify: '核验',
};

const main = document.getElementById('main') as HTMLElement;
const hosts = new Map<string, HTMLElement>();

function parse(hash: string): { route: Route; arg: string | null } | null {
  if (hash === '' || hash === '#' || hash === '#/') return { route: 'applicant', arg: null };
  if (!hash.startsWith('#/')) return null;
  const [name = '', ...rest] = hash.slice(2).split('/');
  if (!(name in VIEWS)) return { route: 'applicant', arg: null };
  const arg = rest.join('/');
  return { route: name as Route, arg: arg === '' ? null : safeDecode(arg) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

async function show(): Promise<void> {
  const target = parse(location.hash);
  if (!target) return;
  document.getElementById('loading')?.remove();
  // A status line belongs to the screen that set it ("批量文件已生成" does not follow the clerk to 核验).
  announce('');
  // Verification answers are built afresh for each code.
  const key = target.route === 'verify' ? `verify:${target.arg ?? ''}` : target.route;
  for (const [name, host] of hosts) host.hidden = name !== key;
  if (target.route === 'verify') {
    for (const [name, old] of [...hosts]) {
      if (!name.startsWith('verify:') || name === key) continue;
      old.remove();
      hosts.delete(name);
    }
  }
  for (const link of document.querySelectorAll<HTMLAnchorElement>('#tabs a')) {
    if (link.dataset.route === target.route) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.title = `${TITLES[target.route]} - 职称申报材料工作台`;
  let host = hosts.get(key);
  if (!host) {
    host = h('div', { class: `view view-${target.route}` });
    hosts.set(key, host);
    main.append(host);
    try {
      await VIEWS[target.route](host, target.arg);
    } catch (error) {
      host.append(h('p', { class: 'error' }, `页面载入失败：${describeError(error)}`));
    }
  } else if (target.route === 'packet') {
    packetShown();
  }
}

window.addEventListener('hashchange', () => void show());
void show();
