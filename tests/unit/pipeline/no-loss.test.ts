/**
 * Nothing is lost: for every source, the parse tree accounts for every character.
 * Each text node's value is exactly its source spans; the spans never overlap; and every
 * character of the source outside them is whitespace (line breaks, blank lines, the spaces
 * that pad hard-wrapped newspaper columns).
 */
import { describe, expect, it } from 'vitest';
import { buildLibrary } from '../../../src/library';
import { META, SEEDS, parsed, seeds, textsOf } from './helpers';

const nonSpace = (s: string) => [...s].filter((c) => !/\s/.test(c));
const counts = (chars: string[]) => chars.reduce((m, c) => m.set(c, (m.get(c) ?? 0) + 1), new Map<string, number>());

describe.each(seeds())('source %s', (file) => {
  const { tree } = parsed(file);
  const texts = tree.children.flatMap(textsOf);

  it('keeps every text node exactly equal to the source characters it came from', () => {
    for (const t of texts) expect(t.spans.map((s) => tree.text.slice(s.start, s.end)).join('')).toBe(t.value);
  });

  it('uses no source character twice', () => {
    const spans = texts.flatMap((t) => t.spans).sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
  });

  it('accounts for every character that is not whitespace, in source order', () => {
    const spans = texts.flatMap((t) => t.spans).sort((a, b) => a.start - b.start);
    const covered = spans.map((s) => tree.text.slice(s.start, s.end)).join('');
    expect(nonSpace(covered).join('')).toBe(nonSpace(tree.text).join(''));
  });
});

describe('the open data', () => {
  const lib = buildLibrary({ seedsDir: SEEDS, metaDir: META });

  it.each(seeds())('holds every non-whitespace character of %s in its clauses and document fields', async (file) => {
    const { tree } = parsed(file);
    const docs = lib.documents.filter((d) => d.source === file);
    const chars: string[] = [];
    const outline = (entries: (typeof docs)[number]['outline']) => {
      for (const e of entries) {
        chars.push(...nonSpace([e.markup ?? '', e.marker ?? '', e.title ?? '', ...(e.columns ?? [])].join('')));
        outline(e.children);
      }
    };
    for (const d of docs) {
      for (const f of d.furniture) chars.push(...nonSpace(f.text));
      outline(d.outline);
    }
    for (const c of lib.clauses.filter((c) => c.source === file)) chars.push(...nonSpace([c.markup ?? '', c.marker ?? '', c.heading ?? '', c.text].join('')));
    expect(counts(chars)).toEqual(counts(nonSpace(tree.text)));
  });
});
