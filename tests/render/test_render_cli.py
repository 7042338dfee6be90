"""`cjm render` through the real console script: files written, invalid maps left alone,
exit codes, template folders, escaping end to end, atomic writes.

The Graphviz step is the real one (graphviz-pure, installed with cjm); the
"no engine" cases replace the engine lookup in-process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cjm.cli.render import run_render
from tests.harness import Runner, cjm, cjm_command, cjm_process, environment

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_maps"
SAMPLE_NAMES = sorted(str(p.relative_to(SAMPLES)).removesuffix(".cjm.yaml")
                      for p in SAMPLES.rglob("*.cjm.yaml"))
VALID_MAP = {"cjm": 1, "title": "Good map", "stages": [{"phase": "awareness", "touchpoints": [
    {"id": "ad", "title": "Billboard", "step": "connect", "emotion": 1}]}]}
INVALID_MAP = "cjm: 1\ntitle: Bad map\nstages:\n  - phase: awareness\n    touchpoints:\n      - {id: x}\n"


def run(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return cjm(*args, cwd=cwd)


class Tags(HTMLParser):
    """Every start tag with its attributes, the embedded SVG's included."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def write_map(folder: Path, name: str, data: dict[str, object] | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.cjm.yaml"
    path.write_text(data if isinstance(data, str) else json.dumps(data), "utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp")


