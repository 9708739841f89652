"""GET /claims.jsonld: every claim as a schema.org ClaimReview, streamed as one DataFeed."""
import json

from flask import Response, current_app, request, stream_with_context

from ..api import Blueprint
from ..claimreview import SCHEMA_CONTEXT, claim_review
from ..corpus import claim_dates, claim_records
from ..models import Claim

blp = Blueprint("feeds", __name__, description="Machine-readable fact-check feeds")
BATCH = 500
JSONLD = "application/ld+json"


def public_url(path):
    """Absolute URL of a path on this service (PUBLIC_URL when set behind a proxy)."""
    base = current_app.config.get("PUBLIC_URL") or request.url_root
    return base.rstrip("/") + path


def author():
    return {"name": current_app.config["CLAIMREVIEW_AUTHOR"],
            "url": current_app.config.get("CLAIMREVIEW_AUTHOR_URL")}


def reviews(claims):
    """ClaimReviews for a batch of Claim rows, with their dates from the change log."""
    claims = list(claims)
    dates = claim_dates(c.id for c in claims)
    for record in claim_records(claims):
        published, modified = dates.get(record.id, (None, None))
        yield claim_review(record, public_url(f"/claims/{record.id}"), author(),
                           published, modified)


@blp.route("/claims.jsonld")
@blp.doc(responses={"200": {"description": "A schema.org DataFeed of ClaimReview items",
                            "content": {JSONLD: {"schema": {"type": "object"}}}}})
def claims_feed():
    """All claims as schema.org ClaimReview (JSON-LD DataFeed)"""
    feed_url = public_url("/claims.jsonld")
    head = {"@context": SCHEMA_CONTEXT, "@type": "DataFeed", "@id": feed_url, "url": feed_url,
            "name": f"{current_app.config['CLAIMREVIEW_AUTHOR']} claim reviews"}

    def generate():
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "dataFeedElement": ['
        last_id, first = 0, True
        while True:
            batch = list(Claim.live().where(Claim.id > last_id).order_by(Claim.id).limit(BATCH))
            if not batch:
                break
            for review in reviews(batch):
                del review["@context"]
                yield ("" if first else ",") + json.dumps(review, ensure_ascii=False)
                first = False
            last_id = batch[-1].id
        yield "]}"

    return Response(stream_with_context(generate()), mimetype=JSONLD)
