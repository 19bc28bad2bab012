#!/usr/bin/env python3
"""Independent reference for messer's item envelopes (docs/format.md).

It uses only Python's standard library and the `cryptography` package and shares no code
with messer, so that the two implementations check each other.

  messer_vectors.py generate            print the version 1 known-answer vectors (JSON)
  messer_vectors.py verify FILE         decrypt every vector in FILE (written by messer),
                                        version 1 as Messer 2.0.13 reads it, version 2 with
                                        the associated data of docs/format.md; exit 1 on
                                        the first mismatch

Version 1 envelopes are built exactly as Messer 2.0.13 builds them: the item is serialised
with json.dumps, sealed with AES-256-GCM under a 32-byte IV and no associated data, and the
envelope is base64(json.dumps({"iv", "encrypted_secret", "tag", "key_name", "key_version",
"version": "1"})). Keys and IVs are fixed so that the output is reproducible.
"""

import base64
import hashlib
import json
import struct
import sys

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

V2_LABEL = b"messer/item/v2"
TAG_BYTES = 16


def fixed_bytes(label, length):
    """Deterministic test bytes: SHA-256 of the label, repeated to the length."""
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(("%s/%d" % (label, counter)).encode("ascii")).digest()
        counter += 1
    return out[:length]


def messer_v1_envelope(key, iv, plaintext, key_name, key_version):
    """What EncryptionKey.encrypt of Messer 2.0.13 returns (base64 of the JSON envelope)."""
    sealed = AESGCM(key).encrypt(iv, plaintext, None)
    ciphertext, tag = sealed[:-TAG_BYTES], sealed[-TAG_BYTES:]
    envelope_json = json.dumps({"iv": base64.b64encode(iv).decode("ascii"),
                                "encrypted_secret": base64.b64encode(ciphertext).decode("ascii"),
                                "tag": base64.b64encode(tag).decode("ascii"),
                                "key_name": key_name,
                                "key_version": key_version,
                                "version": "1"})
    return ciphertext, tag, base64.b64encode(envelope_json.encode("ascii")).decode("ascii")


V1_CASES = [
    # name, item, key_name, key_version as Messer stored it, tier, folder, bag
    ("int-key-version",
     {"id": "db", "host": "db.internal.example", "port": 5432, "password": "correct-horse-battery-staple"},
     "app", 3, "dev", "secrets", "payments"),
    ("string-key-version",
     {"id": "api", "token": "s3cr3t", "scopes": ["read", "write"], "enabled": True},
     "app", "12", "prod", "", "checkout"),
    ("latest-key-version",
     {"id": "legacy", "password": "from-an-old-messer"},
     "ops", "latest", "", "", "old-bag"),
    ("non-ascii-and-nesting",
     {"id": "cafe-free", "greeting": "gr\u00fc\u00df dich \u2603", "nested": {"a": [1, 2.5, None, {"b": False}]},
      "emoji": "\U0001F511"},
     "intl", 0, "qa", "team/secrets", "i18n"),
    ("id-only", {"id": "x"}, "k", 7, "dev", "", "tiny"),
]


def generate():
    vectors = []
    for index, (name, item, key_name, key_version, tier, folder, bag) in enumerate(V1_CASES):
        key = fixed_bytes("key/" + name, 32)
        iv = fixed_bytes("iv/" + name, 32)
        # Messer: plaintext = json.dumps(data_bag_item), ASCII with \u escapes
        plaintext = json.dumps(item).encode("ascii")
        ciphertext, tag, envelope = messer_v1_envelope(key, iv, plaintext, key_name, key_version)
        stored = json.dumps({"id": item["id"], "encrypted_data": envelope,
                             "key_name": key_name, "key_version": key_version})
        vectors.append({
            "name": name,
            "tier": tier, "folder": folder, "bag": bag, "id": item["id"],
            "key": key.hex(), "iv": iv.hex(),
            "plaintext": plaintext.decode("ascii"),
            "ciphertext": ciphertext.hex(), "tag": tag.hex(),
            "key_name": key_name, "key_version": key_version,
            "envelope": envelope,
            "stored_item": stored,
        })
    return {"format": "messer envelope version 1 known-answer vectors",
            "generator": "messer_vectors.py generate (Python cryptography AESGCM)",
            "vectors": vectors}


def u32_prefixed(text):
    data = text.encode("utf-8")
    return struct.pack(">I", len(data)) + data


