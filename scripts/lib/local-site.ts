/**
 * A built site on this machine, for the browser tests and the benchmark: serve a folder
 * with scripts/serve.mjs on a free port, and launch Debian's Chromium with the GUIDE's flags.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The Chromium binary (CHROMIUM_PATH overrides Debian's). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch flags of the project's GUIDE (no background network, which this machine refuses). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A running server: its process, its base URL without a trailing slash, and what it printed. */
export interface LocalServer {
  proc: ChildProcess;
  base: string;
  output(): string;
}

/** Serve a folder with scripts/serve.mjs on a free port; resolves once it listens. */
export function serveSite(dir: string): Promise<LocalServer> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), dir], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let listening = false;
    proc.stdout?.on('data', (chunk: Buffer) => {
      const at = /at (http:\/\/[^\s/]+)\//.exec((out += chunk.toString()));
      if (at && !listening) {
        listening = true;
        done({ proc, base: at[1]!, output: () => out });
      }
    });
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => {
      if (!listening) fail(new Error(`serve.mjs exited (${code}) before listening:\n${out}`));
    });
  });
}
