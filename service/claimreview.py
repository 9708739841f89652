"""schema.org ClaimReview of claims, so search engines and fact-check aggregators can read verdicts.

Plain functions over the engine's records: the rating is derived from the evidence alone.
"""
from .engine.verdict import verdict_of

SCHEMA_CONTEXT = "https://schema.org"
# Verdict of the evidence -> (ratingValue on a 1-5 scale, textual rating). Unverified has no value.
RATINGS = {
    "supported": (5, "True"),
    "disputed": (3, "Disputed"),
    "contradicted": (1, "False"),
    "unverified": (None, "Unverified"),
}


def _article(source):
    article = {"@type": "NewsArticle", "headline": source.title}
    if source.url:
        article["url"] = source.url
    if source.published:
        article["datePublished"] = source.published.isoformat()
    if source.publisher:
        article["publisher"] = {"@type": "Organization", "name": source.publisher}
    return article


def _explanation(supporting, contradicting):
    def count(n):
        return f"{n} source{'s' if n != 1 else ''}"
    if not supporting and not contradicting:
        return "No source addresses this claim yet."
    return (f"{count(len(supporting))} support{'s' if len(supporting) == 1 else ''} it and "
            f"{count(len(contradicting))} contradict{'s' if len(contradicting) == 1 else ''} it.")


def claim_review(claim, claim_url, author, published=None, modified=None):
    """ClaimReview of one ClaimRecord; `author` is {"name": ..., "url": ...} from configuration."""
    supporting = [e for e in claim.evidence if e.stance == "supports"]
    contradicting = [e for e in claim.evidence if e.stance == "contradicts"]
    value, label = RATINGS[verdict_of(supporting, contradicting)]
    rating = {"@type": "Rating", "alternateName": label,
              "ratingExplanation": _explanation(supporting, contradicting)}
    if value is not None:
        rating.update(ratingValue=value, bestRating=5, worstRating=1)
    appearances = sorted({e.source.id: e.source for e in supporting}.values(),
                         key=lambda s: (s.published is None, s.published, s.id))
    item = {"@type": "Claim", "@id": f"{claim_url}#claim", "text": claim.text,
            "appearance": [_article(s) for s in appearances]}
    if appearances:
        item["firstAppearance"] = _article(appearances[0])
    review = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "@id": f"{claim_url}#review",
        "url": claim_url,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": rating,
        "author": {"@type": "Organization", **{k: v for k, v in author.items() if v}},
        "citation": [dict(_article(e.source), abstract=e.quote) for e in claim.evidence],
    }
    if published:
        review["datePublished"] = published.date().isoformat()
    if modified:
        review["dateModified"] = modified.date().isoformat()
    return review
