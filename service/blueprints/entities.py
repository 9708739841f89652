"""/entities: the named things of the corpus and the other names it uses for them."""
from schemas.names import (EntityCreateSchema, EntityPageSchema, EntityRevisionPageSchema,
                           EntitySchema, EntityUpdateSchema)

from ..models import Entity
from .names import Names, names_blueprint

blp = names_blueprint(Names(
    path="/entities", one="entity", many="entities", model=Entity, item=EntitySchema,
    page=EntityPageSchema, create=EntityCreateSchema, update=EntityUpdateSchema,
    revisions=EntityRevisionPageSchema,
    creating="A statement or claim that writes any of its names (or an acronym a source defines "
             "for one) then names the entity. 409 when another entity already has one of its "
             "names (read as words: case, accents and spacing aside)."),
    "Named things (people, places, organizations) and their other names")
