// The transport half of the doctor, shared by the EWS and Graph checks: proxy in use → DNS → TCP → TLS
// (handshake, validity dates, chain trust, host name). Each step stores what it learned on the context.
import type { ProxySetting, TlsSetting } from '../../shared/profile.js';
import { CalpumpError } from '../errors/calpump-error.js';
import { text } from '../../shared/i18n/engine-texts.js';
import { resolveProxy, routeFacts, type ProxyRoute } from '../net/proxy-resolution.js';
import { loadTlsPolicy } from '../net/tls-policy.js';
import type { SecretStore } from '../secrets/secret-store.js';
import { mapTlsError } from '../errors/error-map.js';
import { dnsFinding, probeDns, type Resolver } from './probes/dns.js';
import { probeTcp } from './probes/tcp.js';
import { probeTls, type TlsReport } from './probes/tls.js';
import type { StepSpec } from './runner.js';
import type { StepId } from './step-titles.js';

export interface NetworkContext {
  profileId: string;
  tls?: TlsSetting;
  proxy?: ProxySetting;
  secrets: SecretStore;
  env: NodeJS.ProcessEnv;
  resolver?: Resolver;
  timeoutMs: number;
  now?: () => Date;
  /** The URL whose server is checked (EWS URL, or the sign-in authority). */
  target?: URL;
  route?: ProxyRoute;
  /** Address the TCP step connects to: the target's, or the proxy's when one is in use. */
  address?: string;
  tlsReport?: TlsReport;
}

const portOf = (u: URL) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new CalpumpError('internal.unexpected', { params: { text: `doctor: ${what}=undefined` } });
  return v;
}

/** Where the TCP connection really goes: the proxy when one is in use, else the target itself. */
function hop(ctx: NetworkContext): { host: string; port: number } {
  const t = need(ctx.target, 'target');
  if (ctx.route?.kind === 'proxy') return { host: ctx.route.proxyUrl!.hostname, port: portOf(ctx.route.proxyUrl!) };
  return { host: t.hostname, port: portOf(t) };
}

export function networkSteps<C extends NetworkContext>(opts: { dnsStep: StepId; after?: StepId[] }): StepSpec<C>[] {
  const base = opts.after ?? [];
  const steps: StepSpec<C>[] = [
    {
      id: 'proxy',
      needs: base,
      async run(ctx) {
        const target = need(ctx.target, 'target');
        const route = await resolveProxy(target, { setting: ctx.proxy, profileId: ctx.profileId, secrets: ctx.secrets, env: ctx.env });
        ctx.route = route;
        const proxy = route.kind === 'proxy' ? `${route.proxyUrl!.protocol}//${route.proxyUrl!.host}` : 'DIRECT';
        const user = route.username ? ` user=${route.username}` : '';
        return {
          evidence: `${target.origin} → ${routeFacts(route)}`,
          detail: text('doctor.detail.proxy', { route: route.kind, proxy, why: route.why, source: route.source }),
          data: { proxy: `${proxy}${user}`, decidedBy: route.why },
        };
      },
    },
    {
      id: opts.dnsStep,
      needs: [...base, 'proxy'],
      async run(ctx) {
        const { host } = hop(ctx);
        const r = await probeDns(host, ctx.resolver);
        ctx.address = r.addresses[0].address;
        const list = r.addresses.map((a) => a.address).join(', ');
        return { evidence: `${host} → ${list}`, detail: dnsFinding(r, ctx.route?.kind === 'proxy'), data: { host, addresses: list } };
      },
    },
    {
      id: 'tcp',
      needs: [...base, opts.dnsStep],
      async run(ctx) {
        const { host, port } = hop(ctx);
        const r = await probeTcp({ host, address: need(ctx.address, 'address'), port, timeoutMs: ctx.timeoutMs });
        return {
          evidence: `${host}:${port} → ${r.remote}`,
          detail: text('doctor.detail.tcp', { host, port: String(port), remote: r.remote }),
          data: { remote: r.remote },
        };
      },
    },
  ];
  return [...steps, ...tlsSteps<C>([...base, 'tcp'])];
}

