export function esc(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** `<p:name>value</p:name>`, omitted when value is undefined. */
export function el(name: string, value: unknown): string {
  return value === undefined || value === null ? '' : `<${name}>${esc(value)}</${name}>`;
}
