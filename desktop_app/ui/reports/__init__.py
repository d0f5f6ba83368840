"""報告書作成: the monthly and fiscal-year report written from the window."""
