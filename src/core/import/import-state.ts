// The mailboxes an import job has written to, so a mailbox whose rows all left the source still gets its old
// appointments removed. One small JSON file per job, replaced atomically after each run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write.js';

export function importStatePath(stateDir: string, jobId: string): string {
  return join(stateDir, `import-${jobId}.json`);
}

export async function loadImportMailboxes(stateDir: string | undefined, jobId: string): Promise<string[]> {
  if (!stateDir) return [];
  try {
    const doc = JSON.parse(await readFile(importStatePath(stateDir, jobId), 'utf8')) as { mailboxes?: unknown };
    return Array.isArray(doc.mailboxes) ? doc.mailboxes.filter((m): m is string => typeof m === 'string') : [];
  } catch {
    // Missing or unreadable: the mailboxes of this run's rows and of the job are still covered.
    return [];
  }
}

export async function saveImportMailboxes(stateDir: string | undefined, jobId: string, mailboxes: string[]): Promise<void> {
  if (!stateDir) return;
  await writeFileAtomic(
    importStatePath(stateDir, jobId),
    `${JSON.stringify({ version: 1, mailboxes: [...new Set(mailboxes)].sort() }, null, 2)}\n`,
  );
}
