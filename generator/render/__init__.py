"""Stage 3, render: a Project and its figures in, documents out (HTML, PDF/A, open data).

documents/ holds the three document families (view models gather what a document
shows; Jinja2 templates format it), pdf/ makes the archival, accessible PDF with
WeasyPrint (fetching only the project's own assets), templating/ is the Jinja machinery.
"""
