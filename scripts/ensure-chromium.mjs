#!/usr/bin/env node
// Make sure the browser tests have a Chromium: Debian's package, installed with apt-get when it
// is missing and we may install packages (as root, or with password-less sudo). Prints what to
// do otherwise. SKIP_E2E=1 skips the check, as it skips the browser tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT = '/usr/bin/chromium';
const wanted = process.env.CHROMIUM_PATH ?? DEFAULT;

if (process.env.SKIP_E2E === '1' || existsSync(wanted)) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${wanted}, but there is no file there.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canSudo = () => {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const prefix = isRoot ? [] : canSudo() ? ['sudo', '-n'] : null;
if (!prefix) {
  console.error('The browser tests need Chromium: run `apt-get install -y chromium` as root, set CHROMIUM_PATH, or set SKIP_E2E=1.');
  process.exit(1);
}
const run = (args) => {
  const [cmd, ...rest] = [...prefix, ...args];
  execFileSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
console.log('Installing Chromium for the browser tests (apt-get install -y chromium)…');
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', 'chromium']);
if (!existsSync(DEFAULT)) {
  console.error(`apt-get installed chromium, but ${DEFAULT} is missing.`);
  process.exit(1);
}
