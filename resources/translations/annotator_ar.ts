<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <source>{label}, exactly as selected</source>
        <translation>{label}، كما حُدِّد تمامًا</translation>
    </message>
    <message>
        <source>Start one character earlier</source>
        <translation>ابدأ قبل حرف واحد</translation>
    </message>
    <message>
        <source>Start one character later</source>
        <translation>ابدأ بعد حرف واحد</translation>
    </message>
    <message>
        <source>End one character earlier</source>
        <translation>انتهِ قبل حرف واحد</translation>
    </message>
    <message>
        <source>End one character later</source>
        <translation>انتهِ بعد حرف واحد</translation>
    </message>
    <message>
        <source>Start one word or proclitic earlier</source>
        <translation>ابدأ قبل كلمة أو سابقة واحدة</translation>
    </message>
    <message>
        <source>Start one word or proclitic later</source>
        <translation>ابدأ بعد كلمة أو سابقة واحدة</translation>
    </message>
    <message>
        <source>End one word earlier</source>
        <translation>انتهِ قبل كلمة واحدة</translation>
    </message>
    <message>
        <source>End one word later</source>
        <translation>انتهِ بعد كلمة واحدة</translation>
    </message>
    <message>
        <source>Link to speaker (then Enter, Tab for another, or a click)</source>
        <translation>اربط بالقائل (ثم Enter، أو Tab لغيره، أو انقر عليه)</translation>
    </message>
    <message>
        <source>Snap selections to whole words</source>
        <translation>وسّع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>احذف المقطع</translation>
    </message>
    <message>
        <source>Cancel link / deselect</source>
        <translation>ألغِ الربط / التحديد</translation>
    </message>
    <message>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <source>Mark done and go to next</source>
        <translation>تم، انتقل إلى التالي</translation>
    </message>
    <message>
        <source>Back to the article</source>
        <translation>العودة إلى المقال</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>Refresh (show others&apos; changes)</source>
        <translation>تحديث (إظهار تغييرات الآخرين)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
</context>
<context>
    <name>AgreementReportDialog</name>
    <message>
        <source>Agreement report</source>
        <translation>تقرير الاتفاق</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>جارٍ الحساب…</translation>
    </message>
    <message>
        <source>attributes and relations</source>
        <translation>الخصائص والعلاقات</translation>
    </message>
    <message>
        <source>Enter or double-click opens the document in review mode</source>
        <translation>Enter أو النقر المزدوج يفتح المستند في وضع المراجعة</translation>
    </message>
    <message>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Lowest agreement (overall f1_overlap):</source>
        <translation>أدنى اتفاق (f1_overlap الإجمالي):</translation>
    </message>
    <message>
        <source>{docs} compared between {layers}</source>
        <translation>قورنت {docs} بين {layers}</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>أُلغي الحساب.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Annotator</source>
        <translation>المُعلِّق</translation>
    </message>
    <message>
        <source>Your annotator name:</source>
        <translation>اسمك كمُعلِّق:</translation>
    </message>
</context>
<context>
    <name>CloseGuard</name>
    <message>
        <source>Work still running</source>
        <translation>عمل ما زال جاريًا</translation>
    </message>
    <message>
        <source>Still running:
{what}

Stop it and close? Nothing of that work will be saved; your own edits are saved already.</source>
        <translation>ما زال جاريًا:
{what}

أأوقفه وأغلق؟ لن يُحفظ شيء من ذلك العمل؛ أما تعديلاتك فمحفوظة من قبل.</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>أوقف وأغلق</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>تابع العمل</translation>
    </message>
