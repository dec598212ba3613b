// The sim's stand-in for the Microsoft sign-in page: plain HTML forms (no script) that a test's "browser" can
// submit — sign-in for the authorization endpoint and the code entry page for the device flow.
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function layout(title: string, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><h1>${esc(title)}</h1>${body}</body></html>`;
}

export function signInPage(
  action: string,
  hidden: Record<string, string>,
  opts: { appName: string; loginHint?: string; error?: string },
): string {
  const fields = Object.entries(hidden)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return layout(
    'Sign in to your account',
    `<p>to continue to ${esc(opts.appName)}</p>${opts.error ? `<p id="error">${esc(opts.error)}</p>` : ''}
<form method="post" action="${esc(action)}">${fields}
<input type="email" name="login" value="${esc(opts.loginHint ?? '')}"><input type="password" name="passwd" value="">
<input type="submit" value="Sign in"></form>`,
  );
}

export function deviceCodePage(action: string, opts: { error?: string; done?: boolean }): string {
  if (opts.done)
    return layout('You have signed in', '<p>You have signed in to the application on your device. You may now close this window.</p>');
  return layout(
    'Enter code',
    `${opts.error ? `<p id="error">${esc(opts.error)}</p>` : ''}<form method="post" action="${esc(action)}">
<input type="text" name="otc" value=""><input type="email" name="login" value=""><input type="password" name="passwd" value="">
<input type="submit" value="Next"></form>`,
  );
}

export function errorPage(code: number, text: string): string {
  return layout('Sign in', `<p>AADSTS${code}: ${esc(text)}</p>`);
}
