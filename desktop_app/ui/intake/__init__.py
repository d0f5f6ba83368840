"""The intake form (新規受付 and edit) and the widgets only it uses."""
