// Text that came from a server (folder names, subjects, error texts) may carry terminal escape codes: a folder
// named "\x1b]0;pwned\x07Calendar" would retitle the administrator's terminal, "\x1b[2J" would clear it, and a
// bidi override would show a different name than the bytes hold. Such text is cleaned before it reaches a
// terminal or a log line: escape sequences go whole, other control characters (C0 but tab and line feed, DEL,
// C1) and bidi embedding/override/isolate marks are dropped.

// ESC [ … final byte (CSI), ESC ] … BEL or ESC \ (OSC), ESC P/X/^/_ … ESC \ (DCS, SOS, PM, APC), ESC + one byte.
const ESCAPE_SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[PX^_][^\x1b]*(?:\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]|\x1b[\s\S]?/g;

const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** True when the text holds anything stripControl would remove. */
export function hasControlChars(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

/** The text without escape sequences and control characters; tab and line feed stay. */
export function stripControl(text: string): string {
  if (!hasControlChars(text)) return text;
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/**
 * JSON text whose control characters are all written as \u escapes: JSON.stringify escapes C0 only, so DEL, C1
 * and bidi marks would still reach a terminal raw. The parsed value stays exactly the same.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(/[\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
