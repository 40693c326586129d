/**
 * Numbering systems: each one reads a marker at the start of a line and writes it back.
 * `format(parse(m))` gives `m` back exactly, so markers can be checked as round trips.
 */

import { parseChineseNumeral, toChineseNumeral } from './numerals';

export type SystemName = 'part' | 'section' | 'arabic' | 'item' | 'article';

/** A marker read from the start of a line. */
export interface Marker {
  system: SystemName;
  value: number;
  /** The marker exactly as printed, including its punctuation and any space after it. */
  raw: string;
  /** The number as printed without its trailing punctuation: "14", "（三）", "一是", "五". */
  label: string;
  /** The printed form's details, enough to write it back. */
  style: { open?: string; close?: string; dot?: string; space?: string };
}

interface NumberingSystem {
  name: SystemName;
  parse(line: string): Marker | null;
  format(value: number, style: Marker['style']): string;
}

const CN = '[一二三四五六七八九十]{1,3}';

/** 一、 — parts. */
const part: NumberingSystem = {
  name: 'part',
  parse(line) {
    const m = new RegExp(`^(${CN})、`).exec(line);
    if (!m) return null;
    const value = parseChineseNumeral(m[1]);
    if (value === null || value === 0) return null;
    return { system: 'part', value, raw: m[0], label: m[1], style: {} };
  },
  format: (value) => `${toChineseNumeral(value)}、`,
};

/** （一） or (一) — sections. */
const section: NumberingSystem = {
  name: 'section',
  parse(line) {
    const m = new RegExp(`^([（(])(${CN})([）)])`).exec(line);
    if (!m) return null;
    const value = parseChineseNumeral(m[2]);
    if (value === null || value === 0) return null;
    return { system: 'section', value, raw: m[0], label: m[0], style: { open: m[1], close: m[3] } };
  },
  format: (value, style) => `${style.open ?? '（'}${toChineseNumeral(value)}${style.close ?? '）'}`,
};

/** 14. or 1. or 1． — numbered clauses and table rows (not a decimal such as 1.6). */
const arabic: NumberingSystem = {
  name: 'arabic',
  parse(line) {
    const m = /^(\d{1,3})([.．])( *)(?!\d)/.exec(line);
    if (!m) return null;
    return { system: 'arabic', value: Number(m[1]), raw: m[0], label: m[1], style: { dot: m[2], space: m[3] } };
  },
  format: (value, style) => `${value}${style.dot ?? '.'}${style.space ?? ''}`,
};

/** 一是、二是 — items of a newspaper-style enumeration. */
const item: NumberingSystem = {
  name: 'item',
  parse(line) {
    const m = new RegExp(`^(${CN})是`).exec(line);
    if (!m) return null;
    const value = parseChineseNumeral(m[1]);
    if (value === null || value === 0) return null;
    return { system: 'item', value, raw: m[0], label: m[0], style: {} };
  },
  format: (value) => `${toChineseNumeral(value)}是`,
};

/** 第七条 — articles, as cited in reports. */
const article: NumberingSystem = {
  name: 'article',
  parse(line) {
    const m = new RegExp(`^第(${CN})条`).exec(line);
    if (!m) return null;
    const value = parseChineseNumeral(m[1]);
    if (value === null || value === 0) return null;
    return { system: 'article', value, raw: m[0], label: m[0], style: {} };
  },
  format: (value) => `第${toChineseNumeral(value)}条`,
};

export const SYSTEMS: Record<SystemName, NumberingSystem> = { part, section, arabic, item, article };

/** Read the marker at the start of a line in the given systems (first match wins). */
export function parseMarker(line: string, systems: SystemName[] = ['part', 'section', 'arabic', 'item']): Marker | null {
  for (const name of systems) {
    const m = SYSTEMS[name].parse(line);
    if (m) return m;
  }
  return null;
}

/** Write a marker back from its system, value and style (the inverse of parseMarker). */
export function formatMarker(marker: Pick<Marker, 'system' | 'value' | 'style'>): string {
  return SYSTEMS[marker.system].format(marker.value, marker.style);
}
