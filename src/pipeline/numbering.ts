/**
 * Numbering systems as data: one row per way Chinese official texts number their units, with
 * its pattern, its numerals and its place in the hierarchy. A new style is a new row.
 *
 * Each system reads a marker at the start of a line and writes it back:
 * `format(parse(m))` gives `m` back exactly, so markers can be checked as round trips.
 *
 * Ranks order the systems from the outermost (编) to the innermost (①). Which of them a
 * document's clauses are numbered in is decided per document by the parser (see parse.ts):
 * systems ranked above the clause system are divisions, systems ranked below it are items
 * inside a clause.
 */

import { parseChineseNumeral, toChineseNumeral } from './numerals';

export type SystemName =
  'volume' | 'chapter' | 'subsection' | 'partOrdinal' | 'part' | 'section' | 'article' | 'arabic' | 'arabicComma' | 'item' | 'parenArabic' | 'circled';

/** A marker read from the start of a line. */
export interface Marker {
  system: SystemName;
  value: number;
  /** The marker exactly as printed, including its punctuation and any space after it. */
  raw: string;
  /** The number as printed without its trailing punctuation: "14", "（三）", "一是", "五", "第十二条". */
  label: string;
  /** The printed form's details, enough to write it back. */
  style: { open?: string; close?: string; dot?: string; space?: string };
}

/** A numbering system: a row of the table. */
export interface NumberingSystem {
  name: SystemName;
  /** Place in the hierarchy: lower is outer. Systems of equal rank are alternatives at one level. */
  rank: number;
  /** How the system's numbers are written. */
  numerals: 'chinese' | 'arabic' | 'circled';
  /** What it is, for messages: "第N章", "（一）". */
  shape: string;
  /** The marker at the start of the line; groups: 1 open, 2 number, 3 close or dot, 4 space. */
  pattern: RegExp;
  /** Write a number back in the printed style. */
  format(value: number, style: Marker['style']): string;
}

/** Chinese numerals in markers: 一 … 九十九, 一百零五, 两百. */
const CN = '[零〇一二两三四五六七八九十百千]{1,6}';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** Space that may follow a marker: ASCII or ideographic spaces. */
const SPACE = '[ \\u3000\\u00a0]*';

const cn = (value: number) => toChineseNumeral(value);

/** 第N编 / 第N章 / 第N节 / 第N部分 / 第N条: an ordinal in 第…, followed by space. */
const ordinal = (name: SystemName, rank: number, unit: string): NumberingSystem => ({
  name,
  rank,
  numerals: 'chinese',
  shape: `第N${unit}`,
  pattern: new RegExp(`^(第)(${CN})(${unit})(${SPACE})`),
  format: (value, style) => `第${cn(value)}${unit}${style.space ?? ''}`,
});

/** The table of numbering systems, outermost first. */
export const SYSTEM_TABLE: NumberingSystem[] = [
  ordinal('volume', 10, '编'),
  ordinal('chapter', 20, '章'),
  ordinal('subsection', 30, '节'),
  ordinal('partOrdinal', 40, '部分'),
  {
    name: 'part',
    rank: 40,
    numerals: 'chinese',
    shape: '一、',
    pattern: new RegExp(`^()(${CN})(、)()`),
    format: (value) => `${cn(value)}、`,
  },
  ordinal('article', 50, '条'),
  {
    name: 'section',
    rank: 60,
    numerals: 'chinese',
    shape: '（一）',
    pattern: new RegExp(`^([（(])(${CN})([）)])()`),
    format: (value, style) => `${style.open ?? '（'}${cn(value)}${style.close ?? '）'}`,
  },
  {
    // 14. or 1. or 1． (not a decimal such as 1.6).
    name: 'arabic',
    rank: 70,
    numerals: 'arabic',
    shape: '1.',
    pattern: /^()(\d{1,3})([.．])( *)(?!\d)/,
    format: (value, style) => `${value}${style.dot ?? '.'}${style.space ?? ''}`,
  },
  {
    // 1、 (not 2015、 — years are four digits).
    name: 'arabicComma',
    rank: 70,
    numerals: 'arabic',
    shape: '1、',
    pattern: /^()(\d{1,2})(、)()/,
    format: (value) => `${value}、`,
  },
  {
    name: 'item',
    rank: 70,
    numerals: 'chinese',
    shape: '一是',
    pattern: new RegExp(`^()(${CN})(是)()`),
    format: (value) => `${cn(value)}是`,
  },
  {
    name: 'parenArabic',
    rank: 80,
    numerals: 'arabic',
    shape: '（1）',
    pattern: /^([（(])(\d{1,2})([）)])()/,
    format: (value, style) => `${style.open ?? '（'}${value}${style.close ?? '）'}`,
  },
  {
    name: 'circled',
    rank: 90,
    numerals: 'circled',
    shape: '①',
    pattern: new RegExp(`^()([${CIRCLED}])()()`),
    format: (value) => CIRCLED[value - 1],
  },
];

export const SYSTEMS = Object.fromEntries(SYSTEM_TABLE.map((s) => [s.name, s])) as Record<SystemName, NumberingSystem>;

/** The value of a number as printed in a system's numerals; null if it is not one (or is zero). */
function numberValue(system: NumberingSystem, printed: string): number | null {
  const value = system.numerals === 'arabic' ? Number(printed) : system.numerals === 'circled' ? CIRCLED.indexOf(printed) + 1 : parseChineseNumeral(printed);
  return value === null || value <= 0 ? null : value;
}

/** The label of a marker: the number as printed without trailing punctuation or space. */
function labelOf(system: NumberingSystem, m: RegExpExecArray): string {
  if (system.name === 'part') return m[2];
  if (system.name === 'arabic' || system.name === 'arabicComma') return m[2];
  return `${m[1]}${m[2]}${m[3]}`;
}

/** Read the marker of one system at the start of a line, or null. */
export function readMarker(system: NumberingSystem, line: string): Marker | null {
  const m = system.pattern.exec(line);
  if (!m) return null;
  const value = numberValue(system, m[2]);
  if (value === null) return null;
  const style: Marker['style'] = {};
  if (m[1]) style.open = m[1];
  if (system.name === 'section' || system.name === 'parenArabic') style.close = m[3];
  if (system.name === 'arabic') style.dot = m[3];
  if (m[4] !== undefined && (system.name === 'arabic' || m[1] === '第')) style.space = m[4];
  return { system: system.name, value, raw: m[0], label: labelOf(system, m), style };
}

/** The systems the parser looks for by default (the ones the five seed sources use). */
export const DEFAULT_SYSTEMS: SystemName[] = ['part', 'section', 'arabic', 'item'];

/** Read the marker at the start of a line in the given systems (first match wins). */
export function parseMarker(line: string, systems: SystemName[] = DEFAULT_SYSTEMS): Marker | null {
  for (const name of systems) {
    const m = readMarker(SYSTEMS[name], line);
    if (m) return m;
  }
  return null;
}

/** Write a marker back from its system, value and style (the inverse of parseMarker). */
export function formatMarker(marker: Pick<Marker, 'system' | 'value' | 'style'>): string {
  return SYSTEMS[marker.system].format(marker.value, marker.style);
}
