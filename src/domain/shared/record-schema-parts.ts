// Small zod pieces the stored-record schemas share.
import { z } from 'zod';

export const ZBilingual = z.object({ en: z.string(), zh: z.string() });
