"""Jinja2 machinery: where templates come from (region overrides, then the package), the
environment, and template errors in Dutch."""
