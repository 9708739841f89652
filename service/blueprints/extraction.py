"""/sources/{id}/extract and /sources/{id}/align: proposals an editor reviews; nothing is stored.

Accepting a proposal is an ordinary write: POST its `accept` body to /claims, or an alignment's
`evidence` body to /claims/{id}/evidence, each leaving its revision.
"""
from flask import current_app
from flask_smorest import abort

from schemas.extraction import (AlignQuerySchema, AlignResponseSchema, ExtractQuerySchema,
                                ExtractResponseSchema)

from .. import alignment
from ..api import Blueprint
from ..auth import editors_only
from .sources import SOURCE

blp = Blueprint("extraction", __name__,
                description="Proposed claims and evidence from a source, for editors to review")


def _source_or_404(function, *args, **options):
    try:
        return function(*args, **options)
    except alignment.SourceNotFound:
        abort(404, message="No source has this id.")


@blp.route(f"{SOURCE}/extract", methods=["POST"])
@editors_only(blp)
@blp.arguments(ExtractQuerySchema, location="query")
@blp.response(200, ExtractResponseSchema)
@blp.problems(404, 422)
def extract(args, source_id):
    """Propose the checkable claims of a source

    One proposal per fact the source states, most check-worthy first: a plain claim text, its
    verbatim quote as a span of the source's text, every figure with what it counts, the entities
    named and who said it. POST a proposal's `accept` body to /claims to store it.
    """
    source, proposals = _source_or_404(alignment.extract_source, source_id,
                                       args["min_worthiness"])
    return {"source": source, "proposals": [
        {**p.as_dict(), "accept": p.import_line({"source_id": source.id})}
        for p in proposals]}


@blp.route(f"{SOURCE}/align", methods=["POST"])
@editors_only(blp)
@blp.arguments(AlignQuerySchema, location="query")
@blp.response(200, AlignResponseSchema)
@blp.problems(404, 422)
def align(args, source_id):
    """Propose the source as evidence for the stored claims

    Each stored claim the source bears on, with the stance the source takes: decided by figures
    for the same quantity where it gives one (398 dead where the claim has 381 contradicts it), and
    by the day of the same event (closed on March 3 where the claim has Tuesday, March 4; a date
    without a year read by the source's published date), otherwise by the verdict engine's reading
    of the wording. POST an alignment's `evidence` body
    to /claims/{claim id}/evidence to store it.
    """
    options = {} if args["min_coverage"] is None else {"min_coverage": args["min_coverage"]}
    source, alignments = _source_or_404(alignment.align_source, source_id,
                                        current_app.extensions["crosscheck"], **options)
    return {"source": source, "alignments": [a.as_dict(source.id) for a in alignments]}
