"""Direct, indirect and mixed quotations with the source that speaks them.

Per sentence, reporting triggers are found (a finite reporting verb, a circumstantial
participle like "مؤكدا", an attribution like "بحسب الوزارة" or "وفق تعبيرها"). A verb's source
is the noun phrase after it (Arabic news is mostly verb-first), or the subject between "كان"
and the verb, or, when the verb has none ("وأضاف:"), the latest source it agrees with in gender.
The reported content follows a colon, a complementizer (أن، إن، بأن with their suffixes) or an
opening quotation mark, and runs to the end of the sentence or to the next trigger.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from annotator.arabic.actors import (
    FUNCTION_WORDS,
    FURNITURE_WORDS,
    MEDIA_WORDS,
    SOURCE_HEADS,
    TITLE_WORDS,
)
from annotator.arabic.clauses import (
    BUT_PRONOUN,
    RELATIVES,
    Trigger,
    as_put_by,
    clause_boundary,
    closing_modifier,
    complement_start,
    find_triggers,
    gave_it,
    governed,
    is_tail,
    new_clause,
    only_punctuation,
    skip_adjuncts,
    skip_time_words,
    trimmed,
)
from annotator.arabic.clitics import conjunction_length, strip_prefix
from annotator.arabic.normalize import fold
from annotator.arabic.occasions import (
    delivered_by,
    figures_author,
    instruction_line,
    opening_occasion,
    speech_giver,
    statement_issuer,
    unissued_figures,
    verb_after_occasion,
)
from annotator.arabic.reporting import (
    AMBIGUOUS_STEMS,
    CLAUSE_INITIAL_VERBS,
    COMPLEMENTIZERS,
    FINITE_VERBS,
    PARTICIPLES,
    PERFORMATIVE_STEMS,
    SAYING_NOUNS,
    reports_with_object,
    verb_gender,
)
from annotator.arabic.speakers import (
    UNNAMED_HEADS,
    Mention,
    is_addressee,
    is_ba_object,
    is_masdar,
    is_source_head,
    is_source_like,
    is_subject_like,
    mention_gender,
    name_words,
    possessed,
    same_word,
    source_phrase,
)
from annotator.arabic.tokens import DocumentView, QuoteRegion, Token

# Real pages open with several title lines (headline, sub-headlines, a dateline, "..".
# separated teasers) before the body; any of them may be a "source: statement" line.
TITLE_LINES = 8
TITLE_TOKENS = 30
QUOTE_MARK_REACH = 16  # further words before an opening quotation mark
MAX_GAP = 14  # words between a verb's source and its content ("في كلمة ألقاها أمام ...")
_SAYING = frozenset(fold(w) for w in SAYING_NOUNS)
_FRAME_WORDS = CLAUSE_INITIAL_VERBS | {fold("بالقول")}
_SAYING_NEXT = frozenset(f for f in PARTICIPLES if f.startswith(fold("قائل"))) | {fold("بالقول")}
_KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "فيما", "كما"})
_NAQALA = frozenset(f for f in FINITE_VERBS if f.lstrip("وف").startswith("نقل"))
# What a channel carries besides words: "نقلت القناة مشاهد/صورا/لقطات من ...".
_FOOTAGE = frozenset(
    fold(w) for w in ("مشاهد", "صور", "صورا", "لقطات", "مقاطع", "مقطعا", "فيديو", "بثا")
)
# Documents do not speak: their issuer does ("بيان صادر عن الكرملين").
_DOCUMENTS = frozenset(
    fold(w) for w in ("بيان", "بيانه", "بيانها", "تصريح", "تقرير", "رسالة", "بلاغ")
)
_MARKS = frozenset('"«»')
_IN_IT = frozenset(fold(w) for w in ("فيه", "فيها"))
_IT_CAME = frozenset(fold(w) for w in ("جاء", "وجاء", "ورد", "وورد"))
_DOCUMENT_MODIFIERS = frozenset(fold(w) for w in ("الختامي", "المشترك", "الصادر", "الرسمي"))
_ADJUNCT_STARTS = frozenset(
    fold(w) for w in ("في", "خلال", "عبر", "أمام", "على", "عقب", "أثناء", "بحسب", "حسب", "وفق")
)
# Expressive acts ("أعرب عن شكره") report no proposition: their complement is no claim of theirs.
# "رحب الاتحاد بالتقدم"، "أشاد الوزير بجهود ...": the subject still speaks for what follows
# ("، وأكد أن ..."، "مبرزا أن ...").
_EXPRESSIVE = frozenset(
    f for f in FINITE_VERBS if f.lstrip("وف").startswith(("اعرب", "رحب", "اشاد"))
)
# "واصفا القرار بـ«الخطوة الشجاعة»": the description, not a claim of the describer.
_DESCRIBING_PARTICIPLES = frozenset(
    f for f in PARTICIPLES if f.startswith(("واصف", "وواصف", "فواصف"))
)
# "مذكرا بأن ..." reports; "مذكرا بقرار مجلس الأمن" only recalls a document, no claim.
_REMINDING = frozenset(f for f in PARTICIPLES if f.lstrip("وف").startswith("مذكر"))
# "وصفت الوزيرة ليلى حداد التقرير بأنه ...": the thing described follows the describer.
_DESCRIBING = frozenset(f for f in FINITE_VERBS if "وصف" in (f[:3], f[1:4]))


def _before_described(tokens: list[Token], k: int, end: int) -> int:
    """The describer ends with its first two-word personal name; what follows is the thing
    described ("سهام البرغوثي الشاعر القاسم بأنه")."""
    words = tuple(t.text for t in tokens[k:end])
    for size in range(2, len(words)):
        if len(name_words(words[:size])) >= 2:
            return k + size
    return end


# "غير أن الباحث أشار إلى ...", "بل إن الوزير أكد ...": a particle pair before a subject
# that comes first; "لكن الوزير قال ..." with a single one.
_PARTICLE_PAIRS = frozenset(
    (fold(a), fold(b))
    for a in ("بل", "غير", "إلا", "كما", "على", "ولكن", "لكن", "حتى")
    for b in ("إن", "أن")
)
_PARTICLES = frozenset(fold(w) for w in ("لكن", "ولكن", "إلا", "بيد"))
_CONTRASTS = frozenset(fold(w) for w in ("لكن", "ولكن", "بينما", "فيما", "وفيما", "في حين"))


_NOTE_OPENINGS = (
    tuple(fold(w) for w in ("تجدر", "الإشارة", "إلى", "أن")),
    tuple(fold(w) for w in ("يشار", "إلى", "أن")),
    tuple(fold(w) for w in ("يذكر", "أن")),
    tuple(fold(w) for w in ("الجدير", "بالذكر", "أن")),
)


def _after_particle(tokens: list[Token]) -> int:
    """Where a sentence's subject may start: after an opening particle pair, or after the
    narrator's "تجدر الإشارة إلى أن" ("... أن الوزارة أكدت أنها ..."), else at 0."""
    words = tuple(t.text for t in tokens[:4])
    for opening in _NOTE_OPENINGS:
        if words[: len(opening)] == opening and len(tokens) > len(opening):
            return len(opening)
    if len(tokens) > 2 and (tokens[0].text, tokens[1].text) in _PARTICLE_PAIRS:
        return 2
    if len(tokens) > 1 and tokens[0].text in _PARTICLES:
        return 1
    return 0


# What may open a sentence before its verb: "كما ألقى ...".
_OPENERS = frozenset(fold(w) for w in ("كما", "ثم", "فيما", "بينما"))
# Words that open sentences and are not verbs: prepositions, particles, time words.
_NOT_VERB_OPENERS = frozenset(
    c + fold(w)
    for c in ("", "و")
    for w in (
        *("في", "من", "على", "إلى", "مع", "عن", "بعد", "قبل", "خلال", "إن", "أن", "لكن"),
        *("كان", "كانت", "هذا", "هذه", "ذلك", "حيث", "لا", "ما", "لم", "لن", "قد", "هو", "هي"),
    )
)

_WE_NEGATIONS = frozenset(fold(w) for w in ("لن", "لا", "لم", "سوف", "قد"))


_ACTOR_WORDS = 8
_RECENT_SOURCES = 8  # sources looked back over for one already met under an actor's name
# Verbs of meeting that begin with the letters of the article: "التقى", "التقت", "التزم".
_VERBS_LIKE_ARTICLE = frozenset(fold(w) for w in ("التقى", "التقت", "التزم", "التزمت"))


def _actor_end(tokens: list[Token], k: int) -> int:
    """Where the subject that starts with the title at ``k`` ends, before the verb's object:
    the title, its complement and adjectives ("وزير الصحة الفلسطيني"), a name ("الرئيس
    التونسي قيس سعيد"); a second title ("وزير الخارجية الفرنسي"), a further definite noun
    ("المستشفى"), an accusative ("وفدا") or a possessed noun ("نظيره") is the object."""
    j = k + 1
    named = False
    while j < min(len(tokens), k + _ACTOR_WORDS):
        word = tokens[j].text
        if word in ("،", ",") and (apposed := _apposed_name(tokens, j + 1)):
            return apposed  # "زار رئيس الوزراء، خالد العمري، المصنع": the name set off
        if not tokens[j].is_word:
            break
        if word in FUNCTION_WORDS:
            break  # "شارك الرئيس قيس سعيد في القمة": the adjunct of the act
        if (word in TITLE_WORDS or strip_prefix(word) in TITLE_WORDS) and (named or j > k + 1):
            break  # "قيس سعيد وزير الخارجية": the object; "رئيس الوزراء" is one title
        if not word.startswith("ال") and is_source_head(word) and j > k + 1:
            break  # "افتتحت وزارة الصحة مستشفى ...": an indefinite body noun is the object
        if _accusative(word) or possessed(word) or word in FINITE_VERBS:
            break
        if word.startswith("نظير"):
            break  # "استقبل الوزير نظيره الفرنسي": his counterpart, the object
        if skip_time_words(tokens, j, len(tokens)) != j:
            break  # "زار وزير الصحة المستشفى صباح اليوم": the time of the act
        definite = word.startswith("ال")
        if definite and not named and j > k + 1 and not word.endswith(("ي", "يه")):
            break  # "وزير الصحة المستشفى": a second definite noun that is no adjective
        named = named or not (definite or word.endswith("يا"))  # "محكمة كولونيا": a place
        j += 1
    return j


