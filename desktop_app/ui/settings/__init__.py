"""設定: language and font size, kept in QSettings."""
