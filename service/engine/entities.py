"""Other names for the same thing: 'Artsakh' and 'Karabakh' both become one canonical term."""
import re

from .text import fold, words


def entity_term(name):
    """The single term that stands for an entity in the index."""
    return "@" + re.sub(r"\W+", "_", fold(name)).strip("_")


class EntityTable:
    """Maps every known name of an entity, as a word sequence, to that entity's canonical term."""

    def __init__(self, entities=()):
        self.names = {}
        self.longest = 1
        for entity in entities:
            term = entity_term(entity["name"])
            for name in [entity["name"], *entity.get("aliases", ())]:
                key = tuple(words(name))
                if key:
                    self.names[key] = term
                    self.longest = max(self.longest, len(key))

    def __len__(self):
        return len(self.names)

    def canonicalize(self, tokens):
        """Replace each longest known name in `tokens` by its entity term."""
        if not self.names:
            return list(tokens)
        out, i = [], 0
        while i < len(tokens):
            for size in range(min(self.longest, len(tokens) - i), 0, -1):
                term = self.names.get(tuple(tokens[i:i + size]))
                if term is None and size == 1 and tokens[i].endswith("'s"):
                    term = self.names.get((tokens[i][:-2],))
                if term:
                    out.append(term)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out
