"""Stage 1, load and check: the region's YAML files in, one validated `Project` out.

yamlsource parses with positions, loaded.py validates each file against its model,
rules.py checks what spans files, project.py returns the Project or every finding.
"""
