"""mask_prediction: a passage with one noun or number masked -> the masked word, particles left in place."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

from kotasks.recipe import MaskPredictionConfig
from kotasks.tasks.base import Example, SentenceTask, Skip
from kotasks.text.kiwi import get_kiwi
from kotasks.text.view import DocumentView

NOUN_TAGS = frozenset({"NNG", "NNP"})
NUMBER_TAGS = frozenset({"SN"})
# A unit glued to one of these would leave half a word behind the mask (제<MASK>조, <MASK>적).
_GLUED_NEIGHBOURS = frozenset({"XPN", "XSN", "SN", "SL", "SH", "NNG", "NNP", "NR"})


@dataclass(frozen=True)
class Unit:
    """A maskable span: contiguous whole noun morphemes (a compound or a name), or one number."""

    start: int
    end: int
    is_noun: bool


def maskable_units(passage: str, lo: int, hi: int) -> list[Unit]:
    """Units inside passage[lo:hi] whose surface is exactly their morphemes and occurs once in the passage."""
    tokens = [t for t in get_kiwi().tokenize(passage) if t.len > 0]
    units: list[Unit] = []
    i = 0
    while i < len(tokens):
        tag = tokens[i].tag
        if tag not in NOUN_TAGS and tag not in NUMBER_TAGS:
            i += 1
            continue
        j = i + 1
        if tag in NOUN_TAGS:
            while j < len(tokens) and tokens[j].tag in NOUN_TAGS and tokens[j].start == tokens[j - 1].end:
                j += 1
        run = tokens[i:j]
        before = tokens[i - 1] if i > 0 and tokens[i - 1].end == run[0].start else None
        after = tokens[j] if j < len(tokens) and tokens[j].start == run[-1].end else None
        start, end = run[0].start, run[-1].end
        surface = passage[start:end]
        if (
            lo <= start
            and end <= hi
            and surface == "".join(t.form for t in run)
            and not (before and before.tag in _GLUED_NEIGHBOURS)
            and not (after and after.tag in _GLUED_NEIGHBOURS)
            and (tag in NUMBER_TAGS or len(surface) >= 2)
            and passage.count(surface) == 1
        ):
            units.append(Unit(start, end, tag in NOUN_TAGS))
        i = j
    return units


class MaskPrediction(SentenceTask[MaskPredictionConfig]):
    name = "mask_prediction"

    def template_fields(self) -> dict[str, str]:
        return {"mask": self.config.mask_token}

    def from_block(self, view: DocumentView, block: int, rng: Random) -> Example:
        text = view.blocks[block]
        sentences = view.sentences(block)
        target = rng.randrange(len(sentences))
        before = rng.randint(0, self.config.context_sentences)
        after = self.config.context_sentences - before
        window = sentences[max(0, target - before) : target + after + 1]
        offset = window[0].start
        passage = text[offset : window[-1].end]
        if self.config.mask_token in passage:
            raise Skip("the passage already contains the mask token")
        lo, hi = sentences[target].start - offset, sentences[target].end - offset
        units = maskable_units(passage, lo, hi)
        nouns = [u for u in units if u.is_noun]
        if not units:
            raise Skip("no noun or number that occurs once in the passage")
        unit = rng.choice(nouns or units)
        masked = passage[: unit.start] + self.config.mask_token + passage[unit.end :]
        return Example(input=masked, output=passage[unit.start : unit.end])
