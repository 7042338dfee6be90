"""cjm/schema/data.py is journey-map.schema.json as a Python literal, so that `cjm validate` reads
the schema without importing json or parsing it. The JSON file stays the one source (editors and
`cjm schema` read it); this test regenerates data.py with CJM_UPDATE_GOLDEN=1."""

from __future__ import annotations

import json
import os
import pprint
from pathlib import Path

from cjm.schema import schema, schema_text
from cjm.schema.data import SCHEMA

DATA = Path(__file__).resolve().parents[1] / "cjm" / "schema" / "data.py"
HEADER = (
    '"""journey-map.schema.json as Python data, read by cjm.schema without a JSON parse.\n\n'
    "Written by tests/test_schema_data.py from the JSON file (CJM_UPDATE_GOLDEN=1); do not edit.\n"
    '"""\n\n'
    "from __future__ import annotations\n\n"
    "TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)\n"
    "if TYPE_CHECKING:\n"
    "    from typing import Any\n\n"
    "SCHEMA: dict[str, Any] = "
)


def data_module(text: str) -> str:
    """The text of data.py for the schema `text`."""
    return HEADER + pprint.pformat(json.loads(text), width=100, sort_dicts=False) + "\n"


def test_the_data_is_the_shipped_schema() -> None:
    expected = data_module(schema_text())
    if os.environ.get("CJM_UPDATE_GOLDEN"):
        DATA.write_text(expected, encoding="utf-8")
    written = DATA.read_text("utf-8")
    assert written == expected, f"run CJM_UPDATE_GOLDEN=1 pytest {__file__}"
    shipped = json.loads(schema_text())
    assert shipped == SCHEMA and list(shipped) == list(SCHEMA)
    assert schema() is SCHEMA
