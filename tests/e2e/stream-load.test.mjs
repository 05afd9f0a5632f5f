// Streaming loads: loadUrl parses a corpus while it downloads, shows the bytes and quotes read
// so far with a Cancel button, keeps the explorer working on its previous data meanwhile, and
// replaces that data only when the whole load succeeds. The corpus is generated here (never
// committed) and served slowly, so the load is seen in progress.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus } from '../../bench/scale/corpus.mjs';
import { itemRect, openExplorer, settle, useSite, visibleIds } from './harness.mjs';

// Smaller against the ASan build (QE_SANITIZED), which parses many times slower.
const QUOTES = process.env.QE_SANITIZED ? 4000 : 20000;
const LINES = corpus(QUOTES);
const DOCUMENT = corpus(QUOTES, { document: true });
// Three quarters of the way in (line 1,500 of 2,000), a line breaks: a quote kind nobody knows.
const BAD_LINE = (QUOTES / 10) * 0.75;
const BAD_LINES = LINES.split('\n').map((line, i) => (i === BAD_LINE - 1 ? line.replace('"kind":"direct"', '"kind":"shouted"') : line)).join('\n');

// Sends `text` in 64 kB pieces, one every `ms` milliseconds, with its Content-Length unless
// told not to (as a gzip download, whose size the page cannot know).
function slowly(text, ms, { sized = true } = {}) {
  const bytes = Buffer.from(text);
  return (request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', ...(sized ? { 'Content-Length': bytes.length } : {}) });
    let offset = 0;
    const timer = setInterval(() => {
      if (response.destroyed) {
        clearInterval(timer);
        return;
      }
      response.write(bytes.subarray(offset, offset + 65536));
      offset += 65536;
      if (offset >= bytes.length) {
        clearInterval(timer);
        response.end();
      }
    }, ms);
    request.on('close', () => clearInterval(timer));
  };
}

// A corpus served at once, large enough that parsing it takes a while (generated on first use).
const BIG_QUOTES = process.env.QE_SANITIZED ? 30000 : 300000;
let bigCorpus = null;
function big(request, response) {
  bigCorpus ??= Buffer.from(corpus(BIG_QUOTES));
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': bigCorpus.length });
  response.end(bigCorpus);
}

const site = useSite({
  '/fixtures/big.jsonl': big,
  '/fixtures/corpus.jsonl': slowly(LINES, 10),
  '/fixtures/corpus.json': slowly(DOCUMENT, 10),
  '/fixtures/bad.jsonl': slowly(BAD_LINES, 10),
  '/fixtures/forever.jsonl': slowly(LINES, 500), // minutes: long enough to be cancelled
  '/fixtures/unsized.jsonl': slowly(LINES, 20, { sized: false }),
});

