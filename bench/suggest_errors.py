"""Error listing for the Arabic pre-annotation: per label, the gold spans the rules missed and
the proposals that match no gold span (overlap, one-to-one), each with its context, and the
said_by links that are missing or wrong. For error-driven work on the development split only.

    .venv/bin/python bench/suggest_errors.py tests/data/realnews/dev.jsonl [--label QUOTE]
        [--exact] [--links]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.arabic.learned.scoring import match_overlap  # noqa: E402
from annotator.arabic.suggest import LABELS, suggest_text  # noqa: E402

CONTEXT = 60


def _show(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT) : start].replace("\n", "⏎")
    right = text[end : end + CONTEXT].replace("\n", "⏎")
    return f"…{left}[[{text[start:end]}]]{right}…".replace("\n", "⏎")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference")
    parser.add_argument("--label", action="append", help="only these labels")
    parser.add_argument("--exact", action="store_true", help="also list boundary mismatches")
    parser.add_argument("--links", action="store_true", help="list said_by errors")
    args = parser.parse_args(argv)
    labels = args.label or list(LABELS)
    for line in Path(args.reference).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        text = doc["text"]
        found = suggest_text(text, (doc.get("meta") or {}).get("published"))
        pred = found.proposals
        gold = doc.get("spans", [])
        gold_index = {s["id"]: k for k, s in enumerate(gold)}
        mapping: dict[int, int] = {}
        out: list[str] = []
        for label in LABELS:
            p_idx = [k for k, p in enumerate(pred) if p.label == label]
            g_idx = [k for k, g in enumerate(gold) if g["label"] == label]
            matched = match_overlap(
                [(pred[k].start, pred[k].end) for k in p_idx],
                [(gold[k]["start"], gold[k]["end"]) for k in g_idx],
            )
            for i, j in matched.items():
                mapping[p_idx[i]] = g_idx[j]
            if label not in labels:
                continue
            hit_g = set(matched.values())
            for j, k in enumerate(g_idx):
                if j not in hit_g:
                    out.append(f"  MISS {label}: {_show(text, gold[k]['start'], gold[k]['end'])}")
            for i, k in enumerate(p_idx):
                if i not in matched:
                    out.append(f"  FP   {label}: {_show(text, pred[k].start, pred[k].end)}")
                elif args.exact:
                    g = gold[g_idx[matched[i]]]
                    if (g["start"], g["end"]) != (pred[k].start, pred[k].end):
                        out.append(
                            f"  BND  {label}: gold {_show(text, g['start'], g['end'])}\n"
                            f"             pred [[{text[pred[k].start : pred[k].end]}]]"
                        )
        if args.links:
            g_links = {
                (gold_index[r["head"]], gold_index[r["child"]])
                for r in doc.get("relations", [])
                if r["label"] == "said_by"
            }
            p_links = {(k.head, k.child) for k in found.links if k.label == "said_by"}
            got = {(mapping.get(h), mapping.get(c)) for h, c in p_links}
            for h, c in sorted(g_links - got):
                q, s = gold[h], gold[c]
                out.append(
                    f"  LINK missing: [{text[q['start'] : q['end']][:50]}] -> "
                    f"[{text[s['start'] : s['end']]}]"
                )
            for h, c in sorted(p_links):
                if (mapping.get(h), mapping.get(c)) not in g_links:
                    out.append(
                        f"  LINK wrong:   [{text[pred[h].start : pred[h].end][:50]}] -> "
                        f"[{text[pred[c].start : pred[c].end]}]"
                    )
        if out:
            print(f"== {doc['id']}")
            print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
