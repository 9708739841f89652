"""Unicode-aware normalisation and tokenisation shared by every part of the engine."""
import re
import sys
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA

from .lexicon import is_english, is_verb_form, lemma

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
                             "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                             "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-",
                             "\u00a0": " ", "\u2009": " ", "\u202f": " "})
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
# Halves of UTF-16 pairs standing alone: a Python string may hold them (JSON's "\\ud800" does), but
# they are not Unicode text and no UTF-8 store or answer can carry them.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class TextRefused(ValueError):
    """A text the engine will not analyse; the message says why."""


STOPWORDS = frozenset("""
a an the and or but if then than so of in on at to from by for with without into onto over under
about as is are was were be been being am do does did doing have has had having it its it's this
that these those there here which who whom whose what when where why how all any both each few more
most other some such own same too very can could will would shall should may might must also just
only he she they them their theirs his her hers him we us our you your i me my mine s t
said says say saying according after before during while since until upon within between
against up down out off again further once people persons
""".split())

# Verbs by which someone denies or doubts what is said ("denied", "questioned", "refuted").
DISPUTING = frozenset("""
denied deny denies denying questioned questioning doubted doubting
refuted refute refutes refuting rebuffed rebuff rebuffs rebuffing
""".split())
# Negation cues, counted per clause: besides "not" and its kin, the DISPUTING verbs, so "never
# denied" and "did not fail to" affirm.
NEGATIONS = DISPUTING | frozenset("""
not no never none nobody nothing neither nor without n't cannot
refused refuse refuses failed fail fails failing false untrue unable impossible hardly scarcely
lack lacks lacked lacking
dont didnt doesnt isnt wasnt werent arent hasnt havent hadnt couldnt wouldnt shouldnt cant
""".split())

# Words after "not" that make it add rather than deny: "not only A but B" and "not just A" say A.
ADDING_AFTER_NOT = frozenset({"only", "just", "merely"})


def is_negation(tokens, i):
    """Whether tokens[i] is a negation cue: one of NEGATIONS, but not "not" adding ("not only"),
    or a word of CONDITIONAL_CUES where its condition holds, or a denial (DENIALS)."""
    token = tokens[i]
    condition = CONDITIONAL_CUES.get(token)
    if condition is not None:
        return condition(tokens, i)
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return (token in NEGATIONS and not (token == "not" and following in ADDING_AFTER_NOT)
            or token in DENIALS)


HINDRANCE_REACH = 3  # words up to the governed -ing form ("trouble independently verifying")


def negated_hindrance(tokens, i):
    """A word of difficulty governing a verb (hinders) that the text negates before it: "nobody
    had any trouble verifying X" says X was verified, as "X was verified" does, so the difficulty
    cancels the negation. A difficulty the text does not negate is left to the words: "hard to
    count" is not "could not count", and counted alone it would turn claims saying it otherwise
    ("struggled to", "made counting difficult")."""
    return not NEGATIONS.isdisjoint(tokens[:i]) and hinders(tokens, i)


def hinders(tokens, i):
    """Whether the word of difficulty at tokens[i] governs a verb: a noun the verb's -ing form
    within HINDRANCE_REACH words ("had trouble verifying", "difficulty in reaching"), an adjective
    "to" right after it ("difficult to confirm", "made it hard to count"), describing a thing
    rather than modifying the verb before it ("worked hard to rebuild")."""
    if tokens[i] in HINDRANCE_NOUNS:
        return any(word.endswith("ing") and is_verb_form(word)
                   for word in tokens[i + 1:i + 1 + HINDRANCE_REACH])
    before = tokens[i - 1] if i else ""
    return tokens[i + 1:i + 2] == ["to"] and (lemma(before) == "be" or not is_verb_form(before))


def opens_a_negation(tokens, i):
    """"nor" negates only where nothing did before it ("Nor did the UN confirm it"): after
    "neither" or "not" it carries the same negation on to another part ("neither A nor B
    confirmed it" negates once, not twice)."""
    return NEGATIONS.isdisjoint(tokens[:i])


def ruled_out(tokens, i):
    """"rule out" ("officials ruled out arson"): said not to be so."""
    return tokens[i + 1:i + 2] == ["out"]


def yet_to_do(tokens, i):
    """"yet" before "to" ("has yet to release", "are yet to be found"): not done so far."""
    return tokens[i + 1:i + 2] == ["to"]


