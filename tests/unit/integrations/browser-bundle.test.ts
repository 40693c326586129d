/**
 * The browser bundles may hold only files of src/browser/ (src/integrations/browser-bundle.ts):
 * the site's two bundles keep the rule, and fixture entries that break it fail the bundle,
 * naming the file (tests/fixtures/browser-bundle, whose browser/ stands for src/browser/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSER_DIR, BROWSER_PACKAGES, bundleBrowserScript, bundleProblems, packageOf } from '../../../src/integrations/browser-bundle';

const FIXTURES = 'tests/fixtures/browser-bundle';
const rules = { root: `${FIXTURES}/browser`, packages: [] as string[] };
const entry = (name: string) => `${FIXTURES}/browser/${name}.ts`;

describe('the site’s browser bundles', () => {
  it('hold only files of src/browser/: the search page and the clause-page script bundle', async () => {
    for (const main of ['src/browser/search/main.ts', 'src/browser/site/main.ts']) {
      expect((await bundleBrowserScript(main)).length, main).toBeGreaterThan(1000);
    }
  });

  it('import nothing outside src/browser/ in their sources, type-only imports included', () => {
    const root = path.resolve(BROWSER_DIR);
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    const outside: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(root, file), 'utf8');
      for (const [, spec] of source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const rel = spec.startsWith('.') ? path.relative(root, path.resolve(root, path.dirname(file), spec)) : undefined;
        const ok = rel === undefined ? BROWSER_PACKAGES.includes(packageOf(`node_modules/${spec}`) ?? '') : !rel.startsWith('..');
        if (!ok) outside.push(`${file}: ${spec}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

describe('the browser bundle check', () => {
  it('passes a bundle whose files all lie in the browser folder', async () => {
    expect(await bundleBrowserScript(entry('keeps-inside'), rules)).toContain('工会法');
  });

  it('fails on a file outside the browser folder, naming it and its importer', async () => {
    await expect(bundleBrowserScript(entry('reaches-outside'), rules)).rejects.toThrow(
      `${FIXTURES}/outside.ts: outside ${FIXTURES}/browser (imported by ${FIXTURES}/browser/reaches-outside.ts)`,
    );
  });

  it('fails on build-time code and on everything it reaches', async () => {
    const error = await bundleBrowserScript(entry('imports-build-code'), rules).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`src/site/paragraphs.ts: outside ${FIXTURES}/browser (imported by ${FIXTURES}/browser/imports-build-code.ts)`);
    expect(message).toContain('src/pipeline/numerals.ts: outside');
  });

  it('fails on a Node built-in, with or without node:', async () => {
    await expect(bundleBrowserScript(entry('imports-node'), rules)).rejects.toThrow(`${FIXTURES}/browser/imports-node.ts: imports the Node built-in node:path`);
    await expect(bundleBrowserScript(entry('imports-bare-builtin'), rules)).rejects.toThrow(
      `${FIXTURES}/browser/imports-bare-builtin.ts: imports the Node built-in crypto`,
    );
  });

  it('fails on an npm package that is not allowed, and passes it once allowed', async () => {
    await expect(bundleBrowserScript(entry('imports-package'), rules)).rejects.toThrow(
      /node_modules\/opencc-js\/\S+: npm package opencc-js is not allowed in the browser/,
    );
    expect(await bundleBrowserScript(entry('imports-package'), { ...rules, packages: ['opencc-js'] })).toContain('工會');
  });
});

describe('the rules over a metafile', () => {
  const metafile = (...files: string[]) => ({
    inputs: Object.fromEntries(files.map((f) => [f, { bytes: 1, imports: [] }])),
    outputs: {},
  });

  it('name the package of a file in node_modules, scoped or nested', () => {
    expect(packageOf('node_modules/opencc-js/dist/umd/full.js')).toBe('opencc-js');
    expect(packageOf('node_modules/@scope/pkg/index.js')).toBe('@scope/pkg');
    expect(packageOf('node_modules/a/node_modules/b/x.js')).toBe('b');
    expect(packageOf('src/browser/fold.ts')).toBeUndefined();
  });

  it('refuse a file of another namespace and a path that only starts like the folder', () => {
    expect(bundleProblems(metafile('src/browser/fold.ts'), { root: 'src/browser', packages: [] }, '/repo')).toEqual([]);
    expect(bundleProblems(metafile('src/browser-old/x.ts', 'data:text/javascript,1'), { root: 'src/browser', packages: [] }, '/repo')).toEqual([
      'src/browser-old/x.ts: outside src/browser',
      'data:text/javascript,1: outside src/browser',
    ]);
  });
});
