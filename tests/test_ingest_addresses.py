"""The fetcher's address guard: IPv4 addresses hidden inside IPv6 ones, and multicast.

Each address is given as a URL host, so it goes through the real path: the URL is parsed, the
literal resolved by ``getaddrinfo`` and checked before anything is sent (no test contacts any
address: a refused fetch never connects, and the public ones are only checked, not fetched).
"""

from __future__ import annotations

import ipaddress

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.http import Fetcher, check_address

REFUSED = [
    ("64:ff9b::7f00:1", "NAT64 of 127.0.0.1"),
    ("64:ff9b::a00:1", "NAT64 of 10.0.0.1"),
    ("64:ff9b::a9fe:a9fe", "NAT64 of the cloud metadata address 169.254.169.254"),
    ("64:ff9b:1::a00:1", "local-use NAT64 prefix"),
    ("::127.0.0.1", "IPv4-compatible loopback"),
    ("::10.0.0.1", "IPv4-compatible private"),
    ("::ffff:0:7f00:1", "IPv4-translated ::ffff:0:a.b.c.d loopback"),
    ("::ffff:0:c0a8:1", "IPv4-translated 192.168.0.1"),
    ("2002:7f00:1::", "6to4 of 127.0.0.1"),
    ("2002:a00:1::1", "6to4 of 10.0.0.1"),
    ("2002:c0a8:101::1", "6to4 of 192.168.1.1"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "Teredo whose client is 127.0.0.1"),
    ("224.0.0.1", "IPv4 multicast, all hosts"),
    ("239.255.255.250", "IPv4 multicast, SSDP"),
    ("ff02::1", "IPv6 link-local multicast"),
    ("ff0e::1", "IPv6 global-scope multicast"),
    ("64:ff9b::e000:1", "NAT64 of multicast 224.0.0.1"),
    ("fec0::1", "deprecated site-local"),
    ("::ffff:127.0.0.1", "IPv4-mapped loopback"),
    ("127.0.0.1", "loopback"),
    ("::1", "IPv6 loopback"),
    ("169.254.169.254", "link-local"),
]
PUBLIC = ["8.8.8.8", "2606:4700:4700::1111", "64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"]


@pytest.mark.parametrize(("address", "why"), REFUSED, ids=[a for a, _ in REFUSED])
def test_hidden_private_and_multicast_addresses_are_refused(address: str, why: str) -> None:
    with pytest.raises(InputError, match="refused") as info:
        check_address(address, 80, allow_private=False)
    assert "--allow-private" in str(info.value), why
    url = f"http://[{address}]/news.html" if ":" in address else f"http://{address}/news.html"
    with Fetcher() as fetcher, pytest.raises(InputError, match="refused"):
        fetcher.get(url)


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass_the_check(address: str) -> None:
    checked = ipaddress.ip_address(check_address(address, 80, allow_private=False))
    assert checked == ipaddress.ip_address(address) or str(checked) == address.removeprefix("::ffff:")


def test_the_reason_names_the_embedded_address() -> None:
    with pytest.raises(InputError, match=r"carries the non-public IPv4 address 10\.0\.0\.1"):
        check_address("64:ff9b::a00:1", 80, allow_private=False)
    with pytest.raises(InputError, match="multicast"):
        check_address("ff02::1", 80, allow_private=False)


def test_embedded_ipv4_forms() -> None:
    from newsgraph.ingest.addresses import embedded_ipv4

    def inner(text: str) -> list[str]:
        return [str(a) for a in embedded_ipv4(ipaddress.IPv6Address(text))]

    assert inner("::ffff:10.1.2.3") == ["10.1.2.3"]
    assert inner("::ffff:0:10.1.2.3") == ["10.1.2.3"]
    assert inner("::10.1.2.3") == ["10.1.2.3"]
    assert inner("64:ff9b::10.1.2.3") == ["10.1.2.3"]
    assert inner("2002:a01:203::5") == ["10.1.2.3"]
    assert inner("2606:4700:4700::1111") == []


def test_allow_private_still_connects_anywhere() -> None:
    assert check_address("64:ff9b::7f00:1", 80, allow_private=True) == "64:ff9b::7f00:1"
