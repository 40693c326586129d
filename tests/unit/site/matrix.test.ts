import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { documentPageData } from '../../../src/site/document-page';
import { homePageData } from '../../../src/site/home-page';
import {
  implementationMatrices,
  MATRIX_CSV_HEADER,
  matrixCounts,
  matrixCsvRows,
  matrixLinks,
  matrixOf,
  matrixTableData,
  toCsv,
  UNIT_CSV_HEADER,
  unitCsvRows,
} from '../../../src/site/matrix';
import { unitPageData } from '../../../src/site/unit-page';
import { libraryView } from '../../../src/site/view';
import { clause, doc, library, unit } from './library-fixture';

/** A cell that needs quoting in CSV: a comma, straight quotes and a line break. */
const AWKWARD = '做好“职工之家”建设, 含"引号"。\n第二段。';

// op: an opinion whose clauses the annex fen carries out (fen/4 found no clause); self: an
// opinion with a （…负责） note after its own clause; plan: a plan whose indicator row (no units) carries out its clause.
const lib = library({
  documents: [doc('op'), doc('fen', { kind: '分工方案', annexOf: 'op' }), doc('self'), doc('plan', { kind: '规划' })],
  clauses: [
    clause('op/0', null),
    clause('op/1/1', '1', { heading: '目标' }),
    clause('op/1/2', '2'),
    clause('op/1/3', '3'),
    clause('fen/1', '1', {
      text: '加强组织建设，扩大覆盖。\n牵头单位：组织部、财务部\n参加单位：宣传部',
      fields: [
        { label: '牵头单位', items: ['组织部', '财务部'] },
        { label: '参加单位', items: ['宣传部'] },
      ],
    }),
    clause('fen/2', '2', { text: `${AWKWARD}\n牵头单位：组织部`, fields: [{ label: '牵头单位', items: ['组织部'] }] }),
    clause('fen/3', '3', { text: '宣传到位。\n责任单位：宣传部', fields: [{ label: '责任单位', items: ['宣传部'] }] }),
    clause('fen/4', '4', { text: '关爱女职工。\n牵头单位：女职工部', fields: [{ label: '牵头单位', items: ['女职工部'] }] }),
    clause('self/1', '1', {
      text: '推进集体协商（人力资源社会保障部、财政部等负责）',
      fields: [{ label: '负责单位', items: ['人力资源社会保障部', '财政部'] }],
    }),
    clause('self/2', '2'),
    clause('plan/1', '1'),
    clause('plan/zb/1', '1', { columns: ['指标', '目标值'] }),
  ],
  assignments: [
    { item: 'fen/1', clause: 'op/1/1', lead: ['组织部', '财务部'], join: ['宣传部'], score: 1 },
    { item: 'fen/2', clause: 'op/1/1', lead: ['组织部'], join: [], score: 0.9 },
    { item: 'fen/3', clause: 'op/1/2', lead: ['宣传部'], join: [], score: 0.8 },
    { item: 'plan/zb/1', clause: 'plan/1', lead: [], join: [], score: 0.8 },
  ],
  units: [unit('u1', '组织部', ['fen/1', 'fen/2']), unit('u2', '宣传部', ['fen/3'], ['fen/1']), unit('u3', '女职工部', ['fen/4'])],
});

describe('implementationMatrices', () => {
  it('makes one matrix per document whose clauses work items carry out, in library order, and none for a document carried out only by indicator rows', () => {
    expect(implementationMatrices(lib).map((m) => [m.doc, m.sources])).toEqual([
      ['op', ['fen']],
      ['self', ['self']],
    ]);
    expect(matrixOf(lib, 'plan')).toBeUndefined();
    expect(matrixOf(lib, 'fen')).toBeUndefined();
  });

  it('lists every clause of the document with the items that carry it out, a clause without items with none', () => {
    expect(matrixOf(lib, 'op')!.rows).toEqual([
      { clause: 'op/0', items: [] },
      { clause: 'op/1/1', items: ['fen/1', 'fen/2'] },
      { clause: 'op/1/2', items: ['fen/3'] },
      { clause: 'op/1/3', items: [] },
    ]);
  });

  it('keeps an item that found no clause with the matrix of the document it is an annex to', () => {
    expect(matrixOf(lib, 'op')!.unlinked).toEqual(['fen/4']);
  });

  it('makes a document whose clauses carry their own responsibility notes its own matrix, each such clause its own item', () => {
    expect(matrixOf(lib, 'self')!.rows).toEqual([
      { clause: 'self/1', items: ['self/1'] },
      { clause: 'self/2', items: [] },
    ]);
  });
});

describe('matrixCounts', () => {
  it('counts the clauses, those with and without items, the distinct items (unlinked ones too) and the distinct units', () => {
    expect(matrixCounts(lib, matrixOf(lib, 'op')!)).toEqual({ clauses: 4, withItems: 2, withoutItems: 2, items: 4, units: 4 });
    expect(matrixCounts(lib, matrixOf(lib, 'self')!)).toEqual({ clauses: 2, withItems: 1, withoutItems: 1, items: 1, units: 2 });
  });
});

