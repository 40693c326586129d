import { describe, expect, it } from 'vitest';
import { dictionaryEntries } from '../../../src/pipeline/segment';
import { fold } from '../../../src/search/fold';
import { buildCut, buildVocabulary, sentences } from '../../../src/search/lexicon';
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
} from '../../../src/search/segmenter';
import { buildLibrary } from '../../../src/library';

describe('the query segmenter', () => {
  const v = vocabulary(
    [['农民工', 500], ['欠薪', 300], ['农民', 800], ['工', 2000], ['集体协商指导员', 50], ['培训', 900], ['集体', 1000], ['协商', 900]],
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
    const freqs = new Map([['职工', 12], ['工会', 7]]);
    expect(parseFreqs(serialiseFreqs(freqs))).toEqual(freqs);
  });
});

describe('agreement with the build (nodejieba and the domain dictionary)', () => {
  const library = buildLibrary();
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
