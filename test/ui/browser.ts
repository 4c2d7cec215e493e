/// <reference lib="dom" />
// The sidebar in a real headless Chromium (Debian's /usr/bin/chromium, or the one npm installs),
// its google.script.run calls bridged into the bundle running in the fakes
// (../shared/reference/apps-script.md §7). Shared by the test/ui files.

import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { DIST, publicFunctions } from '../bundle/harness';
import type { AppsScriptRuntime } from '../world/runtime';

/**
 * A Chromium to drive: CHROMIUM_PATH when set, else Debian's, else the one npm installs with
 * @sparticuz/chromium (a registry package carrying its own build), so `npm ci && npm test` needs
 * no apt-get.
 */
async function chromiumToLaunch(): Promise<{ executablePath: string; args: string[] }> {
  const own = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const given = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (given) return { executablePath: given, args: own };
  const packaged = (await import('@sparticuz/chromium')).default;
  // Its Lambda flags (--single-process...) end the browser with its first page: only ours are passed.
  return { executablePath: await packaged.executablePath(), args: own };
}

export const SCREENSHOTS = path.resolve('docs/screenshots');

export interface Harness {
  open(w: { runtime: AppsScriptRuntime }, opts?: { timezoneId?: string }): Promise<OpenSidebar>;
  close(): Promise<void>;
}

export interface OpenSidebar {
  page: Page;
  /** Server functions called, in order. */
  calls: string[];
  /** Holds every server call until release() (to see the page while a call is out). */
  hold(): void;
  release(): void;
  /** Waits until no server call is out and the page has rendered its answer. */
  settled(): Promise<void>;
  /**
   * Saves docs/screenshots/<name>.png (overwritten on each run): the whole sidebar, one part of it
   * (a selector), or what is on screen ('viewport', for a dialog over the page).
   */
  shot(name: string, selector?: string): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
  const browser: Browser = await chromium.launch({ ...(await chromiumToLaunch()), headless: true });
  mkdirSync(SCREENSHOTS, { recursive: true });

  return {
    async open(w, opts = {}) {
      // en-GB in London unless a test asks for another zone: dates read "2 Nov 08:00" on every machine.
      const context = await browser.newContext({ viewport: { width: 300, height: 900 }, locale: 'en-GB', timezoneId: opts.timezoneId ?? 'Europe/London' });
      const page = await context.newPage();
      // Google's add-on stylesheet cannot be fetched here; the page carries its conventions itself.
      await page.route('https://ssl.gstatic.com/**', (route) => route.abort());
      const calls: string[] = [];
      let gate: Promise<void> | null = null;
      let open: (() => void) | null = null;
      let outstanding = 0;
      await page.exposeFunction('__gasCall', async (name: string, argsJson: string) => {
        calls.push(name);
        outstanding++;
        try {
          if (gate) await gate;
          const r = w.runtime.run(name, JSON.parse(argsJson) as unknown[], { kind: 'sidebar' });
          return JSON.stringify(r.error !== undefined ? { error: r.error } : { value: r.value ?? null });
        } finally {
          outstanding--;
        }
      });
      await page.addInitScript(`window.__GAS_SERVER_FUNCTIONS__ = ${JSON.stringify(publicFunctions())};`);
      await page.addInitScript({ path: path.resolve('test/ui/gas-run-shim.js') });
      await page.goto(base);
      const settled = async () => {
        await page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true' && document.getElementById('busy')?.hidden === true);
        // A chain of calls (save, then refresh, then test) leaves the indicator off between them.
        await page.waitForTimeout(50);
        await page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true');
        if (outstanding > 0) await settled();
      };
      await settled();
      return {
        page,
        calls,
        hold: () => {
          gate = new Promise<void>((resolve) => (open = resolve));
        },
        release: () => {
          open?.();
          gate = null;
        },
        settled,
        shot: async (name, selector) => {
          const file = path.join(SCREENSHOTS, `${name}.png`);
          if (selector === 'viewport') await page.screenshot({ path: file });
          else if (selector) await page.locator(selector).screenshot({ path: file });
          else await page.screenshot({ path: file, fullPage: true });
        },
      };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
