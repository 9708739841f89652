"""Other names for the same thing: 'Artsakh' and 'Karabakh' both become one canonical term."""
import re

from rapidfuzz import fuzz, process

from .text import fold, words

# Entities of one class can stand in each other's place in a sentence (a country for a country or
# an organisation, a person for a person); swapping them changes the claim.
KIND_CLASSES = {"country": "actor", "organization": "actor", "organisation": "actor",
                "group": "actor", "person": "person", "region": "place", "city": "place"}
TYPO_CUTOFF = 85
TYPO_MIN_LENGTH = 5


def entity_term(name):
    """The single term that stands for an entity in the index."""
    return "@" + re.sub(r"\W+", "_", fold(name)).strip("_")


class EntityTable:
    """Maps every known name of an entity, as a word sequence, to that entity's canonical term."""

    def __init__(self, entities=()):
        self.names = {}
        self.display = {}
        self.kind_class = {}
        self.kind = {}
        self.longest = 1
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
        self.name_starts = frozenset(key[0] for key in self.names)
        self.name_words = sorted({word for key in self.names for word in key
                                  if len(word) >= TYPO_MIN_LENGTH})
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

    def _relate(self, whole, key):
        """Relate `whole` to every entity named inside `key`, one of its names."""
        for start in range(len(key)):
            for end in range(start + 1, len(key) + 1):
                part = self.names.get(key[start:end]) or self._possessive(key[start:end])
                if part and part != whole and end - start < len(key):
                    self.related[whole].add(part)
                    self.related.setdefault(part, set()).add(whole)

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

    def correct(self, tokens, is_known):
        """Misspelt names read as the closest name word ('Blinkin' -> 'blinken'); `is_known` says
        which tokens are ordinary words of the corpus and must stay.

        Returns (tokens, {typo: fix})."""
        fixed, corrections = [], {}
        for token in tokens:
            if (len(token) >= TYPO_MIN_LENGTH and self.name_words and not is_known(token)
                    and token not in self.name_words):
                best = process.extractOne(token, self.name_words, scorer=fuzz.ratio,
                                          score_cutoff=TYPO_CUTOFF)
                if best and not self._plural_of_name(token):
                    corrections[token] = best[0]
                    token = best[0]
            fixed.append(token)
        return fixed, corrections

    def _plural_of_name(self, token):
        """'azerbaijans' is a name with a dropped apostrophe, not a typo."""
        return token.endswith("s") and self._possessive((token,)) is not None

    def canonicalize(self, tokens):
        """Replace each longest known name in `tokens` by its entity term."""
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
