"""CoNLL-U Plus with BIO columns: the conllu parser reads it, every span of the seeds reference
maps onto whole tokens, and the words cut for it are cut after Arabic proclitics."""

from __future__ import annotations

import pytest
import regex

conllu = pytest.importorskip("conllu")

from annotator.arabic.tokens import tokenize  # noqa: E402
from annotator.arabic.words import proclitic_stops  # noqa: E402
from annotator.core.workspace import Workspace  # noqa: E402

from .format_helpers import LAYERS, export, run, seeded_two_layers  # noqa: E402

PROCLITICS = regex.compile(r"[وف]?[بلك]?(?:ال)?")


def parse(path):
    text = path.read_text(encoding="utf-8")
    header = text.split("\n", 1)[0]
    assert header.startswith("# global.columns = ")
    fields = [f.lower() for f in header.removeprefix("# global.columns = ").split()]
    return fields, conllu.parse(text, fields=fields)


def decoded_spans(fields, sentences):
    """Spans read back from the BIO columns and each token's TokenRange."""
    labels = fields[10:]
    found: dict[str, set] = {}
    for sentence in sentences:
        doc = sentence.metadata["sent_id"].rsplit("-", 1)[0]
        open_spans: dict[str, list[int]] = {}
        for token in sentence:
            start, end = (int(x) for x in token["misc"]["TokenRange"].split(":"))
            for label in labels:
                tag = token[label]
                if (tag.startswith("B-") or tag == "O") and label in open_spans:
                    found.setdefault(doc, set()).add((*open_spans.pop(label), label.upper()))
                if tag.startswith("B-"):
                    open_spans[label] = [start, end]
                elif tag.startswith("I-"):
                    open_spans[label][1] = end
        for label, (start, end) in open_spans.items():
            found.setdefault(doc, set()).add((start, end, label.upper()))
    return found


@pytest.fixture(scope="module")
def source_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("conllu") / "source.db"
    seeded_two_layers(path)
    return path


@pytest.mark.parametrize("layer", LAYERS)
def test_conllu_parses_it_and_every_span_is_whole_tokens(layer, source_db, tmp_path, capsys):
    out = tmp_path / "out.conllu"
    code, _, err = export(capsys, source_db, "conllu", layer, "-o", out)
    assert code == 0, err
    fields, sentences = parse(out)
    assert fields[:10] == [
        "id",
        "form",
        "lemma",
        "upos",
        "xpos",
        "feats",
        "head",
        "deprel",
        "deps",
        "misc",
    ]
    with Workspace(source_db, read_only=True) as ws:
        expected = {}
        for doc in ws.iter_documents():
            spans = ws.spans(doc.id, layer)
            if spans:
                expected[doc.id] = {(s.start, s.end, s.label) for s in spans}
            for sentence in (s for s in sentences if s.metadata["sent_id"].startswith(doc.id)):
                for token in sentence:
                    start, end = (int(x) for x in token["misc"]["TokenRange"].split(":"))
                    assert doc.text[start:end] == token["form"]
    assert sum(len(v) for v in expected.values()) > 50
    assert decoded_spans(fields, sentences) == expected


def test_words_are_cut_only_after_proclitics_in_the_seeds_reference(source_db, tmp_path, capsys):
    out = tmp_path / "out.conllu"
    export(capsys, source_db, "conllu", "amal", "-o", out)
    _, sentences = parse(out)
    texts = {}
    with Workspace(source_db, read_only=True) as ws:
        texts = {doc.id: doc.text for doc in ws.iter_documents()}
    cuts = []
    for sentence in sentences:
        doc = sentence.metadata["sent_id"].rsplit("-", 1)[0]
        for token in sentence:
            start, _ = (int(x) for x in token["misc"]["TokenRange"].split(":"))
            cuts.append((doc, start))
    words = {doc: {(w.start, w.end): w.text for w in tokenize(text)} for doc, text in texts.items()}
    inside = []
    for doc, start in cuts:
        word = next(((s, e, t) for (s, e), t in words[doc].items() if s < start < e), None)
        if word is not None:
            inside.append((word[2], start - word[0]))
    assert len(inside) >= 5, inside  # the reference has spans that leave out a proclitic
    for word, offset in inside:
        # a conjunction, then a preposition, then the article, as proclitic_stops orders them
        # (it also needs a long enough rest, which "و|في" does not have)
        assert PROCLITICS.fullmatch(word[:offset]) or offset in proclitic_stops(word), (
            word,
            offset,
        )


def test_two_overlapping_spans_of_one_label_are_refused(tmp_path, capsys, db_path):
    path = tmp_path / "a.txt"
    path.write_text("عنوان\nقال الرئيس إن الجنود عادوا\n", encoding="utf-8")
    run(capsys, "--db", db_path, "import", path)
    with Workspace(db_path) as ws:
        ws.add_span("a", "amal", 6, 20, "CLAIM")
        ws.add_span("a", "amal", 10, 26, "CLAIM")
    code, _, err = export(capsys, db_path, "conllu", "amal", "-o", tmp_path / "x.conllu")
    assert code == 2 and err.count("\n") == 1
    assert "Document a has two overlapping CLAIM spans (6-20 and 10-26) in layer amal" in err
    assert not (tmp_path / "x.conllu").exists()
