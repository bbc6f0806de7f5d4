"""Every format of the registry: a round trip of the seeds with spans in two layers, and the
registry's detection and help. Per-format details and hostile input live in test_format_*.py."""

from __future__ import annotations

import pytest

from annotator.cli import build_parser
from annotator.core.errors import InputError
from annotator.formats import registry

from .format_helpers import LAYERS, export, layer_content, run, seeded_two_layers

ROUND_TRIP = [f.name for f in registry.FORMATS if f.reader and f.writer]


@pytest.fixture(scope="module")
def source_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("source") / "source.db"
    seeded_two_layers(path)
    return path


@pytest.mark.parametrize("name", ROUND_TRIP)
def test_each_format_round_trips_two_layers(name, source_db, tmp_path, capsys):
    fmt = registry.get(name)
    if fmt.requires:
        pytest.importorskip(fmt.requires)
    target = tmp_path / "fresh.db"
    for n, layer in enumerate(LAYERS):
        out = tmp_path / f"{layer}-export{'' if fmt.folder else fmt.extensions[0]}"
        code, _, err = export(capsys, source_db, name, layer, "-o", out)
        assert code == 0, err
        # the first layer comes back by detection, the second by naming the format
        named = ["--format", name] if n else []
        code, _, err = run(capsys, "--db", target, "import", *named, "--layer", layer, out)
        assert code == 0, err
        expected = layer_content(source_db, layer)
        assert sum(len(spans) for spans, _ in expected.values()) > 50
        assert layer_content(target, layer) == expected
    # idempotent: the same files again add nothing
    before = {layer: layer_content(target, layer) for layer in LAYERS}
    for layer in LAYERS:
        out = tmp_path / f"{layer}-export{'' if fmt.folder else fmt.extensions[0]}"
        code, out, err = run(
            capsys,
            "--db",
            target,
            "import",
            "--format",
            name,
            "--layer",
            layer,
            out,
        )
        assert code == 0, err
        assert " 0 spans added" in out and " 0 relations added" in out
    assert {layer: layer_content(target, layer) for layer in LAYERS} == before


def test_help_lists_every_format():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    export_help = sub.choices["export"].format_help()
    import_help = sub.choices["import"].format_help()
    for fmt in registry.FORMATS:
        if fmt.writer:
            assert fmt.name in export_help
        if fmt.reader:
            assert fmt.name in import_help


def test_detection_names_the_choice_when_a_file_is_ambiguous(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "نص", "spans": [], "label": [[0, 1, "CLAIM"]]}\n', encoding="utf-8")
    with pytest.raises(
        InputError, match=r"could be read as jsonl or doccano; name one with --format"
    ):
        registry.detect(path)


def test_an_export_only_format_is_refused_on_import(tmp_path, capsys, db_path):
    out_only = [f for f in registry.FORMATS if f.writer and not f.reader and not f.folder]
    if not out_only:
        pytest.skip("no export-only file format registered")
    path = tmp_path / f"x{out_only[0].extensions[0]}"
    path.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--db", db_path, "import", path)
    assert code == 2 and "which annotator exports but cannot import" in err
