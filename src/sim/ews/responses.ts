// Per-item response messages: one failing id yields an Error message, the others still succeed.
import { EwsFault, EwsResponseError, errorMessage, operationResponse } from './soap.js';

/** `errorInner`: what Exchange still puts in an error message, e.g. an empty `<m:Items/>` for GetItem. */
export function perItem<T>(items: T[], render: (item: T) => string, messageName: string, errorInner = ''): string {
  return items
    .map((item) => {
      try {
        return render(item);
      } catch (e) {
        if (e instanceof EwsResponseError)
          return errorMessage(messageName, { code: e.code, message: e.message, values: e.values }, errorInner);
        if (e instanceof EwsFault) throw e;
        throw e;
      }
    })
    .join('');
}

export function wrapped(operation: string, messages: string): string {
  return operationResponse(operation, messages);
}
