// What an administrator types into the mailbox search: names, an address fragment, a room, with a typo corrected
// by backspace ('\b'). Shared by the list-model row (renderer-list-filter.ts) and the Chromium row.
export const QUERIES = ['maria schulz', 'jan.devries', 'room 4', 'contoso.com', 'ingird\b\b\b\brid meyer', 'corp.contoso'];

/** The search box's text after each keystroke of a query. */
export function keystrokes(query: string): string[] {
  const out: string[] = [];
  let text = '';
  for (const ch of query) {
    text = ch === '\b' ? text.slice(0, -1) : text + ch;
    out.push(text);
  }
  return out;
}
