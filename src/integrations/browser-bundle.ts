/**
 * The browser's scripts, each bundled with esbuild into one classic script (an IIFE, so it also
 * runs from disk, file://, where module scripts are blocked): the search page's search/app.<hash>.js
 * (src/browser/search/main.ts), the clause pages' assets/site.<hash>.js (src/browser/site/main.ts) and
 * the basket page's basket/app.<hash>.js (src/browser/basket/main.ts).
 *
 * Browser code lives in src/browser/ and imports nothing outside it. The bundler checks this:
 * every file a bundle reads (esbuild's metafile) must lie in src/browser/ or in an npm package
 * named in BROWSER_PACKAGES, and no file may import a Node built-in; otherwise the build fails,
 * naming the file and what imported it. So build-time code (the parser, nodejieba, node:fs)
 * never reaches a reader's browser by accident. (Type-only imports are erased before bundling
 * and ship nothing.)
 */
import { build, type Metafile } from 'esbuild';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { findRepoRoot } from '../pipeline/segment';

/** The browser folder, relative to the repository root. */
export const BROWSER_DIR = 'src/browser';

/** The npm packages a browser bundle may include (browser-safe, checked by hand). */
export const BROWSER_PACKAGES: readonly string[] = [
  // The basket page's Word export (basket/app.js only): builds the .docx in the browser; its dist file carries its own dependencies.
  'docx',
  // The quote check's character comparison (quotes/app.js only), the same diffChars the version pages use at build time.
  'diff',
];

/** Where a bundle may read from: the browser folder and the npm packages allowed in it. */
export interface BundleRules {
  /** The browser folder, absolute or relative to the working directory of the bundle. */
  root: string;
  packages: readonly string[];
}

/** Node's built-in modules, with and without `node:` (what a browser bundle may never import). */
const BUILTINS = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Whether an import names a Node built-in module. */
const isBuiltin = (name: string): boolean => name.startsWith('node:') || BUILTINS.has(name);

/** The npm package a path inside node_modules belongs to (`@scope/name` or `name`), else undefined. */
export function packageOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  return parts[at + 1].startsWith('@') ? parts.slice(at + 1, at + 3).join('/') : parts[at + 1];
}

/**
 * What a bundle must not hold, one sentence per file: inputs outside the browser folder that
 * are not in an allowed npm package, and imports of Node built-ins. `cwd` is the directory
 * esbuild's metafile paths are relative to. Empty when the bundle keeps the rules.
 */
export function bundleProblems(metafile: Metafile, rules: BundleRules, cwd: string): string[] {
  const root = path.resolve(cwd, rules.root);
  const importers = new Map<string, string[]>();
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const i of input.imports) importers.set(i.path, [...(importers.get(i.path) ?? []), file]);
  }
  const by = (file: string) => {
    const from = importers.get(file);
    return from?.length ? ` (imported by ${from.join(', ')})` : '';
  };
  const problems: string[] = [];
  for (const file of Object.keys(metafile.inputs)) {
    const absolute = path.resolve(cwd, file);
    const pkg = packageOf(file);
    if (pkg !== undefined) {
      if (!rules.packages.includes(pkg)) problems.push(`${file}: npm package ${pkg} is not allowed in the browser${by(file)}`);
      continue;
    }
    const rel = path.relative(root, absolute);
    // A file of another namespace than the file system (`ns:path`) is never inside.
    const inside = !/^[a-z-]+:/i.test(file) && rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    if (!inside) problems.push(`${file}: outside ${rules.root}${by(file)}`);
  }
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const i of input.imports) if (isBuiltin(i.path)) problems.push(`${file}: imports the Node built-in ${i.path}`);
  }
  return problems;
}

/**
 * Bundle a browser entry (relative to the repository root, or absolute) into one minified
 * classic script; throws, naming each file, if the bundle breaks the rules of the browser
 * folder (by default src/browser/ and BROWSER_PACKAGES).
 */
export async function bundleBrowserScript(entry: string, rules: BundleRules = { root: BROWSER_DIR, packages: BROWSER_PACKAGES }): Promise<string> {
  const cwd = findRepoRoot();
  const result = await build({
    absWorkingDir: cwd,
    entryPoints: [path.resolve(cwd, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    metafile: true,
    logLevel: 'silent',
    // Built-ins stay unresolved, so that the check below names them and their importer.
    external: [...BUILTINS],
  });
  const problems = bundleProblems(result.metafile, rules, cwd);
  if (problems.length) {
    throw new Error(
      `The browser bundle of ${entry} may hold only files in ${rules.root}/ and allowed npm packages:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
  return result.outputFiles[0].text;
}
