"""Source phrases after reporting verbs, the names inside them, and which mentions are one source.

A source phrase is the noun phrase that follows a reporting verb up to the first word that
cannot belong to it (a preposition opening an adjunct, a time word, a complementizer, a comma
that does not open an apposition). Mentions of one source are grouped: a bare surname
("توكاييف") joins the earlier full name, and a title phrase ("الوزير", "الرئيس الكازاخستاني")
joins the one earlier source whose words it repeats, when exactly one does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from annotator.arabic.actors import (
    AUDIENCE_WORDS,
    BODY_WORDS,
    FUNCTION_WORDS,
    INSTITUTION_WORDS,
    MEDIA_WORDS,
    OUTLET_WORDS,
    PLACE_WORDS,
    SOURCE_HEADS,
    TITLE_WORDS,
)
from annotator.arabic.calendar_words import WEEKDAYS
from annotator.arabic.clauses import DELIVERY_VERBS, OCCASIONS, RELATIVES
from annotator.arabic.clitics import strip_prefix
from annotator.arabic.normalize import fold
from annotator.arabic.reporting import (
    COMPLEMENTIZERS,
    FINITE_VERBS,
    PARTICIPLES,
    SAYING_NOUNS,
)
from annotator.arabic.tokens import QuoteRegion, Token

MAX_PHRASE = 16
MAX_APPOSITION = 5
_WEEKDAY_WORDS = frozenset(fold(w) for w in WEEKDAYS)
_SAYING = frozenset(fold(w) for w in SAYING_NOUNS)
# Adjectives that follow a title without being a name: "مسؤول أمني", "مصدر رفيع".
_COMMON_ADJECTIVES = frozenset(
    fold(w)
    for w in (
        "أمني",
        "عسكري",
        "حكومي",
        "رسمي",
        "دبلوماسي",
        "سياسي",
        "مطلع",
        "كبير",
        "رفيع",
        "بارز",
        "محلي",
        "إعلام",
        "إعلامية",
        "طبية",
        "طبي",
        "محلية",
        "مستوى",
        "صحفي",
        "صحفية",
        "عام",
        "عامة",
        "أول",
        "سابق",
        "سابقة",
        "باسم",
        "عن",
        "عدة",
        "مطلعة",
        "غربية",
        "غربي",
        "عربية",
        "عربي",
    )
)
_WHAT = frozenset(fold(w) for w in ("ما", "بما", "لما", "مما"))
_ISSUED = frozenset(fold(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة", "نقلا"))
# Quantifiers and negation nouns that open an object ("عدم وجود", "أي نقص"), never a source.
_DETERMINERS = frozenset(
    fold(w) for w in ("أي", "كل", "بعض", "جميع", "عدم", "كافة", "معظم", "أغلب", "مختلف", "أية")
)
# Where a source works: "في شركة"، "في جامعة" continue a title instead of opening an adjunct.
_WORKPLACES = frozenset(
    fold(w)
    for w in (
        *("شركة", "مؤسسة", "مركز", "معهد", "جامعة", "وزارة", "منظمة", "حزب", "بنك", "هيئة"),
        *("إدارة", "دائرة", "مديرية", "جمعية", "نقابة", "مرصد", "مصلحة", "كلية", "مستشفى"),
        *("صندوق", "بعثة", "مفوضية", "وكالة", "مختبر", "قسم", "فريق"),
    )
)


# Titles of representatives: "النائب عن كتلة ..." and "ممثل عن ..." keep "عن" in the phrase.
_REPRESENTATIVES = frozenset(
    fold(w)
    for w in ("نائب", "النائب", "نائبة", "النائبة", "ممثل", "الممثل", "ممثلة", "الممثلة", "مندوب")
)


_MEMBERS = frozenset(fold(w) for w in ("عضو", "العضو", "عضوة", "العضوة"))
_CONSTITUENCIES = frozenset(
    fold(w) for w in ("حزب", "كتلة", "دائرة", "محافظة", "ائتلاف", "تيار", "حركة", "قائمة", "ولاية")
)


@dataclass(frozen=True)
class Mention:
    """A source phrase in folded offsets with its words (folded)."""

    start: int
    end: int
    words: tuple[str, ...]

    @property
    def name(self) -> tuple[str, ...]:
        return name_words(self.words)


# Verbs of a source asking not to be named: "مصدر طلب عدم ذكر اسمه" ends the phrase at the verb.
_ANONYMITY_VERBS = frozenset(
    fold(w) for w in ("طلب", "طلبت", "فضل", "فضلت", "رفض", "رفضت", "اشترط", "اشترطت")
)


def _stops(word: str) -> bool:
    return (
        word in FUNCTION_WORDS
        or word in _ANONYMITY_VERBS
        or word in COMPLEMENTIZERS
        or word in FINITE_VERBS
        or word in PARTICIPLES
        or word in _SAYING
        or word in _WEEKDAY_WORDS
        or word in DELIVERY_VERBS  # "كلمة ألقاها الوزير": the verb ends "كلمة", the speaker follows
        or word[0].isdigit()
        or len(word) == 1  # a proclitic written apart with tatweel: "لـ«الشرق الأوسط»"
        or (word[0] == "ل" and (word[1:] in MEDIA_WORDS or word[1:] in OUTLET_WORDS))
        or (word.startswith("لل") and "ا" + word[1:] in OUTLET_WORDS)
        or (word.startswith("لل") and "ا" + word[1:] in AUDIENCE_WORDS)
    )


def source_phrase(
    tokens: Sequence[Token], k: int, limit: int, region_at: Callable[[int], QuoteRegion | None]
) -> int | None:
    """End (exclusive token index) of the source phrase starting at token ``k``, if any."""
    j = k
    while j < limit and j - k < MAX_PHRASE:
        tok = tokens[j]
        if tok.text in ("،", ","):
            if j == k:
                return None
            if j + 1 < limit and tokens[j + 1].text in _ADDRESSEES:
                break  # "ناشد بيان الصحة، كافة وسائل الإعلام": the addressee, set off
            after = (
                _apposition(tokens, j + 1, limit)
                or _title_after_name(tokens, k, j, limit)
                or _described_then_named(tokens, k, j, limit)
            )
            if after is None:
                break
            j = after
            continue
        if tok.text == "(" and j > k and (close := _acronym(tokens, j, limit)):
            j = close  # "الإدارة الوطنية للمحيطات والأجواء (نوا)"
            continue
        if tok.text in ('"', "«", "»"):
            region = region_at(tok.start)
            if region is None or j == k:
                break
            close = _index_at(tokens, region.close, j, limit)
            if close is None or close - j > 4:
                break
            j = close + 1
            continue
        if tok.text == "عن" and j > k and tokens[j - 1].text in _ISSUED | _REPRESENTATIVES:
            j += 1  # "بيان صادر عن الكرملين", "النائب عن حزب ..."
            continue
        if (
            tok.text == "عن"
            and j > k
            and j + 1 < limit
            and strip_prefix(tokens[j + 1].text) in _CONSTITUENCIES
            and any(t.text in _REPRESENTATIVES or t.text in _MEMBERS for t in tokens[k:j])
        ):
            j += 1  # "عضو مجلس النواب عن حزب الوفد محمد ...": whom the member sits for
            continue
        if (
            tok.text == "عن"
            and j > k + 1
            and j + 1 < limit
            and _participle_adjective(tokens[j - 1].text)
            and tokens[j + 1].is_word
            and not _stops(tokens[j + 1].text)
            and not _starts_object(tokens[j + 1].text)
            and not is_masdar(tokens[j + 1].text)
        ):
            j += 1  # "المنظمات الدولية المدافعة عن حقوق الإنسان": what the body stands for
            continue
        if len(tok.text) == 1 and tok.is_word and j + 1 < limit and tokens[j + 1].text == ".":
            j += 2  # an abbreviated title: "د. محمد العريان"
            continue
        if tok.text == "في" and j > k and j + 1 < limit and tokens[j + 1].text in _WORKPLACES:
            j += 1  # "كبير المحللين في شركة ..."
            continue
        if tok.text == "في" and j + 1 < limit and tokens[j + 1].text in OCCASIONS:
            break  # "الاتحاد الأوروبي في بيان أصدره": the occasion, not part of the source
        if tok.text in ("من", "في") and j > k and (aff := _affiliation(tokens, k, j, limit)):
            j = aff  # "مصدر من وزارة الآثار", "مصدر رفيع في الحكومة", "علماء من النمسا"
            continue
        if tok.text == "في" and j > k and (post := _post_with_name(tokens, j + 1, limit)):
            j = post  # "المنسقة الأممية في ليبيا جورجيت غانيون"
            continue
        if tok.text == "في" and j > k and (post := _post_then_name(tokens, j + 1, limit)):
            j = post  # "ممثل المنظمة في الأردن، مارك لوران،": the name set off by commas
            continue
        if tok.text == "من" and j > k and (place := _named_from(tokens, k, j, limit)):
            j = place  # "الدكتور جون سميث من جامعة أكسفورد": where the named source works
            continue
        if j == k and tok.text in _SOME and j + 1 < limit and _plural_source(tokens[j + 1].text):
            j += 1  # "تشير بعض المصادر الإعلامية إلى ...": some sources, still a source
            continue
        if tok.text in _DETERMINERS:
            # "نفى المتحدث باسم الديوان وجود أي نقص": the masdar before the determiner is
            # the object, not part of the source.
            if j - 2 >= k and _definite(tokens[j - 2].text) and not _definite(tokens[j - 1].text):
                j -= 1
            break
        if j > k and j + 1 < limit and tokens[j + 1].text in _WHAT and tok.is_word:
            break  # "نفى المتحدث ... صحة ما نشر": a noun governing "what" is the object
        if j > k and j + 1 < limit and tokens[j + 1].text == "الله" and tok.is_word:
            j += 2  # "أحمد ذكر الله", "محمد حسين فضل الله": one name, whatever its first half
            continue
        if tok.text == "علي" and _middle_name_ali(tokens, k, j, limit):
            j += 1  # "وزير التربية محمد علي البوغديري،": the name علي, folded like على
            continue
        if not tok.is_word or _stops(tok.text):
            break
        if j >= k + 2 and is_masdar(tok.text) and j + 1 < limit and tokens[j + 1].text[0].isdigit():
            break  # "أكدت الوزيرة هالة زايد تسجيل 40 إصابة": a counted verbal noun is the object
        if (
            j > k + 1
            and tok.text in _ADDRESSEES
            and name_words(tuple(t.text for t in tokens[k:j]))
            and not _content_follows(tokens, j, limit)
        ):
            break  # "دعا النائب كمال يوسف الحكومة إلى ...": after a name, the addressee
        if j > k and tok.text in _OWN_OCCASIONS:
            break  # "وختم الوزير تصريحه بالقول إن ...": his statement is the verb's object
        if (
            possessed(tok.text)
            and not _content_follows(tokens, j, limit)
            and (j > k or not _titled(tok.text))
        ):
            # "أعلنت جوبا استقلالها", "أبدت المنظمة تفاؤلها": a possessed object; first
            # after the verb ("تابعا محادثاتهما") it is no subject, unless a title ("رئيسها")
            break
        if (
            j > k
            and _definite(tokens[j - 1].text)
            and _starts_object(tok.text)
            and (tok.text in _ADDRESSEES or not _content_follows(tokens, j, limit))
        ):
            # "أعلنت الحكومة استقالتها", "توقع المركز ارتفاع الأسعار", "دعت الهيئة المواطنين":
            # after a definite word, a possessed noun, an indefinite verbal noun or an
            # addressee opens the verb's object; a definite word ends the subject phrase.
            break
        if (
            j > k
            and _definite(tokens[j - 1].text)
            and _definite_masdar(tok.text)
            and not _content_follows(tokens, j, limit)
        ):
            break  # "أعلنت وزارة الداخلية القبض على ...": a definite verbal noun, the object
        j += 1
    return j if j > k else None


# The speaker's own statement as the object of "ختم"/"استهل"/"بدأ": "ختم الوزير حديثه بالقول".
# "أصدرت الوزارة بيانا أكدت فيه ...": a statement issued, in the accusative, is an object too.
_OWN_OCCASIONS = frozenset(
    fold(stem + suffix)
    for stem in ("تصريح", "تصريحات", "كلمت", "حديث", "بيان", "خطاب", "مداخلت", "رد", "تعليق")
    for suffix in ("ه", "ها", "هم", "هما")
) | frozenset(fold(w) for w in ("بيانا", "تصريحا", "تقريرا", "بلاغا", "تعميما"))


# Unnamed sources whose "من/في" complement says who they are (the guidelines keep it inside).
UNNAMED_HEADS = frozenset(
    fold(w)
    for w in (
        "مصدر",
        "مصادر",
        "مسؤول",
        "مسؤولون",
        "مسؤولين",
        "عضو",
        "أعضاء",
        "علماء",
        "باحثون",
        "باحثين",
        "خبراء",
        "خبير",
        "ناطق",
        "متحدث",
        "مصدرا",
        "شهود",
        "أحد",
        "دبلوماسي",
        "دبلوماسيون",
        "نائب",
        "قيادي",
        "مستشار",
        # unnamed plural sources of every region's news: "تقارير إعلامية", "ناشطون
        # سوريون", "سكان محليون", "أوساط سياسية", "مقربون من الرئيس"
        "تقارير",
        "ناشطون",
        "ناشطين",
        "سكان",
        "محللون",
        "مراقبون",
        "أوساط",
        "مقربون",
        "مسعفون",
        "أطباء",
    )
)
_NOT_AFFILIATION = frozenset(
    fold(w)
    for w in (
        "جهته",
        "جهتها",
        "جهتهم",
        "جانبه",
        "جانبها",
        "جانبهم",
        "ناحيته",
        "ناحيتها",
        "بينهم",
        "بينها",
        "خلال",
        "أجل",
        "قبل",
        "بعد",
        "جديد",
        "دون",
    )
)
MAX_AFFILIATION = 5


def _affiliation(tokens: Sequence[Token], k: int, j: int, limit: int) -> int | None:
    """After an unnamed source head ("مصدر", "مسؤول", "علماء"), a "من/في" phrase naming a
    body or a place is part of the source; the end of that phrase, or None."""
    if tokens[k].text not in UNNAMED_HEADS or j - k > 3 or j + 1 >= limit:
        return None
    first = tokens[j + 1]
    if not first.is_word or first.text in _NOT_AFFILIATION or _stops(first.text):
        return None
    if not (_definite(first.text) or first.text in _WORKPLACES or is_source_head(first.text)):
        return None
    end = j + 1
    while (
        end < limit
        and end - j <= MAX_AFFILIATION
        and tokens[end].is_word
        and not _stops(tokens[end].text)
        and (end == j + 1 or not _starts_object(tokens[end].text))
    ):
        end += 1
    return end


def _post_with_name(tokens: Sequence[Token], k: int, limit: int) -> int | None:
    """After "في", a place or field and then a personal name ("في ليبيا جورجيت غانيون") is
    the rest of a title; a bare place or an occasion ("في مؤتمر صحفي") is an adjunct."""
    j = k
    while j < limit and j - k < MAX_APPOSITION and tokens[j].is_word and not _stops(tokens[j].text):
        j += 1
    words = tuple(t.text for t in tokens[k:j])
    name = name_words(words) if len(words) >= 2 else ()
    field = _vocabulary(words[0]) or _definite(words[0]) if words else False
    return j if name and len(name) < len(words) and field else None


def _participle_adjective(word: str) -> bool:
    """ "المدافعة", "المدافعين", "المسؤول": a definite participle of form III or more used as
    an adjective (الم + at least four letters), not a title or a body."""
    return word.startswith("الم") and len(word) >= 7 and not is_source_head(word)


def _middle_name_ali(tokens: Sequence[Token], k: int, j: int, limit: int) -> bool:
    """ "محمد علي البوغديري، ...": folded, the name علي is spelled like the preposition على.
    Between a first name and one last word that ends the phrase (a comma, a colon or a
    complementizer follows), it is the name; "أكد محمد على أهمية الحوار" is the preposition."""
    if j == k or j + 2 >= limit or _definite(tokens[j - 1].text):
        return False
    if not name_words((tokens[j - 1].text,)) or not tokens[j + 1].is_word:
        return False
    if _stops(tokens[j + 1].text):
        return False
    after = tokens[j + 2].text
    return after in ("،", ",", ":") or after in COMPLEMENTIZERS


def _post_then_name(tokens: Sequence[Token], k: int, limit: int) -> int | None:
    """After "في": one or two words of a place or field, a comma, then a personal name closed
    by a comma or a complementizer ("في الأردن، مارك لوران، أن"); the end of the name."""
    j = k
    while j < min(limit, k + 2) and tokens[j].is_word and not _stops(tokens[j].text):
        j += 1
    if j == k or j + 1 >= limit or tokens[j].text not in ("،", ","):
        return None
    if not all(_vocabulary(t.text) or _definite(t.text) for t in tokens[k:j]):
        return None
    end = _apposition(tokens, j + 1, limit)
    if end is None:
        return None
    words = tuple(t.text for t in tokens[j + 1 : end])
    return end if name_words(words) == words else None


# How far a title set off after a name may run: "جون سميث، الباحث في قسم الفيزياء ...، إن".
MAX_TITLE_APPOSITION = 12


def _title_after_name(tokens: Sequence[Token], k: int, comma: int, limit: int) -> int | None:
    """ "جون سميث، الباحث في جامعة أكسفورد، إن": after a personal name and a comma, a definite
    title and its complements up to the next comma or complementizer belong to the source."""
    words = tuple(t.text for t in tokens[k:comma] if t.is_word)
    first = comma + 1
    if len(words) < 2 or name_words(words) != words or first >= limit:
        return None
    if not (_definite(tokens[first].text) and tokens[first].text in TITLE_WORDS):
        return None
    for j in range(first + 1, min(limit, first + MAX_TITLE_APPOSITION)):
        text = tokens[j].text
        if text in ("،", ",", ":") or text in COMPLEMENTIZERS:
            return j
        if text in FINITE_VERBS or text in PARTICIPLES or text in (".", "؟", "!"):
            return None
    return None


def _described_then_named(tokens: Sequence[Token], k: int, comma: int, limit: int) -> int | None:
    """ "الخبير الأرجنتيني، المتخصص في العلاقات الدولية، أدالبيرتو أغوزينو، أن": after a
    title, a definite participle with its complement set off by commas, then the name; the
    whole is the source, up to the comma or complementizer after the name."""
    first = comma + 1
    if not is_source_head(tokens[k].text) or first >= limit:
        return None
    word = tokens[first].text
    if not _participle_adjective(word):
        return None
    second = next(
        (
            j
            for j in range(first + 1, min(limit, first + MAX_TITLE_APPOSITION))
            if tokens[j].text in ("،", ",")
        ),
        None,
    )
    if second is None or any(
        t.text in FINITE_VERBS or t.text in COMPLEMENTIZERS or not (t.is_word or t.text in "،,")
        for t in tokens[first:second]
    ):
        return None
    end = _apposition(tokens, second + 1, limit)
    if end is None:
        return None
    words = tuple(t.text for t in tokens[second + 1 : end])
    return end if name_words(words) == words else None


def _named_from(tokens: Sequence[Token], k: int, j: int, limit: int) -> int | None:
    """After a title and a name, "من" + a body ("من جامعة أكسفورد", "من معهد ..."): the end
    of the body's phrase, which says where the source works."""
    words = tuple(t.text for t in tokens[k:j] if t.is_word)
    named = is_source_head(words[0]) or (len(words) >= 2 and name_words(words) == words)
    if j + 1 >= limit or not named or not name_words(words):
        return None  # "الدكتور جون سميث من ...", "جون سميث من ..."
    if tokens[j + 1].text not in _WORKPLACES:
        return None
    end = j + 2
    while (
        end < limit
        and end - j <= MAX_AFFILIATION
        and tokens[end].is_word
        and not _stops(tokens[end].text)
        and not _starts_object(tokens[end].text)
    ):
        end += 1
    return end


