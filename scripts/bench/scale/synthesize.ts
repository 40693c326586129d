/**
 * Synthetic libraries for the scale benchmark: N copies of the real sources, each copy
 * written in its own "cipher" so that the copies are different texts with the same shape.
 *
 * Every copy but the first (the real sources, unchanged) replaces each word of the sources by
 * another word of the same length, through a permutation of the corpus's vocabulary drawn
 * for that copy. Layout, punctuation, digits, numbering (一、 （三） 14. 一是 第七条) and the
 * words the parser keys on (牵头单位, 摘要, 文件, 号…) are kept, so every copy parses into the
 * same documents and clauses as the real sources. Because one copy applies one permutation to
 * all its sources:
 * - the two plan transcriptions of a copy stay transcriptions of each other, with the same
 *   differences, and the annex items of a copy still restate its opinion's clauses;
 * - different copies share few word sequences, so the search index is not trivially
 *   compressible, while the vocabulary (and so the shipped lexicon) stays the corpus's own.
 */
import { createRng, subSeed } from '../rng';

/** Words the parser or the numbering rely on: never replaced, and never used as replacements. */
export const PROTECTED_WORDS = new Set([
  '文件',
  '号',
  '年',
  '月',
  '日',
  '版',
  '上接',
  '第',
  '条',
  '附件',
  '附',
  '件',
  '牵头单位',
  '参加单位',
  '责任单位',
  '配合单位',
  '牵头',
  '参加',
  '单位',
  '责任',
  '配合',
  '摘要',
  '关键词',
  '中图分类号',
  '文献标识码',
  '文章编号',
  '收稿日期',
  '收稿',
  '日期',
  '责任编辑',
  '编辑',
  '作者简介',
  '作者',
  '简介',
  '资料来源',
  '资料',
  '来源',
  '示意图',
  '统计图',
  '分布图',
  '图',
  '是',
]);

const HAN_WORD = /^\p{Script=Han}+$/u;
const CHINESE_NUMERALS = /^[一二三四五六七八九十百千零〇两]+(是)?$/u;

/** Whether a token may be replaced: a word of Han characters that is neither protected nor a numeral. */
export function isReplaceable(token: string): boolean {
  return HAN_WORD.test(token) && !PROTECTED_WORDS.has(token) && !CHINESE_NUMERALS.test(token);
}

/** The replaceable words of some token lists, each once, in first-seen order. */
export function vocabulary(tokenLists: Iterable<readonly string[]>): string[] {
  const seen = new Set<string>();
  for (const tokens of tokenLists) for (const t of tokens) if (isReplaceable(t)) seen.add(t);
  return [...seen];
}

/**
 * A cipher: a permutation of the vocabulary that maps each word to a word of the same length
 * (drawn with a seeded shuffle per length), so text keeps its length and shape.
 */
export function makeCipher(vocab: readonly string[], seed: number): Map<string, string> {
  const byLength = new Map<number, string[]>();
  for (const w of vocab) {
    const n = [...w].length;
    let group = byLength.get(n);
    if (!group) byLength.set(n, (group = []));
    group.push(w);
  }
  const cipher = new Map<string, string>();
  for (const [n, group] of [...byLength].sort((a, b) => a[0] - b[0])) {
    const rng = createRng(subSeed(seed, `length-${n}`));
    const shuffled = [...group];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    group.forEach((w, i) => cipher.set(w, shuffled[i]!));
  }
  return cipher;
}

/** A text in a cipher: its tokens (which join to the text) with every replaceable word replaced. */
export function encipher(tokens: readonly string[], cipher: ReadonlyMap<string, string>): string {
  return tokens.map((t) => cipher.get(t) ?? t).join('');
}

/** A source cut line by line; lines the parser reads as page furniture ((上接第2版)…) are kept whole. */
export function cutLines(text: string, cut: (line: string) => string[], isFurniture: (line: string) => boolean): string[][] {
  return text.split('\n').map((line) => (isFurniture(line.trim()) ? [line] : cut(line)));
}

