// The tokenizer must itself be able to fail, or the quoting tests prove nothing.
import { describe, expect, it } from 'vitest';
import { codeOnly, tokenize } from './ps-tokenizer.js';

describe('PowerShell test tokenizer', () => {
  it('decodes doubled quotes inside single-quoted literals', () => {
    const t = tokenize("$a = 'O''Brien'");
    expect(t.find((x) => x.kind === 'single')).toMatchObject({ value: "O'Brien" });
  });
  it('treats typographic single quotes as quote characters, as PowerShell does', () => {
    const t = tokenize("$a = 'Bob\u2019; Stop-Computer; #'");
    expect(codeOnly(t)).toContain('Stop-Computer');
  });
  it('sees a break-out from a naively quoted value', () => {
    const value = "x'; Remove-Item C:\\ -Recurse; '";
    expect(codeOnly(tokenize(`$g = '${value}'`))).toContain('Remove-Item');
  });
  it('keeps $ inside double quotes visible as a double-quoted token', () => {
    expect(tokenize('Write-Host "$(Stop-Computer)"').some((x) => x.kind === 'double')).toBe(true);
  });
  it('rejects an unterminated literal and unbalanced brackets', () => {
    expect(() => tokenize("$a = 'open")).toThrow(/unterminated/);
    expect(() => tokenize('if ($a) { Write-Host 1')).toThrow(/unclosed/);
  });
  it('ends a line comment at the line break', () => {
    expect(codeOnly(tokenize('# note\nStop-Computer'))).toContain('Stop-Computer');
  });
});
