// `./build-wasm.sh serve` (tools/serve.py) as a reader meets it: the explorer's files
// gzipped and revalidated, and a large corpus sent as it is with `Cache-Control: no-store`
// (docs/embedding.md: Chromium then does not copy the download onto its garbage-collected
// heap first), which the explorer loads whole.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_DIR, launchBrowser, openExplorer } from './harness.mjs';
import { corpus } from '../../bench/scale/corpus.mjs';

const SERVE = fileURLToPath(new URL('../../tools/serve.py', import.meta.url));
const LARGE_QUOTES = 70000; // about 20 MB of JSON Lines: over serve.py's 16 MiB
const SMALL_QUOTES = 100;

let site;
let browser;

// serve.py on any free port, over a copy of build/web (links) with the two corpora beside it.
async function startDevServer() {
  const directory = await mkdtemp(join(tmpdir(), 'qe-serve-'));
  let server = null;
  const stop = async () => {
    server?.kill();
    await rm(directory, { recursive: true, force: true });
  };
  try {
    for (const name of await readdir(WEB_DIR)) await symlink(join(WEB_DIR, name), join(directory, name));
    await writeFile(join(directory, 'large.jsonl'), corpus(LARGE_QUOTES));
    await writeFile(join(directory, 'small.jsonl'), corpus(SMALL_QUOTES));
    server = spawn('python3', [SERVE, '0', directory], { stdio: ['ignore', 'pipe', 'ignore'] });
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('serve.py did not say where it serves within 10 s')), 10000);
      const fail = (error) => {
        clearTimeout(timer);
        reject(error);
      };
      server.stdout.on('data', (data) => {
        const match = /on (http:\/\/[^/]+)\//.exec(String(data));
        if (!match) return;
        clearTimeout(timer);
        resolve(match[1]);
      });
      server.on('error', fail); // no python3
      server.on('exit', (code) => fail(new Error(`serve.py exited with ${code}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

before(async () => {
  site = await startDevServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.stop();
});

// The response headers the page sees for `path`.
function headersOf(page, path) {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    await response.arrayBuffer();
    return Object.fromEntries(['cache-control', 'content-encoding', 'content-type'].map((name) => [name, response.headers.get(name)]));
  }, path);
}

test('the explorer is gzipped and revalidated; a small corpus too', async () => {
  const page = await openExplorer(browser, `${site.url}/`);
  assert.deepEqual(await headersOf(page, '/quote-explorer.wasm'),
    { 'cache-control': 'no-cache', 'content-encoding': 'gzip', 'content-type': 'application/wasm' });
  assert.deepEqual(await headersOf(page, '/small.jsonl'),
    { 'cache-control': 'no-cache', 'content-encoding': 'gzip', 'content-type': 'application/json' });
  await page.context().close();
});

test('a large corpus comes as it is, not stored, and loads whole', async () => {
  const page = await openExplorer(browser, `${site.url}/`);
  assert.deepEqual(await headersOf(page, '/large.jsonl'),
    { 'cache-control': 'no-store', 'content-encoding': null, 'content-type': 'application/json' });
  const summary = await page.evaluate(() => window.QuoteExplorer.loadUrl('/large.jsonl'));
  assert.equal(summary.quotes, LARGE_QUOTES);
  assert.equal(summary.articles, LARGE_QUOTES / 10);
  assert.deepEqual(page.consoleErrors, []);
  await page.context().close();
});
