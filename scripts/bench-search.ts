#!/usr/bin/env -S npx tsx
/**
 * Search benchmark: our search page against stock Pagefind over the same pages.
 *
 * Usage: npm run bench:search [-- options]
 *   --build          build the site first (node scripts/build.mjs); done anyway when dist/ is missing
 *   --dist DIR       the built site (default dist)
 *   --seed N         seed of the query sampling (default 20251122)
 *   --cold K         first-query measurements per class (fresh browser context each; default 6; "all")
 *   --worst N        worst queries listed per class and system (default 3)
 *   --out FILE       raw per-query results (default bench-results/search.json)
 *   --keep           keep the temporary folder with both sites (its path is printed)
 *   --fresh          quality pass: load every query from its URL in a fresh page state (slow, ~2× the run)
 *   --offline        instead: compare our online search (http) with the offline bundle's (file://)
 *   --net LINK       instead: both systems on an emulated network link (mobile: 150 ms, 1.6 Mbit/s down,
 *                    750 kbit/s up), K sessions each (--cold, default 6) of a first query by URL and 5 typed ones
 *
 * What it does (details in README.md, "Search benchmark"):
 * 1. Generates the query set from the open data (dist/data/clauses.json) with a seeded RNG:
 *    substrings, compounds, domain terms, identifiers, folding, traditional, separated words
 *    (scripts/bench/queries.ts).
 *    Ground truth is the benchmark's own FOLD over each clause's heading + text, never either
 *    system's output (scripts/bench/fold.ts).
 * 2. Builds the baseline: the built site's HTML pages indexed by stock Pagefind with default
 *    options, with a minimal search page that follows the search contract (scripts/bench/stock.ts).
 * 3. Serves both folders with scripts/serve.mjs and runs every query through both search
 *    pages in headless Chromium, with the same code (scripts/bench/browser.ts):
 *    - quality: all results (`&n=1000`) of every query, in one page per system that is opened
 *      on the first query's URL and then given each query through its search box (`--fresh`:
 *      each query loaded from its URL);
 *    - latency: in one open page per system, each query submitted through the page's search
 *      box, timed until its results are final;
 *    - first query: for K queries per class, a fresh context loads `search/index.html?q=…`;
 *      time from navigation start and bytes of every response until the results are final.
 * 4. Prints the side-by-side table and the worst queries, and writes the raw results as JSON.
 *
 * With --offline, steps 2–4 are replaced: the site's offline bundle (download/tiaowen-offline.zip)
 * is unpacked, every query runs through our search page served over http and through the
 * bundle's search page opened from disk (file://), and a line gives how many queries were
 * compared and how many differ in data-count or in their ordered result links (exit status 1
 * if any), with the offline first-query time (scripts/bench/offline.ts).
 *
 * With --net, steps 3–4 are replaced by sessions on the emulated link (scripts/bench/network.ts):
 * for each system, a fresh context opens the search page with a query, then submits five more
 * through its box; the table gives, per system, the median time to final results, requests,
 * bytes and sequential round trips of the first and of the later queries, side by side.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { domainTerms, words } from '../src/pipeline/segment';
import { coldLoad, launch, navigateAndRead, Probe, readAllResults, searchUrl, submitAndTime, type ColdLoad } from './bench/browser';
import { toTraditional } from './bench/fold';
import { aggregate, judge, median, pageKey, type Aggregate, type Judgement, type QueryOutcome } from './bench/metrics';
import { CLASSES, generateQueries, makeCorpus, relevantIds, type CorpusClause, type Query } from './bench/queries';
import { formatTable, type Row } from './bench/report';
import { BUNDLE_PATH, unzipBundle } from './lib/bundle.mjs';
import { argsOrExit } from './lib/cli.mjs';
import { serveSite } from './lib/local-site';
import { LINKS, networkSession, type NetworkSession, type QueryCost } from './bench/network';
import { compareOnlineOffline } from './bench/offline';
import { buildStockSite } from './bench/stock';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SYSTEMS = ['ours', 'stock'] as const;
type System = (typeof SYSTEMS)[number];
/** Results requested per query in the quality pass (the search page's `&n=`). */
const ALL_RESULTS = 1000;
const TIMEOUT_MS = 30_000;

