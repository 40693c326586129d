/**
 * The search lexicon, made at build time (Node): what the browser needs to fold and cut
 * queries exactly as the build does.
 *
 * - Vocabulary: every word nodejieba (with the domain dictionary) cuts from the corpus, with
 *   jieba's frequency, then tuned until the browser's cut of every corpus sentence and every
 *   dictionary term equals nodejieba's.
 * - Traditional → simplified: OpenCC's conversion of every CJK character whose simplified
 *   form occurs in the corpus (a character outside the corpus can never match anyway).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { DEFAULT_FREQ, cut as jiebaCut, dictionaryEntries } from '../../pipeline/segment';
import { type CharMap, fold } from '../../browser/fold';
import { addText, bestRoute, routeWords, vocabulary, wordGraph, wordLogp } from '../../browser/search/segmenter';

/** jieba's own dictionary frequencies (the dictionary nodejieba loads). */
export function jiebaFrequencies(): { freqs: Map<string, number>; total: number; minFreq: number } {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('nodejieba/package.json'));
  const text = readFileSync(path.join(dir, 'submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8');
  const freqs = new Map<string, number>();
  let total = 0;
  let minFreq = Infinity;
  for (const m of text.matchAll(/^(\S+) (\d+)/gm)) {
    const f = Number(m[2]);
    freqs.set(m[1], f);
    total += f;
    if (f < minFreq) minFreq = f;
  }
  return { freqs, total, minFreq };
}

/** The sentences of a text, folded: what lies between punctuation marks. */
export function sentences(text: string, t2s: CharMap = {}): string[] {
  return text
    .split(/[\p{P}\p{S}\s]+/u)
    .map((s) => fold(s, t2s))
    .filter((s) => s.length > 0);
}

/** nodejieba's cut of a folded sentence (the build's segmentation). */
export function buildCut(folded: string): string[] {
  return jiebaCut(folded).filter((w) => w.trim() !== '');
}

export interface LexiconReport {
  words: number;
  sentences: number;
  /** Sentences (and dictionary terms) whose browser cut equals nodejieba's, after tuning. */
  agreeing: number;
  /** The tuning round whose frequencies were kept. */
  rounds: number;
}

/**
 * Word frequencies for the browser's segmenter: jieba's frequencies for the words nodejieba
 * cuts from the corpus and for the dictionary terms, tuned so that the maximum-probability
 * cut reproduces nodejieba's cut (which also uses an HMM for unknown words) on every sentence.
 */
export function buildVocabulary(
  texts: string[],
  { maxRounds = 30, patience = 6 } = {},
): { freqs: Map<string, number>; total: number; minFreq: number; report: LexiconReport } {
  const { freqs: jieba, total, minFreq } = jiebaFrequencies();
  const user = new Map(dictionaryEntries().map((e) => [fold(e.word), e.freq ?? DEFAULT_FREQ] as const));
  const samples = [...new Set([...texts.flatMap((t) => sentences(t)), ...user.keys()])].sort();
  const targets = samples.map(buildCut);
  const freqs = new Map<string, number>();
  const fallback = 3; // a word nodejieba found by its HMM, not in any dictionary
  for (const words of targets) {
    for (const w of words) if (!freqs.has(w)) freqs.set(w, user.get(w) ?? jieba.get(w) ?? fallback);
  }
  for (const [w, f] of user) if (!freqs.has(w)) freqs.set(w, f);

  // Tune: raise the words nodejieba cut that the browser missed, lower those it made instead,
  // and keep the best round (a few sentences conflict: nodejieba's HMM depends on context).
  // Tuning changes frequencies, not which words there are, so every sentence's word graph is
  // made once and each round only weighs it anew.
  const graph = wordGraph();
  const chars = samples.map((s) => [...s]);
  const initial = vocabulary(freqs, total, minFreq);
  const starts = chars.map((c) => addText(graph, c, initial));
  const wanted = targets.map((words) => words.map((w) => [...w].length));
  let best = { agreeing: -1, freqs: new Map(freqs), rounds: 0 };
  for (let rounds = 0; rounds < maxRounds; rounds++) {
    const logp = wordLogp(graph, vocabulary(freqs, total, minFreq));
    let agreeing = 0;
    const raise = new Set<string>();
    const lower = new Set<string>();
    samples.forEach((_, i) => {
      const next = bestRoute(graph, starts[i], chars[i].length, logp);
      if (follows(next, wanted[i])) {
        agreeing += 1;
        return;
      }
      const got = routeWords(chars[i], next);
      const want = targets[i];
      const gotSet = new Set(got);
      const wantSet = new Set(want);
      for (const w of want) if (!gotSet.has(w)) raise.add(w);
      for (const w of got) if (!wantSet.has(w) && [...w].length > 1) lower.add(w);
    });
    if (agreeing > best.agreeing) best = { agreeing, freqs: new Map(freqs), rounds };
    if (agreeing === samples.length || rounds - best.rounds >= patience) break;
    for (const w of raise) freqs.set(w, Math.ceil((freqs.get(w) ?? fallback) * 2));
    for (const w of lower) if (!raise.has(w)) freqs.set(w, Math.max(1, Math.floor((freqs.get(w) ?? 2) / 2)));
  }
  const report = { words: best.freqs.size, sentences: samples.length, agreeing: best.agreeing, rounds: best.rounds };
  return { freqs: best.freqs, total, minFreq, report };
}

/** Whether a route (bestRoute) cuts a text into words of these lengths, in order. */
function follows(next: Int32Array, lengths: readonly number[]): boolean {
  let at = 0;
  for (const length of lengths) {
    if (next[at] !== at + length) return false;
    at += length;
  }
  return at === next.length - 1;
}

/** Traditional → simplified for every CJK character whose simplified form occurs in the corpus. */
export function buildCharMap(texts: string[]): CharMap {
  const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
  const corpus = new Set([...texts.join('')]);
  const map: CharMap = {};
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const c = String.fromCodePoint(cp);
    const s = toSimplified(c);
    if (s !== c && [...s].length === 1 && corpus.has(s)) map[c] = s;
  }
  return map;
}
