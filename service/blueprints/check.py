"""POST /check, /check/batch and /check/text: check one statement, many, or an article."""
from flask import current_app

from schemas.check import (BatchCheckRequestSchema, BatchCheckResponseSchema, CheckRequestSchema,
                           CheckResponseSchema, TextCheckRequestSchema, TextCheckResponseSchema)

from ..api import Blueprint
from ..engine.sentences import sentence_spans

blp = Blueprint("check", __name__, description="Check a statement against the curated claims")


def checker():
    return current_app.extensions["crosscheck"]


@blp.route("/check", methods=["POST"])
@blp.arguments(CheckRequestSchema, example={
    "statement": "Seven civilians were killed on the first day of Azerbaijan's offensive"})
@blp.response(200, CheckResponseSchema)
@blp.problems(400, 413, 415, 422)
def check(request_body):
    """Check one statement

    Fuzzy-matches the statement against every curated claim and judges it against the best match:
    `supported` when every source that addresses it backs the statement, `contradicted` when every
    one contradicts it, `disputed` when they split, `unverified` when no claim matches. A statement
    stating several facts is judged fact by fact too, in `parts` (spans into the statement).
    """
    return checker().check(**request_body)


@blp.route("/check/batch", methods=["POST"])
@blp.arguments(BatchCheckRequestSchema, example={"checks": [
    {"statement": "Seven civilians were killed"}, {"statement": "Russia condemned the offensive",
                                                   "limit": 1}]})
@blp.response(200, BatchCheckResponseSchema)
@blp.problems(400, 413, 415, 422)
def check_batch(request_body):
    """Check up to 100 statements in one request

    Each check is answered exactly as POST /check would answer it, in the order sent.
    """
    return {"results": [checker().check(**item) for item in request_body["checks"]]}


@blp.route("/check/text", methods=["POST"])
@blp.arguments(TextCheckRequestSchema)
@blp.response(200, TextCheckResponseSchema)
@blp.problems(400, 413, 415, 422)
def check_text(request_body):
    """Check every sentence of an article

    Splits the text into sentences (abbreviations such as "U.S." and "Sept." do not end one) and
    checks each as POST /check would, with its character span so an editor can underline it; its
    `parts` spans are relative to the sentence.
    """
    options = {"limit": request_body["limit"], "min_score": request_body.get("min_score")}
    return {"sentences": [
        {"start": start, "end": end, "result": checker().check(sentence, **options)}
        for start, end, sentence in sentence_spans(request_body["text"])]}
