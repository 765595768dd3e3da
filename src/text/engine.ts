/**
 * The one Handlebars instance of the service. Isolated from the global
 * Handlebars so no other code can register helpers or partials into it.
 *
 * noEscape: the output is document text, not HTML ("&" and quotes print as typed).
 * strict: a variable a template names but the data lacks is an error, so a
 * renamed field can never print as an empty blank on a form.
 */
import Handlebars from 'handlebars';

const handlebars = Handlebars.create();

const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

export type TemplateFn = (data: object) => string;

/** Parses now (a syntax error surfaces at load, not at the first render) and compiles. */
export function compileTemplate(source: string): TemplateFn {
  const template = handlebars.compile(handlebars.parse(source), COMPILE_OPTIONS);
  return (data) => template(data);
}
