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
        "8 passages have all of: county lines; then passages with some of them.\n9 matching passages\n\n"
        "1. Police and Crime Plan Delivery\n"
    )
    assert "3. Child Exploitation and County Lines" in result.output
    assert "5. Road Safety Strategy\n" in result.output and 'matches 1 of 2 words; not "lines"' in result.output
    result = runner.invoke(main, ["search", "county", "lnes", "PCC", "--index", str(index_dir)])
    assert result.output.startswith("Did you mean: county lines PCC\n")
    assert 'Also searched: PFCC, Police and Crime Commissioner, Police, Fire and Crime Commissioner (for "PCC")' in result.output
    result = runner.invoke(main, ["search", "speaker:commissioner", "precept", "--index", str(index_dir), "--json"])
    data = json.loads(result.output)
    assert data["total"] >= 1 and {h["speaker_role"] for h in data["hits"]} == {"commissioner"}


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
