"""The status workflow of an inquiry: which status may follow which.

Status is the one vocabulary that is code rather than a master list, because the follow-up list,
the monthly counts of open and closed cases and the outcome rule all depend on it. The rules
stay permissive where desk work really goes back and forth (a referral comes back with more to
do; a closed case is asked about again) and strict where a jump would lose information (a closed
case can only be reopened as 対応中, never silently switched to another outcome).
"""

from __future__ import annotations

from types import MappingProxyType

from desktop_app.domain.messages import Localized

STATUS_UNKNOWN = "status_unknown"
STATUS_TRANSITION = "status_transition"

RECEIVED = "received"
IN_PROGRESS = "in_progress"
REFERRED = "referred"
MATCHED = "matched"
NOT_MATCHED = "not_matched"
INFO_ONLY = "info_only"
WITHDRAWN = "withdrawn"

OPEN_STATUSES: tuple[str, ...] = (RECEIVED, IN_PROGRESS, REFERRED)
STATUSES: tuple[str, ...] = (*OPEN_STATUSES, MATCHED, NOT_MATCHED, INFO_ONLY, WITHDRAWN)
CLOSED_STATUSES: frozenset[str] = frozenset(STATUSES[len(OPEN_STATUSES) :])

# Default Japanese labels; the code, not the label, is what is stored and exchanged.
STATUS_LABELS = MappingProxyType(
    {
        RECEIVED: "受付",
        IN_PROGRESS: "対応中",
        REFERRED: "紹介済",
        MATCHED: "連携成立",
        NOT_MATCHED: "不成立",
        INFO_ONLY: "情報提供で完了",
        WITHDRAWN: "取下げ",
    }
)


class TransitionError(ValueError):
    """`code` is STATUS_UNKNOWN or STATUS_TRANSITION; the services layer words the message."""

    def __init__(self, code: str, old: str, new: str, detail: str) -> None:
        super().__init__(f"{detail}: {old!r} -> {new!r}")
        self.code = code
        self.old = old
        self.new = new


def is_closed(status: str) -> bool:
    return status in CLOSED_STATUSES


def _targets(status: str) -> tuple[str, ...]:
    if is_closed(status):
        return (IN_PROGRESS,)
    later_open = OPEN_STATUSES[OPEN_STATUSES.index(status) + 1 :]
    back = (IN_PROGRESS,) if status == REFERRED else ()
    return tuple(s for s in STATUSES if s in later_open or s in back or is_closed(s))


_ALLOWED: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {status: _targets(status) for status in STATUSES}
)


def allowed_transitions(status: str) -> tuple[str, ...]:
    """The statuses a case in `status` may move to, in STATUSES order (for the status picker)."""
    if status not in _ALLOWED:
        raise TransitionError(STATUS_UNKNOWN, status, status, "unknown status")
    return _ALLOWED[status]


def check_transition(old: str, new: str) -> None:
    """Refuse a status change the workflow does not allow.

    Keeping the same status is not a change and is refused too: callers compare first, so a
    save that leaves the status alone never reaches here and never logs a status change.
    """
    for status in (old, new):
        if status not in _ALLOWED:
            raise TransitionError(STATUS_UNKNOWN, old, new, f"unknown status {status!r}")
    if new not in _ALLOWED[old]:
        raise TransitionError(STATUS_TRANSITION, old, new, "transition not allowed")


def is_reopening(old: str, new: str) -> bool:
    """A closed case moved back to work: the caller must log who reopened it and why."""
    return is_closed(old) and new in _ALLOWED[old]


def status_after_referral(status: str) -> str | None:
    """The status a case moves to when a referral (所管課・自治体へ紹介) is logged: 紹介済 from
    受付 or 対応中; None for a case already 紹介済 or closed (a referral logged for the record
    does not reopen it)."""
    return REFERRED if status in (RECEIVED, IN_PROGRESS) else None


def needs_outcome(new: str) -> bool:
    """Closing a case without saying how it ended leaves the fiscal-year summary guessing."""
    return is_closed(new)


def status_display(status: str) -> Localized:
    """A status as messages show it: 連携成立 (matched) in Japanese, the code in English."""
    label = STATUS_LABELS.get(status)
    return Localized(ja=f"{label} ({status})" if label else status, en=status)


def statuses_display(statuses: tuple[str, ...]) -> Localized:
    shown = [status_display(status) for status in statuses]
    return Localized(ja=", ".join(s.ja for s in shown), en=", ".join(s.en for s in shown))