</context>
<context>
    <name>CorpusRuns</name>
    <message>
        <source>Suggest for every document…</source>
        <translation>اقتراح وسوم لكل الوثائق…</translation>
    </message>
    <message>
        <source>Train the model on gold…</source>
        <translation>تدريب النموذج على المعيار الذهبي…</translation>
    </message>
    <message>
        <source>This workspace has no documents yet.</source>
        <translation>لا وثائق في مساحة العمل هذه بعد.</translation>
    </message>
    <message>
        <source>Suggest for every document</source>
        <translation>اقتراح وسوم لكل الوثائق</translation>
    </message>
    <message>
        <source>Pre-annotate {documents}? Spans already tagged and suggestions already reviewed are not proposed again. You can stop at any time; the documents done by then keep their suggestions.</source>
        <translation>هل تريد الوسم المسبق لـ{documents}؟ لا تُقترح من جديد المقاطع الموسومة من قبل ولا الاقتراحات التي رُوجعت. يمكنك التوقف في أي وقت، وتحتفظ الوثائق المنجزة حتى حينه باقتراحاتها.</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>اقترح</translation>
    </message>
    <message>
        <source>Stopped: {documents} have their suggestions.</source>
        <translation>توقّف: لدى {documents} اقتراحاتها.</translation>
    </message>
    <message>
        <source>Suggesting…</source>
        <translation>جارٍ الاقتراح…</translation>
    </message>
    <message>
        <source>the trained model</source>
        <translation>النموذج المدرَّب</translation>
    </message>
    <message>
        <source>the rules</source>
        <translation>القواعد</translation>
    </message>
    <message>
        <source>Suggested {spans} in {documents} with {engine}; {kept} already reviewed and {skipped} already tagged were not proposed again.</source>
        <translation>اقتُرح {spans} في {documents} باستخدام {engine}؛ ولم يُقترح من جديد {kept} مما رُوجع و{skipped} مما وُسم من قبل.</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>جارٍ التدريب…</translation>
    </message>
    <message>
        <source>Trained on {gold} with gold and {reviewed} with reviewed suggestions. Suggest uses the model from now on.</source>
        <translation>دُرِّب النموذج على {gold} لها معيار ذهبي و{reviewed} فيها اقتراحات مراجَعة. يستخدم الاقتراح النموذج من الآن.</translation>
    </message>
    <message>
        <source>{folds}-fold cross-validation on the gold, exact / overlap F1 (the rules alone in brackets):</source>
        <translation>التحقق المتقاطع على {folds} أجزاء من المعيار الذهبي، ‏F1 المطابقة التامة / التداخل (القواعد وحدها بين قوسين):</translation>
    </message>
    <message>
        <source>That is little to learn from: train again as more documents are adjudicated.</source>
        <translation>هذا قليل للتعلّم منه: أعد التدريب كلما حُكِّمت وثائق أكثر.</translation>
    </message>
    <message>
        <source>Model trained</source>
        <translation>دُرِّب النموذج</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>لا وثائق</numerusform>
            <numerusform>وثيقة واحدة</numerusform>
            <numerusform>وثيقتان</numerusform>
            <numerusform>%n وثائق</numerusform>
            <numerusform>%n وثيقة</numerusform>
            <numerusform>%n وثيقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matching</source>
        <translation>
            <numerusform>لا مطابقات</numerusform>
            <numerusform>مطابقة واحدة</numerusform>
            <numerusform>مطابقتان</numerusform>
            <numerusform>%n مطابقات</numerusform>
            <numerusform>%n مطابقة</numerusform>
            <numerusform>%n مطابقة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n span(s)</source>
        <translation>
            <numerusform>لا مقاطع</numerusform>
            <numerusform>مقطع واحد</numerusform>
            <numerusform>مقطعان</numerusform>
            <numerusform>%n مقاطع</numerusform>
            <numerusform>%n مقطعًا</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>لا ملفات</numerusform>
            <numerusform>ملف واحد</numerusform>
            <numerusform>ملفان</numerusform>
            <numerusform>%n ملفات</numerusform>
            <numerusform>%n ملفًا</numerusform>
            <numerusform>%n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>لا خلافات</numerusform>
            <numerusform>خلاف واحد</numerusform>
            <numerusform>خلافان</numerusform>
            <numerusform>%n خلافات</numerusform>
            <numerusform>%n خلافًا</numerusform>
            <numerusform>%n خلاف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>لا اقتراحات</numerusform>
            <numerusform>اقتراح واحد</numerusform>
            <numerusform>اقتراحان</numerusform>
            <numerusform>%n اقتراحات</numerusform>
            <numerusform>%n اقتراحًا</numerusform>
            <numerusform>%n اقتراح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) overlap your own spans and were left for you to decide.</source>
        <translation>
            <numerusform>لا اقتراحات تتداخل مع مقاطعك.</numerusform>
            <numerusform>اقتراح واحد يتداخل مع مقاطعك وتُرك لتقرر فيه.</numerusform>
            <numerusform>اقتراحان يتداخلان مع مقاطعك وتُركا لتقرر فيهما.</numerusform>
            <numerusform>%n اقتراحات تتداخل مع مقاطعك وتُركت لتقرر فيها.</numerusform>
            <numerusform>%n اقتراحًا تتداخل مع مقاطعك وتُركت لتقرر فيها.</numerusform>
            <numerusform>%n اقتراح تتداخل مع مقاطعك وتُركت لتقرر فيها.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) in this document still wait for review. Marking it done leaves them out of your annotation.</source>
        <translation>
            <numerusform>لا اقتراحات تنتظر المراجعة في هذا المستند.</numerusform>
            <numerusform>اقتراح واحد في هذا المستند ما زال ينتظر المراجعة. اعتبار المستند منجزًا يتركه خارج توصيفك.</numerusform>
            <numerusform>اقتراحان في هذا المستند ما زالا ينتظران المراجعة. اعتبار المستند منجزًا يتركهما خارج توصيفك.</numerusform>
            <numerusform>%n اقتراحات في هذا المستند ما زالت تنتظر المراجعة. اعتبار المستند منجزًا يتركها خارج توصيفك.</numerusform>
            <numerusform>%n اقتراحًا في هذا المستند ما زالت تنتظر المراجعة. اعتبار المستند منجزًا يتركها خارج توصيفك.</numerusform>
            <numerusform>%n اقتراح في هذا المستند ما زالت تنتظر المراجعة. اعتبار المستند منجزًا يتركها خارج توصيفك.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DailyBackup</name>
    <message>
        <source>Backup</source>
        <translation>النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>Today&apos;s backup could not be taken; the workspace stays open.</source>
        <translation>تعذر أخذ النسخة الاحتياطية لهذا اليوم؛ تبقى مساحة العمل مفتوحة.</translation>
    </message>
