// Extraction in the browser: pasted text, dropped .txt and .html files, "Open file…" and
// QuoteExplorer.extract turn an article's text into quotes through the extractor module,
// which a page that never extracts never downloads. Extracted articles are marked "not
// reviewed" and unsure quotes carry a "check" badge. Results are read through
// window.QuoteExplorer; input is real keyboard, mouse, clipboard and drop events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  clickItem, itemRect, launchBrowser, openExplorer, screenshot, settle, startServer, visibleIds, watchConsole,
} from './harness.mjs';

const SEED = JSON.parse(readFileSync(fileURLToPath(new URL('../../assets/articles/lavrov-european-troops.json', import.meta.url)), 'utf8'));
const SEED_IDS = SEED.quotes.map((q) => q.id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
// The seed article as a reader would copy it from the page: one paragraph a line.
const SEED_TEXT = SEED.paragraphs.join('\n');

const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Kyiv holds firm | Test Wire</title>
<meta property="og:title" content="Kyiv holds firm on talks">
<meta property="og:site_name" content="Test Wire">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1>Kyiv holds firm on talks</h1>
  <p class="byline">By A. Reporter</p>
  <p>KYIV – Ukraine's foreign minister Olena Kovalenko said on Monday that talks with the allies would continue.</p>
  <p>“We will not give up,” Kovalenko said. “Our partners stand with us.”</p>
  <p>Read more: other stories</p>
</article>
<footer>© Test Wire</footer>
</body></html>`;

// A hand-written extracted article: one unsure quote (confidence 0.4) and one sure one.
const UNREVIEWED = {
  format: 'quote-explorer/article@1', id: 'unsure', title: 'An extracted article',
  paragraphs: ['“We will not give up,” the minister said.', 'Kyiv said talks continue.'],
  speakers: [{ id: 'minister', name: 'Olena Minister', country: 'UA' },
    { id: 'kyiv', name: 'Ukrainian government', kind: 'organization', country: 'UA' }],
  quotes: [
    { id: 'q1', speaker: 'minister', kind: 'direct', text: 'We will not give up,', paragraph: 0, start: 1, end: 21, confidence: 0.4 },
    { id: 'q2', speaker: 'kyiv', kind: 'indirect', text: 'talks continue', paragraph: 1, start: 10, end: 24, confidence: 0.9 },
  ],
  extracted: { by: 'quotes', reviewed: false },
};

let server;
let browser;

before(async () => {
  server = await startServer({ '/fixtures/story.html': PAGE_HTML });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// A page whose clipboard the test can write, with every URL it requests recorded.
async function openWithClipboard(options = {}) {
  const context = await browser.newContext({ viewport: { width: options.width || 1280, height: options.height || 800 },
    deviceScaleFactor: options.deviceScaleFactor || 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const requests = [];
  context.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const page = watchConsole(await context.newPage());
  await page.goto(`${server.url}/`);
  await page.evaluate(() => window.QuoteExplorer.ready);
  page.requests = requests;
  return page;
}

// Closes a page from openWithClipboard, failing the test on any sanitizer or assertion report.
async function closePage(page) {
  assert.deepEqual(page.sanitizerReports, []);
  await page.context().close();
}

// Resolves with the summary of the next load the page makes ({file, articles, quotes, …}),
// or with its error message. Subscribes before the caller acts.
async function nextLoad(page) {
  await page.evaluate(() => {
    window.nextLoad = new Promise((resolve) => {
      const offs = [];
      const done = (value) => {
        offs.forEach((off) => off());
        resolve(value);
      };
      offs.push(window.QuoteExplorer.on('load', (summary) => done(summary)));
      offs.push(window.QuoteExplorer.on('error', (e) => done(e.message)));
    });
  });
  return () => page.evaluate(() => window.nextLoad);
}

function dropFile(page, name, content, type) {
  return page.evaluate(([fileName, text, mime]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], fileName, { type: mime }));
    document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
  }, [name, content, type]);
}

const extractorRequests = (page) => page.requests.filter((path) => /quote-extractor\.(js|wasm)$/.test(path));

describe('the extractor module', () => {
  test('is not downloaded by a page that never extracts', async () => {
    const page = await openWithClipboard();
    await page.evaluate(() => window.QuoteExplorer.setFilter({ countries: ['RU'] }));
    await clickItem(page, 'quote:1');
    await page.evaluate((article) => window.QuoteExplorer.load(article), SEED);
    await settle(page);
    assert.ok(page.requests.some((path) => path.endsWith('/quote-explorer.wasm')), 'the explorer itself was fetched');
    assert.deepEqual(extractorRequests(page), []);
    await closePage(page);
  });

  test('is not downloaded by an embedded explorer, where a paste only searches and there is no Open file…', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 640 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const requests = [];
    context.on('request', (request) => requests.push(new URL(request.url()).pathname));
    const page = watchConsole(await context.newPage());
    await page.goto(`${server.url}/embed.html`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('open-file')), null);
    await page.evaluate((text) => navigator.clipboard.writeText(text), SEED_TEXT);
    await page.evaluate(() => {
      window.pasted = new Promise((resolve) => document.addEventListener('paste', resolve, { once: true }));
    });
    await page.focus('#canvas');
    await page.keyboard.press('Control+V');
    await page.evaluate(() => window.pasted.then(() => null));
    await settle(page);
    assert.equal(await page.evaluate(() => document.querySelectorAll('script[src*="quote-extractor"]').length), 0);
    assert.deepEqual(requests.filter((path) => /quote-extractor/.test(path)), []);
    assert.deepEqual(await visibleIds(page), SEED_IDS);
    await context.close();
  });

  test('is downloaded once, on the first extraction', async () => {
    const page = await openWithClipboard();
    await page.evaluate(() => window.QuoteExplorer.extract('“We will not give up,” the minister said.\nKyiv said talks continue.'));
    await page.evaluate(() => window.QuoteExplorer.extract('“We stay,” the minister said.'));
    assert.deepEqual(extractorRequests(page).sort(), ['/quote-extractor.js', '/quote-extractor.wasm']);
    assert.deepEqual(page.consoleErrors, []);
    await closePage(page);
  });
});

describe('extracting an article', () => {
  test('Ctrl+V with the seed article\'s text on the clipboard shows its quotes', async () => {
    const page = await openWithClipboard();
    await page.evaluate((text) => navigator.clipboard.writeText(text), SEED_TEXT);
    await page.focus('#canvas');
    const loaded = await nextLoad(page);
    await page.keyboard.press('Control+V');
    const summary = await loaded();
    assert.equal(summary.file, 'pasted text');
    assert.equal(summary.articles, 1);
    await settle(page);
    const quotes = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
    assert.equal(await page.evaluate(() => window.QuoteExplorer.getFilter().text), '', 'the paste did not go into the search box');
    assert.ok(quotes.length >= 1, 'the extracted article has quotes');
    assert.ok(quotes.every((q) => q.article === quotes[0].article && typeof q.confidence === 'number'));
    assert.deepEqual(extractorRequests(page).sort(), ['/quote-extractor.js', '/quote-extractor.wasm']);
    assert.ok(await itemRect(page, 'extracted'), 'the "Extracted, not reviewed" marker is on screen');
    await screenshot(page, 'extract-pasted-seed');
    await closePage(page);
  });

  test('the quotes extracted from the seed article have the right speakers', async () => {
    const page = await openWithClipboard();
    const article = await page.evaluate((text) => window.QuoteExplorer.extract(text, { source: 'Brussels Morning Newspaper' }), SEED_TEXT);
    assert.equal(article.format, 'quote-explorer/article@1');
    assert.deepEqual(article.extracted, { by: 'quote-explorer (browser)', reviewed: false });
    const quotes = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
    const said = (name, kind, text) => quotes.some((q) => q.speaker_name === name && q.kind === kind && q.text === text);
    assert.ok(said('Sergei Lavrov', 'direct', 'This would be absolutely unacceptable for the Russian Federation,'),
      `Lavrov's direct quote, in ${JSON.stringify(quotes.map((q) => [q.speaker_name, q.kind, q.text]))}`);
    assert.ok(said('Sergei Lavrov', 'direct', 'foreign intervention on some part of Ukrainian territory.'), 'Lavrov\'s second direct quote');
    assert.ok(said('Donald Trump', 'direct', SEED.quotes.find((q) => q.id === 'q10').text), 'Trump\'s direct quote');
    assert.ok(quotes.some((q) => q.speaker_name === 'Andriy Yermak' && q.kind === 'indirect'), 'Yermak\'s reported speech');
    assert.ok(quotes.length >= 6, `several quotes (${quotes.length})`);
    for (const quote of quotes) assert.equal(typeof quote.confidence, 'number');
    await closePage(page);
  });

  test('dropping an HTML page shows its article and quotes', async () => {
    const page = await openWithClipboard();
    const loaded = await nextLoad(page);
    await dropFile(page, 'story.html', PAGE_HTML, 'text/html');
    const summary = await loaded();
    assert.equal(summary.file, 'story.html');
    assert.equal(summary.title, 'Kyiv holds firm on talks');
    const quotes = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
    assert.ok(quotes.length >= 1, 'the page has quotes');
    assert.ok(quotes.some((q) => q.text === 'We will not give up,' && q.kind === 'direct'), JSON.stringify(quotes));
    assert.ok(quotes.some((q) => q.speaker_name === 'Olena Kovalenko'), 'the minister is named in full');
    const selected = await page.evaluate(() => window.QuoteExplorer.selectedQuote());
    assert.equal(selected.article, quotes[0].article);
    assert.ok(await itemRect(page, 'extracted'));
    await screenshot(page, 'extract-dropped-html');
    await closePage(page);
  });

  test('an HTML page\'s title, menus and footer stay out of the article', async () => {
    const page = await openWithClipboard();
    const article = await page.evaluate((html) => window.QuoteExplorer.extract(html, { html: true, name: 'story.html' }), PAGE_HTML);
    assert.equal(article.title, 'Kyiv holds firm on talks');
    assert.equal(article.source.name, 'Test Wire');
    assert.ok(article.paragraphs.every((p) => !/Home|Read more|©|By A\. Reporter/.test(p)), JSON.stringify(article.paragraphs));
    await closePage(page);
  });

  test('dropping a .txt file extracts it; a .json file still loads as JSON', async () => {
    const page = await openWithClipboard();
    let loaded = await nextLoad(page);
    await dropFile(page, 'note.txt', 'Ceasefire talks\n\n“We will not give up,” the minister said.', 'text/plain');
    const summary = await loaded();
    assert.equal(summary.file, 'note.txt');
    assert.equal(summary.title, 'Ceasefire talks');
    assert.notDeepEqual(await visibleIds(page), SEED_IDS);
    loaded = await nextLoad(page);
    await dropFile(page, 'seed.json', JSON.stringify(SEED), 'application/json');
    assert.equal((await loaded()).file, 'seed.json');
    assert.deepEqual(await visibleIds(page), SEED_IDS);
    assert.deepEqual(extractorRequests(page).sort(), ['/quote-extractor.js', '/quote-extractor.wasm']);
    await closePage(page);
  });

  test('"Open file…" opens the file chooser and extracts the chosen text file', async () => {
    const page = await openWithClipboard();
    const chooser = page.waitForEvent('filechooser');
    await clickItem(page, 'open-file');
    const loaded = await nextLoad(page);
    await (await chooser).setFiles({ name: 'seed.txt', mimeType: 'text/plain', buffer: Buffer.from(SEED_TEXT) });
    const summary = await loaded();
    assert.equal(summary.file, 'seed.txt');
    assert.equal(summary.articles, 1);
    assert.equal(await page.evaluate(() => document.getElementById('qe-file-input').value), '', 'the same file can be chosen again');
    await closePage(page);
  });

  test('pasting JSON outside the search box loads it; pasting into the search box searches', async () => {
    const page = await openWithClipboard();
    await page.evaluate(() => window.QuoteExplorer.extract('“We stay,” the minister said.'));
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(SEED));
    await page.focus('#canvas');
    const loaded = await nextLoad(page);
    await page.keyboard.press('Control+V');
    assert.equal((await loaded()).file, 'pasted JSON');
    assert.deepEqual(await visibleIds(page), SEED_IDS);
    await page.evaluate(() => navigator.clipboard.writeText('direct threat'));
    await clickItem(page, 'search');
    await page.keyboard.press('Control+V');
    await settle(page);
    assert.equal((await page.evaluate(() => window.QuoteExplorer.getFilter())).text, 'direct threat');
    assert.deepEqual(await visibleIds(page), ['q5']);
    await closePage(page);
  });
});

