"""`cjm init [PATH]`: start a new map from the template or a shipped sample; never overwrite."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cjm.cli.errors import EXIT_OK, UsageError

if TYPE_CHECKING:
    from cjm.cli.samples import Sample

DEFAULT_TITLE = "Our customer journey"
DEFAULT_PERSONA = "Alex"


def run_init(path: str, title: str | None, persona: str | None, phases: str | None,
             from_sample: str | None) -> int:
    from cjm.cli.editor import editor_modeline

    if from_sample == "list":
        return _list_samples()
    if from_sample is not None and (title is not None or persona is not None or phases is not None):
        raise UsageError("--from starts from the sample as it is: leave out --title, --persona "
                         "and --phases, and edit the new map instead")
    phase_list = parse_phases(phases)
    title = text_option("--title", title, DEFAULT_TITLE)
    persona = text_option("--persona", persona, DEFAULT_PERSONA)
    sample = _find_sample(from_sample) if from_sample is not None else None
    _refuse_existing(Path(path))
    line, notes = editor_modeline(Path(path))
    if sample is not None:
        text = f"{line}\n{sample.text()}" if line else sample.text()
        note = " (it has warnings on purpose: fix them as an exercise)" if sample.needs_work else ""
        what = f"a copy of the sample '{sample.name}'{note}"
    else:
        from cjm.cli.skeleton import render_skeleton

        text = render_skeleton(title, persona, phase_list, line)
        names = phase_list or ["awareness", "involvement", "trial", "commitment", "referral"]
        what = (f"a {len(names)}-phase skeleton ({', '.join(names)}), "
                f"{4 * len(names)} touchpoints, one per engagement step")
    _write_new(Path(path), _canonical(text, path))
    _print_next_steps(path, what, notes)
    return EXIT_OK


def parse_phases(option: str | None) -> list[str] | None:
    """`--phases a,b,c` as a list; empty or repeated names are usage errors."""
    if option is None:
        return None
    names = [name.strip() for name in option.split(",")]
    if not option.strip() or any(not name for name in names):
        raise UsageError(f"--phases: every phase needs a name, e.g. awareness,trial,referral "
                         f"(got '{option}')")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise UsageError(f"--phases: each phase may appear once; repeated: {', '.join(repeated)}")
    for name in names:
        _check_encodable("--phases", name)
    return names


def text_option(option: str, value: str | None, default: str) -> str:
    if value is None:
        return default
    if not value.strip():
        raise UsageError(f"{option} must not be empty")
    _check_encodable(option, value)
    return value


def _check_encodable(option: str, value: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{option} is not valid text (check your terminal's encoding)") from None


def _find_sample(name: str) -> Sample:
    from cjm.cli.samples import find_sample, list_samples

    sample = find_sample(name)
    if sample is None:
        known = [s.name for s in list_samples()]
        names = ", ".join(known) or "none are installed"
        raise UsageError(f"--from: no sample map called '{name}'{_guess_sample(name, known)}; "
                         f"the samples are: {names} (`cjm init --from list` describes them)")
    return sample


def _guess_sample(name: str, known: list[str]) -> str:
    """` (did you mean 'retail-store-visit'?)` for `retail`: a typo, or the start of one name."""
    from cjm.diagnostic import did_you_mean

    word = name.lower().strip()
    starting = [k for k in known if word and (k.startswith(word) or word in k.split("-"))]
    if len(starting) == 1:
        return f" (did you mean '{starting[0]}'?)"
    return did_you_mean(word, known)


def _list_samples() -> int:
    from cjm.cli.samples import list_samples

    samples = list_samples()
    if not samples:
        raise UsageError("no sample maps are installed with this copy of cjm")
    width = max(len(s.name) for s in samples)
    out = ["Sample maps (start from one with `cjm init --from NAME [PATH]`):"]
    for sample in samples:
        note = "  [needs work: has warnings on purpose]" if sample.needs_work else ""
        out.append(f"  {sample.name:<{width}}  {sample.title}{note}")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def _canonical(text: str, path: str) -> str:
    from cjm.fmt import format_text

    return format_text(text, path)


def _refuse_existing(path: Path) -> None:
    if os.path.lexists(path):
        raise _exists(path)


def _exists(path: Path) -> UsageError:
    return UsageError(f"{path} already exists; cjm init never overwrites a file. "
                      "Choose another name, or move the existing file away first.")


def _write_new(path: Path, text: str) -> None:
    from cjm.cli.atomic import create_exclusive

    try:
        created = create_exclusive(path, text)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the new map: {exc.strerror or exc}") from None
    if not created:
        raise _exists(path)


def _print_next_steps(path: str, what: str, notes: list[str]) -> None:
    from cjm.check.discover import is_map_name, map_stem

    quoted = shlex.quote(path)
    lines = [f"Wrote {path}: {what}.", *notes, "Next:",
             f"  cjm validate {quoted}   # check it after every edit",
             f"  cjm render {quoted}     # rendered/{map_stem(Path(path))}.html and .svg"]
    if not is_map_name(Path(path).name):
        lines.append("Note: name it *.cjm.yaml so that `cjm validate FOLDER` finds it.")
    sys.stdout.write("\n".join(lines) + "\n")
