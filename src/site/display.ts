/** How clauses are named in lists and headings. */
import type { ClauseRecord } from '../model';

/** The clause number as printed, with its punctuation ("14.", "一是", "（三）"); null if unnumbered. */
export function printedNumber(clause: Pick<ClauseRecord, 'number' | 'marker'>): string | null {
  const marker = clause.marker?.trim();
  if (marker) return marker;
  return clause.number;
}

/** The first `max` characters of a text (first paragraph only), with an ellipsis if cut. */
export function excerpt(text: string, max = 28): string {
  const first = text.split('\n', 1)[0].trim();
  const chars = Array.from(first);
  return chars.length > max ? `${chars.slice(0, max).join('')}……` : first;
}
