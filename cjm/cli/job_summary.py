"""The job summary on GitHub Actions: appended to the file `GITHUB_STEP_SUMMARY` names.

The runner gives each step that file and shows what the step wrote in it on the run's page.
cjm adds its summary (cjm.report.github_summary) in one append and never rewrites the file, so
the summaries of other tools and of earlier cjm runs in the step stay. A file cjm cannot write
is a warning on stderr: the findings and the exit code are already out.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from cjm.check.result import FileResult
from cjm.safe import visible

SUMMARY_FILE = "GITHUB_STEP_SUMMARY"


def append_job_summary(results: Sequence[FileResult]) -> None:
    """Add the summary of `results` to the job summary, when the runner asks for one."""
    path = os.environ.get(SUMMARY_FILE)
    if not path:
        return
    from cjm.report.github_summary import summary

    data = summary(results).encode("utf-8")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            while data:  # one write in practice: O_APPEND puts it after whatever is there
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)
    except OSError as exc:
        sys.stderr.write(f"cjm: warning: cannot add the job summary to {visible(path)} "
                         f"({exc.strerror or exc}); the findings above are complete\n")
