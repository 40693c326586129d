// @ts-check
/**
 * Command-line arguments of the scripts: each script parses its argv with `node:util`
 * `parseArgs` (strict, so an unknown option or a missing value is an error) inside
 * {@link argsOrExit}, which turns such an error into one line and the script's usage.
 */

/**
 * Return what `parse` (a `parseArgs` call) returns; if it throws, print
 * `<name>: <message>` and the usage to stderr and exit with status 2.
 * @template T
 * @param {() => T} parse
 * @param {string} name
 * @param {string} usage
 * @returns {T}
 */
export function argsOrExit(parse, name, usage) {
  try {
    return parse();
  } catch (err) {
    console.error(`${name}: ${err instanceof Error ? err.message : String(err)}\nusage: ${usage}`);
    process.exit(2);
  }
}
