"""DVO- en verantwoordingsgenerator for a regional Werkbedrijf."""

__version__ = "0.1.0"
