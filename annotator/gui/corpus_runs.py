"""Pre-annotation of the whole workspace from the Suggestions menu, for teams that never open
a terminal: "Suggest for every document…" (what `annotator suggest` does) and "Train the
model on gold…" (what `annotator train --evaluate` does).

Both run off the UI thread on their own connection with a progress dialog that can cancel
(annotator.gui.file_menu's ``run_long``). Suggesting commits a batch of documents at a time:
cancelled, it keeps the batches it finished, and says how many. Training stores its model only
at the end: cancelled, nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from annotator.core.catalog import document_count
from annotator.core.workspace import Workspace
from annotator.gui.actions import label_title
from annotator.gui.counts import counts

if TYPE_CHECKING:
    from annotator.arabic.corpus_suggest import SuggestTotals
    from annotator.arabic.learned.stored import TrainReport
    from annotator.gui.file_menu import FileMenu
    from annotator.gui.main_window import MainWindow

# Folds of the cross-validation the window runs with each training (as `train --evaluate`).
FOLDS = 5


class CorpusRuns(QObject):
    """The two actions, appended to the window's Suggestions menu."""

    def __init__(self, window: MainWindow, file_menu: FileMenu) -> None:
        super().__init__(window)
        self.window = window
        self.file_menu = file_menu
        self.suggest_all = QAction(self.tr("Suggest for every document…"), window)
        self.suggest_all.setObjectName("suggestAllDocuments")
        self.suggest_all.triggered.connect(self._on_suggest_all_triggered)
        self.train = QAction(self.tr("Train the model on gold…"), window)
        self.train.setObjectName("trainModel")
        self.train.triggered.connect(self._on_train_triggered)
        for action in (self.suggest_all, self.train):
            action.setEnabled(not window.read_only)
        window.suggestions_menu.addSeparator()
        window.suggestions_menu.addActions([self.suggest_all, self.train])
        window.addActions([self.suggest_all, self.train])

    @property
    def workspace(self) -> Workspace:
        return self.window.workspace

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 30000)

    def _box(self, name: str, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
        box = QMessageBox(icon, title, text)
        box.setParent(self.window, box.windowFlags())
        box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)
        return box

    # ------------------------------------------------------------------ suggest everywhere
    def _on_suggest_all_triggered(self) -> None:
        total = document_count(self.workspace.query)
        if not total:
            self._say(self.tr("This workspace has no documents yet."))
            return
        box = self._box(
            "suggestAllConfirm",
            QMessageBox.Icon.Question,
            self.tr("Suggest for every document"),
            self.tr(
                "Pre-annotate {documents}? Spans already tagged and suggestions already "
                "reviewed are not proposed again. You can stop at any time; the documents "
                "done by then keep their suggestions."
            ).format(documents=counts().documents(total)),
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Suggest"))
        box.accepted.connect(self.suggest_everything)
        box.finished.connect(box.deleteLater)
        box.open()

    def suggest_everything(self) -> None:
        path, who, layer = self.workspace.path, self.workspace.who, self.window.layer
        total = document_count(self.workspace.query)
        done = [0]

        def work(progress: Callable[[int], None]) -> tuple[SuggestTotals, bool]:
            from annotator.arabic.corpus_suggest import suggest_corpus
            from annotator.arabic.labels import LABELS
            from annotator.arabic.learned.stored import workspace_model

            def stored(n: int) -> None:
                done[0] = n
                progress(n)

            with Workspace(path, who) as ws:
                trained = workspace_model(ws)
                model = None if trained is None else trained[1]
                found = suggest_corpus(ws, LABELS, model=model, layer=layer, progress=stored)
                return found, model is not None

        def stopped() -> str:
            self._refresh()
            return self.tr("Stopped: {documents} have their suggestions.").format(
                documents=counts().documents(done[0])
            )

        self.file_menu.run_long(
            "suggestAllProgress",
            self.tr("Suggesting…"),
            work,
            self._on_suggest_all_succeeded,
            total,
            writes=True,
            cancelled=stopped,
        )

    def _on_suggest_all_succeeded(self, result: tuple[SuggestTotals, bool]) -> None:
        found, with_model = result
        self._refresh()
        engine = self.tr("the trained model") if with_model else self.tr("the rules")
        self._say(
            self.tr(
                "Suggested {spans} in {documents} with {engine}; {kept} already reviewed and "
                "{skipped} already tagged were not proposed again."
            ).format(
                spans=counts().suggestions(found.added),
                documents=counts().documents(found.done),
                engine=engine,
                kept=found.kept,
                skipped=found.skipped,
            )
        )

    # ------------------------------------------------------------------ train
    def _on_train_triggered(self) -> None:
        path, who = self.workspace.path, self.workspace.who

        def work(progress: Callable[[int], None]) -> TrainReport:
            from annotator.arabic.learned.stored import train_workspace
            from annotator.arabic.learned.training_data import gold_document_ids

            with Workspace(path, who) as ws:
                folds = FOLDS if len(gold_document_ids(ws)) >= 2 else None
                return train_workspace(ws, None, folds, progress)

        self.file_menu.run_long(
            "trainProgress", self.tr("Training…"), work, self._on_trained, writes=True
        )

    def _on_trained(self, report: TrainReport) -> None:
        from annotator.arabic.learned.stored import few_documents

        lines = [
            self.tr(
                "Trained on {gold} with gold and {reviewed} with reviewed suggestions. Suggest "
                "uses the model from now on."
            ).format(
                gold=counts().documents(report.gold_documents),
                reviewed=counts().documents(report.reviewed_documents),
            )
        ]
        if report.figures:
            lines += [
                "",
                self.tr(
                    "{folds}-fold cross-validation on the gold, exact / overlap F1 (the rules "
                    "alone in brackets):"
                ).format(folds=report.folds),
                *(_figure_line(label, figures) for label, figures in report.figures.items()),
            ]
        if few_documents(report) is not None:
            lines += [
                "",
                self.tr(
                    "That is little to learn from: train again as more documents are adjudicated."
                ),
            ]
        box = self._box(
            "trainReport", QMessageBox.Icon.Information, self.tr("Model trained"), "\n".join(lines)
        )
        box.finished.connect(box.deleteLater)
        box.open()
        self._say(lines[0])

    def _refresh(self) -> None:
        """Another connection wrote: the open document's suggestions are read again."""
        self.window.window_actions.refresh.trigger()


def _figure_line(label: str, figures: dict[str, Any]) -> str:
    rules = figures["rules"]
    return (
        f"{label_title(label)}: {figures['exact']['f1']:.2f} / {figures['overlap']['f1']:.2f} "
        f"({rules['exact']['f1']:.2f} / {rules['overlap']['f1']:.2f})"
    )
