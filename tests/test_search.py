"""Searching the corpus by words in titles and texts, with Arabic spelling variants folded."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core import catalog
from annotator.core.records import DocumentRecord
from annotator.core.search_index import match_expression
from annotator.core.workspace import Workspace

DOCS = {
    "a": "زيارة إلى إسرائيل\nقال الوزيرُ إنّ المحادثات مستمرة.",
    "b": "خبر عن المدينة\nوصل الرئيس إلى العاصمة يوم الأحد.",
    "c": "عنوان ثالث\nتحدث مسؤول عن مستشفى كبير في المدينـــة.",
}


@pytest.fixture
def db(db_path: Path) -> Path:
    with Workspace(db_path) as ws:
        ws.import_records(
            [DocumentRecord(text=text, path=f"{i}.txt", id=i) for i, text in DOCS.items()]
        )
    return db_path


def found(db: Path, query: str) -> list[str]:
    with Workspace(db, read_only=True) as ws:
        return [d.id for d in ws.search(query)]


def test_words_are_found_in_title_and_text_whatever_the_spelling(db):
    assert found(db, "اسرائيل") == ["a"]  # إسرائيل typed without hamza
    assert found(db, "المدينه") == ["b", "c"]  # ة typed as ه; tatweel in c ignored
    assert found(db, "الوزير ان") == ["a"]  # diacritics and shadda in the text ignored
    assert found(db, "الرئيس العاصمه") == ["b"]  # every word must occur
    assert found(db, "الرئيس مستشفي") == []
    assert found(db, 'عنوان" OR "خبر') == []  # FTS syntax is taken as words, not obeyed


def test_a_word_being_typed_is_a_prefix_from_three_letters():
    assert '"اسراي" *' in match_expression("اسرائ")
    assert '"اسراي" *' not in match_expression("اسرائ", typing=False)
    assert '"اسراي"' in match_expression("اسرائ", typing=False)
    assert match_expression("خبر ال") == match_expression("خبر ", typing=False)  # 2 letters: later
    assert '"ال"' in match_expression("خبر ال ")  # a finished word is searched whole
    assert match_expression("  ") is None


def test_a_word_is_found_with_its_proclitics_whichever_form_is_typed(db_path):
    """The article and the conjunction are written on the word: searching طاقة finds الطاقة,
    بالطاقة and وللطاقة, and الطاقة finds طاقة; a bare preposition is not taken off (بطاقة is a
    card), and a word that only looks like article + stem (الله) is searched whole."""
    texts = {
        "bare": "عنوان\nمصادر طاقة جديدة",
        "article": "عنوان\nوزارة الطاقة",
        "with_bi": "عنوان\nالعمل بالطاقة الشمسية",
        "wa_li": "عنوان\nوللطاقة مستقبل",
        "card": "عنوان\nبطاقة هوية",
        "water": "عنوان\nوالمياه مقطوعة",
        "god": "عنوان\nقال إن شاء الله",
        "him": "عنوان\nقال له",
    }
    with Workspace(db_path) as ws:
        ws.import_records(
            [DocumentRecord(text=text, path=f"{i}.txt", id=i) for i, text in texts.items()]
        )
    assert found(db_path, "طاقة") == ["bare", "article", "with_bi", "wa_li"]
    assert found(db_path, "الطاقة") == ["bare", "article", "with_bi", "wa_li"]
    assert found(db_path, "مياه") == ["water"]
    assert found(db_path, "الله") == ["god"]
    assert found(db_path, "طاقة هوية") == []  # every word, in one of its forms
    with Workspace(db_path, read_only=True) as ws:  # the filter box, while the word is typed
        rows = catalog.page(ws.query, catalog.ListQuery("amal", search="طاق"), None, 50)
    assert [row.doc_id for row in rows] == ["bare", "article", "with_bi", "wa_li"]


def test_a_document_written_by_a_program_without_the_index_is_found_after_the_next_import(db):
    conn = sqlite3.connect(db)  # another program that knows nothing of the search index
    with conn:
        conn.execute(
            "INSERT INTO documents (id, title, text, sha256, created) VALUES (?,?,?,?,?)",
            ["x", "غريب", "غريب\nنص من برنامج آخر", "0" * 64, "2026-01-01"],
        )
    conn.close()
    assert found(db, "برنامج") == []
    with Workspace(db) as ws:
        ws.import_records([DocumentRecord(text="جديد\nنص", path="n.txt", id="n")])
    assert found(db, "برنامج") == ["x"]
    assert found(db, "جديد") == ["n"]


def test_cli_search_prints_matches_and_json(db, capsys):
    assert main(["--db", str(db), "search", "اسرائيل"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["a\tزيارة إلى إسرائيل"]
    assert "1 document found." in err
    assert main(["--db", str(db), "search", "المدينه", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["b", "c"]
    assert rows[0]["title"] == "خبر عن المدينة" and rows[0]["length"] == len(DOCS["b"])


def test_a_workspace_with_the_search_index_opens_with_db_merges_and_restores(db, tmp_path, capsys):
    """The FTS5 table and its shadow tables are exactly what the migrations make, so the
    exact-schema check of files from elsewhere lets such a file through; merged documents
    join the index of the workspace they go into, and a restored file brings its own."""
    from annotator.core.restore import restore

    copied = tmp_path / "elsewhere" / "copy.db"
    copied.parent.mkdir()
    shutil.copy(db, copied)
    assert main(["--db", str(copied), "search", "اسرائيل"]) == 0
    assert capsys.readouterr().out.split("\t")[0] == "a"

    target = tmp_path / "target.db"
    with Workspace(target) as ws:
        ws.import_records([DocumentRecord(text="عنوان رابع\nنص عن مستشفى", path="d.txt", id="d")])
    assert main(["--db", str(target), "merge", str(copied)]) == 0
    assert found(target, "مستشفي") == ["d", "c"]  # c came with the merge
    assert found(target, "اسرائيل") == ["a"]

    restore(target, copied)
    assert found(target, "مستشفى") == ["c"]
    assert main(["--db", str(target), "check"]) == 0
