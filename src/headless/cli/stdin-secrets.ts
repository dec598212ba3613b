// Secrets reach the CLI only through stdin or a named environment variable, never as an argument value (shell
// history, `ps`, Task Manager). Piped stdin holds one secret per line, in the order the flags are listed in
// `calpump help profiles add`; an interactive terminal is asked for each without echo.
import { CalpumpError } from '../../core/errors/calpump-error.js';
import type { CliIo, CliStdin } from './io.js';

export class StdinSecrets {
  private lines: string[] | undefined;
  private readonly io: CliIo;

  constructor(io: CliIo) {
    this.io = io;
  }

  async next(prompt: string): Promise<string> {
    if (this.io.stdin.isTTY && this.io.stdin.setRawMode) return promptHidden(this.io, prompt);
    if (!this.lines) this.lines = splitLines(await readAll(this.io.stdin));
    return this.lines.shift() ?? '';
  }
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

async function readAll(stdin: CliStdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function promptHidden(io: CliIo, prompt: string): Promise<string> {
  const stdin = io.stdin;
  io.stderr.write(`${prompt}: `);
  stdin.setRawMode!(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      stdin.removeListener('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      io.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (data: Buffer | string) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return done();
        if (ch === '\u0003')
          return done(new CalpumpError('input.invalid', { params: { field: prompt, problem: 'cancelled with Ctrl+C' } }));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
