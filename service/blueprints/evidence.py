"""/claims/{id}/evidence: editors add, change and remove what a source says about a claim."""
from schemas.curation import EvidenceInputSchema, EvidenceUpdateSchema, EvidenceWriteSchema

from .. import curation
from ..api import Blueprint
from ..auth import actor_name, editors_only
from ..idempotency import write
from .claims import CLAIM

blp = Blueprint("evidence", __name__, description="Evidence tying claims to source quotes")
EVIDENCE = f"{CLAIM}/evidence/<int(max=2147483647):evidence_id>"


@blp.route(f"{CLAIM}/evidence", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.arguments(EvidenceInputSchema)
@blp.response(201, EvidenceWriteSchema)
@blp.problems(400, 404, 413, 415, 422)
def add_evidence(item, claim_id):
    """Add evidence to a claim

    The quote must occur verbatim in the source's text (a quote that differs only in quote
    marks, apostrophes, dashes or spacing is stored as the source's exact passage; any other
    difference is a 422 naming the closest passage) and each figure in the quote. Every figure of
    the quote that `numbers` leaves out is read, labelled and added, and named in
    `figures_added`.
    """
    return curation.add_evidence(claim_id, item, actor_name())


@blp.route(EVIDENCE, methods=["PATCH"])
@editors_only(blp)
@write(blp)
@blp.arguments(EvidenceUpdateSchema)
@blp.response(200, EvidenceWriteSchema)
@blp.problems(400, 404, 413, 415, 422)
def update_evidence(changes, claim_id, evidence_id):
    """Change evidence (a new quote without `numbers` gets its figures re-read; figures of the
    quote that `numbers` leaves out are added, as on create)"""
    return curation.update_evidence(claim_id, evidence_id, changes, actor_name())


@blp.route(EVIDENCE, methods=["DELETE"])
@editors_only(blp)
@write(blp)
@blp.response(204)
@blp.problems(404)
def delete_evidence(claim_id, evidence_id):
    """Remove evidence (kept in the claim's revisions; revert the revision to undo)"""
    curation.delete_evidence(claim_id, evidence_id, actor_name())