# Verbal nouns of the simple verb (no pattern shows them) that open a reported object in news:
# "أعلنت الجامعة عقد قمة", "قررت اللجنة رفع الأسعار".
_SIMPLE_MASDARS = frozenset(
    fold(w)
    for w in (
        *("عقد", "فتح", "رفع", "خفض", "وقف", "قتل", "سحب", "نشر", "بدء", "حظر", "منع", "دعم"),
        *("رفض", "فرض", "طرد", "صرف", "نقل", "بحث", "تمديد", "تأجيل", "تعليق", "إلغاء"),
        *("وصول", "وجود", "سقوط", "ارتفاع", "انخفاض", "تراجع", "هطول", "نزول", "خروج", "دخول"),
        *("نمو", "تحسن", "عودة", "بقاء", "زيادة", "نقص", "فوز", "مقتل", "إصابة", "غرق", "تضرر"),
        *("حدوث", "وقوع", "توقف", "تأخر", "تعافي", "تفاقم", "تسجيل", "تنظيم", "إجراء", "اعتماد"),
        *("قبض", "ضبط", "إطلاق", "إغلاق", "تسليم", "توقيع", "صدور", "بيع", "شراء", "هدم"),
    )
)


def _content_follows(tokens: Sequence[Token], j: int, limit: int) -> bool:
    """Reported content later in the clause: the verb has it as its complement, so a word of a
    verbal-noun shape here is part of a name ("وزيرة التضامن انتصار السبكي إن")."""
    return any(
        t.text in COMPLEMENTIZERS or t.text == ":" for t in tokens[j : min(limit, j + MAX_PHRASE)]
    )


