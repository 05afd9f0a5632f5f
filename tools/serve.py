#!/usr/bin/env python3
"""Serves build/web on loopback as a production host should: gzip for text and wasm
(compressed once, kept in memory), the right MIME types, and revalidation caching.

    python3 tools/serve.py [PORT] [DIRECTORY]
"""
import gzip
import http.server
import os
import sys

COMPRESSIBLE = {".html", ".js", ".css", ".json", ".jsonl", ".wasm", ".svg", ".txt"}
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".jsonl": "application/json"}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}
    compressed = {}  # path -> (mtime, gzip bytes)

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        extension = os.path.splitext(path)[1]
        if (extension not in COMPRESSIBLE or "gzip" not in self.headers.get("Accept-Encoding", "")
                or not os.path.isfile(path)):
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
        print(f"serving {directory} on http://127.0.0.1:{port}/ (gzip)", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
