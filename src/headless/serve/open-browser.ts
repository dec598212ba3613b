// Opens a URL with the platform's default browser (serve --open, Microsoft 365 sign-in from serve).
import { spawn } from 'node:child_process';

export function openInSystemBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const [cmd, args] =
    platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, args, { detached: true, stdio: 'ignore' });
      child.on('error', () => resolve());
      child.on('spawn', () => resolve());
      child.unref();
    } catch {
      resolve(); // the URL is shown anyway
    }
  });
}
