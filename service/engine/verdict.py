"""From matched claims to a verdict: which sources back the statement and which contradict it."""
import re
from dataclasses import replace

from .clauses import reported_fact
from .matcher import Matcher
from .numbers import (DATE_KIND, GENERIC_LABEL_WORDS, POPULATION, WEEKDAY, best_counterpart,
                      extract_figures, kind_of_count, relative_date, reports_before,
                      reverses, shifted_date_text)
from .quantities import mere_bound, neither_bound, same_quantity, takes_no_side
from .records import (CONTRADICTS, NEITHER, SUPPORTS, CheckResult, JudgedEvidence, Match, Part,
                      ReportedFigure)
from .rules import DEFAULT_MIN_SCORE
from .text import content_term, words

SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED = (
    "supported", "contradicted", "disputed", "unverified")
VERDICTS = (SUPPORTED, CONTRADICTED, DISPUTED, UNVERIFIED)
# Claims matching the statement's words (the search's closer look) whose sources' figures are
# weighed when the statement gives a figure: the same event, reported as other claims.
QUANTITY_POOL = 10
# When no claim's wording clears the threshold, a claim giving the statement's very figure for
# the same count may still be the statement's, down to this share of the threshold ("The agency
# put the toll at 3,958" for "the agency said the floods left 3,958 dead").
SAME_FIGURE_FLOOR = 0.8
# When neither wording nor the very figure finds a claim, the claims whose sources count what the
# statement counts are weighed if the best of them by its words scores at least this share of the
# threshold: what is counted alone does not make a claim the statement's ("Mayor Ruiz put the
# toll at 73").
COUNTED_FLOOR = 0.3
# Times that name a day: a date or a weekday ("on Sunday" tells which of two reports as well as
# "on May 5" does); a year does not.
DAY_KINDS = frozenset({DATE_KIND, WEEKDAY})
# Words that put a count at another time than the event it names ("six killed before the
# offensive"): a claim using one the statement does not use counts another occasion.
OTHER_TIME_WORDS = frozenset({"before", "after"})
# Of the claims matching the event a relative date counts from, the best this many are read for
# the event's day.
RELATIVE_ANCHORS = 3
COUNT_WORDS_AFTER = 4  # words after a count that may say what it counts ("people were killed")


def _figure_text(figure):
    return f"{figure.qualifier} {figure.text}" if figure.qualifier else figure.text


