// Signing in to a proxy that answers 407, the way Windows clients do: Negotiate with Kerberos, NTLM (under the
// NTLM scheme, or raw under Negotiate when that is all the proxy offers), then Basic — chosen from what the
// proxy offers in Proxy-Authenticate and what the profile has:
//   no proxy user        Kerberos as the logged-on user (SSPI on Windows; the default credential cache here)
//   user@domain (UPN)    Kerberos from the proxy password (kinit into memory), NTLM if no ticket can be had
//   DOMAIN\user          NTLM; Basic where that is all the proxy takes
// NTLM signs in one connection: its NEGOTIATE and AUTHENTICATE legs must share it (the tunnel keeps the
// connection after the 407). The scheme that worked is remembered per route and sent first next time.
// Reuses the EWS transport's NtlmClient and the Kerberos sources; sends nothing itself.
import { kerberosPackage, type GssBinding } from '../auth/kerberos/gss-binding.js';
import type { KinitRunner } from '../auth/kerberos/gssapi-source.js';
import { kerberosAccount } from '../auth/kerberos/kerberos-names.js';
import { negotiateSourceFor } from '../auth/kerberos/negotiate-source.js';
import type { NegotiateSource, NegotiateStart } from '../auth/kerberos/negotiate-types.js';
import { parseAuthSchemes } from '../connectors/ews/transport/auth-challenge.js';
import { NtlmClient } from '../connectors/ews/transport/ntlm/ntlm-client.js';
import type { ErrorParam, TextRef } from '../../shared/errors.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { describeProxy, type ProxyRoute } from './proxy-resolution.js';

export interface ProxySignInDeps {
  /** The Kerberos binding (default: the `kerberos` package, loaded on first use; missing means no Kerberos). */
  gss?: () => GssBinding;
  kinit?: KinitRunner;
}

type Kind = 'kerberos' | 'ntlm' | 'basic';
type Wire = 'Negotiate' | 'NTLM' | 'Basic';

const SCHEME_NAME: Record<Kind, string> = { kerberos: 'Negotiate (Kerberos)', ntlm: 'NTLM', basic: 'Basic' };

/** The next header to send, and whether it must go over the connection the last answer came on. */
export interface SignInStep {
  header: string;
  sameConnection: boolean;
}

/** The token the proxy sent with `scheme` ("NTLM TlRM…"), if any; Node joins repeated headers with ", ". */
function tokenFor(values: string[], scheme: Wire): string | undefined {
  const all = values.join(', ');
  return new RegExp(`(?:^|,)\\s*${scheme}\\s+([A-Za-z0-9+/=]{8,})\\s*(?:,|$)`, 'i').exec(all)?.[1];
}

/** What went wrong, in the words of whoever said so (a Kerberos library's own text where there is one). */
function messageOf(e: unknown): string {
  if (e instanceof CalpumpError) return e.evidence ?? e.render().message;
  return (e as Error).message ?? String(e);
}

/** The sign-in state of one proxy route: which scheme worked, the Kerberos source, what failed for good. */
export class ProxySignIn {
  learned?: { kind: Kind; wire: Wire };
  private kerberosUnusable?: string;
  private source?: NegotiateSource;

  constructor(
    readonly route: ProxyRoute,
    private readonly deps: ProxySignInDeps = {},
  ) {}

  conversation(): ProxyConversation {
    return new ProxyConversation(this);
  }

  failure(scheme: ErrorParam, reason: TextRef, evidence?: string, cause?: unknown): CalpumpError {
    return new CalpumpError('net.proxy.authFailed', {
      params: { proxy: describeProxy(this.route), scheme, reason },
      ...(evidence !== undefined ? { evidence } : {}),
      cause,
    });
  }

  get spn(): string {
    return `HTTP/${this.route.proxyUrl!.hostname.replace(/^\[|\]$/g, '').toLowerCase()}`;
  }

  /** Kerberos applies without a proxy user (logged-on user) or with a UPN and its password. */
  kerberosApplies(): boolean {
    const user = this.route.username;
    return !this.kerberosUnusable && (!user || (user.includes('@') && this.route.password !== undefined));
  }

  async kerberosStart(): Promise<NegotiateStart> {
    try {
      this.source ??= this.newSource();
      return await this.source.start(this.spn);
    } catch (e) {
      this.kerberosUnusable = messageOf(e);
      throw e;
    }
  }

  private newSource(): NegotiateSource {
    const user = this.route.username;
    const password = this.route.password ?? '';
    const credential = user ? { kind: 'password' as const, password: async () => password } : { kind: 'logon' as const };
    const binding = (this.deps.gss ?? kerberosPackage)();
    return negotiateSourceFor(binding, kerberosAccount(user ?? ''), credential, () => this.spn, this.deps.kinit);
  }

  close(): void {
    this.source?.close();
    this.source = undefined;
  }
}

/** One sign-in: one CONNECT (over as many legs as the scheme needs), or one plain request through the proxy. */
export class ProxyConversation {
  private sent?: { kind: Kind; wire: Wire; leg: 'first' | 'last'; ntlm?: NtlmClient; kerberos?: NegotiateStart; preemptive?: boolean };