def is_ba_object(word: str) -> bool:
    """ "بوجود", "بالإفراج": a verbal noun governed by ب, the object of "أقر/طالب/رحب"."""
    rest = word[1:]
    if word[:1] != "ب" or len(rest) < 3:
        return False
    return rest in _SIMPLE_MASDARS or bool(_MASDAR.match(strip_prefix(rest)))


# Addressees of appeals after a definite subject: "دعت منظمة الصحة العالمية الدول إلى ...".
_ADDRESSEES = frozenset(
    fold(w)
    for w in (
        "الدول",
        "الأطراف",
        "المجتمع",
        "المجموعة",
        "السلطات",
        "كافة",
        "جميع",
        "الحكومات",
        "الحكومة",
        "الطرفين",
        "الجانبين",
        "الشعب",
        "الشباب",
        "المسؤولين",
        "المعتمرين",
        "الحجاج",
        "السكان",
        "المزارعين",
        "التجار",
        "الأسر",
        "الأهالي",
        "المستثمرين",
        "الجهات",
        "الأولياء",
        "المرضى",
        "الزوار",
        "الجميع",
        # those told, after "أبلغ"/"أخبر"/"طمأن": "أخبر رئيس البعثة الصحفيين أن ..."
        "الصحفيين",
        "الصحافيين",
        "المواطنين",
        "الحضور",
        "المشاركين",
        "النواب",
    )
)


