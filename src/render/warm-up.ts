/**
 * One small render per format at start-up, so the first request does not pay
 * for loading the renderers, reading the fonts' tables and compiling the hot
 * code (about 300 ms cold, 2 ms warm for a one-page form).
 */
import type { FormDefinition, Format } from '../forms/types.js';
import { getFontLibrary } from '../fonts/library.js';
import { render } from './index.js';

/** Renders the pledge in `formats` (default: every format it has) and throws the bytes away. */
export async function warmUpRenderers(forms: readonly FormDefinition[], formats?: readonly Format[]): Promise<void> {
  getFontLibrary().preload();
  const form = forms.find((candidate) => candidate.id === 'pledge') ?? forms[0];
  if (!form) return;
  const input = form.accept(form.sample());
  if (!input.ok) return;
  const options = form.options?.parse({}) ?? {};
  const doc = input.value.build({ now: new Date(0), options, settings: { watermarkText: '' } });
  for (const format of form.formats) if (!formats || formats.includes(format)) await render(doc, format);
}
