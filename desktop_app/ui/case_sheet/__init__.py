"""相談票: one inquiry and its history, printed or saved as an A4 PDF."""
