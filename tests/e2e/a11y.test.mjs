// Themes and accessibility: light and dark (prefers-color-scheme, ?theme=, data-theme on an
// embed), #qe-a11y (the explorer for assistive technology) driven with the real keyboard,
// and axe-core on index.html and embed.html in both themes. Results are read through
// window.QuoteExplorer; screenshots of both themes go to build/test-artifacts/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, openExplorer, screenshot, settle, startServer, visibleIds, watchConsole } from './harness.mjs';

// A corpus of 1,234 quotes (one speaker, two kinds) for the list's limit and number formatting.
function bigArticle(count) {
  const paragraphs = [];
  const quotes = [];
  for (let i = 0; i < count; ++i) {
    const text = `statement number ${i}`;
    paragraphs.push(`The minister said ${text}.`);
    quotes.push({ id: `b${i}`, speaker: 'm', kind: i % 2 ? 'direct' : 'indirect', text, paragraph: i, start: 18, end: 18 + text.length });
  }
  return { format: 'quote-explorer/article@1', id: 'big', title: 'Many quotes', paragraphs,
    speakers: [{ id: 'm', name: 'The Minister', role: 'Minister of Things', country: 'FR' }], quotes };
}

let server;
let browser;

before(async () => {
  const story = (theme) => `<!doctype html><html lang="en"><head><title>Story</title></head><body><main>
    <h1>Story</h1><div id="host" data-quote-explorer data-height="600"${theme ? ` data-theme="${theme}"` : ''}></div>
    </main><script src="/embed.js"></script></body></html>`;
  server = await startServer({
    '/story-dark.html': story('dark'),
    '/story.html': story(null),
    '/fixtures/big.json': JSON.stringify(bigArticle(1234)),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(url, { colorScheme = 'light', width = 1280, height = 800 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = watchConsole(await context.newPage());
  await page.goto(url);
  await page.evaluate(() => window.QuoteExplorer.ready);
  await settle(page);
  return page;
}

// The colour of one pixel of a screenshot, decoded in the page (no PNG decoder needed).
async function pixel(page, x, y) {
  const png = (await page.screenshot({ clip: { x, y, width: 1, height: 1 } })).toString('base64');
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png);
}

const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;

// Somewhere on the canvas's window background: below the facet panel's last row.
async function canvasBackground(page) {
  const rect = await page.evaluate(() => window.QuoteExplorer.debug.itemRect('search'));
  return pixel(page, Math.round(rect.x + rect.width / 2), page.viewportSize().height - 6);
}

async function axe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  assert.ok(results.passes.length > 10, 'axe ran its rules');
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

// The label of the #qe-a11y checkbox for a facet value.
async function facetLabel(page, value) {
  const id = await page.locator(`#qe-a11y input[type=checkbox][value="${value}"]`).getAttribute('id');
  return page.locator(`#qe-a11y label[for="${id}"]`).textContent();
}

const mirroredIds = (page) => page.locator('#qe-a11y #qe-quotes li').evaluateAll((items) => items.map((li) => li.dataset.quoteId));

describe('themes', () => {
  test('follows prefers-color-scheme in the page and the canvas; screenshots of both', async () => {
    const light = await open(`${server.url}/`, { colorScheme: 'light' });
    assert.equal(await light.evaluate(() => document.documentElement.dataset.theme), 'light');
    assert.ok(luminance(await canvasBackground(light)) > 0.9);
    await screenshot(light, 'theme-light');
    const dark = await open(`${server.url}/`, { colorScheme: 'dark' });
    assert.equal(await dark.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.ok(luminance(await canvasBackground(dark)) < 0.2);
    await screenshot(dark, 'theme-dark');
    // The reader changes their system's scheme: the explorer follows.
    await dark.emulateMedia({ colorScheme: 'light' });
    await dark.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    await settle(dark);
    assert.ok(luminance(await canvasBackground(dark)) > 0.9);
    assert.deepEqual(light.consoleErrors, []);
    assert.deepEqual(dark.consoleErrors, []);
    await light.context().close();
    await dark.context().close();
  });

  test("the canvas's background is the page's, in both themes: no seam, no flash while it starts", async () => {
    for (const colorScheme of ['light', 'dark']) {
      const page = await open(`${server.url}/`, { colorScheme });
      const pageColour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(`rgb(${(await canvasBackground(page)).join(', ')})`, pageColour, colorScheme);
      await page.context().close();
    }
  });

  test('?theme= overrides prefers-color-scheme', async () => {
    const page = await open(`${server.url}/?theme=dark`, { colorScheme: 'light' });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.ok(luminance(await canvasBackground(page)) < 0.2);
    await page.emulateMedia({ colorScheme: 'light' });
    await settle(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    // The review marks and the error banner in the dark theme, to look at.
    await page.evaluate(() => window.QuoteExplorer.load({ format: 'quote-explorer/article@1', id: 'x', title: 'Extracted',
      extracted: { by: 'test', reviewed: false }, paragraphs: ['Paris said “no way” today.'],
      speakers: [{ id: 'p', name: 'French government', country: 'FR' }],
      quotes: [{ id: 'q', speaker: 'p', kind: 'direct', text: 'no way', paragraph: 0, start: 12, end: 18, confidence: 0.4 }] }));
    await page.evaluate(() => window.QuoteExplorer.load('{"format": ', 'broken.json').catch(() => {}));
    await settle(page);
    await screenshot(page, 'theme-dark-review-marks-error');
    await page.context().close();
    const light = await open(`${server.url}/?theme=light`, { colorScheme: 'dark' });
    assert.equal(await light.evaluate(() => document.documentElement.dataset.theme), 'light');
    assert.ok(luminance(await canvasBackground(light)) > 0.9);
    await light.context().close();
  });

  test('data-theme on an embed reaches the explorer in its iframe', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.url}/story-dark.html`);
    const frameElement = await page.waitForSelector('#host iframe');
    assert.equal(new URL(await frameElement.getAttribute('src')).searchParams.get('theme'), 'dark');
    const frame = await frameElement.contentFrame();
    await frame.waitForFunction(() => window.QuoteExplorer !== undefined);
    await frame.evaluate(() => window.QuoteExplorer.ready);
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await settle(frame);
    await page.screenshot({ path: `${process.cwd()}/../../build/test-artifacts/theme-dark-embedded.png` });
    await context.close();
  });
});

describe('#qe-a11y, the explorer for assistive technology', () => {
  test('Tab to a facet checkbox and Space filters like the canvas; the list is visibleQuotes()', async () => {
    const page = await open(`${server.url}/`);
    assert.equal(await page.locator('#qe-a11y').count(), 1);
    assert.deepEqual(await mirroredIds(page), await visibleIds(page));
    assert.equal(await page.locator('#qe-status').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#qe-status').textContent(), '10 quotes');
    const lavrov = page.locator('#qe-a11y input[type=checkbox][value="sergei-lavrov"]');
    assert.match(await page.locator(`label[for="${await lavrov.getAttribute('id')}"]`).textContent(),
      /^Sergei Lavrov \(Russia, .+\): 4 quotes$/);
    // Real keyboard: from the canvas, Tab until the Lavrov checkbox has focus, then Space.
    for (let i = 0; i < 20 && !(await lavrov.evaluate((el) => el === document.activeElement)); ++i) await page.keyboard.press('Tab');
    assert.ok(await lavrov.evaluate((el) => el === document.activeElement), 'Tab reaches the checkbox');
    // Focused, the mirror is on screen for sighted keyboard users.
    assert.ok((await page.locator('#qe-a11y').boundingBox()).width > 100);
    await screenshot(page, 'a11y-mirror-focused');
    await page.keyboard.press('Space');
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter()),
      { speakers: ['sergei-lavrov'], countries: [], kinds: [], text: '' });
    assert.deepEqual(await visibleIds(page), ['q1', 'q3', 'q4', 'q5']);
    assert.deepEqual(await mirroredIds(page), ['q1', 'q3', 'q4', 'q5']);
    assert.ok(await lavrov.isChecked());
    assert.ok(await lavrov.evaluate((el) => el === document.activeElement), 'focus stays on the checkbox');
    assert.equal(await page.locator('#qe-status').textContent(), '4 of 10 quotes shown, filtered by speaker sergei-lavrov');
    // Counts follow the filter: what ticking a kind would show, given the speaker.
    const kindDirect = page.locator('#qe-a11y input[type=checkbox][value="direct"]');
    assert.match(await page.locator(`label[for="${await kindDirect.getAttribute('id')}"]`).textContent(), /^Direct \(verbatim\): 2 quotes$/);
    await page.keyboard.press('Space'); // untick again
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().speakers), []);
    assert.equal(await page.locator('#qe-status').textContent(), '10 quotes');
    await page.context().close();
  });

  test('typing in its search field filters; canvas changes show in it; the selected quote is marked', async () => {
    const page = await open(`${server.url}/`);
    const search = page.locator('#qe-a11y-search');
    for (let i = 0; i < 20 && !(await search.evaluate((el) => el === document.activeElement)); ++i) await page.keyboard.press('Tab');
    await page.keyboard.type('troops');
    await settle(page);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.getFilter().text), 'troops');
    const ids = await visibleIds(page);
    assert.ok(ids.length > 0 && ids.length < 10);
    assert.deepEqual(await mirroredIds(page), ids);
    assert.match(await page.locator('#qe-status').textContent(), new RegExp(`^${ids.length} of 10 quotes shown, filtered by text “troops”$`));
    // A filter set elsewhere (the API, the canvas, the URL) shows here too.
    await page.evaluate(() => window.QuoteExplorer.setFilter({ kinds: ['indirect'] }));
    await settle(page);
    assert.deepEqual(await mirroredIds(page), await visibleIds(page));
    assert.ok(await page.locator('#qe-a11y input[value="indirect"]').isChecked());
    const current = page.locator('#qe-quotes li[aria-current="true"]');
    assert.equal(await current.count(), 1);
    const selected = await page.evaluate(() => window.QuoteExplorer.selectedQuote());
    assert.equal(await current.getAttribute('data-quote-id'), selected.id);
    assert.match(await current.textContent(), /^Selected: /);
    const next = (await visibleIds(page)).find((id) => id !== selected.id);
    await page.evaluate((id) => window.QuoteExplorer.select('lavrov-european-troops', id), next);
    await settle(page);
    assert.deepEqual(await page.locator('#qe-quotes li[aria-current="true"]').evaluateAll((l) => l.map((li) => li.dataset.quoteId)), [next]);
    // Quote items: speaker, role, country, kind and text.
    const item = await page.locator(`#qe-quotes li[data-quote-id="${next}"]`).textContent();
    const quote = (await page.evaluate(() => window.QuoteExplorer.visibleQuotes())).find((q) => q.id === next);
    assert.ok(item.includes(quote.speaker_name) && item.includes('indirect') && item.includes(quote.text), item);
    await page.context().close();
  });

  test('lists the first 200 quotes and says how many there are, with numbers for people', async () => {
    const page = await open(`${server.url}/?src=${encodeURIComponent('/fixtures/big.json')}`);
    assert.equal(await page.locator('#qe-status').textContent(), '1,234 quotes');
    assert.equal(await page.locator('#qe-quotes li').count(), 200);
    assert.deepEqual(await mirroredIds(page), (await visibleIds(page)).slice(0, 200));
    assert.equal(await page.locator('#qe-a11y-more').textContent(), 'The first 200 of 1,234 quotes shown are listed.');
    assert.equal(await facetLabel(page, 'm'), 'The Minister (France, Minister of Things): 1,234 quotes');
    assert.equal(await facetLabel(page, 'FR'), 'France (FR): 1,234 quotes');
    await page.evaluate(() => window.QuoteExplorer.setFilter({ text: 'statement number 1001' }));
    await settle(page);
    assert.equal(await page.locator('#qe-status').textContent(), '1 of 1,234 quotes shown, filtered by text “statement number 1001”');
    assert.equal(await page.locator('#qe-quotes li').count(), 1);
    assert.ok(await page.locator('#qe-a11y-more').isHidden());
    assert.equal(await facetLabel(page, 'direct'), 'Direct (verbatim): 1 quote');
    assert.equal(await facetLabel(page, 'indirect'), 'Indirect (reported): 0 quotes');
    await page.context().close();
  });
});

describe('axe-core', () => {
  for (const colorScheme of ['light', 'dark']) {
    test(`index.html has no violations (${colorScheme})`, async () => {
      const page = await open(`${server.url}/`, { colorScheme });
      assert.deepEqual(await axe(page), []);
      // Also while the mirror is shown (a checkbox has focus), and with a filter applied.
      await page.locator('#qe-a11y input[type=checkbox]').first().focus();
      await page.keyboard.press('Space');
      await settle(page);
      await screenshot(page, `a11y-mirror-${colorScheme}`);
      assert.deepEqual(await axe(page), []);
      await page.context().close();
    });
    test(`embed.html has no violations (${colorScheme})`, async () => {
      const page = await open(`${server.url}/embed.html`, { colorScheme, width: 600, height: 600 });
      assert.deepEqual(await axe(page), []);
      await page.context().close();
    });
  }
});

describe('reduced motion', () => {
  test('the loading spinner does not spin for readers who ask for less motion', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('.spinner').evaluate((el) => getComputedStyle(el).animationName), 'none');
    await context.close();
  });
});
