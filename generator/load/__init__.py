"""Stage 1, load and check: the region's YAML files in, one validated `Project` out.

bounds.py limits each file before parsing, yamlsource parses with positions, loaded.py
validates each file against its model (reading only inside the repository),
rules.py checks what spans files, project.py returns the Project or every finding.
"""
