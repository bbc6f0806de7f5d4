"""The words that introduce reported speech: verbs, circumstantial participles, complementizers
and attribution phrases, in all the inflected and cliticised forms news uses.

Arabic reporting verbs inflect for gender and number (قال، قالت، قالوا، قالا) and take the
conjunctions و and ف (وقال، فأكدت); the present tense (يقول، تؤكد) reports too. Forms are
generated from stems where the language is regular and listed where it is not.
"""

from __future__ import annotations

from annotator.arabic.normalize import fold

# Past-tense stems (3rd person masculine singular) whose other forms are regular suffixes.
_REGULAR_PAST = (
    "قال",
    "أكد",
    "أضاف",
    "تابع",
    "أوضح",
    "أشار",
    "أعلن",
    "ذكر",
    "صرح",
    "لفت",
    "شدد",
    "أفاد",
    "اعتبر",
    "أعرب",
    "كشف",
    "حذر",
    "زعم",
    "أبلغ",
    "غرد",
    "اختتم",
    "استطرد",
    "استدرك",
    "أردف",
    "جدد",
    "توقع",
    "رجح",
    "أقر",
    "اعترف",
    "نوه",
    "لاحظ",
    "علق",
    "تساءل",
    "أفصح",
    "نبه",
    "حدد",
    "ناشد",
    "حث",
    "استغرب",
    # Further verbs of saying news uses in every region: "أورد" (a paper reported), "شرح",
    # "ألمح" (hinted), "استبعد" (ruled out), "أصر" (insisted), "تعهد" (pledged), "جزم",
    # "أخبر"/"أبلغ" (told, with the addressee first), "طمأن" (reassured), "أجاب" (answered).
    "أورد",
    "شرح",
    "ألمح",
    "استبعد",
    "أصر",
    "تعهد",
    "جزم",
    "أخبر",
    "طمأن",
    "أجاب",
    "اقترح",
    # Expressive acts: their object is praise or welcome, not a proposition (see quotes).
    "رحب",
    "أشاد",
)
# Stems whose masculine form is also a common noun or preposition (طالب "student", بين
# "between", نقل "transport", كتب "books"): only their inflected forms report speech.
_AMBIGUOUS_STEMS = ("طالب", "نقل", "كتب", "ختم", "بين")
AMBIGUOUS_STEMS = frozenset(fold(s) for s in _AMBIGUOUS_STEMS)
# Verbs ending in a weak letter: forms listed in full.
_IRREGULAR_PAST = (
    "رأى",
    "رأت",
    "رأوا",
    "دعا",
    "دعت",
    "دعوا",
    "نفى",
    "نفت",
    "نفوا",
    "ادعى",
    "ادعت",
    "أدلى",
    "أدلت",
    "مضى",
    "مضت",
    "أبدى",
    "أبدت",
    "أبدوا",
    "أوصى",
    "أوصت",
    "روى",
    "روت",
    # "ما وصفه «...»": the describing verb carries its object pronoun.
    "وصف",
    "وصفه",
    "وصفها",
    "وصفته",
    "وصفتها",
    "وصفوه",
    "وصفوها",
    "وصفت",
    "وصفته",
    "وصفتها",
    # "مما اعتبروه «...»": the considering verb carries its object pronoun too.
    "اعتبره",
    "اعتبرها",
    "اعتبروه",
    "اعتبروها",
    "اعتبرته",
    "اعتبرتها",
)
_PRESENT = (
    "يقول",
    "تقول",
    "يقولون",
    "يؤكد",
    "تؤكد",
    "يؤكدون",
    "يضيف",
    "تضيف",
    "يوضح",
    "توضح",
    "يشير",
    "تشير",
    "يرى",
    "ترى",
    "يعتبر",
    "تعتبر",
    "يكشف",
    "تكشف",
    "يحذر",
    "تحذر",
    "يعلن",
    "تعلن",
    "يلفت",
    "تلفت",
    "يشدد",
    "تشدد",
    "يفيد",
    "تفيد",
    "يزعم",
    "تزعم",
    "ينفي",
    "تنفي",
    "يتابع",
    "تتابع",
    # appeals in the present tense, as headlines put them: "نواب يطالبون بتسليم ..."
    "يطالب",
    "تطالب",
    "يطالبون",
    "يدعو",
    "تدعو",
    "يدعون",
    "يناشد",
    "تناشد",
    "يناشدون",
)
# Circumstantial participles that chain a further statement to the same speaker.
_PARTICIPLES = (
    "قائل",
    "مؤكد",
    "مضيف",
    "موضح",
    "مشير",
    "مبرز",
    "لافت",
    "معتبر",
    "محذر",
    "مشدد",
    "كاشف",
    "منوه",
    "معرب",
    "مبين",
    "متابع",
    "مستطرد",
    "مطالب",
    "مردف",
    "متسائل",
    "معلن",
    "مفيد",
    "ناف",
    "داع",
    "متوقع",
    "مرجح",
    "منبه",
    "معترف",
    "مخاطب",  # "، مخاطبا القاسم: '...'": the addressee, then the words
    "واصف",  # "واصفا القرار بأنه ..."
    "سائل",  # "، سائلا: «...؟»"
    "مستدرك",
    "مختتم",
    "مستبعد",
    "متعهد",
    "مذكر",  # "، مذكرا بأن ..."
    "ملمح",
    "معقب",
    "شارح",
    "مستشهد",
)
# Verbs whose nominal complement is the speaker's own act, not a proposition: "أقر المجلس
# الخطة" (approved), "دعت الوزارة المواطنين إلى" (called on), "طالب بـ" (demanded). With a
# complementizer they report ("أقر بأن"); without one, the sentence is the narrator's claim.
PERFORMATIVE_STEMS = ("أقر", "دعا", "دعت", "دعو", "طالب", "ناشد", "حث", "قرر")