</context>
<context>
    <name>DocumentHeader</name>
    <message>
        <source>Published:</source>
        <translation>تاريخ النشر:</translation>
    </message>
</context>
<context>
    <name>DocumentPanel</name>
    <message>
        <source>Search titles and text…</source>
        <translation>ابحث في العناوين والنصوص…</translation>
    </message>
    <message>
        <source>Words in the title or text; Enter opens the first match or a document id.</source>
        <translation>كلمات في العنوان أو النص؛ يفتح Enter أول نتيجة أو المستند بمعرّفه.</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>غير المنتهية</translation>
    </message>
    <message>
        <source>Import order</source>
        <translation>ترتيب الاستيراد</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Last edited</source>
        <translation>آخر تعديل</translation>
    </message>
    <message>
        <source>Agreement (lowest first)</source>
        <translation>الاتفاق (الأدنى أولًا)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>جارٍ العدّ…</translation>
    </message>
    <message>
        <source>No document matches</source>
        <translation>لا توجد وثيقة مطابقة</translation>
    </message>
    <message>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <source>adjudicated</source>
        <translation>محكَّم</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>أُنجز {done} من {total}</translation>
    </message>
    <message>
        <source>Sorting by agreement…</source>
        <translation>جارٍ الترتيب حسب الاتفاق…</translation>
    </message>
