"""A claim's other wordings: the part of each supporting quote that states the claim.

A supporting quote is another outlet's wording of the claim's fact, so a statement worded like
that outlet should reach the claim as well as one worded like the claim. A quote may hold several
facts; only its clause that the claim's terms cover best is a wording (else a statement would
reach the claim through another fact of the same quote), and only when it holds at least
MIN_COVERAGE of the claim's terms and every one of its entities: a clause leaving out who acted
("It brokered the ceasefire", "... has accused Azerbaijan") would let a statement naming someone
else reach the claim unswapped. A contradicting quote says the opposite: never a wording. A
wording only finds the claim: the verdict is the claim's, judged on its own figures and evidence
(a quote giving another outlet's count finds the claim, and that count is weighed as evidence).
"""
from .clauses import split_clauses
from .records import SUPPORTS
from .sentences import sentence_spans

# The share of a claim's terms a quote's clause must hold to state the claim in other words.
MIN_COVERAGE = 0.75


def quote_clauses(quote):
    """Every clause of every sentence of `quote`, as plain texts."""
    return [clause.text for _, _, sentence in sentence_spans(quote)
            for clause in split_clauses(sentence)]


def wording_of(claim_terms, quote, analyze):
    """(the clause of `quote` stating the claim, its analysis), or None: the clause holding most
    of `claim_terms`, at least MIN_COVERAGE of them and all their entities, fewest other terms
    first. `analyze(text)` reads a text as the claim was read (None where it cannot). A clause
    with the claim's very terms adds no wording."""
    wanted = set(claim_terms)
    entities = {term for term in wanted if term.startswith("@")}
    if not wanted:
        return None
    best, best_key = None, None
    for text in quote_clauses(quote):
        analysis = analyze(text)
        terms = set(analysis.terms) if analysis else set()
        covered = len(terms & wanted) / len(wanted)
        if covered < MIN_COVERAGE or terms == wanted or not entities <= terms:
            continue
        key = (covered, -len(terms - wanted))
        if best_key is None or key > best_key:
            best, best_key = (text, analysis), key
    return best


def claim_wordings(claim, claim_terms, analyze):
    """[(text, analysis)] of the distinct wordings of `claim` (a ClaimRecord) its supporting
    quotes give, besides its own text."""
    found = {}
    for item in claim.evidence:
        wording = wording_of(claim_terms, item.quote, analyze) if item.stance == SUPPORTS else None
        if wording and wording[0] != claim.text:
            found.setdefault(*wording)
    return list(found.items())
