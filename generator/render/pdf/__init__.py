"""HTML -> archival, accessible PDF: the request a worker renders, WeasyPrint tagging, the PDF/UA
finish, the asset fetcher."""
