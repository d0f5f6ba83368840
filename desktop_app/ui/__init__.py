"""The Qt desk: screens that reach the database only through desktop_app.services."""

from desktop_app.ui.refcount_guard import guard_singletons

guard_singletons()  # before any PySide6 call: see refcount_guard for the PySide6 6.12 bug
