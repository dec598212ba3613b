/** #/jobs/repair:<ref> opens the broken jobs.json entry <ref> in the job editor (Home's "Open in job editor"). */
export const REPAIR = 'repair:';
