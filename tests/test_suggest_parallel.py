"""Suggest over many documents in worker processes, and over documents too long to read
whole: the same suggestions as one document at a time in one process."""

import itertools

from annotator.arabic import suggest as suggest_module
from annotator.arabic.suggest import suggest_text, text_blocks
from annotator.cli import main
from annotator.core import suggestions
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

PARAGRAPH = "قال وزير الخارجية سامح شكري، الأحد، إن الاجتماع المقبل سيعقد في 14 يناير بالقاهرة."


def _stored(db_path) -> dict[str, list[tuple[int, int, str, str]]]:
    with Workspace(db_path) as ws:
        return {
            d.id: [
                (s.start, s.end, s.label, str(sorted(s.attrs.items())))
                for s in suggestions.pending(ws, d.id)
            ]
            for d in ws.documents()
        }


def _corpus(db_path, count: int) -> None:
    with Workspace(db_path, who="amal") as ws:
        ws.import_records(
            [
                DocumentRecord(
                    text=f"خبر رقم {i}\n{PARAGRAPH}",
                    path=f"{i}.txt",
                    id=f"d{i}",
                    published="2022-01-13",
                )
                for i in range(count)
            ]
        )


def test_two_jobs_store_what_one_job_stores(tmp_path, capsys):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    for path in (one, two):
        _corpus(path, 9)
    assert main(["--db", str(one), "suggest", "--jobs", "1"]) == 0
    assert main(["--db", str(two), "suggest", "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert "9 documents" in out
    stored = _stored(one)
    assert stored == _stored(two)
    assert all(any(label == "DATE" for _, _, label, _ in spans) for spans in stored.values())
    assert main(["--db", str(one), "suggest", "--jobs", "0"]) == 2


def test_blocks_cover_the_text_and_end_at_line_ends():
    text = "\n".join(f"سطر رقم {i} من نص طويل." for i in range(400))
    blocks = text_blocks(text, 1000)
    assert blocks[0][0] == 0 and blocks[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(blocks))
    assert all(e - s <= 1000 for s, e in blocks)
    assert all(text[e - 1] == "\n" for _, e in blocks[:-1])


def test_a_text_without_line_ends_is_cut_between_words():
    text = " ".join(["كلمة"] * 2000)
    blocks = text_blocks(text, 1000)
    assert len(blocks) > 5 and all(text[e - 1] == " " for _, e in blocks[:-1])


def test_a_long_document_is_read_in_blocks_with_its_own_offsets(monkeypatch):
    text = "\n".join(f"الفقرة {i}: {PARAGRAPH}" for i in range(60))
    whole = suggest_text(text, "2022-01-13")
    monkeypatch.setattr(suggest_module, "BLOCK_CHARS", 700)
    found = suggest_text(text, "2022-01-13")
    dates = [text[p.start : p.end] for p in found.proposals if p.label == "DATE"]
    assert dates.count("14 يناير") == 60
    assert {(p.start, p.end, p.label) for p in found.proposals} == {
        (p.start, p.end, p.label) for p in whole.proposals
    }
    heads = [found.proposals[k.head] for k in found.links if k.label == "said_by"]
    children = [found.proposals[k.child] for k in found.links if k.label == "said_by"]
    assert len(heads) == 60
    assert all(text[c.start : c.end] == "وزير الخارجية سامح شكري" for c in children)
    assert all(c.start < h.start < c.start + 200 for h, c in zip(heads, children, strict=True))
