// Corpus views: quotes over time as a histogram of publication dates that filters by
// brushing with the mouse, the same range through the API, the URL hash and the
// screen-reader mirror's date fields; the sources and articles facets. Input is real mouse
// drags, clicks and typing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { itemRect, openExplorer, screenshot, settle, useSite } from './harness.mjs';

// Article n (1…20) is published on 2025-03-n, with n quotes of two speakers; one more
// article has no date. Odd articles come from the Harbour Gazette, even ones the Valley Post.
function corpus() {
  const lines = [];
  for (let n = 1; n <= 21; ++n) {
    const text = 'Talks will go on.';
    const quotes = Array.from({ length: n <= 20 ? n : 2 }, (_, i) => ({
      id: `q${i}`, speaker: i % 2 ? 'b' : 'a', kind: 'direct', text: 'Talks will go on', paragraph: 0, start: 0, end: 16,
    }));
    lines.push(JSON.stringify({
      format: 'quote-explorer/article@1', id: `a${n}`, title: `Article ${n}`,
      ...(n <= 20 ? { published: `2025-03-${String(n).padStart(2, '0')}T09:00:00Z` } : {}),
      source: { name: n % 2 ? 'Harbour Gazette' : 'Valley Post' },
      paragraphs: [text],
      speakers: [{ id: 'a', name: 'Anna Berg', country: 'SE' }, { id: 'b', name: 'Ben Okafor', country: 'NG' }],
      quotes,
    }));
  }
  return `${lines.join('\n')}\n`;
}

const site = useSite({ '/fixtures/dated.jsonl': corpus() });
const TOTAL = 20 * 21 / 2 + 2;
const quotesBetween = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i).reduce((a, b) => a + b, 0);

async function openDated() {
  const page = await openExplorer(site.browser, `${site.server.url}/?src=fixtures/dated.jsonl`);
  assert.equal((await page.evaluate(() => window.QuoteExplorer.visibleQuotes().length)), TOTAL);
  return page;
}

