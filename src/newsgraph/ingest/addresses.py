"""Which IP addresses a fetch may connect to: public unicast only, IPv4 inside IPv6 included.

Why more than ``ipaddress``'s ``is_global``: an IPv6 address can carry an IPv4 address that
the network delivers to (``::ffff:127.0.0.1``, NAT64 ``64:ff9b::10.0.0.1``, 6to4
``2002:7f00:1::``, IPv4-compatible ``::127.0.0.1``, IPv4-translated ``::ffff:0:127.0.0.1``,
Teredo), and Python 3.11 calls most of those global.  It also calls multicast (``224.0.0.1``,
``ff02::1``) and the deprecated site-local ``fec0::/10`` global.  So an address is public when
it is global, not multicast, not site-local, not local-use NAT64 (``64:ff9b:1::/48``), and
every IPv4 address embedded in it is public by the same rules.
"""

from __future__ import annotations

import ipaddress

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_IPV4_TRANSLATED = ipaddress.IPv6Network("::ffff:0:0:0/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def embedded_ipv4(addr: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses that ``addr`` carries (mapped, compatible, NAT64, 6to4, Teredo)."""
    low32 = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    found: list[ipaddress.IPv4Address] = []
    if addr.ipv4_mapped is not None:
        found.append(addr.ipv4_mapped)
    if addr in _IPV4_TRANSLATED or addr in _IPV4_COMPATIBLE or addr in _NAT64:
        found.append(low32)
    if addr.sixtofour is not None:
        found.append(addr.sixtofour)
    if addr.teredo is not None:
        found.extend(addr.teredo)
    return found


def refusal(addr: IPAddress) -> str | None:
    """Why a fetch must not connect to ``addr``, as "a ... address", or None if it is public."""
    if addr.is_multicast:
        return "a multicast address"
    if not addr.is_global:
        return "a non-public address"
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.is_site_local or addr in _NAT64_LOCAL:
            return "a non-public address"
        for inner in embedded_ipv4(addr):
            if refusal(inner):
                kind = "multicast" if inner.is_multicast else "non-public"
                return f"an address that carries the {kind} IPv4 address {inner}"
    return None


__all__ = ["IPAddress", "embedded_ipv4", "refusal"]
