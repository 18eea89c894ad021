"""Work outside the message transaction: reminder ticks (and, as they come, file imports and renders)."""
