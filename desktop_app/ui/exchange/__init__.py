"""取込・送付: sync packages out and in, the import report, and the conflict queue."""
