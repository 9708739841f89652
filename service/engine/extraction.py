"""Propose the checkable claims of an article: one proposal per fact, with its verbatim span.

Each sentence (sentences.py) is split into the facts it states (clauses.py, then FACT_BOUNDARIES
here); each fact becomes a proposal with a plain claim text (CLAIM_REWRITES: who said it goes to
the speaker, the figures are stated plainly), its quote as a span of the article, every figure
in the quote with what it counts (its label), the entities it names, who said it, and a
check-worthiness score. What the text before a fact says fills in a speaker "he" or "she" and, in
the claim text, a place the fact leaves unnamed (`Extractor._in_context`).

Labels are read from the words around a figure, the way a reader would, by one general mechanism:
1. the noun phrase right after the figure ("two rival governments", "16 police officers"), with
   the participle that completes it ("victims were buried", "dams collapsed"); generic words
   ("people", "others") say nothing, so "27 people killed" is labelled "killed";
2. when the phrase is generic, the participle a later comma-part of the clause gives
   ("27 people, including seven civilians, have been killed");
3. otherwise the nearest word before the figure ("killed 27", "a death toll of 11,300"), and when
   that is a verb that only moves a quantity ("the death toll has reached 5,200"), the clause's
   subject.
Check-worthiness follows the claim-detection research (ClaimBuster; CLEF CheckThat!): figures,
named entities and attributed statements mark a checkable factual claim; first-person, modal and
question wording mark opinion and colour. See WORTHINESS_FEATURES.
Nothing here stores anything; the engine's sentence splitter and figure reader are used as they are.
"""
import hashlib
import math
import re
from dataclasses import dataclass, field, replace

from lemminflect import getInflection, getLemma

from .clauses import attribution_of, split_clauses
from .entities import KIND_CLASSES, EntityTable
from .numbers import GENERIC_LABEL_WORDS, UNIT_NAMES, extract_figures
from .sentences import sentence_spans
from .text import SPEECH_WORDS, STOPWORDS, fold, words

TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\w\s]")
BREAKS = frozenset(",;:()[]—–\"“”")
# Words that only link or hedge a figure to what it counts: skipped when reading the label.
LINKING_WORDS = frozenset("""
have has had been being were was are is be will would still reportedly officially feared believed
thought reported presumed estimated confirmed registered other others another additional further
already now far so also who which that recorded known total
""".split())
PREPOSITIONS = frozenset("""
above across along amid among around at behind below beneath beside besides beyond by despite
down following from in including inside into near of off on onto outside over per since through
throughout to toward towards under until upon via with within without
""".split())
# Verbs that move or report a quantity rather than say what it counts: the subject does.
QUANTITY_VERBS = frozenset("""
reach reached reaches rise rose risen rises climb climbed climbs surpass surpassed surpasses passed
exceed exceeded exceeds stand stood stands total totalled totaled totals top topped tops hit hits
number numbered numbers put puts cite cited cites jump jumped grow grew grown increase increased
""".split()) | SPEECH_WORDS
# Words that end a predicate of state as a participle does ("dead", "missing").
STATE_WORDS = frozenset("dead missing alive homeless unaccounted hurt lost left gone".split())
# Units: numbers.py reads most with the figure ("370km"); spans of time it leaves as words
# ("the 44-day war", "24 hours"), and a unit right after a figure is its unit, not what it counts.
TIME_UNITS = {"hour": "h", "hours": "h", "day": "d", "days": "d", "week": "week",
              "weeks": "week", "month": "month", "months": "month", "year": "year",
              "years": "year"}
UNITS = {**UNIT_NAMES, **TIME_UNITS}
NP_MAX_WORDS = 3
# Words saying the next figure is part of the one before: it counts the same, of a kind.
PART_OF = re.compile(r"\b(?:including|among them|of whom|of them|of which)\b", re.IGNORECASE)
DETERMINERS = frozenset("the a an its their this these those his her our".split())
# Speakers an attribution names without naming anyone ("they said", "officials said").
NAMELESS_SPEAKERS = frozenset("he she they it we i you someone officials".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def folded(self):
        return fold(self.text).replace("’", "'")

    @property
    def is_break(self):
        return self.text in BREAKS

    @property
    def is_word(self):
        return self.text[:1].isalnum()


def _tokens(text, offset=0):
    return [Token(m.group(), offset + m.start(), offset + m.end()) for m in TOKEN.finditer(text)]


def _participle(token):
    word = token.folded
    return word in STATE_WORDS or (len(word) > 3 and word.endswith(("ed", "en")))


def _skippable(token):
    word = token.folded
    return (word in STOPWORDS or word in LINKING_WORDS or word in GENERIC_LABEL_WORDS
            or (word.endswith("ly") and len(word) > 4))


@dataclass
class LabelledFigure:
    """A figure of a quote with its place in the quote, what it counts and its unit."""

    text: str
    value: float
    qualifier: str | None
    label: str | None
    unit: str | None
    start: int
    end: int
    is_year: bool = False
    kind: str | None = None  # numbers.py's kind: None for a count, "range", "year", "date" ...
    high: float | None = None  # a range's upper end
    unit_word: str | None = field(default=None, repr=False)  # the unit as written ("km")

    def as_record(self):
        """The figure as the corpus stores it ({text, value, qualifier, label})."""
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"text": self.text, "value": value, "qualifier": self.qualifier,
                "label": self.label}

    def as_dict(self):
        high = self.high and (int(self.high) if float(self.high).is_integer() else self.high)
        return {**self.as_record(), "unit": self.unit, "kind": self.kind, "high": high}