// ───────────────────────────────────────────────────────────────────────── options

interface Options {
  build: boolean;
  dist: string;
  seed: number;
  cold: number;
  worst: number;
  out: string;
  keep: boolean;
  fresh: boolean;
  offline: boolean;
  net: string | undefined;
}

const USAGE = 'npm run bench:search [-- --build] [--dist DIR] [--seed N] [--cold K|all] [--worst N] [--out FILE] [--keep] [--fresh] [--offline] [--net mobile]';

/** The options given on the command line (see the file comment), with their defaults. */
function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      build: { type: 'boolean', default: false },
      dist: { type: 'string', default: 'dist' },
      seed: { type: 'string', default: '20251122' },
      cold: { type: 'string', default: '6' },
      worst: { type: 'string', default: '3' },
      out: { type: 'string', default: 'bench-results/search.json' },
      keep: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      offline: { type: 'boolean', default: false },
      net: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.net !== undefined && !(values.net in LINKS)) throw new Error(`--net needs one of ${Object.keys(LINKS).join(', ')}, got "${values.net}"`);
  const int = (name: string, v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a non-negative integer, got "${v}"`);
    return n;
  };
  return {
    build: values.build,
    dist: values.dist,
    seed: int('seed', values.seed),
    cold: values.cold === 'all' ? Infinity : int('cold', values.cold),
    worst: int('worst', values.worst),
    out: values.out,
    keep: values.keep,
    fresh: values.fresh,
    offline: values.offline,
    net: values.net,
  };
}

const log = (msg: string) => console.error(`[bench] ${msg}`);
/** Set once the benchmark stops its servers itself. */
let stopping = false;

// ───────────────────────────────────────────────────────────────────────── serving

/** Serve a folder on a free port; resolve with its base URL ("http://host:port/"). */
async function serve(dir: string): Promise<{ proc: ChildProcess; base: string }> {
  const server = await serveSite(dir);
  // A server that stops during the run makes every later query fail: say so at once.
  server.proc.on('exit', (code, signal) => {
    if (!stopping) log(`WARNING: the server of ${dir} stopped (${signal ?? `exit ${code}`}) during the run:\n${server.output().trim()}`);
  });
  return { proc: server.proc, base: `${server.base}/` };
}

// ───────────────────────────────────────────────────────────────────────── passes

/**
 * Latency: one page per system, opened on the first query; then every query (the first one
 * again included) is submitted through the page's search box and timed.
 */
interface Timed {
  ms: number;
  count: number;
  /** The submit loaded a new document instead of running in the open page. */
  navigated: boolean;
  /** The search box used. */
  box: string;
}

async function latencyPass(browser: Browser, base: string, queries: readonly Query[]): Promise<(Timed | undefined)[]> {
  const probe = await Probe.create(browser);
  const out: (Timed | undefined)[] = [];
  try {
    let page: Page = await probe.context.newPage();
    const open = async () => {
      await navigateAndRead(probe, page, searchUrl(base, queries[0]?.q ?? ''), TIMEOUT_MS);
    };
    await open();
    for (const q of queries) {
      try {
        const r = await submitAndTime(probe, page, q.q, TIMEOUT_MS);
        out.push({ ms: r.ms, count: r.count, navigated: r.navigated, box: r.box });
      } catch {
        out.push(undefined);
        await page.close().catch(() => {});
        page = await probe.context.newPage();
        await open().catch(() => {});
      }
    }
  } finally {
    await probe.close();
  }
  return out;
}

/** The queries measured cold: the first K of each class (in the set's order). */
function coldSubset(queries: readonly Query[], k: number): number[] {
  const taken = new Map<string, number>();
  const out: number[] = [];
  queries.forEach((q, i) => {
    const n = taken.get(q.class) ?? 0;
    if (n < k) {
      out.push(i);
      taken.set(q.class, n + 1);
    }
  });
  return out;
}

/** Median bytes per resource type over cold loads, e.g. "document 4.0, script 118.1, fetch 120.3". */
function formatByType(loads: readonly ColdLoad[]): string {
  const types = [...new Set(loads.flatMap((l) => l.requests.map((r) => r.type)))].sort();
  return types
    .map((type) => {
      const kb = median(loads.map((l) => l.requests.filter((r) => r.type === type).reduce((a, r) => a + r.bytes, 0))) / 1024;
      return `${type} ${kb.toFixed(1)}`;
    })
    .join(', ');
}

/**
 * Sessions on an emulated link (scripts/bench/network.ts): `sessions` per system, alternating
 * which goes first, each a first query by URL and the next five queries of the set typed into
 * the page. Returns the report: medians per system of time, requests, KB and round trips.
 */
async function networkPass(
  browser: Browser,
  base: Record<System, string>,
  queries: readonly Query[],
  linkName: string,
  sessions: number,
  chromium: string,
): Promise<string> {
  const link = LINKS[linkName]!;
  const runs: Record<System, NetworkSession[]> = { ours: [], stock: [] };
  const later = 5;
  const t = performance.now();
  // A discarded warm-up session each, so neither system pays for the browser's own start-up.
  for (const system of SYSTEMS) await networkSession(browser, (q) => searchUrl(base[system], q), queries[0]!.q, [], link, TIMEOUT_MS).catch(() => {});
  for (let k = 0; k < sessions; k++) {
    const at = (k * (later + 1) * 7) % queries.length;
    const picked = Array.from({ length: later + 1 }, (_, j) => queries[(at + j * 7) % queries.length]!.q);
    for (const system of k % 2 ? [...SYSTEMS].reverse() : SYSTEMS) {
      runs[system].push(await networkSession(browser, (q) => searchUrl(base[system], q), picked[0]!, picked.slice(1), link, 60_000));
    }
  }
  log(`network ${linkName}: ${sessions} sessions × 2 systems in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const summary = (costs: QueryCost[]) => ({
    ms: median(costs.map((c) => c.ms)),
    requests: median(costs.map((c) => c.requests)),
    kb: median(costs.map((c) => c.bytes / 1024)),
    roundTrips: median(costs.map((c) => c.roundTrips)),
    cached: median(costs.map((c) => c.cached)),
  });
  const rows = SYSTEMS.map((system) => ({ system, first: summary(runs[system].map((r) => r.first)), later: summary(runs[system].flatMap((r) => r.later)) }));
  const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
  const lines = [
    '',
    `Search on an emulated ${linkName} link (${link.latencyMs} ms round trip, ${(link.downloadBytesPerSecond * 8) / 1e6} Mbit/s down, ${(link.uploadBytesPerSecond * 8) / 1e3} kbit/s up; Chromium ${chromium})`,
    `${sessions} sessions per system: the first query opened by URL in a fresh context, then ${later} queries typed into the page; medians.`,
    '',
    '| system | first: ms to results | requests | KB | round trips | cache hits | later: ms per query | requests | KB | round trips | cache hits |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      ({ system, first, later: l }) =>
        `| ${system} | ${fmt(first.ms)} | ${fmt(first.requests)} | ${fmt(first.kb, 1)} | ${fmt(first.roundTrips)} | ${fmt(first.cached)} | ${fmt(l.ms)} | ${fmt(l.requests)} | ${fmt(l.kb, 1)} | ${fmt(l.roundTrips)} | ${fmt(l.cached)} |`,
    ),
    `| ratio ours/stock | ${fmt(rows[0]!.first.ms / rows[1]!.first.ms, 2)} | ${fmt(rows[0]!.first.requests / rows[1]!.first.requests, 2)} | ${fmt(rows[0]!.first.kb / rows[1]!.first.kb, 2)} | ${fmt(rows[0]!.first.roundTrips / rows[1]!.first.roundTrips, 2)} | | ${fmt(rows[0]!.later.ms / rows[1]!.later.ms, 2)} | ${fmt(rows[0]!.later.requests / rows[1]!.later.requests, 2)} | ${fmt(rows[0]!.later.kb / rows[1]!.later.kb, 2)} | ${fmt(rows[0]!.later.roundTrips / rows[1]!.later.roundTrips, 2)} | |`,
    '',
    'requests, KB and round trips count what crossed the link; cache hits are requests the browser answered from its cache.',
    'round trips: the longest chain of requests each started after the one before it was answered.',
    ...SYSTEMS.map((system) => {
      const all = runs[system].flatMap((r) => [r.first, ...r.later]);
      return `${system}: ${fmt(all.reduce((a, c) => a + c.requests, 0) / all.length, 1)} requests per query over whole sessions (${all.length} queries).`;
    }),
  ];
  for (const system of SYSTEMS) {
    const quickest = Math.min(...runs[system].flatMap((r) => [r.first, ...r.later]).map((c) => c.quickestMs));
    if (quickest < link.latencyMs)
      lines.push(`NOTE: ${system}: a request was answered in ${quickest.toFixed(0)} ms, under the link's ${link.latencyMs} ms: it escaped the emulation.`);
  }
  return lines.join('\n');
}

