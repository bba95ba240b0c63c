"""Pages of the goals app, one module per page."""
