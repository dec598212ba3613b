// UI-facing import calls, ready for the RPC contract (src/shared/rpc.ts is another team's file):
// `import.plan` (dry run: what would change per mailbox) and `import.run` take the same job input.
import { z } from 'zod';
import type { Profile } from '../../shared/profile.js';
import type { CalendarWriter } from '../connectors/writer.js';
import type { Logger } from '../log/logger.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { importJobSchema } from './import-job.js';
import { runImport, type ImportProgress, type ImportReport } from './run-import.js';

export const importCallInput = z.object({ profileId: z.string().min(1), job: importJobSchema }).strict();
export type ImportCallInput = z.input<typeof importCallInput>;

export interface ImportServiceDeps {
  profileFor(profileId: string): Promise<Profile>;
  writerFor(profile: Profile): Promise<CalendarWriter>;
  secrets: SecretStore;
  logger: Logger;
  /** The config folder's state/ (the CLI uses the same, so UI and CLI runs of a job agree). */
  stateDir: string;
}

export function createImportService(deps: ImportServiceDeps) {
  const go = async (
    raw: ImportCallInput,
    dryRun: boolean,
    signal?: AbortSignal,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<ImportReport> => {
    const { profileId, job } = importCallInput.parse(raw);
    const writer = await deps.writerFor(await deps.profileFor(profileId));
    try {
      return await runImport(
        job,
        { dryRun },
        { writer, logger: deps.logger, secrets: deps.secrets, stateDir: deps.stateDir, signal, onProgress },
      );
    } finally {
      await writer.close().catch(() => undefined);
    }
  };
  return {
    plan: (input: ImportCallInput, signal?: AbortSignal) => go(input, true, signal),
    run: (input: ImportCallInput, signal?: AbortSignal, onProgress?: (p: ImportProgress) => void) => go(input, false, signal, onProgress),
  };
}
