/**
 * One Chromium per e2e worker. The e2e project runs its files in two workers, each of which
 * keeps its modules from file to file (vitest.config.ts: `isolate: false`), so the Chromium
 * launched here for a worker's first file serves its next ones instead of a launch per file. A file borrows it with `borrowChromium()` and gets a Browser of its own to use:
 * contexts and pages it opens are its own (no cookies, storage or pages are shared), and its
 * `close()` closes only them. Chromium itself ends with the worker.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/local-site';

let launched: Promise<Browser> | undefined;

/** The run's Chromium, as a Browser whose newContext/newPage are the borrower's own and whose close() closes just those. */
export async function borrowChromium(): Promise<Browser> {
  launched ??= launchChromium();
  const browser = await launched;
  const opened: BrowserContext[] = [];
  const own = <T>(context: BrowserContext, value: T): T => (opened.push(context), value);
  const borrowed: Partial<Browser> = {
    newContext: async (options) => {
      const context = await browser.newContext(options);
      return own(context, context);
    },
    newPage: async (options) => {
      const page = await browser.newPage(options);
      return own(page.context(), page);
    },
    close: async () => {
      await Promise.all(opened.splice(0).map((c) => c.close().catch(() => undefined)));
    },
  };
  return new Proxy(browser, {
    get: (target, key, receiver) => (key in borrowed ? borrowed[key as keyof Browser] : Reflect.get(target, key, receiver)),
  });
}