class Judge:
    """Decides, for each evidence item of a matched claim, which side of the statement it is on."""

    def __init__(self, matcher):
        self.matcher = matcher

    def judge_claim(self, analysis, claim, score, explanation):
        """The claim's Match: each evidence item judged, the stances turned where the statement
        says the opposite of the claim (as search found it, in `explanation`)."""
        claim_features = self.matcher.claim_features(claim)
        flipped = explanation.negation != explanation.opposite_wording
        figures = self.compare_with_claim(analysis, claim_features)
        # A claim figure that takes no side on the statement's is as good as changed: only the
        # sources' own figures can then speak to it.
        moved = [f for f, c, agrees in figures if not agrees or neither_bound(c, f)]
        added = self.figures_beyond_claim(analysis, figures, claim)
        in_claim = {id(f): c for f, c, _ in figures}
        negated = self.negates(explanation)
        # A claim about someone else (shown only under a low threshold) says nothing either way.
        judged = [] if explanation.swapped_entities else [
            None if negated and self.disputes_detail(analysis, item, claim_features) else
            self.judge_evidence(analysis, item, flipped, moved, added, in_claim)
            for item in claim.evidence]
        supporting = [j for j in judged if j is not None and j.stance == SUPPORTS]
        contradicting = [j for j in judged if j is not None and j.stance == CONTRADICTS]
        neither = [j for j in judged if j is not None and j.stance == NEITHER]
        explanation = replace(explanation, figures=[
            {"statement": _figure_text(f), "claim": _figure_text(c),
             "comparison": "agrees" if agrees else "differs"} for f, c, agrees in figures])
        return Match(claim=claim, score=score, verdict=verdict_of(supporting, contradicting),
                     supporting=supporting, contradicting=contradicting, explanation=explanation,
                     neither=neither)

    @staticmethod
    def negates(explanation):
        """The statement negates the claim (not merely worded with its opposite, where the two
        reversals cancel), about the same actors the same way round."""
        return (explanation.negation and not explanation.opposite_wording
                and not explanation.swapped_entities)

    @staticmethod
    def disputes_detail(analysis, evidence, claim_features, times_only=False):
        """Whether the evidence contradicts its claim on a figure the statement does not give: its
        quote gives another date or count (with `times_only`, another date) for what the claim
        dates or counts ("broke on March 2" against "collapsed on March 3"). It reports the
        event otherwise, so it does not back a statement negating the claim ("the dam did not
        collapse"): it takes no side. It reads the quote, not the stored figures, because dates
        are no figures in the corpus (seeds/README, "What is a figure"), and they are what this
        is mostly about."""
        if evidence.stance != CONTRADICTS:
            return False
        for figure in extract_figures(evidence.quote or ""):
            if times_only and not figure.is_year:
                continue
            counterpart = best_counterpart(figure, [f for f in claim_features.figures
                                                    if f.kind == figure.kind])
            if (counterpart is not None and not figure.agrees_with(counterpart)
                    and best_counterpart(counterpart, analysis.figures) is None):
                return True
        return False

    def across_negated(self, analysis, match, found):
        """The best match of a statement negating it, with the sources of every other claim found
        (above the threshold) that it negates as well and that shares all it shares with the
        statement ("the dams collapsed during the storm" for "the dams did not collapse", best
        matched by "the dams collapsed on Monday"): each of them reports what the statement
        denies. A source already judged keeps its judgment."""
        best = match.explanation
        if not self.negates(best):
            return match
        shared = {*best.matched_terms, *best.matched_entities}
        return _lent(match, (
            item for claim, score, explanation in found
            if claim.id != match.claim.id and self.negates(explanation)
            and shared <= {*explanation.matched_terms, *explanation.matched_entities}
            for item in self.judge_claim(analysis, claim, score, explanation).sides()))

    @staticmethod
    def compare_with_claim(analysis, claim_features):
        """[(statement figure, claim figure, agrees)] for figures both give for the same thing."""
        pairs = []
        for figure in analysis.figures:
            counterpart = best_counterpart(figure, claim_features.figures)
            if counterpart is not None:
                pairs.append((figure, counterpart, figure.agrees_with(counterpart)))
        return pairs

    def source_figures(self, evidence):
        return self.matcher.source_figures(evidence)

    def figures_beyond_claim(self, analysis, compared, claim):
        """Statement figures the claim has no counterpart for but some source does ("10,000
        troops" against "Russia has no troops"): they, not the claim's wording, are at issue."""
        compared_ids = {id(f) for f, _, _ in compared}
        sourced = [f for item in claim.evidence for f in self.source_figures(item)]
        return [f for f in analysis.figures
                if id(f) not in compared_ids and best_counterpart(f, sourced) is not None]

    def across_sources(self, analysis, match, found, threshold, of_the_kind=frozenset()):
        """The best match with every other matching claim's sources weighed on the statement's
        counts ("5,200 killed" against sources giving 11,300 or 3,958 attached to other claims),
        and every source of the claims `of_the_kind` (ids: claims counting what the statement
        counts, of_the_kind below): a source already judged on the best claim keeps that
        judgment; one whose figure for the same quantity overlaps the statement's backs it, a
        disjoint one contradicts it, and a bound that merely does not exclude it takes neither
        side, saying so."""
        counts = analysis.counts
        judged = {j.source.id for j in (*match.supporting, *match.contradicting, *match.neither)}
        sides = {SUPPORTS: list(match.supporting), CONTRADICTS: list(match.contradicting),
                 NEITHER: list(match.neither)}
        added = False
        counted = self.counted_by(counts, match.claim)
        for claim, score, explanation in found:
            if claim.id == match.claim.id:
                continue
            same = claim.id in of_the_kind or self.same_event(
                counts, match.explanation, claim, explanation, score >= threshold, counted)
            if not (same or self.same_way(explanation) and self.gives_the_figure(counts, claim)):
                continue
            claim_figures = self.matcher.claim_features(claim).figures
            for item in claim.evidence:
                if item.source.id in judged:
                    continue
                weighed = self.weigh_figures(counts, item, claim_figures)
                # A claim giving the statement's very figure for a count worded otherwise lends
                # only its sources giving that figure: what the others say may be another count.
                if weighed is not None and (same or weighed.stance == SUPPORTS):
                    judged.add(item.source.id)
                    sides[weighed.stance].append(weighed)
                    added = True
        if not added:
            return match
        return replace(match, supporting=sides[SUPPORTS], contradicting=sides[CONTRADICTS],
                       neither=sides[NEITHER],
                       verdict=verdict_of(sides[SUPPORTS], sides[CONTRADICTS]))

    def of_the_kind(self, analysis, counting):
        """Of the claims whose sources count what the statement counts (Matcher.counting), those
        about the same event: they name every place the statement names, the same way round,
        whoever gave the count ("the WHO confirmed 3,922 deaths" for "OCHA said the WHO had
        confirmed 2,922 deaths")."""
        return [(claim, score, explanation) for claim, score, explanation in counting
                if self.same_way(explanation) and not self.matcher.unshared_places(
                    analysis, self.matcher.claim_features(claim))]

    def on_the_occasion(self, analysis, best, counting, floor):
        """Of the claims whose sources count what the statement counts (Matcher.counting), those
        reporting the count for the event the best match `best` (a Match) reports: scoring at
        least `floor`, the same way round, naming everyone the statement names, their own text
        giving a count of just the statement's kind, and sharing every word the best match
        shares with the statement save the words around its counts ("the floods killed 11,300 in
        Derna" for "the flood in Derna left more than 5,000 dead", matched best by "the floods
        left 3,958 dead"; not "27 killed in the first day of the offensive" for a toll of the
        war), nor counting what happened before or after something the statement does not say
        ("six killed before the offensive")."""
        counts = analysis.counts
        kinds = self.kinds_counted(analysis)
        label_words = self.matcher.label_words
        event = said_shared(best.explanation) - words_around(analysis, counts)
        return [(claim, score, explanation)
                for claim, score, explanation in self.of_the_kind(analysis, counting)
                if score >= floor and self.names_all(analysis, claim)
                and event <= said_shared(explanation)
                and not OTHER_TIME_WORDS & set(words(claim.text)) - set(analysis.tokens)
                and kinds & {kind_of_count(f, label_words)
                             for f in self.matcher.claim_features(claim).figures}]

    def kinds_counted(self, analysis):
        """What the statement's counts count, as the corpus's curated figures label it."""
        typos = self.matcher.statement_reading(analysis)[0]
        return {kind_of_count(f, self.matcher.label_words, typos)
                for f in analysis.counts} - {frozenset()}

    def counts_otherwise(self, analysis, claim):
        """Whether the claim's own counts all say what they count, and all count something else
        than the statement's ("a population of 100,000" for "10,000 residents missing"): its
        words matched, its figures do not say what the statement's count says. A count saying
        only who is counted ("300 homes were wrecked", the verb no curated label) says nothing
        of what befell them, so no claim's counts are something else."""
        ours = set().union(*self.kinds_counted(analysis))
        if ours <= {POPULATION}:
            return False
        theirs = [kind_of_count(f, self.matcher.label_words)
                  for f in self.matcher.claim_features(claim).figures if not f.is_year]
        return bool(ours and theirs) and all(kind and not ours & kind for kind in theirs)

    def on_figures(self, analysis, claim, score, explanation):
        """The claim's Match with its sources judged on the statement's counts alone: a claim
        chosen for what its sources count, not for its words, backs nothing else."""
        counts = analysis.counts
        claim_figures = self.matcher.claim_features(claim).figures
        judged = [weighed for item in claim.evidence
                  if (weighed := self.weigh_figures(counts, item, claim_figures)) is not None]
        sides = {stance: [j for j in judged if j.stance == stance]
                 for stance in (SUPPORTS, CONTRADICTS, NEITHER)}
        return Match(claim=claim, score=score, explanation=explanation,
                     verdict=verdict_of(sides[SUPPORTS], sides[CONTRADICTS]),
                     supporting=sides[SUPPORTS], contradicting=sides[CONTRADICTS],
                     neither=sides[NEITHER])

    def lenders(self, analysis, match, of_the_kind=frozenset()):
        """Which other claims (claim -> bool) can lend the best match their sources: one giving a
        figure for one of the statement's counts, labelled alike (across_sources weighs no other),
        one of the kind (`of_the_kind` ids, weighed whatever its labels), or, where the statement
        negates the best match, any claim (across_negated)."""
        if self.negates(match.explanation):
            return None
        counts = analysis.counts
        return lambda claim: claim.id in of_the_kind or any(
            self.claimed_counts(counts, claim))

    def counted_by(self, counts, claim):
        """{statement figure: the words saying what both it and the claim's own figure for it
        count} ("civilians killed" for "seven civilians were killed" against "seven civilians
        were among those killed")."""
        return {figure: figure.context & counterpart.context
                for figure, counterpart in self.claimed_counts(counts, claim)}

    def same_event(self, counts, best, claim, explanation, above_threshold, counted_by_best):
        """Whether a claim found for the statement reports the statement's count for the same
        event as the best match: its own text gives a figure counting at least what the best
        match's figure counts ("six killed" is not "seven civilians killed"), and it either gives
        the statement's very figure or shares every word the best match shares with the
        statement, save the words saying what is counted ("the Derna floods killed 11,300" for
        "the flood killed about 5,200 in Derna"); and it is about the same actors, the same way
        round, neither negated nor reworded to its opposite."""
        if not self.same_way(explanation):
            return False
        counted, gives_count = set(), False
        for figure, counterpart in self.claimed_counts(counts, claim):
            if not counted_by_best.get(figure, set()) <= counterpart.context:
                continue  # it counts something wider than the best match does
            if counterpart.value == figure.value:
                return True
            gives_count = True
            counted |= figure.context & counterpart.context
        return (above_threshold and gives_count
                and said_shared(best) - counted <= said_shared(explanation))

    def gives_the_figure(self, counts, claim):
        """Whether the claim gives one of the statement's counts, its very value, for something
        labelled alike ("the death toll had reached 5,200" for "the flood killed about 5,200")."""
        return any(counterpart.value == figure.value
                   for figure, counterpart in self.claimed_counts(counts, claim))

    @staticmethod
    def same_way(explanation):
        """The claim is about the statement's actors, the same way round, neither negated nor
        reworded to its opposite."""
        return (not explanation.swapped_entities
                and explanation.negation == explanation.opposite_wording)

    def claimed_counts(self, counts, claim):
        """(statement figure, the claim's own figure for the same count) pairs."""
        claim_figures = self.matcher.claim_features(claim).figures
        for figure in counts:
            counterpart = best_counterpart(figure, claim_figures)
            if counterpart is not None and figure.context & counterpart.context:
                yield figure, counterpart

    def giving_the_figure(self, analysis, found):
        """The first claim found (under the threshold) that names everyone the statement names
        and gives its very figure for the same count, the same way round: the figure decides which
        claim is judged when the words alone leave none ("The agency put the toll at 3,958" for
        "the agency said the floods left 3,958 dead")."""
        counts = analysis.counts
        for claim, score, explanation in found:
            if (self.same_way(explanation) and self.names_all(analysis, claim)
                    and self.gives_the_figure(counts, claim)):
                return claim, score, explanation
        return None

    def said_by_speaker(self, analysis, match):
        """The best match, its backing kept only from sources that say the statement's named
        speaker said it: the claim naming them, or the source's quote or publisher (the outlet
        speaking for itself). "Jan Vos said X" against a claim "X" whose source quotes someone
        else (or "he") is not confirmed by that source: it takes no side, saying why. Its
        objection to X still holds, unless it only gives the claim another date, which the
        statement does not give (disputes_detail): then it says nothing of what X said either."""
        speakers = self.matcher.named_speakers(analysis)
        if not speakers or self.matcher.names_any(speakers, match.claim.text):
            return match
        who = " or ".join(map(self.matcher.analyzer.entities.name, speakers))
        backing, unsaid = [], []
        for item in match.supporting:
            said = any(self.matcher.names_any(speakers, text)
                       for text in (item.quote or "", item.source.publisher or ""))
            (backing if said else unsaid).append(item)
        features = self.matcher.claim_features(match.claim)
        detail_only = {record.source.id for record in match.claim.evidence
                       if self.disputes_detail(analysis, record, features, times_only=True)}
        objecting = [item for item in match.contradicting if item.source.id not in detail_only]
        if not unsaid and len(objecting) == len(match.contradicting):
            return match
        neither = [
            *match.neither, *_aside(unsaid, f"the source does not say that {who} said it"),
            *_aside([item for item in match.contradicting if item.source.id in detail_only],
                    "the source disputes only the claim's date, which the statement does not "
                    "give")]
        return replace(match, supporting=backing, contradicting=objecting, neither=neither,
                       verdict=verdict_of(backing, objecting))

    def undated(self, analysis, match):
        """Whether the statement names a day (a date or a weekday) and the best match gives no
        time at all."""
        return any(f.kind in DAY_KINDS for f in analysis.figures) and not any(
            f.is_year for f in self.matcher.claim_features(match.claim).figures)

    def dated_elsewhere(self, analysis, match, found):
        """The best match, silent on the statement's date, with the sources of the claims found
        (down to SAME_FIGURE_FLOOR of the threshold) that give that very date and name everyone
        the statement names, the same way round, judged on those claims ("The dams above Derna
        broke on Sunday, September 10" for "the two Derna dams burst on the night of September
        10", matched best by "the two dams that burst above Derna were ageing"): a source
        already judged keeps its judgment. A weekday is such a date ("burst on Sunday")."""
        dates = {(f.kind, f.value) for f in analysis.figures if f.kind in DAY_KINDS}
        return _lent(match, (
            replace(item, reasons=[*item.reasons, f"judged on “{claim.text}”, which gives the "
                                                  f"statement's date"])
            for claim, score, explanation in found
            if claim.id != match.claim.id and self.same_way(explanation)
            and self.names_all(analysis, claim) and self.gives_a_date(dates, claim)
            for item in self.judge_claim(analysis, claim, score, explanation).sides()))

    def names_all(self, analysis, claim):
        """Whether the claim names everyone the statement names."""
        return set(analysis.entities) <= set(self.matcher.claim_features(claim).entities)

    def gives_a_date(self, dates, claim):
        """Whether the claim gives one of `dates` ((kind, value) of date and weekday figures)."""
        return any((f.kind, f.value) in dates
                   for f in self.matcher.claim_features(claim).figures)

    def weigh_figures(self, counts, evidence, claim_figures):
        """The evidence seen from the statement's counts alone, or None when it gives none of
        them. A source contradicting its claim disputes the claim's figure, so its own copy of
        that figure is one it rejects: it contradicts a statement giving it, and is silent on
        others."""
        figures = self.source_figures(evidence)
        numbers = [dict(n, comparison=None) for n in evidence.numbers]
        stances, reasons = [], []
        for figure in counts:
            counterpart = same_quantity(figure, figures)
            if counterpart is None:
                continue
            reversed_change = next((c for c in claim_figures if reverses(figure, c)), None)
            if reversed_change is not None:
                if evidence.stance == SUPPORTS:  # it backs the change the other way round
                    stances.append(CONTRADICTS)
                    reasons.append(_reversed(figure, reversed_change))
                continue
            agrees = figure.agrees_with(counterpart)
            claimed = same_quantity(figure, claim_figures)
            if (evidence.stance == CONTRADICTS and claimed is not None
                    and claimed.value == counterpart.value):
                if agrees:
                    stances.append(CONTRADICTS)
                    reasons.append(f"the source rejects {_figure_text(counterpart)}")
                continue
            if takes_no_side(counterpart, figure):
                return _neither(evidence, numbers, figures, counterpart, figure)
            numbers[figures.index(counterpart)]["comparison"] = "agrees" if agrees else "differs"
            stances.append(SUPPORTS if agrees else CONTRADICTS)
            reasons.append(f"statement says {figure.text}, source says {_figure_text(counterpart)} "
                           f"({'agrees' if agrees else 'differs'})")
        if not stances:
            return None
        return _judgment(evidence, numbers, CONTRADICTS if CONTRADICTS in stances else SUPPORTS,
                         reasons)

    def judge_evidence(self, analysis, evidence, flipped, moved, added=(), in_claim=None):
        """A source giving a different figure for the same thing contradicts the statement; one
        giving the statement's figure where the claim has another backs it; a source silent on a
        figure the statement changed takes no side (None), and so does one that would back it
        but is silent on a figure the statement added; one whose own figure differs
        from the claim's but agrees with the statement's ("fewer than 10" against the claim's seven
        and the source's two) backs it; otherwise its stance decides.
        `in_claim` maps a statement figure to the claim's figure for the same thing, whose value
        finds the source's figure when their words do not."""
        figures = self.source_figures(evidence)
        numbers = [dict(n, comparison=None) for n in evidence.numbers]
        reasons, agreements, answered, own_figures = [], [], set(), False
        for figure in analysis.figures:
            claim_figure = (in_claim or {}).get(id(figure))
            if claim_figure is not None and reverses(figure, claim_figure):
                if evidence.stance == SUPPORTS:  # it backs the change the other way round
                    agreements.append(False)
                    answered.add(id(figure))
                    reasons.append(_reversed(figure, claim_figure))
                continue
            counterpart = best_counterpart(figure, figures) or _same_value(claim_figure, figures)
            if counterpart is None:
                continue
            agrees = figure.agrees_with(counterpart)
            if takes_no_side(counterpart, figure):
                return _neither(evidence, numbers, figures, counterpart, figure)
            agreements.append(agrees)
            answered.add(id(figure))
            own_figures |= claim_figure is not None and counterpart.value != claim_figure.value
            numbers[figures.index(counterpart)]["comparison"] = "agrees" if agrees else "differs"
            reasons.append(f"statement says {figure.text}, source says {_figure_text(counterpart)} "
                           f"({'agrees' if agrees else 'differs'})")
        # Figures compared with the source's own speak for the source directly, whatever the claim
        # says; only a stance (which is towards the claim) turns with the statement's wording.
        # Against a claim the statement repeats, a source's objection holds whatever the
        # statement adds ("the dams collapsed on Monday" against "two dams broke on Sunday").
        if not all(agreements):
            backs = False
        elif not all(id(f) in answered for f in moved):
            return None
        else:
            # the source's own figures agree with the statement's, or its stance decides
            backs = bool(moved or own_figures) or (evidence.stance == SUPPORTS) != flipped
            if backs and not all(id(f) in answered for f in added):
                return None
            if flipped and not (moved or own_figures):
                reasons.append("the statement says the opposite of the claim")
        return _judgment(evidence, numbers, SUPPORTS if backs else CONTRADICTS, reasons)


