// What the setup assistant hands to the CLI and the UI: one or more scripts, each for one shell, with notes. The
// title, shell and notes are engine texts (shared/locales/<lang>/engine.json, `setup.*`) the host renders.
import type { TextRef } from '../../../shared/errors.js';

export interface SetupScript {
  id: string;
  title: TextRef;
  /** Where to run it, e.g. "Exchange Management Shell". */
  shell: TextRef;
  /** The PowerShell text. Every value from the profile is a single-quoted literal assigned at the top. */
  script: string;
  notes: TextRef[];
}

export interface SetupPlan {
  profile: string;
  kind: 'ews' | 'graph';
  scripts: SetupScript[];
  warnings: TextRef[];
}

export interface SetupOptions {
  /** Group whose members Calpump may read (distribution group on-prem, mail-enabled security group online). */
  scopeGroup?: string;
  /** The write-side grants (import and two-way jobs) instead of the read-side ones, least privilege first. */
  write?: boolean;
  /** Contacts or tasks the profile's jobs export besides calendars: Graph then needs their read permissions too. */
  contents?: Array<'contacts' | 'tasks'>;
}

export const DEFAULT_SCOPE_GROUP = 'Calpump mailboxes';