@pytest.mark.parametrize("runner", [cjm, cjm_process], ids=["in-process", "console-script"])
def test_renders_an_html_page_and_an_svg_per_sample_map(tmp_path: Path, runner: Runner) -> None:
    out = tmp_path / "out"
    proc = runner("render", "sample_maps/", "-o", out, cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == sorted([*(f"{n}.{ext}" for n in SAMPLE_NAMES for ext in ("html", "svg")), "index.html"])
    assert "needs-work/showing-up.html" in written  # the map's folder is kept
    *lines, last = proc.stderr.splitlines()
    assert sorted(lines) == sorted(f"wrote {out / name}" for name in written)  # one line a file
    assert lines[-1] == f"wrote {out / 'index.html'}"
    assert last == f"Rendered {len(SAMPLE_NAMES)} maps into {out}/: open {out}/index.html"
    assert proc.stdout == ""
    for name in SAMPLE_NAMES:
        page = (out / f"{name}.html").read_text("utf-8")
        svg = (out / f"{name}.svg").read_text("utf-8")
        assert "<polyline" in page and 'class="flow' in page and "<svg" in svg
        assert "<?xml" not in page  # the SVG is inline, without its prolog
    assert leftovers(out) == []


def test_an_invalid_map_is_reported_and_nothing_is_touched_for_it(tmp_path: Path) -> None:
    maps, out = tmp_path / "maps", tmp_path / "out"
    write_map(maps, "good", VALID_MAP)
    write_map(maps, "bad", INVALID_MAP)
    out.mkdir()
    for old in ("bad.html", "bad.svg"):
        (out / old).write_text("OLD", "utf-8")
        os.utime(out / old, (1_000_000_000, 1_000_000_000))
    proc = run("render", maps, "-o", out)
    assert proc.returncode == 1
    assert f"{maps / 'bad.cjm.yaml'}:6:9: error [schema]" in proc.stderr
    assert f"not rendered: {maps / 'bad.cjm.yaml'}" in proc.stderr
    assert "2 maps checked: 1 invalid" in proc.stderr
    for old in ("bad.html", "bad.svg"):
        assert (out / old).read_text("utf-8") == "OLD"
        assert (out / old).stat().st_mtime == 1_000_000_000
    assert (out / "good.html").is_file() and (out / "good.svg").is_file()
    assert leftovers(out) == []


def test_only_invalid_maps_write_nothing(tmp_path: Path) -> None:
    bad = write_map(tmp_path, "bad", INVALID_MAP)
    proc = run("render", bad, "-o", tmp_path / "out")
    assert proc.returncode == 1 and not (tmp_path / "out").exists()


@pytest.mark.parametrize(("to", "suffixes"), [("html", ["good.html", "index.html"]), ("svg", ["good.svg"]),
                                              ("HTML", ["good.html", "index.html"])])
def test_to_writes_one_format(tmp_path: Path, to: str, suffixes: list[str]) -> None:
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    proc = run("render", good, "-o", tmp_path / "out", "--to", to)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(suffixes)


@pytest.mark.parametrize(("args", "message"), [
    (["--to", "pdf"], "--to must be html or svg"),
    (["--layout", "grid"], "--layout must be journey or blueprint, not 'grid'"),
    (["--poster", "A4"], "--poster must be A3, A2 or A1, not 'A4'"),
    (["--template-dir", "no/such/folder"], "--template-dir no/such/folder: no such folder"),
    (["--dot", "/no/such/dot"], "/no/such/dot"),
])
def test_usage_errors_exit_2_and_write_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    proc = run("render", good, "-o", tmp_path / "out", *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("cjm: error: ") and message in proc.stderr
    assert not (tmp_path / "out").exists()


def test_layout_and_poster_reach_the_page(tmp_path: Path) -> None:
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    proc = run("render", good, "-o", tmp_path / "out", "--to", "html", "--layout", "Blueprint",
               "--poster", "a3")
    assert proc.returncode == 0, proc.stderr
    (page,) = (tmp_path / "out").rglob("good.html")
    text = page.read_text("utf-8")
    assert '<body class="layout-blueprint poster poster-A3"' in text and "size: 420mm 297mm" in text
    assert 'class="lane lane-cards lane-actor-brand kind-frontstage"' in text


def test_an_output_path_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    (tmp_path / "out").write_text("a file", "utf-8")
    proc = run("render", good, "-o", tmp_path / "out")
    assert proc.returncode == 2 and "is not a folder" in proc.stderr


def test_maps_with_one_name_in_two_folders_keep_their_folders(tmp_path: Path) -> None:
    write_map(tmp_path / "maps" / "a", "same", VALID_MAP)
    write_map(tmp_path / "maps" / "b", "same", VALID_MAP)
    proc = run("render", tmp_path / "maps", "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.*"))
    assert written == ["a/same.html", "a/same.svg", "b/same.html", "b/same.svg", "index.html"]
    page = (tmp_path / "out" / "a" / "same.html").read_text("utf-8")
    assert '<a href="../index.html">All journey maps</a>' in page


def test_two_maps_that_would_write_one_file_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    a = write_map(tmp_path / "maps" / "a", "same", VALID_MAP)
    b = write_map(tmp_path / "maps" / "b", "same", INVALID_MAP)  # invalid or not, it claims the name
    proc = run("render", tmp_path / "maps" / "a", tmp_path / "maps" / "b", "-o", tmp_path / "out")
    assert proc.returncode == 2
    out = tmp_path / "out"
    assert f"{a} and {b} would both be written as {out / 'same.html'} and {out / 'same.svg'}" in proc.stderr
    assert not (tmp_path / "out").exists()


def test_names_that_differ_only_in_case_are_one_file_on_some_systems(tmp_path: Path) -> None:
    write_map(tmp_path / "maps" / "Trial", "journey", VALID_MAP)
    write_map(tmp_path / "maps" / "trial", "journey", VALID_MAP)
    proc = run("render", tmp_path / "maps", "-o", tmp_path / "out", "--to", "html")
    assert proc.returncode == 2 and "would both be written as" in proc.stderr


def test_a_top_level_index_map_is_refused_as_it_would_overwrite_the_index(tmp_path: Path) -> None:
    write_map(tmp_path / "maps", "index", VALID_MAP)
    write_map(tmp_path / "maps" / "b2c", "index", VALID_MAP)  # in a folder it is fine
    proc = run("render", tmp_path / "maps", "-o", tmp_path / "out")
    assert proc.returncode == 2 and f"would be written as {tmp_path / 'out' / 'index.html'}" in proc.stderr
    assert not (tmp_path / "out").exists()
    proc = run("render", tmp_path / "maps", "-o", tmp_path / "out", "--to", "svg")
    assert proc.returncode == 0, proc.stderr  # --to svg writes no index, so index.svg is free
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*.*"))
    assert written == ["b2c/index.svg", "index.svg"]


def test_output_paths_of_maps_named_as_files(tmp_path: Path) -> None:
    """Below the current folder: the path from there; elsewhere: the file name alone."""
    here, elsewhere = tmp_path / "here", tmp_path / "elsewhere"
    write_map(here / "maps" / "b2c", "journey", VALID_MAP)
    write_map(elsewhere, "acme", VALID_MAP)
    proc = run("render", "maps/b2c/journey.cjm.yaml", elsewhere / "acme.cjm.yaml", "-o", "site",
               "--to", "html", cwd=here)
    assert proc.returncode == 0, proc.stderr
    written = sorted(str(p.relative_to(here / "site")) for p in (here / "site").rglob("*.html"))
    assert written == ["acme.html", "index.html", "maps/b2c/journey.html"]


def test_the_same_map_named_twice_is_rendered_once(tmp_path: Path) -> None:
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    proc = run("render", good, tmp_path / "maps", "-o", tmp_path / "out")
    assert proc.returncode == 0 and len(proc.stderr.splitlines()) == 4  # 3 files, and where they went


def test_a_template_folder_overrides_one_partial(tmp_path: Path) -> None:
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    templates = tmp_path / "templates"
    templates.mkdir()
    legend = '<section aria-label="Legend" id="ours">Team legend</section>\n'
    (templates / "legend.html.j2").write_text(legend, "utf-8")
    proc = run("render", good, "-o", tmp_path / "out", "--to", "html", "--template-dir", templates)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "out" / "good.html").read_text("utf-8")
    assert 'id="ours">Team legend' in page and 'class="grid"' in page


