import { describe, expect, it } from 'vitest';
import { ITEM_EXCERPT, itemUnitRows, unitIndexData, unitPageData, workItemData } from '../../../src/site/unit-page';
import { clause, doc, library, unit } from './library-fixture';

const long = '加强基层工会建设'.repeat(10);
const lib = library({
  documents: [doc('plan'), doc('fen', { kind: '分工方案' })],
  clauses: [
    clause('plan/1', '1', { heading: '基层建设' }),
    clause('fen/1', '1', {
      text: long,
      fields: [
        { label: '牵头单位', items: ['组织部'] },
        { label: '参加单位', items: ['宣传部', '某未收单位'] },
      ],
    }),
    clause('fen/2', '2', { text: '短句。', fields: [{ label: '牵头单位', items: ['组织部'] }] }),
  ],
  assignments: [{ item: 'fen/1', clause: 'plan/1', lead: ['组织部'], join: ['宣传部'], score: 1 }],
  units: [unit('u1', '组织部', ['fen/1', 'fen/2']), unit('u2', '宣传部', [], ['fen/1'])],
});

describe('itemUnitRows', () => {
  it('links each unit by role, shows the page’s own unit without a link and a name that is no unit as printed', () => {
    expect(itemUnitRows(lib, 'fen/1', '/units/u1.html', 'u1')).toEqual([
      { label: '牵头单位', units: [{ name: '组织部', href: undefined, current: true }] },
      {
        label: '参加单位',
        units: [
          { name: '宣传部', href: 'u2.html', current: false },
          { name: '某未收单位', href: undefined, current: false },
        ],
      },
    ]);
  });

  it('leaves out a role without units', () => {
    expect(itemUnitRows(lib, 'fen/2', '/units/u1.html').map((r) => r.label)).toEqual(['牵头单位']);
  });
});

describe('workItemData', () => {
  it('cuts the item’s text to its first characters and says so', () => {
    const item = workItemData(lib, 'fen/1', '/units/u1.html');
    expect(item.excerpt).toBe(long.slice(0, ITEM_EXCERPT));
    expect(item.cut).toBe(true);
    expect(workItemData(lib, 'fen/2', '/units/u1.html').cut).toBe(false);
  });

  it('names the clause the item implements only when asked', () => {
    expect(workItemData(lib, 'fen/1', '/units/u1.html').clause).toBeUndefined();
    expect(workItemData(lib, 'fen/1', '/units/u1.html', true).clause).toMatchObject({ href: '../plan/1.html', heading: '基层建设' });
  });
});

describe('unitPageData', () => {
  it('leaves out the role in which the unit has no items', () => {
    expect(unitPageData(lib.units[1]).groups).toEqual([{ key: 'joins', title: '参加的工作', items: ['fen/1'] }]);
    expect(unitPageData(lib.units[1]).description).toBe('宣传部在工作分工方案中牵头 0 项、参加 1 项工作。');
  });
});

describe('unitIndexData', () => {
  it('counts each item once however many units share it', () => {
    expect(unitIndexData(lib).itemCount).toBe(2);
    expect(unitIndexData(lib).units).toEqual([
      { name: '组织部', href: 'u1.html', leads: 2, joins: 0 },
      { name: '宣传部', href: 'u2.html', leads: 0, joins: 1 },
    ]);
  });
});
