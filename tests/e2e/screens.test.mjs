// The explorer and review mode at phone, tablet and desktop widths in both themes: every
// control stays inside the screen (toolbars wrap), and screenshots go to
// build/test-artifacts/screen-WIDTH-THEME.png for people to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { itemRect, screenshot, settle, watchConsole, useSite } from './harness.mjs';

const CONTROLS = ['review-progress', 'review-undo', 'review-redo', 'review-save', 'review-embed', 'review-done',
  'review-speaker', 'review-accept', 'review-delete', 'review-start-extend', 'review-end-extend'];

const site = useSite();

describe('layouts', () => {
  for (const width of [320, 768, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      test(`${width} CSS px, ${colorScheme}: review controls stay on screen`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 800 }, colorScheme });
        const page = watchConsole(await context.newPage());
        await page.goto(`${site.server.url}/`);
        await page.evaluate(() => window.QuoteExplorer.ready);
        await page.evaluate(() => window.QuoteExplorer.review.start());
        await settle(page);
        await screenshot(page, `screen-${width}-${colorScheme}`);
        for (const name of CONTROLS) {
          const rect = await page.evaluate((n) => window.QuoteExplorer.debug.itemRect(n), name);
          if (!rect) continue; // scrolled out of its panel
          assert.ok(rect.x >= 0 && rect.x + rect.width <= width + 1, `${name} at x ${rect.x}..${rect.x + rect.width} of ${width}`);
        }
        assert.ok(await itemRect(page, 'review-done'), 'the toolbar is there');
        assert.deepEqual(page.consoleErrors, []);
        await context.close();
      });
    }
  }
});
