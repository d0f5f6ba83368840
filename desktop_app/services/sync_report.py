"""What a sync import says it did: counts by kind of row and outcome, warnings, notes, refusals.

The gate (sync_gate) and the apply step (sync_apply) fill one `PackageReport` per file; the
screens, the CLI and the package's own record read it. Nothing here touches the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.changes import CASES, NOTHING, Changes, Kind
from desktop_app.domain.errors import UserError

OUTCOMES = ("inserted", "updated", "merged", "unchanged", "stale", "conflicts", "rejected")
ENTITIES = ("inquirer", "inquiry", "action")


@dataclass
class PackageReport:
    """What one file did (or would do, in a dry run)."""

    file: str
    package_id: str = ""
    from_office: str = ""
    sequence: int = 0
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {entity: dict.fromkeys(OUTCOMES, 0) for entity in ENTITIES}
    )
    warnings: list[str] = field(default_factory=list)
    # What a person should know but need not act on (a package imported again).
    notes: list[str] = field(default_factory=list)
    edited_rows: list[str] = field(default_factory=list)
    refused: str | None = None
    refused_code: str | None = None
    # The refusal itself, so that a screen can word it in the person's language.
    refusal: UserError | None = field(default=None, repr=False, compare=False)
    already_imported: bool = False

    def count(self, entity: str, outcome: str, rows: int = 1) -> None:
        self.counts[entity][outcome] += rows

    def total(self, outcome: str) -> int:
        return sum(kind[outcome] for kind in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "package_id": self.package_id,
            "from": self.from_office,
            "sequence": self.sequence,
            **{outcome: self.total(outcome) for outcome in OUTCOMES},
            "by_kind": self.counts,
            "warnings": self.warnings,
            "notes": self.notes,
            "edited_rows": self.edited_rows,
            "refused": self.refused,
            "already_imported": self.already_imported,
        }

    def refuse(self, refusal: UserError) -> None:
        """The file was refused: nothing of it was written (its transaction rolled back)."""
        self.refused = refusal.message("ja")
        self.refused_code = refusal.code
        self.refusal = refusal

    def note_already_imported(self) -> None:
        self.notes.append(f"{self.file} は取込済みです（変更はありません）")

    def note_merge_cycles(self, cycles: int) -> None:
        """Inquirers merged into each other at two offices: the first by id lives again."""
        self.notes.append(
            f"互いに統合された相談者 {cycles} 組は、ID の小さい方を残して相談をそちらに移しました"
        )

    def note_awaiting(self, rows: int, peer: str) -> None:
        """Rows kept as they are here until the centre resolves their conflict."""
        self.notes.append(
            f"{rows} 行は{peer}と異なる変更があるため、こちらの値のまま{peer}の競合解決を待ちます"
        )


@dataclass(frozen=True)
class ImportReport:
    packages: tuple[PackageReport, ...]
    dry_run: bool

    @property
    def warnings(self) -> list[str]:
        return [warning for package in self.packages for warning in package.warnings]

    @property
    def refused(self) -> bool:
        return any(package.refused for package in self.packages)

    @property
    def needs_attention(self) -> bool:
        return bool(self.warnings) or any(p.total("conflicts") for p in self.packages)

    def total(self, outcome: str) -> int:
        return sum(package.total(outcome) for package in self.packages)

    @property
    def changes(self) -> Changes:
        """What the screens must re-read: nothing after a dry run, else what a package carries."""
        return NOTHING if self.dry_run else CASES | Changes.of(Kind.CONFLICTS, Kind.MASTERS)

    def to_json(self) -> dict[str, Any]:
        return {
            **{outcome: self.total(outcome) for outcome in OUTCOMES},
            "warnings": self.warnings,
            "packages": [package.to_json() for package in self.packages],
            "dry_run": self.dry_run,
        }
