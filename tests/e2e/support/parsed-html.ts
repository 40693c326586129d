/**
 * Built HTML files parsed into hast trees, each file once per run: several test files read
 * every page of the shared site (links, policies, remote URLs), and each e2e worker keeps its
 * modules from file to file (vitest.config.ts: `isolate: false`), so the files of a worker share the trees.
 * The trees are shared: read them, never change them.
 */
import { readFileSync } from 'node:fs';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

const trees = new Map<string, Root>();

/** The hast tree of the HTML file at this absolute path, parsed on the first call. */
export function parsedHtml(file: string): Root {
  let tree = trees.get(file);
  if (!tree) trees.set(file, (tree = fromHtml(readFileSync(file, 'utf8'))));
  return tree;
}