// Records what #qe-load shows while `run` goes on in the page.
async function watchProgress(page) {
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const bar = document.getElementById('qe-load');
      if (!bar.hidden) window.progressSeen.push(document.getElementById('qe-load-text').textContent);
    }).observe(document.getElementById('qe-load'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

describe('streaming loads', () => {
  test('loadUrl shows bytes and quotes while a JSON Lines corpus downloads, then the result', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    await watchProgress(page);
    const summary = await page.evaluate(() => window.QuoteExplorer.loadUrl('fixtures/corpus.jsonl'));
    assert.equal(summary.quotes, QUOTES);
    assert.equal(summary.articles, QUOTES / 10);
    const seen = await page.evaluate(() => window.progressSeen);
    const mb = (Buffer.byteLength(LINES) / 1e6).toFixed(2);
    assert.ok(seen.some((text) => text.includes(`of ${mb} MB`)), `progress names the total: ${seen.slice(0, 3)}`);
    const counts = seen.map((text) => Number(/, ([\d,]+) quotes?$/.exec(text)?.[1].replace(/,/g, '')));
    assert.ok(counts.some((n) => n > 0 && n < QUOTES), `quotes counted as they load: ${seen.slice(-3)}`);
    assert.ok(seen.some((text) => text.endsWith(`indexing ${QUOTES.toLocaleString('en-US')} quotes…`)), 'then says it indexes them');
    assert.equal(await page.locator('#qe-load').isHidden(), true);
    await settle(page); // the screen-reader mirror follows when the page is idle
    assert.equal(await page.locator('#qe-status').textContent(), `${QUOTES.toLocaleString('en-US')} quotes`);
    await page.context().close();
  });

  test('a page opened on a corpus stops its spinner once the load shows progress; an unsized download shows counts, no bar', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.server.url}/?src=fixtures/unsized.jsonl`);
    // Read in the same task that sees the progress shown (a small load may end soon after).
    const during = await page.evaluate(() => new Promise((resolve) => {
      const check = () => {
        if (document.getElementById('qe-load').hidden) return setTimeout(check, 5);
        resolve({
          spinner: getComputedStyle(document.querySelector('#qe-loading .spinner')).animationName,
          bar: document.getElementById('qe-load-progress').hidden,
          text: document.getElementById('qe-load-text').textContent,
        });
      };
      check();
    }));
    assert.equal(during.spinner, 'none');
    assert.equal(during.bar, true);
    assert.match(during.text, /^Loading fixtures\/unsized\.jsonl: [\d.]+ MB, [\d,]+ quotes?$/);
    assert.equal((await page.evaluate(() => window.QuoteExplorer.ready)).quotes, QUOTES);
    await page.context().close();
  });

  test('a corpus@1 document streams too, and the explorer keeps working on its data meanwhile', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    const outcome = await page.evaluate(async () => {
      const loading = window.QuoteExplorer.loadUrl('fixtures/corpus.json');
      // Once the progress shows (however slow the machine), the load is under way.
      const loadingShown = await Promise.race([loading.then(() => false), new Promise((resolve) => {
        const check = () => (document.getElementById('qe-load').hidden ? setTimeout(check, 5) : resolve(true));
        check();
      })]);
      // Mid-load: the seed article is still shown and still filters.
      const during = window.QuoteExplorer.setFilter({ speakers: ['Lavrov'] }) && window.QuoteExplorer.visibleQuotes().length;
      const summary = await loading;
      return { during, loadingShown, quotes: summary.quotes };
    });
    assert.deepEqual(outcome, { during: 4, loadingShown: true, quotes: QUOTES });
    await page.context().close();
  });

  test('input during a load that keeps the page busy parsing is drawn before the load ends', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    const list = await itemRect(page, 'quote:0');
    await page.mouse.move(list.x + 40, list.y + 10);
    await settle(page);
    // The frames drawn by the time the load resolves, read as it resolves (a check from the
    // test itself could run only after a slow build's last slice).
    await page.evaluate(() => {
      window.bigLoad = window.QuoteExplorer.loadUrl('fixtures/big.jsonl')
        .then((summary) => ({ quotes: summary.quotes, framesAtEnd: window.QuoteExplorer.debug.framesDrawn() }));
    });
    await page.waitForFunction(() => !document.getElementById('qe-load').hidden, null, { polling: 5 });
    const framesBefore = await page.evaluate(() => window.QuoteExplorer.debug.framesDrawn());
    await page.mouse.wheel(0, 200);
    const { quotes, framesAtEnd } = await page.evaluate(() => window.bigLoad);
    assert.equal(quotes, BIG_QUOTES);
    assert.ok(framesAtEnd > framesBefore, `no frame drawn for the input before the load ended (${framesBefore} frames before, ${framesAtEnd} at the end)`);
    await page.context().close();
  });

  test('Cancel stops the load and keeps the previous data', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    const before = await visibleIds(page);
    await page.evaluate(() => {
      window.loadOutcome = window.QuoteExplorer.loadUrl('fixtures/forever.jsonl').then(
        (summary) => `loaded ${summary.quotes}`, (error) => `${error.name}: ${error.message}`);
    });
    await page.waitForFunction(() => /, [1-9][\d,]* quotes$/.test(document.getElementById('qe-load-text').textContent));
    // From the keyboard: the button is reached by Tab like any other (and a pointer's
    // actionability checks wait on frames, which an ASan build draws slowly while it parses).
    await page.getByRole('button', { name: 'Cancel loading' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => window.loadOutcome),
      'AbortError: fixtures/forever.jsonl: loading cancelled; the previous data is kept');
    assert.equal(await page.locator('#qe-load').isHidden(), true);
    await settle(page);
    assert.deepEqual(await visibleIds(page), before);
    // And the next load works.
    const summary = await page.evaluate(() => window.QuoteExplorer.loadUrl('fixtures/corpus.jsonl'));
    assert.equal(summary.quotes, QUOTES);
    await page.context().close();
  });

  test('a bad line mid-stream is reported with its line number and the previous data stays', async () => {
    const page = await openExplorer(site.browser, `${site.server.url}/`);
    const before = await visibleIds(page);
    const message = await page.evaluate(() => window.QuoteExplorer.loadUrl('fixtures/bad.jsonl').catch((e) => e.message));
    assert.match(message, new RegExp(`^fixtures/bad\\.jsonl:${BAD_LINE}: /quotes/0/kind: unknown quote kind "shouted"`));
    assert.deepEqual(await visibleIds(page), before);
    // Skipping invalid lines loads the rest, through the same streaming path.
    const summary = await page.evaluate(() => window.QuoteExplorer.loadUrl('fixtures/bad.jsonl', { skipInvalid: true }));
    assert.equal(summary.articles, QUOTES / 10 - 1);
    assert.deepEqual(summary.skipped.map((s) => s.line), [BAD_LINE]);
    await page.context().close();
  });
});
