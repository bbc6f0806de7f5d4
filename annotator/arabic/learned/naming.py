"""The names a stored model and its suggestions go by: light to import (the window reads the
stored model before the rules and the CRF code are loaded)."""

MODEL_NAME = "arabic-crf"
# The engine recorded in the provenance of suggestions drawn with a trained model.
ENGINE = "arabic-rules+crf/2"
