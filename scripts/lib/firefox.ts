/**
 * Firefox for the browser tests, driven over WebDriver BiDi with the few commands they need.
 *
 * playwright-core's own Firefox driver needs Playwright's patched Firefox build, which cannot
 * be downloaded here; its WebDriver BiDi driver (channel "moz-firefox") launches Debian's
 * firefox-esr but then fails on a command that Firefox ESR does not know
 * (emulation.setMediaFeaturesOverride) when it opens a context. So this speaks BiDi itself:
 * start Firefox headless with a fresh profile, open a session, navigate, evaluate scripts, and
 * collect console and JavaScript errors. FIREFOX_PATH overrides /usr/bin/firefox-esr.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Firefox binary. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The WebSocket client bundled with playwright-core (Node 20 has no global WebSocket). */
interface Socket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'open' | 'close', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  send(data: string): void;
  close(): void;
}
const { ws: WebSocket } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as { ws: new (url: string) => Socket };

/** Preferences of the test profile: no first-run pages, updates or background traffic. */
const PREFS = {
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'app.update.disabledForTesting': true,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'browser.safebrowsing.update.enabled': false,
};

interface BidiEvent {
  method: string;
  params: Record<string, unknown>;
}

/** A headless Firefox with one browsing context. */
export class Firefox {
  /**
   * Console errors, uncaught JavaScript errors, and failed network requests (Firefox reports
   * no network events for file:// loads, so a missing file on disk shows only in its effects).
   */
  readonly errors: string[] = [];
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: Record<string, unknown>) => void; reject: (e: Error) => void }>();
  private context = '';

  /** Firefox's version. */
  version = '';

  private constructor(
    private readonly proc: ChildProcess,
    private readonly socket: Socket,
    private readonly profile: string,
  ) {}

  /** Start Firefox headless and open a BiDi session. */
  static async launch(timeoutMs = 60_000): Promise<Firefox> {
    const profile = await mkdtemp(join(tmpdir(), 'tiaowen-firefox-'));
    await writeFile(
      join(profile, 'user.js'),
      Object.entries(PREFS)
        .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`)
        .join(''),
    );
    const proc = spawn(FIREFOX, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile, 'about:blank'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    const endpoint = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Firefox did not start its WebDriver BiDi server:\n${out}`)), timeoutMs);
      const read = (chunk: Buffer) => {
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec((out += chunk.toString()));
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      proc.stdout?.on('data', read);
      proc.stderr?.on('data', read);
      proc.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before listening:\n${out}`)));
    });
    const socket = new WebSocket(`${endpoint}/session`);
    await new Promise<void>((resolve, reject) => {
      socket.on('open', resolve);
      socket.on('error', reject);
    });
    const firefox = new Firefox(proc, socket, profile);
    socket.on('message', (data) => firefox.receive(JSON.parse(data.toString())));
    const session = (await firefox.send('session.new', { capabilities: {} })) as { capabilities?: { browserVersion?: string } };
    firefox.version = session.capabilities?.browserVersion ?? '';
    await firefox.send('session.subscribe', { events: ['log.entryAdded', 'network.fetchError'] });
    const tree = (await firefox.send('browsingContext.getTree', {})) as { contexts: { context: string }[] };
    firefox.context = tree.contexts[0]!.context;
    return firefox;
  }

  /** Handle a message from Firefox: a command's answer, or an event. */
  private receive(message: { id?: number; type: string; result?: Record<string, unknown>; error?: string; message?: string } & BidiEvent): void {
    if (message.id === undefined) {
      this.onEvent(message);
      return;
    }
    const waiter = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.type === 'error') waiter?.reject(new Error(`${message.error}: ${message.message}`));
    else waiter?.resolve(message.result ?? {});
  }

  private onEvent(event: BidiEvent): void {
    if (event.method === 'log.entryAdded') {
      const entry = event.params as { level: string; text: string | null; type: string };
      if (entry.level === 'error') this.errors.push(`${entry.type}: ${entry.text}`);
    } else if (event.method === 'network.fetchError') {
      const { errorText, request } = event.params as { errorText: string; request: { url: string } };
      // A request the next navigation cuts short (the favicon) is aborted, not failed.
      if (errorText !== 'NS_BINDING_ABORTED') this.errors.push(`request failed: ${request.url} (${errorText})`);
    }
  }

  /** Send a BiDi command; resolves with its result. */
  private send(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Load a URL and wait for its load event. */
  async navigate(url: string): Promise<void> {
    await this.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** Evaluate an expression in the page (awaiting a promise); resolves with its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: this.context },
      awaitPromise: true,
    })) as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
    if (r.type === 'exception') throw new Error(`in Firefox: ${r.exceptionDetails?.text}`);
    return JSON.parse(r.result?.value ?? 'null') as T;
  }

  /** Evaluate an expression until it is truthy; resolves with its value. */
  async waitFor<T>(expression: string, timeoutMs = 30_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.evaluate<T>(expression);
      if (value) return value;
      if (Date.now() > until) throw new Error(`in Firefox: ${expression} stayed false for ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** End the session, stop Firefox and delete its profile. */
  async close(): Promise<void> {
    await this.send('browser.close', {}).catch(() => {});
    this.socket.close();
    await new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null) resolve();
      else {
        const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5000);
        this.proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      }
    });
    await rm(this.profile, { recursive: true, force: true });
  }
}
