// The explorer runs under the strict Content-Security-Policy that docs/embedding.md asks
// hosts to send: no inline script or style, no eval, WebAssembly compiled only from its own
// file. Every feature is used once and no violation may be reported.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, settle, visibleIds, watchConsole, useSite } from './harness.mjs';

// The policy documented in docs/embedding.md, word for word.
export const POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";

const site = useSite({}, { headers: { 'Content-Security-Policy': POLICY } });

async function openUnderPolicy(path) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = watchConsole(await context.newPage());
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${site.server.url}${path}`);
  await page.evaluate(() => window.QuoteExplorer.ready);
  return page;
}

describe('under the documented Content-Security-Policy', () => {
  test('index.html: browse, search, extract, review, download', async () => {
    const page = await openUnderPolicy('/');
    await clickItem(page, 'country:RU');
    assert.equal((await visibleIds(page)).length, 5);
    await page.evaluate(() => window.QuoteExplorer.extract('Talks resume\n\n"We are ready," said Jan Novak, the Czech prime minister.'));
    await settle(page);
    assert.ok(await page.evaluate(() => window.QuoteExplorer.review.article() !== null));
    await clickItem(page, 'review-accept');
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'review-save')]);
    assert.equal(download.suggestedFilename().endsWith('.json'), true);
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  test('embed.html', async () => {
    const page = await openUnderPolicy('/embed.html');
    await clickItem(page, 'quote:2');
    assert.deepEqual(await page.evaluate(() => window.violations), []);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
});
