// A free/busy export: busy blocks per mailbox from GetUserAvailability (EWS) or getSchedule (Graph). It needs no
// read right on the calendars — only the free/busy visibility every mailbox grants by default — so it also
// covers mailboxes a delegate account may not open.
import { z } from 'zod';
import { problemKey } from '../../shared/i18n/problem-key.js';

export const FREEBUSY_FORMATS = ['json', 'csv', 'ics'] as const;
export type FreeBusyFormat = (typeof FREEBUSY_FORMATS)[number];

export const freeBusyJobSchema = z
  .object({
    mailboxes: z.array(z.string().min(3)).min(1),
    from: z.date(),
    to: z.date(),
    format: z.enum(FREEBUSY_FORMATS).default('json'),
    /** Output folder; empty = report only (dry run / CLI --json). */
    outDir: z.string().default(''),
    /** Free blocks carry no information for most consumers; they are left out unless asked for. */
    includeFree: z.boolean().default(false),
    /** Join overlapping or touching blocks of the same status. */
    merge: z.boolean().default(true),
  })
  .strict()
  .superRefine((j, ctx) => {
    if (j.from >= j.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: problemKey('problem.window.order'),
        params: { from: j.from.toISOString(), to: j.to.toISOString() },
      });
  });
export type FreeBusyJob = z.infer<typeof freeBusyJobSchema>;
export type FreeBusyJobInput = z.input<typeof freeBusyJobSchema>;
