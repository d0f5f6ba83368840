"""Renkei Desk (連携デスク): the partnership consultation desk of a ward's branch offices."""

__version__ = "0.1.0"
