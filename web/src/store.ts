/**
 * The applicant being edited: one dossier object, kept as a draft in this
 * browser's localStorage until the clerk clears it. Nothing is stored on the server.
 */
type Json = Record<string, unknown>;

const DRAFT_KEY = 'zhicheng.draft.v1';
const listeners = new Set<() => void>();

let dossier: Json = loadDraft() ?? emptyDossier();

export function emptyDossier(): Json {
  return {
    applicant: { education: {}, currentTitle: null },
    application: { year: new Date().getFullYear(), series: '档案', specialty: '档案' },
    workHistory: [],
    assessments: [],
    continuingEducation: [],
    ceExemption: null,
    achievements: [],
    papers: [],
    awards: [],
    patents: [],
    recommendingUnit: {},
    publicity: {},
  };
}

function loadDraft(): Json | null {
  try {
    const text = localStorage.getItem(DRAFT_KEY);
    const value: unknown = text ? JSON.parse(text) : null;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

export function hasDraft(): boolean {
  return localStorage.getItem(DRAFT_KEY) !== null;
}

export function current(): Json {
  return dossier;
}

/** Replaces the whole dossier (import, sample, clear). */
export function replace(next: Json): void {
  dossier = next;
  save();
  for (const listener of listeners) listener();
}

export function clearDraft(): void {
  localStorage.removeItem(DRAFT_KEY);
  dossier = emptyDossier();
  for (const listener of listeners) listener();
}

/** Called when the dossier is replaced as a whole (not on each keystroke). */
export function onReplace(listener: () => void): void {
  listeners.add(listener);
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function save(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    try {
      localStorage.setItem(DRAFT_KEY, JSON.stringify(dossier));
    } catch {
      // Storage full or disabled: the page still works, only without a draft.
    }
  }, 300);
}

/** Writes immediately (before the page is left or a test reloads). */
export function flush(): void {
  clearTimeout(saveTimer);
  localStorage.setItem(DRAFT_KEY, JSON.stringify(dossier));
}
window.addEventListener('pagehide', flush);

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function getAt(pointer: string): unknown {
  let node: unknown = dossier;
  for (const token of tokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Json)[token];
  }
  return node;
}

/** Sets a value, creating objects on the way; undefined deletes the key. */
export function setAt(pointer: string, value: unknown): void {
  const path = tokens(pointer);
  const last = path.pop();
  if (last === undefined) return;
  let node = dossier as Json;
  for (const token of path) {
    const next = node[token];
    if (next === null || typeof next !== 'object') node[token] = {};
    node = node[token] as Json;
  }
  if (value === undefined) delete node[last];
  else node[last] = value;
  save();
}

/** The dossier as the API takes it: empty optional parts left out. */
export function payload(isRequired: (pointer: string) => boolean): Json {
  const prune = (value: unknown, pointer: string): unknown => {
    if (Array.isArray(value)) return value.map((entry, i) => prune(entry, `${pointer}/${i}`));
    if (value === null || typeof value !== 'object') return value;
    const out: Json = {};
    for (const [key, entry] of Object.entries(value as Json)) {
      const child = `${pointer}/${key}`;
      if ((entry === '' || entry === undefined) && !isRequired(child)) continue;
      out[key] = prune(entry, child);
    }
    return out;
  };
  return prune(dossier, '') as Json;
}