describe('matrixTableData', () => {
  it('gives each clause its position, heading and count, and each item its place in its document and its units linked from the page', () => {
    const table = matrixTableData(lib, matrixOf(lib, 'op')!, '/op/index.html');
    expect(table.csvHref).toBe('../data/matrix/op.csv');
    expect(table.sources).toEqual([{ name: 'fen的标题', href: '../fen/index.html' }]);
    expect(table.rows.map((r) => [r.href, r.position, r.heading, r.count])).toEqual([
      ['0.html', '序言', undefined, 0],
      ['1/1.html', '第一条', '目标', 2],
      ['1/2.html', '第二条', undefined, 1],
      ['1/3.html', '第三条', undefined, 0],
    ]);
    const first = table.rows[1].items[0];
    expect([first.href, first.label, first.excerpt]).toEqual(['../fen/1.html', '第一条', '加强组织建设，扩大覆盖。']);
    expect(first.units).toEqual([
      {
        label: '牵头单位',
        units: [
          { name: '组织部', href: '../units/u1.html', current: false },
          { name: '财务部', href: undefined, current: false },
        ],
      },
      { label: '参加单位', units: [{ name: '宣传部', href: '../units/u2.html', current: false }] },
    ]);
    expect(table.unlinked.map((i) => i.href)).toEqual(['../fen/4.html']);
  });
});

describe('matrixCsvRows', () => {
  const view = libraryView(lib);
  const label = (id: string) => view.label(view.clause(id)!);

  it('writes the header, then one line per clause and item, a clause without items on one line with the item cells empty, and the unlinked items last', () => {
    const rows = matrixCsvRows(lib, matrixOf(lib, 'op')!);
    expect(rows[0]).toEqual([...MATRIX_CSV_HEADER]);
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['op/0', '0', ''],
      ['op/1/1', '2', 'fen/1'],
      ['op/1/1', '2', 'fen/2'],
      ['op/1/2', '1', 'fen/3'],
      ['op/1/3', '0', ''],
      ['', '', 'fen/4'],
    ]);
    expect(rows[1]).toEqual(['op/0', label('op/0'), '', '/op/0.html', '0', '', '', '', '', '', '']);
  });

  it('gives an item its text without the field lines, its units joined with 、 as printed, and URLs on the canonical site where there is one', () => {
    const rows = matrixCsvRows(lib, matrixOf(lib, 'op')!, 'https://example.org/lib/');
    expect(rows[2]).toEqual([
      'op/1/1',
      label('op/1/1'),
      '目标',
      'https://example.org/lib/op/1/1.html',
      '2',
      'fen/1',
      label('fen/1'),
      '加强组织建设，扩大覆盖。',
      '组织部、财务部',
      '宣传部',
      'https://example.org/lib/fen/1.html',
    ]);
    expect(rows[3][7]).toBe(AWKWARD);
    expect(rows[4].slice(8, 10)).toEqual(['宣传部', '']);
  });

  it('lists the units of a responsibility note as those that lead the item', () => {
    expect(matrixCsvRows(lib, matrixOf(lib, 'self')!)[1].slice(5, 10)).toEqual([
      'self/1',
      label('self/1'),
      '推进集体协商（人力资源社会保障部、财政部等负责）',
      '人力资源社会保障部、财政部',
      '',
    ]);
  });
});

describe('unitCsvRows', () => {
  it('lists the items a unit leads and joins in reading order, each with its role and the clause it carries out', () => {
    const rows = unitCsvRows(lib, 'u2');
    expect(rows[0]).toEqual([...UNIT_CSV_HEADER]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[8], r[10]])).toEqual([
      ['宣传部', '参加', 'fen/1', 'op/1/1', '目标'],
      ['宣传部', '牵头', 'fen/3', 'op/1/2', ''],
    ]);
  });

  it('leaves the clause cells empty for an item linked to no clause', () => {
    expect(unitCsvRows(lib, 'u3')[1].slice(8)).toEqual(['', '', '', '']);
  });
});

describe('toCsv', () => {
  it('starts with a byte-order mark, ends each line with CRLF and quotes a cell holding a comma, a quote or a line break, quotes doubled', () => {
    const text = toCsv([
      ['a', 'b'],
      ['普通', AWKWARD],
    ]);
    expect(text).toBe(`\uFEFFa,b\r\n普通,"做好“职工之家”建设, 含""引号""。\n第二段。"\r\n`);
  });

  it('reads back with a CSV parser to the same cells', () => {
    const rows = matrixCsvRows(lib, matrixOf(lib, 'op')!);
    expect(parse(toCsv(rows), { bom: true })).toEqual(rows);
  });
});

describe('the pages that show or list a matrix', () => {
  it('shows the matrix on the page of the document whose clauses it lists, and links it from the page of the document whose items it lists', () => {
    expect(documentPageData(lib, 'op').matrix?.rows.length).toBe(4);
    expect(documentPageData(lib, 'op').matrixLinks).toEqual([]);
    expect(documentPageData(lib, 'fen').matrix).toBeUndefined();
    expect(matrixLinks(lib, 'fen', '/fen/index.html')).toEqual([
      {
        name: 'op的标题',
        href: '../op/index.html#matrix',
        csvHref: '../data/matrix/op.csv',
        counts: { clauses: 4, withItems: 2, withoutItems: 2, items: 4, units: 4 },
      },
    ]);
    expect(documentPageData(lib, 'plan').matrix).toBeUndefined();
  });

  it('links a unit’s CSV from its page', () => {
    expect(unitPageData(lib.units[0]).csvHref).toBe('../data/units/u1.csv');
  });

  it('lists each matrix in the open data of the home page, with its CSV file and its table', () => {
    expect(homePageData(lib, undefined).matrices).toEqual([
      { name: 'op的标题', href: 'op/index.html#matrix', csvHref: 'data/matrix/op.csv' },
      { name: 'self的标题', href: 'self/index.html#matrix', csvHref: 'data/matrix/self.csv' },
    ]);
  });
});
