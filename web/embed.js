// Quote Explorer embed: put the explorer beside a story.
//
//   <div data-quote-explorer data-src="https://news.example/quotes/story.json"
//        data-filter="country=RU" data-height="640" data-theme="dark"></div>
//   <script src="https://explorer.example/embed.js" async></script>
//
// Each marked element gets a sandboxed iframe of embed.html that fills its width. Its height
// is the element's when the element has one, else data-height, else the height the
// explorer's content needs (it posts it; 640 px until then). The explorer in the iframe never
// touches the host page's history, keyboard, focus or scrolling. See docs/embedding.md.
'use strict';

(() => {
  const script = document.currentScript;
  const base = new URL('embed.html', script ? script.src : location.href);
  const fitted = new Set(); // iframes whose height follows their content
  const MIN_HEIGHT = 320;

  function mount(host) {
    if (host.dataset.quoteExplorerMounted) return;
    host.dataset.quoteExplorerMounted = 'true';
    const url = new URL(base);
    if (host.dataset.src) url.searchParams.set('src', new URL(host.dataset.src, location.href).href);
    if (host.dataset.filter) url.hash = host.dataset.filter;
    // data-theme="light" or "dark" fixes the explorer's theme; without it the explorer follows
    // the reader's prefers-color-scheme.
    if (host.dataset.theme === 'light' || host.dataset.theme === 'dark') url.searchParams.set('theme', host.dataset.theme);

    const frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = host.dataset.title || 'Quote Explorer: who said what in this story';
    frame.loading = 'lazy';
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
    frame.setAttribute('allow', 'clipboard-write');
    const fixed = host.clientHeight > 0 || parseInt(host.dataset.height, 10) > 0;
    const height = host.clientHeight > 0 ? '100%' : `${parseInt(host.dataset.height, 10) || 640}px`;
    Object.assign(frame.style, { display: 'block', width: '100%', height, border: '0', minHeight: `${MIN_HEIGHT}px` });
    if (!fixed) fitted.add(frame);
    host.replaceChildren(frame);
  }

  // Only messages from our own iframes, carrying a number, change a height; at most 90 % of
  // the window, so the story around it stays in reach.
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'quote-explorer:height' || !Number.isFinite(data.height)) return;
    for (const frame of fitted) {
      if (frame.contentWindow !== event.source) continue;
      const limit = Math.max(640, Math.round(window.innerHeight * 0.9));
      frame.style.height = `${Math.min(Math.max(Math.round(data.height), MIN_HEIGHT), limit)}px`;
    }
  });

  function mountAll() {
    document.querySelectorAll('[data-quote-explorer]').forEach(mount);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