# Words of difficulty (negated_hindrance), as nouns and as adjectives.
HINDRANCE_NOUNS = frozenset({"trouble", "difficulty", "difficulties"})
HINDRANCE_ADJECTIVES = frozenset({"difficult", "hard"})
# Words that are negation cues only where their condition holds (one function each).
CONDITIONAL_CUES = {
    **dict.fromkeys(HINDRANCE_NOUNS | HINDRANCE_ADJECTIVES, negated_hindrance),
    "yet": yet_to_do,
    "nor": opens_a_negation,
    **dict.fromkeys(("rule", "rules", "ruled", "ruling"), ruled_out),
}


def negation_cues(tokens):
    """The tokens that are negation cues (is_negation), in order."""
    return [token for i, token in enumerate(tokens) if is_negation(tokens, i)]


# Everyday English words news reports use for the same thing, by stem; generic, not corpus-specific:
# a story's own words (a war's "assault" for "operation") are its corpus's vocabulary (Vocabulary).
SYNONYMS = {
    "die": "kill", "died": "kill", "dy": "kill", "dead": "kill", "death": "kill",
    "fatality": "kill", "perish": "kill",
    "wound": "injur", "injury": "injur", "hurt": "injur",
    "inhabitant": "inhabit", "resident": "inhabit", "liv": "inhabit", "popul": "inhabit",
    "home": "inhabit", "live": "inhabit",
    "back": "support", "endors": "support",
    "launch": "start", "began": "start", "begin": "start", "begun": "start",
    "nation": "country", "state": "country",
}


# Verbs that say opposite things about the same event, as matching terms (stems, synonyms merged:
# "backed" is "support"); generic English, not tied to a corpus.
OPPOSITES = [
    ({"condemn", "criticis", "criticiz", "denounc", "oppos", "reject"},
     {"support", "welcom", "prais", "approv", "accept"}),
    ({"increas", "rose", "rise", "grew", "grow"}, {"decreas", "fell", "fall", "dropp", "declin"}),
    ({"won", "win"}, {"lost", "lose", "defeat"}),
    ({"allow", "permitt", "permit"}, {"ban", "forbid", "prohibit", "block"}),
    ({"continu", "continue", "kept"}, {"halt", "stop", "stopp", "end"}),
]
OPPOSITE_WORDS = frozenset().union(*(one | other for one, other in OPPOSITES))
NO_MARKS = frozenset()
# word -> (its pair's shared term, its mark); built last to first so that a word in two groups
# keeps the first, as a scan of OPPOSITES in order would.
OPPOSITE_MARKS = {word: (f"~{index}", index * 2 + side)
                  for index, pair in reversed(list(enumerate(OPPOSITES)))
                  for side, group in reversed(list(enumerate(pair))) for word in group}


# Words of a pair of opposites that also deny what follows ("rejected the toll" is "denied the
# toll"): negation cues against a text that takes no side of their pair, a side against one that
# does ("rejected the plan" against "accepted the plan": rules.opposes). They stay content words.
DENIALS = frozenset({"reject", "rejects", "rejected", "rejecting"})
DENIAL_PAIR = frozenset({OPPOSITE_MARKS["reject"][1], OPPOSITE_MARKS["reject"][1] ^ 1})


def denial_read_as_side(cue, other_marks):
    """Whether a negation cue is a denial whose pair the other text takes a side of, so that it
    reads as that side, not as a negation."""
    return cue in DENIALS and not DENIAL_PAIR.isdisjoint(other_marks)


def polarize(terms):
    """Each word of a pair of opposites becomes the pair's shared term, so "lost the war" still
    finds "won the war"; the marks (pair, side) keep which side the text took."""
    if OPPOSITE_WORDS.isdisjoint(terms):
        return list(terms), NO_MARKS
    merged, marks = [], set()
    for term in terms:
        opposite = OPPOSITE_MARKS.get(term)
        if opposite is not None:
            term, mark = opposite
            marks.add(mark)
        merged.append(term)
    return merged, frozenset(marks)


def sides_taken(tokens):
    """The marks of the pairs of opposites the tokens take a side of as what happened, leaving out
    a pair word that only tells how long the verb after it went on ("kept searching", "stopped
    firing"): that side is the verb's aspect, and a claim saying the verb alone ("searched") does
    not leave it untaken."""
    marks = set()
    for token, after in zip(tokens, [*tokens[1:], ""]):
        opposite = OPPOSITE_MARKS.get(content_term(token))
        if opposite is not None and not (after.endswith("ing") and content_term(after)):
            marks.add(opposite[1])
    return marks


# Shorthand of informal English, read as the word it stands for.
ABBREVIATIONS = {
    "abt": "about", "ppl": "people", "govt": "government", "gov": "government",
    "approx": "approximately", "intl": "international", "natl": "national", "dept": "department",
    "yr": "year", "yrs": "years", "b4": "before", "thru": "through",
}


