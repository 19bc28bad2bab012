"""A TCP proxy on loopback that adds a fixed delay before forwarding each HTTP request, the way a
real S3 or KMS endpoint adds network and service latency, and counts requests and KMS calls.

Usage: python3 delay_proxy.py LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS STATS_FILE
The counts are written to STATS_FILE (JSON) every half second and when the proxy is stopped
(SIGTERM or SIGINT): {"requests": N, "kms_calls": N, "kms": {"TrentService.Decrypt": N, ...}}.
Writing them after every request cost the proxy CPU that a parallel client, which keeps both
cores busy, then lacked; the proxy is meant to add latency only.
"""
import asyncio
import json
import re
import signal
import sys

listen_port, target_host, target_port = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
delay = int(sys.argv[4]) / 1000.0
stats_file = sys.argv[5]
stats = {"requests": 0, "kms_calls": 0, "kms": {}}
REQUEST_LINE = re.compile(rb"^(GET|PUT|POST|HEAD|DELETE) ", re.M)
KMS_TARGET = re.compile(rb"(?i)x-amz-target:\s*(TrentService\.\w+)")


def record(chunk):
    stats["requests"] += 1
    target = KMS_TARGET.search(chunk)
    if target:
        name = target.group(1).decode()
        stats["kms_calls"] += 1
        stats["kms"][name] = stats["kms"].get(name, 0) + 1


def write_stats():
    with open(stats_file, "w") as out:
        json.dump(stats, out)


async def write_stats_often():
    while True:
        await asyncio.sleep(0.5)
        write_stats()


async def client_to_server(reader, writer, state):
    while chunk := await reader.read(65536):
        if state["awaiting_request"] and REQUEST_LINE.match(chunk):
            state["awaiting_request"] = False
            record(chunk)
            if delay:
                await asyncio.sleep(delay)
        writer.write(chunk)
        await writer.drain()
    writer.close()


async def server_to_client(reader, writer, state):
    while chunk := await reader.read(65536):
        state["awaiting_request"] = True
        writer.write(chunk)
        await writer.drain()
    writer.close()


async def handle(client_reader, client_writer):
    try:
        server_reader, server_writer = await asyncio.open_connection(target_host, target_port)
    except OSError:
        client_writer.close()
        return
    state = {"awaiting_request": True}
    await asyncio.gather(client_to_server(client_reader, server_writer, state),
                         server_to_client(server_reader, client_writer, state),
                         return_exceptions=True)


def stop(*_):
    write_stats()
    sys.exit(0)


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", listen_port)
    write_stats()
    asyncio.get_running_loop().create_task(write_stats_often())
    async with server:
        await server.serve_forever()


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)


asyncio.run(main())
