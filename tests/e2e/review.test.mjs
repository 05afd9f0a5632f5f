// Review mode: an editor corrects what the extractor proposed with mouse and keyboard
// (re-attribute, new speaker, kind, span by word, a span dragged in the reader, add, delete,
// speaker form with the country list, merge, accept), undoes and redoes, reloads without
// losing work, downloads the article JSON and copies the embed code. Results are read
// through window.QuoteExplorer (review.article(), visibleQuotes()).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  clickItem, useSite, itemRect, screenshot, settle, visibleIds, watchConsole,
} from './harness.mjs';

// A hand-written extracted article: q2 is the unsure one (confidence 0.3), so review lists it first.
const EXTRACTED = {
  format: 'quote-explorer/article@1', id: 'unsure', title: 'An extracted article',
  paragraphs: ['“We will not give up,” the minister said on Monday.', 'Kyiv said that talks would continue next week.'],
  speakers: [{ id: 'minister', name: 'Olena Minister', country: 'UA' },
    { id: 'kyiv', name: 'Ukrainian government', kind: 'organization', country: 'UA' }],
  quotes: [
    { id: 'q1', speaker: 'minister', kind: 'direct', text: 'We will not give up,', paragraph: 0, start: 1, end: 21, confidence: 0.9 },
    { id: 'q2', speaker: 'kyiv', kind: 'indirect', text: 'talks would continue next week', paragraph: 1, start: 15, end: 45, confidence: 0.3 },
  ],
  extracted: { by: 'quotes', reviewed: false },
};

const site = useSite();

async function openPage(context, path = '/') {
  const page = watchConsole(await context.newPage());
  await page.goto(`${site.server.url}${path}`);
  await page.evaluate(() => window.QuoteExplorer.ready);
  return page;
}

// A fresh browser profile (its own localStorage) with the extracted article under review.
async function reviewing() {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = await openPage(context);
  await page.evaluate((article) => window.QuoteExplorer.load(article), EXTRACTED);
  await clickItem(page, 'review-start');
  return page;
}

const article = (page) => page.evaluate(() => window.QuoteExplorer.review.article());
const quoteOf = async (page, id) => (await article(page)).quotes.find((q) => q.id === id);
const selectedId = (page) => page.evaluate(() => window.QuoteExplorer.selectedQuote()?.id);

async function closePage(page) {
  assert.deepEqual(page.sanitizerReports, []);
  await page.context().close();
}

