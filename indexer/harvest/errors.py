"""Harvest errors: each one carries a sentence for the summary, never a traceback."""

from __future__ import annotations

from ..errors import MinutesError


class HarvestError(MinutesError):
    """A harvest could not start or go on (bad site address, unknown committee, …)."""


class FetchError(HarvestError):
    """One address could not be fetched; ``reason`` says why in words."""

    def __init__(self, url: str, reason: str, *, retryable: bool = True, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retryable = retryable
        self.status = status


class OffSiteError(FetchError):
    """A link or redirect leads off the harvested site; it is not followed."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, reason, retryable=False)


class RobotsError(HarvestError):
    """robots.txt forbids an address, or could not be read (then it forbids everything)."""


class SiteError(HarvestError):
    """A site address that cannot be harvested (not http(s), no host)."""
