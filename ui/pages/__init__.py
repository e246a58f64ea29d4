"""One page per workflow step (see ui.steps)."""
