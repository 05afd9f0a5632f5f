#!/usr/bin/env python3
"""Serves build/web on loopback as a production host should: gzip for text and wasm
(compressed once, kept in memory), the right MIME types, and revalidation caching.
A large corpus (JSON of 16 MiB or more) is sent as it is, with `Cache-Control: no-store`:
Chromium then hands the download to the page as it arrives instead of first copying it
into chunks on its garbage-collected heap, which at a million quotes held up to 60 MB more
at the load's peak (docs/performance.md, "Chromium's copy of a download").

    python3 tools/serve.py [PORT] [DIRECTORY]     (PORT 0: any free port, printed)
"""
import gzip
import http.server
import os
import sys

COMPRESSIBLE = {".html", ".js", ".css", ".json", ".jsonl", ".wasm", ".svg", ".txt"}
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".jsonl": "application/json"}
CORPUS = {".json", ".jsonl"}
LARGE_CORPUS_BYTES = 16 << 20


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    compressed = {}  # path -> (mtime, gzip bytes)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        extension = os.path.splitext(path)[1]
        is_file = os.path.isfile(path)
        self.no_store = extension in CORPUS and is_file and os.path.getsize(path) >= LARGE_CORPUS_BYTES
        if (extension not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not is_file or self.no_store):
            return super().send_head()
        mtime = os.path.getmtime(path)
        cached = self.compressed.get(path)
        if not cached or cached[0] != mtime:
            with open(path, "rb") as file:
                cached = (mtime, gzip.compress(file.read(), 9))
            self.compressed[path] = cached
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(cached[1])))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return _Body(cached[1])

    def end_headers(self):
        if getattr(self, "no_store", False):
            self.send_header("Cache-Control", "no-store")
        super().end_headers()


class _Body:
    def __init__(self, data):
        self.data = data

    def read(self, *_):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
    directory = sys.argv[2] if len(sys.argv) > 2 else "build/web"
    handler = lambda *args, **kwargs: Handler(*args, directory=directory, **kwargs)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        port = server.server_address[1]  # the one chosen when asked for port 0
        print(f"serving {directory} on http://127.0.0.1:{port}/ (gzip)", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
