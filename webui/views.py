"""Views: read request arguments, call the engine, render a template, JSON, CSV or a feed."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Flask, current_app, g, jsonify, redirect, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from indexer.errors import IndexDamagedError, IndexMissingError, MinutesError, NotFoundError, QueryError, StaleIndexError
from indexer.search import SORTS, SearchEngine, SearchRequest
from indexer.vocab import ROLES, SECTIONS

from . import exports, links
from .charts import timeline_chart
from .links import search_url

log = logging.getLogger(__name__)
bp = Blueprint("search", __name__)

EXAMPLES = ("county lines", '"modern slavery"', "speaker:commissioner precept", "section:resolution knife crime")
#: What each sort is called on the page.
SORT_LABELS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first"}
#: Entries in a search's Atom feed (its newest matching items).
FEED_ENTRIES = 50


def engine() -> SearchEngine:
    return current_app.extensions["minutes"].get()


def search_request(args: Any, **override: Any) -> SearchRequest:
    """Build a :class:`SearchRequest` from query-string arguments; raise QueryError if bad."""
    fields: dict[str, Any] = dict(
        q=args.get("q", "")[:2000],
        section=args.get("section") or None,
        speaker=args.get("speaker") or None,
        committee=args.get("committee") or None,
        date_from=_date_arg(args, "from"),
        date_to=_date_arg(args, "to"),
        hide_procedural=_flag(args, "hide_procedural"),
        exact=_flag(args, "exact"),
        sort=args.get("sort") or "relevance",
        page=_int_arg(args, "page", 1),
        per_page=_int_arg(args, "per_page", current_app.config["PER_PAGE"]),
        per_item=_int_arg(args, "per_item", 2),
    )
    fields.update(override)
    return SearchRequest(**fields)


def _flag(args: Any, name: str) -> bool:
    return args.get(name) in ("1", "on", "true")


def _int_arg(args: Any, name: str, default: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise QueryError(f"The {name.replace('_', ' ')} must be a whole number, not {raw[:20]!r}.") from None


def _date_arg(args: Any, name: str) -> dt.date | None:
    raw = args.get(name)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise QueryError(f"The '{name}' date must look like 2018-06-21, not {raw[:20]!r}.") from None


def item_url(item_id: str, **args: Any) -> str:
    """The absolute address of an item's page."""
    if args:
        return url_for("search.item", item_id=item_id, _external=True, **args)
    # Built once per request and completed per item (a results page or an export lists
    # many): the path segment quoted as the route's converter quotes it.
    prefix = g.get("item_url_prefix")
    if prefix is None:
        prefix = g.item_url_prefix = url_for("search.item", item_id="-", _external=True)[:-1]
    return _item_url(prefix, item_id)


def item_urls() -> Callable[[str], str]:
    """:func:`item_url` for the many items of one response (the prefix looked up once)."""
    prefix = url_for("search.item", item_id="-", _external=True)[:-1]
    return lambda item_id: _item_url(prefix, item_id)


def _item_url(prefix: str, item_id: str) -> str:
    if item_id.isascii() and item_id.isalnum():  # ids are hex: quote() would return them unchanged
        return prefix + item_id
    return prefix + quote(item_id, safe=ROUTE_SAFE)


#: Characters werkzeug's default route converter leaves unquoted in a path segment.
ROUTE_SAFE = "!$&'()*+,/:;=@"


@bp.route("/")
def home() -> Any:
    eng = engine()
    return render_template("home.html", info=eng.info, committees=eng.committees(), examples=EXAMPLES, form=_form({}))


@bp.route("/search")
def search() -> Any:
    clean = links.canonical(request.args)
    if clean is not None:  # a form sent empty fields (or defaults): show the tidy address
        return redirect(url_for("search.search") + clean, code=302)
    eng = engine()
    req = search_request(request.args)
    if req.is_empty:
        return render_template("search.html", result=None, overview=None, req=req, **_page_context(eng))
    result, overview = eng.results(req)
    return render_template(
        "search.html",
        result=result,
        overview=overview,
        req=req,
        chart=timeline_chart(overview),
        export_limit=current_app.config["EXPORT_MAX_ROWS"],
        **_page_context(eng),
    )


def _page_context(eng: SearchEngine) -> dict[str, Any]:
    return dict(
        form=_form(request.args),
        committees=eng.committees(),
        search_url=search_url,
        chips=links.active_filters(request.args),
        sort_labels=SORT_LABELS,
        examples=EXAMPLES,
    )


@bp.route("/search.json")
def search_json() -> Any:
    req = search_request(request.args)
    if req.is_empty:
        raise QueryError("Give a query with ?q=… (or a filter such as ?section=resolution).")
    eng = engine()
    if request.args.get("facets") == "0":
        return jsonify(eng.search(req).to_dict(item_url=item_urls()))
    result, overview = eng.results(req)
    data = result.to_dict(item_url=item_urls())
    data.update(overview.to_dict())
    return jsonify(data)


@bp.route("/export.csv")
def export_csv() -> Any:
    return _export("csv")


@bp.route("/export.json")
def export_json() -> Any:
    return _export("json")


