"""Stage 3, render: a Project and its figures in, documents out (HTML, PDF/A, open data).

View models gather what a document shows; Jinja2 templates format it; WeasyPrint
makes the PDF, fetching only the project's own assets.
"""