# Subordinators that open reported content: أن/إن with pronoun suffixes, بأن.
_COMPLEMENTIZER_BASES = ("أن", "إن", "بأن", "فإن")
_PRONOUN_SUFFIXES = ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "كم")

# Phrases after a quotation that name its source by pronoun: "وفق تعبيرها", "على حد قوله".
ATTRIBUTION_TAILS = (
    "وفق تعبير",
    "وفق تعبيره",
    "وفق تعبيرها",
    "وفق تعبيرهم",
    "على حد تعبيره",
    "على حد تعبيرها",
    "على حد قوله",
    "على حد قولها",
    "على حد وصفه",
    "على حد وصفها",
    "بحسب تعبيره",
    "بحسب تعبيرها",
    "حسب تعبيره",
    "حسب تعبيرها",
    "حسب قوله",
    "حسب قولها",
    "وفقا له",
    "وفقا لها",
    "وفقا لهم",
    "بحسب قوله",
    "بحسب قولها",
)
# Words before a named source at the head of a clause: "بحسب الوزارة، ...".
# "حسبما/مثلما أعلنت الوزارة" close a clause with a verb and its subject in place of a noun.
ATTRIBUTION_PREPS = ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "حسبما", "مثلما")
# "نقلت الوكالة عن الوزير قوله": the real speaker follows عن, the speech follows قوله.
SAYING_NOUNS = ("قوله", "قولها", "قولهم", "قولهما")
# Impersonal openings that look like reporting but have no speaker: "يذكر أن", "يشار إلى أن".
IMPERSONAL = ("يذكر", "يشار", "يبدو", "يعتقد", "يتوقع", "يفترض", "يقال", "يرجح", "يلاحظ")


def _past_forms(stem: str) -> set[str]:
    return {stem, stem + "ت", stem + "وا", stem + "ا", stem + "تا"}


def _with_conjunctions(forms: set[str]) -> frozenset[str]:
    folded = {fold(f) for f in forms}
    return frozenset(folded | {c + f for f in folded for c in ("و", "ف")})


# Verbs whose letters are also a common preposition or noun ("بين" between, "عقب" after,
# "أسف" sorry, "رفض" refusal): they report only at the head of a clause ("وبين الوزير أن",
# "وعقب المتحدث على ..."), and only when reported content follows (the caller checks).
_CLAUSE_INITIAL = ("بين", "عقب", "أسف", "رفض", "رد", "وعد", "هدد", "خلص", "استهل", "قدر")
CLAUSE_INITIAL_VERBS = _with_conjunctions(
    {form for stem in _CLAUSE_INITIAL for form in _past_forms(stem)}
) - {"بين", "عقب"}

FINITE_VERBS = _with_conjunctions(
    {form for stem in _REGULAR_PAST for form in _past_forms(stem)}
    | {form for stem in _AMBIGUOUS_STEMS for form in _past_forms(stem) - {stem}}
    | {"و" + stem for stem in _AMBIGUOUS_STEMS if stem != "بين"}
    | set(_IRREGULAR_PAST)
    | set(_PRESENT)
) - {
    "نقلا",  # "نقلا عن مصادر": "quoting", an attribution, not the dual "they moved"
    "ونقلا",
    "اقرا",  # "اقرأ أيضا": "read also", folded like the rare dual "أقرّا"
}
PARTICIPLES = _with_conjunctions(
    {stem + ending for stem in _PARTICIPLES for ending in ("ا", "ه", "ين", "ون", "تين", "")}
    - {"ناف", "داع"}
    | {"نافيا", "نافيه", "داعيا", "داعيه", "متمنيا", "متمنيه"}
) - {fold("سائل"), fold("وسائل")}  # "وسائل" is "means", as in "وسائل الإعلام"
COMPLEMENTIZERS = frozenset(
    fold(base + suffix) for base in _COMPLEMENTIZER_BASES for suffix in _PRONOUN_SUFFIXES
)
ATTRIBUTION_TAIL_WORDS = frozenset(fold(t) for t in ATTRIBUTION_TAILS)

_FEMININE_IRREGULAR = ("رأت", "دعت", "نفت", "ادعت", "أدلت", "مضت", "وصفت", "وصفته", "وصفتها")
FEMININE_VERBS = _with_conjunctions(
    {stem + "ت" for stem in (*_REGULAR_PAST, *_AMBIGUOUS_STEMS)}
    | set(_FEMININE_IRREGULAR)
    | {v for v in _PRESENT if v.startswith("ت") and not v.endswith("ون")}
)
MASCULINE_VERBS = (
    _with_conjunctions(
        {stem for stem in _REGULAR_PAST}
        | {"رأى", "دعا", "نفى", "ادعى", "أدلى", "مضى", "وصف", "وصفه", "وصفها"}
        | {v for v in _PRESENT if v.startswith("ي") and not v.endswith("ون")}
    )
    - FEMININE_VERBS
)


def reports_with_object(word: str) -> bool:
    """A reporting verb with the pronoun of what it reported: "أوردته" in "وفق ما أوردته
    الصحيفة", "ذكره" in "وفقا لما ذكره الوزير". Only an attribution phrase reads it so;
    elsewhere "ذكره" is as often "its mention"."""
    for suffix in ("ه", "ها"):
        if word.endswith(suffix) and word[: -len(suffix)] in FINITE_VERBS:
            return True
    return False


def verb_gender(word: str) -> str | None:
    """ "f" for "قالت"/"تقول", "m" for "قال"/"يقول", None for plurals and unknown forms."""
    if word in FEMININE_VERBS:
        return "f"
    return "m" if word in MASCULINE_VERBS else None
