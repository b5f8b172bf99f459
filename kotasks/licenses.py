"""License registry: what each source license id allows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class License:
    """What a license lets a user do with text from a source."""

    id: str
    name: str
    commercial: bool
    derivatives: bool
    share_alike: bool
    attribution: bool
    redistribute_raw: bool
    url: str = ""

    def refusal(self) -> str | None:
        """Why a commercial-only build cannot use this license, or None if it can."""
        if not self.commercial:
            return f"{self.id} forbids commercial use"
        if not self.derivatives:
            return f"{self.id} forbids derivative works"
        return None


def _cc(id_: str, name: str, *, commercial: bool, derivatives: bool, share_alike: bool, url: str) -> License:
    return License(
        id=id_,
        name=name,
        commercial=commercial,
        derivatives=derivatives,
        share_alike=share_alike,
        attribution=True,
        redistribute_raw=True,
        url=url,
    )


_CC = "https://creativecommons.org/licenses"

LICENSES: dict[str, License] = {
    lic.id: lic
    for lic in [
        License(
            id="KR-ART7-PUBLIC",
            name="Not a protected work (Korean Copyright Act art. 7: statutes, court decisions)",
            commercial=True,
            derivatives=True,
            share_alike=False,
            attribution=False,
            redistribute_raw=True,
            url="https://www.law.go.kr/법령/저작권법/제7조",
        ),
        License(
            id="KOGL-1",
            name="공공누리 제1유형 (출처표시)",
            commercial=True,
            derivatives=True,
            share_alike=False,
            attribution=True,
            redistribute_raw=True,
            url="https://www.kogl.or.kr",
        ),
        License(
            id="KOGL-2",
            name="공공누리 제2유형 (출처표시+상업적 이용금지)",
            commercial=False,
            derivatives=True,
            share_alike=False,
            attribution=True,
            redistribute_raw=True,
            url="https://www.kogl.or.kr",
        ),
        License(
            id="KOGL-3",
            name="공공누리 제3유형 (출처표시+변경금지)",
            commercial=True,
            derivatives=False,
            share_alike=False,
            attribution=True,
            redistribute_raw=True,
            url="https://www.kogl.or.kr",
        ),
        License(
            id="KOGL-4",
            name="공공누리 제4유형 (출처표시+상업적 이용금지+변경금지)",
            commercial=False,
            derivatives=False,
            share_alike=False,
            attribution=True,
            redistribute_raw=True,
            url="https://www.kogl.or.kr",
        ),
        License(
            id="CC0-1.0",
            name="CC0 1.0 Universal",
            commercial=True,
            derivatives=True,
            share_alike=False,
            attribution=False,
            redistribute_raw=True,
            url="https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        _cc("CC-BY-4.0", "CC BY 4.0", commercial=True, derivatives=True, share_alike=False, url=f"{_CC}/by/4.0/"),
        _cc(
            "CC-BY-SA-4.0", "CC BY-SA 4.0", commercial=True, derivatives=True, share_alike=True, url=f"{_CC}/by-sa/4.0/"
        ),
        _cc(
            "CC-BY-ND-2.0",
            "CC BY-ND 2.0",
            commercial=True,
            derivatives=False,
            share_alike=False,
            url=f"{_CC}/by-nd/2.0/kr/",
        ),
        _cc(
            "CC-BY-ND-4.0",
            "CC BY-ND 4.0",
            commercial=True,
            derivatives=False,
            share_alike=False,
            url=f"{_CC}/by-nd/4.0/",
        ),
        _cc(
            "CC-BY-NC-4.0",
            "CC BY-NC 4.0",
            commercial=False,
            derivatives=True,
            share_alike=False,
            url=f"{_CC}/by-nc/4.0/",
        ),
        _cc(
            "CC-BY-NC-SA-4.0",
            "CC BY-NC-SA 4.0",
            commercial=False,
            derivatives=True,
            share_alike=True,
            url=f"{_CC}/by-nc-sa/4.0/",
        ),
        _cc(
            "CC-BY-NC-ND-4.0",
            "CC BY-NC-ND 4.0",
            commercial=False,
            derivatives=False,
            share_alike=False,
            url=f"{_CC}/by-nc-nd/4.0/",
        ),
        License(
            id="MIT",
            name="MIT License",
            commercial=True,
            derivatives=True,
            share_alike=False,
            attribution=True,
            redistribute_raw=True,
            url="https://opensource.org/license/mit",
        ),
        License(
            id="Apache-2.0",
            name="Apache License 2.0",
            commercial=True,
            derivatives=True,
            share_alike=False,
            attribution=True,
            redistribute_raw=True,
            url="https://www.apache.org/licenses/LICENSE-2.0",
        ),
        License(
            id="AIHUB",
            name="AI-Hub terms: AI development incl. commercial use; no redistribution of the raw data",
            commercial=True,
            derivatives=True,
            share_alike=False,
            attribution=True,
            redistribute_raw=False,
            url="https://aihub.or.kr",
        ),
        License(
            id="PROPRIETARY",
            name="Proprietary: the user's own data, not for redistribution",
            commercial=True,
            derivatives=True,
            share_alike=False,
            attribution=False,
            redistribute_raw=False,
        ),
    ]
}


def get_license(license_id: str) -> License:
    """The registered license with this id; KeyError names the known ids."""
    try:
        return LICENSES[license_id]
    except KeyError:
        raise KeyError(f"unknown license id {license_id!r}; known: {', '.join(LICENSES)}") from None