def _slips(word):
    """The word with one letter dropped or two neighbouring letters swapped."""
    return {*(word[:i] + word[i + 1:] for i in range(len(word))),
            *(word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1))}


# Letters a typist writes for each other or doubles by mistake ("Lybia", "arround"): spelling_key
# reads them alike.
ALIKE_LETTERS = str.maketrans({"y": "i"})
DOUBLED = re.compile(r"(.)\1+")


def spelling_key(word):
    """The word with letters typists confuse read alike and doubled letters single."""
    return DOUBLED.sub(r"\1", word.translate(ALIKE_LETTERS))


def one_slip_apart(word, known):
    """Whether `word`, which is no English word, is `known` with one typing slip: a letter
    dropped, added or wrong, or two neighbours swapped ("popluation", "danial"), after
    spelling_key; the first letter, which typists rarely miss, kept. fuzz.ratio counts a wrong or
    swapped letter as two edits, too many in a short word ("lybia" scores 80 against "libya")."""
    return (word[:1] == known[:1] and word != known
            and OSA.distance(spelling_key(word), spelling_key(known), score_cutoff=1) <= 1
            and not is_english(word))


# Function words as hasty typing slips them, in three letters or more ("frm", "teh", "wth"): a
# slip that is itself a function word is that word, not a slip.
FUNCTION_WORD_SLIPS = {slip: word for word in sorted(STOPWORDS - NEGATIONS, reverse=True)
                       if word.isalpha() for slip in _slips(word)
                       if len(slip) >= 3 and slip not in STOPWORDS | NEGATIONS}

# "claimed 11,300 lives", "cost lives", "lost their lives": a way of saying people were killed.
TOLL_VERBS = frozenset({"claim", "cost", "take", "lose"})
TOLL_GAP = 1  # words that may stand between the verb and "lives" ("lost their lives")


def read_tolls(tokens):
    """The tokens with each "<claimed|cost|took|lost> [their] lives" read as "killed"."""
    if "lives" not in tokens:
        return tokens
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token != "lives":
            continue
        for start in range(max(0, i - 1 - TOLL_GAP), i):
            if lemma(out[start]) in TOLL_VERBS:
                out[start:i + 1] = ["killed"] + [""] * (i - start)
                break
    return [token for token in out if token]


# Words whose stem would mislead: "arms" are weapons, "armed" forces are not; irregular past tenses.
WORD_FORMS = {
    "arms": "weapon", "armed": "armed",
    "sold": "sell", "took": "take", "taken": "take", "gave": "give", "given": "give",
    "made": "make", "held": "hold", "left": "leave", "met": "meet", "fought": "fight",
    "broke": "break", "broken": "break", "brought": "bring", "spoke": "speak", "spoken": "speak",
    "led": "lead", "told": "tell", "thought": "think", "sought": "seek", "struck": "strike",
    "shot": "shoot", "built": "build", "chose": "choose", "chosen": "choose", "drove": "drive",
    "driven": "drive", "flew": "fly", "flown": "fly", "fled": "flee", "hid": "hide",
    "hidden": "hide", "stood": "stand", "understood": "understand", "went": "go", "gone": "go",
    # comparatives of an amount: a toll "larger", "bigger" or "greater" than another is higher
    "larger": "high", "bigger": "high", "greater": "high",
}


# Words that report a demand or request ("protesters demanded his resignation"): what is demanded
# has not happened, so a text with them tells another story than one that states the deed.
DEMAND_STEMS = frozenset({"demand", "urg", "request", "appeal", "ask", "plead", "want"})
DEMAND_OPENERS = frozenset({"call", "push", "clamour", "clamor"})  # only with "for": "called for"


# Words that attribute a statement to someone ("Azerbaijan said ..."): a text with them reports
# what was said, one without them states it as fact.
SPEECH_WORDS = frozenset("""
said says say saying told tells stated states announced announces claimed claims asserted asserts
according insisted insists
""".split())


MAX_SPEAKER_WORDS = 5  # "the Northland Foreign Ministry spokesman": a longer subject is a clause


def reports_speech(tokens):
    """Whether the tokens attribute what they say to someone."""
    return not SPEECH_WORDS.isdisjoint(tokens)


def speaker_span(words, max_words=MAX_SPEAKER_WORDS):
    """(start, end, verb): where who said it stands in `words` (folded), around the first speech
    word (`verb`, its index): the words before it where they open the text ("Officials said ...",
    "The Red Cross spokesman says ..."), else those after it where they close it ("..., says a
    ministry spokesman"; none after a closing "..., said"), at most `max_words`; None where it has
    none. The one reading of a speaker: a statement's (`speaker`) and a clause's attribution
    (clauses.attribution_of)."""
    for i, word in enumerate(words):
        if word in SPEECH_WORDS:
            if 0 < i <= max_words:
                return 0, i, i
            if len(words) - i - 1 <= max_words:
                return i + 1, len(words), i
            return None
    return None


