"""Schemas shared by several resources: errors and paging."""
from marshmallow import Schema, fields, validate


class ProblemSchema(Schema):
    """RFC 9457 problem details, the body of every error response."""

    type = fields.String(metadata={"description": "URI naming the kind of problem",
                                   "example": "about:blank"})
    title = fields.String(metadata={"description": "Short summary of the kind of problem",
                                    "example": "Unprocessable Content"})
    status = fields.Integer(metadata={"description": "HTTP status code", "example": 422})
    detail = fields.String(metadata={"description": "What went wrong with this request"})
    instance = fields.String(metadata={"description": "The request path"})
    errors = fields.Dict(keys=fields.String(), values=fields.Raw(),
                         metadata={"description": "Validation messages by field name"})


class PageQuerySchema(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000),
                          metadata={"description": "Page number, from 1"})
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100),
                              metadata={"description": "Items per page, 1-100"})


class PageSchema(Schema):
    """Envelope of a paged list; subclasses set `items`."""

    total = fields.Integer(required=True, metadata={"description": "Items in all pages"})
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
