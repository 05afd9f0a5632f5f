// Browser test harness: serves build/web on loopback and drives Debian's Chromium through
// playwright-core, with real mouse and keyboard events on the canvas.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Resolved, so a QE_WEB_DIR with '..' in it still passes the server's containment check.
export const WEB_DIR = resolve(process.env.QE_WEB_DIR || join(ROOT, 'build/web'));
export const ARTIFACTS = join(ROOT, 'build/test-artifacts');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.jsonl': 'application/json', '.css': 'text/css' };

// Serves build/web, plus extra in-memory files (path -> string) for test fixtures, or
// handlers (path -> function(request, response)) for responses a test shapes itself (a slow
// download, say); `headers` go on every HTML response (a Content-Security-Policy, say).
export async function startServer(extraFiles = {}, { headers = {} } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const extra = (type) => (type && type.startsWith('text/html') ? headers : {});
    if (typeof extraFiles[path] === 'function') {
      extraFiles[path](request, response);
      return;
    }
    if (extraFiles[path] !== undefined) {
      const type = TYPES[extname(path)] || 'text/plain';
      response.writeHead(200, { 'Content-Type': type, ...extra(type) });
      response.end(extraFiles[path]);
      return;
    }
    const file = normalize(join(WEB_DIR, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(WEB_DIR)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type, ...extra(type) });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

// For a test file: serves build/web (plus `extraFiles`, with `options` as startServer's) and
// launches Chromium before its tests, and closes both after them. Use site.server, site.browser.
export function useSite(extraFiles = {}, options = {}) {
  const site = {};
  before(async () => {
    site.server = await startServer(extraFiles, options);
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

// Collects a page's console errors (page.consoleErrors) and sanitizer or assertion reports
// (page.sanitizerReports, which settle() and visibleIds() turn into failures).
export function watchConsole(page) {
  page.consoleErrors = [];
  page.sanitizerReports = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.consoleErrors.push(message.text());
    if (/AddressSanitizer|LeakSanitizer|runtime error:|Assertion failed/.test(message.text())) {
      page.sanitizerReports.push(message.text());
    }
  });
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  return page;
}

// Opens the explorer and waits for QuoteExplorer.ready; collects console errors.
export async function openExplorer(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1, hasTouch = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, hasTouch });
  const page = watchConsole(await context.newPage());
  await page.goto(url);
  await page.evaluate(() => window.QuoteExplorer.ready);
  return page;
}

// Where a named widget is, in page coordinates (the canvas fills the page).
export async function itemRect(page, name) {
  await settle(page);
  const rect = await page.evaluate((n) => window.QuoteExplorer.debug.itemRect(n), name);
  if (!rect) throw new Error(`widget "${name}" is not on screen`);
  return rect;
}

export async function clickItem(page, name) {
  const rect = await itemRect(page, name);
  await page.mouse.click(rect.x + Math.min(rect.width / 2, 12), rect.y + rect.height / 2);
  await settle(page);
}

// Waits until the explorer has handled all input and drawn the frames it asked for; fails
// the test if the sanitizer or assertion build reported anything on the console.
export async function settle(page) {
  if (page.sanitizerReports?.length) throw new Error(`sanitizer report:\n${page.sanitizerReports.join('\n')}`);
  await page.evaluate(() => new Promise((resolve, reject) => {
    let frames = 0;
    const tick = () => {
      if (window.QuoteExplorer.debug.pendingFrames() === 0 && frames >= 2) resolve();
      else if (++frames > 600) reject(new Error('the explorer never went idle'));
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export async function visibleIds(page) {
  if (page.sanitizerReports?.length) throw new Error(`sanitizer report:\n${page.sanitizerReports.join('\n')}`);
  return page.evaluate(() => window.QuoteExplorer.visibleQuotes().map((q) => q.id));
}
