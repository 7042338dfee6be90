"""Pictures of a journey map: DOT text for Graphviz (and, beside it, the HTML page)."""
