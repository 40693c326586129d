import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { argsOrExit } from '../../../scripts/lib/cli.mjs';

const ROOT = process.cwd();

/** Run a script of scripts/ (TypeScript through tsx) with the given arguments. */
function run(script: string, ...args: string[]) {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const r = spawnSync(process.execPath, [...loader, path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('argsOrExit', () => {
  it('returns what the parse returns', () => {
    expect(argsOrExit(() => ({ values: { check: true } }), 'x', 'x [--check]')).toEqual({ values: { check: true } });
  });
});

describe('the scripts’ command lines', () => {
  it('refuse an unknown option with the script’s name, the option and the usage, and exit status 2', () => {
    const cases: [string, string, string][] = [
      ['build.mjs', 'build', 'usage: node scripts/build.mjs [--out DIR]'],
      ['serve.mjs', 'serve', 'usage: node scripts/serve.mjs [dir]'],
      ['lock-platforms.mjs', 'lock-platforms', 'usage: node scripts/lock-platforms.mjs [--check]'],
      ['lib/astro-build.mjs', 'astro-build', 'usage: node scripts/lib/astro-build.mjs <root> <outDir>'],
    ];
    for (const [script, name, usage] of cases) {
      const r = run(script, '--bogus');
      expect(r.status, script).toBe(2);
      expect(r.stderr, script).toMatch(new RegExp(`^${name}: Unknown option '--bogus'`));
      expect(r.stderr, script).toContain(usage);
    }
  });

  it('refuse an option without its value', () => {
    const r = run('build.mjs', '--out');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("build: Option '--out <value>' argument missing");
  });

  it('keep the benchmarks’ help text and check their numbers', () => {
    const search = run('bench-search.ts', '--help');
    expect(search.status).toBe(0);
    expect(search.stdout).toBe(
      'npm run bench:search [-- --build] [--dist DIR] [--seed N] [--cold K|all] [--worst N] [--out FILE] [--keep] [--fresh] [--offline] [--net mobile]\n',
    );
    const scale = run('bench-scale.ts', '--factors', '1,x');
    expect(scale.status).toBe(2);
    expect(scale.stderr).toBe(
      'bench:scale: --factors needs a positive integer, got "x"\n' +
        'usage: npm run bench:scale [-- --factors 1,10,100] [--seed N] [--queries N] [--builds N] [--out FILE] [--keep] [--all-sources]\n',
    );
  }, 30_000);

  it('take lock-platforms’ --check', () => {
    const r = run('lock-platforms.mjs', '--check');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
