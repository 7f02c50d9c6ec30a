"""Compare runs: the Runs dock (``runsPanel``), "Keep this run", the overlay on the loss plot,
and the Experiment dialog (issue 18)."""
