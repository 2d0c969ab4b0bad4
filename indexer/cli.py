"""The ``minutes`` command: index, search, serve and parse.

A thin layer over the library: it turns arguments into library calls and domain errors
into a one-line message and a non-zero exit code (never a traceback).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import sys
from pathlib import Path
from typing import Any

import click

from .errors import MinutesError, ParseError
from .model import Meeting

DEFAULT_CORPUS = "corpus"
DEFAULT_INDEX = "index"


class _Group(click.Group):
    """Turn domain errors into a clean message and exit code 1 for every command."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MinutesError as exc:
            raise click.ClickException(str(exc)) from exc
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.ClickException("Interrupted; nothing was changed that was not complete.") from None
        except Exception as exc:  # a bug: a sentence, and the traceback only with -v
            logging.getLogger("indexer.cli").info("unexpected error", exc_info=exc)
            raise click.ClickException(
                f"Unexpected error ({type(exc).__name__}: {exc}). This is a bug in minutes-search: "
                "please report it with the command you ran (add -v to see where it happened)."
            ) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="minutes-search")
@click.option("-v", "--verbose", is_flag=True, help="Log more detail to stderr.")
def main(verbose: bool) -> None:
    """Search the minutes of councils and police and crime panels."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


_index_option = click.option(
    "--index",
    "index_dir",
    default=DEFAULT_INDEX,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Index folder.",
)


@main.command("index")
@click.argument("corpus", default=DEFAULT_CORPUS, type=click.Path(file_okay=False, path_type=Path))
@_index_option
@click.option("-u", "--update", is_flag=True,
              help="Only re-index files added, changed or removed since the live build.")
@click.option("-j", "--processes", type=click.IntRange(1, 64), default=None,
              help="Worker processes for a full build [default: one per CPU for large corpora].")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--wait", is_flag=True, help="If another build or update of the index is running, wait for it.")
@click.option("--gc", "gc_only", is_flag=True,
              help="Only remove index states no one needs (left by killed builds, or replaced); report what was freed.")
def index_cmd(corpus: Path, index_dir: Path, update: bool, processes: int | None, quiet: bool, wait: bool,
              gc_only: bool) -> None:
    """Index every minute file under CORPUS (default: ./corpus)."""
    if gc_only:
        from .build import collect_garbage

        freed = collect_garbage(index_dir, wait=wait)
        kept = f"; {len(freed.in_use)} still in use by a server, kept" if freed.in_use else ""
        click.echo(f"Removed {len(freed.removed)} unneeded index states from {index_dir}, "
                   f"freeing {freed.freed_bytes / 1e6:.1f} MB{kept}.")
        return
    from tqdm import tqdm

    from .build import build_index, find_sources, update_index

    total = len(find_sources(corpus))
    # disable=None: a bar on a terminal, none in logs (CI, files).
    with tqdm(total=total, unit="file", desc="Indexing", disable=True if quiet else None, file=sys.stderr, leave=False) as bar:
        if update:
            report = update_index(corpus, index_dir, on_file=lambda name: bar.update(1), wait=wait)
        else:
            report = build_index(corpus, index_dir, on_file=lambda name: bar.update(1), processes=processes, wait=wait)
    for s in report.skipped:
        click.echo(f"skipped {s.path}: {s.reason}", err=True)
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    if update and report.generation and (report.unchanged or report.removed or report.files < total):
        click.echo(
            f"Updated {index_dir}: {report.files} files re-indexed ({report.items} items, {report.passages} passages), "
            f"{report.removed} removed, {report.unchanged} unchanged, in {report.seconds:.1f}s; "
            f"{len(report.skipped)} skipped."
        )
        return
    click.echo(
        f"Indexed {report.files} files ({report.items} items, {report.passages} passages) "
        f"into {index_dir} in {report.seconds:.1f}s; {len(report.skipped)} skipped."
    )


@main.command("check")
@_index_option
def check_cmd(index_dir: Path) -> None:
    """Verify the index: every file readable and as written, item store and segments in agreement."""
    from .check import check_index

    report = check_index(index_dir)
    if report.ok:
        click.echo(
            f"{index_dir} is sound: {report.generation}, {report.segments} segments, {report.files} files, "
            f"{report.items} items, {report.passages} passages; {report.posting_lists} posting lists and "
            f"{report.hot_lists} hot lists read."
        )
        return
    for problem in report.problems:
        click.echo(f"damaged: {problem}", err=True)
    raise click.ClickException(
        f"The index in {index_dir} is damaged ({len(report.problems)} problems above). "
        f"Rebuild it with: minutes index CORPUS --index {index_dir}"
    )


_search_options = [
    click.option("--section", help="Only passages of this section (e.g. resolution)."),
    click.option("--speaker", help="Only passages by this speaker role (e.g. commissioner)."),
    click.option("--committee", help="Only this committee (exact name)."),
    click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="Meetings on or after YYYY-MM-DD."),
    click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Meetings on or before YYYY-MM-DD."),
    click.option("--hide-procedural", is_flag=True, help="Leave out apologies, declarations and other procedure."),
    click.option("--exact", is_flag=True, help="Search the words as written (no stemming: worthing does not find worth)."),
    click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance", show_default=True),
]


def _with_search_options(f: Any) -> Any:
    for option in reversed(_search_options):
        f = option(f)
    return f


def _request(query: tuple[str, ...], **kw: Any) -> Any:
    from .search import SearchRequest

    date_from, date_to = kw.pop("date_from"), kw.pop("date_to")
    return SearchRequest(
        q=" ".join(query),
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        **kw,
    )


@main.command("search")
@click.argument("query", nargs=-1, required=True)
@_index_option
@click.option("--json", "as_json", is_flag=True, help="Print the results page as JSON (with facet and timeline counts).")
@click.option("--page", default=1, show_default=True, type=click.IntRange(1, 1000),
              help="Which page of results to print (as the web UI's pages; the output says how many there are).")
@click.option("--per-page", default=10, show_default=True, type=click.IntRange(1, 100), help="Results per page.")
@_with_search_options
@click.option("--per-item", default=2, show_default=True, type=click.IntRange(0, 100),
              help="At most this many passages per agenda item (0: all).")
def search_cmd(query: tuple[str, ...], index_dir: Path, as_json: bool, **kw: Any) -> None:
    """Search the index and print ranked results (QUERY uses the same syntax as the web UI).

    Results come a page at a time: --page 2 prints the second page.
    """
    from .search import SearchEngine
    from .vocab import ROLES, SECTIONS

    request = _request(query, **kw)
    with SearchEngine(index_dir) as engine:
        result = engine.search(request)
        overview = engine.overview(request)
    if as_json:
        click.echo(json.dumps({**result.to_dict(), **overview.to_dict()}, indent=2, ensure_ascii=False))
        return
    if result.suggestion:
        click.echo(f"Did you mean: {result.suggestion}")
    if result.partial and not result.complete:
        click.echo(f"No passage has all of: {' '.join(result.words)}. Showing passages that match most of them.")
    elif result.partial:
        click.echo(f"{result.complete} passages have all of: {' '.join(result.words)}; then passages with some of them.")
    for typed, also in result.expanded:
        click.echo(f"Also searched: {', '.join(also)} (for \"{typed}\")")
    for typed, related in result.related:
        click.echo(f"Related terms searched, counted for less: {', '.join(related)} (for \"{typed}\")")
    pages = f", page {result.page} of {result.pages}" if result.pages > 1 else ""
    click.echo(f"{_plural(overview.items, 'agenda item')} with {_plural(overview.passages, 'matching passage')}{pages}")
    if result.page > result.pages and result.total:
        click.echo(f"There is no page {result.page}: these results end at page {result.pages}.")
    for card in result.cards:
        hit = card[0]
        meta = " · ".join(x for x in (
            hit.committee,
            f"{hit.date.day} {hit.date:%B %Y}" if hit.date else "date unknown",
            f"item {hit.item_number}" if hit.item_number else None,
        ) if x)
        click.echo("")
        click.echo(click.style(f"{hit.rank}. {hit.title}", bold=True))
        click.echo(f"   {meta}")
        if hit.words_matched is not None:
            missing = ", ".join(f'"{w}"' for w in hit.words_missing)
            click.echo(f"   matches {hit.words_matched} of {len(result.words)} words; not {missing}")
        for h in card:
            speaker = ": ".join(x for x in (ROLES.get(h.speaker_role or "", h.speaker_role), h.speaker_name) if x)
            click.echo("   " + " · ".join(x for x in (SECTIONS.get(h.section, h.section), speaker) if x))
            snippet = "".join(click.style(t, bold=True, underline=True) if m else t for t, m in h.snippet)
            click.echo(f"     {snippet}")
        forms = list(dict.fromkeys(f for h in card for f in h.matched_forms))
        if forms:
            click.echo(f"   Matched: {', '.join(forms)}")
        more = sum(h.more_in_item for h in card)
        if more:
            click.echo(f"   {_plural(more, 'more matching passage')} in this item")
        click.echo(f"   {hit.url or hit.source}  [item {hit.item_id}]")
    if result.has_next:
        click.echo("")
        click.echo(f"Next page: {_next_page_command(click.get_current_context(), result.page + 1)}")


@main.command("export")
@click.argument("query", nargs=-1, required=True)
@_index_option
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
@click.option("--limit", default=10_000, show_default=True, type=click.IntRange(1),
              help="Write at most this many rows (matching passages).")
@_with_search_options
def export_cmd(query: tuple[str, ...], index_dir: Path, fmt: str, limit: int, **kw: Any) -> None:
    """Write every passage QUERY matches, one row each, as CSV or JSON Lines to stdout."""
    import csv

    from .results import EXPORT_COLUMNS
    from .search import SearchEngine

    request = _request(query, **kw)
    with SearchEngine(index_dir) as engine:
        export = engine.export(request, limit)
        if fmt == "csv":
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(EXPORT_COLUMNS)
            for row in export.rows:
                d = row.to_dict()
                writer.writerow(["" if d[c] is None else d[c] for c in EXPORT_COLUMNS])
        else:
            for row in export.rows:
                click.echo(json.dumps(row.to_dict(), ensure_ascii=False))
    if export.truncated:
        click.echo(f"warning: {export.message()} (--limit to change it)", err=True)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _next_page_command(ctx: click.Context, page: int) -> str:
    """The command that prints page ``page`` of this search: the same words and options."""
    import shlex

    words = ["minutes", "search", *ctx.params["query"]]
    assert isinstance(ctx.command, click.Command)
    for param in ctx.command.params:
        if not isinstance(param, click.Option) or param.name in ("query", "page"):
            continue
        value = ctx.params.get(param.name or "")
        if value == param.default or value in (None, False):
            continue
        flag = max(param.opts, key=len)
        if param.is_flag:
            words.append(flag)
        else:
            words += [flag, value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)]
    words += ["--page", str(page)]
    return " ".join(shlex.quote(w) for w in words)


@main.command("serve")
@_index_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 exposes it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Worker processes.")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64), help="Threads per worker.")
def serve_cmd(index_dir: Path, host: str, port: int, workers: int, threads: int) -> None:
    """Serve the web UI with gunicorn (threaded workers)."""
    # Start-up creates only objects that live as long as the server: collecting garbage
    # while it imports and opens the index is wasted time. webui.server turns it back on.
    gc.disable()
    from webui.server import serve

    serve(index_dir, host=host, port=port, workers=workers, threads=threads)


@main.command("harvest")
@click.argument("site")
@click.option("-c", "--committee", help="The committee to harvest: its name as the site lists it, or its id.")
@click.option("--list", "list_only", is_flag=True, help="Only list the site's committees with their ids.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Only meetings on or after YYYY-MM-DD.")
@click.option("--corpus", default=DEFAULT_CORPUS, show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Corpus folder to store the meetings in.")
@click.option("--index", "index_dir", default=DEFAULT_INDEX, show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Add what changed to this index, in place (a running server picks it up).")
@click.option("--no-index", is_flag=True, help="Only fetch; index later with `minutes index --update`.")
@click.option("--body", help="The council's name, if the site's pages do not give it.")
@click.option("--delay", default=1.0, show_default=True, type=click.FloatRange(0, 600),
              help="Seconds between requests to the site.")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(1, 600),
              help="Seconds to wait for the site to answer.")
@click.option("--max-mb", default=50, show_default=True, type=click.IntRange(1, 2048),
              help="Largest page or document to download, in MB.")
@click.option("--recheck", is_flag=True, help="Ask again about approved minutes too (they rarely change).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def harvest_cmd(site: str, committee: str | None, list_only: bool, since: dt.datetime | None, corpus: Path,
                index_dir: Path, no_index: bool, body: str | None, delay: float, timeout: float, max_mb: int,
                recheck: bool, quiet: bool) -> None:
    """Harvest a committee's meetings from the ModernGov site at SITE into the corpus.

    SITE is the address of the council's committee pages, e.g.
    https://democracy.example.gov.uk/. Run it again later to fetch only what is new or
    changed.
    """
    from tqdm import tqdm

    from .harvest import HarvestOptions, Politeness, harvest, list_committees

    politeness = Politeness(delay=delay, timeout=timeout, max_bytes=max_mb * 1024 * 1024)
    if list_only:
        committees, how = list_committees(site, politeness)
        click.echo(f"{len(committees)} committees (from the site's {how}):")
        width = max(len(c.id) for c in committees)
        for c in committees:
            extra = " (expired)" if c.expired else ""
            click.echo(f"  {c.id:>{width}}  {c.title}{extra}")
        return
    if not committee:
        raise click.UsageError("Say which committee to harvest with --committee NAME or ID (--list shows them).")

    def progress(stage: str, total: int | None) -> Any:
        unit = {"Meetings": "meeting", "Indexing": "file"}.get(stage, "page")
        return tqdm(total=total, desc=stage, unit=unit, disable=True if quiet else None, file=sys.stderr, leave=False)

    options = HarvestOptions(committee=committee, corpus=corpus, index=None if no_index else index_dir,
                             since=since.date() if since else None, body=body, recheck=recheck,
                             politeness=politeness)
    report = harvest(site, options, progress)
    for line in report.summary():
        click.echo(line, err=line.startswith(("failed:", "note:")))
    if not report.ok:
        sys.exit(1)


def _manifest_meeting(path: Path) -> Meeting:
    """The manifest metadata for ``path``, as the index would apply it: manifests in its folder and
    the folders above (the farthest one found is taken as the corpus root)."""
    from .manifest import MANIFEST_NAME, load_manifests

    folder = path.resolve().parent
    roots = [d for d in (folder, *folder.parents) if (d / MANIFEST_NAME).is_file()]
    if not roots:
        return Meeting()
    root = roots[-1]
    manifests, errors = load_manifests(root, [path.resolve().relative_to(root).as_posix()])
    for e in errors:
        click.echo(f"warning: {e}", err=True)
    return manifests.meeting_for(path)


@main.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per agenda item (JSON Lines).")
def parse_cmd(files: tuple[Path, ...], as_json: bool) -> None:
    """Parse minute files and print the agenda items found (bad files are reported, not fatal)."""
    from .model import item_record
    from .parse import parse_file

    failed = 0
    for path in files:
        try:
            doc = parse_file(path).with_defaults(_manifest_meeting(path))
        except ParseError as exc:
            click.echo(f"error: {exc}", err=True)
            failed += 1
            continue
        except Exception as exc:  # a parser bug: report it and go on with the other files
            click.echo(f"error: {path}: unexpected parser error ({type(exc).__name__}: {exc})", err=True)
            failed += 1
            continue
        for item in doc.items:
            record = item_record(doc, item)
            if as_json:
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                unsure = f"; guessed: {', '.join(record['guessed'])}" if record["guessed"] else ""
                click.echo(
                    f"{path}: [{record['item_number'] or '-'}] {record['item_title']} "
                    f"({record['committee'] or 'committee unknown'}, {record['meeting_date'] or 'date unknown'}; "
                    f"{len(record['passages'])} passages, {len(record['resolutions'])} resolutions{unsure})"
                )
    if failed:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
