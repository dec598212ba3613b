// The serialisable face of a CalpumpError, shared by CLI, UI and logs.
import { z } from 'zod';

export const errorInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  message: z.string(),
  fix: z.string(),
  evidence: z.string().optional(),
  /** Set when a fix takes time to apply (impersonation ~10 minutes, consent a few minutes). */
  delay: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof errorInfoSchema>;
