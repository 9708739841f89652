"""Other names for the same thing: 'Artsakh' and 'Karabakh' both become one canonical term."""
import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from .lexicon import is_common_word
from .text import NEGATIONS, STOPWORDS, fold, one_slip_apart, words

# Entities of one class can stand in each other's place in a sentence (a country for a country or
# an organisation, a person for a person); swapping them changes the claim.
KIND_CLASSES = {"country": "actor", "organization": "actor", "organisation": "actor",
                "group": "actor", "person": "person", "region": "place", "city": "place"}
ACTOR_CLASSES = ("actor", "person")  # entity classes that do things (not places)
TYPO_CUTOFF = 85
TYPO_MIN_LENGTH = 5
# An alias written in capitals and this short ("WHO", "UN") is an acronym: it names the entity only
# where the text writes it in capitals too ("people who lost their homes" is not the WHO), unless
# it is no word of English ("ocha", "un"): hasty typing drops capitals (needs_capitals).
ACRONYM_MAX = 5
CAPITALS = re.compile(r"[^\W\d_]+")
# "the US Geological Survey (USGS)": a name followed by its acronym in brackets.
ACRONYM_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
NAME_WORD = re.compile(r"[\w'’.&-]+")
NAME_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "el", "al",
                        "&"})
MAX_NAME_WORDS = 10
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘(]*$")  # text before a sentence's first word


def is_acronym(name):
    letters = "".join(CAPITALS.findall(name))
    return name.isupper() and 1 < len(letters) <= ACRONYM_MAX


def needs_capitals(name, key):
    """Whether a name (`key`: its words) names its entity only where written in capitals: an
    acronym that is a word of running English ("WHO", "US", "AID"; lexicon.is_common_word), not
    only a name WordNet lists ("UN", "OCHA" in lower case are still the names)."""
    return is_acronym(name) and any(word in STOPWORDS or is_common_word(word) for word in key)


def capitals_of(text):
    """For each token of words(text), whether the text writes it in capitals ("WHO"); None when
    the two tokenisations do not line up (then case is not looked at)."""
    cased = words(text, keep_case=True)
    if len(cased) != len(words(text)):
        return None
    return [len(word) > 1 and word.isupper() for word in cased]


def defined_acronyms(texts):
    """{acronym: name} for every "Name Of Something (NOS)" in the texts, the first definition of
    an acronym winning: the name is the shortest run of capitalised words before the bracket
    whose initials (a word in capitals counts whole: "US Geological Survey") spell the acronym,
    in order, from its first letter."""
    found = {}
    for text in texts:
        for match in ACRONYM_DEFINED.finditer(text or ""):
            acronym = match.group(1)
            if acronym in found:
                continue
            run = []
            for word in reversed(NAME_WORD.findall(text[max(0, match.start() - 200):
                                                        match.start()])):
                if len(run) >= MAX_NAME_WORDS or not (word[0].isupper()
                                                      or word.lower() in NAME_LINKS):
                    break
                run.insert(0, word)
            for start in range(len(run) - 1, -1, -1):
                if run[start].lower() in NAME_LINKS:
                    continue
                if _spells(acronym, run[start:]):
                    found[acronym] = " ".join(run[start:])
                    break
    return found


def _spells(acronym, name_words):
    initials = "".join(w if w.isupper() else w[0].upper() for w in name_words
                       if w.lower() not in NAME_LINKS)
    if not initials or initials[0] != acronym[0]:
        return False
    letters = iter(initials)
    return all(letter in letters for letter in acronym.replace("&", ""))


def with_acronyms(entities, texts):
    """The entities, each name a text defines an acronym for gaining it as an alias, and a new
    entity for a defined name no entity has yet: the corpus names things for itself."""
    entities = [dict(entity, aliases=list(entity.get("aliases", ()))) for entity in entities]
    by_key = {}
    for entity in entities:
        for name in [entity["name"], *entity["aliases"]]:
            by_key.setdefault(tuple(words(name)), entity)
    for acronym, name in defined_acronyms(texts).items():
        if (acronym.lower(),) in by_key:
            continue  # already somebody's name
        entity = by_key.get(tuple(words(name)))
        if entity is None:
            entity = {"name": name, "kind": None, "aliases": []}
            entities.append(entity)
            by_key[tuple(words(name))] = entity
        entity["aliases"].append(acronym)
        by_key[(acronym.lower(),)] = entity
    return entities


def entity_term(name):
    """The single term that stands for an entity in the index."""
    return "@" + re.sub(r"\W+", "_", fold(name)).strip("_")


