// The explorer in Chromium: loading, filtering with real mouse and keyboard, the URL hash,
// errors, and what the screen shows. Results are read through window.QuoteExplorer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  clickItem, itemRect, launchBrowser, openExplorer, screenshot, settle, startServer, visibleIds,
} from './harness.mjs';

const ALL = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'];
let server;
let browser;

before(async () => {
  server = await startServer({
    '/fixtures/corpus.jsonl': [
      { format: 'quote-explorer/article@1', id: 'a1', title: 'First', paragraphs: ['Kyiv said talks go on.'],
        speakers: [{ id: 'kyiv', name: 'Ukrainian government', kind: 'organization', country: 'UA' }],
        quotes: [{ id: 'q1', speaker: 'kyiv', kind: 'indirect', text: 'talks go on', paragraph: 0, start: 10, end: 21 }] },
      { id: 'a2', title: 'Second', paragraphs: ['“No,” Paris said.'],
        speakers: [{ id: 'paris', name: 'French government', country: 'FR' }],
        quotes: [{ id: 'q1', speaker: 'paris', kind: 'direct', text: 'No,', paragraph: 0, start: 1, end: 4 }] },
    ].map((a) => JSON.stringify(a)).join('\n'),
    '/fixtures/broken.json': '{"format": "quote-explorer/article@1",\n "id": "x",\n "title": }',
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('opening the explorer', () => {
  test('the seed article loads and QuoteExplorer.ready resolves with it', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const summary = await page.evaluate(() => window.QuoteExplorer.ready);
    assert.equal(summary.quotes, 10);
    assert.equal(summary.articles, 1);
    assert.deepEqual(await visibleIds(page), ALL);
    const first = await page.evaluate(() => window.QuoteExplorer.visibleQuotes()[0]);
    assert.deepEqual(Object.keys(first), ['id', 'article', 'speaker', 'speaker_name', 'country', 'kind', 'text']);
    assert.equal(first.speaker_name, 'Sergei Lavrov');
    assert.equal(await page.locator('#qe-loading').isHidden(), true);
    assert.deepEqual(page.consoleErrors, []);
    await page.close();
  });

  test('?src= loads another article or corpus', async () => {
    const page = await openExplorer(browser, `${server.url}/?src=fixtures/corpus.jsonl`);
    const quotes = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
    assert.deepEqual(quotes.map((q) => `${q.article}/${q.id}`), ['a1/q1', 'a2/q1']);
    await page.close();
  });

  test('a source that cannot load rejects ready and the page says why', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/?src=fixtures/broken.json`);
    const message = await page.evaluate(() => window.QuoteExplorer.ready.then(() => 'resolved', (e) => e.message));
    assert.match(message, /^fixtures\/broken\.json:3:11: invalid JSON: syntax error while parsing value/);
    assert.equal(await page.locator('#qe-error').isVisible(), true);
    assert.match(await page.locator('#qe-error-text').textContent(), /broken\.json:3:11/);
    await context.close();
  });
});

describe('filtering with mouse and keyboard', () => {
  test('clicking a speaker checkbox on the canvas filters the quotes and the hash', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await clickItem(page, 'speaker:sergei-lavrov');
    assert.deepEqual(await visibleIds(page), ['q1', 'q3', 'q4', 'q5']);
    await clickItem(page, 'speaker:donald-trump');
    assert.deepEqual(await visibleIds(page), ['q1', 'q3', 'q4', 'q5', 'q8', 'q9', 'q10']);
    await clickItem(page, 'kind:direct');
    assert.deepEqual(await visibleIds(page), ['q3', 'q4', 'q10']);
    assert.equal(await page.locator('#qe-status').textContent(),
      '3 of 10 quotes shown, filtered by speaker sergei-lavrov or donald-trump, kind direct');
    assert.equal(await page.locator('#qe-quotes li').count(), 3);
    assert.equal(await page.evaluate(() => location.hash), '#speaker=sergei-lavrov&speaker=donald-trump&kind=direct');
    await clickItem(page, 'clear');
    assert.deepEqual(await visibleIds(page), ALL);
    await page.close();
  });

  test('a country checkbox filters by the country a speaker speaks for', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await clickItem(page, 'country:UA');
    const quotes = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
    assert.deepEqual(quotes.map((q) => q.speaker), ['volodymyr-zelenskyy', 'andriy-yermak']);
    await page.close();
  });

  test('a tap on a touch screen ticks a checkbox like a click', async () => {
    const page = await openExplorer(browser, `${server.url}/`, { hasTouch: true });
    const rect = await itemRect(page, 'kind:indirect');
    await page.touchscreen.tap(rect.x + 10, rect.y + rect.height / 2);
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q2', 'q7', 'q8', 'q9']);
    // A tap on the search box gives the hidden text field focus at once (phones then show
    // their keyboard), and what the keyboard sends is searched.
    const search = await itemRect(page, 'search');
    await page.touchscreen.tap(search.x + 20, search.y + search.height / 2);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'qe-text-input');
    await page.keyboard.insertText('air');
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q9']);
    await page.close();
  });

  test('typing in the search box narrows the list; Escape clears it', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await clickItem(page, 'search');
    await page.keyboard.type('unacceptable');
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q1', 'q3']);
    assert.equal((await page.evaluate(() => window.QuoteExplorer.getFilter())).text, 'unacceptable');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.deepEqual(await visibleIds(page), ALL);
    // Esc also clears a search typed earlier, once the box has lost focus.
    await clickItem(page, 'search');
    await page.keyboard.type('troops');
    await clickItem(page, 'quote:0');
    assert.equal((await page.evaluate(() => window.QuoteExplorer.getFilter())).text, 'troops');
    await page.keyboard.press('Escape');
    await settle(page);
    assert.equal((await page.evaluate(() => window.QuoteExplorer.getFilter())).text, '');
    await page.close();
  });

  test('Ctrl+F focuses search from anywhere, and curly apostrophes match straight ones', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await page.mouse.click(900, 700);  // somewhere in the reader
    await page.keyboard.press('Control+F');
    await settle(page);
    await page.keyboard.type("we're");
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q10']);
    await page.close();
  });

  test('text from an input method or phone keyboard (no key events) reaches the search box', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await clickItem(page, 'search');
    await page.keyboard.insertText('threat');  // as an IME commits a composition
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'qe-text-input');
    assert.deepEqual(await visibleIds(page), ['q5']);
    await page.keyboard.press('Backspace');
    await page.keyboard.type('T');  // typing after it: no doubled characters
    await settle(page);
    assert.equal((await page.evaluate(() => window.QuoteExplorer.getFilter())).text, 'threaT');
    await clickItem(page, 'quote:0');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await page.close();
  });

  test('on a narrow screen Ctrl+F opens the folded filters and focuses search', async () => {
    const page = await openExplorer(browser, `${server.url}/`, { width: 420, height: 760 });
    await page.mouse.click(200, 700);
    await page.keyboard.press('Control+F');
    await settle(page);
    await page.keyboard.type('threat');
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q5']);
    assert.ok(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('search')), 'the search box is shown');
    await page.close();
  });

  test('the keyboard alone: arrows move a visible focus ring across the panes, Space ticks a facet, Tab leaves', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const focused = () => page.evaluate(() => window.QuoteExplorer.debug.focusedItem());
    await page.locator('#qe-a11y-search').focus(); // the next stop after the canvas
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.selectedQuote().id), 'q2');
    assert.equal(await focused(), 'quote:1', 'the ring follows the selection in the list');
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    const facet = await focused();
    assert.match(facet, /^speaker:/, 'the facet beside the list');
    await screenshot(page, 'keyboard-focus-ring');
    await page.keyboard.press('Space');
    await settle(page);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter().speakers), [facet.slice('speaker:'.length)]);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'qe-a11y-search', 'Tab leaves the canvas');
    await page.close();
  });

  test('Tab leaves the explorer: the keyboard is never trapped', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await page.mouse.click(900, 700);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.id), 'canvas');
    await page.close();
  });

  test('arrow keys move the selection through the visible quotes', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await clickItem(page, 'quote:0');
    const selected = () => page.evaluate(() => window.QuoteExplorer.selectedQuote().id);
    assert.equal(await selected(), 'q1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    assert.equal(await selected(), 'q3');
    await page.keyboard.press('End');
    await settle(page);
    assert.equal(await selected(), 'q10');
    await page.keyboard.press('ArrowUp');
    await settle(page);
    assert.equal(await selected(), 'q9');
    await page.close();
  });
});

describe('the URL hash', () => {
  test('a reload restores the filter from the hash', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await clickItem(page, 'country:US');
    await clickItem(page, 'search');
    await page.keyboard.type('troops');
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q8']);
    await page.reload();
    await page.evaluate(() => window.QuoteExplorer.ready);
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.getFilter()),
      { speakers: [], countries: ['US'], kinds: [], text: 'troops' });
    assert.deepEqual(await visibleIds(page), ['q8']);
    await page.close();
  });

  test('a hand-written hash is canonicalised without adding a history entry', async () => {
    const plain = await openExplorer(browser, `${server.url}/`);
    const baseline = await plain.evaluate(() => history.length);
    await plain.close();
    const page = await openExplorer(browser, `${server.url}/#country=ru&speaker=Lavrov`);
    assert.equal(await page.evaluate(() => location.hash), '#speaker=sergei-lavrov&country=RU');
    assert.equal(await page.evaluate(() => history.length), baseline);
    await page.close();
  });

  test('editing the hash and Back/Forward restore the filter', async () => {
    const page = await openExplorer(browser, `${server.url}/#kind=mixed`);
    assert.deepEqual(await visibleIds(page), ['q1', 'q5', 'q6']);
    await page.evaluate(() => { location.hash = 'speaker=Trump'; });
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q8', 'q9', 'q10']);
    await clickItem(page, 'kind:direct');
    assert.deepEqual(await visibleIds(page), ['q10']);
    await page.goBack();
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q8', 'q9', 'q10']);
    await page.goForward();
    await settle(page);
    assert.deepEqual(await visibleIds(page), ['q10']);
    await page.close();
  });
});

describe('the JS API', () => {
  test('setFilter takes names and aliases, getFilter answers with ids, events fire', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const result = await page.evaluate(() => {
      const events = [];
      window.QuoteExplorer.on('filter', (f) => events.push(f));
      const filter = window.QuoteExplorer.setFilter({ speakers: ['Zelensky', 'YERMAK'] });
      return { filter, events, ids: window.QuoteExplorer.visibleQuotes().map((q) => q.id) };
    });
    assert.deepEqual(result.filter, { speakers: ['volodymyr-zelenskyy', 'andriy-yermak'], countries: [], kinds: [], text: '' });
    assert.deepEqual(result.ids, ['q6', 'q7']);
    assert.deepEqual(result.events, [result.filter]);
    await assert.rejects(page.evaluate(() => window.QuoteExplorer.setFilter({ kinds: [1] })), /kinds must be strings/);
    await page.close();
  });

  test('loading malformed JSON rejects with a located message and keeps the quotes', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await clickItem(page, 'speaker:donald-trump');
    const outcome = await page.evaluate(async () => {
      const errors = [];
      window.QuoteExplorer.on('error', (e) => errors.push(e.message));
      const message = await window.QuoteExplorer.load('{"format": "quote-explorer/article@1",\n"id": tru}', 'pasted.json')
        .then(() => 'resolved', (e) => e.message);
      return { message, errors };
    });
    assert.match(outcome.message, /^pasted\.json:2:10: invalid JSON: syntax error while parsing value - invalid literal/);
    assert.deepEqual(outcome.errors, [outcome.message]);
    assert.deepEqual(await visibleIds(page), ['q8', 'q9', 'q10']);
    const invalid = await page.evaluate(() => window.QuoteExplorer.load({ format: 'quote-explorer/article@1', id: 'x',
      title: 't', paragraphs: ['a'], speakers: [], quotes: [{ id: 'q', speaker: 'nobody', kind: 'direct', text: 'a',
        paragraph: 0, start: 0, end: 1 }] }).catch((e) => e.message));
    assert.equal(invalid, "loaded JSON: /quotes/0/speaker: unknown speaker \"nobody\"; expected one of the article's speaker ids: (none)");
    assert.deepEqual(await visibleIds(page), ['q8', 'q9', 'q10']);
    await screenshot(page, 'error-kept-data');
    await page.close();
  });

  test('select() shows a quote in the reader; a new load selects its first quote and says so', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const outcome = await page.evaluate(async () => {
      const selected = [];
      window.QuoteExplorer.on('select', (quote) => selected.push(quote && quote.id));
      const ok = window.QuoteExplorer.select('lavrov-european-troops', 'q7');
      const missing = window.QuoteExplorer.select('lavrov-european-troops', 'q99');
      await window.QuoteExplorer.loadUrl('fixtures/corpus.jsonl');
      return { ok, missing, selected, now: window.QuoteExplorer.selectedQuote().article };
    });
    assert.deepEqual(outcome, { ok: true, missing: false, selected: ['q7', 'q1'], now: 'a1' });
    await page.close();
  });

  test('visibleQuotes() gives back every field as loaded: astral characters, accents, no country, confidence', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const paragraph = 'Żółć 😀 said “Ünïcode 𝄞 works” and “plain” — ok.';
    const span = (text) => ({ start: [...paragraph.slice(0, paragraph.indexOf(text))].length, end: [...paragraph.slice(0, paragraph.indexOf(text))].length + [...text].length });
    const article = {
      format: 'quote-explorer/article@1', id: 'ärticle-😀', title: 'T', paragraphs: [paragraph],
      speakers: [{ id: 'zolc', name: 'Żółć 😀', country: null }, { id: 'p', name: 'P', country: 'FR' }],
      quotes: [
        { id: 'q-😀', speaker: 'zolc', kind: 'direct', text: 'Ünïcode 𝄞 works', paragraph: 0, ...span('Ünïcode 𝄞 works'), confidence: 0.42 },
        { id: 'q2', speaker: 'p', kind: 'mixed', text: 'plain', paragraph: 0, ...span('plain') },
      ],
    };
    const records = await page.evaluate(async (a) => {
      await window.QuoteExplorer.load(a);
      return window.QuoteExplorer.visibleQuotes();
    }, article);
    assert.deepEqual(records, [
      { id: 'q-😀', article: 'ärticle-😀', speaker: 'zolc', speaker_name: 'Żółć 😀', country: null, kind: 'direct', text: 'Ünïcode 𝄞 works', confidence: 0.42 },
      { id: 'q2', article: 'ärticle-😀', speaker: 'p', speaker_name: 'P', country: 'FR', kind: 'mixed', text: 'plain' },
    ]);
    await page.close();
  });

  test('setFilter refuses lone surrogates instead of ignoring them', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    await assert.rejects(page.evaluate(() => window.QuoteExplorer.setFilter({ text: 'abc\uD800' })), /well-formed Unicode/);
    await page.close();
  });

  test('a sample of tests/data/bad is rejected in the browser with the same messages', async () => {
    const dir = fileURLToPath(new URL('../data/bad/', import.meta.url));
    const names = readdirSync(dir).filter((n) => !n.endsWith('.err')).sort().filter((_, i) => i % 9 === 0);
    assert.ok(names.length >= 25);
    const page = await openExplorer(browser, `${server.url}/`);
    for (const name of names) {
      const bytes = [...readFileSync(dir + name)];
      const expected = readFileSync(`${dir}${name}.err`, 'utf8').trimEnd();
      const message = await page.evaluate(async ([fileName, data]) => {
        const text = new TextDecoder('utf-8', { fatal: false }).decode(new Uint8Array(data));
        return window.QuoteExplorer.load(text, fileName).then(() => 'loaded', (e) => e.message);
      }, [name, bytes]);
      // Bytes that are not UTF-8 reach load() as U+FFFD after JavaScript decodes them.
      if (/invalid UTF-8|NUL byte/.test(expected)) assert.notEqual(message, 'loaded', name);
      else assert.equal(message.split('\n')[0], expected, name);
    }
    assert.deepEqual(await visibleIds(page), ALL);
    await page.close();
  });

  test('loadUrl replaces the data and fires load', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const summary = await page.evaluate(() => new Promise((resolve) => {
      window.QuoteExplorer.on('load', resolve);
      window.QuoteExplorer.loadUrl('fixtures/corpus.jsonl');
    }));
    assert.equal(summary.articles, 2);
    assert.deepEqual(await visibleIds(page), ['q1', 'q1']);
    const missing = await page.evaluate(() => window.QuoteExplorer.loadUrl('fixtures/missing.json').catch((e) => e.message));
    assert.equal(missing, 'fixtures/missing.json: the server answered HTTP 404 Not Found');
    const script = await page.evaluate(() => window.QuoteExplorer.loadUrl('javascript:alert(1)').catch((e) => e.message));
    assert.equal(script, 'javascript:alert(1): only http and https URLs can be loaded');
    await page.close();
  });

  test('dropping a file on the explorer loads it, and a bad file is reported in the canvas', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const drop = (name, text) => page.evaluate(([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: 'application/json' }));
      document.getElementById('canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
      return new Promise((resolve) => {
        window.QuoteExplorer.on('load', () => resolve('load'));
        window.QuoteExplorer.on('error', (e) => resolve(e.message));
      });
    }, [name, text]);
    const corpus = await (await fetch(`${server.url}/fixtures/corpus.jsonl`)).text();
    assert.equal(await drop('mine.jsonl', corpus), 'load');
    assert.deepEqual(await visibleIds(page), ['q1', 'q1']);
    assert.equal(await drop('bad.json', '{"format": 7}'), 'bad.json: /format: expected a string, found the number 7');
    assert.deepEqual(await visibleIds(page), ['q1', 'q1']);
    await page.close();
  });

  test('"Copy quote" puts a citation on the system clipboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/#speaker=trump&kind=direct`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    await clickItem(page, 'copy');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, '“When it comes to security, (Europeans) are willing to put people on the ground. We’re willing '
      + 'to help them with things, especially, probably … by air,” (Donald Trump, President of the United States), '
      + 'Brussels Morning Newspaper, Lavrov: European troops in Ukraine would be “absolutely unacceptable”');
    await context.close();
  });

  test('Ctrl+V pastes the system clipboard into the search box', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => window.QuoteExplorer.ready);
    await page.evaluate(() => navigator.clipboard.writeText('direct threat'));
    await clickItem(page, 'search');
    await page.keyboard.press('Control+V');
    await settle(page);
    assert.equal((await page.evaluate(() => window.QuoteExplorer.getFilter())).text, 'direct threat');
    assert.deepEqual(await visibleIds(page), ['q5']);
    await context.close();
  });

  test('article text is never interpreted as HTML', async () => {
    const page = await openExplorer(browser, `${server.url}/`);
    const html = '<img src=x onerror="window.pwned=1">';
    await page.evaluate((evil) => window.QuoteExplorer.load({ format: 'quote-explorer/article@1', id: evil, title: evil,
      paragraphs: [`${evil} said hi`], speakers: [{ id: 's', name: evil }],
      quotes: [{ id: 'q', speaker: 's', kind: 'indirect', text: 'hi', paragraph: 0, start: evil.length + 6, end: evil.length + 8 }] }), html);
    await page.evaluate((evil) => window.QuoteExplorer.load(`{"id": "${evil}"`, evil).catch(() => {}), html);
    await settle(page);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    assert.match(await page.locator('#qe-quotes li').first().textContent(), /<img src=x/);
    await page.close();
  });
});
