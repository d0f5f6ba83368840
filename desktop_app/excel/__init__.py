"""Workbook formats, with openpyxl and python-calamine: no database and no Qt here."""
