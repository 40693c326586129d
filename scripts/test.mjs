#!/usr/bin/env node
// npm test: three runs side by side, and the command fails if any fails:
// - the browser tests (vitest's e2e project), whose output is shown as it comes;
// - the unit tests (the unit projects), in a vitest of their own, so that they run while the
//   browser tests' global setup builds the site instead of waiting for it;
// - the type check (astro check).
// The output of the last two is printed when each ends, so that it does not interleave with the
// browser tests'. Arguments go to one vitest run of every project instead (npm test -- <filter>).
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

/** Run a command quietly and print its output under a title when it ends; resolve with its exit code. */
const besides = (title, command, args) =>
  run(command, args, true).then((result) => {
    process.stdout.write(`\n── ${title} ──\n${result.output}`);
    return { title, code: result.code };
  });

const filter = process.argv.slice(2);
const runs = [
  besides('astro check (type check, run beside the tests)', bin('astro'), ['check', '--minimumFailingSeverity', 'warning']),
  ...(filter.length > 0
    ? [run(bin('vitest'), ['run', ...filter], false).then(({ code }) => ({ title: 'vitest', code }))]
    : [
        besides('unit tests (run beside the browser tests)', bin('vitest'), ['run', '--project', 'unit', '--project', 'unit-mocking']),
        run(bin('vitest'), ['run', '--project', 'e2e'], false).then(({ code }) => ({ title: 'browser tests', code })),
      ]),
];
const failed = (await Promise.all(runs)).filter((r) => r.code !== 0);
for (const r of failed) console.error(`${r.title} failed (exit ${r.code})`);
process.exit(failed.length > 0 ? failed[0].code : 0);