def speaker(tokens):
    """The tokens that say who said it (`speaker_span`); [] where they name nobody."""
    span = speaker_span(tokens)
    return tokens[span[0]:span[1]] if span else []


def reports_demand(tokens):
    """Whether the tokens report a demand or request rather than a deed."""
    return any(stem(token) in DEMAND_STEMS or stem(token) in DEMAND_OPENERS
               and tokens[i + 1:i + 2] == ["for"] for i, token in enumerate(tokens))


def fold(text, keep_case=False):
    """Casefold, unify quotes and dashes, and strip diacritics, so 'Türkiye' meets 'turkiye';
    with `keep_case`, all but the casefold."""
    if text.isascii():  # nothing to normalise or strip, and casefold is lower
        text = text.replace("`", "'")
        return text if keep_case else text.lower()
    text = unicodedata.normalize("NFKC", text).translate(APOSTROPHES)
    text = text if keep_case else text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 18)  # words repeat hugely: a corpus has far fewer distinct ones
def stem(word):
    """A deliberately light stem: plurals, possessives, -ed/-ing and -ation/-ate, enough to match
    inflections ('escalated', 'escalation' -> 'escal')."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    return _derivation(_inflection(word))


def _inflection(word):
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2] if not word.endswith("eed") else word[:-1]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not word.endswith("us"):
        return word[:-1]
    return word


def _derivation(word):
    if len(word) > 8 and word.endswith("ation"):
        return word[:-5]
    if len(word) > 6 and word.endswith("ate"):
        return word[:-3]
    if len(word) > 5 and word.endswith("at") and word[-3] not in "aeiou":
        return word[:-2]
    return word


def words(text, keep_case=False):
    """All word tokens of folded text, in order ("n't" split off as its own token, even from a
    misspelt contraction such as "dind't"); with `keep_case`, as the text writes them. Raises
    TextRefused for a text that is not Unicode text (a lone surrogate)."""
    if not text.isascii() and LONE_SURROGATE.search(text):
        raise TextRefused("the text holds a lone surrogate (\\ud800-\\udfff), which is not "
                          "Unicode text")
    text = fold(text, keep_case)
    if "'t" not in text.lower():
        return WORD.findall(text)
    tokens = []
    for token in WORD.findall(text):
        if token.lower().endswith("'t") and len(token) > 2:
            negation = token.lower().endswith("n't")
            head = token[:-3] if negation else token[:-2]
            tail = token[-3:] if negation and keep_case else "n't"
            tokens.extend([head, tail] if head else [tail])  # "did n't": no empty word
        else:
            tokens.append(token)
    return tokens


def content_terms(tokens):
    """Stems of the tokens that carry meaning, synonyms merged: no stopwords, no negations."""
    terms = []
    for token in tokens:
        term = content_term(token)
        if term is not None:
            terms.append(term)
    return terms


@lru_cache(maxsize=1 << 18)
def content_term(token):
    """The term a token stands for, or None for a stopword or negation (entity terms stay): the
    stem of its dictionary form, so every inflection meets ("collapsed", "collapse"). Interned: a
    corpus repeats the same few terms millions of times."""
    if token.startswith("@"):
        return token
    token = ABBREVIATIONS.get(token, token)
    if token in STOPWORDS or token in NEGATIONS:
        return None
    term = curated_term(token) or WORD_FORMS.get(token) or stem(lemma(token))
    return sys.intern(SYNONYMS.get(term, term))


@lru_cache(maxsize=1 << 16)  # asked of each word of every statement and claim: words repeat
def curated_term(token):
    """The token's term in the tables above (SYNONYMS, OPPOSITES: kept by stem, as "oppos"), or
    None when they do not list it."""
    term = WORD_FORMS.get(token) or stem(token)
    return term if term in SYNONYMS or term in OPPOSITE_WORDS else None


class Vocabulary:
    """A corpus's own synonyms, on top of the general ones above: {word: the word it means}, as
    editors list them ("assault": "operation"). Any form of a listed word reads as its meaning."""

    def __init__(self, means=None):
        self.means = {}
        for word, meaning in (means or {}).items():
            term = content_term(fold(word))
            if term is not None:
                self.means[term] = fold(meaning)

    def term(self, listed):
        """The term a listed word (given as its term) stands for."""
        return content_term(self.means[listed])

    def rewrite(self, tokens):
        """The tokens with each listed word replaced by the word it means."""
        if not self.means:
            return tokens
        return [self.means.get(content_term(token), token) for token in tokens]
