"""One reader per file format: each turns a file into a `clusterctl.importing.tables.Document`
(tables as grids of cells with their merges, and the paragraphs around them)."""
