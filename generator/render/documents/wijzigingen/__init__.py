"""The wijzigingsoverzicht: what changed between two versions of a DVO, and its rendering."""
