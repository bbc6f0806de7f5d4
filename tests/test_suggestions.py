"""The suggestions workflow in a workspace: run, list, accept, reject, re-run, CLI."""

import pytest

from annotator.arabic.suggest import suggest_document
from annotator.cli import main
from annotator.core import suggestions
from annotator.core.errors import ValidationError
from annotator.core.integrity import check_workspace
from annotator.core.model import SUGGESTIONS_LAYER
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

TEXT = (
    "قال وزير الخارجية سامح شكري، الأحد، إن بلاده ترفض أي تدخل خارجي.\n"
    "وأضاف أن الاجتماع المقبل سيعقد في 14 يناير بالقاهرة."
)


@pytest.fixture
def doc_id(workspace: Workspace) -> str:
    record = DocumentRecord(text=TEXT, path="t.txt", id="t", published="2022-01-13")
    workspace.import_records([record])
    return "t"


def pending_labels(ws: Workspace, doc_id: str) -> list[str]:
    return [s.label for s in suggestions.pending(ws, doc_id)]


def test_a_run_stores_pending_suggestions_in_reading_order(workspace, doc_id):
    report = suggest_document(workspace, doc_id)
    pending = suggestions.pending(workspace, doc_id)
    assert report.added == len(pending) > 0
    assert [s.start for s in pending] == sorted(s.start for s in pending)
    assert {"DATE", "QUOTE", "SPEAKER", "CLAIM"} <= set(pending_labels(workspace, doc_id))
    date = next(s for s in pending if s.label == "DATE" and TEXT[s.start : s.end] == "14 يناير")
    assert date.attrs == {"type": "DATE", "value": "2022-01-14"}
    assert date.origin == "suggested" and 0 < date.confidence <= 1
    assert workspace.relations(doc_id, SUGGESTIONS_LAYER)  # said_by links between suggestions
    assert workspace.events(1)[0]["action"] == "suggest"
    assert check_workspace(workspace) == []


def test_labels_limit_a_run(workspace, doc_id):
    suggest_document(workspace, doc_id, ["DATE"])
    assert set(pending_labels(workspace, doc_id)) == {"DATE"}
    with pytest.raises(ValidationError, match="Unknown label"):
        suggest_document(workspace, doc_id, ["PERSON"])


def test_accept_copies_into_the_annotators_layer_and_links_accepted_ends(workspace, doc_id):
    suggest_document(workspace, doc_id)
    pending = suggestions.pending(workspace, doc_id)
    speaker = next(s for s in pending if s.label == "SPEAKER")
    quote = next(s for s in pending if s.label == "QUOTE")
    accepted_speaker = suggestions.accept(workspace, speaker.id, "amal")
    accepted_quote = suggestions.accept(workspace, quote.id, "amal")
    assert accepted_quote.layer == "amal" and accepted_quote.origin == "suggested"
    assert accepted_quote.attrs == quote.attrs and accepted_speaker.attrs == speaker.attrs
    assert [(r.head, r.child, r.label) for r in workspace.relations(doc_id, "amal")] == [
        (accepted_quote.id, accepted_speaker.id, "said_by")
    ]
    assert quote.id not in {s.id for s in suggestions.pending(workspace, doc_id)}
    assert workspace.events(1)[0]["action"] == "accept_suggestions"
    with pytest.raises(ValidationError, match="already accepted"):
        suggestions.accept(workspace, quote.id, "amal")


def test_rejected_and_accepted_suggestions_are_not_proposed_again(workspace, doc_id):
    suggest_document(workspace, doc_id, layer="amal")
    first = suggestions.pending(workspace, doc_id)
    rejected = suggestions.reject(workspace, first[0].id)
    accepted = suggestions.accept(workspace, first[1].id, "amal")
    assert suggestions.state(rejected) == "rejected"

    report = suggest_document(workspace, doc_id, layer="amal")
    again = suggestions.pending(workspace, doc_id)
    places = {(s.start, s.end, s.label) for s in again}
    assert (first[0].start, first[0].end, first[0].label) not in places
    assert (accepted.start, accepted.end, accepted.label) not in places
    assert len(again) == len(first) - 2 and report.kept == 2


def test_a_span_already_in_the_annotators_layer_is_not_proposed(workspace, doc_id):
    start = TEXT.index("14 يناير")
    workspace.add_span(doc_id, "amal", start, start + len("14 يناير"), "DATE")
    suggest_document(workspace, doc_id, layer="amal")
    pending = suggestions.pending(workspace, doc_id)
    assert all((s.start, s.label) != (start, "DATE") for s in pending)
    # The rest of the document is still proposed: the absence above is not an empty run.
    proposed = {(TEXT[s.start : s.end], s.label) for s in pending}
    assert {("الأحد", "DATE"), ("وزير الخارجية سامح شكري", "SPEAKER")} <= proposed
    assert "QUOTE" in {label for _, label in proposed}


def test_accept_all_of_one_label_and_reopen(workspace, doc_id):
    suggest_document(workspace, doc_id)
    dates = suggestions.accept_label(workspace, doc_id, "DATE", "amal")
    assert dates and all(s.label == "DATE" for s in dates)
    assert "DATE" not in pending_labels(workspace, doc_id)
    reopened = suggestions.reopen(workspace, dates[0].provenance["suggestion"])
    assert suggestions.state(reopened) == "pending"
    assert dates[0].id not in {s.id for s in workspace.spans(doc_id, "amal")}


