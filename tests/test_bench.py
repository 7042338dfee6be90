"""The benchmark's pieces: the floor validator, the spawner's peak memory, the tables and targets.

(No timing is asserted: bench/bench.py measures, these tests check what it builds.)"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
SAMPLES = sorted((BENCH.parent / "sample_maps").glob("*.cjm.yaml"))


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"cjm_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


bench, floor, gen_maps = load("bench"), load("floor"), load("gen_maps")

TOUCHPOINT = "cjm: 1\ntitle: T\nstages:\n  - phase: trial\n    touchpoints:\n      - {title: Try}\n"
BROKEN = {
    "a list": ("- cjm: 1\n", "not a mapping with cjm: 1"),
    "version 2": (TOUCHPOINT.replace("cjm: 1", "cjm: 2"), "not a mapping with cjm: 1"),
    "version true": (TOUCHPOINT.replace("cjm: 1", "cjm: true"), "not a mapping with cjm: 1"),
    "no title": (TOUCHPOINT.replace("title: T\n", ""), "title is not a string"),
    "stages a mapping": ("cjm: 1\ntitle: T\nstages: {}\n", "stages is not a list"),
    "a stage without phase": (TOUCHPOINT.replace("phase: trial", "name: x"), "a stage is not a mapping"),
    "no touchpoints": ("cjm: 1\ntitle: T\nstages: [{phase: x}]\n", "a stage's touchpoints is not a list"),
    "a number as title": (TOUCHPOINT.replace("{title: Try}", "{title: 3}"), "a touchpoint is not"),
    "bad YAML": ("cjm: 1\ntitle: [\n", "cannot read: while parsing a flow node"),
}


def test_the_floor_accepts_the_sample_maps_and_generated_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.cjm.yaml"
    big.write_text(gen_maps.generate_big_map(50_000), encoding="utf-8")
    paths = [*SAMPLES, *gen_maps.write_batch(tmp_path, 3), big]
    assert floor.main([str(path) for path in paths]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("name", BROKEN)
def test_the_floor_rejects_a_broken_map_in_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text, why = BROKEN[name]
    path = tmp_path / "broken.cjm.yaml"
    path.write_text(text, encoding="utf-8")
    assert floor.main([str(SAMPLES[0]), str(path)]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{path}: {why}")


def test_the_floor_as_a_script_exits_1_on_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.cjm.yaml"
    bad.write_text("title: no version\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(BENCH / "floor.py"), str(SAMPLES[0]), str(bad), str(tmp_path / "gone.yaml")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == f"{bad}: not a mapping with cjm: 1"
    assert done.stdout.splitlines()[1].startswith(f"{tmp_path / 'gone.yaml'}: cannot read: ")


def test_a_run_s_peak_memory_is_its_own_not_the_bench_s(tmp_path: Path) -> None:
    ballast = b"x" * (96 * 2**20)  # this process holds 96 MiB; a child forked from it would show them
    small = bench.run_once([sys.executable, "-c", "pass"], tmp_path)
    large = bench.run_once([sys.executable, "-c", "b = b'x' * (64 * 2**20)"], tmp_path)
    assert len(ballast) and small.exit_code == large.exit_code == 0
    assert small.peak_mib is not None and small.peak_mib < 40
    assert large.peak_mib is not None and large.peak_mib >= 64


def test_a_command_that_cannot_start_is_exit_127_with_the_reason(tmp_path: Path) -> None:
    run = bench.run_once(["no-such-command-for-cjm-bench"], tmp_path)
    assert (run.exit_code, run.peak_mib) == (127, None)
    assert run.tail.startswith("cannot run no-such-command-for-cjm-bench: ")


def result(name: str, seconds: float, peak: float, codes: tuple[int, ...] = (0,)) -> Any:
    tool = bench.Tool(name, (name,))
    return bench.Result(tool, [seconds] * len(codes), list(codes), [peak] * len(codes))


def one_map_results(render_seconds: float = 0.25, code: int = 0) -> list[Any]:
    return [
        result("python -c pass", 0.02, 8.5),
        result(bench.FLOOR_NAME, 0.04, 12.0),
        result("cjm validate", 0.05, 18.0),
        result("cjm score", 0.055, 19.0),
        result("cjm score --format json", 0.05, 18.5),
        result("cjm render", render_seconds, 30.0, (code,)),
        result("cjm fmt --check", 0.07, 20.0),
        result("check-jsonschema", 0.2, 36.0),
        result("yamllint -d relaxed", 0.1, 16.0),
    ]


def test_tools_take_turns_a_round_at_a_time(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Warm-ups first, then every tool once per round, each round starting one further on; a tool
    that is not available is left out and gets an empty result."""
    order: list[str] = []

    def run_once(argv: list[str], cwd: Path) -> Any:
        order.append(" ".join(argv))
        return bench.Run(len(order) / 1000, 0, "", 10.0 + len(order))

    monkeypatch.setattr(bench, "run_once", run_once)
    tools = [bench.Tool("a", ("a",)), bench.Tool("gone", None, missing="not installed"),
             bench.Tool("b", ("b",)), bench.Tool("c", ("c",), takes_files=False)]
    results = bench.time_tools(tools, bench.Input("one map", "one", ("m.cjm.yaml",), "about", 1, 3), tmp_path)
    a, b = "a m.cjm.yaml", "b m.cjm.yaml"  # the files appended, but not to a tool that takes none
    assert order == [a, b, "c", a, b, "c", b, "c", a, "c", a, b]
    assert [r.tool.name for r in results] == ["a", "gone", "b", "c"] and results[1].times == []
    assert results[0].times == [0.004, 0.009, 0.011] and results[0].peaks == [14.0, 19.0, 21.0]
    assert all(r.exit_codes == [0, 0, 0] for r in results if r.tool.argv is not None)


