"""Addresses taken from minutes, made fit to link to."""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit


def encoded_url(url: str) -> str:
    """Percent-encode what may not stand in a URL as written (ModernGov names documents
    with spaces: "documents/s123/Final Report.pdf"); escapes already there are kept."""
    parts = urlsplit(url.strip())
    return urlunsplit((
        parts.scheme,
        parts.netloc,
        quote(parts.path, safe="/%:@!$&'()*+,;=~"),
        quote(parts.query, safe="=&%:@!$'()*+,;/?~"),
        quote(parts.fragment, safe="%:@!$&'()*+,;=/?~"),
    ))
