"""The Qt desk: screens that reach the database only through desktop_app.services."""
