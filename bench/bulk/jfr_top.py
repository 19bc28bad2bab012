"""Where the CPU samples of a Java Flight Recorder recording fall: the hottest methods (the frame
on top of the stack), the share of samples that pass through each area of the bulk path (a sample
counts once per area whatever its depth, so the areas overlap), and the same samples split without
overlap (each to the area of the frame nearest the top of its stack that belongs to one).

Usage: python3 jfr_top.py RECORDING.jfr [TOP]   (needs the JDK's jfr tool on the PATH)
"""
import collections
import json
import subprocess
import sys

AREAS = [
    ("SigV4 signing", ("software.amazon.awssdk.http.auth.aws.internal.signer", "software.amazon.awssdk.auth.signer")),
    ("checksums (CRC, MD5, SHA-256)", ("software.amazon.awssdk.checksums", "software.amazon.awssdk.core.internal.checksums",
                                       "java.util.zip.CRC32", "sun.security.provider.SHA", "sun.security.provider.MD5",
                                       "sun.security.provider.DigestBase", "java.security.MessageDigest")),
    ("endpoint rules", ("software.amazon.awssdk.services.s3.endpoints", "software.amazon.awssdk.services.kms.endpoints")),
    ("XML (S3 answers)", ("software.amazon.awssdk.protocols.xml", "software.amazon.awssdk.protocols.query",
                          "javax.xml", "com.sun.org.apache.xerces")),
    ("HTTP client", ("sun.net.www", "java.net.", "software.amazon.awssdk.http.urlconnection")),
    ("SDK request pipeline", ("software.amazon.awssdk.core.internal.http",)),
    ("other AWS SDK code (client, interceptors, retries)", ("software.amazon.awssdk.",)),
    ("Gson (items as JSON)", ("com.google.gson",)),
    ("AES-GCM", ("com.sun.crypto.provider.GaloisCounterMode", "com.sun.crypto.provider.AES", "javax.crypto")),
    ("base64", ("java.util.Base64",)),
    ("messer's own code", ("dev.messer.",)),
    ("thread pool and queues", ("java.util.concurrent.",)),
]


def frame_name(frame):
    method = frame["method"]
    return (method["type"]["name"] + "." + method["name"]).replace("/", ".")


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                          check=True, capture_output=True, text=True).stdout
    events = json.loads(text)["recording"]["events"]
    self_counts = collections.Counter()
    area_counts = collections.Counter()
    nearest = collections.Counter()
    total = 0
    for event in events:
        frames = (event["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        total += 1
        names = [frame_name(f) for f in frames]
        self_counts[names[0]] += 1
        for area, prefixes in AREAS:
            if any(name.startswith(prefixes) for name in names):
                area_counts[area] += 1
        nearest[next((area for name in names for area, prefixes in AREAS if name.startswith(prefixes)), "other")] += 1
    print(f"JFR execution samples: {total} (Java threads only; the JIT compiler and GC threads are not sampled)")
    print("share of samples passing through each area (overlapping):")
    for area, _ in AREAS:
        print(f"  {area:52s} {area_counts[area] * 100 / max(total, 1):5.1f}%")
    print("the same samples without overlap (the area nearest the top of each stack):")
    for area, count in nearest.most_common():
        print(f"  {area:52s} {count * 100 / max(total, 1):5.1f}%")
    print(f"hottest {top} methods (top of the stack):")
    for name, count in self_counts.most_common(top):
        print(f"  {count * 100 / max(total, 1):5.1f}%  {name}")


if __name__ == "__main__":
    main()
