"""The routes of a resource of names (/entities, /vocabulary): both are read, written, deleted,
restored, revised and reverted alike, so one function makes both blueprints."""
from dataclasses import dataclass

from flask_smorest import abort

from schemas.common import PageQuerySchema

from .. import curation, names as name_curation
from ..api import Blueprint
from ..auth import actor_name, editors_only
from ..idempotency import write
from ..paging import LINK_HEADER, paginate_query

EVERY_WORKER = ("Every worker then rebuilds its engine with the change, in the background and "
                "without a restart (this one waits up to 5 s for it, so on a small corpus its next "
                "check has the change).")


@dataclass(frozen=True)
class Names:
    """One resource of names: its model, its curation functions and its schemas."""

    path: str  # "/entities"
    one: str  # "entity": the curation functions' suffix, the revisions' kind
    many: str  # "entities": the list's endpoint name
    model: type
    item: type  # schemas
    page: type
    create: type
    update: type
    revisions: type
    creating: str  # what POST documents


def names_blueprint(names, description):
    one, many = names.one, names.many
    blp = Blueprint(many, __name__, description=description)
    item = f"{names.path}/<int(max=2147483647):{one}_id>"
    change = {action: getattr(name_curation, f"{action}_{one}")
              for action in ("create", "update", "delete", "restore", "revert")}

    def live(object_id):
        model = names.model
        return model.live().where(model.id == object_id).first() or abort(
            404, message=f"No {one} has this id.")

    @blp.route(names.path, endpoint=f"list_{many}")
    @blp.arguments(PageQuerySchema, location="query")
    @blp.response(200, names.page, headers=LINK_HEADER)
    @blp.problems(422)
    @blp.doc(summary=f"List the {many}", description="Deleted ones are left out.")
    def list_all(args):
        query = names.model.live().order_by(names.model.id)
        return paginate_query(query, args["page"], args["per_page"])

    @blp.route(names.path, methods=["POST"], endpoint=f"create_{one}")
    @editors_only(blp)
    @write(blp)
    @blp.arguments(names.create)
    @blp.response(201, names.item)
    @blp.problems(400, 409, 413, 415, 422)
    @blp.doc(summary=f"Add {article(one)} {one}",
             description=f"{names.creating} {EVERY_WORKER}")
    def create(data):
        return change["create"](data, actor_name())

    @blp.route(item, endpoint=f"get_{one}")
    @blp.response(200, names.item)
    @blp.problems(404)
    @blp.doc(summary=f"Read {article(one)} {one} (404 once deleted)")
    def read(**ids):
        return live(ids[f"{one}_id"])

    @blp.route(item, methods=["PATCH"], endpoint=f"update_{one}")
    @editors_only(blp)
    @write(blp)
    @blp.arguments(names.update)
    @blp.response(200, names.item)
    @blp.problems(400, 404, 409, 413, 415, 422)
    @blp.doc(summary=f"Change {article(one)} {one}",
             description=f"Fields left out stay as they are. {EVERY_WORKER}")
    def update(changes, **ids):
        return change["update"](ids[f"{one}_id"], changes, actor_name())

    @blp.route(item, methods=["DELETE"], endpoint=f"delete_{one}")
    @editors_only(blp)
    @write(blp)
    @blp.response(204)
    @blp.problems(404)
    @blp.doc(summary=f"Delete {article(one)} {one} (soft: POST .../restore brings it back)")
    def delete(**ids):
        change["delete"](ids[f"{one}_id"], actor_name())

    @blp.route(f"{item}/restore", methods=["POST"], endpoint=f"restore_{one}")
    @editors_only(blp)
    @write(blp)
    @blp.response(200, names.item)
    @blp.problems(404, 409)
    @blp.doc(summary=f"Bring back a deleted {one}",
             description="409 when a live one has taken its name since.")
    def restore(**ids):
        return change["restore"](ids[f"{one}_id"], actor_name())

    @blp.route(f"{item}/revisions", endpoint=f"{one}_revisions")
    @blp.arguments(PageQuerySchema, location="query")
    @blp.response(200, names.revisions, headers=LINK_HEADER)
    @blp.problems(404, 422)
    @blp.doc(summary=f"Every change to {article(one)} {one}, oldest first (deleted ones too)")
    def revisions(args, **ids):
        return paginate_query(curation.revisions_of(one, ids[f"{one}_id"]), args["page"],
                              args["per_page"])

    @blp.route(f"{item}/revisions/<int(max=2147483647):revision_id>/revert", methods=["POST"],
               endpoint=f"revert_{one}")
    @editors_only(blp)
    @write(blp)
    @blp.response(200, names.item)
    @blp.problems(404, 409, 422)
    @blp.doc(summary=f"Undo a change: put {article(one)} {one} back as it was before that revision",
             description=f"Reverting the revision that created it deletes it; the answer is the "
                         f"{one} as it now stands. The revert is itself a revision, so it can be "
                         f"undone too. 409 when another {one} has taken a name it would get "
                         f"back. {EVERY_WORKER}")
    def revert(revision_id, **ids):
        return change["revert"](ids[f"{one}_id"], revision_id, actor_name())

    return blp


def article(word):
    return "an" if word[0] in "aeiou" else "a"
