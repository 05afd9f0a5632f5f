#!/usr/bin/env python3
"""Two naive extractors, measured beside `quotes extract` in the same run (run.sh).

usage: baselines.py marks|sentences ARTICLES OUT.jsonl

ARTICLES is an article, a corpus@1 or JSON Lines; only each article's id and paragraphs are
read (the paragraphs are the text `quotes extract` was given, not annotations). Writes
article@1 JSON Lines with the same ids and paragraphs and these quotes, speaker null:

  marks      every span between a pair of quotation marks in a paragraph (“…”, "…", «…»,
             „…“, „…”, ‹…›), marks left out, as a direct quote
  sentences  every sentence holding a word of speech_verbs.txt, whole, as an indirect quote
             (mixed when it holds a quotation mark)
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAIRS = {"“": "”", "«": "»", "„": "“”", "‹": "›", '"': '"'}
MARKS = set("“”\"«»„‹›")


def read_articles(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    try:
        value = json.loads(text)
        values = value.get("articles", [value]) if value.get("format") == "quote-explorer/corpus@1" else [value]
    except json.JSONDecodeError:
        values = [json.loads(line) for line in text.splitlines() if line.strip()]
    return [(v["id"], v["paragraphs"]) for v in values]


def mark_spans(paragraph):
    i = 0
    while i < len(paragraph):
        close = PAIRS.get(paragraph[i])
        if close is None:
            i += 1
            continue
        end = min((j for j in (paragraph.find(c, i + 1) for c in close) if j >= 0), default=-1)
        if end < 0:
            i += 1
            continue
        inner = paragraph[i + 1:end]
        lead = len(inner) - len(inner.lstrip())
        if inner.strip():
            yield i + 1 + lead, i + 1 + len(inner.rstrip()), "direct"
        i = end + 1


SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])")


def sentence_spans(paragraph, speech_words):
    start = 0
    ends = [m.end() for m in SENTENCE_END.finditer(paragraph)] + [len(paragraph)]
    for end in ends:
        sentence = paragraph[start:end]
        words = re.findall(r"[a-z]+", sentence.lower())
        if any(w in speech_words for w in words) and sentence.strip():
            lead = len(sentence) - len(sentence.lstrip())
            kind = "mixed" if any(c in MARKS for c in sentence) else "indirect"
            yield start + lead, start + len(sentence.rstrip()), kind
        start = end


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("marks", "sentences"):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    mode, source, out = sys.argv[1:]
    speech_words = set()
    with open(os.path.join(HERE, "speech_verbs.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                speech_words.update(line.split())
    with open(out, "w", encoding="utf-8") as f:
        for article_id, paragraphs in read_articles(source):
            quotes = []
            for p, paragraph in enumerate(paragraphs):
                spans = mark_spans(paragraph) if mode == "marks" else sentence_spans(paragraph, speech_words)
                for start, end, kind in spans:
                    quotes.append({"id": f"q{len(quotes) + 1}", "speaker": None, "kind": kind,
                                   "text": paragraph[start:end], "paragraph": p, "start": start, "end": end})
            article = {"format": "quote-explorer/article@1", "id": article_id, "title": article_id,
                       "paragraphs": paragraphs, "speakers": [], "quotes": quotes}
            f.write(json.dumps(article, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
