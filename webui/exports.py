"""A search's results as files: CSV and JSON exports (streamed) and an Atom feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator

from flask import Response, current_app, stream_with_context

from indexer.results import EXPORT_COLUMNS, Export, ResultPage
from indexer.snippets import to_text

#: Rows written to the response at a time.
CHUNK_ROWS = 200


def response(export: Export, kind: str, item_url: Callable[[str], str]) -> Response:
    """Stream ``export`` as a CSV or JSON download."""
    body = _csv(export, item_url) if kind == "csv" else _json(export, item_url)
    mimetype = "text/csv" if kind == "csv" else "application/json"
    r = Response(stream_with_context(body), mimetype=mimetype)
    if kind == "csv":
        r.headers["Content-Type"] = "text/csv; charset=utf-8"
    r.headers["Content-Disposition"] = f'attachment; filename="{_filename(export.request.q)}.{kind}"'
    r.headers["X-Export-Rows"] = str(export.count)
    r.headers["X-Export-Total"] = str(export.total)
    if export.truncated:
        r.headers["X-Export-Truncated"] = export.message() or ""
    return r


def _csv(export: Export, item_url: Callable[[str], str]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    n = 0
    for row in export.rows:
        d = row.to_dict(item_url(row.item_id))
        writer.writerow(["" if d[c] is None else d[c] for c in EXPORT_COLUMNS])
        n += 1
        if n % CHUNK_ROWS == 0:
            yield _take(buf)
    yield _take(buf)


def _json(export: Export, item_url: Callable[[str], str]) -> Iterator[str]:
    r = export.request
    head = {
        "query": r.q,
        "filters": {
            "committee": r.committee, "section": r.section, "speaker": r.speaker,
            "date_from": r.date_from.isoformat() if r.date_from else None,
            "date_to": r.date_to.isoformat() if r.date_to else None,
            "hide_procedural": r.hide_procedural, "exact": r.exact,
        },
        "sort": r.sort,
        "total": export.total,
        "rows_exported": export.count,
        "limit": export.limit,
        "truncated": export.truncated,
        "message": export.message(),
        "columns": list(EXPORT_COLUMNS),
    }
    opening = json.dumps(head, ensure_ascii=False)[:-1]  # without the closing brace
    yield opening + ', "rows": ['
    parts: list[str] = []
    first = True
    for row in export.rows:
        parts.append(("" if first else ",") + "\n" + json.dumps(row.to_dict(item_url(row.item_id)), ensure_ascii=False))
        first = False
        if len(parts) >= CHUNK_ROWS:
            yield "".join(parts)
            parts = []
    yield "".join(parts) + "\n]}\n"


def _take(buf: io.StringIO) -> str:
    out = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return out


def _filename(q: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", q.lower()).strip("-")[:40]
    return "minutes" + (f"-{slug}" if slug else "")


def atom(result: ResultPage, page_url: str, self_url: str, item_url: Callable[..., str],
         built_at: str | None = None) -> Response:
    """The newest matching agenda items of a search as an Atom feed, one entry per item.

    An entry's id is its item page's address, the same in every fetch and every search,
    so feed readers show each item once however often they poll.
    """
    from feedgen.feed import FeedGenerator  # imported on first use: lxml costs start-up time

    site = current_app.config["SITE_NAME"]
    q = result.request.q
    fg = FeedGenerator()
    fg.id(self_url)
    fg.title(f"{site}: {q}" if q.strip() else f"{site}: new matching items")
    fg.subtitle("Agenda items matching this search, newest meeting first.")
    fg.link(href=page_url, rel="alternate", type="text/html")
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    fg.author({"name": site})
    fg.generator("minutes-search")
    fallback = _fallback_time(built_at)
    newest = None
    for hit in result.hits:
        when = _at(hit.date) if hit.date else fallback
        newest = max(newest, when) if newest else when
        fe = fg.add_entry(order="append")
        fe.id(item_url(hit.item_id))
        fe.title(hit.title or "Untitled item")
        fe.link(href=item_url(hit.item_id, q=q or None), rel="alternate", type="text/html")
        fe.updated(when)
        fe.published(when)
        meeting = ", ".join(x for x in (hit.committee, f"{hit.date.day} {hit.date:%B %Y}" if hit.date else None,
                                         f"item {hit.item_number}" if hit.item_number else None) if x)
        fe.summary(f"{meeting}: {to_text(hit.snippet)}" if meeting else to_text(hit.snippet))
        if hit.committee:
            fe.category(term=hit.committee)
    fg.updated(newest or fallback)
    return Response(fg.atom_str(pretty=True), mimetype="application/atom+xml")


def _at(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def _fallback_time(built_at: str | None) -> dt.datetime:
    """When an undated item's entry says it was updated: when the index was built."""
    try:
        when = dt.datetime.fromisoformat(built_at) if built_at else None
    except ValueError:
        when = None
    return when or dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
