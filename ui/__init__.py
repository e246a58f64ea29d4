"""Qt widgets, pages, dialogs, item models and the one background-job helper."""