describe('review mode', () => {
  test('opens with the unsure quote first and marks the article under review', async () => {
    const page = await reviewing();
    assert.deepEqual(await visibleIds(page), ['q2', 'q1']);
    assert.equal(await selectedId(page), 'q2');
    assert.ok(await itemRect(page, 'review-progress'));
    assert.deepEqual(await article(page), EXTRACTED_AS_EXPORTED());
    await screenshot(page, 'review-open');
    await closePage(page);
  });

  test('re-attributes a quote to another speaker and to a new one typed in the list', async () => {
    const page = await reviewing();
    await clickItem(page, 'review-speaker');
    await clickItem(page, 'review-speaker:minister');
    assert.equal((await quoteOf(page, 'q2')).speaker, 'minister');
    assert.equal((await page.evaluate(() => window.QuoteExplorer.visibleQuotes()))[0].speaker_name, 'Olena Minister');

    await clickItem(page, 'review-speaker');
    await clickItem(page, 'review-speaker-new');
    await page.keyboard.type('Taras Spokesman');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).speaker, 'taras-spokesman');
    assert.ok((await article(page)).speakers.some((s) => s.id === 'taras-spokesman' && s.name === 'Taras Spokesman'));
    // The facets follow at once: the new speaker can be ticked in the mirror.
    assert.ok(await page.locator('#qe-a11y input[value="taras-spokesman"]').count());
    await closePage(page);
  });

  test('changes the kind, moves the span by words, and undoes and redoes with the keyboard', async () => {
    const page = await reviewing();
    await clickItem(page, 'review-kind:mixed');
    assert.equal((await quoteOf(page, 'q2')).kind, 'mixed');
    await clickItem(page, 'review-start-extend');
    assert.equal((await quoteOf(page, 'q2')).text, 'that talks would continue next week');
    await clickItem(page, 'review-end-shrink');
    await clickItem(page, 'review-end-shrink');
    assert.equal((await quoteOf(page, 'q2')).text, 'that talks would continue');

    await page.keyboard.press('Control+Z');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).text, 'that talks would continue next');
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).text, 'talks would continue next week');
    assert.equal((await quoteOf(page, 'q2')).kind, 'mixed');
    await page.keyboard.press('Control+Shift+Z');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).text, 'that talks would continue next week');
    await page.keyboard.press('Control+Y');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).text, 'that talks would continue next');
    await closePage(page);
  });

  test('an edit that would break the article is refused with the reason, and nothing changes', async () => {
    const page = await reviewing();
    for (let i = 0; i < 4; ++i) await clickItem(page, 'review-end-shrink');
    const before = await article(page);
    assert.equal(before.quotes.find((q) => q.id === 'q2').text, 'talks');
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('review-message')), null);
    await clickItem(page, 'review-end-shrink');  // "talks" is the last word: a quote keeps one
    assert.deepEqual(await article(page), before);
    assert.ok(await itemRect(page, 'review-message'), 'the reason is shown');
    await closePage(page);
  });

  test('accepting every quote marks the article reviewed; accepted quotes go to the end', async () => {
    const page = await reviewing();
    await clickItem(page, 'review-accept');
    assert.equal((await quoteOf(page, 'q2')).reviewed, true);
    assert.deepEqual(await visibleIds(page), ['q1', 'q2']);
    assert.equal(await selectedId(page), 'q1', 'the next quote to check comes up');
    assert.equal((await article(page)).extracted.reviewed, false);
    await page.keyboard.press('Control+Enter');
    await settle(page);
    assert.equal((await article(page)).extracted.reviewed, true);
    assert.equal(await itemRect(page, 'extracted').catch(() => null), null, 'no "not reviewed" badge any more');
    await closePage(page);
  });

  test('deletes a quote, and adds one by dragging over the reader\'s text', async () => {
    const page = await reviewing();
    await clickItem(page, 'review-delete');
    assert.deepEqual(await visibleIds(page), ['q1']);

    // Drag over the start of paragraph 1 ("Kyiv said that …"): from its left edge rightwards.
    const paragraph = await itemRect(page, 'paragraph:1');
    const y = paragraph.y + 8;
    await page.mouse.move(paragraph.x + 1, y);
    await page.mouse.down();
    await page.mouse.move(paragraph.x + 60, y, { steps: 5 });
    await page.mouse.up();
    await settle(page);
    await clickItem(page, 'selection-speaker');
    await clickItem(page, 'selection-speaker:kyiv');
    await clickItem(page, 'selection-kind:indirect');
    await clickItem(page, 'selection-add');
    const added = (await article(page)).quotes.find((q) => q.id !== 'q1');
    assert.ok(added, 'a new quote');
    assert.equal(added.paragraph, 1);
    assert.equal(added.start, 0);
    assert.ok(EXTRACTED.paragraphs[1].startsWith(added.text) && added.text.length > 2, added.text);
    assert.equal(added.speaker, 'kyiv');
    assert.equal(added.kind, 'indirect');
    assert.equal(added.reviewed, true);
    assert.equal(await selectedId(page), added.id);
    await screenshot(page, 'review-added');
    await closePage(page);
  });

  test('edits a speaker with the searchable country list, and merges two speakers', async () => {
    const page = await reviewing();
    await clickItem(page, 'review-edit-speaker');
    await clickItem(page, 'speaker-country');
    await page.keyboard.type('pola');
    await settle(page);
    await clickItem(page, 'speaker-country:PL');
    await clickItem(page, 'speaker-role');
    await page.keyboard.type('Press office');
    await clickItem(page, 'speaker-save');
    const kyiv = (await article(page)).speakers.find((s) => s.id === 'kyiv');
    assert.equal(kyiv.country, 'PL');
    assert.equal(kyiv.role, 'Press office');
    assert.deepEqual(await page.evaluate(() => window.QuoteExplorer.visibleQuotes().map((q) => q.country)), ['PL', 'UA']);

    await clickItem(page, 'speaker-merge-into');
    await clickItem(page, 'speaker-merge-into:minister');
    await clickItem(page, 'speaker-merge');
    const { speakers, quotes } = await article(page);
    assert.deepEqual(speakers.map((s) => s.id), ['minister']);
    assert.deepEqual(speakers[0].aliases, ['Ukrainian government']);
    assert.ok(quotes.every((q) => q.speaker === 'minister'));
    await closePage(page);
  });

  test('work in progress survives a reload; Done ends the review and forgets the draft', async () => {
    const page = await reviewing();
    await clickItem(page, 'review-kind:direct');
    await clickItem(page, 'review-accept');
    const kept = await article(page);
    await page.reload();
    await page.evaluate(() => window.QuoteExplorer.ready);
    await settle(page);
    assert.deepEqual(await article(page), kept);
    assert.deepEqual(await visibleIds(page), ['q1', 'q2']);
    assert.ok(await itemRect(page, 'review-progress'));

    await clickItem(page, 'review-done');
    assert.equal(await article(page), null);
    await page.reload();
    await page.evaluate(() => window.QuoteExplorer.ready);
    assert.equal((await visibleIds(page)).length, 10, 'the seed article again');
    await closePage(page);
  });

  test('a kept draft the loader refuses is set aside, with the reason shown, and the default article loads', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await openPage(context);
    const broken = { ...EXTRACTED, quotes: [{ ...EXTRACTED.quotes[0], end: 99 }] };
    await page.evaluate((draft) => localStorage.setItem('quote-explorer:review-draft', JSON.stringify(draft)), broken);
    const errors = [];
    await page.exposeFunction('reportError', (message) => errors.push(message));
    await page.addInitScript(() => {
      const wait = setInterval(() => {
        if (!window.QuoteExplorer) return;
        clearInterval(wait);
        window.QuoteExplorer.on('error', (e) => window.reportError(e.message));
      }, 1);
    });
    await page.reload();
    await page.evaluate(() => window.QuoteExplorer.ready);
    await settle(page);
    assert.equal((await visibleIds(page)).length, 10);
    assert.equal(await article(page), null);
    assert.match(errors.join('\n'), /could not be restored.*\/quotes\/0\/end: end 99 is past the end of paragraph 0/s);
    assert.ok(await page.evaluate(() => localStorage.getItem('quote-explorer:review-draft-unreadable')));
    await closePage(page);
  });

  test('"Save article JSON" downloads the reviewed article, which loads again', async () => {
    const page = await reviewing();
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Control+Enter');
    await settle(page);
    const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, 'review-save')]);
    assert.equal(download.suggestedFilename(), 'unsure.json');
    const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(saved.extracted.reviewed, true);
    assert.ok(saved.quotes.every((q) => q.reviewed === true));
    assert.deepEqual(saved, await article(page));
    await clickItem(page, 'review-done');
    await page.evaluate((json) => window.QuoteExplorer.load(json), saved);
    assert.deepEqual((await visibleIds(page)).sort(), ['q1', 'q2']);
    await closePage(page);
  });

  test('"Copy embed code" copies a snippet for this article that embed.js mounts', async () => {
    const page = await reviewing();
    await clickItem(page, 'review-embed');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(code, `<div data-quote-explorer data-src="unsure.json"></div>\n<script src="${site.server.url}/embed.js" async></script>\n`);
    await closePage(page);
  });

  test('embedded explorers have no review tools', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await openPage(context, '/embed.html');
    await settle(page);
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('review-start')), null);
    await closePage(page);
  });
});

