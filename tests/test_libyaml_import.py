"""cjm.loader.libyaml: PyYAML imported with its reader's pattern taken from re's cache, which
matches exactly the characters PyYAML's own pattern matches."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml.reader

from cjm.loader.libyaml import NOT_ALLOWED, YAML_NON_PRINTABLE

ROOT = Path(__file__).resolve().parents[1]


def test_both_patterns_match_the_same_characters_over_every_code_point() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(NOT_ALLOWED, every) == re.findall(YAML_NON_PRINTABLE, every)
    assert len(re.findall(NOT_ALLOWED, every)) == 9 + 2 + 18 + 6 + 26 + 2048 + 2


def test_pyyaml_still_writes_the_pattern_so() -> None:
    source = Path(yaml.reader.__file__).read_text(encoding="utf-8")
    compiled = re.compile(YAML_NON_PRINTABLE)
    assert yaml.reader.Reader.NON_PRINTABLE.pattern in (YAML_NON_PRINTABLE, NOT_ALLOWED)
    assert "NON_PRINTABLE = re.compile(" in source and compiled.pattern == YAML_NON_PRINTABLE


def test_a_fresh_process_takes_the_pattern_from_the_cache_and_reads_as_before() -> None:
    script = (
        "from cjm.loader.libyaml import NOT_ALLOWED, c_parser\n"
        "c_parser()\n"
        "import yaml, yaml.reader\n"
        "assert yaml.reader.Reader.NON_PRINTABLE.pattern == NOT_ALLOWED, 'not taken from the cache'\n"
        "try:\n"
        "    yaml.load('title: a\\x07b', Loader=yaml.SafeLoader)\n"
        "except yaml.reader.ReaderError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "unacceptable character #x0007" in done.stdout
