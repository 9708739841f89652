"""Page envelopes ({items, total, page, per_page}) with RFC 8288 Link headers."""
import math
from urllib.parse import urlencode

from flask import request, url_for

# How a paged response documents its Link header in the OpenAPI spec.
LINK_HEADER = {"Link": {"description": "RFC 8288 links to the first, prev, next and last pages",
                        "schema": {"type": "string"}}}


def page_of(rows, total, page, per_page):
    """The envelope and headers for one page; `rows` are that page's items only."""
    last = max(1, math.ceil(total / per_page))
    links = {"first": 1, "last": last}
    if page > 1:
        links["prev"] = min(page - 1, last)
    if page < last:
        links["next"] = page + 1
    # The caller's other query parameters are kept as query parameters, never handed to url_for,
    # where one named like a path parameter or a url_for option (_scheme, _anchor) would steer it.
    path = url_for(request.endpoint, **request.view_args)
    kept = [(k, v) for k, v in request.args.items(multi=True) if k not in ("page", "per_page")]
    header = ", ".join(
        f'<{path}?{urlencode([*kept, ("page", number), ("per_page", per_page)])}>; rel="{rel}"'
        for rel, number in links.items())
    return {"items": rows, "total": total, "page": page, "per_page": per_page}, {"Link": header}


def paginate_query(query, page, per_page):
    return page_of(list(query.paginate(page, per_page)), query.count(), page, per_page)


def paginate_list(items, page, per_page):
    start = (page - 1) * per_page
    return page_of(items[start:start + per_page], len(items), page, per_page)