def _export(kind: str) -> Any:
    req = search_request(request.args, page=1)
    if req.is_empty:
        raise QueryError("Give a query with ?q=… (or a filter such as ?section=resolution) to export its results.")
    result = engine().export(req, current_app.config["EXPORT_MAX_ROWS"])
    return exports.response(result, kind, item_url)


@bp.route("/feed.atom")
def feed() -> Any:
    req = search_request(request.args, sort="newest", per_item=1, page=1, per_page=FEED_ENTRIES)
    if req.is_empty:
        raise QueryError("Give a query with ?q=… (or a filter such as ?section=resolution) to follow it as a feed.")
    eng = engine()
    result = eng.search(req)
    page = search_url(_external=True, sort=None)
    return exports.atom(result, page, search_url("search.feed", _external=True, sort=None), item_url,
                        eng.info.get("built_at"))


@bp.route("/item/<item_id>")
def item(item_id: str) -> Any:
    req = _item_search(request.args)
    view = engine().item(item_id, request=req)
    return render_template("item.html", item=view, q=req.q, exact=req.exact, form=_form({"q": req.q}),
                           back=links.back_to_results(request.args))


def _item_search(args: Any) -> SearchRequest:
    """The search an item page was opened from (its matches are that search's)."""
    return search_request(args, page=1)


@bp.route("/item/<item_id>.json")
def item_json(item_id: str) -> Any:
    view = engine().item(item_id, request=_item_search(request.args))
    data = view.to_dict()
    data["item_url"] = item_url(item_id)
    for ref in data["siblings"] + data["series"]:
        ref["item_url"] = item_url(ref["item_id"])
    return jsonify(data)


@bp.route("/help")
def help_page() -> Any:
    return render_template("help.html", sections=SECTIONS, roles=ROLES, form=_form({}),
                           export_limit=current_app.config["EXPORT_MAX_ROWS"])


@bp.route("/healthz")
def healthz() -> Any:
    """Whether the index answers: a real search, reading from disk. 200 "ok", or 503
    "degraded" with the reason."""
    try:
        health = engine().health()
    except MinutesError as exc:
        health = {"status": "degraded", "generation": None, "reason": str(exc)}
    return jsonify(health), 200 if health["status"] == "ok" else 503


def _form(args: Any) -> dict[str, Any]:
    """Values to refill the search form with."""
    return {
        "q": args.get("q", ""),
        "section": args.get("section", ""),
        "speaker": args.get("speaker", ""),
        "committee": args.get("committee", ""),
        "from": args.get("from", ""),
        "to": args.get("to", ""),
        "sort": args.get("sort") or "relevance",
        "hide_procedural": _flag(args, "hide_procedural"),
        "exact": _flag(args, "exact"),
        "sections": SECTIONS,
        "roles": ROLES,
        "sorts": SORTS,
    }


def register_error_handlers(app: Flask) -> None:
    """Turn domain errors and HTTP errors into plain-language pages (or JSON)."""

    def wants_json() -> bool:
        return request.path.endswith(".json") or request.path == "/healthz"

    def render_error(status: int, title: str, message: str, **extra: Any) -> Any:
        if wants_json():
            return jsonify({"error": message, "status": status}), status
        return render_template("error.html", status=status, title=title, message=message, form=_form(request.args), **extra), status

    @app.errorhandler(QueryError)
    def _bad_query(exc: QueryError) -> Any:
        if request.endpoint == "search.search" and not wants_json():
            eng = engine()
            return render_template("search.html", result=None, overview=None, req=None, error=str(exc),
                                   **_page_context(eng)), 400
        return render_error(400, "That search could not be understood", str(exc))

    @app.errorhandler(NotFoundError)
    def _not_found(exc: NotFoundError) -> Any:
        return render_error(404, "Not found", "There is no agenda item at this address. It may have been removed when the archive was re-indexed.")

    @app.errorhandler(IndexDamagedError)
    def _damaged(exc: IndexDamagedError) -> Any:
        log.error("%s", exc)
        return render_error(503, "Search is not available", "The search index is damaged and is being repaired. Please try again later.")

    @app.errorhandler(IndexMissingError)
    @app.errorhandler(StaleIndexError)
    def _no_index(exc: MinutesError) -> Any:
        log.error("%s", exc)
        return render_error(503, "Search is not available yet", "The search index is not ready. Please try again in a few minutes.")

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException) -> Any:
        messages = {
            404: "There is no page at this address. Check the link, or search from the box above.",
            405: "This address does not accept that kind of request.",
        }
        code = exc.code or 500
        return render_error(code, exc.name, messages.get(code, exc.description or exc.name))

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        log.exception("unhandled error on %s", request.path)
        return render_error(500, "Something went wrong", "Something went wrong on our side while answering this request. Please try again.")


@bp.app_template_global("item_link")
def _item_link(item_id: str, anchor: str | None = None) -> str:
    return links.item_link(item_id, anchor)


@bp.app_template_global("search_url")
def _search_url(endpoint: str = "search.search", **changes: Any) -> str:
    return search_url(endpoint, **changes)


@bp.app_template_filter("href")
def _href(url: str | None) -> str:
    return links.href(url)


@bp.app_template_global("facet_url")
def _facet_url(name: str, value: str | None) -> str:
    return links.facet_url(name, value)
