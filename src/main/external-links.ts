// The one place the desktop app hands a URL to the operating system (shell.openExternal): only links the
// allow-list in url-guards.ts accepts, opened as parsed; everything else is refused and logged. The allow-list
// grows with the sign-in authorities typed into profiles (an AD FS farm, a national cloud), read when a link is
// opened so an edited profile counts at once.
import type { Profile } from '../shared/profile.js';
import type { ShellLike } from './electron-api.js';
import { checkExternalLink, loggableUrl, typedOrigin, type LinkRefusal } from './url-guards.js';

export interface LinkOpener {
  /** True when the link was handed to the system browser. */
  open(url: string): Promise<boolean>;
}

export interface LinkOpenerOptions {
  /** https origins the user typed into fields meant to be opened (sign-in authorities). */
  origins: () => Promise<readonly string[]>;
  onRefused: (url: string, reason: LinkRefusal | 'failed') => void;
}

export function createLinkOpener(shell: ShellLike, opts: LinkOpenerOptions): LinkOpener {
  return {
    async open(url) {
      const origins = await opts.origins().catch(() => []);
      const verdict = checkExternalLink(url, origins);
      if (!verdict.ok) {
        opts.onRefused(loggableUrl(url), verdict.reason);
        return false;
      }
      try {
        await shell.openExternal(verdict.href);
        return true;
      } catch {
        opts.onRefused(loggableUrl(url), 'failed');
        return false;
      }
    },
  };
}

/** The sign-in authority origins in the saved profiles: Graph's authority host, on-premises OAuth, legacy EWS online. */
export function authorityOrigins(profiles: readonly Profile[]): string[] {
  const typed = profiles.flatMap((p) => (p.kind === 'graph' ? [p.authorityHost] : [p.oauth?.authorityHost, p.legacyOnline?.authorityHost]));
  return [...new Set(typed.map(typedOrigin).filter((o): o is string => !!o))];
}
