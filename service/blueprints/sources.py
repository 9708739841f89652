"""/sources: the news articles claims are checked against; editors add, change and delete them."""
from flask_smorest import abort

from schemas.common import PageQuerySchema
from schemas.corpus import SourcePageSchema, SourceSchema
from schemas.curation import SourceCreateSchema, SourceRevisionPageSchema, SourceUpdateSchema

from .. import curation
from ..api import Blueprint
from ..auth import actor_name, editors_only
from ..idempotency import write
from ..models import Claim, Evidence, Source
from ..paging import LINK_HEADER, paginate_query

blp = Blueprint("sources", __name__, description="News sources the claims come from")
SOURCE = "/sources/<int(max=2147483647):source_id>"


def source_detail(source):
    """The source with the live claims it bears on."""
    source.claims = list(Evidence.select(Evidence, Claim).join(Claim)
                         .where((Evidence.source == source) & Claim.deleted_at.is_null())
                         .order_by(Claim.id, Evidence.id))
    return source


@blp.route("/sources")
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, SourcePageSchema, headers=LINK_HEADER)
@blp.problems(422)
def list_sources(args):
    """List sources"""
    return paginate_query(Source.live().order_by(Source.id), args["page"], args["per_page"])


@blp.route("/sources", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.arguments(SourceCreateSchema)
@blp.response(201, SourceSchema)
@blp.problems(400, 409, 413, 415, 422)
def create_source(data):
    """Add a source"""
    return source_detail(curation.create_source(data, actor_name()))


@blp.route(SOURCE)
@blp.response(200, SourceSchema)
@blp.problems(404)
def get_source(source_id):
    """Read a source with its text and the claims it bears on (404 once deleted)"""
    source = Source.live().where(Source.id == source_id).first()
    return source_detail(source or abort(404, message="No source has this id."))


@blp.route(SOURCE, methods=["PATCH"])
@editors_only(blp)
@write(blp)
@blp.arguments(SourceUpdateSchema)
@blp.response(200, SourceSchema)
@blp.problems(400, 404, 409, 413, 415, 422)
def update_source(changes, source_id):
    """Change a source (its text only if every quote taken from it stays verbatim)"""
    return source_detail(curation.update_source(source_id, changes, actor_name()))


@blp.route(SOURCE, methods=["DELETE"])
@editors_only(blp)
@write(blp)
@blp.response(204)
@blp.problems(404, 409)
def delete_source(source_id):
    """Delete a source (soft; 409 while live claims cite it)"""
    curation.delete_source(source_id, actor_name())


@blp.route(f"{SOURCE}/restore", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.response(200, SourceSchema)
@blp.problems(404)
def restore_source(source_id):
    """Bring back a deleted source"""
    return source_detail(curation.restore_source(source_id, actor_name()))


@blp.route(f"{SOURCE}/revisions")
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, SourceRevisionPageSchema, headers=LINK_HEADER)
@blp.problems(404, 422)
def source_revisions(args, source_id):
    """Every change to a source, oldest first (deleted sources too)"""
    return paginate_query(curation.revisions_of("source", source_id), args["page"],
                          args["per_page"])


@blp.route(f"{SOURCE}/revisions/<int(max=2147483647):revision_id>/revert", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.response(200, SourceSchema)
@blp.problems(404, 409, 422)
def revert_source(source_id, revision_id):
    """Undo a change: put the source back as it was before that revision

    Reverting the revision that created a source deletes it (409 while live claims cite it); a
    text that would drop a quote evidence relies on is a 422. The answer is the source as it now
    stands; the revert is itself a revision, so it can be undone too.
    """
    return source_detail(curation.revert_source(source_id, revision_id, actor_name()))
