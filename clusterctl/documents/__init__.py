"""Documents from a plan: the context of each document kind (`context/`), the sandboxed Jinja
renderer (`render`) with its filters (`filters`) and limits (`bounded`), and the SVG timeline
(`gantt`)."""
