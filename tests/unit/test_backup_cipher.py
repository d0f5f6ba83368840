"""The encrypted backup format over a file of several chunks: it opens with the password
alone, and a file cut short, with a chunk dropped or reordered, or a changed header does not."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from desktop_app.domain import sealing
from desktop_app.domain.errors import UserError
from desktop_app.services import backup_cipher

PASSWORD = "usb-stick-passphrase-2026"
CHEAP = sealing.KdfParams(memory_kib=8, time_cost=1)


@pytest.fixture
def sealed(tmp_path: Path) -> tuple[Path, bytes]:
    plain = tmp_path / "plain.sqlite3"
    content = os.urandom(backup_cipher.CHUNK * 2 + 12_345)  # three chunks, the last short
    plain.write_bytes(content)
    key, _private = sealing.new_locked_key(PASSWORD, CHEAP)
    target = tmp_path / "backup.sqlite3"
    backup_cipher.encrypt_file(
        plain, target, key, database_id="id-1", office="SHIBA", training=False, revision="0007"
    )
    return target, content


def _chunks(path: Path) -> tuple[bytes, list[bytes]]:
    raw = path.read_bytes()
    start = len(backup_cipher.MAGIC) + 5
    (length,) = struct.unpack(">I", raw[start - 4 : start])
    head, rest, chunks = raw[: start + length], raw[start + length :], []
    while rest:
        (size,) = struct.unpack(">I", rest[:4])
        chunks.append(rest[: 4 + size])
        rest = rest[4 + size :]
    return head, chunks


def test_it_opens_with_the_password_alone(sealed, tmp_path):
    target, content = sealed
    header = backup_cipher.read_header(target)
    assert (header.database_id, header.office, header.revision) == ("id-1", "SHIBA", "0007")

    out = tmp_path / "out.sqlite3"
    backup_cipher.decrypt_file(target, out, PASSWORD)

    assert out.read_bytes() == content
    assert content[:4096] not in target.read_bytes()


def test_a_wrong_password_is_refused(sealed, tmp_path):
    with pytest.raises(UserError) as refused:
        backup_cipher.decrypt_file(sealed[0], tmp_path / "out", "another-password")
    assert refused.value.code == "backup_password_wrong"


@pytest.mark.parametrize("change", ["drop_last", "reorder", "cut", "header"])
def test_an_altered_file_is_refused(sealed, tmp_path, change):
    target = sealed[0]
    head, chunks = _chunks(target)
    assert len(chunks) == 3
    if change == "drop_last":
        raw = head + b"".join(chunks[:2])
    elif change == "reorder":
        raw = head + chunks[1] + chunks[0] + chunks[2]
    elif change == "cut":
        raw = head + b"".join(chunks)[:-100]
    else:
        raw = head.replace(b'"SHIBA"', b'"AZABU"') + b"".join(chunks)
    target.write_bytes(raw)

    with pytest.raises(UserError) as refused:
        backup_cipher.decrypt_file(target, tmp_path / "out", PASSWORD)
    assert refused.value.code == "backup_not_readable"