def _verb_before(tokens: list[Token], i: int) -> bool:
    """A reporting verb stands a few words before ``i`` (its subject between them)."""
    return any(tokens[j].text in FINITE_VERBS for j in range(max(0, i - _ACTOR_WORDS), i))


def _new_verb(tokens: list[Token], j: int) -> bool:
    """A reporting verb of a clause of its own: not a verbal noun ("عدم ذكر") and not the
    relative "أدلى به" of an occasion ("في تصريح أدلى به لوكالة ... أن ...")."""
    return tokens[j].text in FINITE_VERBS and not governed(tokens, j) and not gave_it(tokens, j)


def _accusative(word: str) -> bool:
    """An indefinite object in the accusative ("وفدا", "بيانا"), which ends the subject; a
    place name ending in "يا" ("محكمة كولونيا", "جامعة كاليفورنيا") continues it."""
    return word.endswith("ا") and len(word) >= 4 and not word.endswith("يا")


def _past_time(tokens: list[Token], k: int, limit: int) -> int:
    """After a closing attribution: "...، بحسب الوزير، اليوم الخميس." ends with a time."""
    return skip_time_words(tokens, k, limit)


def _conjoined_noun(tokens: list[Token], i: int) -> bool:
    """ "الاتحاد الأوروبي وطالب اللجوء", "الحكومة ونقل الموظفين": in a title line, و before a
    stem that is also a noun (طالب، نقل، كتب، ختم), after a word, joins two nouns."""
    word = tokens[i].text
    return i > 0 and tokens[i - 1].is_word and word[:1] in "وف" and word[1:] in AMBIGUOUS_STEMS


_DEPENDENT_ON = frozenset(fold(w) for w in ("التابع", "التابعة", "التابعين", "التابعه"))
# Words between a complementizer and a verb of the reported clause: its subject.
_CLAUSE_SUBJECT_WORDS = 7


def _inside_reported_clause(tokens: list[Token], i: int) -> bool:
    """ "أن التحليلات الأولية للخرائط تشير إلى أن ...", "إن الرئيس أبلغ الوفد بأن ...": a
    verb whose subject opens a clause reported by an earlier complementizer belongs to that
    clause, which runs on over it; it does not end the earlier quote."""
    verb = tokens[i].text
    if (verb[:1] in "وف" and verb[1:2] != "ي") or i < 2:
        return False
    for c in range(i - 1, max(-1, i - 1 - _CLAUSE_SUBJECT_WORDS), -1):
        if tokens[c].text in COMPLEMENTIZERS:
            return 0 < c < i - 1
        if not tokens[c].is_word or tokens[c].text in FINITE_VERBS:
            return False
    return False


def _apposed_name(tokens: list[Token], k: int) -> int | None:
    """After a title and a comma: the end of a personal name of one to four words closed by a
    second comma ("رئيس الوزراء، خالد العمري، ..."), if one stands there."""
    j = k
    while j < min(len(tokens), k + 4) and tokens[j].is_word:
        j += 1
    words = tuple(t.text for t in tokens[k:j])
    if j == k or j >= len(tokens) or tokens[j].text not in ("،", ","):
        return None
    if words[0].startswith("ال") or skip_time_words(tokens, k, j) != k:
        return None  # "، الذي ...", "، مساء الأحد،": no name
    if any(w in FUNCTION_WORDS or is_source_head(w) for w in words):
        return None
    # "عبد الحميد الدبيبة": a name, whatever its last word looks like
    return j if name_words(words) or name_words(words[:1]) else None


def _first_person(tokens: list[Token]) -> bool:
    """Words spoken by "we": "نحن", "سفارتنا", "لن ننقل", "لا نقبل"."""
    for k, tok in enumerate(tokens):
        word = tok.text
        if word in ("نحن", "ونحن") or (len(word) > 4 and word.endswith("نا") and word[0] != "ا"):
            return True
        if k > 0 and tokens[k - 1].text in _WE_NEGATIONS and word[:1] == "ن" and len(word) > 3:
            return True
    return False


_I_AND_WE = frozenset(fold(w) for w in ("أنا", "نحن", "إننا", "إنني", "إني"))
# What may follow a first-person verb that opens unmarked speech ("أطمح من خلال ...",
# "نلتقي اليوم ...", "نريد أن ..."), where a one-word name would be followed by إن or a comma.
_AFTER_FIRST_PERSON_NOT = frozenset(fold(w) for w in ("إن", "،", ",", ":", "(", '"', "«"))


# Endings of possessed, plural or feminine nouns (ة is folded to ه), never of "I/we" verbs.
_NOUN_ENDINGS = ("ه", "ها", "هم", "هما", "كم", "ون", "ين", "ات")


def _first_person_verb(word: str) -> bool:
    """The shape of a first-person imperfect verb ("أطمح", "نلتقي", "سنعمل") or a first-person
    pronoun: a word the frame cannot take as its subject. Folded, "أ" is "ا"; a word with the
    article, a verbal noun ("اجتماع") or a title is a noun."""
    if word in _I_AND_WE:
        return True
    if word.startswith("ال") or is_masdar(word) or is_source_head(word):
        return False
    if word.endswith(_NOUN_ENDINGS) or word in UNNAMED_HEADS:
        return False  # "نظيره", "ناشطون", "نتائج" are nouns; no "I/we" verb ends so
    if word.startswith("سن"):
        return 5 <= len(word) <= 7  # "سنعمل", "سنواصل"
    return 3 <= len(word) <= 6 and word[0] in "ان"


def _first_person_opening(tokens: list[Token], k: int, limit: int, known: set[str]) -> bool:
    """ "وقال أطمح من خلال لوحاتي ...", "وقال رئيس الجمعية، نلتقي اليوم ...": first-person
    words right after the frame, with no quotation marks, are the speaker's own words. A word
    of that shape already met in a source's name ("أحمد") is that source, not a verb."""
    if k + 1 >= limit or not tokens[k].is_word or not _first_person_verb(tokens[k].text):
        return False
    word = tokens[k].text
    if word in FUNCTION_WORDS or skip_time_words(tokens, k, k + 1) != k:
        return False  # "أعلن، أمس الأربعاء، بدء ...": a time word, not "I"
    if any(same_word(word, name) for name in known):
        return False
    following = tokens[k + 1].text
    if following in _AFTER_FIRST_PERSON_NOT or following in COMPLEMENTIZERS - {"ان"}:
        return False
    if word in _I_AND_WE or word.startswith("سن"):
        return True  # "نحن قادرون", "سنبدأ التطعيم": no name reads so
    if not tokens[k + 1].is_word:
        return False
    return following in FUNCTION_WORDS or following == "ان" or not name_words((word, following))


_WITHOUT = frozenset(fold(w) for w in ("دون", "بدون", "من دون"))
_FA_INNA = frozenset(f for f in COMPLEMENTIZERS if f.startswith("ف"))
_FA_INNA_REACH = 14

# Appeals, demands and warnings (folded stems) and the prepositions that open what is asked.
_APPEAL_STEMS = ("دعا", "دعت", "دعو", "طالب", "ناشد", "حث", "حذر")
_APPEAL_PREPS = frozenset({"الي", "علي"})
_APPEAL_REACH = 10  # tokens between the subject and the preposition: the addressee, "مجددا"
# Adjuncts set off by commas between an appeal's subject and its addressee: "في كلمة له أمام
# المشاركين ...،", "بحضور وزير الدولة ...،".
_SET_OFF_ADJUNCTS = frozenset(fold(w) for w in ("في", "خلال", "أمام", "عبر", "أثناء", "بحضور"))
_ADJUNCT_SPAN = 16


def _past_set_off_adjuncts(tokens: list[Token], k: int, limit: int) -> int:
    """After at most two adjuncts that end with a comma ("في مؤتمر صحفي ...، بحضور ...،")."""
    for _ in range(2):
        if k < limit and tokens[k].text in ("،", ","):
            k += 1
        if k >= limit or tokens[k].text not in _SET_OFF_ADJUNCTS:
            return k
        comma = next(
            (j for j in range(k + 1, min(limit, k + _ADJUNCT_SPAN)) if tokens[j].text in "،,"),
            None,
        )
        if comma is None or any(tokens[j].text in _MARKS for j in range(k, comma)):
            return k
        k = comma + 1
    return k


def _asked_with_ba(word: str) -> bool:
    """ "بالتوجه", "بعدم نشر", "بإنزال", "بمحاسبة": what is asked for, governed by ب ("بأي"
    is not)."""
    return len(word) > 3 and (
        is_ba_object(word)
        or (word.startswith(("بال", "بعدم")) and word != "بالنسبه")
        or bool(_FORM_THREE_MASDAR.match(word[1:]))
    )


def _asked_with_lam(word: str) -> bool:
    """ "للعمل", "للتحرك": a definite noun governed by ل after the addressee, what a call
    asks for."""
    return word.startswith("لل") and len(word) >= 5


# Addressees that news never makes the subject of a call: "ودعا المجتمع الدولي إلى ..." after
# a speaker is that speaker calling on the international community.
_ONLY_ADDRESSED = frozenset(
    fold(w) for w in ("المجتمع", "الدول", "الأطراف", "الجميع", "كافة", "جميع", "المواطنين")
)


# The verbal noun of form III, "مفاعلة": "محاسبة", "مشاركة", "مساعدة", "مواجهة".
_FORM_THREE_MASDAR = regex.compile(r"^م.ا..ه$")


def _denial(verb: str) -> bool:
    bare = verb[1:] if verb[:1] in "وف" and len(verb) > 3 else verb
    return bare in _DENIALS


