"""Persistence for Renkei Desk: SQLAlchemy models, the engine, the search index and migrations.

This package imports only SQLAlchemy and Alembic; rules it needs at the SQL level (text folding
for the search index) are handed to it as plain functions by the layer above.
"""