describe('quotes over time', () => {
  test('dragging across the histogram filters to the days under the brush, and Back undoes it', async () => {
    const page = await openDated();
    const chart = await itemRect(page, 'published-chart');
    const xOfDay = (day) => chart.x + chart.width * ((day - 0.5) / 20);
    await page.mouse.move(xOfDay(5), chart.y + chart.height / 2);
    await page.mouse.down();
    await page.mouse.move(xOfDay(8), chart.y + chart.height / 2, { steps: 4 });
    await settle(page);
    await screenshot(page, 'published-brushing');
    await page.mouse.up();
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().published), { from: '2025-03-05', to: '2025-03-08' });
    assert.equal(await page.evaluate(() => window.QuoteExplorer.visibleQuotes().length), quotesBetween(5, 8));
    assert.equal(await page.evaluate(() => location.hash), '#from=2025-03-05&to=2025-03-08');
    assert.match(await page.locator('#qe-status').textContent(), /published 2025-03-05 to 2025-03-08$/);
    await screenshot(page, 'published-brushed');
    await page.goBack();
    await settle(page);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.getFilter().published), undefined);
    await page.context().close();
  });

  test('setFilter takes a published range; other facets count within it; a bad day selects nothing', async () => {
    const page = await openDated();
    const outcome = await page.evaluate(() => {
      const filter = window.QuoteExplorer.setFilter({ speakers: ['Anna Berg'], published: { from: '2025-03-19' } });
      return { filter, visible: window.QuoteExplorer.visibleQuotes().length };
    });
    assert.deepEqual(outcome.filter, { speakers: ['a'], countries: [], kinds: [], text: '', published: { from: '2025-03-19', to: '' } });
    assert.equal(outcome.visible, 10 + 10); // day 19: q0,2,…,18; day 20: q0,…,18
    assert.equal(await page.evaluate(() => {
      window.QuoteExplorer.setFilter({ published: { to: '2025-02-30' } });
      return window.QuoteExplorer.visibleQuotes().length;
    }), 0);
    await assert.rejects(page.evaluate(() => window.QuoteExplorer.setFilter({ published: '2025-03-01' })), /published must be \{from, to\}/);
    await assert.rejects(page.evaluate(() => window.QuoteExplorer.setFilter({ published: { from: 20250301 } })), /published.from must be/);
    await page.context().close();
  });

  test('the screen-reader mirror has date fields that drive the same filter', async () => {
    const page = await openDated();
    assert.equal(await page.locator('#qe-a11y-published').isHidden(), false);
    assert.equal(await page.locator('#qe-a11y-from').getAttribute('min'), '2025-03-01');
    await page.locator('#qe-a11y-to').focus();
    await page.keyboard.type('03022025'); // en-US date field order: month, day, year
    await page.keyboard.press('Tab');
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().published), { from: '', to: '2025-03-02' });
    assert.equal(await page.evaluate(() => window.QuoteExplorer.visibleQuotes().length), quotesBetween(1, 2));
    await page.context().close();
  });

  test('a corpus without dates has no histogram and no date fields', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('published-chart')), null);
    assert.equal(await page.locator('#qe-a11y-published').isHidden(), true);
    await page.context().close();
  });

  test('the sources facet filters by the articles\' source, on the canvas, in the hash and in the mirror', async () => {
    const page = await openDated();
    await page.evaluate(() => window.QuoteExplorer.setFilter({}));
    const before = await page.evaluate(() => history.length);
    const box = await itemRect(page, 'source:Valley Post');
    await page.mouse.click(box.x + 10, box.y + box.height / 2);
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().sources), ['Valley Post']);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.visibleQuotes().length), quotesBetween(1, 10) * 2);
    assert.equal(await page.evaluate(() => location.hash), '#source=Valley+Post');
    assert.equal(await page.evaluate(() => history.length), before + 1);
    await page.locator('#qe-a11y-sources input[value="Harbour Gazette"]').focus();
    await page.keyboard.press('Space');
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().sources), ['Valley Post', 'Harbour Gazette']);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.visibleQuotes().length), TOTAL);
    await page.context().close();
  });

  // Brings a canvas widget of the facet panel into view by scrolling the panel with the wheel.
  async function scrollToItem(page, name) {
    const panel = await itemRect(page, 'search');
    for (let i = 0; i < 20; ++i) {
      const rect = await page.evaluate((n) => window.QuoteExplorer.debug.itemRect(n), name);
      if (rect && rect.y >= panel.y + panel.height && rect.y + rect.height <= 790) return rect;
      await page.mouse.move(panel.x + panel.width / 2, 500);
      await page.mouse.wheel(0, rect && rect.y < panel.y ? -120 : 120);
      await settle(page);
    }
    throw new Error(`${name} never scrolled into view`);
  }

  test('the articles facet finds an article by title, on the canvas, in the hash and in the mirror', async () => {
    const page = await openDated();
    // 21 articles: a search box and the 20 with most quotes; Article 1 (1 quote) is not listed.
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('article:a1')), null);
    const search = await scrollToItem(page, 'article-search');
    await page.mouse.click(search.x + 20, search.y + search.height / 2);
    await page.keyboard.type('ARTICLE 1');
    await settle(page);
    const row = await scrollToItem(page, 'article:a1');
    await screenshot(page, 'article-facet');
    await page.mouse.click(row.x + 10, row.y + row.height / 2);
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().articles), ['a1']);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.visibleQuotes().length), 1);
    assert.equal(await page.evaluate(() => location.hash), '#article=a1');
    assert.match(await page.locator('#qe-status').textContent(), /filtered by article a1$/);

    // The mirror lists matching articles as checkboxes, the ticked one first, with counts.
    await page.locator('#qe-a11y-article-search').focus();
    await page.keyboard.type('article 2');
    const labels = () => page.locator('#qe-a11y-articles label').allTextContents();
    assert.deepEqual(await labels(), ['Article 1 (Harbour Gazette, 2025-03-01): 1 quote',
      'Article 20 (Valley Post, 2025-03-20): 20 quotes', 'Article 2 (Valley Post, 2025-03-02): 2 quotes',
      'Article 21 (Harbour Gazette): 2 quotes']);
    assert.equal(await page.locator('#qe-a11y-article-status').textContent(), '3 articles match “article 2”.');
    await page.getByLabel('Article 20 (Valley Post, 2025-03-20): 20 quotes').focus();
    await page.keyboard.press('Space');
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().articles), ['a1', 'a20']);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.visibleQuotes().length), 21);
    assert.equal(await page.evaluate(() => document.activeElement.value), 'a20'); // focus stays on the box

    // Without a search and ticks the mirror lists the 20 articles with most quotes, not all.
    await page.evaluate(() => window.QuoteExplorer.setFilter({}));
    await page.locator('#qe-a11y-article-search').fill('');
    await settle(page);
    assert.equal(await page.locator('#qe-a11y-articles input').count(), 20);
    assert.equal(await page.locator('#qe-a11y-article-status').textContent(), '21 articles; 1 more with fewer quotes is not listed.');

    // The API takes ids or titles in any case and answers with ids.
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.setFilter({ articles: ['article 3', 'A4'] }).articles), ['a3', 'a4']);
    await page.context().close();
  });
});

describe('the overview', () => {
  test('a corpus opens on bars per country and speaker; a click on a bar filters, a picked quote shows its article', async () => {
    const page = await openDated();
    assert.ok(await itemRect(page, 'overview-country:SE'), 'the country chart is shown');
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('copy')), null, 'no article yet');
    await screenshot(page, 'overview');
    const bar = await itemRect(page, 'overview-country:NG');
    await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
    await settle(page);
    await page.mouse.down();
    await page.mouse.up();
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().countries), ['NG']);
    const ben = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
    assert.ok(ben.length > 0 && ben.every((q) => q.speaker_name === 'Ben Okafor'));
    await screenshot(page, 'overview-filtered');
    assert.ok(await itemRect(page, 'overview-speaker:b'), 'the speaker chart counts what the country keeps');

    const quote = await itemRect(page, 'quote:0');
    await page.mouse.click(quote.x + 20, quote.y + quote.height / 2);
    await settle(page);
    assert.ok(await itemRect(page, 'copy'), 'the picked quote is read in its article');
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('overview-country:SE')), null);
    const tab = await itemRect(page, 'tab-overview');
    await page.mouse.move(tab.x + tab.width / 2, tab.y + tab.height / 2);
    await settle(page);  // ImGui's tabs take a click on what the pointer already hovered
    await page.mouse.down();
    await page.mouse.up();
    await settle(page);
    assert.ok(await itemRect(page, 'overview-country:SE'), 'the Overview tab brings the charts back');
    await page.context().close();
  });
});
