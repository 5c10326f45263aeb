"""clusterctl: keep education cluster project plans as YAML files and work with them.

Importing the package is cheap: heavy modules (pydantic, jinja2, rich, babel) are imported
only by the commands that use them.
"""

__version__ = "0.1.0"