  constructor(private readonly signIn: ProxySignIn) {}

  /** What to send before being asked: the scheme that worked last time (NTLM starts with its NEGOTIATE). */
  async first(): Promise<string | undefined> {
    const learned = this.signIn.learned;
    if (!learned) return undefined;
    try {
      const header = await this.open(learned.kind, learned.wire);
      if (this.sent) this.sent.preemptive = true;
      return header;
    } catch {
      this.signIn.learned = undefined;
      this.sent = undefined;
      return undefined;
    }
  }

  succeeded(): void {
    if (this.sent) this.signIn.learned = { kind: this.sent.kind, wire: this.sent.wire };
  }

  /** The answer to a 407 with these Proxy-Authenticate values; net.proxy.authFailed when there is none. */
  async answer(values: string[], statusLine: string): Promise<SignInStep> {
    const sent = this.sent;
    if (sent?.kind === 'ntlm' && sent.leg === 'first') {
      const challenge = tokenFor(values, sent.wire);
      if (!challenge) throw this.signIn.failure('NTLM', text('problem.proxy.noChallenge'), statusLine);
      let message: Buffer;
      try {
        message = sent.ntlm!.authenticateMessage(Buffer.from(challenge, 'base64'), { targetName: this.signIn.spn });
      } catch (e) {
        throw this.signIn.failure('NTLM', text('problem.proxy.badChallenge', { detail: messageOf(e) }), statusLine, e);
      }
      sent.leg = 'last';
      return { header: `${sent.wire} ${message.toString('base64')}`, sameConnection: true };
    }
    if (sent && !sent.preemptive) throw await this.refused(sent, values, statusLine);
    // A remembered scheme sent first and refused: choose again from what the proxy offers now.
    this.signIn.learned = undefined;
    this.sent = undefined;
    return { header: await this.choose(values, statusLine), sameConnection: false };
  }

  private async refused(sent: NonNullable<ProxyConversation['sent']>, values: string[], statusLine: string): Promise<CalpumpError> {
    this.signIn.learned = undefined;
    const user = this.signIn.route.username;
    if (sent.kind !== 'kerberos') {
      return this.signIn.failure(SCHEME_NAME[sent.kind], text('problem.proxy.refusedPassword', { user: user ?? '' }), statusLine);
    }
    const token = tokenFor(values, 'Negotiate');
    let detail = '';
    if (token) await sent.kerberos!.step(token).catch((e: unknown) => (detail = messageOf(e)));
    const spn = this.signIn.spn;
    const reason = detail ? text('problem.proxy.refusedTicketWhy', { spn, detail }) : text('problem.proxy.refusedTicket', { spn });
    return this.signIn.failure(SCHEME_NAME.kerberos, reason, statusLine);
  }

  private async choose(values: string[], statusLine: string): Promise<string> {
    const names = parseAuthSchemes(values);
    const offered = names.map((s) => s.toLowerCase());
    const has = (s: string) => offered.includes(s);
    const { username: user, password } = this.signIn.route;
    let ticket = '';
    if (has('negotiate') && this.signIn.kerberosApplies()) {
      try {
        return await this.open('kerberos', 'Negotiate');
      } catch (e) {
        ticket = messageOf(e) || '?';
      }
    }
    if (user && password !== undefined) {
      if (has('ntlm') || has('negotiate')) return this.open('ntlm', has('ntlm') ? 'NTLM' : 'Negotiate');
      if (has('basic')) return this.open('basic', 'Basic');
    }
    const asks = names.join(', ');
    const missing = !user ? 'user' : password === undefined ? 'password' : 'scheme';
    const reason = text('problem.proxy.cannotAnswer', {
      asks,
      named: names.length ? 'yes' : 'no',
      ticket: ticket ? 'failed' : 'none',
      ticketError: ticket,
      spn: this.signIn.spn,
      missing,
      user: user ?? '',
    });
    throw this.signIn.failure(names.length ? asks : text('problem.proxy.anyScheme'), reason, statusLine);
  }

  private async open(kind: Kind, wire: Wire): Promise<string> {
    const { username = '', password = '' } = this.signIn.route;
    if (kind === 'kerberos') {
      const kerberos = await this.signIn.kerberosStart();
      this.sent = { kind, wire, leg: 'last', kerberos };
      return `Negotiate ${kerberos.token}`;
    }
    if (kind === 'ntlm') {
      const ntlm = new NtlmClient({ username, password });
      this.sent = { kind, wire, leg: 'first', ntlm };
      return `${wire} ${ntlm.negotiateMessage().toString('base64')}`;
    }
    this.sent = { kind, wire, leg: 'last' };
    return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64');
  }
}

const signIns = new WeakMap<ProxyRoute, ProxySignIn>();

/** The sign-in state kept with a route (a route object lives as long as the HttpClient that resolved it). */
export function proxySignIn(route: ProxyRoute, deps?: ProxySignInDeps): ProxySignIn {
  let s = signIns.get(route);
  if (!s) {
    s = new ProxySignIn(route, deps);
    signIns.set(route, s);
  }
  return s;
}