def locate_figures(text):
    """[(Figure, start, end)]: the figures numbers.py reads in `text`, found in order."""
    located, cursor = [], 0
    for figure in extract_figures(text):
        start = text.find(figure.text, cursor)
        if start < 0:
            continue
        located.append((figure, start, start + len(figure.text)))
        cursor = start + len(figure.text)
    return located


def label_figures(text):
    """Every figure of `text` with its label and unit (see the module docstring for how)."""
    located = locate_figures(text)
    labelled = []
    for index, (figure, start, end) in enumerate(located):
        next_start = located[index + 1][1] if index + 1 < len(located) else len(text)
        after = _tokens(text[end:], end)
        if after and after[0].text == "-":  # "44-day"
            after = after[1:]
        unit, unit_word = figure.unit, _unit_in(figure)
        if unit is None and after and after[0].folded in UNITS:  # "44-day war", "24 hours"
            unit, unit_word, after = UNITS[after[0].folded], after[0].text, after[1:]
        label = figure.label or _label_after(after, next_start, unit_word,
                                             [other_start for _, other_start, _ in located])
        kind = figure.kind
        labelled.append(LabelledFigure(
            text=figure.text, value=figure.value, qualifier=figure.qualifier, label=label,
            unit=unit, start=start, end=end, is_year=figure.is_year, kind=kind,
            high=figure.high if kind == "range" else None, unit_word=unit_word))
    for index in range(len(labelled) - 1, -1, -1):
        figure = labelled[index]
        if figure.label is None:
            joined = _joined_label(text, figure, labelled[index + 1:index + 2])
            previous_end = labelled[index - 1].end if index else 0
            figure.label = joined or _label_before(text, previous_end, figure.start,
                                                   figure.qualifier)
            if figure.unit_word and not joined:  # "a depth of 10 km": "depth in km"
                figure.label = (f"{figure.label} in {figure.unit_word}" if figure.label
                                else figure.unit_word)
    for before, figure in zip(labelled, labelled[1:]):
        if figure.label and before.label and PART_OF.search(text[before.end:figure.start]):
            figure.label = f"{figure.label} {before.label}"  # "27 killed, including two civilians"
    return labelled


def _unit_in(figure):
    """The word naming the unit inside a figure's text ("km" in "370km"), or None."""
    if figure.unit is None:
        return None
    if figure.unit == "%":
        return "percent"
    found = re.search(r"[^\W\d_]+$", figure.text)
    return found.group() if found else figure.unit


def _joined_label(text, figure, following):
    """A figure joined to the next by "and", "or" or "to" ("between 5,000 and 6,000 missing")
    counts what the next one counts."""
    if not following or figure.is_year or following[0].is_year:
        return None
    between = fold(text[figure.end:following[0].start]).strip()
    return following[0].label if between in ("and", "or", "to", "-", "–") else None


def _label_after(after, next_figure, unit_word, figure_starts):
    """Rules 1 and 2: the noun phrase after the figure (after its unit) and its participle, else
    the participle a later comma-part of the clause gives."""
    segment = _until_break(after, next_figure)
    phrase, rest = _noun_phrase(segment)
    participle = _first_participle(rest)
    if unit_word:  # "44-day war", "7.1-magnitude quake": the unit is part of the label
        return " ".join([unit_word, *(t.text for t in phrase)]) if phrase else None
    if phrase:
        return " ".join(t.text for t in phrase + participle)
    if participle:
        return participle[0].text
    # Later comma-parts: skip those that hold another figure or merely interject.
    position = len(segment)
    while position < len(after) and after[position].text not in ".;":
        part = _until_break(after[position + 1:], limit=math.inf)
        position += 1 + len(part)
        if not part or any(part[0].start <= start < part[-1].end for start in figure_starts):
            continue
        participle = _first_participle(part, strict=True)
        if participle:
            return participle[0].text
    return None


def _until_break(tokens, limit):
    """The tokens up to the next break (a comma, a full stop ...) or position `limit`."""
    part = []
    for token in tokens:
        if token.is_break or token.text == "." or token.start >= limit:
            break
        part.append(token)
    return part


def _noun_phrase(segment):
    """(the content words right after a figure, the tokens after them); an "of" phrase stands in
    for an empty one ("two of the rival governments")."""
    phrase, position = [], 0
    while position < len(segment):
        token = segment[position]
        word = token.folded
        if (word in GENERIC_LABEL_WORDS or word in ("other", "others", "more", "additional")
                or token.text in "'’" or not phrase and word in LINKING_WORDS):
            position += 1
            continue
        acronym = token.text.isupper()  # "US" is a name, not the stopword "us"
        if (not token.is_word or word in STOPWORDS and not acronym or word in PREPOSITIONS
                or word in LINKING_WORDS or phrase and _participle(token) or word.isdigit()
                or phrase and _before_determiner(segment, position)):
            break
        phrase.append(token)
        position += 1
    if not phrase and position < len(segment) and segment[position].folded == "of":
        following = [t for t in segment[position + 1:] if t.folded not in ("the", "a", "an")]
        return _noun_phrase(following)
    return phrase[-NP_MAX_WORDS:], segment[position:]  # an English phrase ends on its head


