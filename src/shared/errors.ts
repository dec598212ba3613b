// The serialisable face of a CalpumpError, shared by CLI, UI, logs and the run history: the catalogue id, the
// values for its placeholders and the evidence (a server's answer, a status) — never words. Each host renders it
// in its reader's language with renderError (shared/i18n/catalogue.ts).
import { z } from 'zod';

/** A value in a text: plain data (an address, a count) is shown as it is. */
export const textValueSchema = z.union([z.string(), z.number()]);
/** A reference to an engine text (shared/locales/<lang>/engine.json) with its own values, rendered in place. */
export const textRefSchema = z.object({ key: z.string(), params: z.record(z.string(), textValueSchema).optional() });
export type TextRef = z.infer<typeof textRefSchema>;
export const errorParamSchema = z.union([textValueSchema, textRefSchema]);
export type ErrorParam = z.infer<typeof errorParamSchema>;

export const errorInfoSchema = z.object({
  id: z.string(),
  params: z.record(z.string(), errorParamSchema).default({}),
  evidence: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;
