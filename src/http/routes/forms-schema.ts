/** Response shapes of the form listing routes (also in the OpenAPI document). */
import { z } from 'zod';
import { FORMATS, type FormDefinition } from '../../forms/types.js';

export const FormSummary = z.object({
  id: z.string().meta({ description: 'form id, used in the URL' }),
  title: z.string().meta({ description: '中文标题' }),
  titleEn: z.string(),
  attachment: z.number().int().nullable().meta({ description: '附件 number in the notice, or null' }),
  formats: z.array(z.enum(FORMATS)).meta({ description: 'the first is the default' }),
  description: z.string(),
});
export type FormSummary = z.infer<typeof FormSummary>;

export const FormDetail = FormSummary.extend({
  inputSchema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema of the request body' }),
  options: z
    .record(z.string(), z.unknown())
    .nullable()
    .meta({ description: 'JSON Schema of the query options, or null when the form takes none' }),
});
export type FormDetail = z.infer<typeof FormDetail>;

export function formSummary(form: FormDefinition): FormSummary {
  return {
    id: form.id,
    title: form.title,
    titleEn: form.titleEn,
    attachment: form.attachment,
    formats: [...form.formats],
    description: form.description,
  };
}
