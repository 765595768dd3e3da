/**
 * The text layer: wording from templates, filled with a form's data.
 */
import { getTemplate } from './templates.js';

export {
  clearTemplateCache,
  formTemplates,
  preloadTemplates,
  templatesDir,
} from './templates.js';

/**
 * Fills templates/<formId>/<name>.hbs with `data`. Throws when the template is
 * missing or names a variable `data` does not have.
 */
export function renderText(formId: string, name: string, data: object): string {
  return getTemplate(formId, name)(data);
}

/**
 * Splits template output into paragraphs: blank lines separate paragraphs;
 * a single line break inside a paragraph is kept as a forced break ("\n").
 * Leading/trailing space of each paragraph is dropped, empty ones are skipped.
 */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((chunk) =>
      chunk
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .trim(),
    )
    .filter((chunk) => chunk !== '');
}

/** renderText, then splitParagraphs. */
export function renderParagraphs(formId: string, name: string, data: object): string[] {
  return splitParagraphs(renderText(formId, name, data));
}
