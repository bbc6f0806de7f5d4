"""The learned pre-annotation layer: trained on a team's own gold, it adjusts the rules' spans.

The rules know Arabic; a team's boundary conventions (final period inside a quotation or not,
the complementizer, the title before a name) are learned from what the team annotated. Per
label, small classifiers decide for each rule span whether to keep it and where its edges go
(a few clitic-split pieces either way), and a linear-chain CRF over the pieces, with the
rules' own output among its features, adds spans the rules missed when it is sure of them.
Each part is checked on held-out training data and kept only where it beat the rules there
(gate.py; the CRF in model.py), so that the layer does not lower what the rules score.
"""