def inp(kind: str, label: str) -> Any:
    return bench.Input(label, kind, ("m.cjm.yaml",), "about", 0, 1)


def test_the_table_has_the_ratio_to_floor_and_peak_columns() -> None:
    missing = bench.Result(bench.Tool("yamllint", None, missing="not installed"))
    runs = [(inp("one", "one map"), one_map_results()), (inp("batch", "9 maps"), [missing])]
    lines = bench.table_lines(runs)
    assert lines[0] == (
        "| input | tool | median s | min s | ratio to cjm | ratio to floor | peak MiB | exit codes |"
    )
    assert lines[1].count("|") == lines[0].count("|")
    assert "| one map | cjm render | 0.250 | 0.250 | 5.00 | 6.25 | 30.0 | 0 |" in lines
    assert "| one map | floor (bench/floor.py) | 0.040 | 0.040 | 0.80 | 1.00 | 12.0 | 0 |" in lines
    assert lines[-1] == "| 9 maps | yamllint | not installed | | | | | |"


def test_the_targets_name_each_ratio_and_peak_and_say_met_or_missed() -> None:
    batch = [result(bench.FLOOR_NAME, 1.0, 12.0), result("cjm validate", 2.0, 75.0)]
    runs = [(inp("one", "one map"), one_map_results()), (inp("batch", "1,000 maps"), batch)]
    lines, all_met = bench.target_lines(runs)
    assert not all_met
    assert "| one map | cjm/floor = 1.25 | <= 1.50 (one map within 1.5x the floor) | met |" in lines
    assert "| one map | cjm score/cjm validate = 1.10 | <= 1.20 (score within 1.2x validate) | met |" in lines
    assert (
        "| one map | cjm render/cjm validate = 5.00 | <= 2.00 (render within 2x validate) | **MISSED** |"
        in lines
    )
    memory = "| 1,000 maps | cjm peak = 75.0 MiB | < 60 MiB (peak memory under 60 MiB) | **MISSED** |"
    assert memory in lines
    assert "| 1,000 maps | cjm/yamllint: not measured | <= 1.00 (no peer faster than cjm) | n/a |" in lines
    assert not any("10,000" in line or "MB map" in line for line in lines)  # inputs not run: no rows


def test_a_command_that_fails_misses_its_target_and_is_shown_loudly() -> None:
    runs = [(inp("one", "one map"), one_map_results(render_seconds=0.06, code=1))]
    lines, _ = bench.target_lines(runs)
    assert any("cjm render/cjm validate = 1.20" in line and "did not exit 0" in line for line in lines)
    loud = bench.cjm_failures(runs)
    assert "!! cjm render FAILED on valid input 'one map': exit codes 1 (expected 0)" in loud


def test_inputs_are_picked_by_name() -> None:
    assert bench.input_kinds("one, huge-map") == ("one", "huge-map")
    with pytest.raises(Exception, match="unknown input huge; choose from one,batch,big,huge-batch,huge-map"):
        bench.input_kinds("one,huge")
    args = bench.parse_args(["--quick", "--inputs", "one,batch"])
    assert (args.batch, args.huge_batch, args.inputs) == (100, 200, ("one", "batch"))
    assert bench.parse_args([]).huge_bytes == 10_000_000 < bench.CJM_SIZE_LIMIT
