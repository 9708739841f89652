"""/imports: an editor stores many claims at once, in the `crosscheck import` format.

The body is JSON Lines (one claim a line) or a JSON array of the same objects; it is imported by
the very code `crosscheck import` runs (`importer.import_lines`), so both store, refuse and report
alike. Each line stands alone by default, in its own savepoint, as the CLI's do: a bad line costs
only itself, the report names it, and posting the batch again once it is fixed is safe because
claims are keyed by ref. `all_or_nothing=true` is there for a desk that wants a batch to land
whole. The request is one transaction (`idempotency.write`), so `dry_run`, `Idempotency-Key` and
a lost connection (503, nothing stored) behave as for every write.
"""
import json
import sys

from flask import request
from flask_smorest import abort

from schemas.imports import (JSON_LINES_TYPES, MAX_LINES, ImportClaimSchema, ImportQuerySchema,
                             ImportReportSchema)

from ..api import Blueprint
from ..auth import editors_only
from ..curation import Refused
from ..idempotency import write
from ..importer import ImportInterrupted, content_lines, decoded_lines, import_lines

blp = Blueprint("imports", __name__,
                description="Many claims at once, as `crosscheck import` reads them")

LINE_EXAMPLE = ('{"ref": "desk-claim-1", "text": "Seven civilians were killed.", "evidence": '
                '[{"source": "bloomberg-defies-pressure", "stance": "supports", '
                '"quote": "including seven civilians"}]}\n'
                '{"ref": "desk-draft-1", "text": "A claim with no evidence yet"}\n')
JSON_LINES_BODY = {"schema": {"type": "string", "description": (
    "One claim a line, each a JSON object as in a JSON array body; blank lines are skipped")},
    "example": LINE_EXAMPLE}
REQUEST_BODY = {"required": True, "content": {
    **{media_type: JSON_LINES_BODY for media_type in JSON_LINES_TYPES},
    "application/json": {"schema": {"type": "array", "items": ImportClaimSchema,
                                    "maxItems": MAX_LINES}}}}


def body_items():
    """The body as (line number, JSON value, why it is not JSON) items: 415 for another media
    type, 400 for a JSON body that does not parse, 422 for one that is no array or is empty,
    413 past MAX_LINES."""
    body = request.get_data(cache=True)
    if request.mimetype in JSON_LINES_TYPES:
        lines = body.split(b"\n")
        claims = sum(1 for _ in content_lines(lines))  # counted before any is decoded
        items = decoded_lines(lines)
    elif request.mimetype == "application/json":
        values = json_array(body)
        claims, items = len(values), ((n, value, None) for n, value in enumerate(values, 1))
    else:
        abort(415, message=f"Send JSON Lines ({' or '.join(JSON_LINES_TYPES)}) or a JSON array "
                           f"(application/json).")
    if not claims:
        abort(422, message="The body holds no claims.", errors={"body": ["No claims."]})
    if claims > MAX_LINES:
        abort(413, message=f"The body holds {claims:,} claims; one import takes at most "
                           f"{MAX_LINES:,}: split it (claims are keyed by ref, so the parts can "
                           f"be sent in any order, and again).")
    return items


def json_array(body):
    """A JSON body's array of claims."""
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, ValueError) as error:
        why = (f"{error.msg} at line {error.lineno}, column {error.colno}"
               if isinstance(error, json.JSONDecodeError) else
               "not UTF-8" if isinstance(error, UnicodeDecodeError) else
               "nested too deeply" if isinstance(error, RecursionError) else
               f"a number with more than {sys.get_int_max_str_digits():,} digits")
        abort(400, message=f"The request body is not valid JSON: {why} (JSON Lines are sent as "
                           f"{JSON_LINES_TYPES[0]}).")
    if not isinstance(data, list):
        abort(422, message="A JSON body is an array of claims; send one claim as [claim], or "
                           "JSON Lines.", errors={"body": ["Not an array."]})
    return data


@blp.route("/imports", methods=["POST"])
@editors_only(blp)
@write(blp)
@blp.arguments(ImportQuerySchema, location="query")
@blp.response(200, ImportReportSchema)
@blp.doc(requestBody=REQUEST_BODY)
@blp.problems(400, 413, 415, 422)
def import_claims(args):
    """Store many claims at once (JSON Lines or a JSON array), keyed by ref

    Each claim is a `crosscheck import` line: `ref`, `text`, and `evidence` naming its source by
    `source` (ref), `url` or `title`. A new ref adds a claim, a known one updates it (or leaves
    it unchanged); the same ref twice with other content is refused. Lines are checked by the
    corpus rules and stored each on its own: the answer reports every line (added, updated,
    unchanged, or refused with the reason) and the figures of its quotes it left out, which are
    read and added. With `all_or_nothing=true`, one refused line stores nothing (422). At most
    1000 claims a request (413 beyond).
    """
    items = body_items()
    try:
        report = import_lines(items, restore=args["restore"])
    except ImportInterrupted as interrupted:
        raise interrupted.__cause__  # the request is one transaction: nothing is stored, a 503
    if args["all_or_nothing"] and report.rejected:
        raise Refused(f"{len(report.rejected)} line(s) cannot be stored, so none is "
                      f"(all_or_nothing); `errors` gives each line's reason.",
                      {str(number): [reason] for number, reason in report.rejected})
    return report
