// What people see: crisp text at devicePixelRatio 1 and 2, layout that follows the window,
// no drawing while idle, and the explorer embedded in a news page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openExplorer, screenshot, settle, startServer, clickItem } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({
    '/story.html': `<!doctype html><html><body style="margin:0">
      <article style="width:600px;float:left"><h1>Story</h1><p>Text.</p></article>
      <div id="host" data-quote-explorer data-height="520" style="margin-left:620px;width:560px"></div>
      <div style="height:2000px"></div>
      <script src="/embed.js"></script></body></html>`,
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Counts distinct colours of a screenshot inside the page, so no PNG decoder is needed.
async function distinctColours(page, png) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set();
    for (let i = 0; i < pixels.length; i += 4 * 7) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    return colours.size;
  }, png.toString('base64'));
}

// A browser without OffscreenCanvas (or one that cannot move a canvas to a worker) draws
// on the page itself, with the same renderer.js.
async function withoutOffscreenCanvas(page) {
  await page.addInitScript(() => {
    delete HTMLCanvasElement.prototype.transferControlToOffscreen;
  });
}

for (const [renderer, deviceScaleFactor] of [['worker', 1], ['worker', 2], ['page', 2]]) {
  test(`drawn ${renderer === 'worker' ? 'in a worker' : 'on the page'} at devicePixelRatio ${deviceScaleFactor}, at device resolution`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor });
    const page = await context.newPage();
    if (renderer === 'page') await withoutOffscreenCanvas(page);
    await page.goto(`${server.url}/`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    await settle(page);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.renderer()), renderer);
    const size = await page.evaluate(() => ({ drawn: window.QuoteExplorer.debug.drawnSize(), css: innerWidth }));
    assert.equal(size.drawn.width, size.css * deviceScaleFactor);
    await clickItem(page, 'quote:2');
    const png = await page.screenshot({ path: (await screenshot(page, `explorer-${renderer}-dpr${deviceScaleFactor}`)) });
    assert.ok(await distinctColours(page, png) > 50, 'the screenshot is not blank');
    await context.close();
  });
}

test('the canvas follows the window when it is resized, and narrow windows stack the panels', async () => {
  const page = await openExplorer(browser, `${server.url}/`, { width: 1000, height: 700 });
  await page.setViewportSize({ width: 420, height: 760 });
  await settle(page);
  await settle(page);
  assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.drawnSize().width), 420);
  const search = await page.evaluate(() => window.QuoteExplorer.debug.itemRect('search'));
  assert.equal(search, null, 'filters fold away on narrow screens');
  assert.ok(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('quote:0')), 'the list is shown');
  await screenshot(page, 'explorer-narrow');
  await page.close();
});

test('nothing is drawn while the explorer is idle', async () => {
  const page = await openExplorer(browser, `${server.url}/`);
  await settle(page);
  const before = await page.evaluate(() => window.QuoteExplorer.debug.framesDrawn());
  await page.waitForTimeout(700);
  const idle = await page.evaluate(() => window.QuoteExplorer.debug.framesDrawn());
  assert.equal(idle, before);
  await page.mouse.move(400, 300);
  await settle(page);
  assert.ok(await page.evaluate(() => window.QuoteExplorer.debug.framesDrawn()) > idle, 'input wakes it');
  await page.close();
});

test('embed.js puts the explorer beside a story without touching the host page', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 700 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/story.html`);
  const frameElement = await page.waitForSelector('#host iframe');
  const box = await frameElement.boundingBox();
  assert.equal(Math.round(box.width), 560);
  assert.equal(Math.round(box.height), 520);
  const frame = await frameElement.contentFrame();
  await frame.waitForFunction(() => window.QuoteExplorer !== undefined);
  await frame.evaluate(() => window.QuoteExplorer.ready);
  const historyBefore = await page.evaluate(() => history.length);
  await frame.evaluate(() => window.QuoteExplorer.setFilter({ countries: ['RU'] }));
  assert.equal(await frame.evaluate(() => window.QuoteExplorer.visibleQuotes().length), 5);
  assert.equal(await page.evaluate(() => history.length), historyBefore);
  assert.equal(await page.evaluate(() => location.hash), '');
  // The wheel scrolls the quote list while it can, and the story once nothing can scroll.
  const listRect = await frame.evaluate(() => window.QuoteExplorer.debug.itemRect('quote:0'));
  await page.mouse.move(box.x + listRect.x + 40, box.y + listRect.y + 10);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => scrollY), 0, 'the list scrolled, not the page');
  await page.mouse.wheel(0, 5000);
  await page.waitForTimeout(300);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(500);
  assert.ok(await page.evaluate(() => scrollY) > 0, 'at the end of the list the page scrolls');
  await page.screenshot({ path: `${process.cwd()}/../../build/test-artifacts/embedded-in-story.png` });
  await context.close();
});