/** A source in a cipher, from its lines' tokens. */
export function encipherLines(lines: readonly (readonly string[])[], cipher: ReadonlyMap<string, string>): string {
  return lines.map((tokens) => (tokens.length === 1 ? tokens[0] : encipher(tokens, cipher))).join('\n');
}

/** One source's metadata (content/sources/<seed>.json), as far as the synthesizer needs it. */
export interface SourceMetaFile {
  source: string;
  documents: { id: string; title?: string; annexOf?: string; [key: string]: unknown }[];
}

/** The metadata of a copy of a source: new file name, document ids (and the annexes' parents) made unique, titles marked as synthetic. */
export function copyMeta(meta: SourceMetaFile, file: string, copy: number): SourceMetaFile {
  const tag = `（合成副本${copy}）`;
  return {
    ...meta,
    source: file,
    documents: meta.documents.map((d) => ({
      ...d,
      id: `${d.id}-s${copy}`,
      ...(d.title ? { title: d.title + tag } : {}),
      ...(d.annexOf ? { annexOf: `${d.annexOf}-s${copy}` } : {}),
    })),
  };
}

/** The file name of a copy of a seed: copies sort after the real sources, copy by copy. */
export function copyFileName(file: string, copy: number): string {
  return copy === 0 ? file : `s${String(copy).padStart(3, '0')}-${file}`;
}

/**
 * The five sources the library started from: the scale benchmark's baseline (its figures in the
 * README are multiples of these), and the texts the hand-checked tests are about.
 */
export const BASELINE_SOURCES: readonly string[] = [
  '000_5988d93a2f9083af.txt',
  '001_42e14eb1134fccac.txt',
  '002_0a478edff0f21451.txt',
  '003_73b9ced2cff9b3a0.txt',
  '004_c5ab4ba5001bdcd8.txt',
];

/** Where to find the real library and where to write a synthetic one. */
export interface SynthesizeOptions {
  seedsDir: string;
  metaDir: string;
  /** The seed files to copy (default: every seed of seedsDir). */
  sources?: readonly string[];
  outDir: string;
  /** Copies of the library, the real one included (1 = just the real sources). */
  factor: number;
  seed: number;
  /** Decode a seed file (bytes → text), as the build does. */
  decode: (bytes: Uint8Array, file: string) => string;
  /** Segment a text losslessly (the build's jieba cut). */
  cut: (text: string) => string[];
  /** Whether a line is page furniture that must stay as printed. */
  isFurniture: (line: string) => boolean;
}

/** Write `factor` copies of the sources and their metadata into outDir/seeds and outDir/sources; returns the seed files written. */
export async function writeSyntheticLibrary(opts: SynthesizeOptions): Promise<string[]> {
  const { mkdir, readdir, readFile, writeFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const seedsOut = join(opts.outDir, 'seeds');
  const metaOut = join(opts.outDir, 'sources');
  await mkdir(seedsOut, { recursive: true });
  await mkdir(metaOut, { recursive: true });
  const files = (await readdir(opts.seedsDir)).filter((f) => f.endsWith('.txt') && (!opts.sources || opts.sources.includes(f))).sort();
  const sources = await Promise.all(
    files.map(async (file) => {
      const text = opts.decode(await readFile(join(opts.seedsDir, file)), file);
      const meta = JSON.parse(await readFile(join(opts.metaDir, file.replace(/\.txt$/, '.json')), 'utf8')) as SourceMetaFile;
      return { file, lines: cutLines(text, opts.cut, opts.isFurniture), text, meta };
    }),
  );
  const vocab = vocabulary(sources.flatMap((s) => s.lines));
  const written: string[] = [];
  for (let copy = 0; copy < opts.factor; copy++) {
    const cipher = copy === 0 ? new Map<string, string>() : makeCipher(vocab, subSeed(opts.seed, `copy-${copy}`));
    for (const s of sources) {
      const name = copyFileName(s.file, copy);
      await writeFile(join(seedsOut, name), copy === 0 ? s.text : encipherLines(s.lines, cipher));
      await writeFile(join(metaOut, name.replace(/\.txt$/, '.json')), `${JSON.stringify(copy === 0 ? s.meta : copyMeta(s.meta, name, copy), null, 2)}\n`);
      written.push(name);
    }
  }
  return written;
}
