// Per-item response messages: one failing id yields an Error message, the others still succeed.
import { EwsFault, EwsResponseError, errorMessage, operationResponse } from './soap.js';

export function perItem<T>(items: T[], render: (item: T) => string, messageName: string): string {
  return items
    .map((item) => {
      try {
        return render(item);
      } catch (e) {
        if (e instanceof EwsResponseError) return errorMessage(messageName, { code: e.code, message: e.message, values: e.values });
        if (e instanceof EwsFault) throw e;
        throw e;
      }
    })
    .join('');
}

export function wrapped(operation: string, messages: string): string {
  return operationResponse(operation, messages);
}
