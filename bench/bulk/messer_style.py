"""Messer's algorithm, for comparison: seed a store with items in Messer 2.0.13's format, or
re-encrypt every item one at a time the way Messer does it (GET the item, GET its key object,
KMS Decrypt, decrypt, encrypt with a fresh IV, PUT): one KMS call per item.

Usage:
  python3 messer_style.py seed ENDPOINT SECRETS_BUCKET KEYS_BUCKET KMS_ALIAS TIER BAGS ITEMS
  python3 messer_style.py re-encrypt ENDPOINT SECRETS_BUCKET KEYS_BUCKET TIER
  python3 messer_style.py read ENDPOINT SECRETS_BUCKET KEYS_BUCKET TIER BAG ITEM

'read' is Messer's 'data bag show ... --decrypt' of one item from a fresh process: imports,
clients, GET the item, GET its key object, KMS Decrypt, decrypt, print (the cold-start baseline).
"""
import base64
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def clients(endpoint):
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name="us-east-1")
    config = Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2})
    return (session.client("s3", endpoint_url=endpoint, config=config),
            session.client("kms", endpoint_url=endpoint, config=config))


def seal(key, item, key_name, key_version):
    """A version-1 envelope as Messer writes it: 32-byte IV, no associated data."""
    iv = os.urandom(32)
    sealed = AESGCM(key).encrypt(iv, json.dumps(item).encode(), None)
    envelope = {"iv": base64.b64encode(iv).decode(), "encrypted_secret": base64.b64encode(sealed[:-16]).decode(),
                "tag": base64.b64encode(sealed[-16:]).decode(), "key_name": key_name,
                "key_version": key_version, "version": "1"}
    return json.dumps({"id": item["id"], "encrypted_data": base64.b64encode(json.dumps(envelope).encode()).decode(),
                       "key_name": key_name, "key_version": key_version}).encode()


def open_item(key, stored):
    envelope = json.loads(base64.b64decode(stored["encrypted_data"]))
    iv = base64.b64decode(envelope["iv"])
    sealed = base64.b64decode(envelope["encrypted_secret"]) + base64.b64decode(envelope["tag"])
    return json.loads(AESGCM(key).decrypt(iv, sealed, None))


def seed(endpoint, secrets_bucket, keys_bucket, alias, tier, bags, items):
    s3, kms = clients(endpoint)
    data_key = kms.generate_data_key(KeyId=alias, KeySpec="AES_256")
    s3.put_object(Bucket=keys_bucket, Key="app/", Body=b"")
    s3.put_object(Bucket=keys_bucket, Key="app/0", Body=data_key["CiphertextBlob"])
    for b in range(bags):
        s3.put_object(Bucket=secrets_bucket, Key=f"{tier}/bag{b}/", Body=b"")

    def put(i):
        item = {"id": f"item{i:05d}", "password": f"secret-{i}", "host": "db.internal.example"}
        s3.put_object(Bucket=secrets_bucket, Key=f"{tier}/bag{i % bags}/{item['id']}",
                      Body=seal(data_key["Plaintext"], item, "app", 0))

    with ThreadPoolExecutor(8) as pool:  # seeding only; the re-encryption below is sequential
        list(pool.map(put, range(items)))


def re_encrypt(endpoint, secrets_bucket, keys_bucket, tier):
    s3, kms = clients(endpoint)
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=secrets_bucket, Prefix=tier + "/"):
        keys += [o["Key"] for o in page.get("Contents", []) if not o["Key"].endswith("/")]
    start = time.monotonic()
    for object_key in keys:
        stored = json.loads(s3.get_object(Bucket=secrets_bucket, Key=object_key)["Body"].read())
        wrapped = s3.get_object(Bucket=keys_bucket, Key=f"{stored['key_name']}/{stored['key_version']}")["Body"].read()
        data_key = kms.decrypt(CiphertextBlob=wrapped)["Plaintext"]
        item = open_item(data_key, stored)
        s3.put_object(Bucket=secrets_bucket, Key=object_key,
                      Body=seal(data_key, item, stored["key_name"], stored["key_version"]))
    elapsed = time.monotonic() - start
    print(json.dumps({"items": len(keys), "seconds": round(elapsed, 3),
                      "items_per_second": round(len(keys) / elapsed, 1)}))


def read(endpoint, secrets_bucket, keys_bucket, tier, bag, item_id):
    s3, kms = clients(endpoint)
    stored = json.loads(s3.get_object(Bucket=secrets_bucket, Key=f"{tier}/{bag}/{item_id}")["Body"].read())
    wrapped = s3.get_object(Bucket=keys_bucket, Key=f"{stored['key_name']}/{stored['key_version']}")["Body"].read()
    data_key = kms.decrypt(CiphertextBlob=wrapped)["Plaintext"]
    print(json.dumps(open_item(data_key, stored)))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "seed":
        seed(args[0], args[1], args[2], args[3], args[4], int(args[5]), int(args[6]))
    elif command == "re-encrypt":
        re_encrypt(*args)
    elif command == "read":
        read(*args)
    else:
        sys.exit(__doc__)