def is_addressee(word: str) -> bool:
    """Those an appeal or a statement is addressed to: "الحكومة", "المواطنين", "كافة"."""
    return word in _ADDRESSEES


def _definite_masdar(word: str) -> bool:
    """ "القبض", "الإفراج", "التوصل": a verbal noun with the article."""
    if not word.startswith("ال") or word in SOURCE_HEADS:
        return False  # "للأرصاد" is governed by ل: a complement of the name, no object
    bare = word[2:]
    return bare not in SOURCE_HEADS and (bare in _SIMPLE_MASDARS or bool(_MASDAR.match(bare)))


def _starts_object(word: str) -> bool:
    if possessed(word) or word in AUDIENCE_WORDS or word in _SIMPLE_MASDARS:
        return True
    if word in _ADDRESSEES:
        return True
    if is_ba_object(word):
        return True
    return not _definite(word) and bool(_MASDAR.match(word)) and word not in SOURCE_HEADS


_SOME = frozenset(fold(w) for w in ("بعض", "عدد", "معظم"))
_PLURAL_SOURCES = frozenset(
    fold(w) for w in ("المصادر", "مصادر", "وسائل", "الخبراء", "خبراء", "المسؤولين", "مسؤولي")
)


def _plural_source(word: str) -> bool:
    return word in _PLURAL_SOURCES or word in TITLE_WORDS


