"""What item titles and agenda blurbs look like."""

import pytest

from indexer.parse import parse_bytes
from indexer.parse.titles import is_blurb


@pytest.mark.parametrize(
    ("text", "blurb"),
    [
        ("To receive an update on the precept.", True),
        ("Report of the Chief Executive on the budget monitoring position for the year.", True),
        ("Update on the precept from the Office of the Police and Crime Commissioner.", True),
        # an item's own title can start like a report blurb: no sentence, no blurb
        ("Update on the precept", False),
        ("Report of the Monitoring Officer", False),
        ("Police and Crime Plan Delivery", False),
    ],
)
def test_is_blurb(text, blurb):
    assert is_blurb(text) is blurb


@pytest.mark.parametrize("title", ["Update on the precept", "Support for victims' services", "Victims' Services"])
def test_title_after_agenda_item_header(title):
    data = f"Agenda item\n\n{title}\n\nTo receive an update.\n\nMinutes:\n\nThe Panel noted the report.\n".encode()
    [item] = parse_bytes(data, "x.txt").items
    assert item.title == title
    assert [p.section for p in item.passages] == ["summary", "discussion"]
