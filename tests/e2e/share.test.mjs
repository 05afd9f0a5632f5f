// Sharing what a reader sees: the visible quotes as CSV and JSON downloads and a link to the
// current view, from the full page and from an embed, with hostile article strings kept inert.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { clickItem, settle, visibleIds, watchConsole, useSite } from './harness.mjs';

// Strings an attacker could put in an article: markup, a formula, a bidi override, a script URL.
const HOSTILE = {
  format: 'quote-explorer/article@1', id: 'hostile', title: '<img src=x onerror=alert(1)>',
  source: { name: 'Evil', url: 'javascript:alert(1)' },
  paragraphs: ['=HYPERLINK("http://x") said \u202Egnp.exe\u202C, "<script>alert(1)</script>" too.'],
  speakers: [{ id: 's', name: '=cmd|calc!A1', country: 'RU' }],
  quotes: [{ id: 'q1', speaker: 's', kind: 'indirect', text: '\u202Egnp.exe\u202C', paragraph: 0, start: 28, end: 37 }],
};

const site = useSite();

async function open(path) {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  const page = watchConsole(await context.newPage());
  await page.goto(`${site.server.url}${path}`);
  await page.evaluate(() => window.QuoteExplorer.ready);
  return page;
}

async function downloadOf(page, item) {
  const [download] = await Promise.all([page.waitForEvent('download'), clickItem(page, item)]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

describe('export and links', () => {
  test('CSV and JSON downloads hold exactly the visible quotes', async () => {
    const page = await open('/#country=RU&kind=direct');
    const visible = await page.evaluate(() => window.QuoteExplorer.visibleQuotes());
    assert.ok(visible.length > 0);
    const json = await downloadOf(page, 'export-json');
    assert.equal(json.name, 'quotes.json');
    assert.deepEqual(JSON.parse(json.text), visible);
    const csv = await downloadOf(page, 'export-csv');
    assert.equal(csv.name, 'quotes.csv');
    const lines = csv.text.trim().split(/\r?\n/);
    assert.equal(lines[0], 'id,article,speaker,speaker_name,country,kind,text');
    assert.equal(lines.length, visible.length + 1);
    assert.deepEqual(lines.slice(1).map((line) => line.split(',')[0]), visible.map((q) => q.id));
    await page.context().close();
  });

  test('"Copy link" copies a link that opens the same view', async () => {
    const page = await open('/#speaker=sergei-lavrov');
    await clickItem(page, 'kind:direct');
    const expected = await visibleIds(page);
    await clickItem(page, 'copy-link');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#speaker=sergei-lavrov&kind=direct$/);
    const other = await open(new URL(link).pathname + new URL(link).hash);
    assert.deepEqual(await visibleIds(other), expected);
    await other.context().close();
    await page.context().close();
  });

  test('an embed links to the full explorer with its data and filter', async () => {
    const page = await open('/embed.html?src=assets/articles/lavrov-european-troops.json#country=UA');
    await clickItem(page, 'copy-link');
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    assert.equal(link.pathname, '/index.html');
    assert.equal(link.searchParams.get('src'), 'assets/articles/lavrov-european-troops.json');
    assert.equal(link.hash, '#country=UA');
    await page.context().close();
  });

  test('hostile strings stay inert text in the mirror and the exports', async () => {
    const page = await open('/');
    await page.evaluate((article) => window.QuoteExplorer.load(article), HOSTILE);
    await settle(page);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0);
    assert.equal(await page.locator('#qe-quotes li .qe-a11y-speaker').first().textContent(), '=cmd|calc!A1');
    const csv = await downloadOf(page, 'export-csv');
    // A spreadsheet must not run the speaker's name as a formula.
    assert.match(csv.text, /,'=cmd\|calc!A1,/);
    const json = await downloadOf(page, 'export-json');
    assert.equal(JSON.parse(json.text)[0].text, '\u202Egnp.exe\u202C');
    assert.equal(await page.evaluate(() => window.alerted), undefined);
    // A javascript: source URL shows as text, never as a link.
    assert.equal(await page.evaluate(() => window.QuoteExplorer.debug.itemRect('source-link')), null);
    await page.context().close();
  });

  test('an http(s) source link opens the original in a new tab', async () => {
    const page = await open('/');
    const source = `${site.server.url}/examples/news-page.html`;
    await page.evaluate((article) => window.QuoteExplorer.load(article), { ...HOSTILE, source: { name: 'Ledger', url: source } });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), clickItem(page, 'source-link')]);
    await tab.waitForLoadState();
    assert.equal(tab.url(), source);
    assert.equal(await tab.evaluate(() => window.opener), null, 'the new tab gets no handle on the explorer');
    await page.context().close();
  });
});
