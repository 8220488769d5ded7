"""Stage 2, compute: pure functions from a validated Project to figures.

Distributions over gemeenten, KPI scores and statuses, and the report figures
(`Verantwoording`). The budget arithmetic itself lives with the models.
"""
