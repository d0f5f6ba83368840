"""Benchmarks (`make bench`, not part of `make test`): scale figures next to the bare library.

Each module `bench_*.py` has a `main()` that prints a table "what | figure | bare | ratio |
budget": the program's figure, the same work done by the bare library in the same run, and
their ratio, so a figure can be judged on any machine. Nothing here asserts on time.
"""