def _titled(word: str) -> bool:
    """ "رئيسها", "وزيرها": a title with a possessive pronoun."""
    return any(is_source_head(word[: -len(end)]) for end in ("ها", "هم", "ه") if word.endswith(end))


def _acronym(tokens: Sequence[Token], j: int, limit: int) -> int | None:
    """After "(" at ``j``: the index after its ")" when one to three words stand between."""
    close = next((c for c in range(j + 1, min(limit, j + 5)) if tokens[c].text == ")"), None)
    if close is None or close == j + 1 or not all(t.is_word for t in tokens[j + 1 : close]):
        return None
    return close + 1


def possessed(word: str) -> bool:
    """ "استقالتها", "نظيره": a noun with a possessive pronoun, an object rather than a name."""
    if _definite(word) or len(word) <= 4:
        return False
    if word.endswith(("ها", "هم", "هما", "هن", "ته")):
        return True
    # "استعداده": a verbal noun with "his" (a bare final ه is mostly a folded ة)
    return word.endswith("ه") and len(word) > 5 and bool(_MASDAR.match(word[:-1]))


def _definite(word: str) -> bool:
    return strip_prefix(word) != word


def _index_at(tokens: Sequence[Token], offset: int, lo: int, hi: int) -> int | None:
    return next((i for i in range(lo, hi) if tokens[i].start == offset), None)