</context>
<context>
    <name>DoneChecksBanner</name>
    <message>
        <source>Mark done anyway</source>
        <translation>اعتبره منجزًا على أي حال</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>تابع العمل</translation>
    </message>
    <message>
        <source>{label} “{text}” has no speaker linked</source>
        <translation>{label} «{text}» غير مربوط بقائل</translation>
    </message>
    <message>
        <source>{label} “{text}”: {name} is missing</source>
        <translation>{label} «{text}»: ينقصه {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) missing. Ctrl+Enter again marks the document done.</source>
        <translation>
            <numerusform>لا ينقص شيء. اضغط Ctrl+Enter مرة أخرى لاعتبار المستند منجزًا.</numerusform>
            <numerusform>ينقص عنصر واحد. اضغط Ctrl+Enter مرة أخرى لاعتبار المستند منجزًا.</numerusform>
            <numerusform>ينقص عنصران. اضغط Ctrl+Enter مرة أخرى لاعتبار المستند منجزًا.</numerusform>
            <numerusform>تنقص %n عناصر. اضغط Ctrl+Enter مرة أخرى لاعتبار المستند منجزًا.</numerusform>
            <numerusform>ينقص %n عنصرًا. اضغط Ctrl+Enter مرة أخرى لاعتبار المستند منجزًا.</numerusform>
            <numerusform>ينقص %n عنصر. اضغط Ctrl+Enter مرة أخرى لاعتبار المستند منجزًا.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Every document</source>
        <translation>كل الوثائق</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>الوثائق</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>New workspace…</source>
        <translation>مساحة عمل جديدة…</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>فتح مساحة عمل…</translation>
    </message>
    <message>
        <source>Import articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Import a folder of articles…</source>
        <translation>استيراد مجلد مقالات…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Package for an annotator…</source>
        <translation>حزمة لمُعلِّق…</translation>
    </message>
    <message>
        <source>Merge workspaces…</source>
        <translation>دمج مساحات عمل…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <source>Switch annotator…</source>
        <translation>تبديل المُعلِّق…</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>المفتوحة مؤخرًا</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>لم يتغيّر شيء</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>أُلغي؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>مساحة عمل جديدة</translation>
    </message>
    <message>
        <source>{path} already exists; choose Open workspace… to open it.</source>
        <translation>{path} موجود من قبل؛ اختر «فتح مساحة عمل…» لفتحه.</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>فتح مساحة عمل</translation>
    </message>
    <message>
        <source>Switch annotator</source>
        <translation>تبديل المُعلِّق</translation>
    </message>
    <message>
        <source>Who annotates now? The window reopens with that person&apos;s own layer.</source>
        <translation>من يعلّق الآن؟ تُفتح النافذة من جديد على طبقة هذا الشخص.</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
    <message>
        <source>This workspace is open read-only; nothing can be imported.</source>
        <translation>مساحة العمل هذه مفتوحة للقراءة فقط؛ لا يمكن استيراد شيء.</translation>
    </message>
    <message>
        <source>Importing {files}…</source>
        <translation>جارٍ استيراد {files}…</translation>
    </message>
    <message>
        <source>Imported {documents} ({existing} already there).</source>
        <translation>اُستورد {documents} ({existing} موجودة من قبل).</translation>
    </message>
    <message>
        <source>Exporting {layer}…</source>
        <translation>جارٍ تصدير {layer}…</translation>
    </message>
    <message>
        <source>Exported {documents} with {spans} to {path}.</source>
        <translation>صُدِّر {documents} مع {spans} إلى {path}.</translation>
    </message>
    <message>
        <source>Name the annotator and the package file.</source>
        <translation>سمِّ المُعلِّق وملف الحزمة.</translation>
    </message>
    <message>
        <source>Packaging for {name}…</source>
        <translation>جارٍ إعداد حزمة {name}…</translation>
    </message>
    <message>
        <source>Wrote {documents} for {name} to {path}.</source>
        <translation>كُتب {documents} لـ{name} في {path}.</translation>
    </message>
    <message>
        <source>Merge workspaces</source>
        <translation>دمج مساحات عمل</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>جارٍ الدمج…</translation>
    </message>
    <message>
        <source>This workspace has no backups yet.</source>
        <translation>لا توجد لمساحة العمل هذه نسخ احتياطية بعد.</translation>
    </message>
    <message>
        <source>Restored {path} from {backup}.</source>
        <translation>اُستعيد {path} من {backup}.</translation>
    </message>
