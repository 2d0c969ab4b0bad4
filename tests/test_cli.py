"""The `minutes` command: index, search, parse and serve, through click's runner."""

from __future__ import annotations

import json
import re

from indexer.cli import main

from .conftest import CORPUS


def test_index_prints_skips_and_a_summary(runner, tmp_path):
    result = runner.invoke(main, ["index", str(CORPUS), "--index", str(tmp_path / "ix"), "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[0] == "skipped vale-council/minutes-scan.pdf: damaged PDF (PdfStreamError)"
    assert re.match(
        rf"Indexed 4 files \(5 items, 27 passages\) into {re.escape(str(tmp_path / 'ix'))} in \d+\.\ds; 1 skipped\.$",
        lines[-1],
    )


def test_index_errors_are_one_line(runner, tmp_path):
    result = runner.invoke(main, ["index", str(tmp_path / "missing"), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert result.output == f"Error: Corpus folder {tmp_path / 'missing'} does not exist or is not a folder.\n"


def test_search_text_and_json(runner, index_dir):
    result = runner.invoke(main, ["search", "county", "lines", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "8 passages have all of: county lines; then passages with some of them.\n"
        'Related terms searched, counted for less: drug dealing, drug supply (for "county lines")\n'
        "3 agenda items with 9 matching passages\n\n1. Police and Crime Plan Delivery\n")
    assert "\n2. Child Exploitation and County Lines\n" in result.output and "\n4. " not in result.output  # a card per item
    assert "   3 more matching passages in this item\n" in result.output
    assert '3. Road Safety Strategy\n   Vale District Council Cabinet · 10 March 2020\n   matches 1 of 2 words; not "lines"\n' \
        in result.output
    result = runner.invoke(main, ["search", "county", "lnes", "PCC", "--index", str(index_dir)])
    assert result.output.startswith("Did you mean: county lines PCC\n")
    assert 'Also searched: PFCC, Police and Crime Commissioner, Police, Fire and Crime Commissioner (for "PCC")' in result.output
    assert "Next page" not in result.output  # one page only
    result = runner.invoke(main, ["search", "speaker:commissioner", "precept", "--index", str(index_dir), "--json"])
    data = json.loads(result.output)
    assert data["total"] >= 1 and {h["speaker_role"] for h in data["hits"]} == {"commissioner"}
    assert data["hits"][0]["item_url"] == f"/item/{data['hits'][0]['item_id']}"
    assert data["facets"]["speaker"] == [{"value": "commissioner", "label": "Commissioner", "items": 1, "selected": False}]


def test_search_shows_speakers_by_name_and_readable_role(runner, index_dir):
    result = runner.invoke(main, ["search", "cameras", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[2:6] == [
        "1. Road Safety Strategy",
        "   Vale District Council Cabinet · 10 March 2020",
        "   Presentation · Councillor: Birch",
        "     Average speed cameras would be installed on the A31 between Ringwood and the county boundary.",
    ]
    assert lines[6] == "   Matched: cameras"


def test_search_says_how_to_get_the_next_page(runner, index_dir):
    args = ["search", "county", "lines", "--index", str(index_dir), "--per-page", "1", "--sort", "newest"]
    first = runner.invoke(main, args)
    assert first.output.startswith('Related terms searched, counted for less: drug dealing, drug supply (for "county lines")\n'
                                   "3 agenda items with 9 matching passages, page 1 of 3\n")
    assert first.output.endswith(
        f"\nNext page: minutes search county lines --index {index_dir} --per-page 1 --sort newest --page 2\n"
    )
    last = runner.invoke(main, [*args, "--page", "3"])
    assert last.output.startswith('Related terms searched, counted for less: drug dealing, drug supply (for "county lines")\n'
                                  "3 agenda items with 9 matching passages, page 3 of 3\n")
    assert "Next page" not in last.output
    assert "--page INTEGER RANGE" in runner.invoke(main, ["search", "--help"]).output


def test_export_writes_every_match_as_csv(runner, index_dir):
    import csv
    import io

    result = runner.invoke(main, ["export", "county", "lines", "--index", str(index_dir)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 9  # every matching passage (8 with both words, 1 with one), not a page
    assert {r["committee"] for r in rows} == {"Wessex Police and Crime Panel", "Vale District Council Cabinet"}
    assert rows[0]["item_url"] == f"/item/{rows[0]['item_id']}"
    limited = runner.invoke(main, ["export", "county", "lines", "--index", str(index_dir), "--limit", "3", "--format", "json"])
    assert len(limited.stdout.splitlines()) == 3
    assert limited.stderr == (
        "warning: This export holds the first 3 of 9 matching passages (the export limit). Narrow the search by "
        "committee, date, section or speaker to export the rest. (--limit to change it)\n"
    )


def test_search_bad_query_is_one_line(runner, index_dir):
    result = runner.invoke(main, ["search", '"county', "--index", str(index_dir)])
    assert result.exit_code == 1
    assert result.output == (
        'Error: The quotation mark before "county" is never closed: add a closing " to search for the phrase.\n'
    )


def test_search_without_index(runner, tmp_path):
    result = runner.invoke(main, ["search", "x", "--index", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == f"Error: No index found in {tmp_path}. Build one with: minutes index CORPUS --index {tmp_path}\n"


def test_serve_without_index_fails_fast(runner, tmp_path):
    result = runner.invoke(main, ["serve", "--index", str(tmp_path)])
    assert result.exit_code == 1
    assert "No index found" in result.output


def test_parse_json_lines_and_bad_file(runner):
    good = CORPUS / "wessex-pcp" / "2019-06-14-plan-delivery.txt"
    bad = CORPUS / "vale-council" / "minutes-scan.pdf"
    result = runner.invoke(main, ["parse", str(good), str(bad), "--json"])
    assert result.exit_code == 1  # one file failed, reported, the other printed
    out_lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    [record] = [json.loads(line) for line in out_lines]
    assert record["item_title"] == "Police and Crime Plan Delivery"
    assert record["resolutions"] == ["That the update on the delivery of the Police and Crime Plan is noted."]
    assert result.stderr == f"error: {bad}: damaged PDF (PdfStreamError)\n"