class EntityTable:
    """Maps every known name of an entity, as a word sequence, to that entity's canonical term."""

    def __init__(self, entities=(), texts=()):
        """`texts`, the corpus's own, may say which office a person holds ("X, spokesman for Y":
        offices_in)."""
        self.names = {}
        self.display = {}
        self.kind_class = {}
        self.kind = {}
        self.longest = 1
        self.acronyms = set()  # names that match only where written in capitals (needs_capitals)
        entities = list(entities)
        for entity in entities:
            term = entity_term(entity["name"])
            self.display[term] = entity["name"]
            self.kind[term] = (entity.get("kind") or "").casefold() or None
            self.kind_class[term] = KIND_CLASSES.get(self.kind[term])
            for name in [entity["name"], *entity.get("aliases", ())]:
                key = tuple(words(name))
                if key:
                    self.names[key] = term
                    self.longest = max(self.longest, len(key))
                    if needs_capitals(name, key):
                        self.acronyms.add(key)
        self.name_starts = frozenset(key[0] for key in self.names)
        self.name_words = sorted({word for key in self.names for word in key
                                  if len(word) >= TYPO_MIN_LENGTH})
        # Names of several words, by word count and as one string, for misspelt whole names.
        self.long_names = {}
        for key in self.names:
            if len(key) > 1 and key not in self.acronyms:
                self.long_names.setdefault(len(key), {})[" ".join(key)] = key
        self.related = {term: set() for term in self.display}
        for entity in entities:
            whole = entity_term(entity["name"])
            # A person's titles name their country ("Armenian Prime Minister"); other aliases
            # may borrow a neighbour's name ("the Armenian enclave"), so only the name counts there.
            names = [entity["name"]]
            if self.kind_class[whole] == "person":
                names += list(entity.get("aliases", ()))
            for name in names:
                self._relate(whole, tuple(words(name)))
        # A person's titles name their offices too ("Northlandic Fisheries Minister"): read with
        # their last word kept as it is, so that the title is not read as the person again.
        self.offices = {}
        for entity in entities:
            term = entity_term(entity["name"])
            if self.kind_class[term] == "person":
                self.offices[term] = list(dict.fromkeys(
                    role for alias in entity.get("aliases", ()) if words(alias)
                    for role in roles(self.canonicalize(words(alias)[:-1]) + words(alias)[-1:])))
        for text in texts:
            for person, role in self.offices_in(self.canonicalize(words(text or ""))):
                if role not in self.offices[person]:
                    self.offices[person].append(role)
        # A person and the body they hold an office of are related actors: a spokesman's words
        # are the body's ("the Red Cross said" for "Red Cross spokesman Jan Vos said"), and so
        # are the bodies its name is of ("Northland" for a minister of "Northland's government").
        for person, held in self.offices.items():
            for role in held:
                if role.body and role.body != person:
                    for body in (role.body, *self._parts(tuple(words(self.name(role.body))))):
                        self.related[person].add(body)
                        self.related.setdefault(body, set()).add(person)

    def offices_in(self, tokens):
        """(person, Role) for every office the (canonicalized) tokens give a named person right
        beside it: "Jan Vos, a spokesman for the Red Cross", "the Red Cross spokesman Jan Vos",
        "Jan Vos is the Red Cross spokesman"."""
        found = []
        for start, end, role in role_spans(tokens):
            if self.kind_class.get(role.body) == "person":  # "Jan Vos spokesman": no body said
                found.append((role.body, Role(role.office, role.qualifier)))
                continue
            after = tokens[end:end + 1]
            before = tokens[max(0, start - OFFICE_GAP - 1):start]
            while before and before[-1] in OFFICE_LINKS:
                before = before[:-1]
            for person in (after[0] if after else None, before[-1] if before else None):
                if self.kind_class.get(person) == "person":
                    found.append((person, role))
                    break
        return found

    def holder(self, role):
        """The one person the corpus gives an office `role` may name ("the eastern prime
        minister", "the Red Cross spokesman"), or None where none or several do: "the prime
        minister" is nobody in particular in a corpus with two. A role naming a body names only
        an office of that body."""
        holders = {person for person, held in self.offices.items() for other in held
                   if (role.body is None or other.body is not None)
                   and self.same_holder(role, other)}
        return holders.pop() if len(holders) == 1 else None

    def with_holders(self, tokens):
        """The tokens, each office that names its one holder (holder) followed by that person's
        term, unless the tokens name them already: the office names the person."""
        if not any(self.offices.values()):
            return tokens
        out, last = [], 0
        for _, end, role in role_spans(tokens):
            person = self.holder(role)
            if person and person not in tokens:
                out += [*tokens[last:end], person]
                last = end
        return out + tokens[last:] if out else tokens

    def _relate(self, whole, key):
        """Relate `whole` to every entity named inside `key`, one of its names."""
        for part in self._parts(key):
            if part != whole:
                self.related[whole].add(part)
                self.related.setdefault(part, set()).add(whole)

    def _parts(self, key):
        """The entities named inside `key`, a name, by fewer words than the whole name."""
        for start in range(len(key)):
            for end in range(start + 1, len(key) + 1):
                part = self.names.get(key[start:end]) or self._possessive(key[start:end])
                if part and end - start < len(key):
                    yield part

    def __len__(self):
        return len(self.names)

    def name(self, term):
        return self.display.get(term, term)

    def interchangeable(self, one, other, places=False):
        """Whether `one` in a statement could stand where `other` stands in a claim and change it:
        same class of thing (with `places`, a country and a region or city too), and neither part
        of the other's name ('Russian Foreign Ministry')."""
        one_class, other_class = self.kind_class.get(one), self.kind_class.get(other)
        same_class = (one_class is None or other_class is None or one_class == other_class
                      or places and {self.kind.get(one), self.kind.get(other)} & {"country"}
                      and {one_class, other_class} == {"actor", "place"})
        return bool(same_class) and other not in self.related.get(one, ()) and one != other

    def part_of_any(self, term, others):
        """Whether `term` is part of, or contains, one of `others` ('United States' and 'Armenian
        diaspora in the United States')."""
        related = self.related.get(term, ())
        return any(other in related for other in others)

    def stands_for(self, statement_entity, claim_entity):
        """Whether the claim's actor `claim_entity` may be the statement's `statement_entity`: one
        is part of the other's name ('France' and 'French Foreign Minister'). A country may act
        through its officials, but a named person is not their country: 'Putin called ...' is not
        'Russia called ...'."""
        if claim_entity not in self.related.get(statement_entity, ()):
            return False
        return not (self.kind_class.get(statement_entity) == "person"
                    and self.kind_class.get(claim_entity) != "person")

    def roles_named(self, tokens):
        """The Roles the (canonicalized) tokens name, offices in words ("the foreign minister")
        and the offices of the people they name."""
        return roles(tokens) + [role for token in tokens for role in self.offices.get(token, ())]

    def same_holder(self, role, other):
        """Whether two Roles may name one person: the same office of the same body (or of a body
        one text leaves unsaid, or of one part of the other: "UN" and "UN aid agency")."""
        return role.same_office(other) and (
            role.body is None or other.body is None or role.body == other.body
            or other.body in self.related.get(role.body, ()))

    def describe(self, role):
        """A Role as a reader names it ("United Nations spokesperson")."""
        return " ".join(part for part in (role.body and self.name(role.body), role.title) if part)

    def correct(self, tokens, is_known):
        """Misspelt names read as the closest name word ('Blinkin' -> 'blinken') or, misspelt
        word by word, as the whole name ('Lybian Red Cresent'); `is_known` says which tokens are
        ordinary words of the corpus and must stay.

        Returns (tokens, {typo: fix})."""
        unknown = [self._unknown(token, is_known) for token in tokens]
        if not any(unknown):
            return list(tokens), {}
        fixed, corrections = [], {}
        for token, misspelt in zip(tokens, unknown):
            best = misspelt and self._name_word(token)
            if best:
                corrections[token] = best
                token = best
            fixed.append(token)
        return self._misspelt_names(fixed, unknown, corrections), corrections

    def _name_word(self, token):
        """The name word `token` misspells: the closest within TYPO_CUTOFF, or else the first one
        a typing slip away ("lybia" for "libya": text.one_slip_apart); None when there is none."""
        best = process.extractOne(token, self.name_words, scorer=fuzz.ratio,
                                  score_cutoff=TYPO_CUTOFF)
        if best:
            return best[0]
        return next((word for word in self.name_words if one_slip_apart(token, word)), None)

    def _unknown(self, token, is_known):
        """A word long enough to be a misspelling that is neither the corpus's nor a name's, nor a
        name's plural or possessive."""
        return (len(token) >= TYPO_MIN_LENGTH and bool(self.name_words) and not is_known(token)
                and token not in self.name_words and not self._plural_of_name(token))

    def _misspelt_names(self, tokens, unknown, corrections):
        """The tokens with each run of words that is a misspelt name of several words read as that
        name ("Lybian Red Cresent"): one of its words `unknown` (_unknown), the run as a whole
        within TYPO_CUTOFF of the name, each word starting with the name word's letter. A word
        alone may be too far from its name word ("lybian", "libyan") to be read as it safely;
        the whole name is not. Records each changed word in `corrections`."""
        out, i = [], 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 1, -1):
                run = tokens[i:i + size]
                names = self.long_names.get(size)
                if not names or not any(unknown[i:i + size]):
                    continue
                best = process.extractOne(" ".join(run), names.keys(), scorer=fuzz.ratio,
                                          score_cutoff=TYPO_CUTOFF)
                key = best and names[best[0]]
                if key and all(word[:1] == token[:1] for word, token in zip(key, run)):
                    corrections.update((t, w) for t, w in zip(run, key) if t != w)
                    out.extend(key)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def _plural_of_name(self, token):
        """'azerbaijans' is a name with a dropped apostrophe, not a typo."""
        return token.endswith("s") and self._possessive((token,)) is not None

    def capitals(self, text):
        """capitals_of(text), or None where no acronym is known (nothing to look at)."""
        return capitals_of(text) if self.acronyms else None

    def canonicalize(self, tokens, capitals=None):
        """Replace each longest known name in `tokens` by its entity term; an acronym only where
        `capitals` (capitals_of the text, one flag a token), when given, says it is in capitals."""
        if not self.names:
            return list(tokens)
        out, i, starts = [], 0, self.name_starts
        while i < len(tokens):
            token = tokens[i]
            # A name begins with a first word of a name, or is one with 's or s: others go fast.
            could_start = token in starts or token[:-1] in starts or token[:-2] in starts
            for size in range(min(self.longest, len(tokens) - i), 0, -1) if could_start else ():
                key = tuple(tokens[i:i + size])
                term = self.names.get(key) or self._possessive(key)
                if term and capitals is not None and key in self.acronyms and not all(
                        capitals[i:i + size]):
                    term = None
                if term:
                    out.append(term)
                    i += size
                    break
            else:
                out.append(token)
                i += 1
        return out

    def _possessive(self, key):
        """A name with 's, or with the apostrophe dropped ('Azerbaijans'), or in the plural."""
        last = key[-1]
        if last.endswith("'s"):
            return self.names.get(key[:-1] + (last[:-2],))
        if last.endswith("s"):
            return self.names.get(key[:-1] + (last[:-1],))
        return None