</context>
<context>
    <name>GoldCompare</name>
    <message>
        <source>Compare with gold</source>
        <translation>المقارنة بالمعيار الذهبي</translation>
    </message>
    <message>
        <source>There is no gold for this document yet.</source>
        <translation>لا يوجد معيار ذهبي لهذا المستند بعد.</translation>
    </message>
    <message>
        <source>Your layer matches gold ({spans}).</source>
        <translation>طبقتك تطابق المعيار الذهبي ({spans}).</translation>
    </message>
    <message>
        <source>{missed} missed, {extra} not in gold, {changed} changed, {same} the same.</source>
        <translation>{missed} فائتة، {extra} ليست في الذهبي، {changed} معدّلة، {same} مطابقة.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>القائل</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاريخ</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النمط</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>القيمة</translation>
    </message>
    <message>
        <source>Check-worthy</source>
        <translation>جدير بالتحقق</translation>
    </message>
</context>
<context>
    <name>LinkPicker</name>
    <message>
        <source>Next speaker to link</source>
        <translation>القائل التالي للربط</translation>
    </message>
    <message>
        <source>Previous speaker to link</source>
        <translation>القائل السابق للربط</translation>
    </message>
    <message>
        <source>Link to the highlighted speaker</source>
        <translation>اربط بالقائل المميَّز</translation>
    </message>
    <message>
        <source>Link to {label} {text} ({n}/{total})? Enter links, Tab / Shift+Tab pick another, Escape cancels.</source>
        <translation>الربط مع {label} {text} ({n}/{total})؟ Enter للربط، وTab / Shift+Tab لاختيار غيره، وEscape للإلغاء.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>This workspace is open read-only: you can read and browse, but nothing can be tagged or changed.</source>
        <translation>مساحة العمل هذه مفتوحة للقراءة فقط: يمكنك القراءة والتصفح، لكن لا يمكن الوسم أو التعديل.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>وسم</translation>
    </message>
    <message>
        <source>S&amp;pan</source>
        <translation>مقطع</translation>
    </message>
    <message>
        <source>D&amp;ocument</source>
        <translation>مستند</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>S&amp;uggestions</source>
        <translation>ا&amp;لاقتراحات</translation>
    </message>
    <message>
        <source>{name}, reviewing (writes gold)</source>
        <translation>{name}، مراجِع (يكتب الطبقة الذهبية)</translation>
    </message>
    <message>
        <source>{name}, annotating</source>
        <translation>{name}، مُعلِّق</translation>
    </message>
    <message>
        <source>Arabic News Annotator — {who} — {file}</source>
        <translation>مُعلِّق الأخبار العربية — {who} — {file}</translation>
    </message>
    <message>
        <source>Every document is done.</source>
        <translation>أُنجزت كل المستندات.</translation>
    </message>
    <message>
        <source>{path} could not be read again: {error}</source>
        <translation>تعذّرت قراءة {path} من جديد: {error}</translation>
    </message>
    <message>
        <source>Select some text in the article first.</source>
        <translation>حدّد نصًا في المقال أولًا.</translation>
    </message>
    <message>
        <source>Select a quote or claim first, then press L.</source>
        <translation>حدّد اقتباسًا أو ادعاءً أولًا، ثم اضغط L.</translation>
    </message>
    <message>
        <source>Nothing in this document can be linked to this {head}: tag its {child} first.</source>
        <translation>لا يوجد في هذا المستند ما يمكن ربط هذا العنصر ({head}) به: وسِّم {child} أولًا.</translation>
    </message>
    <message>
        <source>A {head} cannot be linked to a {child}.</source>
        <translation>لا يمكن ربط {head} بـ{child}.</translation>
    </message>
    <message>
        <source>Label schema…</source>
        <translation>مخطط الوسوم…</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>الملاحظات</translation>
    </message>
    <message>
        <source>Search notes…</source>
        <translation>ابحث في الملاحظات…</translation>
    </message>
    <message>
        <source>Unsure? Leave a note for the reviewer</source>
        <translation>غير متأكد؟ اترك ملاحظة للمراجع</translation>
    </message>
    <message>
        <source>Flag for the reviewer</source>
        <translation>نبّه المراجع</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>أضف ملاحظة</translation>
    </message>
    <message>
        <source>Flag / unflag</source>
        <translation>تنبيه / إلغاء التنبيه</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>احذف الملاحظة</translation>
    </message>
    <message>
        <source>A new note goes on this document.</source>
        <translation>الملاحظة الجديدة على هذا المستند.</translation>
    </message>
    <message>
        <source>A new note goes on the {label} {text}.</source>
        <translation>الملاحظة الجديدة على {label} {text}.</translation>
    </message>
    <message>
        <source>document</source>
        <translation>المستند</translation>
    </message>
