"""Demo data: realistic practice cases for training, screenshots and the benchmarks."""
