import { describe, expect, it } from 'vitest';
import { renderTable } from '../../../../src/headless/cli/render/table.js';
import { renderTree } from '../../../../src/headless/cli/render/tree.js';

describe('renderTable', () => {
  it('pads columns to the widest cell, right-aligns numbers, strips control characters', () => {
    const out = renderTable(
      [
        { name: 'Anna Schmidt', n: 5 },
        { name: 'Jan\nde Vries', n: 123 },
      ],
      [
        { header: 'NAME', value: (r) => r.name },
        { header: 'ITEMS', value: (r) => String(r.n), align: 'right' },
      ],
    );
    expect(out).toBe(['NAME          ITEMS', '------------  -----', 'Anna Schmidt      5', 'Jan de Vries    123', ''].join('\n'));
  });
});

describe('renderTree', () => {
  it('draws branches; nodes whose parent is missing become roots', () => {
    const out = renderTree([
      { id: 'a', label: 'Calendar (3)' },
      { id: 'b', parentId: 'a', label: 'Team (1)' },
      { id: 'c', parentId: 'b', label: 'Old (0)' },
      { id: 'd', parentId: 'a', label: 'Holidays (9)' },
      { id: 'e', parentId: 'gone', label: 'Orphan (2)' },
    ]);
    expect(out).toBe(['Calendar (3)', '├─ Team (1)', '│  └─ Old (0)', '└─ Holidays (9)', 'Orphan (2)', ''].join('\n'));
  });

  it('survives a node that is its own parent', () => {
    expect(renderTree([{ id: 'x', parentId: 'x', label: 'Loop' }])).toBe('Loop\n');
  });
});