def _before_determiner(segment, position):
    """A word right before "the" or "a" is a verb taking an object ("quake hit the coast")."""
    return position + 1 < len(segment) and segment[position + 1].folded in DETERMINERS


def _first_participle(tokens, strict=False):
    """[the participle completing a phrase] after linking words ("were still missing"), or [].
    `strict`, for a later part of the clause: only auxiliaries and adverbs may come first."""
    for token in tokens:
        if _participle(token) and token.folded not in LINKING_WORDS:
            return [token]
        word = token.folded
        skippable = (word in LINKING_WORDS or word.endswith("ly")) if strict else (
            _skippable(token) or word in PREPOSITIONS)
        if not skippable:
            return []
    return []


def _label_before(text, floor, start, qualifier):
    """Rule 3: the nearest content word before the figure in its clause part, or the clause's
    subject when that word only moves a quantity."""
    before = text[floor:start]
    if qualifier and fold(before).rstrip().endswith(fold(qualifier)):
        before = before.rstrip()[:-len(qualifier)]
        if fold(qualifier) in QUANTITY_VERBS:  # "the toll had surpassed 2,000"
            return _subject(_tokens(before, floor))
    tokens = _tokens(before, floor)
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token.text in ".;()":
            return None
        if not token.is_word or _skippable(token) or token.folded in PREPOSITIONS:
            continue
        if token.folded in QUANTITY_VERBS:
            return _subject(tokens[:index])
        return token.text
    return None


def _subject(tokens):
    """The noun phrase a quantity verb reports on, read backwards over prepositional phrases and
    names: "the death toll of the floods in Derna had surpassed" -> "death toll"."""
    phrase = []
    for index in range(len(tokens) - 1, -1, -1):
        token, word = tokens[index], tokens[index].folded
        if token.is_break or word in DETERMINERS:
            before = tokens[index - 1].folded if index else ""
            if phrase and before not in PREPOSITIONS:
                break
            continue
        if word in PREPOSITIONS or word.endswith("ing") and len(word) > 5:
            phrase = []  # what was read is the object of a preposition, not the subject
        elif token.is_word and not _skippable(token) and word not in QUANTITY_VERBS:
            phrase.insert(0, token)
    return " ".join(t.text for t in phrase[-2:]) or None


# Check-worthiness: (name, weight, test over a proposal's facts). A newcomer adds a line here.
WORTHINESS_BASE = 0.2
FIRST_SECOND_PERSON = frozenset("i we you our my us your me".split())
MODALS = frozenset("could might may should would perhaps maybe".split())
WORTHINESS_FEATURES = [
    ("a count or measure", 0.3, lambda f: any(not x.is_year for x in f["figures"])),
    ("what it counts is said", 0.1, lambda f: any(x.label and not x.is_year
                                                  for x in f["figures"])),
    ("a date or year", 0.05, lambda f: any(x.is_year for x in f["figures"])),
    ("attributed to a named speaker", 0.15, lambda f: bool(f["speaker"])),
    ("attributed", 0.05, lambda f: bool(f["attribution"])),
    ("names an entity", 0.1, lambda f: len(f["entities"]) >= 1),
    ("names two entities", 0.05, lambda f: len(f["entities"]) >= 2),
    ("reports a deed or state", 0.1, lambda f: any(
        w in STATE_WORDS or len(w) > 3 and w.endswith("ed") for w in f["words_list"])),
    ("first or second person", -0.15, lambda f: bool(f["words"] & FIRST_SECOND_PERSON)),
    ("modal or hedged", -0.1, lambda f: bool(f["words"] & MODALS)),
    ("a question", -0.2, lambda f: f["text"].rstrip("”\"’' ").endswith("?")),
    ("too short to state a fact", -0.15, lambda f: len(f["words_list"]) < 4),
]


def check_worthiness(facts):
    """A score in [0, 1]: WORTHINESS_BASE plus the weights of the features present, clamped."""
    score = WORTHINESS_BASE + sum(weight for _, weight, present in WORTHINESS_FEATURES
                                  if present(facts))
    return round(min(1.0, max(0.0, score)), 3)


REF_WORDS, REF_LENGTH, REF_DIGEST = 8, 60, 8  # an import line's ref: words, characters, hex


@dataclass
class Proposal:
    """A checkable fact of a source: claim text and the verbatim quote (text[start:end])."""

    claim: str
    quote: str
    start: int
    end: int
    figures: list = field(default_factory=list)
    entities: list = field(default_factory=list)
    speaker: str | None = None
    attribution: str | None = None
    check_worthiness: float = 0.0

    def evidence(self, source, stance="supports"):
        """The proposal as an evidence item naming its source as `source` ({"source": ref} ...)."""
        return {**source, "stance": stance, "quote": self.quote,
                "numbers": [f.as_record() for f in self.figures]}

    def import_line(self, source):
        """The proposal in the `crosscheck import` format: a claim with its one evidence item,
        keyed by `ref` (imports are keyed by ref, so re-importing a line updates its claim)."""
        return {"ref": self.ref, "text": self.claim, "evidence": [self.evidence(source)]}

    @property
    def ref(self):
        """A slug of the claim's first words and a digest of its quote: readable, and the same
        proposal gets the same ref on every run while two quotes saying alike do not."""
        slug = "-".join(re.findall(r"[a-z0-9]+", fold(self.claim))[:REF_WORDS])[:REF_LENGTH]
        digest = hashlib.sha1(self.quote.encode("utf-8")).hexdigest()[:REF_DIGEST]
        return f"{slug.strip('-')}-{digest}" if slug.strip("-") else f"claim-{digest}"

    def as_dict(self):
        return {"claim": self.claim, "quote": self.quote, "start": self.start, "end": self.end,
                "figures": [f.as_dict() for f in self.figures], "entities": self.entities,
                "speaker": self.speaker, "attribution": self.attribution,
                "check_worthiness": self.check_worthiness}


