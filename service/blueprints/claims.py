"""GET /claims and /claims/{id}: the curated claims and their evidence."""
from flask import current_app
from flask_smorest import abort

from schemas.corpus import ClaimPageSchema, ClaimQuerySchema, ClaimSchema

from ..api import Blueprint
from ..corpus import claim_records
from ..models import Claim
from ..paging import paginate_list, paginate_query

blp = Blueprint("claims", __name__, description="Curated claims with their evidence")


@blp.route("/claims")
@blp.arguments(ClaimQuerySchema, location="query")
@blp.response(200, ClaimPageSchema, headers={"Link": {
    "description": "RFC 8288 links to the first, prev, next and last pages",
    "schema": {"type": "string"}}})
@blp.problems(422)
def list_claims(args):
    """List claims, optionally searching for words"""
    if "q" in args:
        found = current_app.extensions["crosscheck"].checker.matcher.find(args["q"])
        return paginate_list(found, args["page"], args["per_page"])
    return paginate_query(Claim.select().order_by(Claim.id), args["page"], args["per_page"])


@blp.route("/claims/<int:claim_id>")
@blp.response(200, ClaimSchema)
@blp.problems(404)
def get_claim(claim_id):
    """Read a claim with all its evidence"""
    claim = Claim.get_or_none(Claim.id == claim_id) or abort(404, message="No claim has this id.")
    return claim_records([claim])[0]
