import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../../../src/pipeline/decode';
import { placeClauses } from '../../../../src/pipeline/ids';
import { parseSource } from '../../../../src/pipeline/parse';
import { clauseText } from '../../../../src/pipeline/records';
import { dictionaryEntries } from '../../../../src/pipeline/segment';
import { fold } from '../../../../src/browser/fold';
import { buildCut, buildVocabulary, sentences } from '../../../../src/integrations/search/lexicon';
import {
  addText,
  bestRoute,
  cut,
  parseFreqs,
  queryWords,
  routeWords,
  serialiseFreqs,
  vocabulary,
  wordGraph,
  wordLogp,
} from '../../../../src/browser/search/segmenter';
import { ROOT, fromSeeds, repositoryLibrary } from '../../pipeline/helpers';

/** The heading and text of every clause of the test corpus (tests/fixtures/corpus/<slug>/source.txt), parsed as corpus.test.ts parses them. */
function corpusClauseTexts(): string[] {
  const dir = path.join(ROOT, 'tests/fixtures/corpus');
  return readdirSync(dir).flatMap((slug) => {
    const { tree } = parseSource(slug, decodeSource(readFileSync(path.join(dir, slug, 'source.txt')), slug));
    return tree.children.flatMap((d, i) => placeClauses(d, `d${i}`)).map(({ clause }) => [clause.heading?.value ?? '', clauseText(clause.children)].join('\n'));
  });
}

describe('the query segmenter', () => {
  const v = vocabulary(
    [
      ['农民工', 500],
      ['欠薪', 300],
      ['农民', 800],
      ['工', 2000],
      ['集体协商指导员', 50],
      ['培训', 900],
      ['集体', 1000],
      ['协商', 900],
    ],
    1e6,
    1,
  );

  it('cuts by the most probable route', () => {
    expect(cut('农民工欠薪', v)).toEqual(['农民工', '欠薪']);
    expect(cut('集体协商指导员培训', v)).toEqual(['集体协商指导员', '培训']);
  });

  it('keeps unknown runs of characters together as one word to look for', () => {
    expect(queryWords('农民工讨薪', v)).toEqual(['农民工', '讨薪']);
  });

  it('cuts texts that share one word graph as it cuts each on its own', () => {
    const texts = ['农民工欠薪', '集体协商指导员培训', '讨薪', '集体农民工'];
    const graph = wordGraph();
    const placed = texts.map((t) => ({ chars: [...t], start: addText(graph, [...t], v) }));
    const logp = wordLogp(graph, v);
    const routes = placed.map(({ chars, start }) => routeWords(chars, bestRoute(graph, start, chars.length, logp)));
    expect(routes).toEqual(texts.map((t) => cut(t, v)));
    expect(routes[2]).toEqual(['讨', '薪']);
  });

  it('reads back the frequencies it writes', () => {
    const freqs = new Map([
      ['职工', 12],
      ['工会', 7],
    ]);
    expect(parseFreqs(serialiseFreqs(freqs))).toEqual(freqs);
  });
});

describe('agreement with the build (nodejieba and the domain dictionary)', () => {
  const library = repositoryLibrary();
  const texts = library.clauses.map((c) => [c.heading ?? '', c.text].join('\n'));
  const { freqs, total, minFreq, report } = buildVocabulary(texts);
  const vocab = vocabulary(freqs, total, minFreq);

  it('cuts every dictionary term (folded) exactly as nodejieba does, and most of them whole', () => {
    const terms = dictionaryEntries().map((e) => fold(e.word));
    for (const term of terms) expect(cut(term, vocab), term).toEqual(buildCut(term));
    const whole = terms.filter((t) => cut(t, vocab).length === 1);
    expect(whole.length / terms.length).toBeGreaterThan(0.95);
  });

  it('cuts at least 99.5% of the corpus sentences exactly as nodejieba does', () => {
    const all = [...new Set(texts.flatMap((t) => sentences(t)))];
    const agree = all.filter((s) => cut(s, vocab).join('|') === buildCut(s).join('|')).length;
    expect(agree / all.length).toBeGreaterThanOrEqual(0.995);
    expect(report.agreeing).toBeGreaterThanOrEqual(Math.floor(report.sentences * 0.995));
  });

  it('cuts compounds typed without spaces into their words', () => {
    expect(queryWords('农民工欠薪', vocab)).toEqual(['农民工', '欠薪']);
    expect(queryWords('集体协商指导员培训', vocab)).toEqual(['集体协商指导员', '培训']);
  });
}, 60_000);

/**
 * The build tunes the vocabulary on the very sentences the test above measures. Here it is
 * tuned on the five sources the library started from alone, and measured on the test corpus
 * of the issue on adding texts, which that tuning never saw. (All eleven corpus texts are now
 * also library sources, 005–015, so the library's own vocabulary has seen them; the five
 * starting sources hold none of them.)
 *
 * Measured when this test was written: 5200 unseen sentences (not among the tuning's
 * sentences and dictionary terms). Only 1035 (19.9%) are cut exactly as nodejieba cuts them,
 * and 68.9% of nodejieba's words are found: the vocabulary holds only the words of the texts
 * it was made from (lexicon.ts), so a sentence with other words (人民, 适用, 本法 are not among
 * the five sources' words) cannot be cut as nodejieba cuts it. That share measures the
 * vocabulary's reach, not the cut, so it is no bar. The bars are on what the vocabulary knows:
 * of the 946 sentences whose words it all knows, all 946 are cut exactly (a tuning that fitted
 * the seen sentences at the cost of others would break these), and of the 16370 words of two
 * or more characters it knows, in all unseen sentences, 16331 (99.76%) are cut whole. Both
 * bars are the 99.5% the tuned sentences must reach. Neither tells tuned frequencies from
 * untuned ones on these sentences (untuned: 946 and 99.74%); the test above does that.
 */
describe('agreement with the build on texts the tuning never saw (the test corpus)', () => {
  const tuning = repositoryLibrary()
    .clauses.filter(fromSeeds)
    .map((c) => [c.heading ?? '', c.text].join('\n'));
  const { freqs, total, minFreq } = buildVocabulary(tuning);
  const vocab = vocabulary(freqs, total, minFreq);
  const seen = new Set([...tuning.flatMap((t) => sentences(t)), ...dictionaryEntries().map((e) => fold(e.word))]);
  const unseen = [...new Set(corpusClauseTexts().flatMap((t) => sentences(t)))].filter((s) => !seen.has(s));
  const agrees = (s: string) => cut(s, vocab).join('|') === buildCut(s).join('|');

  it('cuts at least 99.5% of the unseen sentences whose words it knows exactly as nodejieba does', () => {
    const known = unseen.filter((s) => buildCut(s).every((w) => freqs.has(w)));
    expect(known.length).toBeGreaterThanOrEqual(500); // not a vacuous share (946 when written)
    expect(known.filter(agrees).length / known.length).toBeGreaterThanOrEqual(0.995);
  });

  it('cuts at least 99.5% of the known words of unseen sentences whole where nodejieba does', () => {
    let found = 0;
    let words = 0;
    for (const s of unseen) {
      const browser = new Set(cut(s, vocab));
      for (const w of buildCut(s).filter((w) => freqs.has(w) && [...w].length > 1)) {
        words += 1;
        if (browser.has(w)) found += 1;
      }
    }
    expect(words).toBeGreaterThanOrEqual(10_000); // not a vacuous share (16370 when written)
    expect(found / words).toBeGreaterThanOrEqual(0.995);
  });
}, 60_000);