</context>
<context>
    <name>PackageDialog</name>
    <message>
        <source>Package for an annotator</source>
        <translation>حزمة لمُعلِّق</translation>
    </message>
    <message>
        <source>Package file</source>
        <translation>ملف الحزمة</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>المُعلِّق</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
</context>
<context>
    <name>PendingGuard</name>
    <message>
        <source>Suggestions still pending</source>
        <translation>اقتراحات ما زالت تنتظر المراجعة</translation>
    </message>
    <message>
        <source>Mark done anyway</source>
        <translation>اعتبره منجزًا على أي حال</translation>
    </message>
    <message>
        <source>Review suggestions</source>
        <translation>راجع الاقتراحات</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Cancelling… nothing will be changed.</source>
        <translation>جارٍ الإلغاء… لن يتغيّر شيء.</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>لم يتغيّر شيء</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>The workspace is replaced by the backup you choose; its current state is kept as a backup first, so this can be undone.</source>
        <translation>تحلّ النسخة التي تختارها محلّ مساحة العمل؛ وتُحفظ حالتها الحالية أولًا نسخةً احتياطية، فيمكن التراجع عن ذلك.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>missing in some layers</source>
        <translation>ناقص في بعض الطبقات</translation>
    </message>
    <message>
        <source>boundary differs</source>
        <translation>الحدود مختلفة</translation>
    </message>
    <message>
        <source>label differs</source>
        <translation>الوسم مختلف</translation>
    </message>
    <message>
        <source>attribute differs</source>
        <translation>الخاصية مختلفة</translation>
    </message>
    <message>
        <source>relation differs</source>
        <translation>العلاقة مختلفة</translation>
    </message>
    <message>
        <source>{layer}: {line}</source>
        <translation>{layer}: {line}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>decided: {resolution}</source>
        <translation>القرار: {resolution}</translation>
    </message>
    <message>
        <source>gold: {line} — {provenance}</source>
        <translation>الذهبي: {line} — {provenance}</translation>
    </message>
    <message>
        <source>take</source>
        <translation>أخذ</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>already in gold</source>
        <translation>موجود في الذهبي</translation>
    </message>
    <message>
        <source>moot after another decision</source>
        <translation>لم يعد قائمًا بعد قرار آخر</translation>
    </message>
    <message>
        <source>automatic, unanimous</source>
        <translation>آلي، بالإجماع</translation>
    </message>
    <message>
        <source>automatic, majority</source>
        <translation>آلي، بالأغلبية</translation>
    </message>
    <message>
        <source>drawn in gold by {author}</source>
        <translation>رسمه {author} في الذهبي</translation>
    </message>
    <message>
        <source>drawn in gold by hand</source>
        <translation>رُسم في الذهبي يدويًا</translation>
    </message>
    <message>
        <source>from {layers}</source>
        <translation>من {layers}</translation>
    </message>
    <message>
        <source>no layer</source>
        <translation>بلا طبقة</translation>
    </message>
    <message>
        <source>by {method}</source>
        <translation>بطريقة {method}</translation>
    </message>
    <message>
        <source>votes {agreeing}/{total}</source>
        <translation>الأصوات {agreeing}/{total}</translation>
    </message>
    <message>
        <source>decided by {who}</source>
        <translation>قرّره {who}</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>السبب: {reason}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Note on the document — {note}</source>
        <translation>ملاحظة على المستند — {note}</translation>
    </message>