# Offices a person holds: two texts giving the same deed to different offices ("the president
# said" and "the prime minister said") or to one office of different bodies ("a UN spokesman"
# and "a Red Cross spokesman") tell of different people. Words naming one office are one.
ROLE_HEADS = {"president": "president", "premier": "prime minister", "minister": "minister",
              "spokesman": "spokesperson", "spokeswoman": "spokesperson",
              "spokesperson": "spokesperson", "ambassador": "ambassador",
              # a country's envoy to a body or another country is its ambassador there
              "envoy": "ambassador",
              "governor": "governor", "mayor": "mayor", "chancellor": "chancellor",
              "king": "king", "queen": "queen", "commander": "commander",
              "chairman": "chair", "chairwoman": "chair", "chairperson": "chair"}
# "spokesman for the Red Cross", "president of Northland", "ambassador to the Lake Council"
ROLE_LINKS = frozenset({"for", "of", "to"})
# Words between a person and the office a text gives them ("Jan Vos, a spokesman", "Jan Vos is
# the spokesman"), at most OFFICE_GAP of them.
OFFICE_LINKS = frozenset({"a", "an", "the", "is", "was", "as"})
OFFICE_GAP = 2


@dataclass(frozen=True)
class Role:
    """An office as a text names it: its head word ("minister"), the word before it that makes it
    another office ("foreign"), and the entity it belongs to, each None where not said."""

    office: str
    qualifier: str | None = None
    body: str | None = None

    def same_office(self, other):
        """Whether the two may be one office: the same head, and no two qualifiers that differ
        ("minister" may be the "foreign minister", the "health minister" is not; "dep." and a
        misspelling are the word they shorten or misspell)."""
        return self.office == other.office and (
            self.qualifier is None or other.qualifier is None
            or _same_word(self.qualifier, other.qualifier))

    @property
    def title(self):
        return " ".join(part for part in (self.qualifier, self.office) if part)


