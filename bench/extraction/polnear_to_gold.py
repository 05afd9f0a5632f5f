#!/usr/bin/env python3
"""PolNeAR train or dev split -> texts for `quotes extract` and a gold JSON Lines file.

usage: polnear_to_gold.py [--final-evaluation] MIRROR_OR_DIR SPLIT OUTDIR

MIRROR_OR_DIR is a PolNeAR checkout (with data/) or its git directory (a bare mirror, read
with `git cat-file`). SPLIT is train or dev; the test split is reserved for a final
evaluation and is refused unless --final-evaluation says that this is it (a figure to
report, never one to tune on). Writes, under OUTDIR:

  texts/ID.txt   each article's raw text, byte for byte (what `quotes extract` reads)
  titles.tsv     ID <tab> headline from data/metadata.tsv (passed as --title, which also
                 keeps the first line, the headline, a paragraph)
  gold.jsonl     one article@1 per line: paragraphs as quotes extract makes them from the
                 text (src/extract/text_input.cpp), quotes from PolNeAR's content spans

Gold quotes: each content span (and Content2) of an attribution, cut into one piece per
paragraph and per discontinuous segment, trimmed of spaces. kind is direct when the piece
is wholly inside quotation marks (the marks are then left out of the span, as docs/format.md
asks), mixed when it holds a quotation mark, else indirect. speech is true when the piece's
content holds a quotation mark or its cue has a word from speech_verbs.txt; other gold
quotes (thought, belief, knowledge) carry "speech": false. The speaker is the source span's
text, "named": false when it has no capitalised word that could be a name (pronouns,
"sources", "a campaign operative"); attributions without a source have speaker null.
Articles annotated by several annotators use the first annotator listed in metadata.tsv.
"""

import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OPEN_MARKS = "“\"«„"
CLOSE_MARKS = "”\"»“"
MARKS = set("“”\"«»„")
SPACE = " \t\r\f\v"  # what text_input.cpp trims from each line

# Capitalised words that start a description, not a name.
NOT_NAMES = {
    "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "your",
    "the", "a", "an", "this", "that", "these", "those", "some", "many", "most", "several", "both",
    "one", "two", "three", "other", "others", "another", "each", "every", "all", "no", "few",
    "aides", "officials", "sources", "critics", "experts", "supporters", "voters", "analysts",
    "democrats", "republicans", "americans", "people", "polls", "poll", "reports", "report",
    "mr", "mrs", "ms", "dr", "who", "which", "whom", "someone", "anyone", "everyone", "nobody",
}


def die(message):
    print("polnear_to_gold.py: " + message, file=sys.stderr)
    sys.exit(2)


