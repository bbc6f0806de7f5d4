"""The agreement report (``agreementReport``): figures per label, a chart, the weakest documents.

The figures are :func:`annotator.review.agreement.compute_agreement`'s, computed on a thread of
its own with a read-only connection of its own (a corpus takes seconds; the window must not
freeze and SQLite connections are not shared across threads), with a progress dialog. Activating
one of the lowest-agreement documents emits ``document_activated`` so the window can open it in
review mode.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressDialog,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.workspace import Workspace
from annotator.gui.bar_chart import BarChart
from annotator.gui.counts import counts
from annotator.gui.worker import Job
from annotator.review.agreement import AgreementReport, compute_agreement
from annotator.review.screen import MEASURES, extra_rows, figure, label_rows, lowest_line

ID_ROLE = Qt.ItemDataRole.UserRole
LOWEST = 10


def agreement_job(path: Path, who: str) -> Callable[[Callable[[int], None]], AgreementReport]:
    """The work for the thread: open the file read-only there, compute, close."""

    def work(progress: Callable[[int], None]) -> AgreementReport:
        with Workspace(path, who, read_only=True) as ws:
            return compute_agreement(ws, progress=progress)

    return work


class AgreementReportDialog(QDialog):
    """Emits ``computed(report)`` once the figures are shown and ``document_activated(id)``."""

    computed = Signal(object)
    document_activated = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementReport")
        self.setWindowTitle(self.tr("Agreement report"))
        self.titles = {d.id: d.title for d in workspace.documents()}
        self.report: AgreementReport | None = None
        self.heading = QLabel(self.tr("Computing…"))
        self.heading.setObjectName("agreementHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, len(MEASURES))
        self.table.setObjectName("agreementTable")
        self.table.setHorizontalHeaderLabels(list(MEASURES))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.extras = QTableWidget(0, 2)
        self.extras.setObjectName("agreementExtras")
        self.extras.setHorizontalHeaderLabels([self.tr("attributes and relations"), ""])
        self.extras.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.extras.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.chart = BarChart()
        self.lowest = QListWidget()
        self.lowest.setObjectName("lowestAgreement")
        self.lowest.setToolTip(self.tr("Enter or double-click opens the document in review mode"))
        self.progress = QProgressDialog(
            self.tr("Computing agreement…"), self.tr("Cancel"), 0, max(1, len(self.titles)), self
        )
        self.progress.setObjectName("agreementProgress")
        self.progress.setMinimumDuration(300)
        # The window cannot close under a running computation (the thread must finish first).
        self.progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.job = Job(agreement_job(workspace.path, workspace.who), self)
        self._build_layout()
        self._connect()
        self.resize(900, 720)

    def _build_layout(self) -> None:
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.extras)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Lowest agreement (overall f1_overlap):"))
        caption.setTextFormat(Qt.TextFormat.PlainText)
        box_layout.addWidget(caption)
        box_layout.addWidget(self.lowest)
        lower.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.chart, 3)
        layout.addWidget(lower, 2)

    def _connect(self) -> None:
        self.job.progressed.connect(self.progress.setValue)
        self.job.succeeded.connect(self._on_job_succeeded)
        self.job.failed.connect(self._on_job_failed)
        self.job.cancelled.connect(self._on_job_cancelled)
        self.progress.canceled.connect(self.job.cancel)
        self.lowest.itemActivated.connect(self._on_lowest_item_activated)

    def start(self) -> None:
        """Compute the figures off the UI thread; the dialog fills in when they arrive."""
        self.progress.setValue(0)
        self.job.start()

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        self.heading.setText(
            self.tr("{docs} compared between {layers}").format(
                docs=counts().documents(report.documents), layers=", ".join(report.layers) or "—"
            )
        )
        rows = label_rows(report)
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([name for name, _ in rows])
        for r, (_, values) in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(figure(value)))
        extras = extra_rows(report)
        self.extras.setRowCount(len(extras))
        for r, (what, value) in enumerate(extras):
            self.extras.setItem(r, 0, QTableWidgetItem(what))
            self.extras.setItem(r, 1, QTableWidgetItem(value))
        self.chart.set_data(MEASURES, rows)
        self.lowest.clear()
        for doc in report.lowest(count=LOWEST):
            item = QListWidgetItem(lowest_line(doc, self.titles.get(doc.id, doc.id)))
            item.setData(ID_ROLE, doc.id)
            self.lowest.addItem(item)
        self.computed.emit(report)

    def _on_job_succeeded(self, report: AgreementReport) -> None:
        self.progress.reset()
        self.show_report(report)

    def _on_job_failed(self, message: str) -> None:
        self.progress.reset()
        self.heading.setText(message)

    def _on_job_cancelled(self) -> None:
        self.progress.reset()
        self.heading.setText(self.tr("Cancelled."))

    def _on_lowest_item_activated(self, item: QListWidgetItem) -> None:
        self.document_activated.emit(item.data(ID_ROLE))

    def finish(self) -> None:
        """Wait for a running computation: Qt aborts if a live thread is destroyed, so neither
        this dialog nor its window may go away before the thread ends (seconds at most)."""
        self.job.wait()

    def done(self, result: int) -> None:
        self.finish()
        super().done(result)
