#!/usr/bin/env -S npx tsx
/**
 * Scale benchmark: build synthetic libraries 1×, 10× and 100× the real one and measure how the
 * build and the search grow.
 *
 * Usage: npm run bench:scale [-- options]
 *   --factors LIST   copies of the library to build (default 1,10,100)
 *   --seed N         seed of the synthetic texts and of the query sample (default 20251122)
 *   --queries N      sampled substring queries per library (default 40)
 *   --builds N       build each library N times and take each stage's median (default 1)
 *   --out FILE       raw results as JSON (default bench-results/scale.json)
 *   --keep           keep the temporary folder with the libraries and sites (its path is printed)
 *
 * For each factor it:
 * 1. writes the synthetic sources (scripts/bench/scale/synthesize.ts): the real sources plus
 *    factor − 1 copies, each in its own word cipher, so every copy has the real structure but
 *    other text;
 * 2. builds them with `node scripts/build.mjs` (TIAOWEN_SEEDS / TIAOWEN_META), timing the
 *    stages from the build's log and sampling the peak memory of the build and its children
 *    (with --builds N, the median of N builds of each stage and of the peak);
 * 3. measures the output: pages, site size, search index size, zip size;
 * 4. serves the site and, in headless Chromium: the bytes and time of a first query from a
 *    fresh browser, the bytes of a later query in the same page, the median latency of
 *    sampled substring queries, and their recall against the open data (every clause whose
 *    folded text contains the query must be found).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Request } from 'playwright-core';
import { decodeSource } from '../src/pipeline/decode';
import { ANNEX_MARKER, CONTINUED_FROM, FIGURE_CREDIT, pageFurnitureRole } from '../src/pipeline/furniture';
import { cut } from '../src/pipeline/segment';
import { bodyBytes, coldLoad, launch, navigateAndRead, Probe, searchUrl, submitAndTime } from './bench/browser';
import { median } from './bench/metrics';
import { makeCorpus, relevantIds, substringQueries, type CorpusClause } from './bench/queries';
import { createRng, subSeed } from './bench/rng';
import { folderSize, medianStages, stageTimes, watchPeakRss, type LogLine, type StageTimes } from './bench/scale/measure';
import { BASELINE_SOURCES, writeSyntheticLibrary } from './bench/scale/synthesize';
import { argsOrExit } from './lib/cli.mjs';
import { serveSite } from './lib/local-site';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const TIMEOUT_MS = 60_000;
/** Results asked for per query when measuring recall. */
const ALL_RESULTS = 1000;

interface Options {
  factors: number[];
  seed: number;
  queries: number;
  builds: number;
  out: string;
  keep: boolean;
  /** Synthesize from every seed, not only the five baseline sources. */
  allSources: boolean;
}

const USAGE = 'npm run bench:scale [-- --factors 1,10,100] [--seed N] [--queries N] [--builds N] [--out FILE] [--keep] [--all-sources]';