def v2_associated_data(tier, folder, bag, item_id, key_name, key_version):
    """docs/format.md: the label, then tier, folder, bag, id, key name and decimal key version,
    each as a 4-byte big-endian length followed by its UTF-8 bytes."""
    return (V2_LABEL + u32_prefixed(tier) + u32_prefixed(folder) + u32_prefixed(bag)
            + u32_prefixed(item_id) + u32_prefixed(key_name) + u32_prefixed(str(key_version)))


def messer_key_version(value):
    """How Messer 2.0.13 reads a stored key_version: 'latest' means 0, else int()."""
    if value == "latest":
        return 0
    return int(value)


def fail(name, why):
    sys.stderr.write("vector %s: %s\n" % (name, why))
    sys.exit(1)


def verify_one(vector):
    name = vector.get("name", "?")
    stored = json.loads(vector["stored_item"])
    if sorted(stored.keys()) != ["encrypted_data", "id", "key_name", "key_version"]:
        fail(name, "stored item has fields %s" % sorted(stored.keys()))
    if stored["id"] != vector["id"]:
        fail(name, "stored id %r is not the vector id %r" % (stored["id"], vector["id"]))
    raw = base64.b64decode(stored["encrypted_data"], validate=True)
    if raw != base64.b64decode(vector["envelope"], validate=True):
        fail(name, "stored encrypted_data differs from the envelope")
    envelope = json.loads(raw.decode("utf-8"))
    iv = base64.b64decode(envelope["iv"], validate=True)
    ciphertext = base64.b64decode(envelope["encrypted_secret"], validate=True)
    tag = base64.b64decode(envelope["tag"], validate=True)
    if len(tag) != TAG_BYTES:
        fail(name, "tag is %d bytes" % len(tag))
    key = bytes.fromhex(vector["key"])
    version = envelope["version"]
    if envelope["key_name"] != stored["key_name"]:
        fail(name, "envelope key_name differs from the stored item's")
    if messer_key_version(envelope["key_version"]) != messer_key_version(stored["key_version"]):
        fail(name, "envelope key_version differs from the stored item's")
    if version == "1":
        if len(iv) != 32:
            fail(name, "version 1 IV is %d bytes, Messer uses 32" % len(iv))
        aad = None
    elif version == "2":
        if len(iv) != 12:
            fail(name, "version 2 nonce is %d bytes, not 12" % len(iv))
        aad = v2_associated_data(vector["tier"], vector["folder"], vector["bag"], stored["id"],
                                 stored["key_name"], messer_key_version(stored["key_version"]))
        if "aad" in vector and bytes.fromhex(vector["aad"]) != aad:
            fail(name, "associated data differs from docs/format.md: %s" % aad.hex())
    else:
        fail(name, "unknown envelope version %r" % version)
    try:
        plaintext = AESGCM(key).decrypt(iv, ciphertext + tag, aad)
    except Exception as e:  # InvalidTag
        fail(name, "does not decrypt: %s" % type(e).__name__)
    item = json.loads(plaintext.decode("utf-8"))
    if item != json.loads(vector["plaintext"]):
        fail(name, "decrypts to a different item")
    if item.get("id") != stored["id"]:
        fail(name, "decrypted id differs from the stored id")
    # Messer's show --decrypt: the stored item without encrypted_data, updated with the item
    shown = dict(stored)
    shown.pop("encrypted_data")
    shown.update(item)
    if "decrypted_view" in vector and json.loads(vector["decrypted_view"]) != shown:
        fail(name, "decrypted view differs from Messer's")
    if version == "2" and aad is not None:
        try:
            AESGCM(key).decrypt(iv, ciphertext + tag, aad + b"x")
            fail(name, "version 2 decrypts with other associated data")
        except Exception as e:
            if isinstance(e, SystemExit):
                raise
    return version


def verify(path):
    with open(path, "rb") as f:
        document = json.load(f)
    counts = {"1": 0, "2": 0}
    for vector in document["vectors"]:
        counts[verify_one(vector)] += 1
    print("verified %d version 1 and %d version 2 vectors" % (counts["1"], counts["2"]))


def main(argv):
    if len(argv) == 2 and argv[1] == "generate":
        json.dump(generate(), sys.stdout, indent=2, sort_keys=False)
        sys.stdout.write("\n")
    elif len(argv) == 3 and argv[1] == "verify":
        verify(argv[2])
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