describe('review from the keyboard, through the #qe-a11y controls', () => {
  test('Tab reaches the review controls; accept, kind, speaker, span, delete, undo and done work without a mouse', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const page = await openPage(context);
    await page.evaluate((article) => window.QuoteExplorer.load(article), EXTRACTED);
    await settle(page);
    const start = page.locator('#qe-a11y-review-start');
    await page.locator('#qe-a11y-clear').focus();
    while (!(await start.evaluate((button) => button === document.activeElement))) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.ok(await article(page), 'reviewing');
    assert.equal(await page.locator('#qe-a11y-review-progress').textContent(), '0 of 2 quotes accepted');
    assert.equal(await page.locator('#qe-a11y-review-quote').inputValue(), 'q2', 'the unsure quote first');

    await page.locator('#qe-a11y-review-kind').focus();
    await page.keyboard.press('ArrowDown'); // indirect -> mixed
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).kind, 'mixed');
    await page.locator('#qe-a11y-review-speaker').selectOption('minister'); // as a keyboard picks from the list
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).speaker, 'minister');
    await page.getByRole('button', { name: 'End one word earlier' }).focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).text, 'talks would continue next');
    await page.locator('#qe-a11y-undo').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).text, 'talks would continue next week');

    await page.locator('#qe-a11y-accept').focus();
    await page.keyboard.press('Space');
    await settle(page);
    assert.equal((await quoteOf(page, 'q2')).reviewed, true);
    assert.equal(await page.locator('#qe-a11y-review-quote').inputValue(), 'q1', 'accepting moves on to the next quote');
    assert.equal(await page.locator('#qe-a11y-accept').getAttribute('aria-pressed'), 'false');
    await page.locator('#qe-a11y-delete').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.deepEqual((await article(page)).quotes.map((q) => q.id), ['q2']);

    await page.locator('#qe-a11y-add-text').focus();
    await page.keyboard.type('We will not give up');
    await page.keyboard.press('Tab'); // to the kind: Direct stays
    await page.keyboard.press('Tab'); // to the speaker list
    await page.keyboard.press('Tab'); // to the new speaker's name
    await page.keyboard.type('Ann Lee');
    await page.keyboard.press('Enter');
    await settle(page);
    const added = (await article(page)).quotes.find((q) => q.text === 'We will not give up');
    assert.ok(added, 'the typed words became a quote');
    assert.deepEqual([added.paragraph, added.start, added.end, added.kind], [0, 1, 20, 'direct']);
    assert.equal((await article(page)).speakers.find((s) => s.id === added.speaker).name, 'Ann Lee');
    await page.locator('#qe-a11y-add-text').fill('words the article never had');
    await page.locator('#qe-a11y-add-text').press('Enter');
    assert.match(await page.locator('#qe-a11y-review-message').textContent(), /not in the article/);
    await page.locator('#qe-a11y-undo').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.deepEqual((await article(page)).quotes.map((q) => q.id), ['q2']);
    assert.equal(await page.locator('#qe-selection').textContent(), 'Selected: Olena Minister: talks would continue next week',
      'the quote left selected is announced, though it sits where the deleted one was');
    await screenshot(page, 'review-mirror');

    const refused = await page.evaluate(() => {
      try {
        window.QuoteExplorer.review.edit({ type: 'kind', quote: 'nope', kind: 'direct' });
        return '';
      } catch (error) {
        return error.message;
      }
    });
    assert.match(refused, /nope/);
    await page.locator('#qe-a11y-review-done').focus();
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await article(page), null);
    assert.equal(await start.isVisible(), true);
    await closePage(page);
  });
});

