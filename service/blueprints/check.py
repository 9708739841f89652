"""POST /check: the fact-check itself."""
from flask import current_app

from schemas.check import CheckRequestSchema, CheckResponseSchema

from ..api import Blueprint

blp = Blueprint("check", __name__, description="Check a statement against the curated claims")


@blp.route("/check", methods=["POST"])
@blp.arguments(CheckRequestSchema, example={
    "statement": "Seven civilians were killed on the first day of Azerbaijan's offensive"})
@blp.response(200, CheckResponseSchema)
@blp.problems(400, 413, 415, 422)
def check(request_body):
    """Check one statement

    Fuzzy-matches the statement against every curated claim and judges it against the best match:
    `supported` when every source that addresses it backs the statement, `contradicted` when every
    one contradicts it, `disputed` when they split, `unverified` when no claim matches.
    """
    return current_app.extensions["crosscheck"].checker.check(**request_body)
