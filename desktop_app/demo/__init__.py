"""Demo data: realistic practice cases for training, screenshots and the benchmarks.

Its own package, beside the desk rather than inside it: the corpus (corpus.py), the row
generator (generator.py) and the loading service with the first start (service.py). It builds
on services (the one writer, setup) and db; the cli and the ui may call it, while services and
domain never import it (import-linter contracts in pyproject.toml).
"""
