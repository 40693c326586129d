/**
 * JSON files one process of a test run writes and another waits for (the fixture builds'
 * results, the page walks one e2e worker shares with the other).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Write a value as JSON into `file` whole: into `<file>.tmp` first, then renamed, so that a reader waiting for `file` never reads half of it. */
export function writeJsonWhole(file: string, value: unknown): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(value));
  renameSync(`${file}.tmp`, file);
}

/** The JSON value of `file`, once it has been written (`writeJsonWhole`). */
export async function awaitJson<T>(file: string): Promise<T> {
  while (!existsSync(file)) await sleep(200);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
