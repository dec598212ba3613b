// Microsoft 365 flags for `profiles add/edit` that the shared profile-flags.ts does not cover: the app
// certificate (one PEM with key and certificate, stored in the SecretStore, checked before it is kept) and the
// legacy "EWS on Microsoft 365" settings of an EWS profile (with the 2027-04-01 retirement warning).
// profiles.ts wires them with addGraphProfileFlags(cmd), applyGraphProfileFlags(raw, opts) and
// graphSecretsFromFlags(opts, …) next to its own flag helpers.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseClientCertificate } from '../../../core/auth/client-certificate.js';
import { EWS_ONLINE_RETIREMENT } from '../../../core/auth/token-target.js';
import { CalpumpError } from '../../../core/errors/calpump-error.js';
import type { SecretName } from '../../../shared/profile.js';

export type GraphFlagValues = Record<string, string | boolean | undefined>;

export function addGraphProfileFlags(cmd: Command): Command {
  return cmd
    .option(
      '--certificate-file <pem>',
      'app certificate for client credentials: one PEM with the private key and the certificate (stored encrypted)',
    )
    .option(
      '--legacy-online-tenant <tenant>',
      `EWS profiles: use EWS on Microsoft 365 with OAuth in this tenant (retires ${EWS_ONLINE_RETIREMENT})`,
    )
    .option('--legacy-online-client-id <guid>', 'EWS profiles: app (client) ID for EWS on Microsoft 365 (full_access_as_app)')
    .option('--legacy-online-authority-host <url>', 'EWS profiles: sign-in host for EWS on Microsoft 365 (national clouds)');
}

/** Sets legacyOnline on an EWS profile; '' for the tenant removes it. Returns warnings to print. */
export function applyGraphProfileFlags(raw: Record<string, unknown>, opts: GraphFlagValues): string[] {
  const tenant = opts.legacyOnlineTenant as string | undefined;
  const clientId = opts.legacyOnlineClientId as string | undefined;
  const authorityHost = opts.legacyOnlineAuthorityHost as string | undefined;
  if (tenant === undefined && clientId === undefined && authorityHost === undefined) return [];
  if (raw.kind !== 'ews') {
    throw new CalpumpError('input.invalid', {
      params: { field: '--legacy-online-tenant', problem: 'applies to EWS profiles; a Graph profile already talks to Microsoft 365' },
    });
  }
  if (tenant === '') {
    delete raw.legacyOnline;
    return [];
  }
  const current = (raw.legacyOnline ?? {}) as Record<string, string>;
  const next = {
    ...current,
    ...(tenant ? { tenantId: tenant } : {}),
    ...(clientId ? { clientId } : {}),
    ...(authorityHost ? { authorityHost } : {}),
  };
  if (!next.tenantId || !next.clientId) {
    throw new CalpumpError('input.invalid', {
      params: { field: '--legacy-online-tenant', problem: 'give both --legacy-online-tenant and --legacy-online-client-id' },
    });
  }
  raw.legacyOnline = next;
  return [`EWS on Microsoft 365 stops working on ${EWS_ONLINE_RETIREMENT}; plan a Graph profile (profiles add --kind graph).`];
}

/** Secrets the Graph flags carry (the certificate PEM), validated so a broken file is refused at once. */
export async function graphSecretsFromFlags(
  opts: GraphFlagValues,
  resolvePath: (p: string) => string,
  profileName: string,
): Promise<Partial<Record<SecretName, string>>> {
  const file = opts.certificateFile as string | undefined;
  if (!file) return {};
  let pem: string;
  try {
    pem = await readFile(resolvePath(file), 'utf8');
  } catch {
    throw new CalpumpError('input.invalid', { params: { field: '--certificate-file', problem: `cannot read ${file}` } });
  }
  parseClientCertificate(pem, profileName);
  return { certificate: pem };
}