# Verbs that report what someone said: a frame around a fact, not the fact. Verbs that deny or
# dispute ("denied that ...") are no frame: without them the claim would say the opposite.
REPORTING_VERBS = SPEECH_WORDS - {"according", "saying"} | frozenset("""
added adds confirmed confirms reported reports warned warns noted notes explained explains
declared declares revealed reveals acknowledged acknowledges estimated estimates wrote writes
quoted tweeted
""".split())
_REPORTING = "|".join(sorted(REPORTING_VERBS))
# A tail naming who said it ("..., the website reported on Tuesday"); "..., confirmed so far" is
# no speaker.
TAIL_VERBS = SPEECH_WORDS | frozenset("reported reports added adds quoted wrote tweeted".split())
FRAME_MAX_WORDS = 20  # the speaker of a reporting frame at a claim's head, at most
# Subjects a frame leaves unplain once taken away ("he told reporters that he could not confirm
# it": "He could not confirm it" names nobody): the frame stays.
PRONOUN_SUBJECT = re.compile(r"^(?:he|she|they|it|we|i|you)\b", re.IGNORECASE)
# A reporting frame opening a claim: "X said (on Sunday) that A", "X told a news conference that
# A", "X, a spokesman for Y, said A". The speaker is X; A is the claim.
HEAD_FRAME = re.compile(
    rf"^(?P<speaker>[^“”\"]+?)\s+(?:(?:has|have|had|also|later|earlier)\s+)*(?P<verb>{_REPORTING})"
    rf"(?:(?P<that>(?:\s+[^\s,“”\"]+){{0,8}}?\s+that)|(?P<bare>))\s+(?P<rest>[^\s:].*)$",
    re.IGNORECASE | re.DOTALL)
# A speaker that is a clause of its own: "A, and X said", "he demanded that A and warned that".
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|yet)\s|\bthat\b|\band$",
                          re.IGNORECASE)
# Verbs that frame a fact without "that"; others take an object ("the WHO confirmed 3,922 deaths").
BARE_FRAME_VERBS = frozenset("said says stated added".split())


def head_frame(text):
    """(the speaker words, the claim) of a reporting frame opening `text`, or None: the frame
    needs "that" after its verb unless the verb is a plain "said" (BARE_FRAME_VERBS), a speaker of
    at most FRAME_MAX_WORDS words that is no clause of its own ("Crews searched, and the ministry
    said that ..." states two facts), and a claim that does not open on a pronoun."""
    found = HEAD_FRAME.match(text)
    if not found:
        return None
    speaker, rest = found.group("speaker").strip(" ,"), found.group("rest")
    if found.group("that") is None and (fold(found.group("verb")) not in BARE_FRAME_VERBS
                                        or FRAME_LEFTOVER.match(rest)):
        return None  # "X said on X, formerly Twitter, that ...": no plain claim follows
    if (len(words(speaker)) > FRAME_MAX_WORDS or CLAUSE_BREAK.search(speaker)
            or PRONOUN_SUBJECT.match(rest)
            or len(words(rest)) < Extractor.MIN_CLAIM_WORDS):
        return None
    return speaker, rest


SPEAKER_TRAILERS = frozenset("also is are was were has have had".split())  # "experts are saying"


def speaker_of(attribution):
    """Who an attribution names: the words before its reporting verb ("the WHO said", "the website
    reported on Tuesday") or after it ("said Pashinyan"); "they said" names nobody."""
    speaker = said_by(attribution)
    return None if speaker is None or fold(speaker) in NAMELESS_SPEAKERS else speaker


def said_by(attribution):
    """The words of an attribution saying who spoke, a pronoun too ("he said": "he"), or None."""
    if not attribution:
        return None
    text = re.sub(r"^according to\s+", "", attribution.strip(" ,“”\"‘’'"), flags=re.IGNORECASE)
    tokens = _tokens(text)
    verb = next((i for i, t in enumerate(tokens) if t.folded in REPORTING_VERBS), None)
    kept = tokens if verb is None else tokens[:verb] if verb else tokens[1:]
    while kept and (kept[-1].folded in SPEAKER_TRAILERS or kept[-1].text in ",“”\"'’"):
        kept = kept[:-1]
    if not kept:
        return None
    return SIDE_REMARK.sub("", text[kept[0].start:kept[-1].end]).strip(" ,")


SPEECH_TAIL_MAX_WORDS = 16  # "..., a spokesman for the ministry of the eastern government said"
# Side remarks a plain claim leaves out: a parenthesis, and participial or relative phrases after
# a comma, to the end ("..., sending floodwaters down the valley") or to the next comma ("The
# mayor, who took office in May, resigned": the remark goes, the sentence stays whole); and, with
# or without a comma, a phrase of time giving no figure in digits, to the end ("hit the coast on
# May 3 after earlier lashing two islands", "was cut off following the bursting of the dam": what
# came before is another fact, worded apart).
SIDE_REMARK = re.compile(r"\s*\([^()]*\)|,\s+(?:which|who|whose|where|[a-z]+ing)\b"
                         r"(?:[^,]|,(?=\d))*(?:$|,(?!\d))"  # "11,300" holds no comma
                         r"|,?\s+(?:(?:after|before|while)\s+(?:earlier\s+|later\s+|[a-z]+ly\s+)?"
                         r"[a-z]+ing\b|(?<!the\s)following\s+(?:the|a|an|its|their)\s)[^\d]*$")

