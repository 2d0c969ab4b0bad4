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


@main.command("search")
@click.argument("query", nargs=-1, required=True)
@_index_option
@click.option("--json", "as_json", is_flag=True, help="Print the results page as JSON.")
@click.option("--page", default=1, show_default=True, type=int)
@click.option("--per-page", default=10, show_default=True, type=int)
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest"]), default="relevance", show_default=True)
@click.option("--section", help="Only passages of this section (e.g. resolution).")
@click.option("--speaker", help="Only passages by this speaker role (e.g. commissioner).")
@click.option("--committee", help="Only this committee (exact name).")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="Meetings on or after YYYY-MM-DD.")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="Meetings on or before YYYY-MM-DD.")
@click.option("--hide-procedural", is_flag=True, help="Leave out apologies, declarations and other procedure.")
@click.option("--per-item", default=2, show_default=True, type=click.IntRange(0, 100),
              help="At most this many passages per agenda item (0: all).")
def search_cmd(
    query: tuple[str, ...],
    index_dir: Path,
    as_json: bool,
    page: int,
    per_page: int,
    sort: str,
    section: str | None,
    speaker: str | None,
    committee: str | None,
    date_from: dt.datetime | None,
    date_to: dt.datetime | None,
    hide_procedural: bool,
    per_item: int,
) -> None:
    """Search the index and print ranked results (QUERY uses the same syntax as the web UI)."""
    from .search import SearchEngine, SearchRequest
    from .snippets import to_text

    request = SearchRequest(
        q=" ".join(query),
        section=section,
        speaker=speaker,
        committee=committee,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
        hide_procedural=hide_procedural,
        sort=sort,  # type: ignore[arg-type]
        page=page,
        per_page=per_page,
        per_item=per_item,
    )
    with SearchEngine(index_dir) as engine:
        result = engine.search(request)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
        return
    if result.partial:
        click.echo(f"No passage has all of: {' '.join(result.words)}. Showing passages that match most of them.")
    page = f", page {result.page}" + (f" of {result.pages}" if result.pages else "") if result.page > 1 or result.has_next else ""
    click.echo(f"{result.total} matching passages{page}")
    for hit in result.hits:
        meta = " · ".join(
            x
            for x in (
                hit.committee,
                hit.date.isoformat() if hit.date else None,
                f"item {hit.item_number}" if hit.item_number else None,
                hit.section,
                hit.speaker_role,
            )
            if x
        )
        click.echo("")
        click.echo(click.style(f"{hit.rank}. {hit.title}", bold=True))
        click.echo(f"   {meta}")
        snippet = "".join(click.style(t, bold=True, underline=True) if m else t for t, m in hit.snippet)
        click.echo(f"   {snippet}")
        click.echo(f"   {hit.url or hit.source}  [item {hit.item_id}]")


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
            doc = parse_file(path)
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
                click.echo(
                    f"{path}: [{record['item_number'] or '-'}] {record['item_title']} "
                    f"({record['committee'] or 'committee unknown'}, {record['meeting_date'] or 'date unknown'}; "
                    f"{len(record['passages'])} passages, {len(record['resolutions'])} resolutions)"
                )
    if failed:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
