"""The set-up wizard a ward PC shows on its first start, when no database exists yet."""
