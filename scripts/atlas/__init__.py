"""Refuge Atlas: data files in, validated model, enriched dataset, static site out.

Data flows one way: ``load`` (YAML + pydantic, every error at once) → ``enrich`` (computed
fields, once) → ``pages`` / ``export`` (Markdown for MkDocs, JSON and CSV) → ``build``
(MkDocs into a temporary folder, swapped in only on success).
"""

__all__ = ["__version__"]
__version__ = "0.1.0"
