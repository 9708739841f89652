"""Figures compared as quantities across sources: which figure of a source counts the same thing
as the statement's, and when a source's figure is only a bound the statement's lies within."""
import math

from .numbers import QUALIFIERS, best_counterpart, reports_before

# How far from a bound's own value a figure may lie and still be the same report ("at least 27"
# and "thirty"): the margin of an approximate figure ("about 27").
LOW, HIGH = QUALIFIERS["about"]


def same_quantity(figure, candidates):
    """The candidate counting what `figure` counts, or None: every word of the candidate's label
    is among the words around `figure` ("dead" for "a toll of 5,200", not "civilians killed" for
    "30 people were killed"), or its label is only a unit (measured_alike); across claims, a
    figure that does not say what it counts is not taken for another."""
    counterpart = best_counterpart(figure, candidates)
    if counterpart is not None and (counterpart.is_year or counterpart.context
                                    and counterpart.context <= figure.context
                                    or measured_alike(figure, counterpart)):
        return counterpart
    return None


def measured_alike(figure, counterpart):
    """Whether both figures give a unit and the counterpart says nothing else of what it counts
    (a curated "30" labelled "metres"): then the units say it ("about 100 feet" is a length)."""
    return bool(figure.unit and counterpart.unit and not counterpart.context)


def one_sided(figure):
    """Whether the figure bounds the quantity from one side only ("at least 175", "up to 900")."""
    return not figure.is_year and (figure.high == math.inf or figure.low == 0 < figure.high
                                   and figure.qualifier is not None)


def mere_bound(bound, figure):
    """Whether `bound` merely does not exclude `figure`: a one-sided bound, and a statement figure
    that is not one and lies further from the bound's value than an approximation of it would
    ("at least 175" for 398, not "at least 27" for thirty)."""
    return (one_sided(bound) and not one_sided(figure)
            and not bound.value * LOW <= figure.value <= bound.value * HIGH)


def neither_bound(counterpart, figure):
    """Whether a source's figure and the statement's take no side on each other: the source's is
    a one-sided bound the statement's merely lies within, or the statement's is a lower bound
    far below the source's figure ("at least 150" against 11,300: a count so far, which a far
    larger toll neither confirms nor contradicts; "fewer than 10" is confirmed by 7)."""
    return mere_bound(counterpart, figure) or (
        figure.high == math.inf and mere_bound(figure, counterpart))


def takes_no_side(counterpart, figure):
    """Whether a source's figure and the statement's for the same count take no side on each
    other: they agree and one is a bound the other merely lies within (neither_bound), or one
    gives only where the other's change started, an earlier report ("3,958" against "raised from
    3,958 to 11,300": numbers.reports_before)."""
    return reports_before(counterpart, figure) or (
        figure.agrees_with(counterpart) and neither_bound(counterpart, figure))
