// A JSON Lines corpus with bad lines: rejected with the line number by default; loaded past
// them with loadUrl(url, {skipInvalid: true}) or the error banner's checkbox, which list
// every skipped line. Results through window.QuoteExplorer; input is a real drop and click.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, itemRect, openExplorer, settle, visibleIds, useSite } from './harness.mjs';

function article(id, quoteId) {
  return {
    format: 'quote-explorer/article@1', id, title: `Article ${id}`,
    paragraphs: ['The minister said talks would go on.'],
    speakers: [{ id: 'm', name: 'The Minister', country: 'FR' }],
    quotes: [{ id: quoteId, speaker: 'm', kind: 'indirect', text: 'talks would go on', paragraph: 0, start: 18, end: 35 }],
  };
}

// Lines 2 and 4 are bad: broken JSON, and a quote whose span does not match its text.
const CORPUS = [
  JSON.stringify(article('a1', 'qa')),
  '{"format": "quote-explorer/article@1", "id": "broken"',
  JSON.stringify(article('a3', 'qc')),
  JSON.stringify({ ...article('a4', 'qd'), quotes: [{ ...article('a4', 'qd').quotes[0], end: 30 }] }),
  JSON.stringify(article('a5', 'qe')),
].join('\n');

const site = useSite({ '/fixtures/corpus.jsonl': CORPUS });

describe('JSON Lines with bad lines', () => {
  test('are rejected with the line number by default, and the previous data stays', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    const message = await page.evaluate(() => window.QuoteExplorer.loadUrl('fixtures/corpus.jsonl').catch((e) => e.message));
    assert.match(message, /^fixtures\/corpus\.jsonl:2:/m);
    assert.equal((await visibleIds(page)).length, 10, 'the seed article is still shown');
    await page.context().close();
  });

  test('load past them with loadUrl(url, {skipInvalid: true}), listing each skipped line', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    const summary = await page.evaluate(() => window.QuoteExplorer.loadUrl('fixtures/corpus.jsonl', { skipInvalid: true }));
    assert.equal(summary.articles, 3);
    assert.deepEqual(summary.skipped.map((s) => s.line), [2, 4]);
    assert.match(summary.skipped[1].errors[0], /corpus\.jsonl:4: \/quotes\/0\/text/);
    assert.deepEqual((await visibleIds(page)).sort(), ['qa', 'qc', 'qe']);
    assert.ok(await itemRect(page, 'skipped'), 'the page lists the skipped lines');
    await page.context().close();
  });

  test('a dropped file: the error banner offers to skip the invalid lines', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'corpus.jsonl', { type: 'application/json' }));
      document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
    }, CORPUS);
    await settle(page);
    assert.equal((await visibleIds(page)).length, 10);
    await clickItem(page, 'skip-invalid');
    await page.waitForFunction(() => window.QuoteExplorer.visibleQuotes().length === 3);
    assert.deepEqual((await visibleIds(page)).sort(), ['qa', 'qc', 'qe']);
    assert.ok(await itemRect(page, 'skipped'));
    await page.context().close();
  });

  test('a single bad JSON document offers no skipping', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    await page.evaluate(() => window.QuoteExplorer.load('{"format": 7}', 'bad.json').catch(() => {}));
    await settle(page);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('skip-invalid')), null);
    await page.context().close();
  });
});
