"""Use cases over a database, no Qt: each public function owns one transaction."""
