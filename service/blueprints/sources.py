"""GET /sources and /sources/{id}: the news articles claims are checked against."""
from flask_smorest import abort

from schemas.common import PageQuerySchema
from schemas.corpus import SourcePageSchema, SourceSchema

from ..api import Blueprint
from ..models import Claim, Evidence, Source
from ..paging import paginate_query

blp = Blueprint("sources", __name__, description="News sources the claims come from")


@blp.route("/sources")
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, SourcePageSchema, headers={"Link": {
    "description": "RFC 8288 links to the first, prev, next and last pages",
    "schema": {"type": "string"}}})
@blp.problems(422)
def list_sources(args):
    """List sources"""
    return paginate_query(Source.select().order_by(Source.id), args["page"], args["per_page"])


@blp.route("/sources/<int:source_id>")
@blp.response(200, SourceSchema)
@blp.problems(404)
def get_source(source_id):
    """Read a source with its text and the claims it bears on"""
    source = Source.get_or_none(Source.id == source_id) or abort(404, message="No source has this id.")
    source.claims = list(Evidence.select(Evidence, Claim).join(Claim)
                         .where(Evidence.source == source).order_by(Claim.id, Evidence.id))
    return source
