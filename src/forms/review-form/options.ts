/**
 * Query options of the review form. The notice wants two copies ("一式两份");
 * ?copies=1 prints one, e.g. for checking before the final print.
 */
import { z } from 'zod';

export const ReviewFormOptions = z.object({
  copies: z.coerce
    .number()
    .pipe(z.literal([1, 2]))
    .default(2)
    .describe('complete copies in one PDF: 1 or 2 (the notice asks for 2)'),
});
export type ReviewFormOptions = z.infer<typeof ReviewFormOptions>;
