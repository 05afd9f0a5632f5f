// The scale benchmark's library baselines, served to the page from bench/scale/node_modules
// (installed by `./build-wasm.sh deps` or on first run; offline after that): crossfilter2
// (its UMD build, a global) and DuckDB-Wasm (its ES module, worker and wasm, all from the npm
// package's own dist/). The browser cannot resolve bare module names, so the ES modules'
// imports of apache-arrow, flatbuffers and tslib are rewritten to their files as served.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULES = fileURLToPath(new URL('./node_modules', import.meta.url));
export const PREFIX = '/bench/nm';

const BARE = {
  'apache-arrow': `${PREFIX}/apache-arrow/Arrow.dom.mjs`,
  flatbuffers: `${PREFIX}/flatbuffers/mjs/flatbuffers.js`,
  tslib: `${PREFIX}/tslib/tslib.es6.mjs`,
};
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

export const installed = () => existsSync(join(MODULES, 'crossfilter2')) && existsSync(join(MODULES, '@duckdb/duckdb-wasm'));

function* filesUnder(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

// An ES module with its bare imports pointed at the served files.
const rewritten = (text) => text.replace(/(\bfrom\s*|\bimport\s*\(?\s*)(["'])(apache-arrow|flatbuffers|tslib)\2/g,
  (_, head, quote, name) => `${head}${quote}${BARE[name]}${quote}`);

// Handlers for startServer(extraFiles): each file the baselines load, read when asked.
export function baselineFiles() {
  const files = {};
  const serve = (path, esm) => {
    const type = TYPES[path.slice(path.lastIndexOf('.'))] || 'application/octet-stream';
    files[`${PREFIX}/${relative(MODULES, path)}`] = (request, response) => {
      const body = readFileSync(path);
      response.writeHead(200, { 'Content-Type': type });
      response.end(esm ? rewritten(body.toString('utf8')) : body);
    };
  };
  for (const dir of ['apache-arrow', 'flatbuffers/mjs', 'tslib']) {
    for (const path of filesUnder(join(MODULES, dir))) if (/\.m?js$/.test(path)) serve(path, true);
  }
  const dist = join(MODULES, '@duckdb/duckdb-wasm/dist');
  serve(join(dist, 'duckdb-browser.mjs'), true);
  for (const name of ['duckdb-browser-eh.worker.js', 'duckdb-eh.wasm', 'duckdb-browser-mvp.worker.js', 'duckdb-mvp.wasm']) {
    serve(join(dist, name), false);
  }
  serve(join(MODULES, 'crossfilter2/crossfilter.min.js'), false);
  return files;
}
