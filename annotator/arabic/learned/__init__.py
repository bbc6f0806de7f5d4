"""The learned pre-annotation layer: CRFs trained on a team's own gold adjust the rules' spans.

The rules know Arabic; a team's boundary conventions (final period inside a quotation or not,
the complementizer, the title before a name) are learned from what the team annotated. One
linear-chain CRF per label (labels overlap: a DATE inside a CLAIM, a SPEAKER inside a QUOTE)
tags clitic-split tokens B/I/O, with the rules' own output among its features.
"""