/** The options given on the command line (see the file comment), with their defaults. */
function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      factors: { type: 'string', default: '1,10,100' },
      seed: { type: 'string', default: '20251122' },
      queries: { type: 'string', default: '40' },
      builds: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench-results/scale.json' },
      keep: { type: 'boolean', default: false },
      'all-sources': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string) => (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive integer, got "${v}"`);
    return n;
  };
  return {
    factors: values.factors.split(',').map(int('factors')),
    seed: int('seed')(values.seed),
    queries: int('queries')(values.queries),
    builds: int('builds')(values.builds),
    out: values.out,
    keep: values.keep,
    allSources: values['all-sources'],
  };
}

const log = (msg: string) => console.error(`[scale] ${msg}`);
const isFurniture = (line: string) => CONTINUED_FROM.test(line) || pageFurnitureRole(line) !== null || ANNEX_MARKER.test(line) || FIGURE_CREDIT.test(line);

interface BuildResult {
  ok: boolean;
  stages: StageTimes;
  peakBytes: number;
  output: string;
}

/** Run the build of one synthetic library, timing its stages and sampling its memory. */
function build(seeds: string, meta: string, out: string): Promise<BuildResult> {
  return new Promise((done) => {
    const started = performance.now();
    const proc = spawn(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--out', out], {
      cwd: ROOT,
      env: { ...process.env, TIAOWEN_SEEDS: seeds, TIAOWEN_META: meta },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = watchPeakRss(proc.pid!);
    const lines: LogLine[] = [];
    let output = '';
    let partial = '';
    let lastProgress = 0;
    proc.stdout.on('data', (chunk: Buffer) => {
      const t = performance.now() - started;
      output += chunk.toString();
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      for (const text of parts) {
        lines.push({ t, text });
        // Progress for long builds: the stage lines, and at most one other line every 10 s.
        if (/stage |Pagefind finished|\[build\]/.test(text) || t - lastProgress > 10_000) {
          lastProgress = t;
          log(`  ${(t / 1000).toFixed(1)} s  ${text.trim().slice(0, 140)}`);
        }
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.on('exit', (code) => {
      const totalMs = performance.now() - started;
      if (partial) lines.push({ t: totalMs, text: partial });
      done({ ok: code === 0, stages: stageTimes(lines, totalMs), peakBytes: memory.stop(), output });
    });
  });
}

interface SearchResult {
  firstMs: number;
  firstBytes: number;
  laterBytes: number;
  latencyMs: number;
  recall: number;
  queries: number;
  /** Queries with more relevant clauses than one results page holds (recall counted over the first ALL_RESULTS). */
  capped: number;
}

/** Bytes of the responses to the requests a page makes while `action` runs. */
async function bytesDuring(probe: Probe, action: () => Promise<unknown>): Promise<number> {
  const requests: Request[] = [];
  const onRequest = (r: Request) => requests.push(r);
  probe.context.on('request', onRequest);
  try {
    await action();
  } finally {
    probe.context.off('request', onRequest);
  }
  const sizes = await Promise.all(
    requests.map((r) =>
      r.response().then(
        () => bodyBytes(r),
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** First-query cost, later-query bytes, latency and recall of sampled substring queries on a served site. */
async function measureSearch(browser: Browser, base: string, clauses: CorpusClause[], seed: number, count: number): Promise<SearchResult> {
  const corpus = makeCorpus(clauses);
  const queries = substringQueries(corpus, createRng(subSeed(seed, 'scale-substrings')), count);
  // First query: fresh contexts, three different queries, medians.
  const cold = [];
  for (const q of queries.slice(0, 3)) cold.push(await coldLoad(browser, searchUrl(base, q.q), TIMEOUT_MS));
  const probe = await Probe.create(browser);
  try {
    const page = await probe.context.newPage();
    await navigateAndRead(probe, page, searchUrl(base, queries[0]!.q), TIMEOUT_MS);
    // A later query: the bytes a second, different query fetches in the open page.
    const laterBytes = await bytesDuring(probe, () => submitAndTime(probe, page, queries[1]!.q, TIMEOUT_MS));
    const latencies: number[] = [];
    for (const q of queries) latencies.push((await submitAndTime(probe, page, q.q, TIMEOUT_MS)).ms);
    let found = 0;
    let wanted = 0;
    let capped = 0;
    for (const q of queries) {
      const relevant = relevantIds(q, corpus);
      const listing = await navigateAndRead(probe, page, searchUrl(base, q.q, ALL_RESULTS), TIMEOUT_MS);
      const ids = new Set(listing.hrefs.map((h) => (h ? new URL(h).pathname.replace(/^\//, '').replace(/\.html$/, '') : '')));
      if (relevant.length > ALL_RESULTS) capped++;
      wanted += Math.min(relevant.length, ALL_RESULTS);
      found += Math.min(relevant.filter((id) => ids.has(id)).length, ALL_RESULTS);
    }
    return {
      firstMs: median(cold.map((c) => c.ms)),
      firstBytes: median(cold.map((c) => c.bytes)),
      laterBytes,
      latencyMs: median(latencies),
      recall: wanted ? found / wanted : 1,
      queries: queries.length,
      capped,
    };
  } finally {
    await probe.close();
  }
}

interface FactorResult {
  factor: number;
  documents: number;
  clauses: number;
  pages: number;
  siteBytes: number;
  indexBytes: number;
  zipBytes: number;
  build: Omit<BuildResult, 'output'>;
  search?: SearchResult;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const s = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '–');

/** The results side by side, one column per factor, each figure with its growth from the column before. */
export function formatScaleTable(results: readonly FactorResult[]): string {
  const rows: [string, (r: FactorResult) => string, ((r: FactorResult) => number)?][] = [
    ['documents / clauses', (r) => `${r.documents} / ${r.clauses}`, (r) => r.clauses],
    ['pages', (r) => String(r.pages)],
    ['build total s', (r) => s(r.build.stages.total), (r) => r.build.stages.total],
    ['  setup s', (r) => s(r.build.stages.setup), (r) => r.build.stages.setup],
    ['  parse s', (r) => s(r.build.stages.parse), (r) => r.build.stages.parse],
    ['  segment s', (r) => s(r.build.stages.segment), (r) => r.build.stages.segment],
    ['  link s', (r) => s(r.build.stages.link), (r) => r.build.stages.link],
    ['  pages s', (r) => s(r.build.stages.pages), (r) => r.build.stages.pages],
    ['  index s', (r) => s(r.build.stages.index), (r) => r.build.stages.index],
    ['  bundle s', (r) => s(r.build.stages.bundle), (r) => r.build.stages.bundle],
    ['peak memory MB', (r) => mb(r.build.peakBytes), (r) => r.build.peakBytes],
    ['site MB', (r) => mb(r.siteBytes), (r) => r.siteBytes],
    ['search index MB', (r) => mb(r.indexBytes), (r) => r.indexBytes],
    ['zip MB', (r) => (r.zipBytes ? mb(r.zipBytes) : '–'), (r) => r.zipBytes],
    ['first query KB', (r) => (r.search ? kb(r.search.firstBytes) : '–'), (r) => r.search?.firstBytes ?? NaN],
    ['first query ms', (r) => (r.search ? r.search.firstMs.toFixed(0) : '–'), (r) => r.search?.firstMs ?? NaN],
    ['later query KB', (r) => (r.search ? kb(r.search.laterBytes) : '–'), (r) => r.search?.laterBytes ?? NaN],
    ['median latency ms', (r) => (r.search ? r.search.latencyMs.toFixed(0) : '–'), (r) => r.search?.latencyMs ?? NaN],
    ['substring recall', (r) => (r.search ? `${r.search.recall.toFixed(3)} (${r.search.queries} q)` : '–')],
  ];
  const header = ['', ...results.map((r) => `${r.factor}×`)];
  const body = rows.map(([label, cell, value]) => [
    label,
    ...results.map((r, i) => {
      const text = cell(r);
      if (!value || i === 0) return text;
      const ratio = value(r) / value(results[i - 1]!);
      return Number.isFinite(ratio) && ratio > 0 ? `${text} (${ratio.toFixed(1)}×)` : text;
    }),
  ]);
  const table = [header, ...body];
  const widths = header.map((_, i) => Math.max(...table.map((row) => [...row[i]!].length)));
  return table.map((row) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main() {
  const opts = argsOrExit(() => readOptions(process.argv.slice(2)), 'bench:scale', USAGE);
  const work = await mkdtemp(join(tmpdir(), 'tiaowen-scale-'));
  const results: FactorResult[] = [];
  let browser: Browser | undefined;
  try {
    browser = await launch();
    for (const factor of opts.factors) {
      const dir = join(work, `x${factor}`);
      let t = performance.now();
      const files = await writeSyntheticLibrary({
        seedsDir: join(ROOT, 'seeds'),
        metaDir: join(ROOT, 'content', 'sources'),
        outDir: dir,
        sources: opts.allSources ? undefined : BASELINE_SOURCES,
        factor,
        seed: opts.seed,
        decode: decodeSource,
        cut,
        isFurniture,
      });
      log(`${factor}×: ${files.length} sources written in ${s(performance.now() - t)} s; building…`);
      t = performance.now();
      const site = join(dir, 'site');
      const runs: BuildResult[] = [];
      do runs.push(await build(join(dir, 'seeds'), join(dir, 'sources'), site));
      while (runs.at(-1)!.ok && runs.length < opts.builds);
      const built = { ...runs.at(-1)!, stages: medianStages(runs.map((r) => r.stages)), peakBytes: median(runs.map((r) => r.peakBytes)) };
      if (!built.ok) {
        log(`${factor}×: the build FAILED:\n${built.output.slice(-4000)}`);
        process.exitCode = 1;
        break;
      }
      const clauses = JSON.parse(await readFile(join(site, 'data', 'clauses.json'), 'utf8')) as (CorpusClause & { doc: string })[];
      const documents = JSON.parse(await readFile(join(site, 'data', 'documents.json'), 'utf8')) as unknown[];
      const zip = existsSync(site) ? folderSize(site, (n) => n.endsWith('.zip')) : { bytes: 0 };
      const result: FactorResult = {
        factor,
        documents: documents.length,
        clauses: clauses.length,
        pages: folderSize(site, (n) => n.endsWith('.html')).files,
        siteBytes: folderSize(site).bytes,
        indexBytes: folderSize(join(site, 'pagefind')).bytes + folderSize(join(site, 'search'), (n) => !n.endsWith('.html')).bytes,
        zipBytes: zip.bytes,
        build: { ok: built.ok, stages: built.stages, peakBytes: built.peakBytes },
      };
      log(
        `${factor}×: built in ${s(built.stages.total)} s${runs.length > 1 ? ` (median of ${runs.length})` : ''}, peak ${mb(built.peakBytes)} MB; ${result.clauses} clauses, ${result.pages} pages; measuring search…`,
      );
      const server = await serveSite(site);
      try {
        result.search = await measureSearch(browser, `${server.base}/`, clauses, opts.seed, opts.queries);
      } finally {
        server.proc.kill('SIGTERM');
      }
      results.push(result);
      if (!opts.keep) await rm(dir, { recursive: true, force: true });
    }
  } finally {
    await browser?.close();
    if (opts.keep) log(`kept ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
  if (results.length) {
    console.log(
      `\nScale benchmark (seed ${opts.seed}; search: ${opts.queries} sampled substrings per library, medians; builds per library: ${opts.builds}; (N×): growth from the column before)\n`,
    );
    console.log(formatScaleTable(results));
    const out = resolve(ROOT, opts.out);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`raw results in ${opts.out}`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
