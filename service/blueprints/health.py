"""GET /healthz: is the database reachable?"""
from flask import current_app

from schemas.health import HealthSchema

from ..api import Blueprint
from ..db import database

blp = Blueprint("health", __name__, description="Liveness and readiness")


@blp.route("/healthz")
@blp.response(200, HealthSchema)
@blp.problems(503)
def health():
    """Check the service and its database"""
    database.execute_sql("SELECT 1")
    return {"status": "ok", "database": "ok", "claims": len(current_app.extensions["crosscheck"])}
