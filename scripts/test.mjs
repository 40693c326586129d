#!/usr/bin/env node
// npm test: the type check (astro check) runs while vitest runs the unit and browser tests,
// instead of before them, and the command fails if either fails. The type check's output is
// printed when it ends, so that it does not interleave with vitest's. Arguments go to vitest.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));

/** Run a command; resolve with its exit code and, when `quiet`, its output. */
function run(command, args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const check = run(bin('astro'), ['check', '--minimumFailingSeverity', 'warning'], true).then((result) => {
  process.stdout.write(`\n── astro check (type check, run beside the tests) ──\n${result.output}`);
  return result.code;
});
const tests = run(bin('vitest'), ['run', ...process.argv.slice(2)], false).then((result) => result.code);
const [checkCode, testCode] = await Promise.all([check, tests]);
if (checkCode !== 0) console.error(`astro check failed (exit ${checkCode})`);
process.exit(testCode !== 0 ? testCode : checkCode);
