"""The license of a built dataset, from the licenses of the sources that gave it records, and its attribution list."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kotasks.licenses import License, get_license
from kotasks.recipe import Recipe

CUSTOM_TERMS = {"AIHUB": "aihub-terms", "PROPRIETARY": "proprietary"}
"""Licenses with terms of their own: a dataset with records from them is 'other' on the Hub."""


@dataclass(frozen=True, kw_only=True)
class OutputLicense:
    """A Hub license id (`other` with `name` when no standard id fits) and why it was chosen."""

    id: str
    why: str
    name: str | None = None
    link: str | None = None


@dataclass(frozen=True, kw_only=True)
class Attribution:
    source: str
    credit: str
    license: License
    records: int


def _conditions(lic: License) -> bool:
    return lic.attribution or lic.share_alike or not lic.commercial or not lic.derivatives


def _cc_id(nc: bool, sa: bool, nd: bool) -> str:
    return "cc-by" + "-nc" * nc + "-sa" * sa + "-nd" * nd + "-4.0"


def output_license(licenses: list[License]) -> OutputLicense:
    """The most permissive license that honours every source license, or `other` when they cannot be combined."""
    ids = sorted({lic.id for lic in licenses})
    if not ids:
        return OutputLicense(id="cc0-1.0", why="no source gave records")
    custom = [i for i in ids if i in CUSTOM_TERMS]
    conditional = [lic.id for lic in licenses if lic.id not in CUSTOM_TERMS and _conditions(lic)]
    if len(custom) == 1 and not conditional:
        return OutputLicense(
            id="other",
            name=CUSTOM_TERMS[custom[0]],
            link=get_license(custom[0]).url or None,
            why=f"records come from a source under {custom[0]}, whose own terms apply",
        )
    if custom:
        return OutputLicense(
            id="other",
            name="mixed",
            link="ATTRIBUTION.md",
            why=f"{', '.join(custom)} terms apply"
            + (f" alongside {', '.join(sorted(set(conditional)))}" if conditional else "")
            + "; each record's license column applies",
        )
    nc = any(not lic.commercial for lic in licenses)
    nd = any(not lic.derivatives for lic in licenses)
    sa = [lic for lic in licenses if lic.share_alike]
    by = any(lic.attribution for lic in licenses)
    strict_sa = [lic.id for lic in sa if lic.commercial]  # CC BY-SA: adaptations only under BY-SA itself
    if (strict_sa and nc) or (sa and nd):
        return OutputLicense(
            id="other",
            name="mixed",
            link="ATTRIBUTION.md",
            why=f"{', '.join(ids)} cannot be combined under one license; each record's license column applies",
        )
    if nc or sa or nd or by:
        chosen = _cc_id(nc, bool(sa), nd)
        return OutputLicense(id=chosen, why=f"the strictest terms among {', '.join(ids)}")
    return OutputLicense(id="cc0-1.0", why=f"{', '.join(ids)} put no conditions on reuse")


def attributions(recipe: Recipe, records_by_source: Mapping[str, int]) -> list[Attribution]:
    """The sources that gave records, with their credit line, license and record count, in recipe order."""
    return [
        Attribution(
            source=source.name,
            credit=source.attribution or source.name,
            license=get_license(source.license),
            records=records_by_source[source.name],
        )
        for source in recipe.sources
        if records_by_source.get(source.name)
    ]
