"""Small helpers every stage may use: atomic writes, Dutch formatting, tables, source date and revision.

Imports nothing else from the package.
"""
