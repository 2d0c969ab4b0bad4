"""The item store: item rows and source records in SQLite beside the index."""

import datetime as dt

import pytest

from indexer.itemstore import ItemMeta, ItemStore, SourceRecord


def meta(item_id: str, source: str, position: int, meeting: str = "m1", title: str = "T") -> ItemMeta:
    return ItemMeta(item_id, source, "meeting", meeting, position, str(position + 1), title, "Panel",
                    dt.date(2020, 1, 31), "https://x.example/", False, 3)


def test_write_read_and_remove(tmp_path):
    db = ItemStore(tmp_path, writable=True)
    db.replace([meta("a", "f1", 0), meta("b", "f1", 1), meta("c", "f2", 0, "m2")],
               [SourceRecord("f1", "h1", "m", 10, 1, 2, 6), SourceRecord("f2", "h2", "m", 20, 2, 1, 3)])
    ro = ItemStore(tmp_path)
    assert ro.items(["b", "zz", "a"]) == {"a": meta("a", "f1", 0), "b": meta("b", "f1", 1)}
    assert [m.item_id for m in ro.meeting_items("m1")] == ["a", "b"]
    assert ro.counts() == (2, 3, 9)
    assert ro.sources(["f2", "nope"]) == {"f2": SourceRecord("f2", "h2", "m", 20, 2, 1, 3)}
    assert ro.sources([f"x{i}" for i in range(1200)] + ["f1"]).keys() == {"f1"}  # more names than one query takes
    # f1 re-indexed with one item (keeps "a"), f2 removed
    db.replace([meta("a", "f1", 0, title="New")], [SourceRecord("f1", "h3", "m", 11, 3, 1, 3)])
    db.remove(["f1", "f2"], keep={"a"}, keep_sources={"f1"})
    assert sorted(ro.items(["a", "b", "c"])) == ["a"]
    assert ro.items(["a"])["a"].title == "New"
    assert ro.sources() == {"f1": SourceRecord("f1", "h3", "m", 11, 3, 1, 3)}
    assert ro.counts() == (1, 1, 3)
    db.close()
    ro.close()


def test_read_only_connection_cannot_write(tmp_path):
    ItemStore(tmp_path, writable=True).close()
    ro = ItemStore(tmp_path)
    with pytest.raises(Exception, match="readonly"):
        ro.replace([meta("a", "f1", 0)], [])
    ro.close()