def words_around(analysis, counts):
    """The statement's words, as matching reads them, stating its counts: the word right before
    each (its verb: "left" in "the flood left more than 5,000 people dead", the qualifier passed
    over), those after it up to a break ("people dead"), and the generic ones. The event's own
    words further off ("the flood") are not among them."""
    text, terms = analysis.text, set(GENERIC_LABEL_WORDS)
    for figure in counts:
        at = text.find(figure.text)
        if at < 0:
            continue
        before = text[:at].rstrip()
        if figure.qualifier and before.lower().endswith(figure.qualifier):
            before = before[:-len(figure.qualifier)]
        after = re.split(r"[.,;:!?()]", text[at + len(figure.text):])[0]
        terms.update(term for word in [*words(before)[-1:], *words(after)[:COUNT_WORDS_AFTER]]
                     if (term := content_term(word)))
    return terms


def said_shared(explanation):
    """What a claim shares with the statement, in the statement's words: a shared term the
    statement says otherwise (its corrected_terms, read back: "gave way" for "collapse", and for
    "break" through "collapse") counts as the statement's word, so two claims wording one thing
    of the statement differently share it alike."""
    back = {said: word for word, said in explanation.corrected_terms.items()}
    words = set(explanation.matched_entities)
    for term in explanation.matched_terms:
        seen = set()
        while term in back and term not in seen:
            seen.add(term)
            term = back[term]
        words.add(term)
    return words


