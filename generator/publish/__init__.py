"""Stage 4, publish: rendered documents and generated pages in, a complete site/ out.

build.py orchestrates: jobs.py renders documents in worker processes, page_sync.py and
pages.py write the pages, mkdocs_run.py runs mkdocs strictly, transaction.py holds the
lock and swaps site/ in one rename; serve.py previews it.
"""