# A "which" clause after a name, to the end and giving no figure in digits, needs no comma to be
# a side remark: a name is no class to narrow down ("the floods brought by Storm Daniel which had
# swept through the east").
REMARK_ON_A_NAME = re.compile(r"(?<=\S)\s(?P<name>[A-Z][\w’'-]*)\s+which\s[^\d]*$")


def without_speech_tail(text):
    """The text without a comma-bounded tail saying who said it, however worded ("..., said the
    spokesman, a former general", "..., the head of the council, a lawyer, said"): the longest
    such tail of at most SPEECH_TAIL_MAX_WORDS words that leaves a claim. A tail saying what was
    said ("saying ...", "said that ...") states more than who said it, and stays."""
    shortest_first = reversed([m.start() for m in re.finditer(r",(?!\d)", text)])
    found = text
    for comma in shortest_first:  # the tails grow: stop at the first too long (linear time)
        tail, head = text[comma + 1:], text[:comma]
        if len(words(tail)) > SPEECH_TAIL_MAX_WORDS:
            break
        if len(words(head)) >= Extractor.MIN_CLAIM_WORDS and _names_a_speaker(tail):
            found = head
    return found


def _names_a_speaker(tail):
    folded = [fold(w) for w in words(tail)]
    speech = [i for i, w in enumerate(folded) if w in TAIL_VERBS and not w.endswith("ing")]
    return bool(speech) and "that" not in folded[speech[0]:]


ABSOLUTE_SUBJECT_MAX_WORDS = 6


def _absolute_as_sentence(phrase):
    """"thousands still missing" -> "thousands were still missing": the verb "to be" before the
    first participle or state word, if one follows a subject of at most
    ABSOLUTE_SUBJECT_MAX_WORDS words; else "with" and the phrase as they were."""
    tokens = _tokens(phrase)
    for index, token in enumerate(tokens[1:ABSOLUTE_SUBJECT_MAX_WORDS + 2], 1):
        if token.folded in STATE_WORDS or _past_participle(token.folded):
            if tokens[index - 1].folded in ("still", "now"):
                index -= 1
            subject = phrase[:tokens[index].start].rstrip(" “\"")
            if not words(subject):
                break
            verb = "were" if _plural(subject) else "was"
            return f"{subject} {verb} {phrase[len(subject):].lstrip()}"
    return f"with {phrase}"


def _past_participle(word):
    """Whether a word is a verb's past participle, regular or not ("displaced", "cut")."""
    return any(word in getInflection(lemma, tag="VBN") for lemma in getLemma(word, upos="VERB"))


def _plural(phrase):
    """Whether a noun phrase names several: "thousands", "30,000 people" (its last word)."""
    last = fold(phrase.split()[-1])
    return last[:1].isdigit() or last.endswith("s") and not last.endswith("ss")


def _quantity_is(found):
    """"has reached 5,200" -> "is 5,200"; "had surpassed 2,000" -> "was more than 2,000"."""
    verb = fold(found.group("verb") or found.group("moved") or found.group("stood"))
    present = found.group("aux") and fold(found.group("aux")) in ("has", "have") or verb in (
        "stands", "reaches", "tops", "exceeds", "surpasses", "totals")
    copula = ("are" if found.group("aux") and fold(found.group("aux")) == "have" else "is") \
        if present else "was"
    beyond = verb.startswith(("surpass", "exceed", "top"))
    return f"{copula} more than " if beyond else f"{copula} "


LEADING_CONNECTIVE = re.compile(r"^(?:but|however|and|yet|meanwhile|moreover|furthermore)\b,?\s+"
                                r"|^(?:also|still|earlier|later|separately),\s+", re.IGNORECASE)
FIGURE_AHEAD = (r"(?=(?:about|around|nearly|almost|some|roughly|approximately|over|more than|"
                r"at least|up to|an estimated)?\s*\d)")
# Participles by which a speaker says what it did with what it reports: whose it is
# ("attributing the figures to the ministry") or how it changed it ("adjusting the numbers from a
# previous report"). After a comma or opening a parenthesis, such a phrase states a fact of its own.
SPEAKER_ACTS = r"(?:attributing|crediting|ascribing|adjusting|revising|correcting|updating)"
# Participles by which a clause says what its event brought about: "..., causing a flash flood
# that killed at least 300 people", "..., triggering a recount that moved 40 votes". Where the
# relative clause gives a count, it states a fact of its own, not a side remark.
RESULT_ACTS = r"(?:causing|triggering|sparking|unleashing|prompting)"
RESULT_WITH_A_COUNT = re.compile(
    rf",\s+(?={RESULT_ACTS}\s+[^,]+?\s+(?:that|which)\s+[^,]*\d)", re.IGNORECASE)
