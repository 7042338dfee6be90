"""The command line: parses options, calls the core, picks a reporter, exits."""