def test_suggestions_are_never_accepted_into_reserved_layers(workspace, doc_id):
    suggest_document(workspace, doc_id)
    first = suggestions.pending(workspace, doc_id)[0]
    for layer in ("gold", SUGGESTIONS_LAYER):
        with pytest.raises(ValidationError, match="annotator's layer"):
            suggestions.accept(workspace, first.id, layer)


def test_cli_suggest_runs_over_chosen_documents(capsys, db_path, workspace, doc_id):
    workspace.close()
    code = main(["--db", str(db_path), "suggest", "--labels", "DATE,QUOTE", "--doc", "t"])
    out = capsys.readouterr().out
    assert code == 0 and "Suggested" in out and "1 document;" in out
    with Workspace(db_path) as ws:
        assert set(pending_labels(ws, "t")) == {"DATE", "QUOTE"}
    assert main(["--db", str(db_path), "suggest", "--doc", "nope"]) == 2
    assert main(["--db", str(db_path), "suggest", "--labels", "TIME"]) == 2


def test_cli_suggest_takes_several_ids_after_one_doc_as_the_readme_writes_them(
    capsys, db_path, workspace, doc_id
):
    text = workspace.document("t").text + "\nوقال الوزير أمس إن العمل مستمر."
    workspace.import_records([DocumentRecord(text=text, path="u", id="u")])
    workspace.close()
    assert main(["--db", str(db_path), "suggest", "--labels", "DATE", "--doc", "t", "u"]) == 0
    assert "2 documents;" in capsys.readouterr().out
    with Workspace(db_path) as ws:
        assert pending_labels(ws, "t") and pending_labels(ws, "u")


def test_an_invalid_proposal_is_left_out_not_the_whole_run(workspace, doc_id):
    good = suggestions.Proposal(0, 3, "QUOTE", {"kind": "direct"}, 0.5, "test")
    bad = suggestions.Proposal(0, 3, "DATE", {"value": "next week"}, 0.5, "test")
    report = suggestions.store_run(workspace, doc_id, [good, bad])
    assert (report.added, report.invalid) == (1, 1)
    assert [s.label for s in suggestions.pending(workspace, doc_id)] == ["QUOTE"]


def test_accepting_the_speaker_after_the_quote_links_them_too(workspace, doc_id):
    suggest_document(workspace, doc_id)
    pending = suggestions.pending(workspace, doc_id)
    quote = next(s for s in pending if s.label == "QUOTE")
    link = next(r for r in workspace.relations(doc_id, SUGGESTIONS_LAYER) if r.head == quote.id)
    accepted_quote = suggestions.accept(workspace, quote.id, "amal")
    assert workspace.relations(doc_id, "amal") == []
    accepted_speaker = suggestions.accept(workspace, link.child, "amal")
    assert [(r.head, r.child) for r in workspace.relations(doc_id, "amal")] == [
        (accepted_quote.id, accepted_speaker.id)
    ]


def test_a_manual_speaker_span_is_linked_when_the_quote_is_accepted(workspace, doc_id):
    suggest_document(workspace, doc_id)
    quote = next(s for s in suggestions.pending(workspace, doc_id) if s.label == "QUOTE")
    link = next(r for r in workspace.relations(doc_id, SUGGESTIONS_LAYER) if r.head == quote.id)
    speaker = workspace.span(link.child)
    manual = workspace.add_span(doc_id, "amal", speaker.start, speaker.end, "SPEAKER")
    accepted = suggestions.accept(workspace, quote.id, "amal")
    assert [(r.head, r.child) for r in workspace.relations(doc_id, "amal")] == [
        (accepted.id, manual.id)
    ]


def test_replacing_my_speaker_by_a_suggestion_keeps_my_quotes_link_and_undo_restores(
    workspace, doc_id
):
    from annotator.core.commands import ReplaceWithSuggestion

    suggest_document(workspace, doc_id)
    speaker = next(s for s in suggestions.pending(workspace, doc_id) if s.label == "SPEAKER")
    mine = workspace.add_span(doc_id, "amal", speaker.start, speaker.end - 2, "SPEAKER")
    quote = workspace.add_span(doc_id, "amal", TEXT.index("بلاده"), TEXT.index("."), "QUOTE")
    link = workspace.add_relation(quote.id, mine.id, "said_by")
    assert [s.id for s in suggestions.overlapping_own(workspace, speaker, "amal")] == [mine.id]
    command = ReplaceWithSuggestion(workspace, doc_id, "amal", speaker.id, [mine.id])
    command.do()
    [relation] = workspace.relations(doc_id, "amal")
    assert (relation.head, relation.child) == (quote.id, command.copy_id)
    assert {s.id for s in workspace.spans(doc_id, "amal")} == {quote.id, command.copy_id}
    command.undo()
    assert {s.id for s in workspace.spans(doc_id, "amal")} == {quote.id, mine.id}
    assert [r.id for r in workspace.relations(doc_id, "amal")] == [link.id]
    command.do()
    assert {s.id for s in workspace.spans(doc_id, "amal")} == {quote.id, command.copy_id}
    assert check_workspace(workspace) == []
