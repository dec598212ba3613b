// The commands the demo prints: each one copy-pastes into another terminal and works against the running
// simulator. `serve --demo` prints this list, and tests run it.
import { join } from 'node:path';

/** The simulator's well-known service account (src/sim/README.md). */
export const DEMO_ACCOUNT = { username: 'svc-calpump@contoso.com', password: 'Passw0rd!' } as const;
export const DEMO_MAILBOXES = ['anna.schmidt@contoso.com', 'jan.devries@contoso.com', 'alice.smith@contoso.com'] as const;

export interface DemoCommandInput {
  configDir: string;
  ewsUrl: string;
  caFile?: string;
  /** Where `export` writes (default: cli-export in the config folder — never the working directory, which may be a checkout). */
  outDir?: string;
  /** How to start the CLI (default `npx calpump`). */
  cli?: string;
}

export interface DemoCommand {
  title: string;
  /** A shell line (POSIX quoting; PowerShell accepts it too when the paths have no quotes in them). */
  line: string;
  /** The same as an argv for main(), and the stdin to feed it. */
  argv: string[];
  stdin?: string;
}

export function demoCommands(input: DemoCommandInput): DemoCommand[] {
  const cli = input.cli ?? 'npx calpump';
  const base = ['--config-dir', input.configDir];
  const outDir = input.outDir ?? join(input.configDir, 'cli-export');
  const anna = DEMO_MAILBOXES[0];
  const add = [
    'profiles',
    'add',
    '--kind',
    'ews',
    '--name',
    'demo',
    '--url',
    input.ewsUrl,
    '--auth',
    'basic',
    '--username',
    DEMO_ACCOUNT.username,
    '--password-stdin',
    '--test-mailbox',
    anna,
    ...(input.caFile ? ['--ca-file', input.caFile] : []),
  ];
  const list: Array<Omit<DemoCommand, 'line'>> = [
    {
      title: 'Add a profile for the simulated Exchange (the password comes from stdin, never an argument)',
      argv: [...base, ...add],
      stdin: `${DEMO_ACCOUNT.password}\n`,
    },
    { title: 'Test the connection step by step', argv: [...base, 'profiles', 'test', 'demo'] },
    { title: 'List the mailboxes and rooms', argv: [...base, 'mailboxes', '--profile', 'demo'] },
    {
      title: "Show a German user's calendar folders (Kalender) with item counts",
      argv: [...base, 'folders', '--profile', 'demo', '--mailbox', anna],
    },
    {
      title: 'Export two calendars as iCalendar files',
      argv: [
        ...base,
        'export',
        '--profile',
        'demo',
        '--mailbox',
        anna,
        '--mailbox',
        DEMO_MAILBOXES[1],
        '--days-back',
        '7',
        '--days-ahead',
        '30',
        '--format',
        'ics',
        '--out',
        outDir,
      ],
    },
    {
      title: 'The same as JSON, without writing anything',
      argv: [
        ...base,
        'export',
        '--profile',
        'demo',
        '--mailbox',
        DEMO_MAILBOXES[2],
        '--days-back',
        '0',
        '--days-ahead',
        '7',
        '--format',
        'json',
        '--dry-run',
        '--json',
      ],
    },
  ];
  return list.map((c) => ({
    ...c,
    line: `${c.stdin ? `echo ${shellQuote(c.stdin.trimEnd())} | ` : ''}${cli} ${c.argv.map(shellQuote).join(' ')}`,
  }));
}

/** Single quotes work in POSIX shells and PowerShell alike; only quote what needs it. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_@%+=:,./\\-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, "'\\''")}'`;
}