# Such a phrase cut off its clause by FACT_BOUNDARIES: "attributing these numbers to Y.)"
SPEAKER_ACT_PHRASE = re.compile(
    rf"^(?P<verb>{SPEAKER_ACTS})\s+(?P<what>[^()]+?)(?:\s+to\s+(?P<whom>[^()]+?))?[\s.)]*$",
    re.IGNORECASE | re.DOTALL)


def _speaker_act(found, doer):
    """"attributing these numbers to Y" as a sentence: "OCHA attributed these numbers to Y" where
    the sentence names who did it (its speaker), else "These numbers were attributed to Y"."""
    participle = fold(found.group("verb"))
    lemma = next(iter(getLemma(participle, upos="VERB")), participle)
    did, done = (next(iter(getInflection(lemma, tag=tag)), lemma) for tag in ("VBD", "VBN"))
    what, whom = found.group("what"), found.group("whom")
    to = f" to {whom}" if whom else ""
    if doer:
        return f"{doer} {did} {what}{to}"
    return f"{what} {'were' if _plural(what) else 'was'} {done}{to}"


# Rewritings from a quote's wording to a plain claim: (what it does, pattern, replacement), in
# order. A newcomer adds one line here and one test.
CLAIM_REWRITES = [
    # "causing a flash flood that killed 300 people" (RESULT_WITH_A_COUNT) -> "a flash flood
    # killed 300 people": what came about is the subject of the relative clause's verb
    ("result with a count", re.compile(
        rf"^{RESULT_ACTS}\s+(?P<what>[^,]+?)\s+(?:that|which)\s+(?=[^,]*\d)", re.IGNORECASE),
     lambda found: f"{found.group('what')} "),
    # "(adjusting the numbers from a previous report ...": a parenthesis the clause cut open
    ("unclosed parenthesis", re.compile(r"\s*\([^)]*$"), ""),
    # "YEREVAN, Sept 20 (Reuters) – ...", "Derna, Libya: ...", "(Bloomberg) — ...": a dateline
    # says where the outlet wrote from
    ("dateline", re.compile(
        r"^(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+[A-Z][\w’'.]*(?:\s+\d{1,2})?\s*"
        r"(?:\([^()]*\)\s*)?|\([A-Z][^()]*\)\s*)[:–—]\s+"), ""),
    # "said the WHO had confirmed ...": what a clause split left of a frame
    ("leading reporting verb", re.compile(
        r"^(?:said|told|added|stated|confirmed|announced|warned|noted|explained|declared|"
        r"claimed|asserted|insisted|reported)\s+(?!that\b)", re.IGNORECASE), ""),
    # "Earlier, ..." "But on Saturday ...": a connective ties the fact to the article, not to
    # what it states.
    ("leading connective", LEADING_CONNECTIVE, ""),
    # "..., according to the Red Crescent", "According to the WHO, ...": who said it is the speaker
    ("according to", re.compile(r",\s+according to\b.*$|^according to\b[^,]*,\s+",
                                re.IGNORECASE | re.DOTALL), ""),
    # "the ministry said on Sunday that 40 died": a frame reporting a figure goes (see
    # `reported_as_said`)
    ("reporting frame at the head", HEAD_FRAME,
     lambda found: found.group(0) if reported_as_said(found.group(0)) else found.group("rest")),
    # "reportedly", "allegedly": a hedge on the fact, which the claim states plainly
    ("hedging adverb", re.compile(r"\b(?:reportedly|allegedly|apparently|purportedly)\s+",
                                  re.IGNORECASE), ""),
    # "the death toll has risen to about 11,300" -> "the death toll is about 11,300"
    ("a quantity's movement to a figure", re.compile(
        rf"\b(?:(?P<aux>has|have|had)\s+)?(?:(?:now|already|since|reportedly)\s+)?"
        rf"(?:(?P<verb>reache[sd]|reach|totall?ed|totals|topped|tops|surpasse[sd]|exceede?d?s?)"
        rf"|(?P<moved>risen|rose|rises|climbed|jumped|grown|grew|increased|soared)\s+to"
        rf"|(?P<stood>stood|stands|stand)\s+at)\s+{FIGURE_AHEAD}", re.IGNORECASE), _quantity_is),
    # "with thousands still missing" -> "thousands were still missing": an absolute phrase (cut
    # off its clause by FACT_BOUNDARIES) as a sentence
    ("absolute phrase", re.compile(r"^with\s+(?P<rest>.*)$", re.IGNORECASE | re.DOTALL),
     lambda found: _absolute_as_sentence(found.group("rest"))),
    # "On Saturday, the government put the number of deaths at 3,252" -> "On Saturday, the number
    # of deaths was 3,252"
    ("put a count at a figure", re.compile(
        rf"^(?P<when>[^,]+,\s+)?(?P<who>[^,]+?)\s+(?:has\s+|had\s+)?(?:put|puts|placed|places)\s+"
        rf"(?P<what>(?:the|its|their)\s+.+?)\s+at\s+{FIGURE_AHEAD}", re.IGNORECASE | re.DOTALL),
     lambda found: f"{found.group('when') or ''}{found.group('what')} was "),
]


ACCORDING_TO_HEAD = re.compile(r"according to\b", re.IGNORECASE)
# What an attribution leaves when taken out of "X said on Sunday that A": "on Sunday that A".
FRAME_REMNANT = re.compile(r"^(?:(?:on|late|early|last|this)\s+\w+\s+)?(?:that|,)\s+",
                           re.IGNORECASE)

