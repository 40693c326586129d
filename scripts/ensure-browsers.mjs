#!/usr/bin/env node
// Make sure the browser tests have their browsers: Debian's chromium (all browser tests) and
// firefox-esr (the offline bundle's Firefox checks), installed with apt-get when missing and we
// may install packages (as root, or with password-less sudo). Prints what to do otherwise.
// CHROMIUM_PATH / FIREFOX_PATH name other binaries; SKIP_E2E=1 skips the check, as it skips
// the browser tests.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = [
  { name: 'Chromium', pkg: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', env: 'CHROMIUM_PATH' },
  { name: 'Firefox ESR', pkg: 'firefox-esr', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', env: 'FIREFOX_PATH' },
];

if (process.env.SKIP_E2E === '1') process.exit(0);
for (const b of BROWSERS)
  if (process.env[b.env] && !existsSync(b.path)) {
    console.error(`${b.env} is set to ${b.path}, but there is no file there.`);
    process.exit(1);
  }
const missing = BROWSERS.filter((b) => !existsSync(b.path));
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canSudo = () => {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const packages = missing.map((b) => b.pkg);
const prefix = isRoot ? [] : canSudo() ? ['sudo', '-n'] : null;
if (!prefix) {
  console.error(
    `The browser tests need ${missing.map((b) => b.name).join(' and ')}: run \`apt-get install -y ${packages.join(' ')}\` as root, ` +
      `set ${missing.map((b) => b.env).join(' / ')}, or set SKIP_E2E=1.`,
  );
  process.exit(1);
}
const run = (args) => {
  const [cmd, ...rest] = [...prefix, ...args];
  execFileSync(cmd, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
};
console.log(`Installing the browsers for the browser tests (apt-get install -y ${packages.join(' ')})…`);
run(['apt-get', 'update']);
run(['apt-get', 'install', '-y', ...packages]);
for (const b of missing)
  if (!existsSync(b.path)) {
    console.error(`apt-get installed ${b.pkg}, but ${b.path} is missing.`);
    process.exit(1);
  }
