"""The two documents the project started from, end to end through the `schedules parse`
contract: every fact in the press release must come out right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schedules.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
PRESS_RELEASE = EXAMPLES / "foreign-correspondent-leave-no-dark-corner.md"
BLOG = EXAMPLES / "blog-repost-leave-no-dark-corner.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_press_release(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(PRESS_RELEASE), "--reference-date", "2018-09-12",
                         "--country", "AU", "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["release"]["released"] == "2018-09-12"
    got = [(a["start"], a["channel"], a["repeat"], a["timezone"]) for a in data["airings"]]
    assert got == [
        ("2018-09-18T20:00:00+10:00", "ABC TV", False, "Australia/Sydney"),
        ("2018-09-21T13:30:00+10:00", "ABC TV", True, "Australia/Sydney"),
        ("2018-09-22T19:30:00+10:00", "ABC News Channel", True, "Australia/Sydney"),
    ]
    assert {a["programme"] for a in data["airings"]} == {"Foreign Correspondent"}
    assert {a["episode"] for a in data["airings"]} == {"Leave No Dark Corner"}
    assert data["airings"][2]["zone_label"] == "AEST"
    assert data["on_demand"] == ["ABC iview"]
    (programme,) = data["programmes"]
    assert programme["title"] == "Foreign Correspondent"
    assert programme["presenter"] == "Matthew Carney"
    assert programme["synopsis"].startswith("China is marrying Big Brother to Big Data.")
    # Nothing ambiguous beyond the two assumptions every such release needs, both stated.
    assert [w["code"] for w in data["warnings"]] == ["year-inferred", "zone-assumed"]


def test_press_release_contact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", str(PRESS_RELEASE), "--country", "AU")
    assert code == 0
    contacts = json.loads(out)["contacts"]
    assert contacts == [{
        "name": "Peri Wilson",
        "role": "Marketing Communications Lead",
        "organisation": "News and Current Affairs",
        "phones": ["+61283332263", "+61409888866"],
        "emails": ["wilson.peri@abc.net.au"],
    }]


def test_blog_repost_gives_its_one_airing_and_no_contact(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(BLOG), "--reference-date", "2018-09-18")
    assert code == 0, err
    data = json.loads(out)
    assert [(a["start"], a["channel"]) for a in data["airings"]] == [
        ("2018-09-18T20:00:00+10:00", "ABC TV")]
    assert data["airings"][0]["programme"] == "Foreign Correspondent"
    assert data["airings"][0]["episode"].lower() == "leave no dark corner"
    assert data["contacts"] == []


def test_the_same_release_parsed_twice_gives_the_same_json(
        capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "parse", str(PRESS_RELEASE))[1]
    second = run(capsys, "parse", str(PRESS_RELEASE))[1]
    assert first == second


@pytest.mark.parametrize(("content", "message"), [
    (b"\x00\x01\x02binary", "binary"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 4, "binary"),
], ids=["nul bytes", "pdf bytes"])
def test_unreadable_input_exits_non_zero_with_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run(capsys, "parse", str(path))
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err.lower() or "pdf" in err.lower()


def test_a_missing_file_is_one_clear_line(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    code, _, err = run(capsys, "parse", str(tmp_path / "nope.txt"))
    assert code == 2
    assert "no such file" in err


def test_a_document_with_no_air_times_prints_an_empty_record_with_a_warning(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("The broadcaster welcomes the appointment of the new minister.\n")
    code, out, _ = run(capsys, "parse", str(path))
    assert code == 0
    data = json.loads(out)
    assert data["airings"] == []
    # No date anywhere either, so the year could not have been anchored: both are said.
    assert [w["code"] for w in data["warnings"]] == ["no-reference-date", "no-airings"]


def test_a_user_channel_file_adds_a_broadcaster_without_code(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    table = tmp_path / "harbour.toml"
    table.write_text('country = "AU"\n[[channel]]\nname = "Harbour Community TV"\n'
                     'aliases = ["HCTV"]\nkind = "tv"\n')
    path = tmp_path / "release.txt"
    path.write_text("RELEASED: Monday 3 June 2019\n\n"
                    "Dockside Stories airs at 7.30pm Friday 7 June on HCTV.\n")
    code, out, _ = run(capsys, "parse", str(path))
    assert code == 0
    assert [a["channel"] for a in json.loads(out)["airings"]] != ["Harbour Community TV"]

    code, out, _ = run(capsys, "parse", str(path), "--channels", str(table))
    assert [a["channel"] for a in json.loads(out)["airings"]] == ["Harbour Community TV"]

    monkeypatch.setenv("SCHEDULES_CHANNEL_FILES", str(table))
    code, out, _ = run(capsys, "parse", str(path))
    assert [a["channel"] for a in json.loads(out)["airings"]] == ["Harbour Community TV"]


def test_a_broken_channel_file_is_one_clear_error(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    table = tmp_path / "broken.toml"
    table.write_text("[[channel]\nname = ")
    path = tmp_path / "release.txt"
    path.write_text("Airs 8pm Tuesday 18 September on ABC TV.\n")
    code, _, err = run(capsys, "parse", str(path), "--channels", str(table))
    assert code == 2
    assert "broken.toml: invalid TOML" in err and "Traceback" not in err
