"""ModernGov HTML → :class:`RawDoc`.

Meeting pages (``ieListDocuments.aspx``) list items in ``table.mgItemTable``: a
``td.mgItemNumberCell`` and a cell holding ``p.mgAiTitleTxt`` (the title), then
``p.mgSubItemTitleTxt`` labels ("Minutes:", "Decision:", "Additional documents:") and
``div.mgWordPara`` text. Agenda item pages (``mgAi.aspx``) hold one item under an
"Agenda item" heading with a "Meeting: dd/mm/yyyy - Committee (Item N)" line. Anything
else (printed minutes with ``<AI1>`` markers, issue histories, other councils' pages) is
flattened to text the way a crawler would and laid out by :mod:`.layout`.
"""

from __future__ import annotations

import re
import warnings

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag, XMLParsedAsHTMLWarning
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from ..model import Meeting
from . import meta
from .blocks import lines_to_blocks
from .ir import RawDoc, RawItem
from .layout import layout_text
from .text import decode, normalise, split_lines
from .titles import ITEM_NUMBER, clean_title, item_number

_BLOCK = frozenset(
    """address article aside blockquote dd details dialog div dl dt fieldset figcaption figure footer form h1 h2 h3
    h4 h5 h6 header hr li main nav ol p pre section table tbody thead tfoot tr td th ul caption center""".split()
)
_SKIP = frozenset("script style noscript template head select option button input textarea iframe svg canvas map object".split())
_SKIP_CLASS = re.compile(
    r"\bmg(?:ActionList|BreadCrumbs?|Footer|NavList|Nav|Links|SideBar|Menu|Search|Print|Social|ShareThis|Modgov\w*Logo)\b|"
    r"\b(?:breadcrumbs?|cookie\w*|skip-?link|site-?header|site-?footer|navbar|menu)\b",
    re.I,
)
_AI_TAG = re.compile(r"^ai\d+$", re.I)
_TITLE_TAG = re.compile(
    r"^(?:agenda(?:\s+and\s+(?:draft\s+)?minutes)?|minutes|decisions|draft\s+minutes)\s+for\s+(?P<c>.+?)\s+on\s+(?P<d>.+?)(?:\s+[-|]\s+.*)?$",
    re.I,
)


def layout_html(data: bytes) -> RawDoc:
    """Lay out an HTML page (ModernGov or not) as a :class:`RawDoc`."""
    text = normalise(decode(data))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(text, "html.parser")
    embedded = _web_service_minutes(soup)
    if embedded is not None:
        return embedded
    head = _head_lines(soup)
    root = soup.select_one("#modgov") or soup.select_one(".mgContent") or soup.body or soup
    table = root.select_one("table.mgItemTable") or root.select_one("table#mgItemTable")
    if table is not None and table.select("td.mgItemNumberCell"):
        doc = _meeting_page(table, head)
    else:
        doc = _item_page(root, head)
    if doc is None:
        for h in root.select("h1.mgMainTitleTxt, h2.mgSubTitleTxt"):
            h.extract()  # already in the header lines
        doc = layout_text(flatten(root))
        doc.head = head + doc.head
        if any(re.match(r"\s*issue\s*-\s*items\s+at\s+meetings\b", h, re.I) for h in head):
            doc.kind = "issue_history"
    committee, date = meta.meeting_from_head(doc.head) if doc.kind != "issue_history" else (None, None)
    doc.meeting = Meeting(committee=committee, date=date, url=_canonical_url(soup))
    return doc


def _head_lines(soup: BeautifulSoup) -> list[str]:
    """Header lines for metadata: the ModernGov sub-title, the <title>, "Meeting:" lines."""
    lines: list[str] = []
    for h in soup.select("h2.mgSubTitleTxt, h1.mgMainTitleTxt"):
        lines.append(_text(h))
    title = soup.find("title")
    if isinstance(title, Tag):
        t = _text(title)
        m = _TITLE_TAG.match(t)
        if m:
            lines.append(f"{m.group('c')} - {m.group('d')}")
    return [ln for ln in lines if ln]


def _meeting_page(table: Tag, head: list[str]) -> RawDoc | None:
    doc = RawDoc("meeting", head=list(head))
    for row in table.find_all("tr"):
        num_cell = row.find("td", class_="mgItemNumberCell")
        if not isinstance(num_cell, Tag):
            continue
        cells = [c for c in row.find_all("td", recursive=False) if c is not num_cell]
        if not cells:
            continue
        content = cells[-1]
        number = item_number(_text(num_cell)) or None
        if number and not ITEM_NUMBER.match(number + "."):
            number = number if len(number) <= 8 else None
        title_tag = content.find(class_="mgAiTitleTxt")
        title = ""
        url = None
        if isinstance(title_tag, Tag):
            title = clean_title(_text(title_tag))
            link = title_tag.find("a", href=True)
            if isinstance(link, Tag) and re.search(r"mgAi\.aspx|\.pdf", str(link.get("href")), re.I):
                url = str(link.get("href"))
            title_tag.extract()
        lines = split_lines(normalise(flatten(content)))
        doc.items.append(RawItem(title, number, lines_to_blocks(lines), url=url))
    return doc if doc.items else None


