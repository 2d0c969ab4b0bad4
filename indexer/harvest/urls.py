"""ModernGov addresses: the site root, canonical page addresses and the ids in them.

ModernGov links are relative ("ieListDocuments.aspx?CId=12&amp;MId=345&amp;Ver=4"), their
query keys come in any case (``MId``, ``MID``, ``MeetingId``), document links carry
literal spaces and sometimes line breaks ("documents/g345/Printed minutes 12th-Mar-2024
10.00 Cabinet.pdf?T=1"), and ASP.NET sites without cookies put the session in the path
("/(S(k2jd0...))/mgListCommittees.aspx"). A page is identified by its address with the
session segment removed, so one page seen under two sessions is one page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urljoin, urlsplit, urlunsplit

from .errors import SiteError

#: ASP.NET cookieless session (and anonymous-id) segments: "/(S(abc))/", "/(X(1)S(abc))/".
_SESSION = re.compile(r"/\((?:[A-Z]\([^()/]*\))+\)(?=/)", re.I)
_PAGE = re.compile(r"/?([^/]+\.aspx)$", re.I)
_CONTROL = re.compile(r" *[\r\n\t]+[ \r\n\t]*")
_SCHEME = re.compile(r"^[a-z][a-z0-9+-]*:(?!\d)", re.I)


def site_root(address: str) -> str:
    """Return the folder holding the site's ModernGov pages, ending in "/".

    Accepts the address a resident copies from a browser: the host alone, the folder, or
    any ModernGov page in it ("https://democracy.example.gov.uk/mgListCommittees.aspx?bcr=1",
    "https://www.example.gov.uk/moderngov/").
    """
    address = address.strip()
    if "://" not in address and not _SCHEME.match(address):
        address = "https://" + address
    parts = urlsplit(address)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteError(f"{address!r} is not a web address (expected something like https://democracy.example.gov.uk/).")
    path = strip_session(parts.path or "/")
    if not path.endswith("/"):
        last = path.rsplit("/", 1)[-1]
        path = path.rsplit("/", 1)[0] + "/" if ("." in last or _PAGE.search(path)) else path + "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, "", ""))


def strip_session(path: str) -> str:
    """Remove ASP.NET cookieless session segments from a URL path."""
    return _SESSION.sub("", path)


def clean_href(href: str) -> str:
    """Undo what pages do to links: line breaks inside hrefs, stray spaces around them."""
    return _CONTROL.sub(" ", href).strip()


def absolute(base: str, href: str) -> str:
    """Resolve a link found on the page at ``base``; spaces and other unsafe characters quoted."""
    url = urljoin(base, clean_href(href))
    parts = urlsplit(url)
    path = quote(parts.path, safe="/%:@!$&'()*+,;=~")
    query = quote(parts.query, safe="=&%:@!$'()*+,;/?~")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def canonical(url: str) -> str:
    """The identity of a page: no session segment, no fragment, host in lower case."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.lower(), strip_session(parts.path), parts.query, ""))


def same_site(url: str, root: str) -> bool:
    """True if ``url`` is on the harvested site: same host and port, http or https.

    (The web service hands back document links as http:// on https sites; those are the
    same site.)
    """
    a, b = urlsplit(url), urlsplit(root)
    if a.scheme not in ("http", "https") or not a.hostname:
        return False
    # An explicit port is part of the site; the default ports of http and https are one site.
    return (a.hostname or "").lower() == (b.hostname or "").lower() and a.port == b.port


def on_site(url: str, root: str) -> str:
    """Return ``url`` with the site's own scheme (http links on an https site are upgraded)."""
    a, b = urlsplit(url), urlsplit(root)
    if a.scheme != b.scheme and a.port is None and b.port is None:
        return urlunsplit((b.scheme, b.netloc, a.path, a.query, a.fragment))
    return url


def page_name(url: str) -> str:
    """The ModernGov page an address points at, in lower case ("ielistdocuments.aspx")."""
    m = _PAGE.search(strip_session(urlsplit(url).path))
    return m.group(1).lower() if m else ""


def query_id(url: str, *keys: str) -> str | None:
    """The first of ``keys`` present in the query (case-insensitive) whose value is a number."""
    wanted = [k.lower() for k in keys]
    found = {k.lower(): v.strip() for k, v in parse_qsl(urlsplit(url).query, keep_blank_values=True)}
    for k in wanted:
        v = found.get(k)
        if v and v.isdigit():
            return v
    return None


def meeting_id(url: str) -> str | None:
    """The meeting id of a meeting page link (``MId``, ``MID``, ``MeetingId``)."""
    return query_id(url, "mid", "meetingid") if page_name(url) == "ielistdocuments.aspx" else None


def committee_id(url: str) -> str | None:
    """The committee id of a committee, meetings-list or meeting page link."""
    name = page_name(url)
    if name == "mgcommitteedetails.aspx":
        return query_id(url, "id")
    if name in ("ielistmeetings.aspx", "ielistdocuments.aspx", "mgcalendarmonthview.aspx"):
        return query_id(url, "cid", "committeeid")
    return None


def item_id(url: str) -> str | None:
    """The agenda item id of an ``mgAi.aspx?ID=`` link."""
    return query_id(url, "id") if page_name(url) == "mgai.aspx" else None
