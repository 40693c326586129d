/**
 * One segmentation, end to end: in real Chromium, the search lexicon the build ships (its
 * vocabulary in shards, loaded per query as the search page loads them) cuts every
 * dictionary term and sampled corpus sentences exactly as the build cuts them, and
 * (for all but a handful of sentences, where nodejieba's HMM depends on context) as
 * nodejieba with the domain dictionary cuts them. Reads the shared built site
 * (support/site.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../scripts/lib/local-site';
import { dictionaryEntries } from '../../src/pipeline/segment';
import { fold } from '../../src/browser/fold';
import { buildCut, sentences } from '../../src/integrations/search/lexicon';
import { LEXICON_FILE, type LexiconData } from '../../src/browser/search/files';
import { OFFLINE_FILE, type OfflineData } from '../../src/browser/search/offline';
import { cut, parseFreqs, vocabulary } from '../../src/browser/search/segmenter';
import { ROOT, sharedSite, SKIP_E2E } from './support/site';
import { borrowChromium } from './support/browser';

let SITE = '';

describe.skipIf(SKIP_E2E)('segmentation in the browser', () => {
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let base = '';
  let samples: string[] = [];
  let browserCuts: string[][] = [];
  let lexicon: LexiconData;

  beforeAll(async () => {
    SITE = sharedSite();
    // The whole lexicon, as the offline data holds it.
    const offline = readFileSync(path.join(SITE, 'search', OFFLINE_FILE), 'utf8');
    lexicon = (JSON.parse(offline.slice(offline.indexOf('=') + 1).replace(/;\s*$/, '')) as OfflineData).lexicon;
    const clauses = JSON.parse(readFileSync(path.join(SITE, 'data/clauses.json'), 'utf8')) as { heading?: string; text: string }[];
    const all = [...new Set(clauses.flatMap((c) => sentences([c.heading ?? '', c.text].join('\n'))))];
    // Every dictionary term, and every seventh corpus sentence (a fixed, spread-out sample).
    samples = [...new Set([...dictionaryEntries().map((e) => fold(e.word)), ...all.filter((_, i) => i % 7 === 0)])];

    ({ proc: server, base } = await serveSite(SITE));
    const bundle = await build({
      stdin: {
        contents: [
          "export { onlineVocabulary } from './src/browser/search/engine';",
          "export { fetchGzipJson, wordsFile } from './src/browser/search/files';",
          "export { cut } from './src/browser/search/segmenter';",
        ].join(' '),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'Seg',
      write: false,
    });
    browser = await borrowChromium();
    // The segmenter is injected as an inline script, which the site's own policy refuses.
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(`${base}/index.html`);
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    browserCuts = await page.evaluate(
      async ({ search, lexiconFile, samples }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bundle's exports, typed on the Node side only
        const S = (globalThis as unknown as { Seg: any }).Seg;
        const lex = await S.fetchGzipJson(`${search}/${lexiconFile}`);
        const vocabFor = S.onlineVocabulary(lex, (k: number) => S.fetchGzipJson(`${search}/${S.wordsFile(k)}`));
        const out: string[][] = [];
        for (const s of samples) out.push(S.cut(s, await vocabFor(s)));
        return out;
      },
      { search: `${base}/search`, lexiconFile: LEXICON_FILE, samples },
    );
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('cuts every dictionary term and every sampled sentence exactly as the build does', () => {
    const vocab = vocabulary(parseFreqs(lexicon.words), lexicon.total, lexicon.minFreq);
    expect(samples.length).toBeGreaterThan(700);
    const differ = samples.filter((s, i) => browserCuts[i].join('|') !== cut(s, vocab).join('|'));
    expect(differ).toEqual([]);
  });

  it('agrees with nodejieba on every dictionary term and at least 99.5% of the sampled sentences', () => {
    const terms = new Set(dictionaryEntries().map((e) => fold(e.word)));
    const differ = samples.filter((s, i) => browserCuts[i].join('|') !== buildCut(s).join('|'));
    expect(differ.filter((s) => terms.has(s))).toEqual([]);
    expect(differ.length / samples.length).toBeLessThanOrEqual(0.005);
  });
});
