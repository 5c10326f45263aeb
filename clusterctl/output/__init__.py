"""What the command line prints: findings (`reporters`: text, JSON, GitHub annotations), the
query answers as tables (`answers`: one `Table` per answer, with the fields of its CSV), a
`Table` in each format (`tables`: rich, plain text, Markdown) and the machine formats
(`machine`: JSON and CSV, with orjson as an optional plug-in)."""
