"""Maps in and out of other tools: Mermaid `journey` diagrams and spreadsheets
(`cjm export`, `cjm import`)."""
