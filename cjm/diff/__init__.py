"""What changed between two versions of a journey map, and what got worse (`cjm diff`)."""