def _same_value(claim_figure, figures):
    """The one figure of `figures` that gives the claim's figure, if there is exactly one."""
    if claim_figure is None:
        return None
    same = [f for f in figures
            if f.is_year == claim_figure.is_year and f.value == claim_figure.value]
    return same[0] if len(same) == 1 else None


def _judgment(evidence, numbers, stance, reasons):
    """The evidence judged: its numbers compared, its stance towards the statement and why."""
    return JudgedEvidence(source=evidence.source, quote=evidence.quote, numbers=numbers,
                          stance=stance, reasons=reasons, as_of=evidence.reported_on)


def _aside(items, reason):
    """Judged evidence items set aside: they take no side, for `reason`."""
    return [replace(item, stance=NEITHER, reasons=[*item.reasons, reason]) for item in items]


def _lent(match, items):
    """The match with each of `items` (other claims' judged evidence) whose source it has not
    judged yet, on the item's side: a source already judged keeps its judgment."""
    judged = {j.source.id for j in (*match.supporting, *match.contradicting, *match.neither)}
    sides = {SUPPORTS: list(match.supporting), CONTRADICTS: list(match.contradicting)}
    for item in items:
        if item.source.id not in judged and item.stance in sides:
            judged.add(item.source.id)
            sides[item.stance].append(item)
    return replace(match, supporting=sides[SUPPORTS], contradicting=sides[CONTRADICTS],
                   verdict=verdict_of(sides[SUPPORTS], sides[CONTRADICTS]))