</context>
<context>
    <name>ReviewMode</name>
    <message>
        <source>Review mode (write gold)</source>
        <translation>وضع المراجعة (كتابة الذهبي)</translation>
    </message>
    <message>
        <source>Agreement report…</source>
        <translation>تقرير الاتفاق…</translation>
    </message>
    <message>
        <source>Next conflict</source>
        <translation>الخلاف التالي</translation>
    </message>
    <message>
        <source>Previous conflict</source>
        <translation>الخلاف السابق</translation>
    </message>
    <message>
        <source>Accept agreed</source>
        <translation>قبول المتفق عليه</translation>
    </message>
    <message>
        <source>Merge: union</source>
        <translation>دمج: الاتحاد</translation>
    </message>
    <message>
        <source>Merge: intersection</source>
        <translation>دمج: التقاطع</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Mark adjudicated</source>
        <translation>تم الفصل فيه</translation>
    </message>
    <message>
        <source>Take layer {n}</source>
        <translation>اعتماد الطبقة {n}</translation>
    </message>
    <message>
        <source>Revie&amp;w</source>
        <translation>المراجعة</translation>
    </message>
    <message>
        <source>{open} of {conflicts} open</source>
        <translation>{open} من {conflicts} مفتوحة</translation>
    </message>
    <message>
        <source>Gold: {status}</source>
        <translation>الذهبي: {status}</translation>
    </message>
    <message>
        <source>Conflicts still open</source>
        <translation>تعارضات ما زالت مفتوحة</translation>
    </message>
    <message>
        <source>Conflicts still open: {n}. Mark this document adjudicated anyway?</source>
        <translation>تعارضات ما زالت مفتوحة: {n}. هل تعدّ هذا المستند محسومًا رغم ذلك؟</translation>
    </message>
    <message>
        <source>Conflicts resolved: {n}.</source>
        <translation>تعارضات حُسمت: {n}.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>unanimous</source>
        <translation>بالإجماع</translation>
    </message>
    <message>
        <source>majority</source>
        <translation>بالأغلبية</translation>
    </message>
    <message>
        <source>min votes </source>
        <translation>أدنى عدد أصوات </translation>
    </message>
    <message>
        <source>Accept agreed</source>
        <translation>قبول المتفق عليه</translation>
    </message>
    <message>
        <source>Merge: union</source>
        <translation>دمج: الاتحاد</translation>
    </message>
    <message>
        <source>Merge: intersection</source>
        <translation>دمج: التقاطع</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Reason (optional, saved with the decision)</source>
        <translation>السبب (اختياري، يُحفظ مع القرار)</translation>
    </message>
    <message>
        <source>Mark adjudicated</source>
        <translation>تم الفصل فيه</translation>
    </message>
    <message>
        <source>Resolve all open</source>
        <translation>احسم كل المفتوح</translation>
    </message>
    <message>
        <source>Layers (gold is painted as in annotation):</source>
        <translation>الطبقات (الذهبي يُلوَّن كما في التوسيم):</translation>
    </message>
    <message>
        <source>Take {layer}</source>
        <translation>اعتماد {layer}</translation>
    </message>
    <message>
        <source>Ctrl+{n}</source>
        <translation>Ctrl+{n}</translation>
    </message>
    <message>
        <source>Take {layer} everywhere</source>
        <translation>خذ {layer} في كل مكان</translation>
    </message>
    <message>
        <source>Merge all: union</source>
        <translation>ادمج الكل: الاتحاد</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>ارفض الكل</translation>
    </message>
    <message>
        <source>No conflict chosen.</source>
        <translation>لم يُختر أي خلاف.</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <source>Label schema</source>
        <translation>مخطط الوسوم</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>الخصائص</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>إضافة وسم</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>حذف الوسم</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <source>Attributes: name: a/b/c (allowed values); name: * (free text); name: ~pattern. Keys: comma-separated (E, 5, Ctrl+E).</source>
        <translation>الخصائص: الاسم: أ/ب/ج (القيم المسموح بها)؛ الاسم: * (نص حر)؛ الاسم: ~نمط. المفاتيح: مفصولة بفواصل (E، 5، Ctrl+E).</translation>
    </message>
    <message>
        <source>Change the label schema</source>
        <translation>تغيير مخطط الوسوم</translation>
    </message>
    <message>
        <source>The label {name} appears twice.</source>
        <translation>الوسم {name} مذكور مرتين.</translation>
    </message>
    <message>
        <source>The edited schema</source>
        <translation>المخطط المعدَّل</translation>
    </message>
    <message>
        <source>Make this the workspace&apos;s label schema?</source>
        <translation>أتجعل هذا مخطط الوسوم لمساحة العمل؟</translation>
    </message>
    <message>
        <source>New labels: {names}.</source>
        <translation>وسوم جديدة: {names}.</translation>
    </message>
    <message>
        <source>{old} is renamed {new}; its spans are relabelled.</source>
        <translation>يُعاد تسمية {old} إلى {new}؛ وتُعاد تسمية مقاطعه.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Cannot open</source>
        <translation>تعذّر الفتح</translation>
    </message>
