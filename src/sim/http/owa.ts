// The OWA forms-login page the formsLogin fault redirects to (what a reverse proxy with FBA shows).
import type { SimRoute } from './types.js';
import { OWA_LOGIN_PAGE, send } from './respond.js';

export const owaRoute: SimRoute = {
  match: (_req, url) => /^\/owa(\/|$)/i.test(url.pathname),
  async handle(ctx) {
    send(ctx.res, 200, OWA_LOGIN_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
  },
};