# "تعتبر الوكالة من أكبر ..." ("is considered"): the present of اعتبر reports only a clause.
_ONLY_WITH_CONTENT = (CLAUSE_INITIAL_VERBS - FINITE_VERBS) | {
    c + v for c in ("", "و", "ف") for v in ("يعتبر", "تعتبر")
}
_DENIALS = frozenset({"نفي", "نفت", "نفوا", "تنفي", "ينفي", "ينفون"})


def _appeal_stem(verb: str) -> str | None:
    bare = verb[1:] if verb[:1] in "وف" and len(verb) > 2 else verb
    if bare[:1] in "يت" and verb in FINITE_VERBS:
        bare = bare[1:]  # the present tense: "وتحذر من ...", "يطالبون بـ..."
    participle = next((s for p, s in _APPEAL_PARTICIPLES if bare.startswith(p)), None)
    return participle or next((s for s in _APPEAL_STEMS if bare.startswith(s)), None)


def _can_appeal(speaker: Mention) -> bool:
    """A source, with no "بالـ" object inside ("طالب الأغنياء بالمساهمة" has the object
    where a subject would stand: the sentence stays the narrator's)."""
    return is_source_like(speaker.words) and not any(
        w.startswith("بال") or is_ba_object(w) for w in speaker.words
    )


# "داعيا ... إلى", "مطالبا بـ...", "محذرا من ...": the participles of the appeal verbs.
_APPEAL_PARTICIPLES = tuple(
    (fold(p), s)
    for p, s in (("داعي", "دعا"), ("مطالب", "طالب"), ("محذر", "حذر"), ("مناشد", "ناشد"))
)


# Acts, not statements: with a nominal complement the sentence stays the narrator's claim.
_PERFORMATIVE = frozenset(
    f for f in FINITE_VERBS if f.lstrip("وف").startswith(tuple(fold(s) for s in PERFORMATIVE_STEMS))
)
# "بحسب أرقام مؤسسة ..." / "وحسب معطيات المندوبية": the data come from the source after them.
_DATA_NOUNS = frozenset(
    fold(w)
    for w in (
        "أرقام",
        "معطيات",
        "بيانات",
        "إحصائيات",
        "إحصاءات",
        "تقديرات",
        "معلومات",
        "نتائج",
        "تقرير",
        "دراسة",
        "تقارير",
    )
)
_GOVERNING_PREPS = frozenset(fold(w) for w in ("إلى", "على", "عن", "من", "في", "بـ", "لـ"))
# Definite words that open a clause, not a noun phrase ("الذي", "الآن").
_CLAUSE_WORDS = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "الآن"))
_HEADLINE_NOT_SOURCE = (
    frozenset(
        fold(w) for w in ("المصدر", "المصادر", "عاجل", "فيديو", "شاهد", "بالصور", "تقرير", "ملاحظة")
    )
    | FURNITURE_WORDS
)


@dataclass(frozen=True)
class QuoteFind:
    """A quotation in folded offsets; ``speaker`` is the mention it is linked to, if any."""

    start: int
    end: int
    kind: str
    speaker: Mention | None
    confidence: float
    statement: bool = True  # a clause, not a quoted noun phrase ("«القلق العميق»")
    appeal: bool = False  # what a speaker asks for ("دعا إلى ..."): attributed, but no claim


@dataclass(frozen=True)
class ReportFind:
    """A reporting verb with a named source and a nominal complement ("أعلن الوزير بدء ...")."""

    start: int
    end: int
    speaker: Mention