def _apposition(tokens: Sequence[Token], k: int, limit: int) -> int | None:
    """ "وزير الدفاع، سيرغي شويغو، إن": a short name between commas continues the phrase;
    a relative clause ("، والتي كانت مغلقة،") does not."""
    if k < limit and tokens[k].text.removeprefix("و") in RELATIVES:
        return None
    j = k
    while j < limit and tokens[j].is_word and not _stops(tokens[j].text):
        j += 1
    n = j - k
    if not 1 <= n <= MAX_APPOSITION:
        return None
    ends_well = j >= limit or tokens[j].text in ("،", ",", ":") or tokens[j].text in COMPLEMENTIZERS
    return j if ends_well else None


def _prefixes(words: frozenset[str]) -> frozenset[str]:
    bare = [strip_prefix(w) for w in words]
    return frozenset(w[:n] for w in bare for n in range(3, len(w) + 1))


# Every stem of a place name, so that a nisba adjective (روسي، المصرية) is recognised.
_PLACE_STEMS = _prefixes(PLACE_WORDS)


def _is_place_or_adjective(word: str) -> bool:
    bare = strip_prefix(word)
    if word in PLACE_WORDS or bare in PLACE_WORDS or bare in _COMMON_ADJECTIVES:
        return True
    if bare.endswith(("ي", "يه")):
        stem = bare[:-1] if bare.endswith("ي") else bare[:-2]
        return stem in _PLACE_STEMS
    return False


