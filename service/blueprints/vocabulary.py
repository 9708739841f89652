"""/vocabulary: the story's own synonyms, a word and the one word it means."""
from schemas.names import (TermCreateSchema, TermPageSchema, TermRevisionPageSchema, TermSchema,
                           TermUpdateSchema)

from ..models import Term
from .names import Names, names_blueprint

blp = names_blueprint(Names(
    path="/vocabulary", one="term", many="vocabulary", model=Term, item=TermSchema,
    page=TermPageSchema, create=TermCreateSchema, update=TermUpdateSchema,
    revisions=TermRevisionPageSchema,
    creating="A statement or claim that writes the word (in any inflection, or misspelt in a "
             "statement) is read as if it wrote the word it means. 409 when another term "
             "already gives this word a meaning."),
    "The corpus's own vocabulary: a story word and the word it means")
