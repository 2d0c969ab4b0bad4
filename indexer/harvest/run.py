"""One harvest run: a committee's meetings from a ModernGov site into the corpus and index.

For each meeting (oldest first) the run fetches its agenda-and-minutes page, the agenda
item pages of minutes the page cuts short, and its printed minutes; it writes them under
the meeting's folder with a manifest, and records what it fetched in the site's state
file before going on to the next meeting. A later run asks again only about what may
have changed:

* a meeting not seen before is fetched;
* a page with an ETag or Last-Modified is asked for conditionally (a 304 costs no body);
* a page without either is fetched and compared by content hash, unless its minutes are
  approved: approved minutes do not change, so they are not fetched again (``recheck``
  does so anyway);
* draft minutes and meetings with no minutes yet are always looked at again, so approved
  minutes replace drafts;
* a meeting left incomplete (a failure, or a run stopped part way) is finished.

With an index folder, the files the run wrote (and any left unindexed by a stopped run)
are added to the live index in place through :func:`indexer.build.update_index`; a
running server picks the update up within a second.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ..build import BuildReport, update_index
from ..errors import MinutesError
from . import discover, moderngov, urls
from .errors import FetchError, HarvestError, RobotsError
from .http import Politeness, PoliteClient, Response
from .moderngov import Committee, MeetingRef
from .store import SOURCES, MeetingState, SiteStore, Source, State, slug

MINUTES_FILE = "minutes.html"


class Bar(Protocol):
    """A progress bar for one stage (tqdm's interface)."""

    def update(self, n: int = 1) -> object: ...
    def close(self) -> None: ...


#: Makes a bar for a stage: ``progress("Meetings", total)``.
ProgressFn = Callable[[str, int | None], Bar]


class _NoBar:
    def update(self, n: int = 1) -> None:
        return None

    def close(self) -> None:
        return None


def _no_progress(stage: str, total: int | None) -> Bar:
    return _NoBar()


@dataclass(frozen=True, slots=True)
class HarvestOptions:
    """What to harvest and how."""

    committee: str                       #: name (or part of it) or id
    corpus: Path = Path("corpus")
    index: Path | None = None            #: add what changed to this index
    since: dt.date | None = None         #: only meetings on or after this date
    body: str | None = None              #: the council's name, if the site's pages do not say
    recheck: bool = False                #: fetch approved minutes again too
    politeness: Politeness = field(default_factory=Politeness)
    today: dt.date | None = None         #: meetings after this are left for a later run
    durable: bool = True                 #: flush each file to disk (survives power cuts, not only kills)


@dataclass(frozen=True, slots=True)
class Failure:
    """Something the run could not fetch or write, in words."""

    what: str
    reason: str


@dataclass(slots=True)
class HarvestReport:
    """What a run did: the summary's figures and the reasons for each failure."""

    site: str
    committee: Committee | None = None
    body: str | None = None
    discovery: str = ""
    robots: str = ""
    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    cancelled: int = 0
    future: int = 0
    failures: list[Failure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    requests: int = 0
    not_modified: int = 0
    retries: int = 0
    bytes: int = 0
    seconds: float = 0.0
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    index: BuildReport | None = None

    @property
    def failed(self) -> int:
        return len({f.what for f in self.failures})

    @property
    def ok(self) -> bool:
        return not self.failures

    def summary(self) -> list[str]:
        """The closing lines a person reads: counts, bytes, time, then each failure."""
        name = self.committee.title if self.committee else "?"
        lines = [
            f"Harvested {name} ({self.body or self.site}) through the {self.discovery or 'site'}: "
            f"{self.seen} meetings seen, {self.new} new, {self.changed} changed, {self.unchanged} unchanged, "
            f"{self.failed} failed.",
            f"{self.requests} requests ({self.not_modified} answered 'not modified', {self.retries} retried), "
            f"{_size(self.bytes)} downloaded in {self.seconds:.1f} s.",
        ]
        extra = []
        if self.cancelled:
            extra.append(f"{self.cancelled} cancelled")
        if self.future:
            extra.append(f"{self.future} still to come")
        if extra:
            lines.append("Not fetched: " + ", ".join(extra) + " (meetings).")
        if self.index is not None:
            r = self.index
            lines.append(f"Index {r.index}: {r.files} files indexed ({r.items} items, {r.passages} passages), "
                         f"{r.unchanged} unchanged, in {r.seconds:.1f} s.")
        lines.extend(f"note: {n}" for n in self.notes)
        lines.extend(f"failed: {f.what}: {f.reason}" for f in self.failures)
        return lines


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / (1024 * 1024):.1f} MB"


def list_committees(site: str, politeness: Politeness | None = None) -> tuple[list[Committee], str]:
    """The site's committees and how they were found ("web service" or "pages")."""
    with PoliteClient(urls.site_root(site), politeness) as client:
        client.load_robots()
        found = discover.find_committees(client)
    return found.committees, found.discovery


def harvest(site: str, options: HarvestOptions, progress: ProgressFn | None = None,
            *, sleep: Callable[[float], None] = time.sleep) -> HarvestReport:
    """Harvest one committee of a ModernGov site into ``options.corpus`` (and index).

    Raises :class:`HarvestError` when the run cannot start (bad address, robots.txt
    unreadable, no such committee); failures of single meetings are collected in the
    report instead, and the run goes on.
    """
    started = time.monotonic()
    progress = progress or _no_progress
    root = urls.site_root(site)
    report = HarvestReport(site=root)
    store = SiteStore(options.corpus, root, durable=options.durable)
    state = store.load()
    today = options.today or dt.date.today()
    with PoliteClient(root, options.politeness, sleep=sleep) as client:
        try:
            report.robots = client.load_robots()
            bar = progress("Finding meetings", None)
            try:
                found = discover.find_committees(client)
                bar.update()
                committee = discover.pick_committee(found.committees, options.committee)
                report.committee = committee
                refs, report.discovery = discover.find_meetings(client, committee, found.discovery, options.since,
                                                                today, on_page=bar.update)
            finally:
                bar.close()
            body = options.body or state.body or found.body
            run = _Run(client, store, state, committee, body, options, report)
            due = [r for r in refs if not (r.date and r.date > today)]
            report.future = len(refs) - len(due)
            bar = progress("Meetings", len(due))
            try:
                for ref in due:
                    run.meeting(ref)
                    store.save(state)
                    bar.update()
            finally:
                bar.close()
            run.finish()
        finally:
            report.requests = client.stats.requests
            report.not_modified = client.stats.not_modified
            report.retries = client.stats.retries
            report.bytes = client.stats.bytes
    report.body = state.body
    if options.index is not None:
        _index(store, state, options, report, progress)
    report.seconds = time.monotonic() - started
    return report


def _index(store: SiteStore, state: State, options: HarvestOptions, report: HarvestReport,
           progress: ProgressFn) -> None:
    names = sorted(set(store.indexed_names(state)) | set(report.removed))
    if not names:
        return
    bar = progress("Indexing", len(names))
    try:
        assert options.index is not None
        result = update_index(options.corpus, options.index, on_file=lambda name: bar.update(), only=names)
    except MinutesError as exc:
        report.failures.append(Failure("index", str(exc)))
        return
    finally:
        bar.close()
    report.index = result
    gone = set(report.removed)
    for s in result.skipped:
        if s.path not in gone:
            report.notes.append(f"not indexed: {s.path}: {s.reason}")


class _Run:
    """The per-meeting work of one run (state, store and client shared)."""

    def __init__(self, client: PoliteClient, store: SiteStore, state: State, committee: Committee,
                 body: str | None, options: HarvestOptions, report: HarvestReport) -> None:
        self.client, self.store, self.state = client, store, state
        self.committee, self.options, self.report = committee, options, report
        self.body_given = body
        state.committees[committee.id] = committee.title
        state.discovery = report.discovery
        self._body_checked = False
        self._no_get_meeting = False

    # ------------------------------------------------------------------ one meeting

    def meeting(self, ref: MeetingRef) -> None:
        report = self.report
        prev = self.state.meetings.get(ref.id)
        m = prev or MeetingState(
            id=ref.id, committee_id=self.committee.id, url=ref.url,
            folder=f"{slug(self.committee.title)}/{ref.date.isoformat() if ref.date else 'undated'}-m{ref.id}",
            date=ref.date.isoformat() if ref.date else None,
        )
        label_changed = prev is not None and prev.label != ref.label
        m.label = ref.label
        if ref.cancelled:
            m.status, m.complete = "cancelled", True
            self.state.meetings[ref.id] = m
            report.cancelled += 1
            return
        report.seen += 1
        what = f"{self.committee.title} {m.date or 'undated'} (meeting {ref.id})"
        page_src = m.page
        settled = prev is not None and prev.complete and prev.status == "minutes" and page_src is not None
        if settled and not self.options.recheck and not label_changed and not (page_src.etag or page_src.last_modified):
            report.unchanged += 1  # approved minutes from a site without validators: not asked again
            return
        self.state.meetings[ref.id] = m
        had_files = bool(prev and prev.files)
        try:
            outcome = self._fetch_meeting(m, prev)
        except (FetchError, RobotsError, OSError) as exc:
            m.complete, m.error = False, _reason(exc)
            report.failures.append(Failure(what, m.error))
            return
        m.checked = _now()
        if outcome == "unchanged":
            report.unchanged += 1
        elif not had_files:
            report.new += 1
        else:
            report.changed += 1
        if m.error:
            report.failures.append(Failure(what, m.error))

    def _fetch_meeting(self, m: MeetingState, prev: MeetingState | None) -> str:
        page_src = m.page
        stored = self.store.read_source(m, page_src) if page_src else None
        conditional = page_src is not None and stored is not None
        resp = self.client.get(m.url, etag=page_src.etag if conditional else None,
                               last_modified=page_src.last_modified if conditional else None)
        if resp.not_modified:
            assert page_src is not None and stored is not None
            if prev is not None and prev.complete:
                return "unchanged"
            page = stored
            base = m.url
        else:
            page = resp.body
            base = resp.final_url or m.url
            if prev is not None and prev.complete and page_src is not None and resp.sha256 == page_src.sha256 \
                    and stored is not None:
                _refresh(page_src, resp)
                return "unchanged"
            self._keep(m, resp, "meeting", f"{SOURCES}/meeting.html")
        self._learn_body(page)
        return self._documents(m, page, base)

    def _documents(self, m: MeetingState, page: bytes, base: str) -> str:
        info = moderngov.read_meeting_page(page, base)
        problems: list[str] = []
        wanted = {m.url}
        for off in info.off_site:
            self.report.notes.append(f"link off the site not followed: {off}")
        # Items whose minutes the page cuts short: their own pages have them whole.
        full: dict[str, str] = self._ws_minutes(m, info, wanted, problems) if info.cut else {}
        loose: dict[str, bytes] = {}
        for cut in info.cut:
            if cut.item_id in full:
                continue  # the web service gave this item's minutes whole
            wanted.add(cut.url)
            data = self._get_source(m, cut.url, "item", f"{SOURCES}/mgAi-{cut.item_id}.html", problems,
                                    f"the full minutes of item {cut.number or cut.item_id}", item=cut.number or None)
            if data is None:
                continue
            text = moderngov.item_minutes(data)
            if text:
                full[cut.item_id] = text
            else:
                loose[f"item-{cut.item_id}.html"] = data  # kept whole, indexed on its own
        # Printed minutes: the record itself, and the only minutes text when the page has none.
        # Long minutes may come as several documents (parts, a supplement): each is kept.
        printed: dict[str, bytes] = {}
        for n, doc in enumerate(info.printed, 1):
            wanted.add(urls.canonical(doc.url))
            stem = "printed-minutes" if n == 1 else f"printed-minutes-{n}"
            ext = _extension(doc.url)
            what = "the printed minutes" if len(info.printed) == 1 else f"the printed minutes ({doc.label})"
            data = self._get_source(m, doc.url, "printed", f"{SOURCES}/{stem}{ext}", problems, what)
            if data is not None:
                if data.lstrip()[:5] == b"%PDF-":
                    ext = ".pdf"
                printed[f"{stem}{ext}"] = data
        # What the index reads: the page with every item whole, or the printed minutes.
        visible: dict[str, bytes] = {}
        if info.has_minutes or not printed:
            spliced, _done = moderngov.splice(page, full) if full else (page, [])
            visible[MINUTES_FILE] = spliced
        else:
            visible.update(printed)
        visible.update(loose)
        for url in [u for u in m.sources if u not in wanted]:
            self.store.remove_file(m, m.sources.pop(url).path)
        for rel in sorted(set(m.files) - set(visible)):
            self.store.remove_file(m, rel)
            self.report.removed.append(self.store.corpus_name(m, rel))
        for rel, data in visible.items():
            self.store.write_file(m, rel, data)
            self.report.written.append(self.store.corpus_name(m, rel))
        m.files = sorted(visible)
        self.store.write_manifest(m, self.committee.title, self.state.body, _rows(self.store, m))
        m.status = "draft" if info.draft else ("minutes" if info.has_minutes or printed else "agenda")
        m.error = "; ".join(problems) or None
        m.complete = not problems
        return "written"

    def _ws_minutes(self, m: MeetingState, info: moderngov.MeetingPage, wanted: set[str],
                    problems: list[str]) -> dict[str, str]:
        """The cut items' full minutes from the web service's ``GetMeeting``, where the site has it:
        one request for the whole meeting. Items it lacks are read from their own pages."""
        if self.state.discovery != discover.WEB_SERVICE or self._no_get_meeting:
            return {}
        url = f"{self.client.root}mgWebService.asmx/GetMeeting?lMeetingId={m.id}"
        wanted.add(urls.canonical(url))
        ignored: list[str] = []  # a failure here is not a problem: the item pages are read instead
        data = self._get_source(m, url, "meeting-ws", f"{SOURCES}/getmeeting.xml", ignored,
                                "the web service's copy of the meeting", quiet=True)
        found = moderngov.item_minutes_from_xml(data) if data is not None else None
        if found is None:
            self._no_get_meeting = True  # not offered here: don't ask again this run
            if (src := m.sources.pop(urls.canonical(url), None)) is not None:
                self.store.remove_file(m, src.path)
            return {}
        return {cut.item_id: found[cut.item_id] for cut in info.cut if cut.item_id in found}

    def _get_source(self, m: MeetingState, url: str, role: str, rel: str, problems: list[str], what: str,
                    item: str | None = None, quiet: bool = False) -> bytes | None:
        key = urls.canonical(url)
        prev = m.sources.get(key)
        stored = self.store.read_source(m, prev) if prev else None
        try:
            resp = self.client.get(url, etag=prev.etag if stored is not None and prev else None,
                                   last_modified=prev.last_modified if stored is not None and prev else None,
                                   retries=not quiet)
        except RobotsError:
            if not quiet:
                self.report.notes.append(f"robots.txt forbids {url}; {what} of {m.date or m.id} not fetched")
            return stored
        except FetchError as exc:
            problems.append(f"{what} could not be fetched: {exc.reason} ({url})")
            return stored
        if resp.not_modified and stored is not None:
            return stored
        self._keep(m, resp, role, rel, item=item, key=key)
        return resp.body

    def _keep(self, m: MeetingState, resp: Response, role: str, rel: str, *, item: str | None = None,
              key: str | None = None) -> None:
        self.store.write_file(m, rel, resp.body)
        src = Source(url=urls.canonical(resp.url), path=rel, role=role, item=item)
        _refresh(src, resp)
        m.sources[key or urls.canonical(resp.url)] = src

    def _learn_body(self, page: bytes) -> None:
        if self._body_checked:
            return
        self._body_checked = True
        body = self.body_given or moderngov.body_name(page) or self.state.body or urls.site_root(self.state.site)
        if body != self.state.body:
            self.state.body = body
            self._rewrite_manifests()

    def _rewrite_manifests(self) -> None:
        """The body's name changed (or was learnt): every meeting's manifest says it."""
        for m in self.state.meetings.values():
            if m.files and self.store.meeting_dir(m).is_dir():
                title = self.state.committees.get(m.committee_id, self.committee.title)
                self.store.write_manifest(m, title, self.state.body, _rows(self.store, m))

    def finish(self) -> None:
        """Make sure the body is known even if no meeting page was fetched this run."""
        if self.state.body is None or (self.body_given and self.body_given != self.state.body):
            self.state.body = self.body_given or self.state.body or urls.site_root(self.state.site)
            self._rewrite_manifests()
        self.store.save(self.state)


def _rows(store: SiteStore, m: MeetingState) -> dict[str, dict[str, object]]:
    """Manifest rows of a meeting's indexed files: address, hash, and the sources they come from."""
    rows: dict[str, dict[str, object]] = {}
    for rel in m.files:
        try:
            digest = hashlib.sha256((store.meeting_dir(m) / rel).read_bytes()).hexdigest()
        except OSError:
            continue
        if rel == MINUTES_FILE:
            sources = [s.path for s in m.sources.values() if s.role in ("meeting", "meeting-ws", "item")]
        else:
            sources = [s.path for s in m.sources.values() if s.path.rsplit("/", 1)[-1].split("-", 1)[-1]
                       == rel.split("-", 1)[-1]]
        rows[rel] = {"url": m.url, "sha256": digest, "from": sorted(sources)}
    return rows


def _refresh(src: Source, resp: Response) -> None:
    src.fetched = resp.fetched
    src.etag = resp.etag
    src.last_modified = resp.last_modified
    src.sha256 = resp.sha256
    src.bytes = len(resp.body)
    src.content_type = resp.content_type


def _extension(url: str) -> str:
    path = url.split("?", 1)[0].lower()
    for ext in (".pdf", ".htm", ".html"):
        if path.endswith(ext):
            return ".htm" if ext == ".html" else ext
    return ".htm"  # an .aspx view of the printed minutes (e.g. ...&Info=1) is a page


def _reason(exc: BaseException) -> str:
    if isinstance(exc, FetchError):
        return f"{exc.reason} ({exc.url})"
    if isinstance(exc, OSError):
        return f"could not write the files ({exc.strerror or exc})"
    return str(exc)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


__all__ = ["HarvestOptions", "HarvestReport", "Failure", "harvest", "list_committees", "HarvestError"]
