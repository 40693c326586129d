/**
 * Measuring a build for the scale benchmark: the peak memory of a process and its children
 * (sampled from /proc), the stage times from the build's log, and the sizes of the output.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { median } from '../metrics';

const PAGE_BYTES = 4096;

/** The resident memory (bytes) of a process and all its descendants, from /proc; 0 where /proc is missing. */
export function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // Fields after the command name (which may contain spaces), which ends at the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(e);
      const ppid = Number(fields[1]);
      rss.set(pid, Number(fields[21]) * PAGE_BYTES);
      let list = children.get(ppid);
      if (!list) children.set(ppid, (list = []));
      list.push(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Sample treeRss(pid) every `everyMs` until stopped; stop() gives the peak in bytes. */
export function watchPeakRss(pid: number, everyMs = 200): { stop(): number } {
  let peak = treeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/** A line of the build's output and when it arrived (ms since the build started). */
export interface LogLine {
  t: number;
  text: string;
}

/** The build's stages and their durations in ms (see the README's "Scale" section for what each covers). */
export interface StageTimes {
  /** Astro's start and the compiling of the pages' code, before the library is read. */
  setup: number;
  parse: number;
  segment: number;
  link: number;
  pages: number;
  index: number;
  bundle: number;
  total: number;
}

const msIn = (text: string, re: RegExp): number | undefined => {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
};

/**
 * Stage times from the build's log: setup until the library starts being read; parse, segment and link from the library's own
 * `stage …: … in N ms` lines; pages from the end of linking until the search step starts
 * (its first line, less the lexicon's own time); index until Pagefind finishes; bundle from
 * there to the build's end (writing the zip and swapping the folder in).
 */
export function stageTimes(lines: readonly LogLine[], totalMs: number): StageTimes {
  const find = (re: RegExp) => lines.find((l) => re.test(l.text));
  const parse = msIn(find(/stage parse:/)?.text ?? '', /in (\d+) ms/) ?? NaN;
  const segment = msIn(find(/stage segment:/)?.text ?? '', /in (\d+) ms/) ?? NaN;
  const link = msIn(find(/stage link:/)?.text ?? '', /(\d+) ms/) ?? NaN;
  const linked = find(/stage link:/);
  const parsed = find(/stage parse:/);
  const lexicon = find(/Search lexicon:/);
  const lexiconMs = lexicon ? durationIn(lexicon.text) : NaN;
  const indexStart = lexicon ? lexicon.t - lexiconMs : NaN;
  const indexEnd = find(/Pagefind finished/)?.t ?? NaN;
  return {
    setup: parsed ? parsed.t - parse : NaN,
    parse,
    segment,
    link,
    pages: linked ? indexStart - linked.t : NaN,
    index: indexEnd - indexStart,
    bundle: totalMs - indexEnd,
    total: totalMs,
  };
}

/** Each stage's median over several builds of one library. */
export function medianStages(runs: readonly StageTimes[]): StageTimes {
  const keys = Object.keys(runs[0]!) as (keyof StageTimes)[];
  return Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as unknown as StageTimes;
}

/** The last duration printed in parentheses in a log line: "(812 ms)" or "(1.23 s)". */
export function durationIn(text: string): number {
  const all = [...text.matchAll(/\((\d+(?:\.\d+)?) (ms|s)\)/g)];
  const m = all.at(-1);
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === 's' ? 1000 : 1);
}

/** Total size in bytes and number of files of a folder (recursively), optionally only files matching `filter`. */
export function folderSize(dir: string, filter: (name: string) => boolean = () => true): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (filter(e.name)) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}
