#!/usr/bin/env tsx
/**
 * Print a fixed-seed sample of a built site's related-clause pairs and index terms, for judging
 * by hand whether a reader would keep them (is the pair on one subject a reader would follow?
 * is the term one a union official would look up?). Run it on two builds to compare them.
 *
 * Usage: npm run sample:links -- [SITE_DIR] [--seed N] [--size N]   (defaults: dist, 13, 20)
 * Reads SITE_DIR/data/clauses.json and SITE_DIR/data/terms.json (docs/contracts.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createRng } from './bench/rng';
import { argsOrExit } from './lib/cli.mjs';

interface ClauseJson {
  id: string;
  heading?: string;
  text: string;
  links: { rel: string; id: string }[];
}

/** The unordered related pairs of the clauses ("a ↔ b" with a < b), each once. */
export function relatedPairs(clauses: readonly ClauseJson[]): [string, string][] {
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  for (const c of clauses)
    for (const l of c.links)
      if (l.rel === 'related') {
        const [a, b] = c.id < l.id ? [c.id, l.id] : [l.id, c.id];
        if (!seen.has(`${a}\t${b}`)) {
          seen.add(`${a}\t${b}`);
          pairs.push([a, b]);
        }
      }
  return pairs;
}

function main(): void {
  const { values, positionals } = argsOrExit(
    () => {
      const parsed = parseArgs({ options: { seed: { type: 'string', default: '13' }, size: { type: 'string', default: '20' } }, allowPositionals: true });
      for (const name of ['seed', 'size'] as const)
        if (!/^\d+$/.test(parsed.values[name])) throw new Error(`--${name} needs a non-negative integer, got "${parsed.values[name]}"`);
      return parsed;
    },
    'sample:links',
    'npm run sample:links -- [SITE_DIR] [--seed N] [--size N]',
  );
  const site = positionals[0] ?? 'dist';
  const read = <T>(name: string): T => JSON.parse(readFileSync(path.join(site, 'data', name), 'utf8')) as T;
  const clauses = read<ClauseJson[]>('clauses.json');
  const terms = read<{ term: string; clauses: string[] }[]>('terms.json');
  const seed = Number(values.seed);
  const size = Number(values.size);
  const byId = new Map(clauses.map((c) => [c.id, c]));
  const cut = (c: ClauseJson | undefined) => {
    const s = `${c?.heading ?? ''}${c?.text ?? ''}`.replace(/\n/g, ' ');
    return [...s].length > 110 ? `${[...s].slice(0, 110).join('')}…` : s;
  };
  const pairs = relatedPairs(clauses);
  const withRelated = clauses.filter((c) => c.links.some((l) => l.rel === 'related')).length;
  console.log(`## Related pairs: ${pairs.length} pairs; ${withRelated} of ${clauses.length} clauses have one; seed ${seed}\n`);
  createRng(seed)
    .sample(pairs, size)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .forEach(([a, b], i) => console.log(`${i + 1}. ${a} ↔ ${b}\n   A: ${cut(byId.get(a))}\n   B: ${cut(byId.get(b))}`));
  console.log(`\n## Terms: ${terms.length} in the index; seed ${seed}\n`);
  createRng(seed)
    .sample(terms, size)
    .sort((x, y) => x.term.localeCompare(y.term, 'zh'))
    .forEach((t, i) => console.log(`${i + 1}. ${t.term} (${t.clauses.length} clauses)`));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
