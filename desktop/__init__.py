"""Entry points: the GUI (`python -m desktop`, `hoso-desktop`) and the CLI (`hoso`)."""
