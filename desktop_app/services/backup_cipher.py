"""The encrypted backup file: a header anyone may read, then the database in sealed chunks.

Layout (all integers big-endian):

    MAGIC (8 bytes) | version (1) | header length (4) | header (UTF-8 JSON)
    then chunks:  length (4) | AES-256-GCM ciphertext and tag of up to CHUNK bytes

The header says whose backup it is (database id, office, training, schema revision: what
the backup list shows without a password) and carries the backup key as the database held it
when the backup was made (a public half and the private half locked by the backup password
with argon2id: domain/sealing.py), plus this file's random key sealed to that public half.
So a backup is made without anyone typing the password, and opened with the password alone,
on any PC. Each chunk's nonce is its number and a last-chunk flag, and its associated data
is the SHA-256 of the header: a changed header, reordered, dropped or appended chunks, and a
truncated file all fail to decrypt. The database is streamed, never held in memory whole.
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app.domain import sealing
from desktop_app.domain.errors import UserError

MAGIC = b"RDKBAK\x00\x01"
VERSION = 1
CHUNK = 1 << 20
_MAX_HEADER = 1 << 16


@dataclass(frozen=True)
class BackupHeader:
    database_id: str | None
    office: str | None
    training: bool
    revision: str | None
    key: sealing.LockedKey
    file_key: bytes  # sealed to key.public

    def to_bytes(self) -> bytes:
        data = {
            "database_id": self.database_id,
            "office": self.office,
            "training": self.training,
            "revision": self.revision,
            "key": json.loads(self.key.to_json()),
            "file_key": sealing.b64(self.file_key),
            "chunk": CHUNK,
        }
        return json.dumps(data, sort_keys=True).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> BackupHeader:
        data: dict[str, Any] = json.loads(raw.decode("utf-8"))
        return cls(
            database_id=data.get("database_id"),
            office=data.get("office"),
            training=bool(data.get("training")),
            revision=data.get("revision"),
            key=sealing.LockedKey.from_json(json.dumps(data["key"])),
            file_key=sealing.unb64(data["file_key"]),
        )


def is_encrypted(path: Path) -> bool:
    """Whether `path` starts like an encrypted backup (False for a missing file)."""
    try:
        with path.open("rb") as stream:
            return stream.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_header(path: Path) -> BackupHeader:
    """The header of an encrypted backup; UserError `backup_not_readable` for anything else."""
    with path.open("rb") as stream:
        header, _raw = _header(stream, path)
    return header


def encrypt_file(
    source: Path,
    target: Path,
    key: sealing.LockedKey,
    *,
    database_id: str | None,
    office: str | None,
    training: bool,
    revision: str | None,
) -> None:
    """Write `source` (a plain backup) to `target`, encrypted for `key`'s password holder."""
    file_key, sealed = sealing.sealed_key(key.public)
    header = BackupHeader(database_id, office, training, revision, key, sealed).to_bytes()
    aad = hashlib.sha256(header).digest()
    cipher = AESGCM(file_key)
    with source.open("rb") as plain, target.open("wb") as out:
        out.write(MAGIC + struct.pack(">BI", VERSION, len(header)) + header)
        index = 0
        chunk = plain.read(CHUNK)
        while True:
            following = plain.read(CHUNK)
            sealed_chunk = cipher.encrypt(_nonce(index, last=not following), chunk, aad)
            out.write(struct.pack(">I", len(sealed_chunk)) + sealed_chunk)
            if not following:
                break
            chunk, index = following, index + 1


def decrypt_file(source: Path, target: Path, password: str) -> BackupHeader:
    """Write the database inside `source` to `target`; UserError `backup_password_wrong`
    for a password that does not open it, `backup_not_readable` for an altered file."""
    with source.open("rb") as stream, target.open("wb") as out:
        header, raw = _header(stream, source)
        try:
            private = sealing.unlock(header.key, password)
            file_key = sealing.open_sealed(private, header.file_key)
        except sealing.WrongKey:
            raise UserError("backup_password_wrong", path=source.name) from None
        aad = hashlib.sha256(raw).digest()
        cipher = AESGCM(file_key)
        for index, (sealed_chunk, last) in enumerate(_chunks(stream, source)):
            try:
                out.write(cipher.decrypt(_nonce(index, last=last), sealed_chunk, aad))
            except InvalidTag:
                raise UserError("backup_not_readable", path=source.name) from None
    return header


def _header(stream: BinaryIO, path: Path) -> tuple[BackupHeader, bytes]:
    start = stream.read(len(MAGIC) + 5)
    if len(start) < len(MAGIC) + 5 or start[: len(MAGIC)] != MAGIC:
        raise UserError("backup_not_readable", path=path.name)
    version, length = struct.unpack(">BI", start[len(MAGIC) :])
    if version != VERSION or length > _MAX_HEADER:
        raise UserError("backup_not_readable", path=path.name)
    raw = stream.read(length)
    try:
        return BackupHeader.from_bytes(raw), raw
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError("backup_not_readable", path=path.name) from exc


def _chunks(stream: BinaryIO, path: Path) -> Iterator[tuple[bytes, bool]]:
    """Each sealed chunk and whether it is the file's last; a short file is refused."""
    current = _one_chunk(stream, path)
    if current is None:
        raise UserError("backup_not_readable", path=path.name)
    while True:
        following = _one_chunk(stream, path)
        yield current, following is None
        if following is None:
            return
        current = following


def _one_chunk(stream: BinaryIO, path: Path) -> bytes | None:
    size = stream.read(4)
    if not size:
        return None
    if len(size) < 4:
        raise UserError("backup_not_readable", path=path.name)
    (length,) = struct.unpack(">I", size)
    if length > CHUNK + 16:
        raise UserError("backup_not_readable", path=path.name)
    data = stream.read(length)
    if len(data) < length:
        raise UserError("backup_not_readable", path=path.name)
    return data


def _nonce(index: int, *, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
