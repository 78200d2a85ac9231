// Request shapes for indicator extraction (docs/spec.md §5.3).
import { z } from 'zod';
import { COUNTRY_CODE } from '../../../domain/case/schemas.js';

/** The text's length is checked by the service (413 INTEL_EXTRACT_TOO_LARGE), not here, so a long text gets that code. */
export const ZExtractBodySchema = z.object({
  text: z.string(),
  defaultCountry: z
    .string()
    .regex(/^[A-Za-z]{2}$/, COUNTRY_CODE)
    .optional(),
});
export type TExtractBody = z.infer<typeof ZExtractBodySchema>;
