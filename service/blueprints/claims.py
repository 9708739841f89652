"""/claims: the curated claims and their evidence; editors create, change, delete, restore them."""
from flask import current_app, jsonify
from flask_smorest import abort

from schemas.common import PageQuerySchema
from schemas.corpus import ClaimPageSchema, ClaimQuerySchema, ClaimSchema
from schemas.curation import (ClaimCreateSchema, ClaimRevisionPageSchema, ClaimUpdateSchema,
                              ClaimWriteSchema)

from .. import curation
from ..api import Blueprint
from ..auth import actor_name, editors_only
from ..http_caching import negotiate
from ..idempotency import write
from .feeds import JSONLD, reviews
from ..models import Claim, Evidence, Source
from ..paging import LINK_HEADER, paginate_list, paginate_query

blp = Blueprint("claims", __name__, description="Curated claims with their evidence")
CLAIM = "/claims/<int(max=2147483647):claim_id>"


def claim_detail(claim):
    """The claim with its evidence rows (ids included) and their sources, in one query; each row
    carries the figures the write that just created it added (`claim.figures_added`), if any."""
    evidence = list(Evidence.select(Evidence, Source).join(Source).where(Evidence.claim == claim)
                    .order_by(Evidence.id))
    for row, added in zip(evidence, getattr(claim, "figures_added", ())):
        row.figures_added = added
    return {"id": claim.id, "ref": claim.ref, "text": claim.text, "evidence": evidence}


@blp.route("/claims")
@blp.arguments(ClaimQuerySchema, location="query")
@blp.response(200, ClaimPageSchema, headers=LINK_HEADER)
@blp.problems(422)
def list_claims(args):
    """List claims, optionally searching for words"""
    if "q" in args:
        found = current_app.extensions["crosscheck"].find(args["q"])
        return paginate_list(found, args["page"], args["per_page"])
    return paginate_query(Claim.live().order_by(Claim.id), args["page"], args["per_page"])


@blp.route("/claims", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.arguments(ClaimCreateSchema)
@blp.response(201, ClaimWriteSchema)
@blp.problems(400, 409, 413, 415, 422)
def create_claim(data):
    """Create a claim, from its text alone or with evidence

    Each evidence quote must occur verbatim in its source's text (a quote that differs only in
    quote marks, apostrophes, dashes or spacing is stored as the source's exact passage; any
    other difference is a 422 naming the closest passage), and each figure in its quote. Every
    figure of the quote that `numbers` leaves out is read, labelled and added, and named in
    `figures_added`.
    """
    current_app.extensions["crosscheck"].refuse_unanalysable(data["text"])
    return claim_detail(curation.create_claim(data, actor_name()))


@blp.route(CLAIM)
@blp.response(200, ClaimSchema)
@blp.doc(responses={200: {"content": {JSONLD: {"schema": {
    "type": "object", "description": "schema.org ClaimReview (JSON-LD)"}}}}})
@blp.problems(404)
def get_claim(claim_id):
    """Read a claim with all its evidence (404 once deleted)

    With `Accept: application/ld+json`, the claim's schema.org ClaimReview instead.
    """
    claim = Claim.live().where(Claim.id == claim_id).first() or abort(
        404, message="No claim has this id.")
    if negotiate("application/json", JSONLD) == JSONLD:
        response = jsonify(next(reviews([claim])))
        response.mimetype = JSONLD
        return response
    return claim_detail(claim)


@blp.route(CLAIM, methods=["PATCH"])
@editors_only(blp)
@write(blp)
@blp.arguments(ClaimUpdateSchema)
@blp.response(200, ClaimSchema)
@blp.problems(400, 404, 409, 413, 415, 422)
def update_claim(changes, claim_id):
    """Change a claim's text or ref"""
    current_app.extensions["crosscheck"].refuse_unanalysable(changes.get("text"))
    return claim_detail(curation.update_claim(claim_id, changes, actor_name()))


@blp.route(CLAIM, methods=["DELETE"])
@editors_only(blp)
@write(blp)
@blp.response(204)
@blp.problems(404)
def delete_claim(claim_id):
    """Delete a claim (soft: POST .../restore brings it back)"""
    curation.delete_claim(claim_id, actor_name())


@blp.route(f"{CLAIM}/restore", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.response(200, ClaimSchema)
@blp.problems(404, 409)
def restore_claim(claim_id):
    """Bring back a deleted claim

    409 when its evidence no longer fits its sources (a source deleted or its text edited since).
    """
    return claim_detail(curation.restore_claim(claim_id, actor_name()))


@blp.route(f"{CLAIM}/revisions")
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, ClaimRevisionPageSchema, headers=LINK_HEADER)
@blp.problems(404, 422)
def claim_revisions(args, claim_id):
    """Every change to a claim and its evidence, oldest first (deleted claims too)"""
    return paginate_query(curation.revisions_of("claim", claim_id), args["page"], args["per_page"])


@blp.route(f"{CLAIM}/revisions/<int(max=2147483647):revision_id>/revert", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.response(200, ClaimSchema)
@blp.problems(404, 409)
def revert_claim(claim_id, revision_id):
    """Undo a change: put the claim back as it was before that revision

    Reverting the revision that created a claim deletes it; the answer is the claim as it now
    stands. The revert is itself a revision, so it can be undone too.
    """
    return claim_detail(curation.revert_claim(claim_id, revision_id, actor_name()))
