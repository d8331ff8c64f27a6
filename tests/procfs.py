"""Who listens where, read from /proc (Linux): no tools needed, and nothing a test could fake."""
from __future__ import annotations

import ipaddress
import os
from pathlib import Path

_LISTEN = "0A"


def _listeners(port: int) -> list[tuple[str, str]]:
    """(local address, socket inode) of every TCP socket listening on `port`."""
    found = []
    for table in ("tcp", "tcp6"):
        for row in (line.split() for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]):
            address, hex_port = row[1].rsplit(":", 1)
            if row[3] == _LISTEN and int(hex_port, 16) == port:
                found.append((_address(address), row[9]))
    return found


def _address(hex_address: str) -> str:
    """/proc/net writes addresses as little-endian 32-bit words in hex."""
    raw = bytes.fromhex(hex_address)
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return str(ipaddress.ip_address(words))


def listening_addresses(port: int) -> set[str]:
    """The local addresses sockets listen on at `port`, e.g. {"127.0.0.1"}; 0.0.0.0 means every interface."""
    return {address for address, _ in _listeners(port)}


def holds_listener(pid: int, port: int) -> bool:
    """Whether the process holds a socket listening on the port."""
    held = {os.readlink(fd).removeprefix("socket:[").removesuffix("]") for fd in Path(f"/proc/{pid}/fd").iterdir()}
    return any(inode in held for _, inode in _listeners(port))


def exited(pid: int) -> bool:
    """Whether the process is gone or a zombie; either way it has closed all its sockets."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")
