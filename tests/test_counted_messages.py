"""One is singular on the command line too: "1 document added", never "1 documents"."""

from __future__ import annotations

from annotator.cli import main
from annotator.core.counted import counted


def test_counted_nouns_are_singular_for_one_only():
    assert [counted(n, "document") for n in (0, 1, 2)] == [
        "0 documents",
        "1 document",
        "2 documents",
    ]
    assert counted(1, "gold document") == "1 gold document"


def test_importing_one_article_says_one_document_and_one_file(capsys, tmp_path, db_path):
    article = tmp_path / "one.txt"
    article.write_text("عنوان\nقال الوزير إن الخطة جاهزة.", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(article)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 file:" in out and "1 document added" in out
    assert "0 spans added" in out and "0 relations added" in out
    assert main(["--db", str(db_path), "export", "-o", str(tmp_path / "out.jsonl")]) == 0
    assert "Exported 1 document with 0 spans and 0 relations" in capsys.readouterr().out
