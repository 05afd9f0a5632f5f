// Quote Explorer embed: put the explorer beside a story.
//
//   <div data-quote-explorer data-src="https://news.example/quotes/story.json"
//        data-filter="country=RU" data-height="640" data-theme="dark"></div>
//   <script src="https://explorer.example/embed.js" async></script>
//
// Each marked element gets a sandboxed iframe of embed.html that fills its width (and its
// height when the element has one, else data-height, default 640 px). The explorer in the
// iframe never touches the host page's history, keyboard or scrolling. See docs/embedding.md.
'use strict';

(() => {
  const script = document.currentScript;
  const base = new URL('embed.html', script ? script.src : location.href);

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
    const height = host.clientHeight > 0 ? '100%' : `${parseInt(host.dataset.height, 10) || 640}px`;
    Object.assign(frame.style, { display: 'block', width: '100%', height, border: '0', minHeight: '320px' });
    host.replaceChildren(frame);
  }

  function mountAll() {
    document.querySelectorAll('[data-quote-explorer]').forEach(mount);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
})();