</context>
<context>
    <name>SpanForm</name>
    <message>
        <source>Select a span to edit it.</source>
        <translation>حدّد مقطعًا لتحريره.</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>القائل</translation>
    </message>
    <message>
        <source>No span selected</source>
        <translation>لا مقطع محدد</translation>
    </message>
    <message>
        <source>— no speaker —</source>
        <translation>— بلا قائل —</translation>
    </message>
</context>
<context>
    <name>SpanTableModel</name>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>القيم</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>القائل</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Suggested {label} ({confidence})</source>
        <translation>{label} مقترح ({confidence})</translation>
    </message>
    <message>
        <source>Show suggestions</source>
        <translation>إظهار الاقتراحات</translation>
    </message>
    <message>
        <source>Accept suggestion and go to next</source>
        <translation>قبول الاقتراح والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>Reject suggestion and go to next</source>
        <translation>رفض الاقتراح والانتقال إلى التالي</translation>
    </message>
    <message>
        <source>Suggest for this document</source>
        <translation>اقتراح وسوم لهذه الوثيقة</translation>
    </message>
    <message>
        <source>Next suggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Previous suggestion</source>
        <translation>الاقتراح السابق</translation>
    </message>
    <message>
        <source>Accept all {label} suggestions</source>
        <translation>قبول كل اقتراحات {label}</translation>
    </message>
    <message>
        <source>Suggesting…</source>
        <translation>جارٍ الاقتراح…</translation>
    </message>
    <message>
        <source>No pending suggestions</source>
        <translation>لا اقتراحات معلقة</translation>
    </message>
    <message>
        <source>{suggestions}: {parts}</source>
        <translation>{suggestions}: {parts}</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(مخفية)</translation>
    </message>
    <message>
        <source>Suggest: {added} new, {kept} already reviewed, {skipped} already tagged.</source>
        <translation>الاقتراح: {added} جديدة، {kept} رُوجعت من قبل، {skipped} موسومة من قبل.</translation>
    </message>
    <message>
        <source>Suggest failed on {doc}: {message}</source>
        <translation>تعذّر الاقتراح في {doc}: {message}</translation>
    </message>
    <message>
        <source>conflicts with your {label}: {spans}</source>
        <translation>يتعارض مع {label} الخاص بك: {spans}</translation>
    </message>
    <message>
        <source>Suggestion overlaps your span</source>
        <translation>اقتراح يتداخل مع مقطعك</translation>
    </message>
    <message>
        <source>The suggested {label} {suggested} overlaps {count} of your own.</source>
        <translation>{label} المقترح {suggested} يتداخل مع مقاطعك (العدد: {count}).</translation>
    </message>
    <message>
        <source>Replace mine</source>
        <translation>استبدل مقطعي</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>أبقِ مقطعي</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>أبقِ الاثنين</translation>
    </message>
</context>
<context>
    <name>TargetFile</name>
    <message>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Tag span</source>
        <translation>وسم مقطع</translation>
    </message>
    <message>
        <source>Delete span</source>
        <translation>احذف المقطع</translation>
    </message>
    <message>
        <source>Move span edge</source>
        <translation>تحريك طرف المقطع</translation>
    </message>
    <message>
        <source>Edit attribute</source>
        <translation>تعديل سمة</translation>
    </message>
    <message>
        <source>Link speaker</source>
        <translation>ربط القائل</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>تغيير الحالة</translation>
    </message>
    <message>
        <source>Set publication date</source>
        <translation>تعيين تاريخ النشر</translation>
    </message>
    <message>
        <source>Accept suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>Reject suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>Review decision</source>
        <translation>قرار المراجعة</translation>
    </message>
</context>
</TS>