// What review.article() gives for EXTRACTED: every field written out, in the loader's order.
function EXTRACTED_AS_EXPORTED() {
  return {
    format: 'quote-explorer/article@1', id: 'unsure', title: 'An extracted article',
    source: { name: null, url: null }, dateline: null, published: null, language: null,
    paragraphs: EXTRACTED.paragraphs,
    extracted: { by: 'quotes', reviewed: false },
    speakers: [
      { id: 'minister', name: 'Olena Minister', aliases: [], role: null, kind: 'person', country: 'UA' },
      { id: 'kyiv', name: 'Ukrainian government', aliases: [], role: null, kind: 'organization', country: 'UA' },
    ],
    quotes: EXTRACTED.quotes,
  };
}

describe('a new article', () => {
  test('typed or pasted into the New article box opens in review mode', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await openPage(context);
    await clickItem(page, 'new-article');
    await clickItem(page, 'new-article-text');
    await page.keyboard.type('Talks resume\n\n"We are ready," said Prime Minister Jan Novak of the Czech Republic.');
    await clickItem(page, 'new-article-extract');
    await page.waitForFunction(() => window.QuoteExplorer.review.article() !== null);
    const reviewed = await article(page);
    assert.equal(reviewed.title, 'Talks resume');
    assert.deepEqual(reviewed.quotes.map((q) => q.text), ['We are ready,']);
    assert.equal(reviewed.extracted.reviewed, false);
    assert.ok(await itemRect(page, 'review-progress'));
    await closePage(page);
  });
});