def _item_page(root: Tag, head: list[str]) -> RawDoc | None:
    """An ``mgAi.aspx`` page: one item under an "Agenda item" heading."""
    main = root.select_one("h1.mgMainTitleTxt")
    if not isinstance(main, Tag) or not re.match(r"\s*agenda\s+item\b", _text(main), re.I):
        return None
    sub = root.select_one("h2.mgSubTitleTxt") or root.select_one(".mgAiTitleTxt")
    title = clean_title(_text(sub)) if isinstance(sub, Tag) else ""
    if isinstance(sub, Tag):
        sub.extract()
    for repeat in root.select(".mgAiTitleTxt"):
        if clean_title(_text(repeat)) == title:
            repeat.extract()  # the title again, as a link to the report
    main.extract()
    lines = split_lines(normalise(flatten(root)))
    number = None
    doc_head = [h for h in head if h and not re.match(r"\s*agenda\s+item\b", h, re.I) and h != title]
    body = []
    for ln in lines:
        found = meta.item_meeting_line(ln.text)
        if found:
            doc_head.append(ln.text)
            number = number or found[2]
            continue
        body.append(ln)
    return RawDoc("agenda_item", [RawItem(title, number, lines_to_blocks(body))], head=doc_head)


def flatten(node: Tag) -> str:
    """Text of ``node`` as a crawler extracts it: one block per line, bullets marked "•"."""
    out: list[str] = []
    # An explicit stack instead of recursion: pages can nest tags thousands deep.
    stack: list[Tag | NavigableString | str] = list(reversed(list(node.children)))
    while stack:
        child = stack.pop()
        if isinstance(child, str) and not isinstance(child, NavigableString):
            out.append(child)  # a closing marker pushed below
            continue
        if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
            continue
        if isinstance(child, NavigableString):
            out.append(re.sub(r"\s+", " ", str(child)))
            continue
        if not isinstance(child, Tag):
            continue
        before, after = _wrap(child)
        if before is None:
            continue
        out.append(before)
        stack.append(after)
        stack.extend(reversed(list(child.children)))
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", "".join(out))  # markup whitespace is not layout
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _wrap(tag: Tag) -> tuple[str | None, str]:
    """What to write before and after a tag's content; (None, "") to skip the tag."""
    name = (tag.name or "").lower()
    if name in _SKIP:
        return None, ""
    classes = " ".join(tag.get("class") or [])
    if classes and _SKIP_CLASS.search(classes):
        return None, ""
    if _AI_TAG.match(name):
        return f"\n\n<{name.upper()}>\n\n", f"\n\n</{name.upper()}>\n\n"
    if name == "br":
        return "\n", ""
    if name == "li":
        parent = tag.parent
        if isinstance(parent, Tag) and parent.name == "ol":
            start_attr = str(parent.get("start") or "1")
            start = int(start_attr) if start_attr.isdigit() else 1
            index = start + sum(1 for _ in tag.find_previous_siblings("li"))
            marker = f"({chr(96 + index)})" if parent.get("type") == "a" and index <= 26 else f"{index}."
        else:
            marker = "•"
        return f"\n\n{marker} ", "\n\n"
    if name in ("td", "th") and _is_data_cell(tag):
        return "", " | "
    if name in _BLOCK:
        return "\n\n", "\n\n"
    return "", ""


def _is_data_cell(cell: Tag) -> bool:
    """A short cell of a data table (declarations, votes) is kept on its row's line."""
    if cell.find(["p", "div", "table", "ul", "ol"]) is not None and len(cell.find_all(["p", "div"])) > 1:
        return False
    row = cell.parent
    return isinstance(row, Tag) and len(row.find_all(["td", "th"], recursive=False)) > 1 and len(cell.get_text()) < 200


def _text(node: Tag) -> str:
    return " ".join(normalise(node.get_text(" ")).split())


def _canonical_url(soup: BeautifulSoup) -> str | None:
    link = soup.find("link", rel="canonical")
    if isinstance(link, Tag) and link.get("href"):
        return str(link.get("href"))
    og = soup.find("meta", attrs={"property": "og:url"})
    if isinstance(og, Tag) and og.get("content"):
        return str(og.get("content"))
    return None


def _web_service_minutes(soup: BeautifulSoup) -> RawDoc | None:
    """``mgWebService.asmx/GetMeeting`` XML: items with their minutes as escaped HTML."""
    items = soup.find_all("agendaitem")
    if not items:
        return None
    doc = RawDoc("meeting")
    committee = soup.find("committeetitle") or soup.find("committeename")
    date = soup.find("meetingdate")
    if isinstance(committee, Tag):
        doc.head.append(_text(committee))
    when = meta.parse_date(_text(date)) if isinstance(date, Tag) else None
    for it in items:
        title_tag = it.find("agendaitemtitle") or it.find("title")
        number_tag = it.find("agendaitemnumber") or it.find("minutesnumber")
        title = clean_title(_text(title_tag)) if isinstance(title_tag, Tag) else ""
        number = item_number(_text(number_tag)) or None if isinstance(number_tag, Tag) else None
        lines = []
        for field in ("agendaitemdescription", "minutesnonemptyhtmlbody", "minutes", "decisionhtmlbody"):
            part = it.find(field)
            if isinstance(part, Tag):
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
                    inner = BeautifulSoup(part.get_text(), "html.parser")
                label = {"minutesnonemptyhtmlbody": "Minutes:", "minutes": "Minutes:", "decisionhtmlbody": "Decision:"}.get(field)
                if label:
                    lines.append(label)
                lines.append(flatten(inner))
        doc.items.append(RawItem(title, number, lines_to_blocks(split_lines(normalise("\n\n".join(lines))))))
    committee_name, _ = meta.meeting_from_head(doc.head)
    doc.meeting = Meeting(committee=meta.clean_committee(doc.head[0]) if doc.head else committee_name, date=when)
    return doc
