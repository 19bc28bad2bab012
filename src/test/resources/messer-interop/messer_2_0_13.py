#!/usr/bin/env python3
"""Reads and writes S3/KMS data exactly as Adobe's Messer 2.0.13 does, for interoperability tests.

  write: creates a data key (KMS GenerateDataKeyWithoutPlaintext, no encryption context, raw
         CiphertextBlob stored as <key_name>/<version>) unless it exists, the bag folder marker,
         and an item encrypted the Messer way (AES-256-GCM, 32-byte IV, no associated data, the
         version "1" envelope, Python's json.dumps formatting).
  read:  shows an item the way 'messer data bag show aws BAG ITEM --decrypt' does and prints it.

Endpoint, region and credentials come from the usual AWS variables plus --endpoint-url.
"""
import argparse
import base64
import json
import os
import sys

import boto3
import botocore.config
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

IV_LENGTH = 32


def clients(args):
    common = dict(endpoint_url=args.endpoint_url, region_name=args.region)
    s3 = boto3.client("s3", config=botocore.config.Config(s3={"addressing_style": "path"}), **common)
    kms = boto3.client("kms", **common)
    return s3, kms


def bag_path(args):
    parts = [p for p in (args.tier, args.folder, args.bag) if p]
    return "/".join(parts)


def exists(s3, bucket, key):
    try:
        s3.head_object(Bucket=bucket, Key=key)
        return True
    except s3.exceptions.ClientError as e:
        if e.response["Error"]["Code"] in ("404", "NoSuchKey", "NotFound"):
            return False
        raise


def load_data_key(s3, kms, keys_bucket, name, version):
    wrapped = s3.get_object(Bucket=keys_bucket, Key="{0}/{1}".format(name, int(version)))["Body"].read()
    return kms.decrypt(CiphertextBlob=wrapped)["Plaintext"]


def write(args):
    s3, kms = clients(args)
    key_object = "{0}/{1}".format(args.key_name, 0)
    if not exists(s3, args.keys_bucket, key_object):
        key_id = kms.describe_key(KeyId="alias/" + args.master_key)["KeyMetadata"]["KeyId"]
        blob = kms.generate_data_key_without_plaintext(KeyId=key_id, KeySpec="AES_256")["CiphertextBlob"]
        s3.put_object(Bucket=args.keys_bucket, Key=args.key_name + "/", Body=b"")
        s3.put_object(Bucket=args.keys_bucket, Key=key_object, Body=blob)
    s3.put_object(Bucket=args.secrets_bucket, Key=bag_path(args) + "/", Body=b"")

    with open(args.item_file) as f:
        item = json.load(f)
    key_version = {"int": 0, "string": "0", "latest": "latest"}[args.key_version_style]
    data_key = load_data_key(s3, kms, args.keys_bucket, args.key_name, 0)

    iv = os.urandom(IV_LENGTH)
    encryptor = Cipher(algorithms.AES(data_key), modes.GCM(iv)).encryptor()
    encrypted_secret = encryptor.update(json.dumps(item).encode("utf-8")) + encryptor.finalize()
    envelope = json.dumps({"iv": base64.b64encode(iv).decode("ascii"),
                           "encrypted_secret": base64.b64encode(encrypted_secret).decode("ascii"),
                           "tag": base64.b64encode(encryptor.tag).decode("ascii"),
                           "key_name": args.key_name,
                           "key_version": key_version,
                           "version": "1"})
    stored = {"id": item["id"],
              "encrypted_data": base64.b64encode(envelope.encode("utf-8")).decode("ascii"),
              "key_name": args.key_name,
              "key_version": key_version}
    s3.put_object(Bucket=args.secrets_bucket, Key="{0}/{1}".format(bag_path(args), item["id"]),
                  Body=json.dumps(stored).encode("utf-8"))


def read(args):
    s3, kms = clients(args)
    key = "{0}/{1}".format(bag_path(args), args.item)
    item = json.loads(s3.get_object(Bucket=args.secrets_bucket, Key=key)["Body"].read())
    if "key_name" not in item or "key_version" not in item:
        raise RuntimeError("Unable to decrypt the secret because no encryption key was specified.")
    if item["key_version"] == "latest":
        item["key_version"] = 0
    data_key = load_data_key(s3, kms, args.keys_bucket, item["key_name"], item["key_version"])
    envelope = json.loads(base64.b64decode(item.pop("encrypted_data")))
    iv = base64.b64decode(envelope["iv"])
    tag = base64.b64decode(envelope["tag"])
    decryptor = Cipher(algorithms.AES(data_key), modes.GCM(iv, tag)).decryptor()
    plaintext = decryptor.update(base64.b64decode(envelope["encrypted_secret"])) + decryptor.finalize()
    item.update(json.loads(plaintext))
    print(json.dumps(item, sort_keys=True))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=["write", "read"])
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--secrets-bucket", required=True)
    parser.add_argument("--keys-bucket", required=True)
    parser.add_argument("--master-key", help="KMS alias without alias/ (write)")
    parser.add_argument("--tier", default="")
    parser.add_argument("--folder", default="")
    parser.add_argument("--bag", required=True)
    parser.add_argument("--item", help="item id (read)")
    parser.add_argument("--item-file", help="plaintext item JSON (write)")
    parser.add_argument("--key-name", default="app")
    parser.add_argument("--key-version-style", choices=["int", "string", "latest"], default="int")
    args = parser.parse_args()
    write(args) if args.command == "write" else read(args)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # one line for the test's assertion message
        print("messer_2_0_13.py: {0}: {1}".format(type(e).__name__, e), file=sys.stderr)
        sys.exit(1)
