// Hostile input in the browser: input that would exhaust the wasm heap is an error, not a
// crash, and the explorer keeps what it showed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openExplorer, startServer, visibleIds } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('an input too big for wasm memory is reported and the previous quotes stay', async () => {
  const page = await openExplorer(browser, `${server.url}/#speaker=trump`);
  // 160 MB of JSON whose parsed form would need far more than the 2 GiB wasm heap holds.
  const message = await page.evaluate(async () => {
    const text = `{"format":"quote-explorer/article@1","id":"x","title":"t","paragraphs":[${'"a",'.repeat(40e6)}"a"],`
      + '"speakers":[],"quotes":[]}';
    return window.QuoteExplorer.load(text, 'huge.json').then(() => 'loaded', (e) => e.message);
  });
  assert.match(message, /^huge\.json:1:1: reading this JSON needs up to \d+ MiB of memory, more than the 1024 MiB allowed; /);
  assert.deepEqual(await visibleIds(page), ['q8', 'q9', 'q10']);
  // And the explorer still works: a small article loads after the failure.
  const summary = await page.evaluate(() => window.QuoteExplorer.loadUrl('assets/articles/lavrov-european-troops.json'));
  assert.equal(summary.quotes, 10);
  await page.close();
});
