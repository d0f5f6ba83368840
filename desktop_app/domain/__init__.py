"""Pure rules of the desk, standard library only: nothing here knows Qt or the database."""
