"""What a handout (Markdown, LaTeX, HTML) leaves out of a big network's derivation.

A derivation has a step per unit and per weight: 25,000 steps for a 784-16-10 network, whose
z steps each add up 784 products.  Printed in full that is gigabytes nobody reads; the form of
each step is what a student learns, and a few of each form show it.  So, in every section:

* of the steps of one form (same quantity, layer and sub-heading), when there are more than
  ``ELIDE_ABOVE``, the first ``KEEP_FIRST`` and the last are shown; the others are left out,
  and one ``Elided`` note stands at the place of the first left out ("… and 13 more of the
  same form, up to z_{15}^2");
* a sum of more than ``MAX_TERMS`` terms shows its first and last terms around ``\\cdots``.

A seed-sized derivation is unchanged.  The JSON export and the window's walkthrough keep
every step; this module is the one place that decides what a handout leaves out.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from bpstudio.model.derivation import DerivationStep

ELIDE_ABOVE = 6  # a form with more steps than this is elided (the seed has 6 of a kind)
KEEP_FIRST = 2  # steps of a form shown before the note (and the form's last one after it)
MAX_TERMS = 8  # a longer sum is shortened
SUM_HEAD, SUM_TAIL = 3, 2  # the terms a shortened sum keeps before and after \cdots

_NOTE = {
    "en": "… and {count:,} more of the same form, up to",
    "zh": "… 以及同样形式的另外 {count:,} 步, 直到",
}


@dataclass(frozen=True)
class Elided:
    """Steps a handout leaves out: how many, and the symbol (LaTeX) of the last of them."""

    count: int
    last_symbol: str
    lang: str
    heading: str  # the sub-heading of the steps it stands for (for new_heading)
    same_way = True  # it stands for repetitions: the step after it gets no 同理可得 again

    @property
    def text(self) -> str:
        """The note's words, in the derivation's language; the writer adds the symbol."""
        return _NOTE[self.lang].format(count=self.count)


# A step's form: its sub-heading, quantity and layer.
_Form = tuple[str, str, int]


def _form(step: DerivationStep) -> _Form:
    return (step.heading, step.quantity, step.layer)


def handout_steps(steps: list[DerivationStep], lang: str) -> list[DerivationStep | Elided]:
    """A section's steps as a handout shows them: long runs of a form elided, long sums cut."""
    totals = Counter(_form(step) for step in steps)
    if max(totals.values(), default=0) <= ELIDE_ABOVE:
        return [shortened(step) for step in steps]
    seen: Counter[_Form] = Counter()
    last_left_out: dict[_Form, DerivationStep] = {}
    for step in steps:
        form = _form(step)
        seen[form] += 1
        if totals[form] > ELIDE_ABOVE and KEEP_FIRST < seen[form] < totals[form]:
            last_left_out[form] = step
    seen.clear()
    shown: list[DerivationStep | Elided] = []
    for step in steps:
        form = _form(step)
        seen[form] += 1
        if totals[form] <= ELIDE_ABOVE or seen[form] <= KEEP_FIRST or seen[form] == totals[form]:
            shown.append(shortened(step))
        elif seen[form] == KEEP_FIRST + 1:
            hidden = totals[form] - KEEP_FIRST - 1
            shown.append(Elided(hidden, last_left_out[form].symbol, lang, step.heading))
    return shown


def shortened(step: DerivationStep) -> DerivationStep:
    symbolic, substituted = shorten_sums(step.symbolic), shorten_sums(step.substituted)
    if (symbolic, substituted) == (step.symbolic, step.substituted):
        return step
    return dataclasses.replace(step, symbolic=symbolic, substituted=substituted)


_OPEN, _CLOSE = "({[", ")}]"
_TOKENS = re.compile(r"[(){}\[\]]| [+=] ")


@lru_cache(maxsize=4096)  # the outline, the card and the prefetch ask for the same formulas
def shorten_sums(latex: str) -> str:
    """``latex`` with every sum of more than MAX_TERMS terms (`` + ``-separated at one level
    of brackets) cut to its first SUM_HEAD and last SUM_TAIL terms around ``\\cdots``."""
    if latex.count(" + ") <= MAX_TERMS:
        return latex  # the common case: nothing to find
    # The position of each " + ", by sum: its enclosing bracket, and which side of an " = "
    # at that level it is on.
    pluses: dict[tuple[int, int], list[int]] = {}
    side: Counter[int] = Counter()  # " = " signs seen so far, by enclosing bracket
    stack = [-1]
    for token in _TOKENS.finditer(latex):
        c, i = token[0], token.start()
        if c in _OPEN:
            stack.append(i)
        elif c in _CLOSE:
            if len(stack) > 1:
                stack.pop()
        elif c == " = ":
            side[stack[-1]] += 1
        else:
            pluses.setdefault((stack[-1], side[stack[-1]]), []).append(i)
    cuts: list[tuple[int, int]] = []  # (start, end) of the text to replace with " + \cdots + "
    for positions in pluses.values():
        if len(positions) + 1 > MAX_TERMS:
            cuts.append((positions[SUM_HEAD - 1], positions[-SUM_TAIL] + 3))
    out: list[str] = []
    at = 0
    for start, end in sorted(cuts):
        out += [latex[at:start], r" + \cdots + "]
        at = end
    return "".join(out) + latex[at:]
