"""Scanning: photos and scanner pages into clean, true-size colour scans (Qt-free)."""
