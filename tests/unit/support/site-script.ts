/**
 * src/client/site.js, the clause page's classic script, run in a sandbox with a `module`
 * object: the script then hands over its pure functions instead of starting.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

/** The pure functions of the site script, typed by the caller as far as it uses them. */
export function loadSiteScript<Api>(): Api {
  const source = readFileSync(new URL('../../../src/client/site.js', import.meta.url), 'utf8');
  const module = { exports: {} as Api };
  runInNewContext(source, { module, document: { readyState: 'loading', addEventListener() {} } });
  return module.exports;
}
