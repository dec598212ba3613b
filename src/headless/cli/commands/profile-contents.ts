// Contacts or tasks the saved jobs of a profile export, for the setup script's and the doctor's permission lists.
import type { Profile } from '../../../shared/profile.js';
import type { CliContext } from '../context.js';

export async function profileContents(ctx: CliContext, profile: Profile): Promise<Array<'contacts' | 'tasks'>> {
  const [{ JobStore }, { jobContentsOf }] = await Promise.all([
    import('../../../core/store/job-store.js'),
    import('../../../core/doctor/setup/job-contents.js'),
  ]);
  const jobs = await new JobStore({ dir: ctx.configDir, secrets: ctx.secrets, logger: ctx.logger }).list();
  return jobContentsOf(jobs, profile);
}