class _Finder:
    """Walks the sentences in order, remembering the last source for verbs without one."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.quotes: list[QuoteFind] = []
        self.mentions: list[Mention] = []
        self.reports: list[ReportFind] = []
        self.recent: list[Mention] = []  # sources in the order they spoke
        self.used: set[int] = set()  # opening offsets of regions already quoted
        # The subject of the latest sentence that opened with another verb ("استقبل الرئيس
        # ..."): the source of a later subjectless reporting verb if no source spoke since.
        self.actor: Mention | None = None
        self.in_titles = False  # reading the title lines before the body
        # The issuer of a statement announced by "وجاء في نص بيان X ما يلي:", while its
        # lines of instructions follow.
        self.listing: Mention | None = None

    @property
    def last_speaker(self) -> Mention | None:
        return self.recent[-1] if self.recent else None

    @last_speaker.setter
    def last_speaker(self, mention: Mention | None) -> None:
        if mention is not None:
            self.recent.append(mention)

    def _agreeing_source(self, verb: str) -> Mention | None:
        """The latest source a subjectless verb agrees with: "وأضافت" after "قالت الوزارة ...
        وقال الوزير ..." goes back to the ministry."""
        gender = verb_gender(verb)
        actor = self._actor_speaking(gender)
        if actor is not None:
            return actor
        for mention in reversed(self.recent[-4:]):
            if gender is None or mention_gender(mention.words) in (gender, None):
                return mention
        return self.last_speaker

    def _actor_speaking(self, gender: str | None) -> Mention | None:
        """ "استقبل الرئيس قيس سعيد وزير الخارجية ... وأكد أن ...": with no source since, the
        subject of the sentence that opened with another verb speaks, if it agrees. A source
        already met under the same name keeps its first mention."""
        actor = self.actor
        if actor is None or (self.recent and self.recent[-1].start > actor.start):
            return None
        if gender is not None and mention_gender(actor.words) not in (gender, None):
            return None
        self.actor = None
        known = set(actor.name or (strip_prefix(actor.words[0]),))
        for mention in reversed(self.recent[-_RECENT_SOURCES:]):  # bounded: linear in text
            theirs = mention.name or (strip_prefix(mention.words[0]),)
            if any(same_word(a, b) for a in known for b in theirs):
                if len(actor.words) >= len(mention.words):
                    break  # "وعبر الاتحاد الأوروبي ... وقال": named in full again, nearest
                return mention  # "قال وزير الاقتصاد ... واستقبل الوزير ...": the same source
        self.mentions.append(actor)
        self.last_speaker = actor
        return actor

    def _opening_actor(self, tokens: list[Token]) -> Mention | None:
        """The subject of a sentence that opens with a verb other than one of saying, when it
        names a person or a title ("التقت وزيرة التخطيط هالة السعيد ...")."""
        first = 1 if tokens and tokens[0].text in _OPENERS else 0
        if first + 2 >= len(tokens):
            return None
        verb = tokens[first].text
        if len(verb) < 3 or not tokens[first].is_word or verb in _NOT_VERB_OPENERS:
            return None
        if verb in FINITE_VERBS or verb in PARTICIPLES or verb[0].isdigit():
            return None
        bare = verb[1:] if verb[0] in "وف" and len(verb) > 3 else verb
        if bare.startswith(("ال", "لل")) and bare not in _VERBS_LIKE_ARTICLE:
            return None  # "الحكومة ...": a nominal sentence, its subject is no actor
        head = tokens[first + 1].text
        if not is_source_head(head) or head in _HEADLINE_NOT_SOURCE:
            # only a title or a body names a speaker here: "استقبل الرئيس", "التقت الوزيرة",
            # "أصدرت المحكمة"
            return None
        return self._mention(tokens, first + 1, _actor_end(tokens, first + 1))

    def _statement_given(self, tokens: list[Token], end: int) -> bool:
        """ "صدر عن مكتب الوزير البيان التالي:" names the issuer of what follows; "وجاء في نص
        بيان الشرطة ما يلي:" then one instruction a line gives one appeal a line (no claim)."""
        if self.listing is not None and instruction_line(tokens):
            before = len(self.quotes)
            if self._emit_range(tokens[0].start, end, self.listing, 0.6, statement=False):
                self.quotes[before:] = [replace(q, appeal=True) for q in self.quotes[before:]]
            return True
        self.listing = None
        issuer = statement_issuer(tokens)
        if issuer is None:
            return False
        mention = self._mention(tokens, *issuer)
        self.mentions.append(mention)
        self.last_speaker = mention
        text = self.view.folded.text
        opening = end
        while opening < len(text) and text[opening] in " \n:":
            opening += 1
        region = self.view.region_at(opening)
        if region is not None and region.open not in self.used:
            self._emit_direct(region, mention, 0.7)  # the statement, quoted over paragraphs
        else:
            self.listing = mention
        return True

    def _delivering_actor(self, tokens: list[Token]) -> Mention | None:
        """ "وألقى مسعود الكردي كلمة ...", "وفي كلمة ألقاها الوزير ...،": the one who
        delivers the speech speaks in it, a bare name as well as a title."""
        first = 1 if tokens and tokens[0].text in _OPENERS else 0
        found = speech_giver(tokens, first) or opening_occasion(tokens, self.view.region_at)
        return self._mention(tokens, *found) if found is not None else None

    def _kana_actor(self, tokens: list[Token]) -> Mention | None:
        """ "وكان المدرب سامي العلي قد غادر الفريق ...": the subject between كان and قد."""
        if len(tokens) < 4 or tokens[0].text not in _KANA - _OPENERS:
            return None
        qad = next(
            (j for j in range(2, min(len(tokens), _ACTOR_WORDS)) if tokens[j].text == "قد"), None
        )
        if qad is None or not is_source_head(tokens[1].text):
            return None
        mention = self._mention(tokens, 1, qad)
        return mention if all(t.is_word for t in tokens[1:qad]) else None

    def run(self) -> None:
        headlines: list[tuple[list[Token], int]] = []
        in_titles = True  # the title lines before the body: headline, sub-headlines, dateline
        number = 0  # sentences with words: the ".." between a headline's parts is none
        for start, end in self.view.sentences:
            tokens = self.view.tokens_between(start, end)
            if not tokens:
                continue
            in_titles = in_titles and number < TITLE_LINES and len(tokens) <= TITLE_TOKENS
            self.in_titles = in_titles
            number += any(t.is_word for t in tokens)
            before = len(self.quotes)
            if in_titles:
                if self._headline(tokens, end):
                    continue
                headlines.append((tokens, end))
            if self._statement_given(tokens, end):
                continue
            actor = (
                self._delivering_actor(tokens)
                or self._opening_actor(tokens)
                or self._kana_actor(tokens)
            )
            if actor is not None:
                self.actor = actor
            self._sentence(tokens, end)
            if len(self.quotes) == before:
                self._continuation(tokens, start, end)
        for headline in headlines:
            self._headline_named_later(*headline)

    # ------------------------------------------------------------ sentence-level rules
    def _sentence(self, tokens: list[Token], end: int) -> None:
        triggers = [
            t
            for t in find_triggers(tokens)
            if not self._quoted(tokens[t.index].start)
            and not (self.in_titles and _conjoined_noun(tokens, t.index))
            and (t.kind != "prep" or self._placed_attribution(tokens, t.index))
            and not (t.kind == "prep" and self._relayed_by(tokens, t.index))
        ]
        # Only a trigger that opens content of its own ends the content before it: "أكد
        # الرئيسان التزامهما" inside a reported clause stays part of that clause.
        splits = [
            self._contrasted_subject(tokens, t.index) or t.index
            for t in triggers
            if (
                self._opens_content(tokens, t)
                or new_clause(tokens, t.index)
                or self._asks(tokens, t)
            )
            and not (t.kind == "verb" and _inside_reported_clause(tokens, t.index))
        ]
        speaker: Mention | None = None
        first_quote = len(self.quotes)
        if not triggers and self._document_says(tokens, end):
            return
        for trigger in triggers:
            offset = tokens[trigger.index].start
            if any(q.start <= offset < q.end for q in self.quotes[first_quote:]):
                continue
            limit = next((k for k in splits if k > trigger.index), len(tokens))
            boundary = clause_boundary(tokens, trigger.index, limit)
            scope_end = tokens[boundary].start if boundary < len(tokens) else end
            if trigger.kind == "verb":
                speaker = self._verb(tokens, trigger.index, limit, scope_end, speaker) or speaker
            elif trigger.kind == "participle":
                k = trigger.index + 1
                source = speaker or self._clause_subject(tokens, trigger.index) or self.last_speaker
                if source is not None and self._first_person_opening(tokens, k, limit):
                    # "...، مضيفة سنبدأ التطعيم ...": her own words, without marks
                    self._emit_range(tokens[k].start, scope_end, source, 0.7, "direct")
                    continue
                if (
                    source is not None
                    and _appeal_stem(tokens[trigger.index].text)
                    and self._appeal(tokens, trigger.index, k, limit, scope_end, source)
                ):
                    continue  # "داعيا كافة الأطراف، خاصة ...، إلى العمل على ..."
                if tokens[trigger.index].text in _DESCRIBING_PARTICIPLES:
                    if not self._emit_content(tokens, k, limit, scope_end, source, 3):
                        self._described_as(tokens, k, limit, source)
                    continue
                if (
                    not self._emit_content(tokens, k, limit, scope_end, source, 3)
                    and source
                    and tokens[trigger.index].text not in _REMINDING
                ):
                    self._report(tokens, k, limit, scope_end, source)  # "مؤكدا تبني خطة"
            elif trigger.kind == "prep":
                speaker = self._attribution(tokens, trigger.index, limit, end) or speaker
            else:
                self._tail(tokens, trigger.index, speaker)

    def _described_as(
        self, tokens: list[Token], k: int, limit: int, source: Mention | None
    ) -> None:
        """ "واصفا نفسه بـ'ابن البحر'": the quoted description is the source's wording, a
        direct quote without claim; without marks the description is the narrator's."""
        end = tokens[limit].start if limit < len(tokens) else tokens[-1].end
        for region in self.view.regions_between(tokens[k].start if k < limit else end, end):
            if region.open not in self.used:
                self._emit_direct(region, source, 0.7, statement=False)
                return

    def _asks(self, tokens: list[Token], trigger: Trigger) -> bool:
        """ "... حتى الآن داعيا المواطنين إلى ...": an appeal participle ends the statement
        before it even without a comma; what it asks for is a quote of its own."""
        i = trigger.index
        if trigger.kind != "participle" or not _appeal_stem(tokens[i].text):
            return False
        reach = tokens[i + 1 : i + 1 + _APPEAL_REACH]
        return any(t.text in _APPEAL_PREPS for t in reach)

    def _document_says(self, tokens: list[Token], end: int) -> bool:
        """ "وجاء في البيان أن ...", "وورد في التقرير: ...": a document speaks for its
        issuer, the source met last."""
        if (
            len(tokens) < 5
            or tokens[0].text not in _IT_CAME
            or tokens[1].text != "في"
            or strip_prefix(tokens[2].text) not in _DOCUMENTS
            or self.last_speaker is None
        ):
            return False
        k = 3
        if tokens[k].text in _DOCUMENT_MODIFIERS:
            k += 1  # "وجاء في البيان الختامي أن"
        return self._emit_content(tokens, k, len(tokens), end, self.last_speaker, 2)

    def _opens_content(self, tokens: list[Token], trigger: Trigger) -> bool:
        if trigger.kind in ("prep", "tail"):
            return True
        i = trigger.index
        if trigger.kind == "participle":
            return self._content_start(
                tokens, i + 1, len(tokens), 3
            ) is not None or self._first_person_opening(tokens, i + 1, len(tokens))
        after = source_phrase(tokens, i + 1, len(tokens), self.view.region_at) or i + 1
        return self._content_start(tokens, after, len(tokens), MAX_GAP) is not None

    def _names_a_medium(self, tokens: list[Token], j: int, region: QuoteRegion) -> bool:
        """ "قال لموقع "الشروق": ..." or "قال المحلل في شركة "إكسينيتي" هان تان: ...": a short
        quoted name before the real content, not the quotation."""
        if len(self.view.tokens_between(*region.content)) > 3:
            return False
        following = [t for t in tokens[j + 1 :] if t.start > region.close][:6]
        before = tokens[j - 1].text if j > 0 else ""
        governed = len(before) == 1 or (before[:1] == "ل" and before[1:] in MEDIA_WORDS)
        content_later = any(
            t.text == ":" or t.text in COMPLEMENTIZERS or self.view.region_at(t.start)
            for t in following
        )
        return governed or content_later

    def _quoted_term(self, tokens: list[Token], k: int, j: int) -> bool:
        """ "يطالبون بتسليم «داتا» الاتصالات": one or two quoted words inside a noun phrase
        (after a word, not right after the source) are a term, not the quotation."""
        region = self.view.region_at(tokens[j].start)
        if region is None or j == k or not tokens[j - 1].is_word:
            return False
        return len(self.view.tokens_between(*region.content)) <= 2

    def _relayed_by(self, tokens: list[Token], i: int) -> bool:
        """ "وأكدت الوزارة، بحسب وكالة الأنباء الرسمية، أنها ...": an attribution set between
        a reporting verb's subject and its complementizer names the medium that relayed the
        words; the verb's subject speaks."""
        if i == 0 or tokens[i - 1].text in FINITE_VERBS or not _verb_before(tokens, i):
            return False  # "حيث نقلت بحسب مصادر، بأن ...": no subject, the source speaks
        found = self._attribution_phrase(tokens, i, len(tokens))
        j = found[1] if found is not None else None
        if j is None:
            return False
        while j < len(tokens) and tokens[j].text in ("،", ","):
            j += 1
        return j < len(tokens) and tokens[j].text in COMPLEMENTIZERS

    def _placed_attribution(self, tokens: list[Token], i: int) -> bool:
        """ "بحسب X" counts at the head of a clause or at the end of a sentence; after a
        verb and its subject ("أكد شويجو وفق شبكة ...") it names the medium, not a source."""
        found = self._attribution_phrase(tokens, i, len(tokens))
        if found is None:
            return False
        at_head = i <= 1 or tokens[i - 1].text in ("،", ",")
        at_end = only_punctuation(tokens[found[1] :])
        # "حيث نقلت بحسب مصادر قضائية، بأن ...": a verb with no subject of its own, then the
        # source it reports after; the verb only relays.
        after_bare_verb = i > 0 and tokens[i - 1].text in FINITE_VERBS
        return at_head or at_end or after_bare_verb

    def _verb(
        self, tokens: list[Token], i: int, limit: int, scope_end: int, prior: Mention | None
    ) -> Mention | None:
        """The source of the verb at ``i`` and its content; ``prior`` is the source of an
        earlier verb in the sentence, which a coordinated verb without a subject shares
        ("توقع المركز ارتفاع ...، ونبه إلى احتمال ...")."""
        if prior is not None and self._coordinated_appeal(tokens, i, limit, scope_end, prior):
            return prior
        if i + 1 < limit and tokens[i + 1].text in _IN_IT and i > 1:
            # "أصدرت الوزارة بيانا أكدت فيه أن ...": the verb's subject is the issuer of the
            # statement "فيه" points back to, the subject of the sentence's first verb.
            issuer = prior or self._clause_subject(tokens, i) or self.last_speaker
            if issuer is not None:
                if not self._emit_content(tokens, i + 2, limit, scope_end, issuer, MAX_GAP):
                    self._report(tokens, i + 2, limit, scope_end, issuer)
                return issuer
        # "وكانت وزارة الداخلية أعلنت الأحد حظر التجول": the subject stands between كان and
        # the verb; what follows the verb is its object.
        first = (
            self._subject_first(tokens, i)
            or self._subject_before(tokens, i)
            or self._antecedent(tokens, i)
            or self._conjoined_subject(tokens, i)
        )
        if i > 0 and tokens[i - 1].text in BUT_PRONOUN:
            # "لكنها طالبت بـ...": the subject is a pronoun, the source of the sentence so far.
            speaker: Mention | None = None
            after = i + 1
        elif first is not None:
            speaker = first
            after = i + 1
        else:
            k = skip_time_words(tokens, i + 1, limit)  # "قال اليوم الخميس رئيس الوزراء إن"
            if (
                tokens[i].text[:1] in "وف"
                and _appeal_stem(tokens[i].text)
                and k < limit
                and tokens[k].text in _ONLY_ADDRESSED
                and (source := prior or self._agreeing_source(tokens[i].text)) is not None
                and self._appeal(tokens, i, k, limit, scope_end, source)
            ):
                return source  # "ودعا المجتمع الدولي للعمل ...": the addressee, no subject
            if self._first_person_opening(tokens, k, limit):
                # "وقال أطمح إلى ...": no subject; the source is the one speaking so far
                source = prior or self._agreeing_source(tokens[i].text)
                self._emit_range(tokens[k].start, scope_end, source, 0.7, "direct")
                return source
            phrase_end = source_phrase(tokens, k, limit, self.view.region_at)
            quoted = self._quoted_name(tokens, k, limit) if phrase_end is None else None
            if quoted is not None:
                k, phrase_end = quoted
            if phrase_end and tokens[i].text in _EXPRESSIVE:
                # "أشاد الوزير بجهود الفرق": what is praised, after ب, is no part of the source
                phrase_end = next(
                    (j for j in range(k + 1, phrase_end) if tokens[j].text[:1] == "ب"), phrase_end
                )
            if phrase_end and tokens[i].text in _DESCRIBING:
                phrase_end = _before_described(tokens, k, phrase_end)
            if delivered := delivered_by(tokens, k, limit, self.view.region_at):
                k, phrase_end = delivered  # "وأكدت كلمة ألقاها الوزير أن ...": the deliverer
            elif phrase_end and (author := figures_author(tokens, k, phrase_end)):
                k = author  # "وتشير أرقام البنك المركزي إلى أن ...": the bank speaks
            speaker = self._speaker_in(tokens, k, phrase_end) if phrase_end else None
            if speaker is not None and unissued_figures(speaker.words):
                return None  # "وتشير أحدث التقديرات إلى أن ...": the narrator's figures
            after = phrase_end or i + 1
        if speaker is None:
            speaker = self._subject_before(tokens, i)
        if speaker is None and (contrasted := self._contrasted_subject(tokens, i)):
            speaker = self._mention(tokens, contrasted, i)
        if tokens[i].text in _NAQALA and after < limit and tokens[after].text == "عن":
            inner_end = source_phrase(tokens, after + 1, limit, self.view.region_at) or limit
            if inner_end < limit and tokens[inner_end].text in _SAYING | COMPLEMENTIZERS:
                # "نقلت الوكالة عن مسؤول قوله إن ..." / "عن شهود عيان أن ...": the source is
                # the one quoted, the agency only relays.
                speaker = self._mention(tokens, after + 1, inner_end)
                after = inner_end + 1 if tokens[inner_end].text in _SAYING else inner_end
        if tokens[i].text in _NAQALA and after < limit and tokens[after].text in _FOOTAGE:
            return None  # "نقلت وسائل الإعلام مشاهد من الجلسة": pictures, not anyone's words
        if speaker is not None and self._plausible(speaker, tokens, after, limit):
            self.mentions.append(speaker)
            self.last_speaker = speaker
        elif speaker is not None:
            speaker = None
        if speaker is None and i > 1 and tokens[i - 1].text in ("ما", "مما"):
            # "احتج السكان على ما اعتبروه «...»": the words are the opening verb's subject's
            speaker = self._clause_subject(tokens, i)
        source = speaker or self._agreeing_source(tokens[i].text)
        before = len(self.quotes)
        if _denial(tokens[i].text) and after < limit and tokens[after].text in _MARKS:
            # "الصحة تنفي «تصريح مفبرك» منسوب ...": a quoted word in the denied noun phrase
            # is nobody's quote; the phrase is the denier's claim.
            found = False
        elif (
            speaker is not None
            and _appeal_stem(tokens[i].text)
            and _can_appeal(speaker)
            and self._asks_before_content(tokens, after, limit)
            and self._appeal(tokens, i, after, limit, scope_end, speaker)
        ):
            # "دعا السودانيين إلى حل خلافاتهما ... الذي سبق أن حدده": what is asked comes
            # first; a complementizer further on belongs to it.
            return speaker
        elif (
            speaker is not None
            and after + 1 < limit
            and tokens[after].text in ("،", ",")
            and self._first_person_opening(tokens, after + 1, limit)
        ):
            # "وقال رئيس الجمعية، نلتقي اليوم ...": his own words after the comma
            found = self._emit_range(tokens[after + 1].start, scope_end, source, 0.7, "direct")
        else:
            found = self._emit_content(tokens, after, limit, scope_end, source, MAX_GAP)
        if found and _appeal_stem(tokens[i].text):
            # "دعا ... إلى «...»": what is asked for, quoted or not, is no statement.
            self.quotes[before:] = [
                replace(q, start=self._after_ba(q), statement=False, appeal=True)
                for q in self.quotes[before:]
            ]
        pronoun = i > 0 and tokens[i - 1].text in BUT_PRONOUN
        if not found and tokens[i].text in _ONLY_WITH_CONTENT:
            self._forget(speaker)  # "وبين الطرفين خلاف": a preposition, no report
            return None
        if not found and speaker is not None and first is None:
            found = self._quote_before(tokens, i, speaker)
        if (
            not found
            and speaker is not None
            and _can_appeal(speaker)
            and self._appeal(tokens, i, after, limit, scope_end, speaker)
        ):
            return speaker
        if (
            not found
            and speaker is None
            and prior is None
            and after == i + 1
            and tokens[i].text[:1] in "وف"
            and source is not None
            and self._appeal(tokens, i, after, limit, scope_end, source)
        ):
            # "وحذرت من ..." opening a sentence: the subject is the source speaking so far
            # (coordinated in one sentence, "...، وحذر من ...", it reports the same claim).
            return None
        if not found and self._performative(tokens, i, after, limit):
            self._forget(speaker)  # "أقر المجلس الخطة": an act, told by the narrator
            return None
        coordinated = prior if speaker is None and tokens[i].text[:1] == "و" else None
        reporter = speaker or (source if pronoun else coordinated)
        if not found and reporter is not None and tokens[i].text not in _EXPRESSIVE:
            self._report(tokens, after, limit, scope_end, reporter)
        return speaker if speaker else (source if found else None)

    def _coordinated_appeal(
        self, tokens: list[Token], i: int, limit: int, scope_end: int, prior: Mention
    ) -> bool:
        """ "قال النائب إن ...، وطالب بمحاسبة ...", "...، ودعت المجتمع الدولي إلى ...": an
        appeal coordinated after the speaker's statement has that speaker as its subject;
        what follows the verb is the addressee or what is asked for, not a new source."""
        if tokens[i].text[:1] != "و" or not _appeal_stem(tokens[i].text) or i + 1 >= limit:
            return False
        following = tokens[i + 1].text
        if not (following in _APPEAL_PREPS or _asked_with_ba(following) or is_addressee(following)):
            return False
        return self._appeal(tokens, i, i + 1, limit, scope_end, prior)

    def _first_person_opening(self, tokens: list[Token], k: int, limit: int) -> bool:
        known = {w for m in self.mentions[-_RECENT_SOURCES:] for w in m.name}
        return _first_person_opening(tokens, k, limit, known)

    def _quoted_name(self, tokens: list[Token], k: int, limit: int) -> tuple[int, int] | None:
        """ "وقال "سامر"، إن ...", "وأوضحت «الوكالة» أن ...": a name in quotation marks
        as the subject, then the content. The source is the name without its marks; the
        tokens after the closing mark are where the content is looked for."""
        if k + 2 >= limit or tokens[k].text not in _MARKS:
            return None
        region = self.view.region_at(tokens[k].start)
        if region is None:
            return None
        close = next(
            (j for j in range(k + 1, min(limit, k + 5)) if tokens[j].start == region.close), None
        )
        if close is None or close == k + 1 or not all(t.is_word for t in tokens[k + 1 : close]):
            return None
        rest = close + 1
        if rest < limit and tokens[rest].text in ("،", ","):
            rest += 1
        if rest < limit and tokens[rest].text in COMPLEMENTIZERS | {":"}:
            return k + 1, close
        words = tuple(t.text for t in tokens[k + 1 : close])
        if (
            rest < limit
            and tokens[rest].text in _SET_OFF_ADJUNCTS | {"الي"}
            and len(words) <= 3
            and (
                name_words(words) == words
                or self._known_source(self._mention(tokens, k + 1, close))
            )
            and self._content_start(tokens, rest, limit, MAX_GAP) is not None
        ):
            return k + 1, close  # "وذكر "البزم" في تصريح صحفي اليوم أنه ...", "وأشار "X" إلى أن"
        return None

    def _after_ba(self, quote: QuoteFind) -> int:
        """ "طالب بإنزال أشد العقوبات": the ب that governs what is asked stays outside."""
        first = self.view.tokens_between(quote.start, quote.end)[:1]
        if quote.kind != "direct" and first and _asked_with_ba(first[0].text):
            return quote.start + 1
        return quote.start

    def _asks_before_content(self, tokens: list[Token], after: int, limit: int) -> bool:
        """An appeal's "إلى/على" comes before any complementizer, colon or quotation mark."""
        content = self._content_start(tokens, after, limit, MAX_GAP)
        first = content[0] if content else limit
        return any(tokens[j].text in _APPEAL_PREPS for j in range(after, min(first, limit)))

    def _appeal(
        self,
        tokens: list[Token],
        i: int,
        after: int,
        limit: int,
        scope_end: int,
        speaker: Mention,
    ) -> bool:
        """ "دعا X إلى ..."، "طالب X بـ..."، "حث X على ..."، "حذر من ...": what is asked for
        is an indirect QUOTE of the speaker (the addressee and the preposition outside). An
        appeal has no truth value: it is no statement, so no CLAIM. The caller checked that
        the subject is a source and holds no "بالـ" object ("طالب الأغنياء بالمساهمة" has
        the object where a subject would stand: the sentence stays the narrator's)."""
        stem = _appeal_stem(tokens[i].text)
        if stem is None:
            return False
        after = _past_set_off_adjuncts(tokens, after, limit)
        for j in range(after, min(limit, after + _APPEAL_REACH)):
            text = tokens[j].text
            if text in (".", "؟", "!") or (text in FINITE_VERBS and j > after):
                return False
            if text in _APPEAL_PREPS or (text == "من" and stem == "حذر"):
                if j + 1 >= limit:
                    return False
                start = tokens[j + 1].start
            elif stem != "حذر" and _asked_with_ba(text):
                start = tokens[j].start + 1  # "بالتوجه", "بعدم نشر": ب outside
            elif stem in ("دعا", "دعت", "دعو") and j > after and _asked_with_lam(text):
                start = tokens[j].start + 1  # "دعا المجتمع الدولي للعمل ...": ل outside
            elif (
                stem == "ناشد"
                and j > after
                and is_addressee(tokens[j - 1].text)
                and is_masdar(strip_prefix(text))
            ):
                start = tokens[j].start  # "ناشد المحافظ المواطنين ترشيد ...": no preposition
            else:
                continue
            before = len(self.quotes)
            if not self._emit_range(start, scope_end, speaker, 0.7, statement=False):
                return False
            self.quotes[before:] = [replace(q, appeal=True) for q in self.quotes[before:]]
            return True
        return False

    def _performative(self, tokens: list[Token], i: int, after: int, limit: int) -> bool:
        """An act rather than a report; "أقر بوجود تقصير" (admitted) still reports, "أقر
        الخطة" (approved) does not."""
        verb = tokens[i].text
        if verb not in _PERFORMATIVE:
            return False
        if verb.lstrip("وف").startswith("اقر") and after < limit:
            return not is_ba_object(tokens[after].text)
        return True

    def _forget(self, speaker: Mention | None) -> None:
        """Take back a subject just registered as a source: its verb reported nothing."""
        if speaker is not None and self.mentions and self.mentions[-1] is speaker:
            self.mentions.pop()
            if self.recent and self.recent[-1] is speaker:
                self.recent.pop()

    def _plausible(self, speaker: Mention, tokens: list[Token], after: int, limit: int) -> bool:
        """A source phrase, or any definite subject when reported content follows the verb
        ("وذكرت الخلية في بيان أن ...")."""
        if is_source_like(speaker.words):
            return True
        has_content = self._content_start(tokens, after, limit, MAX_GAP) is not None
        # "وأردف الكردي قائلا: ...": the participle right after the subject opens the words
        saying_next = after < len(tokens) and tokens[after].text in _SAYING_NEXT
        return (has_content or saying_next) and is_subject_like(speaker.words)

    def _quote_before(self, tokens: list[Token], i: int, speaker: Mention) -> bool:
        """ "«لن نقبل بأي حل»، قال الرئيس": the quotation comes first, the verb after it."""
        k = i - 1
        while k >= 0 and tokens[k].text in ("،", ",", "و", "هكذا", "وهكذا"):
            k -= 1
        if k < 0 or tokens[k].text not in _MARKS:
            return False
        region = next((r for r in self.view.regions if r.close == tokens[k].start), None)
        if region is None or region.open in self.used:
            return False
        self._emit_direct(region, speaker, 0.8)
        return True

    def _clause_subject(self, tokens: list[Token], i: int) -> Mention | None:
        """ "وتوجه الرئيس إلى المشاركين قائلا: ...", "كما ألقى الشاعر ...، واصفا ...": a
        participle whose sentence opens with another verb speaks for that verb's subject,
        when it names a source (a title or a person)."""
        first = 1 if tokens[0].text in _OPENERS else 0
        giver = speech_giver(tokens, first)
        if giver is not None and giver[1] < i:
            mention = self._mention(tokens, *giver)  # "ووجه الرئيس رسالة ... بالقول: ..."
            self.mentions.append(mention)
            self.last_speaker = mention
            return mention
        opened = verb_after_occasion(tokens, i)
        if opened is not None:
            first = opened  # "وفي تصريح لقناة ... دحض الخبير ...، مذكرا بأن ..."
        verb = tokens[first].text if first < i else ""
        if len(verb) < 3 or not tokens[first].is_word or verb in _NOT_VERB_OPENERS:
            return None
        if strip_prefix(verb) != verb or verb in FINITE_VERBS:
            return None  # a definite word opens a nominal sentence; a reporting verb was seen
        end = source_phrase(tokens, first + 1, i, self.view.region_at)
        if end is None:
            return None
        mention = self._mention(tokens, first + 1, end)
        if not (mention.name or is_source_head(mention.words[0])):
            return None
        self.mentions.append(mention)
        self.last_speaker = mention
        return mention

    def _subject_first(self, tokens: list[Token], i: int) -> Mention | None:
        """ "قيادة وحدات حفظ السلام تؤكد ...": a source phrase opens the sentence, then the verb."""
        verb = tokens[i].text
        first = _after_particle(tokens)
        if (
            not first < i <= first + 8
            or tokens[0].text in _KANA
            or (verb[0] in "وف" and (verb[1:] in FINITE_VERBS or verb[1:] in AMBIGUOUS_STEMS))
        ):
            return None  # "وأكدت" opens a clause of its own: what precedes is another one
        if tokens[first].text in _MARKS and tokens[i - 1].text in _MARKS and i - first > 2:
            # "«الوكالة» تكشف تفاصيل ...": a quoted name opens the sentence; the marks are out
            region = self.view.region_at(tokens[first].start)
            if region is None or region.close != tokens[i - 1].start:
                return None
            mention = self._mention(tokens, first + 1, i - 1)
            return mention if all(t.is_word for t in tokens[first + 1 : i - 1]) else None
        if source_phrase(tokens, first, i, self.view.region_at) != i:
            return None
        mention = self._mention(tokens, first, i)
        return mention if is_source_like(mention.words) else None

    def _speaker_in(self, tokens: list[Token], k: int, end: int) -> Mention | None:
        """The source phrase itself, or for a document ("بيان صادر عن الكرملين") its issuer;
        a document with no issuer named ("البيان") leaves the source to the context."""
        if strip_prefix(tokens[k].text) not in _DOCUMENTS:
            return self._mention(tokens, k, end)
        issuer = next((j for j in range(k + 1, end - 1) if tokens[j].text == "عن"), None)
        if issuer is not None:
            return self._mention(tokens, issuer + 1, end)
        if k + 1 < end and tokens[k + 1].is_word:
            # "بيان الصحة", "بيان لوزارة الصحة": the issuer is named in the phrase, without ل.
            following = tokens[k + 1].text
            if following.startswith("ل") and not following.startswith("لل") and len(following) > 3:
                self._strip_lam(tokens, k + 1)
                return self._mention(tokens, k + 1, end)
            if following.startswith("ال") or following.startswith("لل"):
                if following.startswith("لل"):
                    self._strip_lam(tokens, k + 1)
                return self._mention(tokens, k + 1, end)
        return None

    def _report(
        self, tokens: list[Token], k: int, limit: int, scope_end: int, speaker: Mention
    ) -> None:
        """A reporting verb with a nominal complement: the complement is the speaker's claim."""
        # "تنفي «تصريح مفبرك» منسوب ...": a denied complement may open with a quoted word.
        if not (k < limit and tokens[k].text in _MARKS and _denial(tokens[k - 1].text)):
            k = skip_adjuncts(
                tokens, complement_start(tokens, skip_adjuncts(tokens, k, limit), limit), limit
            )
        if limit - k < 2 or self._quoted(tokens[k].start):
            return
        first = tokens[k].start + (1 if is_ba_object(tokens[k].text) else 0)  # "بوجود": ب outside
        start, end = trimmed(self.view.folded.text, first, scope_end)
        if end > start:
            self.reports.append(ReportFind(start, end, speaker))

    def _contrasted_subject(self, tokens: list[Token], i: int) -> int | None:
        """ "...، لكن المعارضة تقول إن ...", "...، بينما الخبراء يؤكدون أن ...": a subject put
        first after a contrasting connector; where it starts, for a verb at ``i`` that reports
        content."""
        for c in range(i - 1, max(0, i - 8), -1):
            if tokens[c].text in _CONTRASTS and c > 0 and tokens[c - 1].text in ("،", ","):
                start = c + 1
                if start < i and source_phrase(tokens, start, i, self.view.region_at) == i:
                    words = tuple(t.text for t in tokens[start:i])
                    return start if is_source_like(words) or is_subject_like(words) else None
                return None
            if not tokens[c].is_word:
                return None
        return None

    def _subject_before(self, tokens: list[Token], i: int) -> Mention | None:
        """ "وكان رئيس الوزراء قد أكد أن": the subject sits between كان and the verb."""
        end = i - 1 if i > 0 and tokens[i - 1].text == "قد" else i
        while end > 0 and tokens[end - 1].text in ("،", ","):
            end -= 1  # "وكان رئيس كازاخستان، قاسم جومارت توكاييف، أعلن"
        for k in range(end - 1, max(-1, end - 12), -1):
            if tokens[k].text in _KANA:
                phrase_end = source_phrase(tokens, k + 1, end, self.view.region_at)
                if phrase_end == end:
                    return self._mention(tokens, k + 1, end)
                return None
        return None

    def _conjoined_subject(self, tokens: list[Token], i: int) -> Mention | None:
        """ "مقتل خمسة في انفجار والشرطة تؤكد أن ...": a second clause joined by و that puts
        its subject (a definite title or body) before its verb."""
        if tokens[i].text[:1] in "وف":
            return None
        for k in range(i - 1, max(0, i - _ACTOR_WORDS), -1):
            if not tokens[k].is_word:
                return None
            word = tokens[k].text
            if word[:1] != "و" or not word[1:].startswith("ال") or not is_source_head(word[1:]):
                continue
            bare = Token(tokens[k].start + 1, tokens[k].end, word[1:])
            phrase = [bare, *tokens[k + 1 : i]]
            if source_phrase(phrase, 0, len(phrase), self.view.region_at) != len(phrase):
                return None
            tokens[k] = bare
            return self._mention(tokens, k, i)
        return None

    def _antecedent(self, tokens: list[Token], i: int) -> Mention | None:
        """ "... لمجلس السلم التابع للاتحاد الإفريقي والذي دعا السودانيين إلى ...": the verb of
        a relative clause has the noun phrase before the relative as its subject; it starts
        at the first title or body word after the last particle or punctuation before it."""
        if i < 2 or tokens[i - 1].text.removeprefix("و") not in RELATIVES:
            return None
        end = i - 1
        start = None
        for k in range(end - 1, max(-1, end - 1 - _ACTOR_WORDS), -1):
            word = tokens[k].text
            if not tokens[k].is_word or word in FUNCTION_WORDS:
                break
            if is_source_head(word):
                start = k  # "المنظمة الدولية التي ...", and on to "مجلس الأمن"
                continue
            if word[:1] not in "لب" or len(word) <= 3:
                continue
            if k > 0 and tokens[k - 1].text in _DEPENDENT_ON:
                continue  # "التابع للاتحاد الإفريقي": the body it belongs to
            if is_source_head(word[1:]):
                start = k  # "اجتماع لمجلس السلم ... والذي": the ل stays outside
            break  # "أشاد الوزير بدور المنظمة التي ...": the phrase starts after بدور
        if start is None:
            return None
        word = tokens[start].text
        if not is_source_head(word):
            tokens[start] = Token(tokens[start].start + 1, tokens[start].end, word[1:])
        return self._mention(tokens, start, end)

    def _quoted(self, offset: int) -> bool:
        """Inside quoted speech a reporting verb reports the quoted speaker's words, not ours."""
        return self.view.quoted(offset)

    def _attribution_phrase(
        self, tokens: list[Token], i: int, limit: int
    ) -> tuple[Mention, int] | None:
        """The source named after "بحسب"/"وفقا لـ" and where it ends, if it is a source."""
        k = i + 1
        if k < limit and tokens[i].text.endswith(("وفق", "وفقا", "طبقا")):
            k = self._strip_lam(tokens, k)
        if tokens[i].text.endswith("نقلا") and k < limit and tokens[k].text == "عن":
            k += 1
        if (
            k + 1 < limit
            and tokens[k].text == "ما"
            and (tokens[k + 1].text in FINITE_VERBS or reports_with_object(tokens[k + 1].text))
        ):
            k += 1  # "وفق ما أعلنت الوزارة", "وفق ما أوردته الصحيفة": the verb's subject
        relay = False
        if k + 1 < limit and (
            tokens[k].text in FINITE_VERBS or reports_with_object(tokens[k].text)
        ):
            relay = tokens[k].text.lstrip("وف").startswith("نقل")
            k += 1  # "حسبما أفاد المرصد"
            if k + 1 < limit and tokens[k].text in ("به", "بها", "عنه", "عنها"):
                k += 1  # "بحسب ما أفادت به الوزارة", "وفق ما أعلن عنه الوزير"
        if k + 1 < limit and tokens[k].text in _DATA_NOUNS:
            k += 1  # "بحسب أرقام الوزارة": figures are not a source, their publisher is
        phrase_end = source_phrase(tokens, k, limit, self.view.region_at)
        if phrase_end is None:
            return None
        phrase_end = self._known_prefix(tokens, k, phrase_end)
        phrase_end = closing_modifier(tokens, phrase_end, limit)
        if relay and phrase_end + 1 < limit and tokens[phrase_end].text == "عن":
            # "حسبما نقلت وكالة رويترز عن مسؤول أمني": the agency relays, the official speaks.
            inner_end = source_phrase(tokens, phrase_end + 1, limit, self.view.region_at)
            if inner_end is not None:
                k, phrase_end = phrase_end + 1, closing_modifier(tokens, inner_end, limit)
        speaker = self._speaker_in(tokens, k, phrase_end)
        if speaker is None or not self._known_source(speaker):
            return None
        return speaker, phrase_end

    def _known_prefix(self, tokens: list[Token], k: int, end: int) -> int:
        """ "وحسب فولودين سيتضح ...": a phrase that starts with a known name ends with it."""
        for mention in reversed(self.mentions):
            size = len(mention.words)
            words = [t.text for t in tokens[k : k + size]]
            if (
                size < end - k
                and len(words) == size
                and all(same_word(a, b) for a, b in zip(words, mention.words, strict=True))
            ):
                return k + size
        for mention in reversed(self.mentions):
            if mention.name and same_word(tokens[k].text, mention.name[-1]) and end - k > 1:
                return k + 1
        return end

    def _attribution(self, tokens: list[Token], i: int, limit: int, end: int) -> Mention | None:
        """ "بحسب وزارة الصحة، ..." opens a statement; "...، بحسب الوزارة." closes one."""
        found = self._attribution_phrase(tokens, i, limit)
        if found is None:
            return None
        speaker, phrase_end = found
        self.mentions.append(speaker)
        rest = phrase_end
        if rest < limit and tokens[rest].text in ("،", ","):
            rest += 1
        opened = rest < limit and tokens[rest].text in COMPLEMENTIZERS
        if opened:
            rest += 1  # "بحسب المرصد، فإن الغارات ...", "حيث نقلت بحسب مصادر، بأن ..."
        elif i <= 1:
            # "وبحسب عضو في الوفد طلب عدم ذكر اسمه فإن ...", "وبحسب أحد المشاركين، والذي
            # كان ...، فإن ...": what stands before "فإن" still describes the source.
            rest = next(
                (
                    j + 1
                    for j in range(rest, min(limit, rest + _FA_INNA_REACH))
                    if tokens[j].text in _FA_INNA
                ),
                rest,
            )
        if (i <= 1 or opened) and rest < limit:
            scope_end = tokens[limit].start if limit < len(tokens) else end
            # "وحسب مصدر مطلع، فقد كانت ...": the attached ف is outside, the quote starts at قد.
            first = tokens[rest].start + conjunction_length(tokens[rest].text)
            self._emit_range(first, scope_end, speaker, 0.7)
        elif (
            i > 2
            and only_punctuation(tokens[_past_time(tokens, rest, limit) : limit])
            and not self._has_quote_in(tokens[0].start, end)
        ):
            first = tokens[0].start + conjunction_length(tokens[0].text)
            cut = i - 2 if as_put_by(tokens, i) else i  # "على حد قول X" stays outside
            self._emit_range(first, tokens[cut].start, speaker, 0.65)
        self.last_speaker = speaker
        return speaker

    def _strip_lam(self, tokens: list[Token], k: int) -> int:
        """ "وفقا لوزارة": the source starts inside the word after ل (or لل for الـ)."""
        tok = tokens[k]
        if tok.text.startswith("ل") and len(tok.text) > 2:
            cut = 2 if tok.text.startswith("لل") else 1
            tokens[k] = Token(tok.start + cut, tok.end, tok.text[cut:])
        return k

    def _known_source(self, mention: Mention) -> bool:
        """After "بحسب": a title, body or agency, an unnamed source ("أحد المشاركين"), or a
        name already met as a source; a bare unknown word ("بحسب تقديرات") is not a name."""
        head = strip_prefix(mention.words[0])
        if mention.words[0] in UNNAMED_HEADS and len(mention.words) > 1:
            return True
        if mention.words[0] in SOURCE_HEADS or head in SOURCE_HEADS:
            return True
        if is_source_head(mention.words[0]) or " ".join(mention.words[:2]) in SOURCE_HEADS:
            return True
        return any(same_word(w, n) for w in mention.words for m in self.mentions for n in m.name)

    def _tail(self, tokens: list[Token], i: int, speaker: Mention | None) -> None:
        """ "... «جهود قيادة هذا البلد» وفق تعبيرها": earlier quoted words get a source."""
        source = speaker or self.last_speaker
        for region in self.view.regions_between(tokens[0].start, tokens[i].start):
            if region.open not in self.used:
                self._emit_direct(region, source, 0.7, statement=False)

    def _headline(self, tokens: list[Token], end: int) -> bool:
        """ "توكاييف: قوات حفظ السلام أنهت مهمتها" - a title line "source: statement"."""
        colon = self._headline_colon(tokens)
        if colon is None:
            return False
        speaker = self._mention(tokens, 0, colon)
        if not is_source_like(speaker.words) and not (
            len(speaker.words) <= 2 and _first_person(tokens[colon + 1 :])
        ):
            # "سوريا: مقتل 10 في غارة" - a topic, not a source; "بريطانيا: لن ننقل سفارتنا"
            # speaks in the first person: the country's government is the source.
            return False
        self.mentions.append(speaker)
        self.last_speaker = speaker
        self._emit_range(tokens[colon + 1].start, end, speaker, 0.55)
        return True

    def _headline_named_later(self, tokens: list[Token], end: int) -> None:
        """ "الأرصاد الجوية: موجة حر ...": a body not known by its words is a source when the
        article later quotes a source whose name contains the headline's words ("المديرية
        العامة للأرصاد الجوية"); a topic ("الأزمة السورية: ...") never speaks in the body."""
        colon = self._headline_colon(tokens)
        if colon is None or any(q.start < end and tokens[0].start < q.end for q in self.quotes):
            return
        words = [strip_prefix(t.text) for t in tokens[:colon]]
        size = len(words)
        for mention in self.mentions:
            bare = [strip_prefix(w) for w in mention.words]
            if any(bare[k : k + size] == words for k in range(len(bare) - size + 1)):
                speaker = self._mention(tokens, 0, colon)
                self.mentions.insert(0, speaker)
                self._emit_range(tokens[colon + 1].start, end, speaker, 0.5)
                return

    def _headline_colon(self, tokens: list[Token]) -> int | None:
        """The colon of a "source: statement" title line, if the words before it can name one."""
        colon = next((k for k, t in enumerate(tokens[:6]) if t.text == ":"), None)
        if colon is None or colon == 0 or len(tokens) - colon < 4:
            return None
        words = tokens[:colon]
        if not all(t.is_word for t in words) or words[0].text in _HEADLINE_NOT_SOURCE:
            return None
        if any(t.text in FINITE_VERBS or t.text in _FRAME_WORDS for t in words):
            return None  # "واستهل الرئيس خطابه بالقول: ...": a reporting frame, not a source
        return colon

    def _continuation(self, tokens: list[Token], start: int, end: int) -> None:
        """A sentence that is one long quotation right after a quoted one: same source."""
        if not self.quotes or self.last_speaker is None:
            return
        for region in self.view.regions_between(start - 1, end + 1):
            words = len(self.view.tokens_between(*region.content))
            covered = (region.close - region.open) / max(1, end - start)
            if region.open not in self.used and words >= 5 and covered >= 0.7:
                self._emit_direct(region, self.last_speaker, 0.5)

    # ------------------------------------------------------------ content
    def _emit_content(
        self,
        tokens: list[Token],
        k: int,
        limit: int,
        scope_end: int,
        speaker: Mention | None,
        gap: int,
    ) -> bool:
        """Find where reported content starts after position ``k`` and emit it."""
        found = self._content_start(tokens, k, limit, gap)
        if found is None:
            return False
        j, kind, confidence = found
        return self._emit_range(tokens[j].start, scope_end, speaker, confidence, kind)

    def _content_start(
        self, tokens: list[Token], k: int, limit: int, gap: int
    ) -> tuple[int, str, float] | None:
        """Where content begins: after a colon or complementizer, or at an opening quote."""
        # An opening quotation mark may come after a long occasion ("في مستهل الحفل، الذي
        # نظمته البلدية ...، لهذه المناسبة، '...'"): marks are looked for further than words.
        reach = gap + QUOTE_MARK_REACH if gap >= MAX_GAP else gap
        if gap >= MAX_GAP and k < limit and tokens[k].text in _ADJUNCT_STARTS:
            # "أكدت بن علية في تصريح لمراسلة ... اليوم ... على هامش إشرافها على ... أنه":
            # an occasion told at length; its complementizer is looked for further too.
            gap = reach
        for j in range(k, min(limit, k + reach)):
            text = tokens[j].text
            if j >= k + gap and not (text in _MARKS and self._set_off_quotation(tokens, j)):
                if _new_verb(tokens, j) or text in (".", "؟", "!"):
                    return None
                continue
            if text == ":" and j + 1 < limit:
                first = j + 2 if tokens[j + 1].text in COMPLEMENTIZERS and j + 2 < limit else j + 1
                return first, "direct", 0.8
            if text in COMPLEMENTIZERS and j + 1 < limit:
                return j + 1, "indirect", 0.75
            region = self.view.region_at(tokens[j].start) if text in _MARKS else None
            if region is not None:
                if self._names_a_medium(tokens, j, region) or self._quoted_term(tokens, k, j):
                    continue
                return j, "indirect", 0.8
            if _new_verb(tokens, j) or text in (".", "؟", "!"):
                return None
        return None

    def _set_off_quotation(self, tokens: list[Token], j: int) -> bool:
        """A quotation set off by a comma after the occasion, several words long; a quoted
        name governed by a preposition ("لـ "منظمة ..."") is part of the sentence."""
        region = self.view.region_at(tokens[j].start)
        if region is None or j == 0 or tokens[j - 1].text not in ("،", ",", ":"):
            return False
        return len(self.view.tokens_between(*region.content)) >= 4

    def _emit_range(
        self,
        start: int,
        end: int,
        speaker: Mention | None,
        confidence: float,
        kind: str = "indirect",
        statement: bool = True,
    ) -> bool:
        start, end = trimmed(self.view.folded.text, start, end)
        if end - start < 3:
            return False
        if kind == "indirect":
            end = self._before_consequence(start, end)
        regions = [r for r in self.view.regions_between(start, end + 1) if r.open not in self.used]
        if (
            regions
            and regions[0].open == start
            and (self._relative_after(regions[0]) or self._narrative_after(regions[0]))
        ):
            # "كشف عن «إجراء استعدادات أمنية» التي ستنعقد ...": the quoted phrase is the
            # quote; the relative clause after it is the narrator's.
            self._emit_direct(regions[0], speaker, confidence + 0.05, statement)
            return True
        if regions and regions[0].open == start and self._unquoted_words(start, end, regions) < 3:
            for region in regions:
                if len(self.view.tokens_between(*region.content)) >= 2 or region is regions[0]:
                    self._emit_direct(region, speaker, confidence + 0.05, statement)
            return True
        if regions:
            kind = "mixed"
            self.used.update(r.open for r in regions)
        if speaker is None:
            confidence -= 0.2
        self.quotes.append(QuoteFind(start, end, kind, speaker, round(confidence, 2), statement))
        return True

    def _narrative_after(self, region: QuoteRegion) -> bool:
        """ "وأضاف «...» و يشمل البرنامج ...": after the closing mark a clause joined by و
        goes on with the narrator's account; the quotation ends at its mark."""
        following = self.view.tokens_between(region.close + 1, region.close + 40)[:2]
        if len(following) < 2 or not following[1].is_word:
            return False
        first = following[0].text
        return first == "و" or (first[:1] == "و" and conjunction_length(first) == 1)

    def _before_consequence(self, start: int, end: int) -> int:
        """ "أنه قدم استقالته، مما جعل الاتحاد ...": the consequence is the narrator's."""
        tokens = self.view.tokens_between(start, end)
        for k in range(1, len(tokens) - 2):
            if tokens[k].text not in ("،", ","):
                continue
            if tokens[k + 1].text == "مما":
                return tokens[k].start
            if tokens[k + 1].text in _WITHOUT and tokens[k + 2].text in ("ان", "أن"):
                return tokens[k].start  # "...، بدون أن يوضح فحوى ...": the narrator's remark
        return end

    def _relative_after(self, region: QuoteRegion) -> bool:
        after = self.view.tokens_between(region.close + 1, region.close + 24)[:1]
        return bool(after) and after[0].text in RELATIVES

    def _unquoted_words(self, start: int, end: int, regions: list[QuoteRegion]) -> int:
        """Words of [start, end) outside the quotation marks: "إن "الوضع صعب" لكن الحكومة
        ستتحرك" quotes a fragment inside a reported clause (mixed), not a whole statement."""
        outside = [
            t
            for t in self.view.tokens_between(start, end)
            if t.is_word and not any(r.open < t.start < r.close for r in regions)
        ]
        if outside and outside[0].text in _ADJUNCT_STARTS:
            return 0  # "«...» في تصريح مقتضب": an adjunct of the verb, not reported words
        return len(outside)

    def _emit_direct(
        self,
        region: QuoteRegion,
        speaker: Mention | None,
        confidence: float,
        statement: bool = True,
    ) -> None:
        start, end = region.content
        text = self.view.folded.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        self.used.add(region.open)
        words = len(self.view.tokens_between(start, end))
        if (
            words < 5
            and text[start : start + 1] in ("ب", "ل")
            and text[start + 1 : start + 3] == "ال"
        ):
            start += 1  # "ما وصفه "بالتهديد الإرهابي"": the governing preposition is not quoted
        if end > start:
            confidence -= 0.2 if speaker is None else 0
            fragment = (self._tail_follows(region) and words < 8) or self._governed_phrase(
                region, start
            )
            statement = statement and words >= 3 and not fragment
            quote = QuoteFind(start, end, "direct", speaker, round(confidence, 2), statement)
            self.quotes.append(quote)

    def _governed_phrase(self, region: QuoteRegion, start: int) -> bool:
        """ "دعا إلى "الالتزام بالمواعيد"": a quoted definite noun phrase governed by a
        preposition is the object of the frame, a quoted phrase, not a statement."""
        before = self.view.tokens_between(max(0, region.open - 12), region.open)
        if not before or before[-1].text not in _GOVERNING_PREPS:
            return False
        first = self.view.tokens_between(start, region.close)[:1]
        return bool(first) and first[0].text.startswith("ال") and first[0].text not in _CLAUSE_WORDS

    def _tail_follows(self, region: QuoteRegion) -> bool:
        """ "«جهود قيادة هذا البلد» وفق تعبيرها" quotes the speaker's wording, not a statement."""
        after = self.view.tokens_between(region.close + 1, region.close + 40)[:3]
        return any(is_tail(after, k) for k in range(min(2, len(after))))

    def _has_quote_in(self, start: int, end: int) -> bool:
        return any(start <= q.start < end for q in self.quotes)

    def _mention(self, tokens: list[Token], start: int, end: int) -> Mention:
        words = tuple(t.text for t in tokens[start:end] if t.is_word)
        return Mention(tokens[start].start, tokens[end - 1].end, words)


