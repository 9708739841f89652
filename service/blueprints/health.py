"""GET /healthz: is the database reachable, and is anything served less than whole?"""
from flask import current_app

from schemas.health import HealthSchema

from ..api import Blueprint
from ..db import database

blp = Blueprint("health", __name__, description="Liveness and readiness")
SHOWN_IDS = 100  # a corpus with thousands of unanalysable claims lists the first ones


@blp.route("/healthz")
@blp.response(200, HealthSchema)
@blp.problems(503)
def health():
    """Check the service, its database and its rate-limit store

    A `degraded` service still answers: some claims are left out of the index, or rate limits are
    not applied.
    """
    database.execute_sql("SELECT 1")
    checker = current_app.extensions["crosscheck"]
    unindexed = sorted(checker.unindexed)
    rate_limits = current_app.extensions["limiter"].storage_state()
    degraded = unindexed or rate_limits == "unavailable"
    return {"status": "degraded" if degraded else "ok", "database": "ok", "claims": len(checker),
            "unindexed_claims": len(unindexed), "unindexed_claim_ids": unindexed[:SHOWN_IDS],
            "rate_limits": rate_limits}
