"""Checking maps: the engine (cjm.check.engine) runs the loader, the schema
and the rules on a map and returns a FileResult (cjm.check.result), with
the config (cjm.check.config) and `# cjm: disable=` comments
(cjm.check.suppress) that apply; cjm.check.discover finds the map files.
"""
