// `calpump sim`: runs the Exchange simulator in the foreground (the demo's backend) until Ctrl+C.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { fraction, positiveInt } from './parse.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sim')
    .description('run the Exchange simulator (EWS + Autodiscover + Graph) on 127.0.0.1 until Ctrl+C')
    .option('--port <n>', 'port (0 = any free port)', positiveInt('--port', { allowZero: true }), 0)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--mailboxes <n>', 'number of generated mailboxes besides the well-known ones', positiveInt('--mailboxes', { allowZero: true }))
    .option('--events <n>', 'events per mailbox', positiveInt('--events', { allowZero: true }))
    .option('--seed <n>', 'seed for reproducible data', positiveInt('--seed', { allowZero: true }))
    .option('--latency-ms <n>', 'added latency per request', positiveInt('--latency-ms', { allowZero: true }))
    .option('--fault-rate <f>', 'share of requests that fail (0..1)', fraction('--fault-rate'))
    .action(
      async (opts: {
        port: number;
        host: string;
        mailboxes?: number;
        events?: number;
        seed?: number;
        latencyMs?: number;
        faultRate?: number;
      }) => {
        const code = await ctx.services.runSimCommand(
          {
            port: opts.port,
            host: opts.host,
            mailboxes: opts.mailboxes,
            eventsPerMailbox: opts.events,
            seed: opts.seed,
            latencyMs: opts.latencyMs,
            faultRate: opts.faultRate,
          },
          { stdout: ctx.io.stdout, stderr: ctx.io.stderr, signal: ctx.io.signal },
        );
        if (code !== 0) ctx.exitCode = code;
      },
    );
}