@lru_cache(maxsize=65536)
def _vocabulary(word: str) -> bool:
    bare = word[1:] if word[:1] == "ل" and len(word) > 4 else word
    if bare in BODY_WORDS or "ال" + bare in BODY_WORDS or "ا" + bare[1:] in BODY_WORDS:
        return True
    return (
        word in TITLE_WORDS
        or word in INSTITUTION_WORDS
        or strip_prefix(word) in TITLE_WORDS
        or strip_prefix(word) in INSTITUTION_WORDS
        or word in FUNCTION_WORDS
        or _is_place_or_adjective(word)
    )


@lru_cache(maxsize=65536)
def name_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """The personal name at the end of a source phrase: "سيرغي شويغو" of "وزير الدفاع ..."."""
    name: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if not word[0].isalpha() or _vocabulary(word):
            break
        if word.endswith("يه") and len(word) > 4:
            break  # feminine nisba adjectives (عسكرية، الروسية) are never names
        if strip_prefix(word) != word:
            # "بشار الأسد", "عبد الله": a definite word inside a name, only after a name word.
            previous = words[i - 1] if i > 0 else ""
            if not previous or strip_prefix(previous) != previous or _vocabulary(previous):
                break
        name.append(word)
    return tuple(reversed(name))


# Institution nouns in -iyya built on a participle in م- (مديرية، مفوضية، مندوبية، قنصلية is
# not, but most bureaucratic bodies are): "المندوبية السامية للتخطيط" is a body, no list needed.
_INSTITUTION_FORM = regex.compile(r"^(?:ال|لل)?م\p{L}{3,}يه$")


def is_source_head(word: str) -> bool:
    """A title or institution word, listed or of an institution's word form."""
    return (
        word in SOURCE_HEADS
        or strip_prefix(word) in SOURCE_HEADS
        or bool(_INSTITUTION_FORM.match(word))
    )


def is_source_like(words: tuple[str, ...]) -> bool:
    """A phrase that names a source: a title, an institution, or a personal name."""
    if not words:
        return False
    head = words[0]
    if head in UNNAMED_HEADS and len(words) > 1:
        return True  # "علماء من النمسا", "مصدر مطلع": unnamed, but said who they are
    if is_source_head(head) or " ".join(words[:2]) in SOURCE_HEADS:
        return True  # "الأمم المتحدة" is listed as two words
    if is_masdar(head):
        return False
    if name_words(words):
        return True
    # "الدكتورة هالة زايد وزيرة الصحة": a name, then its title in apposition without a comma.
    title = next((k for k in range(1, len(words)) if is_source_head(words[k])), None)
    return title is not None and bool(name_words(words[:title]))


def mention_gender(words: tuple[str, ...]) -> str | None:
    """Grammatical gender of a source phrase's head, for agreement with a subjectless verb:
    "f" for الوزارة، المتحدثة، السلطات; "m" for الوزير، الجيش، الكرملين; None for a bare name."""
    if not words:
        return None
    head = strip_prefix(words[0])
    if words[0] not in TITLE_WORDS and head not in TITLE_WORDS and len(words) > 1:
        # "الدفاع الروسية": an institution named by its field, the adjective shows the gender
        if words[1].endswith("يه"):
            return "f"
        if words[1].endswith("ي") and _is_place_or_adjective(words[1]):
            return "m"
    if len(words) == 1 and not is_source_head(words[0]):
        return None  # "الدبيبة", "حمزة": a surname ending in ة names a man as often as not
    if head.endswith(("ه", "ات")):
        return "f"
    if words[0] in SOURCE_HEADS or head in SOURCE_HEADS:
        return "m"
    return None


