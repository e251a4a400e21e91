"""Eingang: the intake assistant of the Kompetenzzentrum Verwaltung 4.0 (Thüringer Finanzministerium)."""

__version__ = "0.1.0"
