"""The built-in page templates, packaged as `cjm.templates` (see cjm.render.environment)."""
