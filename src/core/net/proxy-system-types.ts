// What a system proxy answerer is (proxy-system.ts installs one; proxy-windows.ts is the Windows one), in its own
// module so the two need not import each other.
import type { TextRef } from '../../shared/errors.js';

export type SystemProxyWhy = 'pac' | 'wpad' | 'windows' | 'system';

export interface SystemProxyAnswer {
  /** The answer in PAC form: "PROXY proxy.contoso.com:8080; DIRECT", or "DIRECT". */
  pac: string;
  why: SystemProxyWhy;
  /** Which setting gave it, for the doctor: the PAC file, WPAD, Internet Options… (an engine text proxy.source.*). */
  source: TextRef;
  /** Settings tried before that did not answer, as compact facts for the evidence ("WPAD http://wpad/wpad.dat: ENOTFOUND"). */
  tried?: string[];
}

export interface SystemProxy {
  /** The system's answer for this URL, or undefined when the system has no proxy setting at all. */
  resolve(url: URL): Promise<SystemProxyAnswer | undefined>;
}