class Source:
    """Files of a PolNeAR checkout or of its git directory."""

    def __init__(self, path):
        self.dir = None
        self.git = None
        if os.path.isdir(os.path.join(path, "data", "dev", "text")):
            self.dir = path
        elif subprocess.run(["git", "--git-dir", path, "rev-parse", "--verify", "-q", "HEAD:data/dev/text"],
                            capture_output=True).returncode == 0:
            self.git = path
            self.cat = subprocess.Popen(["git", "--git-dir", path, "cat-file", "--batch"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        else:
            die(f"{path} is not a PolNeAR checkout or git directory (no data/dev/text); "
                "clone https://github.com/networkdynamics/PolNeAR and pass its path, or set POLNEAR_DIR")

    def read(self, name):
        if self.dir:
            with open(os.path.join(self.dir, name), "rb") as f:
                return f.read()
        self.cat.stdin.write(f"HEAD:{name}\n".encode())
        self.cat.stdin.flush()
        header = self.cat.stdout.readline().split()
        if len(header) < 3:
            raise FileNotFoundError(name)
        data = self.cat.stdout.read(int(header[2]))
        self.cat.stdout.read(1)
        return data

    def list(self, folder):
        if self.dir:
            return sorted(os.listdir(os.path.join(self.dir, folder)))
        out = subprocess.run(["git", "--git-dir", self.git, "ls-tree", "--name-only", f"HEAD:{folder}"],
                             capture_output=True, text=True, check=True).stdout
        return sorted(out.split())


def split_paragraphs(text):
    """text_input.cpp's split_paragraphs, keeping where each paragraph character came from.

    Returns [(paragraph, origins)], origins[i] = offset in `text` of paragraph[i], or None
    for a space that joins two hard-wrapped lines.
    """
    lines = []
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        line = text[start:end]
        left = len(line) - len(line.lstrip(SPACE))
        trimmed = line.strip(SPACE)
        lines.append((trimmed, start + left))
        start = end + 1
    has_blank = any(lines[i][0] == "" and lines[i - 1][0] != "" for i in range(1, len(lines) - 1))
    paragraphs = []
    current, origins = "", []
    for line, at in lines:
        if line == "" or not has_blank:
            if current:
                paragraphs.append((current, origins))
            current, origins = "", []
            if line == "":
                continue
        if current:
            current += " "
            origins.append(None)
        current += line
        origins.extend(range(at, at + len(line)))
    if current:
        paragraphs.append((current, origins))
    return paragraphs


def read_ann(text_ann):
    """BRAT standoff: spans {T: (type, [(a, b)], text)}, relations [{role: [T]}]."""
    spans, relations = {}, []
    for line in text_ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, ranges = parts[1].partition(" ")
            segments = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[parts[0]] = (kind, segments)
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for item in parts[1].split()[1:]:
                role, _, ref = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            relations.append(roles)
    return spans, relations


def is_named(name):
    words = re.findall(r"[^\W\d_][\w’'.-]*", name)
    for i, word in enumerate(words):
        bare = word.strip(".’'").lower()
        if word[0].isupper() and bare not in NOT_NAMES and not re.fullmatch(r"[a-z]", bare):
            return True
    return False


def classify(piece):
    """(kind, start, end) within `piece`; direct spans leave their quotation marks out."""
    stripped_end = len(piece.rstrip(" .,;:!?"))
    if piece and piece[0] in OPEN_MARKS and stripped_end >= 2 and piece[stripped_end - 1] in CLOSE_MARKS:
        inner = piece[1:stripped_end - 1]
        # “A.” “B.” is one direct quote in two runs; any other mark inside makes it mixed.
        if not any(c in MARKS for c in re.sub(r"[”\"]\s+[“\"]", "", inner)) and inner.strip():
            lead = len(inner) - len(inner.lstrip())
            return "direct", 1 + lead, 1 + len(inner.rstrip())
    if any(c in MARKS for c in piece):
        return "mixed", 0, len(piece)
    return "indirect", 0, len(piece)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50] or "speaker"


def convert(article_id, title, text, ann, speech_words):
    paragraphs = split_paragraphs(text[1:] if text.startswith("\ufeff") else text)
    offset = 1 if text.startswith("\ufeff") else 0
    where = {}
    for p, (_, origins) in enumerate(paragraphs):
        for i, origin in enumerate(origins):
            if origin is not None:
                where[origin + offset] = (p, i)
    spans, relations = read_ann(ann)
    speakers, speaker_ids, quotes = [], {}, []
    for relation in relations:
        contents = [spans[t] for role in ("Content", "Content2") for t in relation.get(role, []) if t in spans]
        if not contents:
            continue
        cue = " ".join(text[a:b] for t in relation.get("Cue", []) if t in spans for a, b in spans[t][1])
        source = " ".join(text[a:b] for t in relation.get("Source", []) if t in spans for a, b in spans[t][1])
        source = " ".join(source.split())
        cue = " ".join(cue.split())
        content_text = " ".join(text[a:b] for _, segments in contents for a, b in segments)
        cue_words = re.findall(r"[a-z]+", cue.lower().replace("’", "'"))
        speech = any(c in MARKS for c in content_text) or any(w in speech_words for w in cue_words)
        speaker = None
        if source:
            if source not in speaker_ids:
                sid = slug(source)
                while sid in speaker_ids.values():
                    sid += "-2"
                speaker_ids[source] = sid
                speakers.append({"id": sid, "name": source, "aliases": [], "kind": "person", "named": is_named(source)})
            speaker = speaker_ids[source]
        for _, segments in contents:
            for a, b in segments:
                by_paragraph = {}
                for o in range(a, b):
                    if o in where and not text[o].isspace():
                        p, i = where[o]
                        lo, hi = by_paragraph.get(p, (i, i))
                        by_paragraph[p] = (min(lo, i), max(hi, i))
                for p, (lo, hi) in sorted(by_paragraph.items()):
                    piece = paragraphs[p][0][lo:hi + 1]
                    kind, s, e = classify(piece)
                    if e <= s:
                        continue
                    quotes.append({"speaker": speaker, "kind": kind, "text": piece[s:e], "paragraph": p,
                                   "start": lo + s, "end": lo + e, "cue": cue or None, "speech": speech})
    quotes.sort(key=lambda q: (q["paragraph"], q["start"]))
    for n, q in enumerate(quotes, 1):
        q["id"] = f"q{n}"
        assert paragraphs[q["paragraph"]][0][q["start"]:q["end"]] == q["text"]
    quotes = [{"id": q.pop("id"), **q} for q in quotes]
    return {"format": "quote-explorer/article@1", "id": article_id, "title": title, "source": None,
            "language": "en", "paragraphs": [p for p, _ in paragraphs], "speakers": speakers, "quotes": quotes}


def main():
    args = sys.argv[1:]
    final_evaluation = "--final-evaluation" in args
    if final_evaluation:
        args.remove("--final-evaluation")
    if len(args) != 3:
        die("usage: polnear_to_gold.py [--final-evaluation] MIRROR_OR_DIR train|dev|test OUTDIR")
    path, split, out = args
    if split == "test" and not final_evaluation:
        die("the test split is reserved for a final evaluation (--final-evaluation); use train or dev")
    if split not in ("train", "dev", "test"):
        die(f"unknown split '{split}'; expected train or dev")
    source = Source(path)
    speech_words = set()
    with open(os.path.join(HERE, "speech_verbs.txt"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                speech_words.update(line.split())
    metadata = {}
    for row in source.read("data/metadata.tsv").decode("utf-8").splitlines()[1:]:
        fields = row.split("\t")
        if len(fields) > 7 and fields[0] == split:
            metadata[fields[1]] = (fields[3].split("|"), fields[7])
    annotations = source.list(f"data/{split}/attributions")
    os.makedirs(os.path.join(out, "texts"), exist_ok=True)
    counts = {"articles": 0, "quotes": 0, "speech": 0, "direct": 0, "mixed": 0, "indirect": 0}
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as gold, \
            open(os.path.join(out, "titles.tsv"), "w", encoding="utf-8") as titles:
        for article_id, (annotators, title) in sorted(metadata.items()):
            files = [f"{article_id}_{a}.ann" for a in annotators if f"{article_id}_{a}.ann" in annotations]
            if not files:
                print(f"polnear_to_gold.py: {article_id}: no annotation file; skipped", file=sys.stderr)
                continue
            raw = source.read(f"data/{split}/text/{article_id}.txt")
            with open(os.path.join(out, "texts", article_id + ".txt"), "wb") as f:
                f.write(raw)
            ann = source.read(f"data/{split}/attributions/{files[0]}").decode("utf-8")
            title = " ".join(title.split()) or article_id
            article = convert(article_id, title, raw.decode("utf-8"), ann, speech_words)
            gold.write(json.dumps(article, ensure_ascii=False) + "\n")
            titles.write(f"{article_id}\t{title}\n")
            counts["articles"] += 1
            for q in article["quotes"]:
                counts["quotes"] += 1
                counts["speech"] += q["speech"]
                counts[q["kind"]] += 1
    print(f"PolNeAR {split}: {counts['articles']} articles, {counts['quotes']} gold quote pieces "
          f"({counts['speech']} speech; {counts['direct']} direct, {counts['mixed']} mixed, "
          f"{counts['indirect']} indirect) -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