def _reversed(figure, claimed):
    """Why a source backing a claim's change contradicts the statement's change the other way."""
    return (f"statement says the figure changed from {_number(figure.earlier)} to "
            f"{_figure_text(figure)}, the claim from {_number(claimed.earlier)} to "
            f"{_figure_text(claimed)}")


def _neither(evidence, numbers, figures, counterpart, figure):
    """The evidence as taking no side: its figure is a bound the statement's merely lies within,
    or the statement's is a bound the source's figure lies far within, or one of them gives where
    the other's change started."""
    numbers[figures.index(counterpart)]["comparison"] = "neither"
    if reports_before(counterpart, figure):
        early, change, (one, other) = ((counterpart, figure, ("source", "statement"))
                                       if figure.earlier is not None
                                       else (figure, counterpart, ("statement", "source")))
        reason = (f"{one} says {_figure_text(early)}, the earlier figure the {other} says "
                  f"changed to {_figure_text(change)}")
    elif mere_bound(counterpart, figure):
        reason = (f"source says {_figure_text(counterpart)}, which does not exclude "
                  f"{_figure_text(figure)} but does not confirm it either")
    else:
        reason = (f"statement says {_figure_text(figure)}, which the source's "
                  f"{_figure_text(counterpart)} does not contradict but does not confirm either")
    return _judgment(evidence, numbers, NEITHER, [reason])


