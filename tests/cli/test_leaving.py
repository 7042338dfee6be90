"""The console script ends its process without the interpreter's teardown (cjm.cli.entry._leave):
exit handlers still run, every byte of the output is written, the exit code is the command's, and
with another thread running it leaves the usual way. It also collects garbage less often
(cjm.cli.entry.COLLECT_EVERY); a caller that passes the arguments keeps its own collector."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEEDS_WORK = ROOT / "sample_maps" / "needs-work"


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False,
                          timeout=120, cwd=ROOT)


def test_exit_handlers_run_and_the_output_is_whole() -> None:
    done = _run("import atexit, sys\n"
                "atexit.register(lambda: sys.stderr.write('handler ran\\n'))\n"
                "from cjm.cli.entry import main\n"
                "main()\n"
                "sys.stderr.write('not reached\\n')\n",
                "validate", "--format", "json", "--strict", str(NEEDS_WORK))
    assert done.returncode == 1
    assert len(json.loads(done.stdout)["files"]) == len(list(NEEDS_WORK.glob("*.cjm.yaml")))
    assert done.stderr == "handler ran\n"


def test_with_another_thread_running_it_returns_and_sys_exit_joins_it() -> None:
    done = _run("import sys, threading, time\n"
                "thread = threading.Thread(target=lambda: (time.sleep(0.3), print('thread done')))\n"
                "thread.start()\n"
                "from cjm.cli.entry import main\n"
                "code = main()\n"
                "print('returned', code)\n"
                "sys.exit(code)\n",
                "validate", str(NEEDS_WORK / "showing-up.cjm.yaml"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["returned 0", "thread done"]


def test_called_with_arguments_it_returns() -> None:
    done = _run("from cjm.cli.entry import main\n"
                "print('returned', main(['validate', 'no-such-folder']))\n")
    assert done.stdout == "returned 2\n" and "no-such-folder" in done.stderr


def test_the_console_script_collects_less_often_and_a_caller_keeps_its_collector() -> None:
    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: sys.stderr.write(repr(gc.get_threshold())))\n"
             "from cjm.cli.entry import COLLECT_EVERY, main\n"
             "gc.set_threshold(700, 11, 12)\n"
             "print(COLLECT_EVERY)\n")
    script = _run(probe + "main()\n", "validate", str(NEEDS_WORK / "showing-up.cjm.yaml"))
    assert script.returncode == 0, script.stderr
    every = int(script.stdout.splitlines()[0])
    assert every > 700 and script.stderr.endswith(repr((every, 11, 12)))
    caller = _run(probe + "main(['validate', sys.argv[1]])\n", str(NEEDS_WORK / "showing-up.cjm.yaml"))
    assert caller.returncode == 0, caller.stderr
    assert caller.stderr.endswith(repr((700, 11, 12)))
