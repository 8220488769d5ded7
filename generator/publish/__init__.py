"""Stage 4, publish: rendered documents and generated pages in, a complete site/ out.

jobs.py renders documents in worker processes, pages.py writes the generated Markdown,
site.py runs mkdocs strictly and swaps site/ in one rename; serve.py previews it.
"""
