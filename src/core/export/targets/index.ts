import { isAbsolute } from 'node:path';
import type { Job } from '../../../shared/job.js';
import { contentOf, jobSecretKey } from '../../../shared/job.js';
import { itemKindOf } from '../../../shared/item-model.js';
import { CalpumpError } from '../../errors/calpump-error.js';
import type { Logger } from '../../log/logger.js';
import type { SecretStore } from '../../secrets/secret-store.js';
import type { SyncStateStore } from '../../store/sync-state-store.js';
import { requireTarget } from '../../sync/job-output.js';
import { FolderTarget } from './folder-target.js';
import { SqliteTarget } from './sqlite-target.js';
import type { PumpTarget } from './types.js';
import { WebhookTarget, type WebhookTargetOptions } from './webhook-target.js';
import { text as textRef } from '../../../shared/i18n/engine-texts.js';

export type { FolderBatch, PumpTarget, WrittenOutput } from './types.js';

export interface TargetDeps {
  states: SyncStateStore;
  secrets: SecretStore;
  logger: Logger;
  /** Webhook transport knobs (tests pass a fake sleep and random). */
  webhook?: Partial<Pick<WebhookTargetOptions, 'fetch' | 'sleep' | 'random' | 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs' | 'timeoutMs'>>;
}

export async function createTarget(job: Job, deps: TargetDeps): Promise<PumpTarget> {
  const t = requireTarget(job);
  // The schema accepts Windows and POSIX absolute paths alike; this machine must read it as absolute too, or the
  // output would land under whatever folder the process was started in.
  if ((t.kind === 'folder' || t.kind === 'sqlite') && !isAbsolute(t.path))
    throw new CalpumpError('input.invalid', {
      params: {
        field: 'target.path',
        problem: textRef('problem.path.notAbsolute', { path: t.path }),
      },
    });
  switch (t.kind) {
    case 'folder': {
      const content = contentOf(job);
      return new FolderTarget(t.path, job.format, deps.states, {
        csvKeepFormulas: job.csv?.keepFormulas,
        icsSeries: job.ics?.series,
        ...(job.fields ? { fields: job.fields } : {}),
        ...(content !== 'calendar' ? { itemKind: itemKindOf(content) } : {}),
      });
    }
    case 'sqlite':
      return new SqliteTarget(t.path, deps.states);
    case 'postgres': {
      const password = await deps.secrets.get(jobSecretKey(job.id, 'postgresPassword'));
      deps.logger.registerSecret?.(password);
      // Loaded only for a PostgreSQL job: the driver stays out of every other start-up.
      const { PostgresTarget } = await import('./postgres-target.js');
      return new PostgresTarget({ settings: t, password, states: deps.states, maxConnections: Math.min(job.concurrency, 8) });
    }
    case 'webhook': {
      const secret = await deps.secrets.get(jobSecretKey(job.id, 'webhookSecret'));
      if (!secret) throw new CalpumpError('export.webhook.secretMissing', { params: { job: job.name } });
      deps.logger.registerSecret?.(secret);
      return new WebhookTarget({
        url: t.url,
        batchSize: t.batchSize,
        secret,
        states: deps.states,
        logger: deps.logger,
        ...(job.fields ? { fields: job.fields } : {}),
        ...deps.webhook,
      });
    }
  }
}