def test_a_broken_template_names_its_file_and_line_and_leaves_old_output(tmp_path: Path) -> None:
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    templates, out = tmp_path / "templates", tmp_path / "out"
    templates.mkdir()
    out.mkdir()
    (out / "good.html").write_text("OLD", "utf-8")
    (templates / "grid.html.j2").write_text("<section>\n{{ grid.no_such_key }}\n</section>\n")
    proc = run("render", good, "-o", out, "--template-dir", templates)
    assert proc.returncode == 2
    assert f"template {templates.resolve() / 'grid.html.j2'}, line 2: " in proc.stderr
    assert "no_such_key" in proc.stderr
    assert (out / "good.html").read_text("utf-8") == "OLD"
    assert leftovers(out) == []


def test_many_maps_show_no_progress_noise_when_not_on_a_terminal(tmp_path: Path) -> None:
    for n in range(5):
        write_map(tmp_path / "maps", f"map-{n}", VALID_MAP)
    proc = run("render", tmp_path / "maps", "-o", tmp_path / "out", "--to", "html")
    assert proc.returncode == 0
    out = tmp_path / "out"
    assert proc.stderr.splitlines()[:-1] == [*(f"wrote {out / f'map-{n}.html'}" for n in range(5)),
                                             f"wrote {out / 'index.html'}"]


@pytest.mark.skipif(os.name == "nt", reason="a pseudo-terminal")
def test_on_a_terminal_many_maps_show_a_progress_bar_and_every_line(tmp_path: Path) -> None:
    """stderr on a terminal: rich's transient bar, the lines printed above it, nothing lost."""
    import pty

    for n in range(5):
        write_map(tmp_path / "maps", f"map-{n}", VALID_MAP)
    leader, follower = pty.openpty()
    with subprocess.Popen([*cjm_command(), "render", "maps", "-o", "out", "--to", "html"], cwd=tmp_path,
                          env=environment({"COLUMNS": "80", "NO_COLOR": "1"}), stdout=subprocess.DEVNULL,
                          stderr=follower) as proc:
        os.close(follower)
        shown = b""
        while chunk := _read(leader):
            shown += chunk
        assert proc.wait(timeout=120) == 0
    os.close(leader)
    text = shown.decode("utf-8", errors="replace")
    for n in range(5):
        assert f"wrote out/map-{n}.html" in text
    assert "Rendered 5 maps into out/: open out/index.html" in text
    assert "rendering" in text and "Traceback" not in text


def _read(descriptor: int) -> bytes:
    try:
        return os.read(descriptor, 65536)
    except OSError:  # the other end closed (EIO on Linux)
        return b""


