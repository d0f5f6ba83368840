"""対応予定: follow-ups due and overdue, and referrals waiting for a reply."""
