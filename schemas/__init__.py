"""marshmallow schemas: request validation, response serialisation and the OpenAPI description."""