def test_hostile_titles_render_harmlessly_in_html_and_svg(tmp_path: Path) -> None:
    nasty = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</title><script>x</script>',
             'say "hi" {and} \\ back\\slash < less']
    touchpoints = [{"id": f"t{n}", "title": text, "doing": text, "step": "connect", "emotion": 0}
                   for n, text in enumerate(nasty)]
    data = {"cjm": 1, "title": nasty[2], "brand": nasty[1],
            "stages": [{"phase": "awareness", "name": nasty[0], "touchpoints": touchpoints}]}
    good = write_map(tmp_path / "maps", "nasty", data)
    proc = run("render", good, "-o", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    for name, scripts in (("nasty.html", 1), ("nasty.svg", 0), ("index.html", 1)):
        tags = Tags((tmp_path / "out" / name).read_text("utf-8")).tags
        assert [t for t, _ in tags if t == "script"] == ["script"] * scripts  # the page's own, by its hash
        assert [t for t, _ in tags if t in ("img", "iframe", "object")] == []
        assert [(t, a) for t, attrs in tags for a in attrs if a.lower().startswith("on")] == []


def _no_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    import cjm.render.graphviz as graphviz_module

    monkeypatch.setattr(graphviz_module, "find_graphviz", lambda explicit: None)


@pytest.mark.parametrize(("to", "code", "files"), [
    ("html", 0, ["good.html", "index.html"]), ("svg", 1, []), (None, 1, ["good.html", "index.html"])])
def test_without_graphviz_the_html_is_still_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str], to: str | None,
                                                    code: int, files: list[str]) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _no_engine(monkeypatch)
    good = write_map(tmp_path / "maps", "good", VALID_MAP)
    out = tmp_path / "out"
    assert run_render([str(good)], str(out), to, None, None) == code
    assert (sorted(p.name for p in out.iterdir()) if out.exists() else []) == files
    err = capsys.readouterr().err
    assert "no Graphviz engine found" in err and "pip install graphviz-pure" in err
    if files:
        page = (out / "good.html").read_text("utf-8")
        assert 'class="grid"' in page and 'class="flow' not in page


@pytest.mark.parametrize(("to", "code", "files"), [
    ("html", 0, ["big.html", "index.html"]), ("svg", 1, []), (None, 1, ["big.html", "index.html"])])
def test_a_map_over_the_flow_limit_gets_its_page_without_the_diagram(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, to: str | None, code: int, files: list[str]) -> None:
    """No Graphviz is started for it (it would take minutes): the page says why in its place."""
    from cjm.render import flow, layouts

    monkeypatch.setattr(flow, "FLOW_LIMIT", 3)
    monkeypatch.setattr(layouts, "lay_out", lambda *args: pytest.fail("Graphviz started"))
    touchpoints = [{"id": f"t{n}", "title": f"Touchpoint {n}", "step": "connect"} for n in range(4)]
    big = write_map(tmp_path / "maps", "big", {**VALID_MAP, "stages": [
        {"phase": "awareness", "touchpoints": touchpoints}]})
    done = cjm("render", big.name, "-o", tmp_path / "out", *(["--to", to] if to else []), cwd=big.parent)
    assert done.returncode == code, done.stderr
    out = tmp_path / "out"
    assert (sorted(p.name for p in out.iterdir()) if out.exists() else []) == files
    assert "big.cjm.yaml: no flow diagram: the map has 4 touchpoints and cjm draws flow diagrams of " \
           "up to 3" in done.stderr
    if files:
        page = (out / "big.html").read_text("utf-8")
        assert '<p class="flow-note">No flow diagram: the map has 4 touchpoints' in page
        assert "split the journey into smaller maps." in page and "<svg" not in page.split('class="grid"')[0]


