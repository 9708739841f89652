"""Bounded under abuse: query parameters nobody defined never fail a request nor steer a URL we
build, and /metrics labels come from closed sets however a client makes up its requests."""
import re

import pytest

from .helpers import metric


@pytest.mark.parametrize("path", [
    "/claims?endpoint=x", "/claims?_method=POST", "/claims?_external=1",
    "/claims/1/revisions?claim_id=5", "/sources/1/revisions?source_id=2",
    "/claims?page=1&per_page=2&values=3", "/claims?view_args=1",
])
def test_unknown_query_parameters_never_answer_500(client, path):
    response = client.get(path)
    assert response.status_code in (200, 422)


@pytest.mark.parametrize("steering", ["_scheme=https", "_anchor=evil", "_external=1",
                                      "_method=POST", "endpoint=sources.sources"])
def test_query_parameters_do_not_steer_the_link_header(client, steering):
    links = client.get(f"/claims?per_page=2&{steering}").headers["Link"]
    targets = re.findall(r"<([^>]*)>", links)
    assert len(targets) == 3  # first, next, last
    for target in targets:
        assert target.startswith("/claims?") and "#" not in target and "://" not in target


def test_the_link_header_keeps_the_callers_other_parameters(client):
    links = client.get("/claims?per_page=1&q=river%20valley").headers["Link"]
    assert '</claims?q=river+valley&page=2&per_page=1>; rel="next"' in links


def test_metric_labels_stay_few_however_many_methods_and_paths_are_made_up(client):
    client.get("/claims")
    for n in range(40):
        client.open(f"/made-up/{n}", method=f"BREW{n}")
        client.open("/claims", method=f"PROPFIND{n}")
    text = client.get("/metrics").get_data(as_text=True)
    methods = set(re.findall(r'crosscheck_http_requests_total\{[^}]*method="([^"]*)"', text))
    endpoints = set(re.findall(r'crosscheck_http_requests_total\{[^}]*endpoint="([^"]*)"', text))
    assert methods == {"GET", "other"}
    assert not any("made-up" in e for e in endpoints)
    assert metric(text, "crosscheck_http_requests_total", method="other", endpoint="unmatched",
                  status="405") == 40
