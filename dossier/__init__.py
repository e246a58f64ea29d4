"""Procedure catalog, dossier workspace and packaging (Qt-free)."""
