"""A tiny corpus whose team takes the final full stop into its QUOTEs (the rules leave it
out): what the learned layer's tests train on."""

from __future__ import annotations

from annotator.core.model import GOLD_LAYER, Status
from annotator.core.records import DocumentRecord
from annotator.core.workspace import Workspace

SPEAKERS = ("الوزير", "السفير", "المحافظ", "النائب", "المدير العام", "رئيس البلدية", "الخبير")
VERBS = ("قال", "أكد", "أوضح", "ذكر", "أضاف", "أعلن")
CLAUSES = (
    "الحكومة سترفع الأجور في الموازنة الجديدة",
    "المفاوضات مع النقابات ستستأنف بعد العطلة",
    "المستشفى الجديد يستقبل المرضى من كل المحافظات",
    "أسعار الوقود لن ترتفع هذا الشهر",
    "الطريق الساحلي سيفتح أمام السيارات قريبا",
    "المدارس ستعمل بدوام كامل في الفصل المقبل",
    "البلدية أنهت إصلاح شبكة المياه في الأحياء الشرقية",
    "الصادرات الزراعية زادت بنسبة كبيرة",
    "الوزارة ستوظف مئات المعلمين الجدد",
    "الميناء استقبل أكبر سفينة في تاريخه",
    "المصنع سيغلق أبوابه بسبب الخسائر",
    "الجامعة ستفتح كلية للطب في الجنوب",
)
# Unseen by training: new speakers, new words, the same reporting frame.
NEW_TEXT = (
    "قال المستشار إن الشركة ستفتتح مصنعا جديدا للأدوية.\n"
    "وأكد الناطق أن اللجنة رفضت كل الطعون المقدمة."
)


def article(k: int) -> tuple[str, list[tuple[int, int]]]:
    """Three reported sentences; the team's QUOTE includes the final period."""
    lines, quotes, at = [], [], 0
    for j in range(3):
        n = 3 * k + j
        verb, speaker, clause = VERBS[n % 6], SPEAKERS[n % 7], CLAUSES[n % 12]
        head = f"{verb} {speaker} {'إن' if verb == 'قال' else 'أن'} "
        line = f"{head}{clause}."
        quotes.append((at + len(head), at + len(line)))
        lines.append(line)
        at += len(line) + 1
    return "\n".join(lines), quotes


def fill(ws: Workspace, count: int) -> None:
    records = [
        DocumentRecord(text=article(k)[0], path=f"d{k}.txt", id=f"d{k}", published="2024-05-01")
        for k in range(count)
    ]
    ws.import_records(records)
    for k in range(count):
        for start, end in article(k)[1]:
            ws.add_span(f"d{k}", GOLD_LAYER, start, end, "QUOTE", {"kind": "indirect"})
        ws.set_status(f"d{k}", GOLD_LAYER, Status.ADJUDICATED)