describe('bad input', () => {
  test('QuoteExplorer.extract rejects binary and empty input with a located message, keeping the article', async () => {
    const page = await openWithClipboard();
    const outcome = await page.evaluate(async () => {
      const errors = [];
      window.QuoteExplorer.on('error', (e) => errors.push(e.message));
      const binary = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x01, 0x02]); // "GIF89a\0…"
      const reasons = [];
      for (const [input, options] of [[binary, { name: 'image.gif' }], ['', {}], ['   \n\n  ', { name: 'blank.txt' }]]) {
        reasons.push(await window.QuoteExplorer.extract(input, options).then(() => 'resolved', (e) => e.message));
      }
      return { reasons, errors };
    });
    assert.match(outcome.reasons[0], /^image\.gif:1:7: a NUL byte: this looks like a binary file/);
    assert.match(outcome.reasons[1], /^pasted text: /);
    assert.match(outcome.reasons[2], /^blank\.txt: /);
    assert.deepEqual(outcome.errors, outcome.reasons, 'each failure is also an "error" event');
    assert.deepEqual(await visibleIds(page), SEED_IDS, 'the seed article is still shown');
    await screenshot(page, 'extract-rejected-binary');
    const typeError = await page.evaluate(() => window.QuoteExplorer.extract('text', { title: 5 }).catch((e) => `${e.name}: ${e.message}`));
    assert.equal(typeError, 'TypeError: extract: title must be a string');
    const notText = await page.evaluate(() => window.QuoteExplorer.extract({}).catch((e) => e.message));
    assert.equal(notText, 'pasted text: expected article text (a string) or its bytes (Uint8Array or ArrayBuffer)');
    await closePage(page);
  });

  test('a dropped file that is not text is reported in the canvas and changes nothing', async () => {
    const page = await openWithClipboard();
    const loaded = await nextLoad(page);
    await dropFile(page, 'photo.txt', '\u0000\u0001binary', 'text/plain');
    assert.match(await loaded(), /^photo\.txt:1:1: a NUL byte/);
    assert.deepEqual(await visibleIds(page), SEED_IDS);
    await closePage(page);
  });
});

