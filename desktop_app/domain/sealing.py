"""Keys from passwords, and secrets sealed so that only a password's holder can open them.

Two secrets of a desk database must survive a copy of the file without being readable in it:
the offices' shared package password and the key of encrypted backups. Both use the same
two well-known pieces, from `cryptography` and `argon2-cffi`:

- a *locked key*: an X25519 private key encrypted (AES-256-GCM) with a key derived from a
  password by argon2id. Its public half is stored in clear, so anyone may seal a secret *to*
  it; only the password opens what was sealed. A failed unlock is the wrong password (the GCM
  tag), so the locked key is also the password's verifier: no hash of it is kept elsewhere.
- a *sealed box*: a secret encrypted to a public key (an ephemeral X25519 agreement, HKDF,
  AES-256-GCM), as libsodium's sealed boxes and age do.

This is what lets the program make encrypted backups automatically (sealed to the backup
key's public half) and hand the package password to a newly added supervisor (sealed to their
account's public half) without anyone typing the password that opens them.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
_RAW = serialization.Encoding.Raw


class WrongKey(Exception):
    """The password or key does not open this (or the data was altered)."""


@dataclass(frozen=True)
class KdfParams:
    """argon2id's cost: memory in KiB, passes and lanes (stored beside what it protects, so a
    later program with other defaults still opens older files)."""

    memory_kib: int
    time_cost: int
    parallelism: int = 1


# Accounts: OWASP's minimum for argon2id, as for the sign-in hash (about 30 ms): every
# supervisor's sign-in derives it once.
ACCOUNT_KDF = KdfParams(memory_kib=19_456, time_cost=2)
# The backup password guards files that leave the PC: slower on purpose (about 0.3 s).
BACKUP_KDF = KdfParams(memory_kib=65_536, time_cost=3)


def derive_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def encrypt(key: bytes, data: bytes, aad: bytes = b"") -> bytes:
    """AES-256-GCM with a random nonce: nonce ‖ ciphertext ‖ tag."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, aad)


def decrypt(key: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], aad)
    except (InvalidTag, ValueError) as exc:
        raise WrongKey from exc


@dataclass(frozen=True)
class LockedKey:
    """A private key under a password; `public` is its public half, in clear."""

    public: bytes
    salt: bytes
    kdf: KdfParams
    locked: bytes

    def to_json(self) -> str:
        data = asdict(self)
        for name in ("public", "salt", "locked"):
            data[name] = b64(data[name])
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> LockedKey:
        data: dict[str, Any] = json.loads(text)
        return cls(
            public=unb64(data["public"]),
            salt=unb64(data["salt"]),
            kdf=KdfParams(**data["kdf"]),
            locked=unb64(data["locked"]),
        )


def new_locked_key(password: str, params: KdfParams) -> tuple[LockedKey, bytes]:
    """A fresh key pair locked with `password`: the locked key and its private half (raw)."""
    private = X25519PrivateKey.generate()
    raw = private.private_bytes_raw()
    salt = os.urandom(16)
    public = private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    locked = encrypt(derive_key(password, salt, params), raw, aad=public)
    return LockedKey(public=public, salt=salt, kdf=params, locked=locked), raw


def unlock(key: LockedKey, password: str) -> bytes:
    """The private half; WrongKey when `password` is not the one it was locked with."""
    return decrypt(derive_key(password, key.salt, key.kdf), key.locked, aad=key.public)


def relock(key: LockedKey, password: str, params: KdfParams) -> LockedKey:
    """The same key pair locked anew with `params` (a cheaper cost for tests' templates)."""
    private = unlock(key, password)
    salt = os.urandom(16)
    locked = encrypt(derive_key(password, salt, params), private, aad=key.public)
    return LockedKey(public=key.public, salt=salt, kdf=params, locked=locked)


def seal(public: bytes, data: bytes, aad: bytes = b"") -> bytes:
    """`data` sealed to `public`: ephemeral public key ‖ nonce ‖ ciphertext ‖ tag."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    key = _box_key(shared, ephemeral_public, public)
    return ephemeral_public + encrypt(key, data, aad)


def open_sealed(private: bytes, blob: bytes, aad: bytes = b"") -> bytes:
    own = X25519PrivateKey.from_private_bytes(private)
    public = own.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    ephemeral_public = blob[:KEY_BYTES]
    try:
        shared = own.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:
        raise WrongKey from exc
    return decrypt(_box_key(shared, ephemeral_public, public), blob[KEY_BYTES:], aad)


def sealed_key(public: bytes) -> tuple[bytes, bytes]:
    """A fresh symmetric key and the box that gives it to `public`'s holder (for a file)."""
    key = os.urandom(KEY_BYTES)
    return key, seal(public, key)


def _box_key(shared: bytes, ephemeral_public: bytes, public: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=ephemeral_public + public,
        info=b"renkei-desk sealed box",
    ).derive(shared)


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))
