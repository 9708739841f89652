"""Models layer: the engine the service builds reads stored sources for the names they define."""
from service.corpus import build_checker
from service.models import Claim, Source


def test_an_acronym_defined_only_in_a_source_text_names_the_entity_in_a_check(db):
    Source.create(title="Port report", text="Inspectors of the Harbour Safety Board (HSB) "
                                            "visited the docks on Monday.")
    claim = Claim.create(ref="board-closed-port",
                         text="The Harbour Safety Board closed the northern port")
    found = build_checker(50).check("HSB closed the northern port", limit=1)
    assert [match.claim.id for match in found.matches] == [claim.id]
    assert found.matches[0].explanation.matched_entities == ["Harbour Safety Board"]