FRAME_LEFTOVER = re.compile(r"(?:on|in|at|to|during|via|through|from)\b", re.IGNORECASE)


def frame_speaker(quote, name=None):
    """Who the quote's speech tail ("..., said the spokesman, a former general") or the reporting
    frame opening it ("But the WHO said that ...") names, if any; read by `name` (`speaker_of`
    unless told)."""
    name = name or speaker_of
    text = without_speech_tail(quote)
    if text != quote:
        return name(quote[len(text):].strip(" ,"))
    framed = head_frame(LEADING_CONNECTIVE.sub("", text.strip()))
    return name(framed[0]) if framed else None


def _speaker_in(sentence):
    """Who the sentence says spoke: its attribution's speaker, else its frame's."""
    return speaker_of(attribution_of(sentence)) or frame_speaker(sentence)


def reported_as_said(text):
    """Whether a claim keeps the reporting frame opening `text` ("X said that A"): where there is
    no plain claim without it (`head_frame`), and where A gives no figure. A figure is a fact other
    outlets report with figures of their own, so the claim states it plainly and the figures
    decide; words with no figure are the speaker's, and who said them is part of what is checked
    ("the WHO said it had used UN figures" is not "the UN said ...")."""
    framed = head_frame(text)
    return framed is None or not label_figures(framed[1])


def claim_text(quote, attribution, doer=None):
    """The fact in plain words: the quote without its attribution, reporting frame, connectives,
    hedges, side remarks or quotation marks, its figures stated plainly (CLAIM_REWRITES), as a
    sentence; `doer` is who does what a participle opening the quote says (its sentence's
    speaker)."""
    act = SPEAKER_ACT_PHRASE.match(quote.strip())
    if act:
        quote = _speaker_act(act, doer)
    text = without_speech_tail(quote)
    if (attribution and attribution in text and not ACCORDING_TO_HEAD.match(attribution)
            and not HEAD_FRAME.match(text)):
        # "according to" goes with all it names, a frame at the head only where it leaves a
        # plain claim: both below; what follows "X said on X, formerly Twitter, that" stays whole
        rest = text.replace(attribution, " ", 1)
        text = text if FRAME_LEFTOVER.match(FRAME_REMNANT.sub("", rest.strip())) else rest
    text = FRAME_REMNANT.sub("", text.strip())
    for _, pattern, replacement in CLAIM_REWRITES:
        text = pattern.sub(replacement, text.strip(" ,;:“”\"‘’'"), count=1)
    while (shorter := SIDE_REMARK.sub(" ", text).rstrip()) != text:  # the last remark first
        text = shorter
    text = REMARK_ON_A_NAME.sub(lambda found: f" {found.group('name')}", text)
    text = re.sub(r"\s+", " ", text.strip(" ,;:“”\"‘’'")).rstrip(" ,;:.")
    if not text:
        text = quote.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


# Where a clause the engine reads as one states a further fact (clauses.py keeps these whole, as
# a statement to check is read whole): one pattern per line, cut where it matches.
FACT_BOUNDARIES = [
    # "A, with thousands missing and 30,000 displaced": an absolute phrase states its own fact
    re.compile(r",\s+(?=with\s+\S)", re.IGNORECASE),
    # "A, citing the WHO as saying that B", "A, saying B": what is said is a fact of its own
    re.compile(r",\s+(?:citing\s+[^,]{1,80}?\s+as\s+)?saying\s+(?:that\s+)?", re.IGNORECASE),
    # "A, attributing these numbers to the Red Crescent", "A (adjusting the numbers from ...": what
    # the speaker did with its figures is a fact of its own (SPEAKER_ACTS), not a side remark
    re.compile(rf"(?:,\s+|\s*\()(?={SPEAKER_ACTS}\s+\S)", re.IGNORECASE),
    # "A, causing a flash flood that killed 300 people": what came about, with its count
    RESULT_WITH_A_COUNT,
    # "A as WHO releases emergency funds": "as" before a named subject and its verb (not "as high
    # as", "known as X", "leaders such as Smith warned") opens a fact of its own
    re.compile(r"(?<!such)\s+as\s+"
               r"(?=(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+[a-z]+(?:s|ed)\s)"),
    # "Up to 90 are feared dead and dozens more are missing": "and" before a subject of its own
    # and its auxiliary
    re.compile(r"\s+and\s+(?=(?:[\w’'-]+\s+){1,3}(?:is|are|was|were|has|have|had)\s)",
               re.IGNORECASE),
    # "with thousands missing and more than 30,000 displaced": "and" before a count and the
    # participle saying what befell it (not "between 5,000 and 6,000 reported missing")
    re.compile(rf"(?<!\d)\s+and\s+{FIGURE_AHEAD}(?=(?:[a-z]+\s+){{0,2}}\d[\d,.]*\s+(?:[a-z]+\s+)?"
               r"[a-z]+ed\b)", re.IGNORECASE),
]


def facts_of(clause):
    """The facts a clause states, as Clauses spanning its parts: cut at FACT_BOUNDARIES where
    both sides are long enough to state a claim."""
    parts, start = [], 0
    cuts = sorted((m.start(), m.end()) for pattern in FACT_BOUNDARIES
                  for m in pattern.finditer(clause.text))
    for cut_start, cut_end in cuts:
        before, after = clause.text[start:cut_start], clause.text[cut_end:]
        if cut_start >= start and min(len(words(before)), len(words(after))) >= \
                Extractor.MIN_CLAIM_WORDS - 1:
            parts.append((start, cut_start))
            start = cut_end
    parts.append((start, len(clause.text)))
    if len(parts) == 1:
        return [clause]
    return [replace(clause, start=clause.start + a, end=clause.start + b, text=clause.text[a:b])
            for a, b in parts]


