"""ダッシュボード: the report's figures as charts and a map, each a way into the list."""
