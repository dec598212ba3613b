// The serialisable face of a CalpumpError, shared by CLI, UI, logs and the run history: the catalogue id, the
// values for its placeholders and the evidence (a server's answer, a status) — never words. Each host renders it
// in its reader's language with renderError (shared/i18n/catalogue.ts).
import { z } from 'zod';

/** A value in a text: plain data (an address, a count) is shown as it is. */
export const textValueSchema = z.union([z.string(), z.number()]);
/**
 * A reference to an engine text (shared/locales/<lang>/engine.json) with its own values, rendered in place. A
 * value may itself be a text reference ("{source}: \"{answer}\"" around where a proxy answer came from).
 */
export interface TextRef {
  key: string;
  params?: Record<string, string | number | TextRef>;
}
export const textRefSchema: z.ZodType<TextRef> = z.lazy(() =>
  z.object({ key: z.string(), params: z.record(z.string(), z.union([textValueSchema, textRefSchema])).optional() }),
);
export const errorParamSchema = z.union([textValueSchema, textRefSchema]);
export type ErrorParam = z.infer<typeof errorParamSchema>;

export const errorInfoSchema = z.object({
  id: z.string(),
  params: z.record(z.string(), errorParamSchema).default({}),
  evidence: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;
