// The explorer embedded in a realistic news page (web/examples/news-page.html) served from
// another origin, as a newsroom would host it: the iframe fits its content's height; the
// host page's scroll, history and focus are never taken; Tab moves into the explorer and
// out again; axe-core finds nothing on the page, explorer included, in either theme.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, screenshot, settle, startServer, watchConsole } from './harness.mjs';

const NEWS_PAGE = readFileSync(fileURLToPath(new URL('../../web/examples/news-page.html', import.meta.url)), 'utf8');

let explorerSite; // build/web, as the explorer's own origin
let newsSite; // the newsroom's origin: the example page pointing at the explorer's
let browser;

before(async () => {
  explorerSite = await startServer();
  const page = NEWS_PAGE.replace('../embed.js', `${explorerSite.url}/embed.js`)
    .replace('../assets/articles/', `${explorerSite.url}/assets/articles/`);
  newsSite = await startServer({
    '/story.html': page,
    '/fixed-height.html': page.replace('<div data-quote-explorer', '<div data-quote-explorer data-height="450"'),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await newsSite?.close();
  await explorerSite?.close();
});

// The news page with its explorer started; `page.explorer` is the iframe's Frame.
// The iframe loads lazily: below the fold it starts once scrolled to (`scroll`). The Frame
// is looked up by URL once the explorer in it has drawn, as a lazy iframe may begin with
// another document.
async function openStory({ width = 1280, height = 800, colorScheme = 'light', path = '/story.html', scroll = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = watchConsole(await context.newPage());
  await page.goto(`${newsSite.url}${path}`);
  const handle = await page.waitForSelector('iframe', { state: 'attached' });
  if (scroll) await handle.scrollIntoViewIfNeeded();
  page.explorer = await startedExplorer(page);
  await page.explorer.evaluate(() => window.QuoteExplorer.ready);
  return page;
}

async function startedExplorer(page) {
  for (let attempt = 0; attempt < 300; ++attempt) {
    const frame = page.frames().find((f) => f.url().includes('/embed.html'));
    const started = frame && await frame.evaluate(() => !!window.QuoteExplorer && window.QuoteExplorer.debug.framesDrawn() > 0)
      .catch(() => false);
    if (started) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the embedded explorer never started');
}

async function frameBox(page) {
  return page.locator('iframe').boundingBox();
}

// Clicks a named widget of the explorer, in page coordinates.
async function clickInExplorer(page, name) {
  await page.explorer.waitForFunction(() => window.QuoteExplorer.debug.pendingFrames() === 0);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const box = await frameBox(page);
  const rect = await page.explorer.evaluate((n) => window.QuoteExplorer.debug.itemRect(n), name);
  assert.ok(rect, `widget ${name} is on screen`);
  await page.mouse.click(box.x + rect.x + Math.min(rect.width / 2, 12), box.y + rect.y + rect.height / 2);
}

describe('the example news page, explorer from another origin', () => {
  test('the explorer runs cross-origin and its iframe fits its content', async () => {
    const page = await openStory();
    assert.notEqual(new URL(page.explorer.url()).origin, new URL(page.url()).origin);
    assert.equal((await page.explorer.evaluate(() => window.QuoteExplorer.visibleQuotes())).length, 10);
    // The explorer asks for its content's height; embed.js applies it (not the 640 px default).
    await page.waitForFunction(() => document.querySelector('iframe').style.height !== '640px');
    const height = (await frameBox(page)).height;
    assert.ok(height >= 320 && height <= Math.max(640, 800 * 0.9), `height ${height}`);
    await screenshot(page, 'news-page-1280');
    await page.context().close();
  });

  test('a fixed data-height is kept', async () => {
    const page = await openStory({ width: 1000, path: '/fixed-height.html' });
    await settle(page.explorer); // it has drawn its content and reported the height it needs
    assert.equal((await frameBox(page)).height, 450);
    await page.context().close();
  });

  test('loading and using the explorer never takes the host page\'s scroll, history or focus', async () => {
    const page = await openStory({ width: 1000, height: 1400, scroll: false });
    const before = await page.evaluate(() => ({ scroll: window.scrollY, length: history.length, href: location.href }));
    assert.equal(before.scroll, 0, 'the explorer did not scroll the page to itself');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'nor took focus on load');

    await clickInExplorer(page, 'filters');  // the story's column is narrow: filters fold away
    await clickInExplorer(page, 'country:RU');
    await page.explorer.waitForFunction(() => window.QuoteExplorer.getFilter().countries.includes('RU'));
    await clickInExplorer(page, 'kind:direct');
    await page.explorer.waitForFunction(() => window.QuoteExplorer.getFilter().kinds.includes('direct'));
    const after = await page.evaluate(() => ({ length: history.length, href: location.href }));
    assert.equal(after.length, before.length, 'no history entries for the host page');
    assert.equal(after.href, before.href);

    // The wheel outside the explorer scrolls the story as usual.
    await page.setViewportSize({ width: 1000, height: 500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(20, 20);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.scrollY > 0);
    await page.context().close();
  });

  test('Tab moves into the explorer and out again to the story', async () => {
    const page = await openStory();
    await page.locator('header a', { hasText: 'Opinion' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME');
    assert.equal(await page.explorer.evaluate(() => document.activeElement.id), 'canvas');
    let out = false;
    for (let i = 0; i < 80 && !out; ++i) {
      await page.keyboard.press('Tab');
      out = await page.evaluate(() => document.activeElement.id === 'after-explorer');
    }
    assert.ok(out, 'Tab reached the link after the explorer');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME', 'and Shift+Tab goes back in');
    await page.context().close();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no violations on the page and its explorer (${colorScheme})`, async () => {
      const page = await openStory({ colorScheme });
      const results = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      await screenshot(page, `news-page-${colorScheme}`);
      await page.context().close();
    });
  }

  test('on a phone the story and its explorer stack in one column', async () => {
    const page = await openStory({ width: 360, height: 740 });
    const box = await frameBox(page);
    assert.ok(box.width <= 360 && box.width > 300, `width ${box.width}`);
    const third = (await page.explorer.evaluate(() => window.QuoteExplorer.visibleQuotes()))[2].id;
    await clickInExplorer(page, 'quote:2');
    await page.explorer.waitForFunction((id) => window.QuoteExplorer.selectedQuote().id === id, third);
    await screenshot(page, 'news-page-360');
    await page.context().close();
  });
});