@dataclass(frozen=True)
class Attribution:
    """What the attribution rules found in one document."""

    quotes: list[QuoteFind]
    reports: list[ReportFind]
    mentions: list[Mention]  # every source mention met, for grouping into sources


def find_attributions(view: DocumentView) -> Attribution:
    """Quotations (in text order) with their speaking mentions, and nominal reports."""
    finder = _Finder(view)
    finder.run()
    tidy = (_without_stray_marks(view.folded.text, q) for q in finder.quotes)
    quotes = sorted((q for q in tidy if q.end > q.start), key=lambda q: (q.start, q.end))
    return Attribution(quotes, finder.reports, finder.mentions)


_END_MARKS = ".،,؛:;؟?! \n"


def _without_stray_marks(text: str, quote: QuoteFind) -> QuoteFind:
    """A quotation without the marks and punctuation that frame it rather than belong to it.

    Pages pair their marks badly (``لـ»المركزية»، «...»``, a space inside ``" ... "``), so a
    span can start or end on a mark of its own: a mark at both ends, or an unpaired one at the
    end, goes. Nested pairs inside (``من "المارينز" بشكل``) stay, and so does the closing mark
    of a mixed quote's fragment. A question mark or full stop ending the words is punctuation
    of the sentence, not of the quote.
    """
    start, end = quote.start, quote.end
    for _ in range(3):
        while end > start and text[end - 1] in _END_MARKS:
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        inner = sum(text.count(m, start, end) for m in _MARKS)
        if end - start > 2 and text[start] in _MARKS and text[end - 1] in _MARKS:
            start, end = start + 1, end - 1
        elif end > start and text[end - 1] in _MARKS and inner % 2:
            end -= 1
        elif end > start and text[start] in _MARKS and inner % 2:
            start += 1
        else:
            break
    if (start, end) == (quote.start, quote.end):
        return quote
    return replace(quote, start=start, end=end)
