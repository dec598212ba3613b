// Writing responses, including the broken ones fault injection needs (reset, truncated body).
import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
  truncate = false,
): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (!res.hasHeader('request-id')) res.setHeader('request-id', randomUUID());
  res.setHeader('X-FEServer', 'EXCH01');
  res.setHeader('Content-Length', String(buf.length));
  if (truncate) {
    // Promise the full length, deliver half, then drop the connection.
    res.flushHeaders();
    res.socket?.write(buf.subarray(0, Math.floor(buf.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(buf);
}

export function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  try {
    // TCP RST where the socket allows it (plain HTTP); TLS sockets are simply destroyed.
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

export const IIS_500 =
  '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\r\n' +
  '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>500 - Internal server error.</title></head><body><div id="header"><h1>Server Error</h1></div>' +
  '<div id="content"><fieldset><h2>500 - Internal server error.</h2><h3>There is a problem with the resource you are looking for, and it cannot be displayed.</h3></fieldset></div></body></html>\r\n';

export const HTTPSYS_503 =
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n' +
  '<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n' +
  '<BODY><h2>Service Unavailable</h2>\r\n<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n';

export function owaLoginRedirect(res: ServerResponse, baseUrl: string, originalPath: string): void {
  const target = `${baseUrl}/owa/auth/logon.aspx?url=${encodeURIComponent(baseUrl + originalPath)}&reason=0`;
  send(
    res,
    302,
    `<html><head><title>Object moved</title></head><body><h2>Object moved to <a href="${target}">here</a>.</h2></body></html>`,
    {
      Location: target,
      'Content-Type': 'text/html; charset=utf-8',
    },
  );
}

export const OWA_LOGIN_PAGE =
  '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>Outlook</title></head>' +
  '<body><form action="/owa/auth.owa" method="POST" name="logonForm" autocomplete="off"><input type="hidden" name="destination" value="">' +
  '<label for="username">Domain\\user name:</label><input id="username" name="username" type="text">' +
  '<label for="password">Password:</label><input id="password" name="password" type="password">' +
  '<input type="submit" value="sign in"></form></body></html>';
