"""The job summary on GitHub Actions: appended to the file `GITHUB_STEP_SUMMARY` names.

The runner gives each step that file and shows what the step wrote in it on the run's page.
cjm notes each map in its summary (cjm.report.github_summary) as the map is reported, then adds
the summary in one append and never rewrites the file, so the summaries of other tools and of
earlier cjm runs in the step stay. A file cjm cannot write
is a warning on stderr: the findings and the exit code are already out.
"""

from __future__ import annotations

import os
import sys

from cjm.safe import visible

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from cjm.report.github_summary import Summary

SUMMARY_FILE = "GITHUB_STEP_SUMMARY"


def wanted_summary() -> Summary | None:
    """An empty summary to note the maps in, when the runner asks for one (else None)."""
    if not os.environ.get(SUMMARY_FILE):
        return None
    from cjm.report.github_summary import Summary

    return Summary()


def append_job_summary(summary: Summary) -> None:
    """Add `summary` to the job summary file."""
    path = os.environ.get(SUMMARY_FILE, "")
    data = summary.text().encode("utf-8")
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
