"""Verantwoordingsrapportages per gemeente and for the region: view model, charts, rendering."""
