"""What the review screens show, checked without Qt: conflict rows, versions, provenance, the
gold comparison and the report rows."""

from __future__ import annotations

from annotator.core.model import Span
from annotator.review.adjudicate import auto_adjudicate
from annotator.review.agreement import compute_agreement
from annotator.review.conflicts import find_conflicts
from annotator.review.diff import gold_diff
from annotator.review.resolve import reject, take_version
from annotator.review.screen import (
    MEASURES,
    can_merge,
    conflict_title,
    diff_entries,
    extra_rows,
    figure,
    label_rows,
    lowest_line,
    provenance_text,
    quoted,
    version_lines,
)
from tests.review_helpers import build

TEXT = "alpha beta gamma delta epsilon <b>zeta</b> eta"


def bare(line: str) -> str:
    """Without the invisible direction isolates around quoted article text."""
    return line.replace("\u2068", "").replace("\u2069", "")


def at(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def span(needle: str, label: str, **attrs: str) -> dict:
    start, end = at(needle)
    return {"start": start, "end": end, "label": label, "attrs": attrs}


def workspace(tmp_path):
    return build(
        tmp_path / "w.db",
        [
            (
                TEXT,
                {
                    "amal": [
                        span("alpha", "SPEAKER"),
                        span("beta gamma", "QUOTE"),
                        span("<b>zeta</b>", "SPEAKER", entity="<i>x</i>"),
                    ],
                    "omar": [span("alpha", "SPEAKER"), span("beta gamma delta", "QUOTE")],
                },
            )
        ],
        who="rev",
    )


def test_conflict_rows_and_versions_name_every_layer_and_keep_markup_literal(tmp_path):
    with workspace(tmp_path) as ws:
        boundary, missing = find_conflicts(ws, "d0")
        assert (
            bare(conflict_title(boundary, TEXT))
            == "• boundary differs · QUOTE · «beta gamma delta»"
        )
        assert [bare(line) for line in version_lines(boundary, TEXT)] == [
            "amal: QUOTE 6–16 «beta gamma»",
            "omar: QUOTE 6–22 «beta gamma⟦ delta⟧»",  # where the versions differ, marked
        ]
        assert can_merge(boundary)
        start, end = at("<b>zeta</b>")
        assert [bare(line) for line in version_lines(missing, TEXT)] == [
            f"amal: SPEAKER {start}–{end} «<b>zeta</b>» [entity=<i>x</i>]",
            "omar: nothing",
        ]
        reject(ws, missing, "not a speaker")
        missing = find_conflicts(ws, "d0")[1]
        assert conflict_title(missing, TEXT).startswith("✓ missing in some layers")
        # The decision line says who decided and the reason they typed.
        assert bare(version_lines(missing, TEXT)[-1]) == (
            "decided: reject; decided by rev; reason: not a speaker"
        )


def test_provenance_says_which_layers_how_who_and_why(tmp_path):
    with workspace(tmp_path) as ws:
        auto_adjudicate(ws, doc_ids=["d0"])
        take_version(ws, find_conflicts(ws, "d0")[0], "omar", "guideline 3.2")
        gold = {s.label: s for s in ws.spans("d0", "gold")}
    assert bare(provenance_text(gold["SPEAKER"])) == (
        "from amal, omar; by auto-unanimous; votes 2/2; decided by rev"
    )
    assert (
        bare(provenance_text(gold["QUOTE"]))
        == "from omar; by take; decided by rev; reason: guideline 3.2"
    )
    hand = Span("s", "d0", "gold", 0, 5, "SPEAKER")
    assert provenance_text(hand) == "drawn in gold by hand"


def test_diff_entries_list_missed_extra_and_changed_in_text_order(tmp_path):
    with workspace(tmp_path) as ws:
        auto_adjudicate(ws, doc_ids=["d0"])
        boundary, missing = find_conflicts(ws, "d0")
        take_version(ws, boundary, "omar")
        reject(ws, missing)
        diff = gold_diff(ws, "d0", "amal")
        spans = {s.id: s for layer in ("amal", "gold") for s in ws.spans("d0", layer)}
    entries = diff_entries(diff, TEXT, spans)
    assert [e.kind for e in entries] == ["changed", "extra"]
    assert bare(entries[0].description) == (
        "changed (boundaries): QUOTE 6–16 «beta gamma» → QUOTE 6–22 «beta gamma delta»"
    )
    assert entries[0].span.layer == "gold"
    assert entries[1].description.startswith("not in gold: SPEAKER")


def test_report_rows_are_the_reports_figures(tmp_path):
    with workspace(tmp_path) as ws:
        report = compute_agreement(ws)
    rows = dict(label_rows(report))
    assert list(rows) == [*report.labels, "overall"]
    assert rows["QUOTE"] == [report.labels["QUOTE"][m] for m in MEASURES]
    assert rows["overall"] == [report.overall[m] for m in MEASURES]
    assert ("relation overall", f"F1 {figure(report.relations['overall']['f1'])}") in extra_rows(
        report
    )
    assert lowest_line(report.per_document[0], "T <b>").startswith(
        figure(report.per_document[0].overall["f1_overlap"])
    )


def test_quoted_text_is_isolated_so_arabic_keeps_its_order_beside_labels():
    # The marks inside the isolate, which takes the quoted text's direction: in a line of the
    # other direction they open and close it in reading order (never »…«).
    assert quoted("قال الرئيس") == "\u2068«قال الرئيس»\u2069"
    assert quoted("a\nb  c", 3) == "\u2068«a …»\u2069"


def test_figures_are_three_decimals_and_a_dash_when_undefined():
    assert figure(None) == "—"
    assert figure(0.5) == "0.500"
    assert figure(-0.12345) == "-0.123"
    assert figure(7) == "7"


def test_a_relation_conflict_lists_each_layers_links_and_cannot_be_merged(tmp_path):
    from annotator.core.records import DocumentRecord
    from annotator.core.workspace import Workspace

    quote, alpha, beta = (
        span("beta gamma", "QUOTE"),
        span("alpha", "SPEAKER"),
        span("eta", "SPEAKER"),
    )
    with Workspace(tmp_path / "r.db", who="rev") as ws:
        ws.import_records(
            [DocumentRecord(text=TEXT, path="t", id="d0")]
            + [
                DocumentRecord(
                    text=TEXT,
                    path="t",
                    id="d0",
                    layer=layer,
                    status="done",
                    spans=[
                        dict(quote, id=f"{layer}q"),
                        dict(alpha, id=f"{layer}a"),
                        dict(beta, id=f"{layer}b"),
                    ],
                    relations=[
                        {"head": f"{layer}q", "child": f"{layer}{child}", "label": "said_by"}
                    ],
                )
                for layer, child in (("amal", "a"), ("omar", "b"))
            ]
        )
        (conflict,) = find_conflicts(ws, "d0")
    assert not can_merge(conflict)
    assert [bare(line) for line in version_lines(conflict, TEXT)] == [
        "amal: said_by: QUOTE 6–16 «beta gamma» → SPEAKER 0–5 «alpha»",
        f"omar: said_by: QUOTE 6–16 «beta gamma» → SPEAKER {at('eta')[0]}–{at('eta')[1]} «eta»",
    ]


def test_long_versions_differing_by_one_character_show_that_character_not_an_ellipsis():
    from annotator.review.screen import marked

    text = "ق" * 100 + "الوزير" + "ب" * 200
    shown = bare(marked(text, 99, 306, (100, 306)))
    assert shown.startswith("«⟦ق⟧الوزير") and "…" in shown and shown.endswith("ب»")
    assert bare(marked(text, 100, 306, (100, 306))).startswith("«الوزير")
