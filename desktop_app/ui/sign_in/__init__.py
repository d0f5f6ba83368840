"""Signing in: the sign-in dialog before the window, the idle lock over it, the first run."""
