import { describe, expect, it } from 'vitest';
import { BOOT_DATA_ID, bootDataElement, readBootData, type BootData } from '../../../src/shared/rpc/boot-data.js';

/** What a browser's getElementById(…).textContent gives for the element in an HTML text. */
function pageOf(html: string) {
  return {
    getElementById(id: string) {
      const m = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
      return m ? { textContent: m[1] } : null;
    },
  };
}

const SETTINGS = { startAtLogin: false, language: 'de', logLevel: 'info' } as unknown as NonNullable<BootData['app.getSettings']>;

describe('boot data block', () => {
  it('round-trips the answers through the page', () => {
    const data: BootData = { 'app.getSettings': SETTINGS, 'profiles.list': { profiles: [] } };
    const html = `<head>${bootDataElement(data)}</head>`;
    expect(html).toContain(`<script type="application/json" id="${BOOT_DATA_ID}">`);
    expect(readBootData(pageOf(html))).toEqual(data);
  });

  it('cannot be closed early by a text in the data', () => {
    const evil = '</script><script>alert(1)</script><!--';
    const data = { 'jobs.list': { jobs: [], broken: [{ ref: evil }] } } as unknown as BootData;
    const el = bootDataElement(data);
    // One element: the only "</script>" is its own end tag, and no "<" of the data is left as is.
    expect(el.indexOf('</script>')).toBe(el.length - '</script>'.length);
    expect(el.slice(el.indexOf('>') + 1, -'</script>'.length)).not.toContain('<');
    expect(readBootData(pageOf(el))).toEqual(data);
  });

  it('reads nothing from a page without a block, or with one that is not an object of known calls', () => {
    expect(readBootData(pageOf('<head></head>'))).toEqual({});
    const block = (text: string) => `<script type="application/json" id="${BOOT_DATA_ID}">${text}</script>`;
    expect(readBootData(pageOf(block('not json')))).toEqual({});
    expect(readBootData(pageOf(block('[1,2]')))).toEqual({});
    expect(readBootData(pageOf(block('{"jobs.run":{"x":1},"app.state":{"tray":"idle"}}')))).toEqual({ 'app.state': { tray: 'idle' } });
  });
});
