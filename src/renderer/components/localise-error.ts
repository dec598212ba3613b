// Errors made by the client itself (the host never saw the call) arrive in English; the catalogue entries
// from the host are already in the UI language. This translates the former by id.
import type { ErrorInfo } from '../../shared/errors.js';
import type { MessageKey } from '../../shared/i18n/index.js';

const CLIENT_ERRORS: Record<string, { title: MessageKey; message: MessageKey; fix: MessageKey }> = {
  'rpc.cancelled': { title: 'clientError.cancelled.title', message: 'clientError.cancelled.message', fix: 'clientError.cancelled.fix' },
  'rpc.disconnected': {
    title: 'clientError.disconnected.title',
    message: 'clientError.disconnected.message',
    fix: 'clientError.disconnected.fix',
  },
  'rpc.noHost': { title: 'clientError.noHost.title', message: 'clientError.noHost.message', fix: 'clientError.noHost.fix' },
};

export function localiseError(e: ErrorInfo, t: (k: MessageKey) => string): ErrorInfo {
  const keys = CLIENT_ERRORS[e.id];
  if (!keys) return e;
  return { ...e, title: t(keys.title), message: t(keys.message), fix: t(keys.fix) };
}
