#!/usr/bin/env python3
"""Builds a large folder of report files for the import benchmark from the
reports we wrote ourselves (data/samples, tests/fixtures): N files of about
SIZE bytes each, in mixed encodings (UTF-8, UTF-8 with BOM, GB18030,
UTF-16LE, Big5 for the traditional ones).

usage: make-corpus.py OUT_DIR [N_FILES] [FILE_SIZE]"""
import os
import random
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")


def sources():
    texts = []
    for folder in ("data/samples", "tests/fixtures"):
        base = os.path.join(ROOT, folder)
        for dirpath, _, names in os.walk(base):
            for name in sorted(names):
                if not name.endswith(".txt"):
                    continue
                raw = open(os.path.join(dirpath, name), "rb").read()
                for enc in ("utf-8", "gb18030", "big5"):
                    try:
                        texts.append(raw.decode(enc))
                        break
                    except UnicodeDecodeError:
                        continue
    return texts


def can_encode(text, enc):
    try:
        text.encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def vary(text, rng):
    """Other years and figures, so files differ as real ones do."""
    year = rng.randint(2005, 2024)
    text = re.sub(r"20\d\d", lambda m: str(year + int(m.group(0)) - 2023), text)
    return re.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.randint(0, 9)) if len(m.group(0)) < 4 else m.group(0), text)


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
    rng = random.Random(42)
    texts = sources()
    if not texts:
        sys.exit("no source reports found")
    os.makedirs(out, exist_ok=True)
    encodings = ["utf-8", "utf-8-sig", "gb18030", "utf-16", "big5"]
    total = 0
    for i in range(n):
        enc = encodings[i % len(encodings)]
        pool = [t for t in texts if can_encode(t, enc)] or texts
        parts = []
        length = 0
        # About 2.4 bytes a character over the mix of encodings.
        while length < size / 2.4:
            t = vary(rng.choice(pool), rng)
            parts.append(t)
            length += len(t)
        body = "\n".join(parts)
        try:
            data = body.encode(enc)
        except UnicodeEncodeError:
            enc = "utf-8"
            data = body.encode(enc)
        # The encoding is in the name so the script can run iconv on it.
        tag = {"utf-8-sig": "utf-8", "utf-16": "utf-16"}.get(enc, enc)
        with open(os.path.join(out, f"report-{i:04d}.{tag}.txt"), "wb") as fh:
            fh.write(data)
        total += len(data)
    print(f"{n} files, {total / 1e6:.1f} MB in {out}")


if __name__ == "__main__":
    main()
