// UI-facing free/busy call, ready for the RPC contract: `freebusy.blocks` returns the blocks per mailbox
// (no files; the UI shows them or saves what the user picks).
import { z } from 'zod';
import type { Connector } from '../connectors/connector.js';
import type { Logger } from '../log/logger.js';
import { freeBusyJobSchema } from './freebusy-job.js';
import { runFreeBusy, type FreeBusyReport } from './run-freebusy.js';

export const freeBusyCallInput = z
  .object({
    profileId: z.string().min(1),
    mailboxes: z.array(z.string().min(3)).min(1).max(500),
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    includeFree: z.boolean().default(false),
  })
  .strict();

export interface FreeBusyServiceDeps {
  connectorFor(profileId: string): Promise<{ connector: Connector; profileName: string }>;
  logger: Logger;
}

export function createFreeBusyService(deps: FreeBusyServiceDeps) {
  return {
    async blocks(raw: z.input<typeof freeBusyCallInput>): Promise<FreeBusyReport> {
      const input = freeBusyCallInput.parse(raw);
      const job = freeBusyJobSchema.parse({
        mailboxes: input.mailboxes,
        from: new Date(input.from),
        to: new Date(input.to),
        includeFree: input.includeFree,
      });
      const { connector, profileName } = await deps.connectorFor(input.profileId);
      return runFreeBusy(job, { connector, logger: deps.logger, profileName });
    },
  };
}