def is_subject_like(words: tuple[str, ...]) -> bool:
    """A definite noun phrase ("الخلية", "خلية الإعلام الأمني") that is not a verbal noun: the
    subject of a reporting verb when the verb is followed by reported content."""
    if not words or is_masdar(words[0]):
        return False
    return _definite(words[0]) or (len(words) > 1 and _definite(words[1])) or _names_a_state(words)


# "سلطنة عمان", "مملكة البحرين": a state named with its kind, speaking for its authorities.
_STATE_KINDS = frozenset(fold(w) for w in ("سلطنة", "مملكة", "جمهورية", "إمارة", "دولة"))


def _names_a_state(words: tuple[str, ...]) -> bool:
    """A country or capital standing for its government ("وأكدت عمان أن ...", "وأكدت سلطنة
    عمان أنها ..."), as the subject of a verb followed by reported content."""
    if words[0] in PLACE_WORDS:
        return len(words) == 1
    return len(words) == 2 and words[0] in _STATE_KINDS and words[1] in PLACE_WORDS


# Verbal-noun patterns (إفعال، انفعال، افتعال، استفعال، تفعيل، تفاعل): "أعلن إحباط هجوم" has
# an object right after the verb, not a subject.
_MASDAR = regex.compile(r"^(?:ا..ا.|ان..ا.|ا.ت.ا.|است..ا.|ت..ي.|ت.ا..)$")


def is_masdar(word: str) -> bool:
    bare = strip_prefix(word)
    return bool(_MASDAR.match(bare)) and word not in SOURCE_HEADS and bare not in SOURCE_HEADS


# ---------------------------------------------------------------- grouping mentions into sources
def _key(word: str) -> str:
    """Spelling-insensitive key: Russian 'g' is written غ, ج, ق or ك (شويغو, شويجو)."""
    return strip_prefix(word).translate(str.maketrans("غقك", "ججج"))


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=65536)
def same_word(a: str, b: str) -> bool:
    """Keys of one name or word in two spellings or inflections (كازاخستان ~ الكازاخستاني)."""
    ka, kb = _key(a), _key(b)
    if ka == kb:
        return True
    shortest = min(len(ka), len(kb))
    if shortest >= 4 and (ka.startswith(kb) or kb.startswith(ka)) and abs(len(ka) - len(kb)) <= 3:
        return True
    return shortest >= 5 and _edit_distance_at_most_one(ka, kb)


@dataclass
class Source:
    """One source (person or body) and all its mentions, by index."""

    mentions: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)


def group_mentions(mentions: Sequence[Mention]) -> list[int]:
    """For each mention (in text order), the index of its source."""
    sources: list[Source] = []
    assignment: list[int] = []
    for index, mention in enumerate(mentions):
        found = _matching_source(mention, sources)
        if found is None:
            sources.append(Source())
            found = len(sources) - 1
        source = sources[found]
        source.mentions.append(index)
        source.names.extend(mention.name)
        source.words.extend(w for w in mention.words if w[0].isalpha())
        assignment.append(found)
    return _join_forward(sources, assignment)


def _join_forward(sources: list[Source], assignment: list[int]) -> list[int]:
    """A title-only source met first (a headline's "رئيس الوزراء") joins the one later named
    source whose words contain it; failing that, the one later longer body name that does
    (a headline's "الأرصاد الجوية" and "المديرية العامة للأرصاد الجوية")."""
    for i, early in enumerate(sources):
        if early.names or not early.mentions:
            continue
        content = _content(early.words)
        containing = [
            j
            for j in range(i + 1, len(sources))
            if content and all(any(same_word(w, s) for s in sources[j].words) for w in content)
        ]
        later = [j for j in containing if sources[j].names]
        if not later:
            later = [j for j in containing if len(sources[j].words) > len(early.words)]
        if len(later) == 1:
            assignment = [later[0] if a == i else a for a in assignment]
    return assignment


def _content(words: Sequence[str]) -> list[str]:
    return [w for w in words if w[0].isalpha() and w not in FUNCTION_WORDS and w != "باسم"]


def _matching_source(mention: Mention, sources: list[Source]) -> int | None:
    name = mention.name
    if name:
        surname = name[-1]
        for i in range(len(sources) - 1, -1, -1):
            if any(same_word(surname, n) for n in sources[i].names):
                return i
        return None
    content = _content(mention.words)
    if not content:
        return None
    candidates = [
        i
        for i, source in enumerate(sources)
        if all(any(same_word(w, s) for s in source.words) for w in content)
    ]
    return candidates[0] if len(candidates) == 1 else None
