#!/usr/bin/env node
/**
 * Complete package-lock.json with the platform-specific optional packages it lacks.
 *
 * Some packages ship their native binary as one optional dependency per platform
 * (`@pagefind/linux-x64`, `@rollup/rollup-darwin-arm64`, …). When the registry used to
 * write the lock file does not carry every platform's package, npm leaves those entries out
 * of the lock, and `npm ci` then refuses to install ("Missing: … from lock file").
 *
 * This script adds an entry for each such missing package: its version, and the `os`,
 * `cpu` (and `libc`) read from its name. npm skips these packages on other platforms
 * without fetching them, so `npm ci` works again. Run it after `npm install` changes the
 * lock file: `node scripts/lock-platforms.mjs` (prints what it added; `--check` only
 * reports and exits 1 if something is missing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { argsOrExit } from './lib/cli.mjs';

const OS = {
  darwin: 'darwin',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  netbsd: 'netbsd',
  linux: 'linux',
  android: 'android',
  win32: 'win32',
  windows: 'win32',
  openharmony: 'openharmony',
  sunos: 'sunos',
  aix: 'aix',
};
const CPU = {
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
  mips64el: 'mips64el',
};

/** The platform a package name stands for, e.g. "@rollup/rollup-linux-x64-musl". */
export function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const i = parts.findIndex((p) => p in OS);
  if (i < 0 || !(parts[i + 1] in CPU)) return undefined;
  const rest = parts.slice(i + 2).join('-');
  const libc = /musl/.test(rest) ? ['musl'] : /gnu/.test(rest) ? ['glibc'] : undefined;
  return { os: [OS[parts[i]]], cpu: [CPU[parts[i + 1]]], ...(libc ? { libc } : {}) };
}

/** Add the missing entries to a parsed lock file; return the names added. */
export function completeLock(lock) {
  const pk = lock.packages;
  const added = [];
  for (const [path, entry] of Object.entries(pk)) {
    if (!path || !entry.optionalDependencies) continue;
    for (const [name, range] of Object.entries(entry.optionalDependencies)) {
      // Where npm would look for it: nested under the dependent, in any enclosing folder, at the top.
      const candidates = [];
      let base = path;
      for (;;) {
        candidates.push(`${base}/node_modules/${name}`);
        const cut = base.lastIndexOf('/node_modules/');
        if (cut < 0) break;
        base = base.slice(0, cut);
      }
      candidates.push(`node_modules/${name}`);
      if (candidates.some((c) => pk[c])) continue;
      const platform = platformOf(name);
      const version = /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range) ? range : undefined;
      if (!platform || !version) continue;
      pk[`node_modules/${name}`] = { version, ...platform, optional: true };
      added.push(`${name}@${version}`);
    }
  }
  lock.packages = Object.fromEntries(Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
  return added;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = argsOrExit(
    () => parseArgs({ options: { check: { type: 'boolean', default: false } } }),
    'lock-platforms',
    'node scripts/lock-platforms.mjs [--check]',
  );
  const file = fileURLToPath(new URL('../package-lock.json', import.meta.url));
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const added = completeLock(lock);
  if (values.check) {
    if (added.length) {
      console.error(`package-lock.json lacks ${added.length} platform packages; run node scripts/lock-platforms.mjs`);
      process.exit(1);
    }
  } else if (added.length) {
    writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
    console.log(`Added to package-lock.json:\n  ${added.join('\n  ')}`);
  } else console.log('package-lock.json lists every platform package.');
}