/**
 * --offline: every query through our online page and the bundle's offline page, compared;
 * then the first-query time offline (fresh context, `file://…/search/index.html?q=…`) for up
 * to `cold` queries per class.
 */
async function offlinePass(browser: Browser, onlineBase: string, offlineSite: string, queries: readonly Query[], cold: number) {
  const offlineBase = pathToFileURL(`${offlineSite}/`).href;
  const t = performance.now();
  const result = await compareOnlineOffline(
    browser,
    onlineBase,
    offlineBase,
    queries.map((q) => q.q),
    { all: ALL_RESULTS, timeoutMs: TIMEOUT_MS },
  );
  log(`offline: ${queries.length} queries × 2 sites in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const e of result.errors) log(`ERROR ${e}`);
  for (const d of result.differ) {
    log(
      `DIFFERS ${JSON.stringify(d.q)}: online ${d.online.count} [${d.online.hrefs.slice(0, 5).join(' ')}…], offline ${d.offline.count} [${d.offline.hrefs.slice(0, 5).join(' ')}…]`,
    );
  }
  const firsts: number[] = [];
  for (const i of coldSubset(queries, cold)) {
    const c = await coldLoad(browser, searchUrl(offlineBase, queries[i]!.q), TIMEOUT_MS).catch(() => undefined);
    if (c) firsts.push(c.ms);
  }
  if (firsts.length)
    log(`offline first query (fresh context, navigation start → results final): median ${median(firsts).toFixed(0)} ms over ${firsts.length} queries`);
  return { compared: queries.length, differ: result.differ.length + result.errors.length };
}

// ───────────────────────────────────────────────────────────────────────── main

interface SystemResult {
  count: number;
  rendered: number;
  /** Clause ids in rank order (null: a result that is not a clause page). */
  ranked: (string | null)[];
  judgement: Judgement;
  latencyMs?: number;
  first?: ColdLoad;
  /** How the quality pass read the results (see readAllResults in scripts/bench/browser.ts). */
  via: 'session' | 'url';
  /** The latency pass's submit loaded a new document (the form is not handled in the page). */
  latencyNavigated?: boolean;
  /** data-count in the latency pass where it differs from the quality pass's. */
  countMismatch?: number;
  error?: string;
}

async function main() {
  const opts = argsOrExit(() => readOptions(process.argv.slice(2)), 'bench:search', USAGE);
  const started = performance.now();
  const dist = resolve(ROOT, opts.dist);

  if (opts.build || !existsSync(join(dist, 'search', 'index.html'))) {
    log(opts.build ? 'Building the site (--build)…' : `${relative(ROOT, dist) || '.'}/ has no search page: building the site…`);
    const args = [join(ROOT, 'scripts', 'build.mjs')];
    if (relative(ROOT, dist) !== 'dist') args.push('--out', dist);
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`the build failed (status ${r.status})`);
  }

  // A private copy of the built site, so that a build running meanwhile cannot change it
  // under the benchmark, and the baseline next to it.
  const work = await mkdtemp(join(tmpdir(), 'tiaowen-bench-'));
  const oursDir = join(work, 'ours');
  const stockDir = join(work, 'stock');
  const servers: ChildProcess[] = [];
  // The servers are child processes: stop them even if this process dies abruptly.
  process.once('exit', () => servers.forEach((p) => p.kill('SIGTERM')));
  let browser: Browser | undefined;
  try {
    await cp(dist, oursDir, { recursive: true });
    // Queries and ground truth, from the open data only.
    const clauses = JSON.parse(await readFile(join(oursDir, 'data', 'clauses.json'), 'utf8')) as CorpusClause[];
    const corpus = makeCorpus(clauses);
    const { queries, dropped } = generateQueries(corpus, { seed: opts.seed, words, terms: domainTerms(), toTraditional });
    const relevant = queries.map((q) => new Set(relevantIds(q, corpus)));
    const idByKey = new Map(clauses.map((c) => [pageKey(c.url), c.id]));
    const perClass = CLASSES.map((c) => `${c} ${queries.filter((q) => q.class === c).length}`).join(', ');
    log(`${queries.length} queries (${perClass}) over ${clauses.length} clauses, seed ${opts.seed}`);
    if (dropped.length) log(`not in any clause, so left out: ${dropped.map((q) => q.q).join(' ')}`);

    if (opts.offline) {
      const ours = await serve(oursDir);
      servers.push(ours.proc);
      browser = await launch();
      const { compared, differ } = await offlinePass(
        browser,
        ours.base,
        await unzipBundle(join(oursDir, BUNDLE_PATH), join(work, 'offline')),
        queries,
        opts.cold,
      );
      process.exitCode = differ > 0 ? 1 : 0;
      console.log(`offline: ${compared} queries compared (online over http vs the offline bundle from file://), ${differ} differ`);
      return;
    }

    const stock = await buildStockSite(oursDir, stockDir);
    log(`stock Pagefind: ${stock.pagesCopied} pages copied to ${stockDir}, ${stock.pagesIndexed} indexed`);
    if (stock.pagesWithBody === 0) log('WARNING: no copied page has data-pagefind-body: stock indexes whole pages');

    const ours = await serve(oursDir);
    servers.push(ours.proc);
    const base = { ours: ours.base, stock: '' } as Record<System, string>;
    const stockServer = await serve(stockDir);
    servers.push(stockServer.proc);
    base.stock = stockServer.base;

    const b = (browser = await launch());
    const chromiumVersion = browser.version();
    if (opts.net !== undefined) {
      console.log(await networkPass(b, base, queries, opts.net, opts.cold === Infinity ? 20 : opts.cold, chromiumVersion));
      return;
    }

    const results = Object.fromEntries(SYSTEMS.map((s) => [s, [] as SystemResult[]])) as Record<System, SystemResult[]>;
    const boxes: Record<System, string> = { ours: '', stock: '' };
    {
      // Both systems at once: the quality pass times nothing.
      const t = performance.now();
      await Promise.all(
        SYSTEMS.map(async (system) => {
          const ranked = await readAllResults(
            b,
            base[system],
            queries.map((q) => q.q),
            { fresh: opts.fresh, all: ALL_RESULTS, timeoutMs: TIMEOUT_MS },
          );
          ranked.forEach((r, i) => {
            const ids = r.listing.hrefs.map((h) => (h === null ? null : (idByKey.get(pageKey(h, base[system])) ?? null)));
            results[system][i] = {
              count: r.listing.count,
              rendered: r.listing.hrefs.length,
              ranked: ids,
              judgement: judge(ids, relevant[i]!),
              via: r.via,
              ...(r.error ? { error: r.error } : {}),
            };
          });
        }),
      );
      log(`quality: ${queries.length} queries × 2 systems in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    for (const system of SYSTEMS) {
      const t = performance.now();
      const ms = await latencyPass(b, base[system], queries);
      ms.forEach((m, i) => {
        if (m === undefined) return;
        const r = results[system][i]!;
        r.latencyMs = m.ms;
        if (m.count !== r.count) r.countMismatch = m.count;
        if (m.navigated) r.latencyNavigated = true;
      });
      boxes[system] = [...new Set(ms.filter((m) => m).map((m) => m!.box))].join(', ');
      log(`latency ${system}: ${queries.length} queries in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    {
      const t = performance.now();
      const subset = coldSubset(queries, opts.cold);
      // A discarded warm-up load each, so neither system pays for the browser's own start-up.
      for (const system of SYSTEMS) await coldLoad(b, searchUrl(base[system], queries[0]?.q ?? ''), TIMEOUT_MS).catch(() => {});
      for (const i of subset) {
        // Alternate which system goes first, so that neither always runs on a just-warmed machine.
        const order = subset.indexOf(i) % 2 ? [...SYSTEMS].reverse() : SYSTEMS;
        for (const system of order) {
          try {
            const c = await coldLoad(b, searchUrl(base[system], queries[i]!.q), TIMEOUT_MS);
            results[system][i]!.first = c;
          } catch (err) {
            results[system][i]!.error ??= `first query: ${(err as Error).message}`;
          }
        }
      }
      log(`first query: ${subset.length} queries × 2 systems in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }

    // Aggregates.
    const outcome = (r: SystemResult): QueryOutcome => ({
      judgement: r.judgement,
      count: r.count,
      rendered: r.rendered,
      ...(r.latencyMs !== undefined ? { latencyMs: r.latencyMs } : {}),
      ...(r.first ? { firstMs: r.first.ms, firstBytes: r.first.bytes } : {}),
    });
    const agg = (system: System, cls?: string): Aggregate => aggregate(results[system].filter((_, i) => !cls || queries[i]!.class === cls).map(outcome));
    const rows: Row[] = [
      ...CLASSES.filter((c) => queries.some((q) => q.class === c)).map((c) => ({ label: c, ours: agg('ours', c), stock: agg('stock', c) })),
      { label: 'overall', ours: agg('ours'), stock: agg('stock') },
    ];

    // Report.
    const lines: string[] = [];
    lines.push('');
    lines.push(`Search benchmark: ours (${relative(ROOT, dist) || '.'}/) vs stock Pagefind 1.6 (defaults, same ${stock.pagesIndexed} pages)`);
    lines.push(
      `seed ${opts.seed}; ${queries.length} queries; Chromium ${chromiumVersion}; quality read ${opts.fresh ? 'from each query’s URL (--fresh)' : 'in one page session per system'}; ` +
        `first-query columns over ${rows.at(-1)!.ours.coldQueries} queries (≤ ${opts.cold} per class)`,
    );
    lines.push('');
    lines.push(formatTable(rows));
    lines.push('');
    lines.push('recall: share of the relevant clauses among all results (&n=1000); precision: share of relevant among the top');
    lines.push('min(10, |relevant|) results; MRR: mean 1/rank of the first relevant result; latency: submit → results final in an');
    lines.push(`open page (search box: ours ${boxes.ours || '–'}, stock ${boxes.stock || '–'}); first query: fresh context, navigation start → results`);
    lines.push('final, and response bytes until then (medians). ratio = ours/stock.');
    for (const system of SYSTEMS) {
      const loads = results[system].map((r) => r.first).filter((f): f is ColdLoad => !!f);
      if (loads.length) lines.push(`first-query KB by resource type, ${system.padEnd(5)} (median): ${formatByType(loads)}`);
    }
    for (const system of SYSTEMS) {
      const truncated = results[system].filter((r) => r.rendered < Math.min(r.count, ALL_RESULTS)).length;
      if (truncated) {
        lines.push(
          `NOTE: ${system} rendered fewer results than its data-count for ${truncated} queries (does its page honour &n=?); their recall counts only the rendered results.`,
        );
      }
      const reread = results[system].filter((r, i) => i > 0 && r.via === 'url').length;
      if (!opts.fresh && reread)
        lines.push(`NOTE: ${system}: ${reread} queries were loaded again from their URL because the page showed only part of their results after a submit.`);
      const cold = results[system].filter((r) => r.first);
      const stateful = cold.filter((r) => r.first!.count !== r.count).length;
      if (!opts.fresh && stateful) {
        lines.push(
          `NOTE: ${system}: ${stateful} of ${cold.length} first-query loads gave another data-count than the same query in the quality session: its results depend on earlier queries (try --fresh).`,
        );
      }
      const navigated = results[system].filter((r) => r.latencyNavigated).length;
      if (navigated)
        lines.push(`NOTE: ${system}: submitting ${boxes[system]} loaded a new page for ${navigated} queries; their latency includes that page load.`);
      const mismatches = results[system].filter((r) => r.countMismatch !== undefined).length;
      if (mismatches)
        lines.push(
          `NOTE: ${system} gave a different data-count when the query was submitted in an open page than when loaded from the URL, for ${mismatches} queries; see countMismatch in the JSON.`,
        );
      const errors = results[system].filter((r) => r.error).length;
      if (errors) lines.push(`NOTE: ${system} failed on ${errors} queries (timeouts or page errors); see the JSON.`);
    }
    if (dropped.length) lines.push(`Left out (in no clause): ${dropped.map((q) => `${q.q} [${q.class}]`).join(', ')}`);
    if (opts.worst > 0) {
      lines.push('');
      lines.push(`Worst queries (up to ${opts.worst} per class and system; recall found/relevant, precision, first relevant rank):`);
      for (const cls of CLASSES) {
        for (const system of SYSTEMS) {
          const idx = queries.map((_, i) => i).filter((i) => queries[i]!.class === cls);
          const worst = (key: 'recall' | 'precision') =>
            idx
              .filter((i) => results[system][i]!.judgement[key] < 1)
              .sort((a, b) => results[system][a]!.judgement[key] - results[system][b]!.judgement[key] || a - b)
              .slice(0, opts.worst);
          const describe = (i: number) => {
            const r = results[system][i]!;
            const j = r.judgement;
            return `${JSON.stringify(queries[i]!.q)} ${j.found}/${relevant[i]!.size} p=${j.precision.toFixed(2)} r1=${j.firstRelevantRank ?? '–'} n=${r.count}`;
          };
          const wr = worst('recall');
          const wp = worst('precision');
          if (wr.length) lines.push(`  ${cls.padEnd(11)} ${system.padEnd(5)} recall:    ${wr.map(describe).join('; ')}`);
          if (wp.length) lines.push(`  ${cls.padEnd(11)} ${system.padEnd(5)} precision: ${wp.map(describe).join('; ')}`);
        }
      }
    }

    const out = resolve(ROOT, opts.out);
    await mkdir(dirname(out), { recursive: true });
    if (relative(ROOT, dirname(out)) === 'bench-results' && !existsSync(join(dirname(out), '.gitignore'))) {
      await writeFile(join(dirname(out), '.gitignore'), '# Benchmark output (npm run bench:search): not committed.\n*\n');
    }
    await writeFile(
      out,
      JSON.stringify(
        {
          meta: {
            date: new Date().toISOString(),
            seed: opts.seed,
            dist: relative(ROOT, dist) || '.',
            chromium: chromiumVersion,
            stockPagesIndexed: stock.pagesIndexed,
            coldPerClass: Number.isFinite(opts.cold) ? opts.cold : 'all',
            allResults: ALL_RESULTS,
            quality: opts.fresh ? 'url' : 'session',
            searchBox: boxes,
          },
          aggregates: rows,
          dropped,
          queries: queries.map((q, i) => ({ ...q, relevant: [...relevant[i]!], ours: results.ours[i], stock: results.stock[i] })),
        },
        null,
        1,
      ),
    );
    lines.push('');
    lines.push(`Raw per-query results: ${relative(ROOT, out)}   (run took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    console.log(lines.join('\n'));
  } finally {
    stopping = true;
    await browser?.close().catch(() => {});
    for (const proc of servers) proc.kill('SIGTERM');
    if (opts.keep) log(`both sites kept in ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench] FAILED: ${err instanceof Error ? err.message : String(err)}`);
  if (process.env.DEBUG && err instanceof Error) console.error(err.stack);
  process.exit(1);
});
