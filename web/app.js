// Quote Explorer page glue: window.QuoteExplorer (docs/embedding.md), data loading with
// progress, extraction of quotes from article text (the extractor is a second module,
// loaded on first use), the filter in the URL hash, the light or dark theme, and #qe-a11y:
// the explorer for assistive technology (facet checkboxes, search, the visible quotes).
// Untrusted text (article JSON, URLs, error messages) only ever reaches the DOM as
// textContent.
'use strict';

(() => {
  const DEFAULT_SRC = 'assets/articles/lavrov-european-troops.json';
  const EVENTS = ['load', 'filter', 'select', 'error', 'review', 'link'];
  const DRAFT_KEY = 'quote-explorer:review-draft'; // the article under review, kept across reloads
  const A11Y_LIST_LENGTH = 200; // #qe-a11y lists up to this many visible quotes
  const embedded = document.documentElement.dataset.mode === 'embed';
  const $ = (id) => document.getElementById(id);
  // quote-extractor.js sits beside this script (also when a page elsewhere includes it).
  const EXTRACTOR_URL = new URL('quote-extractor.js', (document.currentScript && document.currentScript.src) || location.href).href;
  const RENDERER_URL = new URL('renderer.js', (document.currentScript && document.currentScript.src) || location.href).href;

  // [SECTION] Theme: ?theme=light|dark (embed.js passes its element's data-theme), else the
  // reader's prefers-color-scheme, followed live. html[data-theme] styles the page.
  const requestedTheme = (() => {
    const theme = new URLSearchParams(location.search).get('theme');
    return theme === 'light' || theme === 'dark' ? theme : null;
  })();
  const darkScheme = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const currentTheme = () => requestedTheme || (darkScheme && darkScheme.matches ? 'dark' : 'light');
  document.documentElement.dataset.theme = currentTheme();

  // [SECTION] Numbers and nouns for people: 1,000,000 quotes, 1 quote.
  const numberFormat = new Intl.NumberFormat('en-US');
  const formatNumber = (n) => numberFormat.format(n);
  const counted = (n, singular, plural = `${singular}s`) => `${formatNumber(n)} ${n === 1 ? singular : plural}`;

  let wasm = null; // the Emscripten module, once started
  let lastFilter = null;
  // What the last deferred updates cost (ms), for the benchmarks (QuoteExplorer.debug).
  const lastWork = { mirror: 0, hash: 0 };
  let firstFrameMs = null; // from navigation to the first frame drawn with data
  const listeners = new Map(EVENTS.map((name) => [name, new Set()]));

  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  ready.catch(() => {}); // the page shows the reason; callers who await still see it

  function emit(event, detail) {
    for (const callback of listeners.get(event)) {
      try {
        callback(detail);
      } catch (error) {
        console.error(`QuoteExplorer "${event}" listener failed:`, error);
      }
    }
  }

  // [SECTION] Page status: loading indicator and fatal errors

  // `detail` (what is loading) goes on a smaller line of its own, so the page's largest
  // paint stays the first one: the heading painted before the module arrived.
  function showLoading(text, detail = '') {
    $('qe-loading').hidden = false;
    $('qe-loading-text').textContent = text;
    $('qe-loading-detail').textContent = detail;
  }

  function showFatal(message) {
    $('qe-loading').hidden = true;
    $('qe-error-text').textContent = message;
    $('qe-error').hidden = false;
  }

  // [SECTION] The renderer: the wasm module hands each frame to renderer.js
  // (Module.qeRenderer), which draws it in a worker that owns the canvas when the browser
  // offers OffscreenCanvas, so that creating the WebGL context and waiting on the GPU never
  // block this page. Elsewhere it draws here. Until the worker has the canvas, the newest
  // frame and the textures wait.
  const renderer = (() => {
    let mode = 'starting'; // then 'worker' or 'page'
    let worker = null;
    let onPage = null; // createQuoteExplorerRenderer's drawer, when drawing here
    const waitingTextures = new Map();
    let waitingFrame = null;
    let framesSent = 0;
    let framesShown = 0;
    let shownSize = { width: 0, height: 0 };
    const waitingForScreen = []; // [frame number, callback]: run once that frame is shown

    function shown(number) {
      framesShown = Math.max(framesShown, number);
      for (let i = waitingForScreen.length - 1; i >= 0; --i) {
        if (waitingForScreen[i][0] > framesShown) continue;
        const [, callback] = waitingForScreen.splice(i, 1)[0];
        callback();
      }
    }

    function drawOnPage() {
      worker = null;
      if (typeof createQuoteExplorerRenderer !== 'function') { // renderer.js, as a page script
        const script = document.createElement('script');
        script.src = RENDERER_URL;
        script.onload = drawOnPage;
        script.onerror = () => showFatal('renderer.js did not load.');
        document.head.append(script);
        return;
      }
      mode = 'page';
      onPage = createQuoteExplorerRenderer($('canvas'));
      if (!onPage) {
        showFatal('This browser cannot create a WebGL 2 context.');
        return;
      }
      for (const [id, t] of waitingTextures) onPage.texture(id, t.width, t.height, t.pixels);
      if (waitingFrame) onPage.frame(new Uint8Array(waitingFrame.bytes));
      shown(framesSent);
      waitingTextures.clear();
      waitingFrame = null;
    }

    function post(message, transfer) {
      if (mode === 'worker') worker.postMessage(message, transfer);
    }

    function handOver() {
      const offscreen = $('canvas').transferControlToOffscreen();
      worker.postMessage({ canvas: offscreen }, [offscreen]);
      mode = 'worker';
      for (const [id, t] of waitingTextures) post({ texture: { id, ...t } }, [t.pixels.buffer]);
      if (waitingFrame) post({ frame: waitingFrame }, [waitingFrame.bytes]);
      waitingTextures.clear();
      waitingFrame = null;
    }

    function start() {
      const canvas = $('canvas');
      if (typeof OffscreenCanvas === 'undefined' || typeof canvas.transferControlToOffscreen !== 'function') {
        drawOnPage();
        return;
      }
      try {
        worker = new Worker(RENDERER_URL);
      } catch {
        drawOnPage(); // a policy or a sandbox that allows no worker
        return;
      }
      // The canvas moves to the worker only once its script runs: if it cannot start, the
      // page still has its canvas to draw on.
      worker.onerror = (event) => {
        if (mode !== 'starting') return; // a later error stays on the console
        event.preventDefault();
        drawOnPage();
      };
      worker.onmessage = ({ data }) => {
        if (data.loaded) handOver();
        else if (data.failed) showFatal(data.failed);
        else if (data.drawn) shown(data.drawn);
      };
    }

    return {
      start,
      // Calls back once the next frame the module draws is on screen.
      afterNextFrame: (callback) => waitingForScreen.push([framesSent + 1, callback]),
      // Module.qeRenderer: `pixels` and `bytes` are views of the wasm heap, valid only now.
      forModule: {
        texture(id, width, height, pixels) {
          if (mode === 'page') onPage.texture(id, width, height, pixels);
          else if (mode === 'worker') {
            const copy = pixels.slice();
            post({ texture: { id, width, height, pixels: copy } }, [copy.buffer]);
          } else waitingTextures.set(id, { width, height, pixels: pixels.slice() });
        },
        frame(bytes) {
          const header = new Uint32Array(bytes.buffer, bytes.byteOffset, 2);
          shownSize = { width: header[0], height: header[1] };
          framesSent += 1;
          if (mode === 'page') {
            onPage.frame(bytes);
            shown(framesSent);
            return;
          }
          const copy = bytes.slice().buffer;
          if (mode === 'worker') post({ frame: { number: framesSent, bytes: copy } }, [copy]);
          else waitingFrame = { number: framesSent, bytes: copy };
        },
      },
      // For tests: where frames are drawn, whether one is still on its way, its size.
      mode: () => mode,
      framesInFlight: () => framesSent - framesShown,
      drawnSize: () => ({ ...shownSize }),
    };
  })();

  // Runs `callback` once the page's first paint is on screen (paint timing), or after a
  // second where the browser does not report paints.
  function afterFirstPaint(callback) {
    let called = false;
    const once = () => {
      if (!called) callback();
      called = true;
    };
    try {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        once();
      }).observe({ type: 'paint', buffered: true });
    } catch {
      // no paint timing: the timeout below
    }
    setTimeout(once, 1000);
  }

  // [SECTION] Calling into the wasm core

  function withCString(text, use, module = wasm) {
    const size = module.lengthBytesUTF8(text) + 1;
    const pointer = module._malloc(size);
    if (!pointer) throw new Error('out of memory');
    try {
      module.stringToUTF8(text, pointer, size);
      return use(pointer);
    } finally {
      module._free(pointer);
    }
  }

  const callJson = (fn, ...args) => JSON.parse(wasm.UTF8ToString(fn(...args)));

  function requireStarted() {
    if (!wasm) throw new Error('Quote Explorer is still starting; await QuoteExplorer.ready first');
  }

  // [SECTION] Loading: bytes stream into the core as they arrive
  //
  // A download (or a file, or text) is read chunk by chunk into the wasm heap and parsed there
  // as it arrives (core/loader.h's StreamLoader): the input is never held whole in JavaScript
  // or in the heap. Parsing runs in slices of LOAD_SLICE_MS, each a task of its own, so input
  // is handled between them; #qe-load shows the bytes and quotes read so far and a Cancel
  // button. Only a load that completes and is valid replaces what the explorer shows.

  // A slice waits for an animation frame only when the explorer asked for one (input, a
  // resize) or the progress is due: after the first slice, then every LOAD_PROGRESS_MS.
  // Waiting for a frame after every slice cost a quarter of a million-quote load here (the
  // wait for the display's next frame, and the frame itself where the page is composited in
  // software), and updating the progress at every slice a twentieth (each frame repaints it).
  const LOAD_SLICE_MS = 16;
  const LOAD_PROGRESS_MS = 200;
  const LOAD_FEED_BYTES = 1 << 20; // the most one call into the core reads
  let activeLoad = null; // {cancelled, reader} of the load in progress; a new load cancels it

  // The last input that failed to load as JSON Lines, for the banner's "Skip the invalid
  // lines": {open() -> ReadableStream, name, total} (dropped as soon as something loads).
  let failedJsonLines = null;

  // In a task of its own, after whatever the browser has queued (input, a frame).
  function nextTask() {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }

  // After the next frame is drawn (or 100 ms, in a hidden tab that draws none).
  function afterNextFrame() {
    return new Promise((resolve) => {
      const timeout = setTimeout(resolve, 100);
      requestAnimationFrame(() => {
        clearTimeout(timeout);
        nextTask().then(resolve);
      });
    });
  }

  const megabytes = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 1)} MB`;

  function showLoadProgress(name, received, total, quotes) {
    $('qe-load').hidden = false;
    $('qe-load-text').textContent = `Loading ${name}: ${total ? `${megabytes(received)} of ${megabytes(total)}` : megabytes(received)}, ${counted(quotes, 'quote')}`;
    // Without a known size (a gzip download) the bar goes and the growing counts say enough:
    // an indeterminate bar animates, and animating costs the load's CPU where the page is
    // composited in software (see style.css, .spinner).
    const progress = $('qe-load-progress');
    progress.hidden = !total;
    if (total) progress.value = Math.min(received / total, 1);
  }

  function cancelLoad() {
    if (!activeLoad) return;
    activeLoad.cancelled = true;
    if (activeLoad.reader) activeLoad.reader.cancel().catch(() => {}); // ends a read that waits
  }

  // Streams `open()` (a ReadableStream of bytes) into the explorer; resolves with a summary,
  // or rejects with the loader's located errors while the explorer keeps its previous data.
  async function loadStream(open, name, { initial = false, skipInvalid = false, total = 0 } = {}) {
    cancelLoad();
    const load = { cancelled: false };
    activeLoad = load;
    let reader;
    let failed = false;
    let received = 0;
    let sliced = false; // the load took more than one slice
    try {
      const stream = await open();
      // A byte stream (fetch bodies, files, blobs) reads into one buffer, handed back and forth;
      // a default reader allocates every chunk, and the garbage collector lets hundreds of
      // megabytes of read chunks pile up before it frees them (docs/performance.md, "Loading").
      let buffer = null;
      try {
        reader = stream.getReader({ mode: 'byob' });
        buffer = new Uint8Array(LOAD_FEED_BYTES);
      } catch {
        reader = stream.getReader();
      }
      load.reader = reader;
      if (load.cancelled) throw new DOMException('cancelled', 'AbortError');
      if (!withCString(name, (pointer) => wasm._qe_stream_begin(pointer, skipInvalid ? 1 : 0, total))) {
        throw new Error('out of memory');
      }
      showLoadProgress(name, 0, total, 0);
      let sliceStart = performance.now();
      let progressDue = sliceStart;
      reading: for (;;) {
        const { done, value } = buffer ? await reader.read(buffer) : await reader.read();
        if (load.cancelled) break;
        if (done) break;
        if (buffer) buffer = new Uint8Array(value.buffer); // the same memory, whole again
        for (let offset = 0; offset < value.length; offset += LOAD_FEED_BYTES) {
          const part = value.subarray(offset, offset + LOAD_FEED_BYTES);
          const pointer = wasm._qe_stream_buffer(part.length);
          if (pointer) wasm.HEAPU8.set(part, pointer);
          received += part.length;
          if (!pointer || !wasm._qe_stream_feed(part.length)) {
            failed = true; // the errors are final: stop downloading
            break reading;
          }
          const now = performance.now();
          if (now - sliceStart > LOAD_SLICE_MS) {
            if (now >= progressDue) {
              showLoadProgress(name, received, total, wasm._qe_stream_quotes());
              progressDue = now + LOAD_PROGRESS_MS;
              await afterNextFrame();
            } else if (wasm._qe_pending_frames() > 0) {
              await afterNextFrame();
            } else {
              await nextTask();
            }
            if (load.cancelled) break reading;
            sliced = true;
            sliceStart = performance.now();
          }
        }
      }
    } catch (error) {
      if (activeLoad === load) {
        wasm._qe_stream_cancel();
        activeLoad = null;
        $('qe-load').hidden = true;
      }
      if (reader) reader.cancel().catch(() => {});
      if (error.name === 'AbortError') return cancelled(name);
      return fail(`${name}: ${error.message === 'out of memory' ? 'out of memory' : `the download failed (${error.message})`}; the previous data is kept`);
    }
    if (failed || load.cancelled) reader.cancel().catch(() => {});
    if (sliced && !failed && !load.cancelled) {
      // Indexing is one task (seconds at a million quotes): say so before it starts.
      $('qe-load-text').textContent = `Loading ${name}: indexing ${counted(wasm._qe_stream_quotes(), 'quote')}…`;
      await afterNextFrame();
    } else {
      await nextTask(); // parsing and indexing are two tasks, each shorter
    }
    if (load.cancelled) {
      if (activeLoad === load) {
        wasm._qe_stream_cancel();
        activeLoad = null;
        $('qe-load').hidden = true;
      }
      return cancelled(name);
    }
    activeLoad = null;
    $('qe-load').hidden = true;
    const errors = wasm.UTF8ToString(wasm._qe_stream_finish());
    if (errors) {
      failedJsonLines = skipInvalid ? null : { open, name, total };
      return fail(errors.trim());
    }
    failedJsonLines = null;
    buildA11yFacets();
    const summary = callJson(wasm._qe_summary);
    // The first load takes its filter from the URL hash (start), later ones start unfiltered.
    if (!initial) publishFilter(callJson(wasm._qe_get_filter), { replace: true });
    emit('load', summary);
    emit('select', callJson(wasm._qe_selected)); // a new corpus selects its first quote
    return summary;
  }

  // A cancelled load: nothing changed, so no error is shown; the promise says so.
  function cancelled(name) {
    const error = new Error(`${name}: loading cancelled; the previous data is kept`);
    error.name = 'AbortError';
    return Promise.reject(error);
  }

  const bytesStream = (bytes) => new Blob([bytes]).stream();

  function loadBytes(bytes, name, options = {}) {
    return loadStream(() => bytesStream(bytes), name, { ...options, total: bytes.length });
  }

  function fail(message) {
    if (wasm && wasm._qe_show_error) withCString(message, (pointer) => wasm._qe_show_error(pointer));
    emit('error', { message });
    return Promise.reject(new Error(message));
  }

  // [SECTION] Fetching

  function resolveSource(url) {
    let resolved;
    try {
      resolved = new URL(String(url), location.href);
    } catch {
      throw new Error(`${url}: not a valid URL`);
    }
    if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') {
      throw new Error(`${url}: only http and https URLs can be loaded`);
    }
    return resolved;
  }

  // The response's body as a stream, and its size when the server says (0 when unknown).
  async function fetchBody(url, label) {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (error) {
      throw new Error(`${label}: could not be fetched (offline, or the server does not allow CORS): ${error.message}`);
    }
    if (!response.ok) throw new Error(`${label}: the server answered HTTP ${response.status} ${response.statusText}`);
    // With Content-Encoding (gzip), Content-Length counts the compressed bytes.
    const encoding = response.headers.get('Content-Encoding');
    const total = encoding && encoding !== 'identity' ? 0 : Number(response.headers.get('Content-Length')) || 0;
    return { body: response.body || bytesStream(new Uint8Array(await response.arrayBuffer())), total };
  }

  // options: {skipInvalid: true} loads a JSON Lines corpus past its bad lines; the summary's
  // `skipped` lists them ([{line, errors}]).
  async function loadUrl(url, options = {}) {
    requireStarted();
    if (options === null || typeof options !== 'object') throw new TypeError('loadUrl: options must be an object');
    const label = String(url);
    let source;
    let fetched;
    try {
      source = resolveSource(url);
      fetched = await fetchBody(source, label);
    } catch (error) {
      return fail(error.message);
    }
    let first = fetched.body;
    const open = async () => {
      const body = first;
      first = null;
      return body || (await fetchBody(source, label)).body; // a retry (skipping bad lines) downloads again
    };
    return loadStream(open, label, { initial: options.initial === true, skipInvalid: options.skipInvalid === true,
      total: fetched.total });
  }

  async function load(jsonTextOrObject, name = 'loaded JSON') {
    requireStarted();
    let text;
    try {
      text = typeof jsonTextOrObject === 'string' ? jsonTextOrObject : JSON.stringify(jsonTextOrObject);
    } catch (error) {
      text = undefined; // a cycle or a BigInt
    }
    if (text === undefined) return fail(`${name}: expected JSON text or a JSON-serialisable object`);
    const blob = new Blob([text]); // UTF-8, held by the browser rather than as one more JS string
    return loadStream(() => blob.stream(), String(name), { total: blob.size });
  }

  // [SECTION] Extraction: article text or an HTML page -> article JSON -> the normal load

  let extractorScript = null; // Promise: quote-extractor.js has run
  let extractor = null; // Promise of the extractor module, once asked for

  // Loads quote-extractor.js (and its .wasm) the first time something is extracted; pages
  // that never extract never download it.
  function loadExtractor() {
    if (!extractorScript) {
      extractorScript = new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = EXTRACTOR_URL;
        script.async = true;
        script.onload = () => (typeof createQuoteExtractor === 'function'
          ? resolve() : reject(new Error('quote-extractor.js did not load')));
        script.onerror = () => reject(new Error('the extractor (quote-extractor.js) could not be downloaded'));
        document.head.appendChild(script);
      });
      extractorScript.catch(() => {
        extractorScript = null; // the next extraction tries again
      });
    }
    if (!extractor) {
      extractor = extractorScript.then(() => createQuoteExtractor({
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
      }).catch((error) => {
        throw new Error(`the extractor could not start: ${error && error.message ? error.message : error}`);
      }));
      extractor.catch(() => {
        extractor = null;
      });
    }
    return extractor;
  }

  const OPTION_KEYS = ['title', 'source', 'url', 'published'];

  // Extracts an article from text or HTML (a string, or bytes as Uint8Array or ArrayBuffer)
  // and loads it; resolves with the article JSON. Rejects with the extractor's located
  // message (`name:line:column: …`), or the loader's, while the explorer keeps its data.
  async function extract(input, options = {}) {
    requireStarted();
    if (options === null || typeof options !== 'object') throw new TypeError('extract: options must be an object');
    const name = options.name === undefined || options.name === null ? 'pasted text' : String(options.name);
    const settings = { name, format: options.html === true ? 'html' : options.html === false ? 'text' : 'auto' };
    for (const key of OPTION_KEYS) {
      const value = options[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string') throw new TypeError(`extract: ${key} must be a string`);
      settings[key] = value;
    }
    let bytes;
    if (typeof input === 'string') bytes = new TextEncoder().encode(input);
    else if (input instanceof Uint8Array) bytes = input;
    else if (input instanceof ArrayBuffer) bytes = new Uint8Array(input);
    else return fail(`${name}: expected article text (a string) or its bytes (Uint8Array or ArrayBuffer)`);

    let module;
    try {
      if (!extractor) showLoading('Loading the quote extractor…');
      module = await loadExtractor();
    } catch (error) {
      return fail(`${name}: ${error.message}`);
    } finally {
      $('qe-loading').hidden = true;
    }
    let answer;
    const pointer = module._malloc(Math.max(bytes.length, 1));
    if (!pointer) return fail(`${name}: out of memory: ${bytes.length} bytes do not fit; the previous data is kept`);
    try {
      module.HEAPU8.set(bytes, pointer);
      answer = JSON.parse(withCString(JSON.stringify(settings),
        (optionsPointer) => module.UTF8ToString(module._qe_extract(pointer, bytes.length, optionsPointer)), module));
    } catch (error) {
      // A trap (a bug) leaves the module's memory in an unknown state: the next extraction
      // starts a fresh one.
      extractor = null;
      console.warn('Quote Explorer: the extractor failed:', error);
      return fail(`${name}: the extractor failed (${error.message}); the previous data is kept`);
    } finally {
      if (extractor) module._free(pointer);
    }
    if (answer.error) return fail(answer.error);
    await loadBytes(new TextEncoder().encode(JSON.stringify(answer.article)), name);
    if (!embedded) wasm._qe_review_start(); // a proposal: the editor checks it before use
    return answer.article;
  }

  // Files: .txt, .text, .html and .htm are article text to extract; anything else
  // (.json, .jsonl) is loaded as is.
  function openFile(file) {
    const name = file.name;
    const html = /\.html?$/i.test(name) || (!/\.[a-z0-9]+$/i.test(name) && file.type === 'text/html');
    const text = /\.te?xt$/i.test(name) || (!/\.[a-z0-9]+$/i.test(name) && file.type === 'text/plain');
    const opened = html || text
      ? file.arrayBuffer().then((buffer) => extract(new Uint8Array(buffer), { name, html }))
      : loadStream(() => file.stream(), name, { total: file.size });
    return opened.catch(() => {
      // fail() has shown the error in the explorer and emitted "error"
    });
  }

  // [SECTION] Review: the editor's corrections, kept in this browser until "Done"

  // Every edit rebuilds the corpus (facets may gain or lose values) and is kept, so a reload
  // or a closed tab loses nothing. Nothing leaves the browser.
  function onReview(detail) {
    buildA11yFacets();
    updateA11yReview(detail);
    scheduleScreenReaderView();
    keepDraft(detail ? detail.article : null);
    emit('review', detail);
  }

  function keepDraft(article) {
    try {
      if (article) localStorage.setItem(DRAFT_KEY, JSON.stringify(article));
      else localStorage.removeItem(DRAFT_KEY);
    } catch (error) {
      // Storage full or blocked (private windows): the review goes on, unkept.
      console.warn('Quote Explorer: the review draft could not be kept in this browser:', error);
    }
  }

  function keptDraft() {
    try {
      return localStorage.getItem(DRAFT_KEY);
    } catch {
      return null;
    }
  }

  // At start-up without ?src: the review in progress comes back. A draft the loader refuses
  // is set aside (never deleted) and the default article shows, with the reason.
  function resumeDraft() {
    const draft = keptDraft();
    if (!draft) return null;
    const error = wasm.UTF8ToString(withCString(draft, (pointer) => wasm._qe_review_resume(pointer)));
    if (!error) return callJson(wasm._qe_summary);
    try {
      localStorage.setItem(`${DRAFT_KEY}-unreadable`, draft);
      localStorage.removeItem(DRAFT_KEY);
    } catch {}
    return { error: `The review kept in this browser could not be restored (it is set aside): ${error.trim()}` };
  }

  // A link to the full explorer showing this view: same data (?src), same filter (#hash). An
  // embed links to index.html beside its embed.html, so the link opens the whole explorer.
  function linkToView() {
    writeHash();
    const url = new URL(embedded ? 'index.html' : location.pathname, location.href);
    const src = new URLSearchParams(location.search).get('src');
    if (src) url.searchParams.set('src', src);
    url.hash = location.hash;
    return url.href;
  }

  // The reader's source link: http(s) only (the canvas checked too), in a new tab that gets
  // no handle on this page.
  function openSourceLink(url) {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') window.open(parsed.href, '_blank', 'noopener,noreferrer');
  }

  function copyLink() {
    const link = linkToView();
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(link).catch(() => {});
    emit('link', { url: link });
  }

  function download(text, fileName, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = element('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  function reviewCall(fn, ...args) {
    requireStarted();
    const error = wasm.UTF8ToString(fn(...args));
    if (error) throw new Error(error.trim());
  }

  const review = Object.freeze({
    start: () => reviewCall(wasm._qe_review_start),
    stop: () => reviewCall(wasm._qe_review_stop),
    undo: () => reviewCall(wasm._qe_review_undo, 0),
    redo: () => reviewCall(wasm._qe_review_undo, 1),
    // One edit of the selected article's quotes (docs/embedding.md, "Review from script").
    edit(edit) {
      if (edit === null || typeof edit !== 'object') throw new TypeError('review.edit expects an object');
      requireStarted();
      const error = withCString(JSON.stringify(edit), (pointer) => wasm.UTF8ToString(wasm._qe_review_edit(pointer)));
      if (error) throw new Error(error.trim());
    },
    // The article under review (article JSON), or null when not reviewing.
    article: () => (wasm ? callJson(wasm._qe_review_document) : null),
    save: () => wasm && wasm._qe_review_save(),
    copyEmbedCode: () => wasm && wasm._qe_review_copy_embed_code(),
  });

  // [SECTION] Filter: API, events and the URL hash

  function normaliseFilter(filter) {
    if (filter === null || typeof filter !== 'object') throw new TypeError('setFilter expects an object');
    const list = (key) => {
      const value = filter[key];
      if (value === undefined || value === null) return [];
      const values = Array.isArray(value) ? value : [value];
      if (!values.every((v) => typeof v === 'string')) throw new TypeError(`setFilter: ${key} must be strings`);
      return values;
    };
    const text = filter.text === undefined || filter.text === null ? '' : filter.text;
    if (typeof text !== 'string') throw new TypeError('setFilter: text must be a string');
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const value of [text, ...list('speakers'), ...list('countries'), ...list('kinds'), ...list('sources'), ...list('articles')]) {
      if (loneSurrogate.test(value)) throw new TypeError('setFilter: values must be well-formed Unicode (a lone surrogate)');
    }
    const normalised = { speakers: list('speakers'), countries: list('countries'), kinds: list('kinds'), text };
    if (list('sources').length) normalised.sources = list('sources');
    if (list('articles').length) normalised.articles = list('articles');
    const published = publishedRange(filter.published);
    if (published) normalised.published = published;
    return normalised;
  }

  // published: {from, to}, days as "YYYY-MM-DD" (either may be missing, null or ""), or
  // nothing. A string that is not a date selects nothing, as an unknown speaker does.
  function publishedRange(published) {
    if (published === undefined || published === null) return null;
    if (typeof published !== 'object') throw new TypeError('setFilter: published must be {from, to}');
    const day = (key) => {
      const value = published[key] ?? '';
      if (typeof value !== 'string') throw new TypeError(`setFilter: published.${key} must be a "YYYY-MM-DD" string`);
      return value;
    };
    const range = { from: day('from'), to: day('to') };
    if (/[\uD800-\uDFFF]/.test(range.from + range.to)) throw new TypeError('setFilter: published days must be "YYYY-MM-DD"');
    return range.from || range.to ? range : null;
  }

  function setFilter(filter) {
    requireStarted();
    const normalised = normaliseFilter(filter);
    return JSON.parse(withCString(JSON.stringify(normalised), (pointer) => wasm.UTF8ToString(wasm._qe_set_filter(pointer))));
  }

  function getFilter() {
    requireStarted();
    return callJson(wasm._qe_get_filter);
  }

  function onlyTextChanged(before, after) {
    const same = (key) => JSON.stringify(before[key]) === JSON.stringify(after[key]);
    return before && ['speakers', 'countries', 'kinds', 'sources', 'articles', 'published'].every(same);
  }

  // Keeps the hash equal to the filter: facet changes make history entries (Back undoes
  // them), typing replaces the entry. Embedded pages never add entries to their host's history.
  // The write waits until the page is idle: history.pushState and replaceState cost
  // milliseconds each (a round trip to the browser process), more than filtering a million
  // quotes, so they stay off the path from a click or a keystroke to the next frame, and a
  // burst of changes (typing) writes the hash once.
  const IDLE_TIMEOUT_MS = 200; // idle work runs within this, however busy the page
  let pendingHashWrite = null; // {push, cancel} while a write waits
  // Runs fn once the page is idle; returns what cancels it. A change schedules three tasks
  // (hash, mirror, selection mark), and requesting an idle callback with a timeout costs
  // about 0.1 ms, a tenth of a facet change at a million quotes: they wait in one queue
  // behind one request, and each runs in an idle callback of its own, so no long task
  // holds them all. (Safari has no requestIdleCallback.)
  const idleTasks = new Set();
  let idleRequested = false;
  function whenIdle(fn) {
    const task = () => fn();
    idleTasks.add(task);
    if (!idleRequested) requestIdle();
    return () => idleTasks.delete(task);
  }

  function requestIdle() {
    idleRequested = true;
    if (window.requestIdleCallback) requestIdleCallback(runIdleTask, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(runIdleTask, 0);
  }

  function runIdleTask() {
    idleRequested = false;
    const [task] = idleTasks;
    if (!task) return;
    idleTasks.delete(task);
    if (idleTasks.size) requestIdle();
    task();
  }

  function scheduleHashWrite(push) {
    if (pendingHashWrite) {
      pendingHashWrite.push ||= push;
      return;
    }
    pendingHashWrite = { push, cancel: whenIdle(writeHash) };
  }

  function cancelHashWrite() {
    if (!pendingHashWrite) return;
    pendingHashWrite.cancel();
    pendingHashWrite = null;
  }

  function writeHash() {
    if (!pendingHashWrite) return;
    const started = performance.now();
    const { push } = pendingHashWrite;
    cancelHashWrite();
    const hash = wasm.UTF8ToString(wasm._qe_filter_hash());
    if (hash !== location.hash.replace(/^#/, '')) {
      const url = `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    lastWork.hash = performance.now() - started;
  }

  // A filter that comes from the URL only canonicalises the entry it came from; it never
  // adds one (that would break Forward after Back).
  let readingHash = false;
  function readHash() {
    cancelHashWrite(); // the address bar is the truth now
    readingHash = true;
    try {
      withCString(location.hash, (pointer) => wasm._qe_set_filter_hash(pointer));
    } finally {
      readingHash = false;
    }
  }

  // The first publication (start-up) only canonicalises the hash the page was opened with.
  function publishFilter(filter, { replace = false } = {}) {
    const push = !(replace || readingHash || embedded || !lastFilter || onlyTextChanged(lastFilter, filter));
    scheduleHashWrite(push);
    scheduleScreenReaderView();
    const changed = JSON.stringify(filter) !== JSON.stringify(lastFilter);
    lastFilter = filter;
    if (changed) emit('filter', filter);
  }

  // [SECTION] visibleQuotes(): records built from columns in the heap (JSON costs about a
  // second each 100,000 quotes): the ids and texts as one UTF-8 block decoded once and sliced,
  // the rest as numbers into per-corpus tables of articles, speakers, countries and kinds.

  let corpusTables = null;
  function tablesOfCorpus() {
    const generation = wasm._qe_corpus_generation();
    if (!corpusTables || corpusTables.generation !== generation) {
      corpusTables = { generation, ...callJson(wasm._qe_corpus_tables) };
    }
    return corpusTables;
  }

  const NO_COUNTRY = 0xffff;
  const NO_CONFIDENCE = 255;
  const utf8 = new TextDecoder();

  function visibleQuotes() {
    if (!wasm) return [];
    const { articles, speakers, countries, kinds } = tablesOfCorpus();
    const header = wasm._qe_visible_columns(); // first: the call may grow (and so detach) the heap
    const [count, textPointer, textBytes, rowsPointer, boundsPointer] = new Uint32Array(wasm.HEAPU8.buffer, header, 5);
    try {
      const heap = wasm.HEAPU8.buffer;
      const text = utf8.decode(wasm.HEAPU8.subarray(textPointer, textPointer + textBytes));
      const rows = new Uint32Array(heap, rowsPointer, count * 5);
      const bounds = new Uint32Array(heap, boundsPointer, count * 2 + 1);
      const records = new Array(count);
      for (let i = 0, row = 0; i < count; ++i, row += 5) {
        const [speakerId, speakerName] = speakers[rows[row + 1]];
        const record = {
          id: text.slice(bounds[2 * i], bounds[2 * i + 1]),
          article: articles[rows[row]],
          speaker: speakerId,
          speaker_name: speakerName,
          country: rows[row + 3] === NO_COUNTRY ? null : countries[rows[row + 3]],
          kind: kinds[rows[row + 2]],
          text: text.slice(bounds[2 * i + 1], bounds[2 * i + 2]),
        };
        if (rows[row + 4] !== NO_CONFIDENCE) record.confidence = rows[row + 4] / 100;
        records[i] = record;
      }
      return records;
    } finally {
      wasm._qe_release_columns();
    }
  }

  // [SECTION] #qe-a11y: the explorer for assistive technology
  //
  // Real controls beside the canvas, visually hidden until focused: facet checkboxes with
  // counts and a search field that drive the same filter (through setFilter), a polite
  // status with the result count, and the visible quotes (the first A11Y_LIST_LENGTH, then
  // how many more), always those of visibleQuotes(). Text goes in only as textContent.

  const FACETS = [['speakers', 'qe-a11y-speakers'], ['countries', 'qe-a11y-countries'], ['kinds', 'qe-a11y-kinds'],
    ['sources', 'qe-a11y-sources']];
  const a11yFacets = { speakers: [], countries: [], kinds: [], sources: [] }; // {value, input, count} per checkbox

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function toggleFacet(key, value, checked) {
    const filter = getFilter();
    const values = (filter[key] || []).filter((v) => v !== value);
    if (checked) values.push(value);
    setFilter({ ...filter, [key]: values });
  }

  // Once per corpus: one checkbox per speaker, country and kind, most quoted first (a fixed
  // order: checkboxes never move under the reader's focus).
  function buildA11yFacets() {
    const facets = callJson(wasm._qe_a11y_facets);
    for (const [key, listId] of FACETS) {
      a11yFacets[key] = facets[key].map((facet, index) => {
        const li = element('li');
        const label = element('label');
        const input = element('input');
        input.type = 'checkbox';
        input.id = `qe-a11y-${key}-${index}`;
        input.dataset.facet = key;
        input.value = facet.value;
        input.addEventListener('change', () => toggleFacet(key, facet.value, input.checked));
        label.htmlFor = input.id;
        label.append(element('span', 'qe-a11y-label', facet.label));
        if (facet.detail) label.append(element('span', 'qe-a11y-detail', ` (${facet.detail})`));
        const count = element('span', 'qe-a11y-count');
        label.append(count);
        li.append(input, ' ', label);
        return { value: facet.value, input, count, li };
      });
      $(listId).replaceChildren(...a11yFacets[key].map((facet) => facet.li));
    }
    $('qe-a11y-source-set').hidden = facets.sources.length < 2; // as on the canvas: one source filters nothing
    $('qe-a11y-article-set').hidden = facets.articles < 2;
    $('qe-a11y-article-search').value = '';
    shownArticlesJson = '';
    mirrorReset = true;
    $('qe-a11y-published').hidden = !facets.published;
    for (const id of ['qe-a11y-from', 'qe-a11y-to']) {
      $(id).min = facets.published ? facets.published.first : '';
      $(id).max = facets.published ? facets.published.last : '';
    }
  }

  // The article facet: a search field and, as checkboxes, the ticked articles and the
  // ARTICLE_LIST_LENGTH matching ones with the most quotes (a corpus may hold 100,000
  // articles: a checkbox each would swamp the page and its readers).
  const ARTICLE_LIST_LENGTH = 20;
  let shownArticlesJson = '';
  function updateArticleList() {
    if ($('qe-a11y-article-set').hidden) return;
    const query = $('qe-a11y-article-search').value;
    const json = withCString(query, (pointer) => wasm.UTF8ToString(wasm._qe_a11y_articles(pointer, ARTICLE_LIST_LENGTH)));
    if (json === shownArticlesJson) return;
    shownArticlesJson = json;
    const { matches, unlisted, articles } = JSON.parse(json);
    const list = $('qe-a11y-articles');
    const focused = list.contains(document.activeElement) ? document.activeElement.value : null;
    list.replaceChildren(...articles.map((article, index) => {
      const li = element('li');
      const input = element('input');
      input.type = 'checkbox';
      input.id = `qe-a11y-articles-${index}`;
      input.dataset.facet = 'articles';
      input.value = article.value;
      input.checked = article.checked;
      input.addEventListener('change', () => toggleFacet('articles', article.value, input.checked));
      const label = element('label');
      label.htmlFor = input.id;
      label.append(element('span', 'qe-a11y-label', article.label));
      if (article.detail) label.append(element('span', 'qe-a11y-detail', ` (${article.detail})`));
      label.append(element('span', 'qe-a11y-count', quoteCountLabel(article.count)));
      li.append(input, ' ', label);
      return li;
    }));
    const found = query ? `${counted(matches, 'article')} match “${query}”` : counted(matches, 'article');
    $('qe-a11y-article-status').textContent = unlisted
      ? `${found}; ${formatNumber(unlisted)} more with fewer quotes ${unlisted === 1 ? 'is' : 'are'} not listed.` : `${found}.`;
    if (focused === null) return;
    const again = [...list.querySelectorAll('input')].find((input) => input.value === focused);
    (again || $('qe-a11y-article-search')).focus({ preventScroll: true });
  }

  function describeFilter(filter) {
    const parts = [['speaker', filter.speakers], ['country', filter.countries], ['kind', filter.kinds], ['source', filter.sources || []],
      ['article', filter.articles || []]]
      .filter(([, values]) => values.length).map(([name, values]) => `${name} ${values.join(' or ')}`);
    if (filter.text) parts.push(`text “${filter.text}”`);
    const { from, to } = filter.published || {};
    if (from && to) parts.push(`published ${from} to ${to}`);
    else if (from || to) parts.push(from ? `published from ${from}` : `published until ${to}`);
    return parts;
  }

  function quoteItem(quote) {
    const li = element('li');
    li.dataset.quoteId = quote.id;
    li.dataset.article = quote.article;
    if (quote.selected) {
      li.setAttribute('aria-current', 'true');
      li.append(element('span', 'qe-a11y-detail', 'Selected: '));
    }
    const about = [quote.role, quote.country_name].filter(Boolean).join(', ');
    li.append(element('span', 'qe-a11y-speaker', quote.speaker_name),
      element('span', 'qe-a11y-detail', `${about ? ` (${about})` : ''}, ${quote.kind}: `),
      element('span', 'qe-a11y-text', quote.text));
    return li;
  }

  // When the page is idle after the filter changed (within IDLE_TIMEOUT_MS; the live
  // region is polite anyway): a burst of changes (typing) updates the mirror once, and it
  // never delays the frame that shows a change.
  let cancelScreenReaderView = null;
  function scheduleScreenReaderView() {
    cancelScreenReaderView ||= whenIdle(updateScreenReaderView);
  }

  // "1,234 quotes" for every count the mirror shows, formatted once.
  const quoteCountLabels = new Map();
  function quoteCountLabel(n) {
    if (!quoteCountLabels.has(n)) quoteCountLabels.set(n, `: ${counted(n, 'quote')}`);
    return quoteCountLabels.get(n);
  }

  // Counts come as numbers from the heap, with a bit per facet whose counts changed: only
  // those facets (and those whose ticks changed) are visited, and only changed counts are
  // written; the list is rebuilt only when its quotes changed.
  let shownQuotesJson = '';
  let mirrorReset = true; // the facets were rebuilt: every count and tick is written
  const syncedTicks = new Map(); // facet key -> the ticked values the checkboxes show, as JSON
  const ARTICLES_CHANGED = 1 << FACETS.length;
  function updateScreenReaderView() {
    if (cancelScreenReaderView) cancelScreenReaderView();
    cancelScreenReaderView = null;
    const started = performance.now();
    const filter = getFilter();
    const facetCount = FACETS.reduce((sum, [key]) => sum + a11yFacets[key].length, 0);
    const countsPointer = wasm._qe_a11y_counts(mirrorReset ? 1 : 0); // may grow the heap: read its buffer after
    const counts = new Uint32Array(wasm.HEAPU8.buffer, countsPointer, 3 + facetCount);
    const [total, visible, changed] = counts;
    const parts = describeFilter(filter);
    $('qe-status').textContent = parts.length
      ? `${formatNumber(visible)} of ${counted(total, 'quote')} shown, filtered by ${parts.join(', ')}`
      : counted(total, 'quote');
    let index = 3;
    FACETS.forEach(([key], bit) => {
      const ticks = JSON.stringify(filter[key] || []);
      const facets = a11yFacets[key];
      if (!mirrorReset && !(changed & (1 << bit)) && syncedTicks.get(key) === ticks) {
        index += facets.length;
        return;
      }
      syncedTicks.set(key, ticks);
      const selected = new Set(filter[key] || []);
      for (const facet of facets) {
        const count = counts[index++];
        if (facet.shownCount !== count) facet.count.textContent = quoteCountLabel(count);
        facet.shownCount = count;
        const checked = selected.has(facet.value);
        if (facet.input.checked !== checked) facet.input.checked = checked;
      }
    });
    const articleTicks = JSON.stringify(filter.articles || []);
    if (mirrorReset || (changed & ARTICLES_CHANGED) || syncedTicks.get('articles') !== articleTicks) updateArticleList();
    syncedTicks.set('articles', articleTicks);
    mirrorReset = false;
    // What the reader types stays as typed.
    const sync = (input, value) => {
      if (document.activeElement !== input && input.value !== value) input.value = value;
    };
    sync($('qe-a11y-search'), filter.text);
    sync($('qe-a11y-from'), filter.published ? filter.published.from : '');
    sync($('qe-a11y-to'), filter.published ? filter.published.to : '');
    const quotesJson = wasm.UTF8ToString(wasm._qe_a11y_quotes(A11Y_LIST_LENGTH));
    const quotes = quotesJson === shownQuotesJson ? null : JSON.parse(quotesJson);
    if (quotes) $('qe-quotes').replaceChildren(...quotes.map(quoteItem));
    shownQuotesJson = quotesJson;
    const listed = $('qe-quotes').children.length;
    const more = $('qe-a11y-more');
    more.hidden = visible <= listed;
    more.textContent = more.hidden ? '' : `The first ${formatNumber(listed)} of ${counted(visible, 'quote')} shown are listed.`;
    lastWork.mirror = performance.now() - started;
  }

  // The mirror's list marks the selection when the page is idle: after a facet change the
  // selection moves too, and reading 200 list items then would cost the change about a
  // millisecond (the mirror's own idle update rebuilds the list anyway).
  let cancelMarkSelected = null;
  let selectionToMark = null;
  function scheduleMarkSelected(selected) {
    selectionToMark = selected;
    cancelMarkSelected ||= whenIdle(() => {
      cancelMarkSelected = null;
      markSelected(selectionToMark);
    });
  }

  function markSelected(selected) {
    for (const li of $('qe-quotes').children) {
      const isSelected = !!selected && li.dataset.quoteId === selected.id && li.dataset.article === selected.article;
      if (isSelected === li.hasAttribute('aria-current')) continue;
      if (isSelected) {
        li.setAttribute('aria-current', 'true');
        li.prepend(element('span', 'qe-a11y-detail', 'Selected: '));
      } else {
        li.removeAttribute('aria-current');
        li.firstChild.remove();
      }
    }
  }

  function installA11yControls() {
    const search = $('qe-a11y-search');
    search.addEventListener('input', () => {
      if (!wasm.started) return;
      setFilter({ ...getFilter(), text: search.value });
    });
    $('qe-a11y-form').addEventListener('submit', (event) => event.preventDefault());
    $('qe-a11y-article-search').addEventListener('input', () => {
      if (wasm.started) updateArticleList();
    });
    for (const id of ['qe-a11y-from', 'qe-a11y-to']) {
      $(id).addEventListener('change', () => {
        if (!wasm.started) return;
        setFilter({ ...getFilter(), published: { from: $('qe-a11y-from').value, to: $('qe-a11y-to').value } });
      });
    }
    $('qe-a11y-clear').addEventListener('click', () => {
      if (wasm.started) setFilter({});
    });
  }

  // [SECTION] #qe-a11y review: the canvas's review controls, for the keyboard and screen readers

  let reviewDetail = null; // the last "review" event's detail: the article and its counts

  function options(select, entries) {
    select.replaceChildren(...entries.map(([value, text]) => new Option(text, value)));
  }

  function updateA11yReview(detail = reviewDetail) {
    reviewDetail = detail;
    $('qe-a11y-review').hidden = embedded; // embeds show, they do not edit
    $('qe-a11y-review-start').hidden = !!detail;
    $('qe-a11y-review-tools').hidden = !detail;
    if (!detail) return;
    const { article } = detail;
    const speakers = new Map((article.speakers || []).map((s) => [s.id, s.name]));
    const quotes = article.quotes || [];
    const selected = callJson(wasm._qe_selected);
    const current = selected && quotes.find((q) => q.id === selected.id);
    $('qe-a11y-review-progress').textContent = `${formatNumber(detail.accepted)} of ${counted(detail.quotes, 'quote')} accepted`;
    options($('qe-a11y-review-quote'), quotes.map((q) => [q.id, `${speakers.get(q.speaker) || q.speaker}: ${q.text}${q.reviewed ? ' (accepted)' : ''}`]));
    options($('qe-a11y-review-speaker'), [...speakers]);
    const addSpeaker = $('qe-a11y-add-speaker');
    const keptSpeaker = addSpeaker.value;
    options(addSpeaker, [...speakers]);
    if (speakers.has(keptSpeaker)) addSpeaker.value = keptSpeaker;
    for (const control of $('qe-a11y-review-tools').querySelectorAll('select, button')) {
      if (control.closest('#qe-a11y-add')) continue; // adding needs no selected quote
      control.disabled = !current && !['qe-a11y-undo', 'qe-a11y-redo', 'qe-a11y-download', 'qe-a11y-embed', 'qe-a11y-review-done'].includes(control.id);
    }
    $('qe-a11y-undo').disabled = !detail.canUndo;
    $('qe-a11y-redo').disabled = !detail.canRedo;
    if (!current) return;
    $('qe-a11y-review-quote').value = current.id;
    $('qe-a11y-accept').setAttribute('aria-pressed', String(!!current.reviewed));
    $('qe-a11y-review-kind').value = current.kind;
    $('qe-a11y-review-speaker').value = current.speaker;
  }

  // Runs one review call; its refusal ("why nothing changed") is announced, not thrown.
  function reviewFromMirror(call) {
    const message = $('qe-a11y-review-message');
    try {
      call();
      message.textContent = '';
    } catch (error) {
      message.textContent = error.message;
    }
  }

  function editSelectedQuote(edit) {
    reviewFromMirror(() => review.edit({ ...edit, quote: $('qe-a11y-review-quote').value }));
  }

  // The first place the article's paragraphs hold `words`, in code points as article JSON
  // counts them, or null.
  function findWords(paragraphs, words) {
    for (let paragraph = 0; paragraph < paragraphs.length; ++paragraph) {
      const at = words ? paragraphs[paragraph].indexOf(words) : -1;
      if (at < 0) continue;
      const start = Array.from(paragraphs[paragraph].slice(0, at)).length;
      return { paragraph, start, end: start + Array.from(words).length };
    }
    return null;
  }

  function addQuoteFromMirror() {
    const words = $('qe-a11y-add-text').value.trim();
    const span = reviewDetail && findWords(reviewDetail.article.paragraphs, words);
    if (!span) {
      $('qe-a11y-review-message').textContent = 'Those words are not in the article: copy them exactly from its text.';
      return;
    }
    const name = $('qe-a11y-add-new').value.trim();
    const speaker = name ? { newSpeaker: name } : { speaker: $('qe-a11y-add-speaker').value };
    reviewFromMirror(() => review.edit({ type: 'add', ...span, kind: $('qe-a11y-add-kind').value, ...speaker }));
    if (!$('qe-a11y-review-message').textContent) {
      $('qe-a11y-add-text').value = '';
      $('qe-a11y-add-new').value = '';
    }
  }

  function installA11yReview() {
    updateA11yReview(null);
    $('qe-a11y-review-start').addEventListener('click', () => reviewFromMirror(review.start));
    $('qe-a11y-review-quote').addEventListener('change', (event) => {
      if (reviewDetail) window.QuoteExplorer.select(reviewDetail.article.id, event.target.value);
    });
    $('qe-a11y-accept').addEventListener('click', (event) => {
      editSelectedQuote({ type: 'accept', accepted: event.target.getAttribute('aria-pressed') !== 'true' });
    });
    $('qe-a11y-review-kind').addEventListener('change', (event) => editSelectedQuote({ type: 'kind', kind: event.target.value }));
    $('qe-a11y-review-speaker').addEventListener('change', (event) => editSelectedQuote({ type: 'speaker', speaker: event.target.value }));
    for (const button of $('qe-a11y-review-tools').querySelectorAll('button[data-edge]')) {
      button.addEventListener('click', () => editSelectedQuote({ type: 'edge', edge: button.dataset.edge, words: Number(button.dataset.words) }));
    }
    $('qe-a11y-delete').addEventListener('click', () => editSelectedQuote({ type: 'delete' }));
    $('qe-a11y-add').addEventListener('submit', (event) => {
      event.preventDefault();
      addQuoteFromMirror();
    });
    $('qe-a11y-undo').addEventListener('click', () => reviewFromMirror(review.undo));
    $('qe-a11y-redo').addEventListener('click', () => reviewFromMirror(review.redo));
    $('qe-a11y-download').addEventListener('click', () => reviewFromMirror(review.save));
    $('qe-a11y-embed').addEventListener('click', () => reviewFromMirror(review.copyEmbedCode));
    $('qe-a11y-review-done').addEventListener('click', () => reviewFromMirror(review.stop));
  }

  function onNativeEvent(event, detail) {
    if (event === 'open-file') $('qe-file-input').click();
    else if (event === 'filter') publishFilter(detail);
    else if (event === 'review') onReview(detail);
    else if (event === 'extract-text') extract(detail.text, { name: 'pasted text' }).catch(() => {});
    else if (event === 'copy-link') copyLink();
    else if (event === 'retry-skip-invalid' && failedJsonLines) {
      const { open, name, total } = failedJsonLines;
      loadStream(open, name, { skipInvalid: true, total }).catch(() => {});
    }
    else if (event === 'open-url') openSourceLink(detail.url);
    else if (event === 'select') {
      $('qe-selection').textContent = detail ? `Selected: ${detail.speaker_name}: ${detail.text}` : '';
      scheduleMarkSelected(detail);
      if (reviewDetail) updateA11yReview();
      emit('select', detail);
    }
  }

  // The hidden text field (web_input.cpp focuses it while ImGui edits text): key presses
  // reach ImGui as key events; text that arrives without one (an input method's composition,
  // a phone keyboard's suggestion, insertText) is forwarded here. The field never keeps text.
  function installTextInput() {
    const input = $('qe-text-input');
    let keyGaveText = false; // ImGui already got this text from the key press
    let pasteShortcut = false; // Ctrl/Cmd+V: ImGui pastes through its clipboard
    input.addEventListener('keydown', (event) => {
      const command = (event.ctrlKey || event.metaKey) && !(event.ctrlKey && event.altKey);
      keyGaveText = !command && [...event.key].length === 1 && !event.isComposing && event.keyCode !== 229;
      pasteShortcut = command && event.key.toLowerCase() === 'v';
    });
    const forward = (text) => {
      if (text) withCString(text, (pointer) => wasm._qe_input_text(pointer));
    };
    // iOS opens its keyboard only for a focus made inside the touch handler itself, so a tap
    // on the search box focuses the field here, before the explorer's next frame does.
    $('canvas').addEventListener('touchend', (event) => {
      const touch = event.changedTouches[0];
      const search = wasm && withCString('search', (pointer) => callJson(wasm._qe_item_rect, pointer));
      if (!touch || !search) return;
      const box = $('canvas').getBoundingClientRect();
      const x = touch.clientX - box.left;
      const y = touch.clientY - box.top;
      if (x >= search.x && x < search.x + search.width && y >= search.y && y < search.y + search.height) {
        input.focus({ preventScroll: true });
      }
    });
    input.addEventListener('compositionend', (event) => {
      forward(event.data);
      input.value = '';
    });
    input.addEventListener('input', (event) => {
      if (event.isComposing) return;
      const typed = event.inputType === 'insertText' && !keyGaveText;
      const pasted = event.inputType === 'insertFromPaste' && !pasteShortcut; // a phone's long-press Paste
      if (typed || pasted || event.inputType === 'insertReplacementText') forward(event.data || input.value);
      keyGaveText = pasteShortcut = false;
      input.value = '';
    });
  }

  // Dropping a file on the page opens it: .json and .jsonl load, .txt and .html are
  // extracted (the data stays in the browser).
  function installFileDrop() {
    const explorer = $('explorer');
    explorer.addEventListener('dragover', (event) => {
      if (!event.dataTransfer || ![...event.dataTransfer.types].includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    explorer.addEventListener('drop', async (event) => {
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      await openFile(file);
    });
  }

  // "Open file…" in the explorer (its "open-file" event) clicks this hidden file input.
  function installFileInput() {
    const input = $('qe-file-input');
    input.addEventListener('change', () => {
      const file = input.files && input.files[0];
      input.value = '';
      if (file) openFile(file);
    });
  }

  // Paste: into the search box while it is being edited (ImGui reads the text through its
  // clipboard); elsewhere on the page, pasted JSON loads and any other text is extracted as
  // an article. Embedded explorers only search: a reader's stray paste never replaces the story.
  function installPaste() {
    document.addEventListener('paste', (event) => {
      const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
      if (!text) return;
      withCString(text, (pointer) => wasm._qe_paste(pointer));
      const editing = document.activeElement === $('qe-text-input'); // an ImGui text field is active
      if (editing || embedded || !wasm.started) return;
      event.preventDefault();
      const json = /^\s*[{[]/.test(text);
      (json ? load(text, 'pasted JSON') : extract(text, { name: 'pasted text' })).catch(() => {});
    });
  }

  // [SECTION] Start-up

  async function start(module) {
    wasm = module;
    await nextTask(); // the module's start-up and the page's are two tasks, each shorter
    window.addEventListener('hashchange', readHash);
    window.addEventListener('popstate', readHash);
    window.addEventListener('pagehide', writeHash); // a reload keeps the filter
    installPaste();
    installFileDrop();
    installFileInput();
    installTextInput();
    installA11yControls();
    installA11yReview();
    $('qe-load-cancel').addEventListener('click', cancelLoad);
    if (darkScheme && !requestedTheme) {
      darkScheme.addEventListener('change', () => {
        document.documentElement.dataset.theme = currentTheme();
        wasm._qe_set_theme(currentTheme() === 'dark' ? 1 : 0);
      });
    }
    const requested = new URLSearchParams(location.search).get('src');
    const src = requested || DEFAULT_SRC;
    showLoading('Loading Quote Explorer…', src);
    try {
      const resumed = !requested && !embedded ? resumeDraft() : null;
      const summary = resumed && !resumed.error ? resumed : await loadUrl(src, { initial: true });
      if (resumed && resumed.error) fail(resumed.error).catch(() => {});
      readHash();
      publishFilter(getFilter(), { replace: true });
      writeHash(); // the address bar shows the canonical hash from the start
      wasm.started = true;
      if (!embedded) $('canvas').focus({ preventScroll: true });
      // The loading state stays until the explorer is on screen (the worker may still be
      // creating its WebGL context).
      await new Promise((resolve) => renderer.afterNextFrame(resolve));
      $('qe-loading').hidden = true;
      firstFrameMs = performance.now();
      resolveReady(summary);
    } catch (error) {
      showFatal(error.message);
      rejectReady(error);
    }
  }

  window.QuoteExplorer = Object.freeze({
    ready,
    load,
    loadUrl,
    extract,
    review,
    setFilter,
    getFilter,
    visibleQuotes,
    selectedQuote: () => (wasm ? callJson(wasm._qe_selected) : null),
    select(article, id) {
      requireStarted();
      return withCString(String(article), (a) => withCString(String(id), (q) => wasm._qe_select(a, q))) === 1;
    },
    on(event, callback) {
      if (!listeners.has(event)) throw new TypeError(`unknown event "${event}"; expected ${EVENTS.join(', ')}`);
      if (typeof callback !== 'function') throw new TypeError('on: callback must be a function');
      listeners.get(event).add(callback);
      return () => listeners.get(event).delete(callback);
    },
    // For tests and tools: where a named widget is on the canvas (CSS px), frames drawn.
    debug: Object.freeze({
      itemRect: (name) => (wasm ? withCString(String(name), (p) => callJson(wasm._qe_item_rect, p)) : null),
      framesDrawn: () => (wasm ? wasm._qe_frames_drawn() : 0),
      focusedItem: () => (wasm ? wasm.UTF8ToString(wasm._qe_focused_item()) : ''),
      // Frames the canvas still draws, plus the mirror and the hash while they wait.
      pendingFrames: () => (wasm ? wasm._qe_pending_frames() : 0) + (cancelScreenReaderView ? 1 : 0) + (pendingHashWrite ? 1 : 0)
        + (cancelMarkSelected ? 1 : 0) + renderer.framesInFlight(),
      // 'worker' (an OffscreenCanvas) or 'page'; the last frame's size, in pixels (drawn once
      // pendingFrames() is 0).
      renderer: () => renderer.mode(),
      drawnSize: () => renderer.drawnSize(),
      lastWork: () => ({ ...lastWork }),
      firstFrameMs: () => firstFrameMs,
    }),
  });

  if (typeof createQuoteExplorer !== 'function') {
    showFatal('quote-explorer.js did not load.');
    rejectReady(new Error('quote-explorer.js did not load'));
    return;
  }
  // Both start once the page has painted its loading state: the first paint needs the GPU
  // process and the main thread, and the module's compile and start-up and the worker's
  // WebGL context (over half a second with a software GL) would hold it up. On a phone the
  // paint comes a frame after this script, so the module waits no longer than that; the
  // worker then creates its context while the module downloads.
  afterFirstPaint(() => {
    renderer.start();
    createQuoteExplorer({
      canvas: $('canvas'),
      qeRenderer: renderer.forModule,
      qeEmit: onNativeEvent,
      qeFatal: showFatal,
      qeDownload: download,
      // An embed asks its host page for the height its content needs (embed.js fits the iframe).
      qeContentHeight: (height) => {
        if (embedded && window.parent !== window) window.parent.postMessage({ type: 'quote-explorer:height', height }, '*');
      },
      qeTheme: currentTheme(),
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
    }).then(start, (error) => {
      showFatal(`Quote Explorer could not start: ${error && error.message ? error.message : error}`);
      rejectReady(error);
    });
  });
})();
