// The one HTTP shape the Microsoft 365 code needs. It is built from the shared net layer (TLS CA/pin, proxy)
// so MSAL's token calls and Graph calls use the same trust and proxy rules as EWS; tests pass a fake.
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** Sends one request; network failures reject with a CalpumpError (net.*), HTTP errors resolve. */
export type HttpSend = (req: HttpRequest) => Promise<HttpResponse>;
