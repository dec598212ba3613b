// Plugs EwsTransport into ews-javascript-api (its IXHRApi), one instance per library call. The library turns
// any transport rejection into its own SoapFaultDetails and loses our error, so the CalpumpError is kept
// here (lastError) and the caller re-throws it after the library call fails.
import type { IXHRApi, IXHROptions } from 'ews-javascript-api';
import { CalpumpError } from '../../../errors/calpump-error.js';
import type { EwsCallContext } from '../ews-errors.js';
import type { EwsTransport } from './ews-transport.js';

export class LibraryXhr implements IXHRApi {
  readonly apiName = 'calpump-transport';
  lastError?: CalpumpError;

  constructor(
    private readonly transport: EwsTransport,
    private readonly ctx: Omit<EwsCallContext, 'url' | 'username'>,
  ) {}

  async xhr(o: IXHROptions): Promise<XMLHttpRequest> {
    try {
      // The library's own headers (incl. any Authorization it computed) are dropped: auth is the transport's.
      const answer = await this.transport.post(o.url, String(o.data ?? ''), this.ctx);
      return fakeXhr(200, answer.xml);
    } catch (e) {
      this.lastError = e instanceof CalpumpError ? e : new CalpumpError('internal.unexpected', { params: { text: String(e) }, cause: e });
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- IXHRApi's contract: the library reads a failed call's status and text from an XMLHttpRequest-shaped rejection.
      throw fakeXhr(0, '', this.lastError.message);
    }
  }

  xhrStream(): Promise<XMLHttpRequest> {
    return Promise.reject(new Error('streaming notifications are not used by Calpump'));
  }

  disconnect(): void {}
}

function fakeXhr(status: number, text: string, message?: string): XMLHttpRequest {
  return {
    status,
    responseText: text,
    message,
    getResponseHeader: () => null,
    getAllResponseHeaders: () => '',
  } as unknown as XMLHttpRequest;
}