def verdict_of(supporting, contradicting):
    if supporting and contradicting:
        return DISPUTED
    if supporting:
        return SUPPORTED
    if contradicting:
        return CONTRADICTED
    return UNVERIFIED


def _names(items):
    """Outlets by publisher, or by headline where the article does not name its publisher."""
    names = [item.source.publisher or f"“{item.source.title}”" for item in items]
    return "; ".join(dict.fromkeys(names))


def _because(match):
    """Why, in a clause: figure differences, negation or opposite wording."""
    explanation = match.explanation
    differing = [f"{f['statement']} where the claim has {f['claim']}"
                 for f in explanation.figures if f["comparison"] == "differs"]
    reasons = []
    if differing:
        reasons.append("the statement gives " + ", ".join(differing))
    if explanation.negation:
        reasons.append("the statement negates the claim")
    if explanation.opposite_wording:
        reasons.append("the statement uses the opposite wording")
    return f" ({'; '.join(reasons)})" if reasons else ""


def reported_figures(match):
    """The figures the best match's sources give for the statement's count, oldest report first
    (undated ones last), each source's figure once."""
    if match is None:
        return []
    figures = {}
    for judged in (*match.supporting, *match.contradicting, *match.neither):
        for number in judged.numbers:
            if number.get("comparison") is not None:
                figures.setdefault((judged.source.id, number["text"]), ReportedFigure(
                    text=number["text"], value=number["value"], qualifier=number.get("qualifier"),
                    label=number.get("label"), source=judged.source,
                    published=judged.source.published, comparison=number["comparison"],
                    as_of=judged.as_of))
    return sorted(figures.values(), key=_report_order)


def _report_order(figure):
    """Oldest report first, undated ones last."""
    return figure.as_of is None, figure.as_of or 0, figure.value


def _over_time(reported):
    """The summary's last words where dated reports differ: "Latest: X (Outlet, 6 Aug 2023);
    earlier reports A to B."."""
    dated = [f for f in reported if f.as_of is not None]
    if len({f.value for f in dated}) < 2:
        return ""
    latest = dated[-1]
    earlier = [f.value for f in dated if f.as_of < latest.as_of] or [
        f.value for f in dated[:-1]]
    when = f"{latest.as_of.day} {latest.as_of:%b %Y}"
    low, high = min(earlier), max(earlier)
    span = _number(low) if low == high else f"{_number(low)} to {_number(high)}"
    outlet = latest.source.publisher or latest.source.title
    return (f" Latest: {_figure_text(latest)} ({outlet}, {when}); earlier reports "
            f"{span}.")


