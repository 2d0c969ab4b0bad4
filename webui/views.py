"""Views: read request arguments, call one engine method, render a template or JSON."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Flask, current_app, jsonify, render_template, request, url_for
from werkzeug.exceptions import HTTPException

from indexer.errors import IndexDamagedError, IndexMissingError, MinutesError, NotFoundError, QueryError, StaleIndexError
from indexer.search import SORTS, SearchEngine, SearchRequest
from indexer.vocab import ROLES, SECTIONS

log = logging.getLogger(__name__)
bp = Blueprint("search", __name__)

EXAMPLES = ("county lines", '"modern slavery"', "speaker:commissioner precept", "section:resolution knife crime")


def engine() -> SearchEngine:
    return current_app.extensions["minutes"].get()


def search_request(args: Any) -> SearchRequest:
    """Build a :class:`SearchRequest` from query-string arguments; raise QueryError if bad."""
    return SearchRequest(
        q=args.get("q", "")[:2000],
        section=args.get("section") or None,
        speaker=args.get("speaker") or None,
        committee=args.get("committee") or None,
        date_from=_date_arg(args, "from"),
        date_to=_date_arg(args, "to"),
        hide_procedural=args.get("hide_procedural") in ("1", "on", "true"),
        sort=args.get("sort") or "relevance",  # type: ignore[arg-type]
        page=_int_arg(args, "page", 1),
        per_page=_int_arg(args, "per_page", current_app.config["PER_PAGE"]),
        per_item=_int_arg(args, "per_item", 2),
    )


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


@bp.route("/")
def home() -> Any:
    eng = engine()
    return render_template("home.html", info=eng.info, committees=eng.committees(), examples=EXAMPLES, form=_form({}))


@bp.route("/search")
def search() -> Any:
    eng = engine()
    args = request.args
    req = search_request(args)
    result = None if req.is_empty else eng.search(req)
    return render_template(
        "search.html",
        result=result,
        req=req,
        form=_form(args),
        committees=eng.committees(),
        page_url=_page_url,
        without=_without,
        examples=EXAMPLES,
    )


@bp.route("/search.json")
def search_json() -> Any:
    req = search_request(request.args)
    if req.is_empty:
        raise QueryError("Give a query with ?q=… (or a filter such as ?section=resolution).")
    return jsonify(engine().search(req).to_dict())


@bp.route("/item/<item_id>")
def item(item_id: str) -> Any:
    q = request.args.get("q", "")[:2000]
    view = engine().item(item_id, q)
    return render_template("item.html", item=view, q=q, form=_form({"q": q}))


@bp.route("/item/<item_id>.json")
def item_json(item_id: str) -> Any:
    return jsonify(engine().item(item_id, request.args.get("q", "")[:2000]).to_dict())


@bp.route("/help")
def help_page() -> Any:
    return render_template("help.html", sections=SECTIONS, roles=ROLES, form=_form({}))


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
        "sort": args.get("sort", "relevance"),
        "hide_procedural": args.get("hide_procedural") in ("1", "on", "true"),
        "sections": SECTIONS,
        "roles": ROLES,
        "sorts": SORTS,
    }


def _page_url(page: int) -> str:
    args = {k: v for k, v in request.args.items() if v and k != "page"}
    if page > 1:
        args["page"] = str(page)
    return url_for("search.search") + "?" + urlencode(args)


def _without(*names: str) -> str:
    """URL of the current search with some arguments removed (e.g. all filters)."""
    args = {k: v for k, v in request.args.items() if v and k not in names and k != "page"}
    return url_for("search.search") + "?" + urlencode(args)


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
            return (
                render_template(
                    "search.html",
                    result=None,
                    req=None,
                    error=str(exc),
                    form=_form(request.args),
                    committees=eng.committees(),
                    page_url=_page_url,
                    without=_without,
                    examples=EXAMPLES,
                ),
                400,
            )
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
