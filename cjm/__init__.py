"""cjm: customer journey maps as code.

Importing the package imports nothing else, so `cjm validate` starts fast.
"""

from __future__ import annotations

__version__ = "0.2.0"
