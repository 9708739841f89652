from marshmallow import Schema, fields, validate


class HealthSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(["ok", "degraded"]), metadata={
        "example": "ok", "description": "`degraded`: serving, but some claims are left out of the "
                                        "index or rate limits are not applied"})
    database = fields.String(required=True, metadata={"example": "ok"})
    claims = fields.Integer(required=True, metadata={"description": "Claims in the engine's index"})
    unindexed_claims = fields.Integer(required=True, metadata={
        "description": "Stored claims left out of the index because the engine cannot analyse "
                       "their text (each is logged with its id)", "example": 0})
    unindexed_claim_ids = fields.List(fields.Integer(), required=True, metadata={
        "description": "Their ids, lowest first (at most 100)", "example": []})
    rate_limits = fields.String(required=True, validate=validate.OneOf(
        ["ok", "unavailable", "off"]), metadata={
        "example": "ok", "description": "`unavailable`: the rate-limit store does not answer, so "
                                        "requests go through unlimited"})
