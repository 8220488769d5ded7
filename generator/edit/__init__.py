"""Changes to the region's own YAML files: `dvo import` of realisaties, byte-preserving edits.

Uses the load stage to re-validate before anything is written.
"""
