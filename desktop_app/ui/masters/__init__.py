"""マスタ: read-only views of the master lists (offices, vocabularies, municipalities, ...)."""
