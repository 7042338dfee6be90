"""`cjm init [PATH]`: start a new map from the template or a shipped sample; never overwrite."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from cjm.cli.errors import EXIT_OK, UsageError

SCHEMA_URL = "https://cjm.dev/schema/journey-map-v1.json"
"""The `$id` of the shipped JSON Schema, written in every new map's modeline for editors."""
MODELINE = f"# yaml-language-server: $schema={SCHEMA_URL}"
DEFAULT_TITLE = "Our customer journey"
DEFAULT_PERSONA = "Alex"


def run_init(path: str, title: str | None, persona: str | None, phases: str | None,
             from_sample: str | None) -> int:
    if from_sample is not None:
        if from_sample == "list":
            return _list_samples()
        if title is not None or persona is not None or phases is not None:
            raise UsageError("--from starts from the sample as it is: leave out --title, --persona "
                             "and --phases, and edit the new map instead")
        text, what = _from_sample(from_sample)
    else:
        from cjm.cli.skeleton import render_skeleton

        phase_list = parse_phases(phases)
        title = text_option("--title", title, DEFAULT_TITLE)
        persona = text_option("--persona", persona, DEFAULT_PERSONA)
        text = render_skeleton(title, persona, phase_list, SCHEMA_URL)
        names = phase_list or ["awareness", "involvement", "trial", "commitment", "referral"]
        what = (f"a {len(names)}-phase skeleton ({', '.join(names)}), "
                f"{4 * len(names)} touchpoints, one per engagement step")
    _write_new(Path(path), _canonical(text, path))
    _print_next_steps(path, what)
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


def _from_sample(name: str) -> tuple[str, str]:
    from cjm.cli.samples import find_sample, list_samples

    sample = find_sample(name)
    if sample is None:
        known = [s.name for s in list_samples()]
        names = ", ".join(known) or "none are installed"
        raise UsageError(f"--from: no sample map called '{name}'{_guess_sample(name, known)}; "
                         f"the samples are: {names} (`cjm init --from list` describes them)")
    text = sample.text()
    if not text.startswith("# yaml-language-server:"):
        text = f"{MODELINE}\n{text}"
    note = " (it has warnings on purpose: fix them as an exercise)" if sample.needs_work else ""
    return text, f"a copy of the sample '{sample.name}'{note}"


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


def _write_new(path: Path, text: str) -> None:
    from cjm.cli.atomic import create_exclusive

    try:
        created = create_exclusive(path, text)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the new map: {exc.strerror or exc}") from None
    if not created:
        raise UsageError(f"{path} already exists; cjm init never overwrites a file. "
                         "Choose another name, or move the existing file away first.")


def _print_next_steps(path: str, what: str) -> None:
    from cjm.check.discover import is_map_name, map_stem

    quoted = shlex.quote(path)
    lines = [f"Wrote {path}: {what}.", "Next:",
             f"  cjm validate {quoted}   # check it after every edit",
             f"  cjm render {quoted}     # rendered/{map_stem(Path(path))}.html and .svg"]
    if not is_map_name(Path(path).name):
        lines.append("Note: name it *.cjm.yaml so that `cjm validate FOLDER` finds it.")
    sys.stdout.write("\n".join(lines) + "\n")
