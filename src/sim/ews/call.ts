// Per-request state of an EWS call and the access rules: impersonation (ExchangeImpersonation header,
// ApplicationImpersonation role + management scope) and delegate access (per-folder permissions).
import type { SimAccount, SimFolder, SimMailbox } from '../world/types.js';
import { PERMISSION_LEVELS, type PermissionLevel } from '../world/types.js';
import type { SimWorld } from '../world/world.js';
import { mailboxOf } from '../world/world.js';
import type { SimCounters } from '../counters.js';
import type { SimFaultControls } from '../faults.js';
import { EwsFault, EwsResponseError, NS } from './soap.js';

export interface ImpersonationHeader {
  kind: 'PrimarySmtpAddress' | 'SmtpAddress' | 'PrincipalName' | 'SID';
  value: string;
}

export interface EwsCall {
  world: SimWorld;
  counters: SimCounters;
  faults: SimFaultControls;
  baseUrl: string;
  /** The authenticated account (the service account when impersonating). */
  account: SimAccount;
  /** Mailbox the call acts as: the impersonated one, or the account's own. */
  actingSmtp?: string;
  impersonating: boolean;
  version: string;
  /** IANA zone from the TimeZoneContext header, if any. */
  timeZoneContext?: string;
  operation: string;
  op: Element;
}

export function resolveImpersonation(world: SimWorld, account: SimAccount, h: ImpersonationHeader): SimMailbox {
  if (!account.canImpersonate) {
    throw new EwsFault('ErrorImpersonateUserDenied', 'The account does not have permission to impersonate the requested user.');
  }
  const v = h.value.trim().toLowerCase();
  let mb: SimMailbox | undefined;
  if (h.kind === 'PrincipalName') mb = [...world.mailboxes.values()].find((m) => m.upn.toLowerCase() === v);
  else if (h.kind === 'SID') {
    const acct = world.accounts.find((a) => a.sid.toLowerCase() === v);
    mb = acct?.smtp ? mailboxOf(world, acct.smtp) : undefined;
  } else mb = mailboxOf(world, v);
  if (!mb) {
    const detail = `<e:MessageXml xmlns:e="${NS.e}"><t:Value Name="${h.kind}" xmlns:t="${NS.t}">${h.value.replace(/[<&>"]/g, '')}</t:Value></e:MessageXml>`;
    throw new EwsFault(
      'ErrorNonExistentMailbox',
      `The ${h.kind === 'PrincipalName' ? 'principal name' : 'SMTP address'} has no mailbox associated with it.`,
      detail,
    );
  }
  if (world.impersonationExcluded.includes(mb.smtp)) {
    throw new EwsFault('ErrorImpersonateUserDenied', 'The account does not have permission to impersonate the requested user.');
  }
  return mb;
}

export function levelAtLeast(level: PermissionLevel, min: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(level) >= PERMISSION_LEVELS.indexOf(min);
}

export function isOwner(call: EwsCall, mailbox: string): boolean {
  const acting = call.actingSmtp?.toLowerCase();
  if (acting === mailbox.toLowerCase()) return true;
  return !!acting && !!mailboxOf(call.world, mailbox)?.fullAccess.includes(acting);
}

export function folderLevel(call: EwsCall, folder: SimFolder): PermissionLevel {
  if (isOwner(call, folder.mailbox)) return 'Owner';
  const acting = call.actingSmtp?.toLowerCase() ?? '';
  return folder.permissions[acting] ?? folder.permissions.default ?? 'None';
}

export const ACCESS_DENIED = 'Access is denied. Check credentials and try again.';

/**
 * Every operation's way into a folder: counts the access (denied calls count too, as on a real server's
 * logs) and requires Reviewer to read or Editor to write, else ErrorAccessDenied.
 */
export function openFolder(call: EwsCall, folder: SimFolder, need: 'read' | 'write'): SimFolder {
  call.counters.touch(folder.mailbox, folder.id);
  if (!levelAtLeast(folderLevel(call, folder), need === 'read' ? 'Reviewer' : 'Editor'))
    throw new EwsResponseError('ErrorAccessDenied', ACCESS_DENIED);
  return folder;
}

export function requireMailbox(world: SimWorld, smtp: string): SimMailbox {
  const mb = mailboxOf(world, smtp);
  if (!mb) throw new EwsResponseError('ErrorNonExistentMailbox', 'The SMTP address has no mailbox associated with it.');
  return mb;
}

/** The mailbox a request without an explicit Mailbox element refers to. */
export function actingMailbox(call: EwsCall): SimMailbox {
  if (!call.actingSmtp) throw new EwsResponseError('ErrorNonExistentMailbox', 'The SMTP address has no mailbox associated with it.');
  return requireMailbox(call.world, call.actingSmtp);
}