def _number(value):
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def summarize(match, reported=()):
    """One readable sentence a newsroom tool can show as it is, and where sources reported the
    statement's count on different dates, the latest figure."""
    return _verdict_sentence(match) + _over_time(reported)


def _verdict_sentence(match):
    if match is None:
        return "Unverified: no curated claim matches this statement closely enough."
    claim = f"“{match.claim.text}” (score {match.score:g})"
    support, contra = len(match.supporting), len(match.contradicting)
    because = _because(match)
    if match.verdict == SUPPORTED:
        return (f"Supported: matches {claim}{because}; {support} source(s) back it: "
                f"{_names(match.supporting)}.")
    if match.verdict == CONTRADICTED:
        return (f"Contradicted: matches {claim}{because}, but {contra} source(s) contradict it: "
                f"{_names(match.contradicting)}.")
    if match.verdict == DISPUTED:
        return (f"Disputed: sources disagree on {claim}{because}: {support} back it "
                f"({_names(match.supporting)}) and {contra} contradict it "
                f"({_names(match.contradicting)}).")
    return f"Unverified: matches {claim}{because}, but no source addresses it yet."


class FactChecker:
    """The engine's front door: statement in, verdict with its evidence out.

    Checks may run in several threads at once, but `add` and `remove` must not run during any of
    them: the caller serialises changes against checks (the service's LiveChecker does).
    """

    def __init__(self, claims=(), entities=(), min_score=DEFAULT_MIN_SCORE, texts=(),
                 vocabulary=None):
        """`texts`: source texts as plain strings, read for the acronyms they define and the
        offices they give people;
        `vocabulary`: the corpus's own synonyms, {word: the word it means} ("assault":
        "operation"), on top of the engine's general English ones."""
        self.matcher = Matcher(claims, entities, texts, vocabulary)
        self.judge = Judge(self.matcher)
        self.min_score = min_score

    def __len__(self):
        return len(self.matcher)

    def claims(self):
        """[(claim, its features: figures, entities ...)] for every indexed claim."""
        return [(claim, self.matcher.claim_features(claim))
                for claim in self.matcher.index.claims.values()]

    def add(self, *claims):
        self.matcher.add(*claims)

    def remove(self, claim_id):
        self.matcher.remove(claim_id)

    def check(self, statement, limit=5, min_score=None):
        """The statement judged whole and, when it states several facts (clauses.py), each fact
        judged on its own too, in `parts`. A statement bundling facts scores low against each
        single-fact claim, or is judged on one claim with the other facts' figures in the way; so
        when some part matches a claim better than the whole statement matches any, the whole's
        verdict follows from its parts (`from_parts`). Otherwise the whole statement is a fact as
        stated and keeps its own verdict: a one-fact statement is answered as before, unsplit."""
        threshold = self.min_score if min_score is None else min_score
        analysis, matches = self._judged(statement, limit, threshold)
        best = matches[0] if matches else None
        reported = reported_figures(best)
        result = CheckResult(statement=statement, summary=summarize(best, reported),
                             reported=reported, numbers=[f.as_dict() for f in analysis.figures],
                             matches=matches, **_sides(best))
        clauses = analysis.facts
        if not clauses:
            return result
        result.parts = [self._part(statement, clause, limit, threshold) for clause in clauses]
        whole_score = best.score if best else -1
        return from_parts(result) if any(
            part.match and part.match.score > whole_score for part in result.parts) else result

    def _part(self, statement, clause, limit, threshold):
        """One fact of the statement judged on its own, checked with its attribution."""
        text = clause.text
        if clause.attribution and clause.attribution not in text:
            text = f"{text}, {clause.attribution}"
        _, matches = self._judged(text, limit, threshold)
        best = matches[0] if matches else None
        return Part(start=clause.start, end=clause.end, text=clause.text,
                    attribution=clause.attribution, summary=_verdict_sentence(best),
                    matches=matches, **_sides(best))

    def _judged(self, statement, limit, threshold):
        """(the statement's analysis, its matches judged, best first). A statement telling who
        said a fact ("IFRC says 10,000 are missing") that matches no claim is judged on the fact
        it reports, a claim may state it without its speaker; a match counts only where the
        speaker's actors are named by the claim or a quote backing the statement (else someone
        else said it)."""
        analysis, matches = self._judged_as_written(statement, limit, threshold)
        reported = None if matches else reported_fact(statement)
        if reported:
            attribution, fact = reported
            matches = [match for match in self._judged_as_written(fact, limit, threshold)[1]
                       if not self.matcher.unnamed_actors(attribution, [match.claim.text] + [
                           item.quote for item in match.supporting])]
        return analysis, matches

    def _judged_as_written(self, statement, limit, threshold):
        analysis = self.matcher.analyze_statement(self.dated_relatively(statement, threshold))
        counts = bool(analysis.counts)
        pool = max(limit, QUANTITY_POOL)
        found = self.matcher.search(analysis, limit=pool, min_score=threshold)
        matches = [self.judge.judge_claim(analysis, claim, score, explanation)
                   for claim, score, explanation in found[:limit]]
        if counts and not matches:  # only then look under the threshold: a search costs
            found = self.matcher.search(analysis, limit=pool,
                                        min_score=threshold * SAME_FIGURE_FLOOR)
        by_figure = not matches and counts and self.judge.giving_the_figure(analysis, found)
        if by_figure:
            matches = [self.judge.judge_claim(analysis, *by_figure)]
        if matches and self.judge.undated(analysis, matches[0]):
            matches[0] = self.judge.dated_elsewhere(analysis, matches[0], self.matcher.search(
                analysis, limit=pool, min_score=threshold * SAME_FIGURE_FLOOR))
        if counts and matches and self.judge.counts_otherwise(analysis, matches[0].claim):
            matches = []  # its words matched, its figures count something else
        of_the_kind = []
        if counts and matches:  # counts of the same event, however worded, are weighed too
            of_the_kind = self.judge.on_the_occasion(
                analysis, matches[0], self.matcher.counting(analysis, {matches[0].claim.id}),
                threshold * COUNTED_FLOOR)
        if counts and not matches:  # no wording, no figure: what is counted decides
            of_the_kind = self.judge.of_the_kind(analysis, self.matcher.counting(analysis))
            # the claim judged names everyone the statement names: no one else's count
            best = next((item for item in of_the_kind
                         if self.judge.names_all(analysis, item[0])), None)
            if best and best[1] >= threshold * COUNTED_FLOOR:
                matches = [self.judge.on_figures(analysis, *best)]
        if matches and counts:
            kind_ids = {claim.id for claim, _, _ in of_the_kind}
            found = [*found, *self.matcher.giving_counts(
                analysis, {c.id for c, _, _ in found},
                self.judge.lenders(analysis, matches[0], kind_ids)), *of_the_kind]
            matches[0] = self.judge.across_sources(analysis, matches[0], found, threshold,
                                                   kind_ids)
        if matches:
            matches[0] = self.judge.across_negated(
                analysis, matches[0], [item for item in found if item[1] >= threshold])
            matches[0] = self.judge.said_by_speaker(analysis, matches[0])
        return analysis, matches

    def dated_relatively(self, statement, threshold):
        """The statement with a date it gives relative to an event ("a day after the storm
        struck") given as the day named by the best of the claims matching the event that name
        one day ("on September 11"), so it compares as dates do; unchanged when none does."""
        relative = relative_date(statement)
        if not relative:
            return statement
        days, anchor, (start, end) = relative
        for claim, _, _ in self.matcher.search(anchor, limit=RELATIVE_ANCHORS,
                                               min_score=threshold):
            dates = [f for f in self.matcher.claim_features(claim).figures
                     if f.kind == DATE_KIND and f.low == f.high]
            if len(dates) == 1:
                return f"{statement[:start]}on {shifted_date_text(dates[0], days)}{statement[end:]}"
        return statement


