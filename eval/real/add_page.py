#!/usr/bin/env python3
"""Save one real page (its text on standard input) outside the repo and record it in the manifest.

    python3 eval/real/add_page.py BATCH DOC_ID URL LANG OUTLET CATEGORY [PUBLISHED] < page.txt

Writes $DYADWATCH_REALPAGES/BATCH/DOC_ID.txt (default ../realpages beside the repo) with the
bytes read, and adds or replaces DOC_ID's row in eval/real/BATCH/manifest.tsv with the text's
sha256. The text itself never goes into the repository.
"""
from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = "doc_id\turl\tsha256\tlang\toutlet\tcategory\tpublished"


def main(argv: list[str]) -> int:
    if len(argv) not in (6, 7):
        print(__doc__, file=sys.stderr)
        return 2
    batch, doc_id, url, lang, outlet, category = argv[:6]
    published = argv[6] if len(argv) == 7 else ""
    data = sys.stdin.buffer.read()
    data.decode("utf-8")  # refuse what is not UTF-8
    if not data.strip():
        print("add_page: empty text", file=sys.stderr)
        return 2
    root = Path(os.environ.get("DYADWATCH_REALPAGES") or HERE.parent.parent.parent / "realpages")
    (root / batch).mkdir(parents=True, exist_ok=True)
    (root / batch / f"{doc_id}.txt").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    manifest = HERE / batch / "manifest.tsv"
    manifest.parent.mkdir(parents=True, exist_ok=True)
    rows = manifest.read_text(encoding="utf-8").splitlines()[1:] if manifest.exists() else []
    rows = [r for r in rows if r.split("\t")[0] != doc_id]
    rows.append("\t".join([doc_id, url, digest, lang, outlet, category, published]))
    rows.sort(key=lambda r: r.split("\t")[0])
    manifest.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    print(f"{doc_id}: {len(data)} bytes, sha256 {digest[:12]}…")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