function tlsSteps<C extends NetworkContext>(needs: StepId[]): StepSpec<C>[] {
  const report = (ctx: C) => need(ctx.tlsReport, 'TLS report');
  const host = (ctx: C) => need(ctx.target, 'target').hostname.replace(/^\[|\]$/g, '');
  const certParams = (ctx: C) => {
    const r = report(ctx);
    return {
      host: host(ctx),
      subject: r.subject,
      issuer: r.issuer,
      fingerprint: r.fingerprint,
      validFrom: r.validFrom,
      validTo: r.validTo,
      names: r.names.join(', ') || '?',
    };
  };
  return [
    {
      id: 'tls.handshake',
      needs,
      async run(ctx) {
        const t = need(ctx.target, 'target');
        const policy = await loadTlsPolicy(ctx.tls);
        const r = await probeTls({
          host: host(ctx),
          address: need(ctx.address, 'address'),
          port: portOf(t),
          route: need(ctx.route, 'route'),
          policy,
          timeoutMs: ctx.timeoutMs,
          now: ctx.now,
        });
        ctx.tlsReport = r;
        return {
          evidence: `${r.protocol} ${r.cipher}; subject=${r.subject}; issuer=${r.issuer}; notAfter=${r.validTo}`,
          detail: text('doctor.detail.tlsHandshake', { protocol: r.protocol, cipher: r.cipher, subject: r.subject, issuer: r.issuer }),
          data: {
            protocol: r.protocol,
            subject: r.subject,
            issuer: r.issuer,
            validFrom: r.validFrom,
            validTo: r.validTo,
            fingerprint: r.fingerprint,
            names: r.names.join(', '),
            chain: r.chain.join(' ← '),
          },
        };
      },
    },
    {
      id: 'tls.validity',
      needs: ['tls.handshake'],
      async run(ctx) {
        const r = report(ctx);
        if (!r.validity.ok) {
          throw new CalpumpError(mapTlsError(r.validity.code), {
            params: certParams(ctx),
            evidence: validityEvidence(r),
          });
        }
        return { evidence: validityEvidence(r), detail: text('doctor.detail.tlsValidity', { validFrom: r.validFrom, validTo: r.validTo }) };
      },
    },
    {
      id: 'tls.trust',
      needs: ['tls.handshake'],
      async run(ctx) {
        const r = report(ctx);
        const chain = r.chain.join(' ← ');
        if (r.trust.ok)
          return { evidence: `chain ${chain}; ${r.trust.how}`, detail: text('doctor.detail.tlsTrust', { mode: r.trust.mode, chain }) };
        if (r.trust.code === 'PIN_MISMATCH') {
          const pinned = (ctx.tls?.pinnedSha256 ?? '').toUpperCase();
          throw new CalpumpError('net.tls.pinMismatch', {
            params: { host: host(ctx), fingerprint: r.fingerprint, pinned },
            evidence: `subject ${r.subject}`,
          });
        }
        const reason = r.trust.code ?? 'untrusted';
        throw new CalpumpError(mapTlsError(reason), {
          params: { ...certParams(ctx), reason },
          evidence: `${reason}; chain ${chain}; ${r.trust.how}`,
        });
      },
    },
    {
      id: 'tls.hostname',
      needs: ['tls.handshake'],
      async run(ctx) {
        const r = report(ctx);
        const names = r.names.join(', ') || '-';
        if (r.hostname.ok || !r.hostname.required)
          return {
            evidence: names,
            detail: text('doctor.detail.tlsHostname', { host: host(ctx), onCertificate: r.hostname.ok ? 'yes' : 'no', names }),
          };
        throw new CalpumpError('net.tls.hostMismatch', { params: certParams(ctx), evidence: r.hostname.reason });
      },
    },
  ];
}

const validityEvidence = (r: TlsReport) => `notBefore=${r.validFrom}; notAfter=${r.validTo}`;

/** Steps after the transport wait for every TLS verdict (or only TCP for plain http://). */
export function transportDone(target: URL | undefined): StepId[] {
  return target?.protocol === 'http:' ? ['tcp'] : ['tls.validity', 'tls.trust', 'tls.hostname'];
}

/** For http:// targets the TLS steps are left out rather than reported as skipped. */
export function withoutTlsFor<C>(target: URL | undefined, steps: StepSpec<C>[]): StepSpec<C>[] {
  return target?.protocol === 'http:' ? steps.filter((s) => !s.id.startsWith('tls.')) : steps;
}