def _sides(best):
    """The verdict and the evidence on each side of a statement whose best match is `best`."""
    if best is None:
        return {"verdict": UNVERIFIED, "supporting": [], "contradicting": [], "neither": []}
    return {"verdict": best.verdict, "supporting": best.supporting,
            "contradicting": best.contradicting, "neither": best.neither}


def parts_verdict(parts):
    """The verdict of a statement from its facts': one fact contradicted makes the statement
    contradicted (it states something false); else one disputed makes it disputed; else one
    supported makes it supported (the others unverified, none against); else unverified."""
    verdicts = {part.verdict for part in parts}
    for verdict in (CONTRADICTED, DISPUTED, SUPPORTED):
        if verdict in verdicts:
            return verdict
    return UNVERIFIED


def _union(items):
    """Judged evidence items, each source once (the first judgment of it kept)."""
    return list({item.source.id: item for item in items}.values())


def from_parts(result):
    """A result answered from its parts rather than its whole statement: the verdict by
    `parts_verdict`; the evidence on each side and the reported figures the union of the parts'
    (each source once); the summary giving each part's finding."""
    parts = result.parts
    verdict = parts_verdict(parts)
    findings = " ".join(f"“{part.text}”: {part.summary}" for part in parts)
    return replace(
        result, verdict=verdict,
        summary=f"{verdict.capitalize()}, fact by fact ({len(parts)} facts stated). {findings}",
        supporting=_union(e for part in parts for e in part.supporting),
        contradicting=_union(e for part in parts for e in part.contradicting),
        neither=_union(e for part in parts for e in part.neither),
        reported=sorted({(f.source.id, f.text): f for part in parts
                         for f in reported_figures(part.match)}.values(), key=_report_order))
