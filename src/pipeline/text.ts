/**
 * Text runs that remember where they came from. A `Text` value is always exactly the
 * concatenation of its spans' source slices: layout repair only chooses spans.
 */
import type { Span, Text } from '../model';

/** Make a text node from source spans (adjacent spans are merged). */
export function textFromSpans(source: string, spans: Span[]): Text {
  const merged: Span[] = [];
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const last = merged[merged.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else merged.push({ start: s.start, end: s.end });
  }
  return { type: 'text', value: merged.map((s) => source.slice(s.start, s.end)).join(''), spans: merged };
}

/** Cut characters [from, to) of a text's value out as a new text node, keeping provenance. */
export function sliceText(text: Text, from: number, to: number = text.value.length): Text {
  const spans: Span[] = [];
  let pos = 0;
  for (const s of text.spans) {
    const len = s.end - s.start;
    const a = Math.max(from, pos);
    const b = Math.min(to, pos + len);
    if (a < b) spans.push({ start: s.start + (a - pos), end: s.start + (b - pos) });
    pos += len;
  }
  return { type: 'text', value: text.value.slice(from, to), spans };
}

/** Join text nodes end to end (layout repair: the gap between them is dropped). */
export function concatText(...parts: Text[]): Text {
  return {
    type: 'text',
    value: parts.map((p) => p.value).join(''),
    spans: parts.flatMap((p) => p.spans.map((s) => ({ ...s }))),
  };
}

/** Trim leading and trailing whitespace from a text node. */
export function trimText(text: Text): Text {
  const start = text.value.length - text.value.trimStart().length;
  const end = text.value.trimEnd().length;
  return sliceText(text, start, Math.max(start, end));
}
