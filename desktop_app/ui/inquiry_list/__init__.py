"""受付一覧: the inquiry list over the search service, its filter bar and detail pane."""
