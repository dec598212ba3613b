// What the EWS transport needs from the network layer. HttpClient implements it; parser tests pass a fake
// that answers with recorded Exchange responses.
import type * as http from 'node:http';
import type { TextRef } from '../../../../shared/errors.js';
import type { HttpRequest, HttpResponse } from '../../../net/http-client.js';

export interface HttpSender {
  request(req: HttpRequest): Promise<HttpResponse>;
  /** A fresh keep-alive agent with one socket (connection-bound NTLM); undefined when not applicable. */
  newAgent(url: string): Promise<http.Agent | undefined>;
  /** The route to `url` (proxy or direct, and why) as an engine text. */
  describeRoute(url: string): Promise<TextRef>;
}
