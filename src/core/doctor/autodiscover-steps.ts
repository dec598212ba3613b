// For EWS profiles that give an e-mail address instead of the URL: DNS of autodiscover.<domain>, then POX
// Autodiscover (with the profile's credentials, following redirectAddr/redirectUrl) to find the EWS URL that
// the transport steps then check.
import { text } from '../../shared/i18n/engine-texts.js';
import { CalpumpError } from '../errors/calpump-error.js';
import type { EwsContext } from './ews-steps.js';
import { dnsFinding, probeDns } from './probes/dns.js';
import { postEws } from './probes/ews-post.js';
import { profileCredentials } from './probes/profile-credentials.js';
import type { StepSpec } from './runner.js';
import { profileHttpClient } from '../connectors/profile-http-client.js';

const REQUEST_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006';
const RESPONSE_NS = 'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a';
const MAX_REDIRECTS = 3;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const tag = (xml: string, name: string) => new RegExp(`<(?:[\\w-]+:)?${name}>([^<]*)</(?:[\\w-]+:)?${name}>`).exec(xml)?.[1]?.trim();

export interface AutodiscoverContext extends EwsContext {
  /** Where to POST for an address (default: https://<domain>/… and https://autodiscover.<domain>/…). */
  autodiscoverUrls?: (email: string) => string[];
}

export function defaultAutodiscoverUrls(email: string): string[] {
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return [`https://${domain}/autodiscover/autodiscover.xml`, `https://autodiscover.${domain}/autodiscover/autodiscover.xml`];
}

function poxRequest(email: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="${REQUEST_NS}"><Request>` +
    `<EMailAddress>${xmlEscape(email)}</EMailAddress><AcceptableResponseSchema>${RESPONSE_NS}</AcceptableResponseSchema>` +
    `</Request></Autodiscover>`
  );
}

export function autodiscoverSteps(): StepSpec<AutodiscoverContext>[] {
  return [
    {
      id: 'dns.autodiscover',
      async run(ctx) {
        const email = ctx.profile.autodiscoverEmail!;
        const host = `autodiscover.${email.slice(email.lastIndexOf('@') + 1)}`;
        const r = await probeDns(host, ctx.resolver);
        return { evidence: `${host} → ${r.addresses.map((a) => a.address).join(', ')}`, detail: dnsFinding(r) };
      },
    },
    {
      id: 'autodiscover',
      needs: ['dns.autodiscover'],
      async run(ctx) {
        const p = ctx.profile;
        const credentials = await profileCredentials(ctx);
        const client = await profileHttpClient(
          p,
          { secrets: ctx.secrets, env: ctx.env, fetchTimeoutMs: ctx.timeoutMs },
          { tls: ctx.tls, proxy: ctx.proxy },
        );
        const tried: string[] = [];
        let email = p.autodiscoverEmail!;
        let urls = (ctx.autodiscoverUrls ?? defaultAutodiscoverUrls)(email);
        try {
          for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
            let next: { email?: string; url?: string } | undefined;
            for (const url of urls) {
              let body: string;
              try {
                const res = await postEws(client, url, poxRequest(email), credentials);
                if (res.status !== 200) {
                  tried.push(`${url} (HTTP ${res.status})`);
                  continue;
                }
                body = res.body;
              } catch (e) {
                tried.push(`${url} (${e instanceof CalpumpError ? e.id : 'error'})`);
                continue;
              }
              const ews =
                /<Type>EXPR<\/Type>[\s\S]*?<EwsUrl>([^<]+)<\/EwsUrl>/.exec(body)?.[1] ??
                /<Type>EXCH<\/Type>[\s\S]*?<EwsUrl>([^<]+)<\/EwsUrl>/.exec(body)?.[1];
              if (ews) {
                ctx.target = new URL(ews.trim().replace(/&amp;/g, '&'));
                return {
                  evidence: `${url} → ${ctx.target.href}`,
                  detail: text('ews.detail.url', { url: ctx.target.href }),
                  data: { ewsUrl: ctx.target.href },
                };
              }
              const action = tag(body, 'Action');
              if (action === 'redirectAddr' && tag(body, 'RedirectAddr')) next = { email: tag(body, 'RedirectAddr') };
              else if (action === 'redirectUrl' && tag(body, 'RedirectUrl')) next = { url: tag(body, 'RedirectUrl') };
              tried.push(
                `${url} (${next ? action : `ErrorCode ${tag(body, 'ErrorCode') ?? '?'}: ${tag(body, 'Message') ?? 'missing=EwsUrl'}`})`,
              );
              if (next) break;
            }
            if (!next) break;
            if (next.email) {
              email = next.email;
              urls = (ctx.autodiscoverUrls ?? defaultAutodiscoverUrls)(email);
            } else urls = [next.url!];
          }
        } finally {
          client.close();
        }
        throw new CalpumpError('ews.autodiscover.failed', {
          params: { email: p.autodiscoverEmail!, tried: tried.join('; ') || '-' },
          evidence: tried.join('; '),
        });
      },
    },
  ];
}
