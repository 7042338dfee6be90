"""`cjm export` and `cjm import` on the command line: where output goes, exit codes, never overwriting."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.harness import cjm, cjm_command, cjm_process

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "sample_maps" / "streaming-subscription.cjm.yaml"
BROKEN = ("cjm: 1\ntitle: Broken\nstages:\n  - phase: awareness\n    touchpoints:\n      - id: a\n"
          "        titel: Ad\n")


def test_export_prints_mermaid_and_csv_on_stdout_byte_for_byte() -> None:
    mermaid = cjm("export", SAMPLE, "--to", "mermaid")
    assert mermaid.returncode == 0 and mermaid.stderr == ""
    assert mermaid.stdout.splitlines()[1] == "journey" and "\r" not in mermaid.stdout
    fenced = cjm("export", SAMPLE, "--to", "mermaid", "--markdown")
    assert fenced.stdout == f"```mermaid\n{mermaid.stdout}```\n"
    table = cjm_process("export", SAMPLE, "--to", "CSV")
    assert table.returncode == 0 and table.stdout.startswith("\ufeffphase,stage,id,title")


def test_export_writes_the_file_atomically_and_says_so(tmp_path: Path) -> None:
    done = cjm("export", SAMPLE, "--to", "csv", "-o", tmp_path / "out" / "journey.csv")
    written = (tmp_path / "out" / "journey.csv").read_bytes()
    assert done.returncode == 0 and done.stdout == "" and written.count(b"\r\n") > 20
    assert done.stderr == f"wrote {tmp_path / 'out' / 'journey.csv'}: a CSV of 22 touchpoints\n"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["journey.csv"]
    again = cjm("export", SAMPLE, "-o", tmp_path / "out" / "journey.csv", "--to", "mermaid")
    assert again.returncode == 0 and (tmp_path / "out" / "journey.csv").read_text("utf-8").startswith("%%{")


@pytest.mark.parametrize(("name", "start"), [("map.csv", "\ufeffphase"), ("map.mmd", "%%{init"),
                                             ("README.md", "```mermaid")])
def test_export_takes_the_format_from_the_file_name(tmp_path: Path, name: str, start: str) -> None:
    assert cjm("export", SAMPLE, "-o", tmp_path / name).returncode == 0
    assert (tmp_path / name).read_text("utf-8").startswith(start)


@pytest.mark.parametrize(("args", "message"), [
    (["--to", "pdf"], "--to must be mermaid or csv, not 'pdf'"),
    (["--to", "csv", "--markdown"], "--markdown wraps a Mermaid diagram in a fence"),
    ([], "say what to export to: --to mermaid or --to csv"),
    (["-o", "map.txt"], "say what to export to"),
])
def test_export_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    done = cjm("export", SAMPLE, *args, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("out", ["journey.cjm.yaml", "other.cjm.yml", "journey.yaml"])
def test_export_never_writes_over_a_map(tmp_path: Path, out: str) -> None:
    (tmp_path / "journey.yaml").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    (tmp_path / "journey.cjm.yaml").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    map_path = "journey.yaml" if out == "journey.yaml" else "journey.cjm.yaml"
    done = cjm("export", map_path, "--to", "csv", "-o", out, cwd=tmp_path)
    assert done.returncode == 2 and "never over a map" in done.stderr
    assert (tmp_path / map_path).read_text("utf-8") == SAMPLE.read_text("utf-8")


def test_export_of_a_missing_file_or_a_folder_exits_2(tmp_path: Path) -> None:
    assert "no such file" in cjm("export", tmp_path / "nope.cjm.yaml", "--to", "csv").stderr
    done = cjm("export", tmp_path, "--to", "csv")
    assert done.returncode == 2 and "is a folder" in done.stderr


def test_an_invalid_map_is_reported_and_not_exported(tmp_path: Path) -> None:
    (tmp_path / "broken.cjm.yaml").write_text(BROKEN, encoding="utf-8")
    done = cjm("export", "broken.cjm.yaml", "--to", "mermaid", "-o", "broken.mmd", cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert "broken.cjm.yaml:7:9: error [schema] unknown key 'titel'" in done.stderr
    assert done.stderr.endswith("not exported: broken.cjm.yaml (fix its errors first)\n")
    assert not (tmp_path / "broken.mmd").exists()


def test_import_writes_a_valid_formatted_map_and_never_overwrites(tmp_path: Path) -> None:
    assert cjm("export", SAMPLE, "-o", "journey.csv", cwd=tmp_path).returncode == 0
    done = cjm("import", "journey.csv", "-o", "new.cjm.yaml", "--persona", "Noor", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == ("Wrote new.cjm.yaml: 5 stages, 22 touchpoints from journey.csv (CSV).\n"
                           "Next: cjm validate new.cjm.yaml\n")
    text = (tmp_path / "new.cjm.yaml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "# Imported from journey.csv (CSV)" in text
    assert "persona:\n  name: Noor\n" in text and "title: Journey\n" in text
    assert cjm("validate", "new.cjm.yaml", cwd=tmp_path).returncode == 0
    assert cjm("fmt", "--check", "new.cjm.yaml", cwd=tmp_path).returncode == 0
    again = cjm("import", "journey.csv", "-o", "new.cjm.yaml", cwd=tmp_path)
    assert again.returncode == 2 and "already exists; cjm import never overwrites" in again.stderr
    assert (tmp_path / "new.cjm.yaml").read_text("utf-8") == text


def test_a_broken_input_writes_nothing_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_text("phase,title,emotion\nawareness,Ad,9\n", encoding="utf-8")
    done = cjm("import", "sheet.csv", "-o", "new.cjm.yaml", cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("sheet.csv:2:14: error [schema] emotion in row 2 is 9; it must be from")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.csv"]


def test_import_reads_stdin(tmp_path: Path) -> None:
    done = cjm("import", "-", "-o", "day.cjm.yaml", "--title", "My day", cwd=tmp_path,
               stdin="journey\n  section Work\n    Make tea: 5: Me\n")
    assert done.returncode == 0 and "from standard input (Mermaid)" in done.stdout
    assert "title: My day\n" in (tmp_path / "day.cjm.yaml").read_text("utf-8")


@pytest.mark.parametrize(("args", "message"), [
    (["nope.csv", "-o", "x.cjm.yaml"], "nope.csv: no such file"),
    ([".", "-o", "x.cjm.yaml"], ". is a folder"),
    (["sheet.csv", "-o", "x.cjm.yaml", "--title", " "], "--title must not be empty"),
    (["sheet.csv"], "missing option '--out' / '-o'"),
])
def test_import_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    (tmp_path / "sheet.csv").write_text("phase,title\nawareness,Ad\n", encoding="utf-8")
    done = cjm("import", *args, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sheet.csv"]


def test_the_round_trip_runs_in_a_real_shell_through_a_pipe(tmp_path: Path) -> None:
    script = shlex.quote(cjm_command()[0])
    command = (f"{script} export {shlex.quote(str(SAMPLE))} --to csv > sheet.csv && "
               f"{script} import - -o back.cjm.yaml < sheet.csv && {script} validate back.cjm.yaml")
    done = cjm_process(command=["sh", "-c", command], cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