describe('review marks', () => {
  for (const { width, height, deviceScaleFactor, name } of [
    { width: 1280, height: 800, deviceScaleFactor: 1, name: 'wide-dpr1' },
    { width: 1280, height: 800, deviceScaleFactor: 2, name: 'wide-dpr2' },
    { width: 420, height: 760, deviceScaleFactor: 2, name: 'narrow-dpr2' },
  ]) {
    test(`an unreviewed article and its unsure quotes are marked (${name})`, async () => {
      const page = await openExplorer(browser, `${server.url}/`, { width, height, deviceScaleFactor });
      await page.evaluate((article) => window.QuoteExplorer.load(article), UNREVIEWED);
      const records = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
      assert.deepEqual(records.map((q) => q.confidence), [0.4, 0.9]);
      assert.ok(await itemRect(page, 'extracted'), '"Extracted, not reviewed" in the reader');
      const check = await itemRect(page, 'check:0');
      assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('check:1')), null, 'a sure quote has no badge');
      const row = await itemRect(page, 'quote:0');
      assert.ok(check.x > row.x && check.x + check.width <= row.x + row.width && check.y >= row.y, 'the badge is inside its row');
      assert.ok(await itemRect(page, 'reader-check'), 'the reader flags the selected unsure quote');
      await page.mouse.move(check.x + check.width / 2, check.y + check.height / 2);
      await settle(page);
      await screenshot(page, `extract-review-marks-${name}`);
      await clickItem(page, 'quote:1');
      assert.equal(await page.evaluate(() => window.QuoteExplorer.selectedQuote().id), 'q2');
      assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('reader-check')), null);
      assert.deepEqual(page.consoleErrors, []);
      await page.close();
    });
  }

  test('a reviewed article, and a hand-annotated one, carry no marks', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('extracted')), null);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.visibleQuotes()[0].confidence), undefined);
    await page.evaluate((article) => window.QuoteExplorer.load({ ...article, extracted: { by: 'quotes', reviewed: true } }), UNREVIEWED);
    await settle(page);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('extracted')), null);
    assert.ok(await itemRect(page, 'check:0'), 'an unsure quote is still flagged');
    await page.close();
  });
});