def roles(tokens):
    """The Roles the (canonicalized) tokens name: "the Northlandic foreign minister", "a
    spokesman for the Red Cross", "the premier"."""
    return [role for _, _, role in role_spans(tokens)]


def role_spans(tokens):
    """(start, end, Role) for each office the (canonicalized) tokens name, tokens[start:end]
    its words, its body's name included."""
    found = []
    for i, token in enumerate(tokens):
        office = ROLE_HEADS.get(token)
        if office is None:
            continue
        before, end = i - 1, i + 1
        qualifier = None
        if before >= 0 and _qualifies(tokens[before]):
            qualifier = tokens[before]
            before -= 1
        if qualifier == "prime":  # "prime minister": one office
            office, qualifier = "prime minister", None
        body, start = None, before + 1
        # A body named after the office says whose it is ("Jan Vos, spokesman for the Red
        # Cross"), else one right before it ("the Red Cross spokesman").
        if tokens[i + 1:i + 2] and tokens[i + 1] in ROLE_LINKS:
            skip = 3 if tokens[i + 2:i + 3] == ["the"] else 2
            if tokens[i + skip:i + skip + 1] and tokens[i + skip].startswith("@"):
                body, end = tokens[i + skip], i + skip + 1
        if body is None and before >= 0 and tokens[before].startswith("@"):
            body, start = tokens[before], before
        found.append((start, end, Role(office, qualifier, body)))
    return found