class Extractor:
    """Proposes the checkable facts of texts, naming the entities of one entity table."""

    MIN_WORDS = 3
    MIN_CLAIM_WORDS = 4

    def __init__(self, entities=()):
        self.entities = EntityTable(entities)

    def entities_in(self, text):
        terms = self.entities.canonicalize(words(text))
        return list(dict.fromkeys(self.entities.name(t) for t in terms if t.startswith("@")))

    def propose(self, text):
        """Proposals for `text`, in text order; each quote is text[start:end]."""
        proposals, before = [], Context()
        for sentence_start, _, sentence in sentence_spans(text):
            paragraph = text.count("\n", 0, sentence_start)
            for clause in (part for whole in split_clauses(sentence) for part in facts_of(whole)):
                context = before.with_named(paragraph, self._named(sentence[:clause.start]))
                proposal = self._proposal(text, sentence_start, clause, sentence)
                if proposal is not None:
                    proposals.append(self._in_context(proposal, context, sentence, paragraph))
            before = before.with_named(paragraph, self._named(sentence))
        return proposals

    def _named(self, text):
        """[(entity name, its kind)] of the entities `text` names, in order."""
        terms = self.entities.canonicalize(words(text))
        return [(self.entities.name(t), self.entities.kind.get(t))
                for t in terms if t.startswith("@")]

    def _in_context(self, proposal, context, sentence, paragraph):
        """The proposal with what the text before it says filled in (`context`: a Context). A
        pronoun speaker ("He said ...") is the last person named: the speaker and the claim text
        name them. A fact naming no one and nowhere, in its quote or claim ("more than 30,000
        displaced"), is placed, in its claim text, where its sentence names a place (city,
        region), else where its paragraph last did, else, where its sentence says "the city" (a
        kind), at the last city named."""
        pronoun = said_by(proposal.attribution) or frame_speaker(proposal.quote, said_by)
        person = context.last(PERSON_KINDS)
        if proposal.speaker is None and pronoun and fold(pronoun) in PERSONAL_PRONOUNS and person:
            claim = re.sub(rf"^{re.escape(pronoun)}\b", person, proposal.claim)
            proposal = replace(proposal, speaker=person, claim=claim)
        if proposal.entities or self._named(proposal.claim):
            return proposal
        place = Context().with_named(paragraph, self._named(sentence)).last(PLACE_KINDS) or (
            context.last(PLACE_KINDS, paragraph)) or next(
            (context.last({kind}) for kind in PLACE_KINDS
             if re.search(rf"\bthe\s+{kind}\b", sentence, re.IGNORECASE)), None)
        if place is None:
            return proposal
        return replace(proposal, claim=f"{proposal.claim[:-1]} in {place}{proposal.claim[-1]}")

    def _proposal(self, text, offset, clause, sentence):
        figures = label_figures(clause.text)
        tokens = words(clause.text)
        if len(tokens) < self.MIN_WORDS and not figures:
            return None
        start = offset + clause.start
        for figure in figures:
            figure.start += start
            figure.end += start
        attribution = clause.attribution or attribution_of(clause.text)
        if attribution and attribution in clause.text and len(words(attribution)) >= len(tokens):
            attribution = None  # "said the WHO had confirmed 3,922 deaths": the whole is the fact
        speaker = speaker_of(attribution) or frame_speaker(clause.text)
        facts = {"figures": figures, "speaker": speaker, "attribution": attribution,
                 "entities": self.entities_in(clause.text), "text": clause.text,
                 "words": set(tokens), "words_list": tokens}
        doer = _speaker_in(sentence) if SPEAKER_ACT_PHRASE.match(clause.text.strip()) else None
        claim = claim_text(clause.text, attribution, doer)
        if len(words(claim)) < self.MIN_CLAIM_WORDS:  # "200 wounded": say it with its sentence
            claim = claim_text(sentence, attribution_of(sentence))
        return Proposal(claim=claim, quote=clause.text,
                        start=start, end=start + len(clause.text), figures=figures,
                        entities=facts["entities"], speaker=speaker, attribution=attribution,
                        check_worthiness=check_worthiness(facts))


PERSONAL_PRONOUNS = frozenset("he she".split())  # a speaker named before, not "they"
PERSON_KINDS, PLACE_KINDS = (frozenset(k for k, c in KIND_CLASSES.items() if c == kind_class)
                             for kind_class in ("person", "place"))


@dataclass(frozen=True)
class Context:
    """The entities a text names before a fact: [(paragraph, entity name, kind)], in order."""

    named: tuple = ()

    def with_named(self, paragraph, named):
        return Context(self.named + tuple((paragraph, name, kind) for name, kind in named))

    def last(self, kinds, paragraph=None):
        """The last entity of one of `kinds` named (in paragraph `paragraph` only, if given)."""
        return next((name for where, name, kind in reversed(self.named)
                     if kind in kinds and paragraph in (None, where)), None)


def by_worthiness(proposals):
    """Most check-worthy first; text order among equals."""
    return sorted(proposals, key=lambda p: (-p.check_worthiness, p.start))
