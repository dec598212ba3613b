// Opens the system browser for interactive sign-in. A failure (no desktop, no opener) rejects, and the caller
// prints the address instead. The URL is passed as one argument, never through a shell.
import { spawn } from 'node:child_process';

export function openSystemBrowser(
  url: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (!/^https?:\/\//i.test(url)) return Promise.reject(new Error('not an http(s) address'));
  const [cmd, args] =
    platform === 'win32'
      ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
      : platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return Promise.reject(new Error('no graphical display'));
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
