"""Loaded by the moto_server that the tests start (its PYTHONPATH names this folder).

moto checks S3's conditional PutObject headers (If-None-Match, If-Match) and then stores the
object in two separate steps, on a threaded server: two racing conditional writes can both
pass the check. Amazon S3 decides them atomically. Serialising PutObject here restores that
guarantee, so the race tests exercise messer's use of conditional writes rather than the
emulator's threading. Nothing else in moto is changed.
"""
import threading

try:
    from moto.s3.responses import S3Response
except Exception:  # not the moto this was written for: leave it untouched
    S3Response = None

if S3Response is not None and hasattr(S3Response, "put_object"):
    _lock = threading.Lock()
    _put_object = S3Response.put_object

    def put_object(self):
        with _lock:
            return _put_object(self)

    S3Response.put_object = put_object
