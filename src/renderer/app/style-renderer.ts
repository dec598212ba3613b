// Fluent UI's styles (Griffel) go into <style> elements the page creates at run time. `calpump serve` allows only
// style elements that carry its page's nonce (its CSP has no 'unsafe-inline' for styles) and writes the nonce into
// a <meta> element; the renderer then gives it to every style element Griffel and the theme create. A page without
// the meta (the Electron window) gets the plain renderer.
import { createDOMRenderer, type GriffelRenderer } from '@fluentui/react-components';
import { STYLE_NONCE_META } from '../../shared/rpc/boot-data.js';

export function styleRenderer(doc: Document): GriffelRenderer {
  const nonce = doc.querySelector<HTMLMetaElement>(`meta[name="${STYLE_NONCE_META}"]`)?.content;
  return createDOMRenderer(doc, nonce ? { styleElementAttributes: { nonce } } : undefined);
}
