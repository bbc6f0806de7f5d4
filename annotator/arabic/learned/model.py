"""Training the per-label CRFs and packing them into one blob the workspace stores.

A stored blob is untrusted input (a workspace travels between machines): it is read as a
small header (magic, JSON with the labels and the size of each CRF) followed by the CRF model
files, every size and the CRFsuite magic checked before CRFsuite sees a byte; each CRF is
then opened from a temporary file, as CRFsuite reads models from files. Nothing is pickled.
"""

from __future__ import annotations

import json
import os
import struct
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycrfsuite

from annotator.arabic.learned.features import (
    FEATURES_VERSION,
    RULE_LABELS,
    Featurized,
    bio,
    featurize,
    spans_of,
)
from annotator.arabic.suggest import suggest_text
from annotator.core.errors import AnnotatorError

MAGIC = b"ANNCRF\x01"
_CRF_MAGIC = b"lCRF"
MAX_HEADER = 64 * 1024
MAX_BLOB = 256 * 1024 * 1024
# L-BFGS with elastic net: c1 keeps the feature set small (a few hundred KB per label).
DEFAULT_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}


class ModelError(AnnotatorError):
    """A stored model that cannot be used (damaged, foreign or from another version)."""


@dataclass(frozen=True)
class TrainingDocument:
    """One document to learn from: its text, date and the spans the team drew.

    ``scope`` limits, per label, what the spans say: ``None`` means the document is fully
    annotated for that label (gold); otherwise only the listed character ranges are (the
    paragraphs where suggestions were accepted or rejected), the rest of the text is unknown.
    """

    name: str
    text: str
    published: str | None
    spans: tuple[tuple[int, int, str], ...]
    scope: dict[str, tuple[tuple[int, int], ...]] | None = None


@dataclass
class Prepared:
    """A training document with its features computed (once, for every label and fold)."""

    doc: TrainingDocument
    featurized: Featurized = field(repr=False)


def prepare(docs: Iterable[TrainingDocument]) -> list[Prepared]:
    return [
        Prepared(doc, featurize(doc.text, suggest_text(doc.text, doc.published).proposals))
        for doc in docs
    ]


def _sequences(item: Prepared, label: str) -> Iterable[tuple[list[list[str]], list[str]]]:
    f = item.featurized
    gold = [(s, e) for s, e, lab in item.doc.spans if lab == label]
    ranges = None if item.doc.scope is None else item.doc.scope.get(label, ())
    for lo, hi in f.sequences:
        if ranges is not None:
            start, end = f.pieces[lo].start, f.pieces[hi - 1].end
            if not any(s < end and e > start for s, e in ranges):
                continue
        yield f.features[lo:hi], bio(f.pieces, lo, hi, gold)


def train(
    items: Sequence[Prepared],
    labels: Sequence[str] = RULE_LABELS,
    params: dict[str, Any] | None = None,
) -> bytes:
    """Train one CRF per label on prepared documents; the packed blob of all of them."""
    chosen = {**DEFAULT_PARAMS, **(params or {})}
    parts: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="annotator-crf-") as tmp:
        for label in labels:
            trainer = pycrfsuite.Trainer(verbose=False)
            trainer.set_params(chosen)
            for xseq, yseq in (seq for item in items for seq in _sequences(item, label)):
                trainer.append(xseq, yseq)
            path = Path(tmp) / f"{label}.crf"
            trainer.train(str(path))
            parts[label] = path.read_bytes()
    return pack(parts, chosen)


def pack(parts: dict[str, bytes], params: dict[str, Any]) -> bytes:
    header = json.dumps(
        {
            "features": FEATURES_VERSION,
            "labels": [[label, len(blob)] for label, blob in parts.items()],
            "params": params,
        },
        sort_keys=True,
    ).encode()
    return MAGIC + struct.pack(">I", len(header)) + header + b"".join(parts.values())


def _unpack(blob: bytes) -> dict[str, bytes]:
    if not isinstance(blob, bytes) or not blob.startswith(MAGIC) or len(blob) > MAX_BLOB:
        raise ValueError("it is not a model this annotator wrote")
    at = len(MAGIC)
    if len(blob) < at + 4:
        raise ValueError("it is cut short")
    (size,) = struct.unpack(">I", blob[at : at + 4])
    at += 4
    if size > MAX_HEADER or at + size > len(blob):
        raise ValueError("its header is damaged")
    header = json.loads(blob[at : at + size].decode())
    at += size
    if not isinstance(header, dict) or header.get("features") != FEATURES_VERSION:
        raise ValueError("it was trained on other features; train again")
    entries = header.get("labels")
    if not isinstance(entries, list):
        raise ValueError("its header is damaged")
    parts: dict[str, bytes] = {}
    for entry in entries:
        if (
            not isinstance(entry, list)
            or len(entry) != 2
            or entry[0] not in RULE_LABELS
            or entry[0] in parts
            or type(entry[1]) is not int
            or not 8 <= entry[1] <= len(blob) - at
        ):
            raise ValueError("its header is damaged")
        part = blob[at : at + entry[1]]
        (declared,) = struct.unpack("<I", part[4:8])
        if not part.startswith(_CRF_MAGIC) or declared != len(part):
            raise ValueError(f"its {entry[0]} model is damaged")
        parts[entry[0]] = part
        at += entry[1]
    if at != len(blob) or not parts:
        raise ValueError("its size does not match its header")
    return parts


class LearnedModel:
    """The CRFs of a stored model, opened for tagging."""

    def __init__(self, taggers: dict[str, pycrfsuite.Tagger]) -> None:
        self._taggers = taggers

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for label in RULE_LABELS if label in self._taggers)

    @classmethod
    def load(cls, blob: bytes, where: str = "the stored model") -> LearnedModel:
        """Open a packed blob, refusing anything damaged in one sentence."""
        try:
            parts = _unpack(blob)
            taggers = {}
            for label, part in parts.items():
                taggers[label] = _open_tagger(part)
        except (ValueError, UnicodeDecodeError, OSError, struct.error) as exc:
            raise ModelError(
                f"{where} cannot be used ({exc}); run `annotator train` again."
            ) from exc
        return cls(taggers)

    def tag(self, featurized: Featurized, label: str) -> list[tuple[int, int, float]]:
        """(start, end, confidence) of the spans of ``label`` the CRF finds; the confidence
        is the mean marginal probability of the span's tags."""
        tagger = self._taggers[label]
        f = featurized
        found = []
        for lo, hi in f.sequences:
            tags = tagger.tag(f.features[lo:hi])
            for start, end, first, last in spans_of(f.pieces, lo, tags):
                marginals = [tagger.marginal(tags[i - lo], i - lo) for i in range(first, last)]
                found.append((start, end, sum(marginals) / len(marginals)))
        return found


def _open_tagger(part: bytes) -> pycrfsuite.Tagger:
    fd, name = tempfile.mkstemp(prefix="annotator-crf-", suffix=".crf")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(part)
        tagger = pycrfsuite.Tagger()
        tagger.open(name)
        return tagger
    finally:
        os.unlink(name)