def test_python_dash_m_cjm_renders_from_an_uninstalled_checkout(tmp_path: Path) -> None:
    """`PYTHONPATH=. python -m cjm render`: the templates come from the checkout's templates/."""
    checkout = tmp_path / "checkout"
    for folder in ("cjm", "templates", "sample_maps"):
        shutil.copytree(REPO / folder, checkout / folder, ignore=shutil.ignore_patterns("__pycache__"))
    env = {"PYTHONPATH": str(checkout)}
    where = cjm_process("-c", "import cjm; print(cjm.__file__)", cwd=checkout, command=[sys.executable],
                        env=env)
    assert Path(where.stdout.strip()).is_relative_to(checkout)
    out = tmp_path / "out"
    proc = cjm_process("-m", "cjm", "render", "sample_maps/retail-store-visit.cjm.yaml", "-o", out,
                       cwd=checkout, command=[sys.executable], env=env)
    assert proc.returncode == 0, proc.stderr
    assert "<polyline" in (out / "sample_maps" / "retail-store-visit.html").read_text("utf-8")
    made = cjm_process("-m", "cjm", "init", tmp_path / "new.cjm.yaml", cwd=checkout, command=[sys.executable],
                       env=env)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "new.cjm.yaml").read_text("utf-8").startswith("# yaml-language-server")


def test_without_out_the_pages_go_to_rendered_and_the_last_line_says_so(tmp_path: Path) -> None:
    write_map(tmp_path / "maps", "good", VALID_MAP)
    proc = cjm("render", "maps", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    written = sorted(p.name for p in (tmp_path / "rendered").iterdir())
    assert written == ["good.html", "good.svg", "index.html"]
    assert proc.stderr.splitlines()[-1] == "Rendered 1 map into rendered/: open rendered/index.html"


def test_a_map_over_the_grid_limit_gets_its_page_without_the_grid(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Past GRID_LIMIT the page has no grid and no sheets (a page of more reads nowhere and takes
    long to write): the note says why in their place, the scorecard is still there."""
    from cjm.render import grid

    monkeypatch.setattr(grid, "GRID_LIMIT", 3)
    touchpoints = [{"id": f"t{n}", "title": f"Touchpoint {n}", "step": "connect"} for n in range(4)]
    for name, rows in (("big", touchpoints), ("at-the-limit", touchpoints[:3])):
        stages = [{"phase": "awareness", "touchpoints": rows}]
        write_map(tmp_path / "maps", name, {**VALID_MAP, "stages": stages})
    done = cjm("render", "maps", "-o", tmp_path / "out", "--to", "html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "big.cjm.yaml: no journey grid: the map has 4 touchpoints and cjm draws the grid for up to 3, " \
           "more than reads on a screen or prints; the page shows the rest" in done.stderr
    assert "at-the-limit.cjm.yaml: no journey grid" not in done.stderr
    big = (tmp_path / "out" / "big.html").read_text("utf-8")
    assert '<p class="grid-note">No journey grid: the map has 4 touchpoints and cjm draws the grid for up ' \
           "to 3, more than reads on a screen or prints." in big
    assert 'class="grid"' not in big and 'class="sheets"' not in big and 'class="scorecard' in big
    assert "Touchpoint 1" not in big.split('class="scorecard')[0]
    kept = (tmp_path / "out" / "at-the-limit.html").read_text("utf-8")
    assert 'class="grid"' in kept and 'class="sheets"' in kept and '<p class="grid-note">' not in kept


def test_a_page_lists_the_first_findings_and_counts_the_rest(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from cjm.render import context

    monkeypatch.setattr(context, "FINDINGS_SHOWN", 2)
    touchpoints = [{"id": f"t{n}", "title": f"Dip {n}", "step": "connect", "emotion": -2} for n in range(4)]
    write_map(tmp_path, "dips", {**VALID_MAP, "stages": [{"phase": "awareness", "touchpoints": touchpoints}]})
    shown = cjm("validate", "--format", "json", "dips.cjm.yaml", cwd=tmp_path)
    count = len(json.loads(shown.stdout)["files"][0]["diagnostics"])
    assert count > 3
    done = cjm("render", "dips.cjm.yaml", "-o", "out", "--to", "html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    page = (tmp_path / "out" / "dips.html").read_text("utf-8")
    assert page.count('<li class="finding ') == 2
    assert f'<p class="findings-more">And {count - 2} more findings: <code>cjm validate dips.cjm.yaml' \
           "</code> lists them all.</p>" in page