def _same_word(one, other):
    """One word, shortened ("dep", "deputy") or misspelt ("foriegn", "foreign")."""
    return (one.startswith(other) or other.startswith(one)
            or fuzz.ratio(one, other) >= TYPO_CUTOFF)


def _qualifies(token):
    """Whether a word before an office may make it another office ("foreign minister", "vice
    president", "fisheries minister"): a word, not a name, a stopword or a negation."""
    return token.isalpha() and token not in STOPWORDS and token not in NEGATIONS


def titled(found, text):
    """The Roles with each qualifier that `text` (when given) writes in another case than its
    office dropped: a title's words share their case ("Vice President", "foreign minister"), so
    in "weren't even President", "ex-President", "Jordan defended President Trump", "everyone is
    outraged. Mayor of ..." or "BNW Breaking News spokesman" the word before the office belongs
    to the sentence, and reading it as the office's would make every office another one. A
    capital that only starts a sentence says nothing ("Foreign minister X said")."""
    if not text:
        return found
    return [replace(role, qualifier=None) if role.qualifier and _written_apart(role, text)
            else role for role in found]


def _written_apart(role, text):
    """Whether every place `text` writes the role's qualifier right before a word of its office
    has the two in different cases; False where it writes them nowhere so (a corrected word)."""
    heads = "|".join(head for head, office in ROLE_HEADS.items() if office == role.office)
    pattern = rf"(?<![^\W\d_])({re.escape(role.qualifier)})\W+({heads})(?![^\W\d_])"
    text = fold(text, keep_case=True)
    pairs = [(match.group(1)[0].isupper(), match.group(2)[0].isupper(),
              SENTENCE_START.search(text[:match.start()]) is not None)
             for match in re.finditer(pattern, text, re.IGNORECASE)]
    return bool(pairs) and all(
        head and not qualifier or qualifier and not head and not starts
        for qualifier, head, starts in pairs)


def holders_named(one, other):
    """Whether one text names, as a word of its own, a person the other names right after an
    office ("President Donald Trump", "Vice President Mike Pence" and "... Pence is visiting"):
    then both name that person, known to the corpus or not."""
    if not one or not other:
        return False
    return any(not title_holders(text).isdisjoint(words(rest))
               for text, rest in ((one, other), (other, one)))


def title_holders(text):
    """The last words (surnames) of the capitalised names `text` writes right after an office."""
    cased, found = words(text, keep_case=True), set()
    for i, word in enumerate(cased):
        if word.lower() not in ROLE_HEADS:
            continue
        run = []
        for name in cased[i + 1:]:
            if not name[:1].isupper() or name.lower() in ROLE_HEADS or name.lower() in STOPWORDS:
                break
            run.append(name.lower().removesuffix("'s"))
            if name.lower().endswith("'s"):
                break
        found.update(run[-1:])
    return found


def other_role(statement_tokens, claim_tokens, table, texts=(None, None)):
    """(statement's office, claim's office) when the two texts name offices, none of the
    statement's may be one of the claim's and no person both name: another office ("president"
    for "prime minister"), or the same office of another body ("UN spokesman" for "Red Cross
    spokesman"); None otherwise. `texts`, the two texts as written, drop the qualifiers they
    write apart from their office (titled)."""
    people = {t for t in statement_tokens if table.kind_class.get(t) == "person"}
    if not people.isdisjoint(claim_tokens):
        return None  # one person both texts name, whatever each calls their office
    ours, theirs = table.roles_named(statement_tokens), table.roles_named(claim_tokens)
    if not ours or not theirs or holders_named(*texts):
        return None
    ours, theirs = titled(ours, texts[0]), titled(theirs, texts[1])
    if any(table.same_holder(one, other) for one in ours for other in theirs):
        return None
    return ours[0], theirs[0]
