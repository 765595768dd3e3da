/**
 * Loads the wording of the forms: templates/<form-id>/<name>.hbs.
 *
 * The directory comes from TEMPLATES_DIR (default: <repo>/templates), so an
 * operator can change the wording of a form without touching code. Each form's
 * directory is read and compiled once, on first use, and cached; rendering a
 * 500-row roster never compiles a template per row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplate, type TemplateFn } from './engine.js';

const DEFAULT_DIR = resolve(fileURLToPath(new URL('../../templates', import.meta.url)));

const cache = new Map<string, ReadonlyMap<string, TemplateFn>>();

/** The templates directory in use (TEMPLATES_DIR, or the repo's templates/). */
export function templatesDir(): string {
  const fromEnv = process.env.TEMPLATES_DIR;
  return fromEnv && fromEnv.trim() !== '' ? resolve(fromEnv) : DEFAULT_DIR;
}

class TemplateNotFoundError extends Error {
  constructor(formId: string, name: string, dir: string) {
    super(`No template "${name}.hbs" for form "${formId}" in ${dir}`);
    this.name = 'TemplateNotFoundError';
  }
}

/** All templates of one form, compiled; read from disk only the first time. */
export function formTemplates(formId: string): ReadonlyMap<string, TemplateFn> {
  const cached = cache.get(formId);
  if (cached) return cached;
  if (!/^[a-z0-9][a-z0-9-]*$/.test(formId)) throw new Error(`Invalid form id "${formId}"`);
  const dir = join(templatesDir(), formId);
  const compiled = new Map<string, TemplateFn>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.hbs'));
  } catch {
    files = [];
  }
  for (const file of files.sort()) {
    const source = readFileSync(join(dir, file), 'utf8');
    compiled.set(file.slice(0, -'.hbs'.length), compileTemplate(source));
  }
  cache.set(formId, compiled);
  return compiled;
}

export function getTemplate(formId: string, name: string): TemplateFn {
  const template = formTemplates(formId).get(name);
  if (!template) throw new TemplateNotFoundError(formId, name, join(templatesDir(), formId));
  return template;
}

/** Forget compiled templates (after TEMPLATES_DIR changes, or in tests). */
export function clearTemplateCache(): void {
  cache.clear();
}

/** Compile every form's templates now (at start-up), so a broken template fails early. */
export function preloadTemplates(): string[] {
  let formIds: string[] = [];
  try {
    formIds = readdirSync(templatesDir(), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    formIds = [];
  }
  for (const formId of formIds) formTemplates(formId);
  return formIds;
}
