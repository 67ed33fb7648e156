"""The server's only way out to the network: ``POST /api/fetch`` through an SSRF guard.

Every hop (the first request and each redirect, followed here by hand) is checked before a
byte is sent: the scheme must be http or https, the host is resolved, and every address
it resolves to must be public (not loopback, private, link-local, multicast, reserved,
unspecified or shared, in IPv4 or IPv6, whatever the spelling: ``127.1``, ``2130706433``,
``0x7f000001``, ``[::ffff:127.0.0.1]`` all resolve to loopback). The request then goes to
the address that was checked, not to a second lookup, so DNS cannot be switched between
check and use. Credentials in a URL are dropped. Upstream failures of every kind
(refused, timed out, TLS, HTTP error status) give one generic error, so the endpoint
cannot be used to scan ports.
"""
from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from autodossier.errors import AutodossierError
from autodossier.urls import strip_credentials

# Fetched pages and feeds above this are refused (413): no news page is near it.
MAX_FETCH_BYTES = 5 * 1024 * 1024
# Seconds to wait for each connect and read before giving up (the same generic error).
FETCH_TIMEOUT_S = 15.0
# Redirects followed at most: real sites use one or two (http -> https, old -> new path).
MAX_REDIRECTS = 5
# Longest URL accepted: browsers and servers stop near this; longer means abuse.
MAX_URL_LENGTH = 2000
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (NAT64, RFC 6052 / 8215).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
# The one message for any upstream failure: which one it was would tell a port scanner.
UPSTREAM_FAILED = "could not fetch the URL: the remote server did not give a usable answer"

Resolver = Callable[[str, int], list[str]]


class FetchRefused(AutodossierError):
    """A URL the server will not fetch (scheme, or an address that is not public)."""

    http_status = 400


class FetchFailed(AutodossierError):
    """The remote side failed (connection, timeout, TLS, error status): a gateway error."""

    http_status = 502


class FetchTooLarge(AutodossierError):
    """The remote answer is larger than the fetch limit."""

    http_status = 413


@dataclass(frozen=True)
class Fetched:
    """What a fetch gave: the URL asked for (without credentials) and the body."""

    url: str
    data: bytes


def is_public_address(address: str) -> bool:
    """Whether an IP address is one the server may connect to on a user's behalf."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if ip.version == 6:
        embedded = [ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None]
        if any(net for net in _NAT64 if ip in net):
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        if any(e is not None and not is_public_address(str(e)) for e in embedded):
            return False
    return ip.is_global and not (ip.is_loopback or ip.is_private or ip.is_link_local or ip.is_multicast
                                 or ip.is_reserved or ip.is_unspecified)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (the system's resolver, so every spelling it reads)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


class OutboundClient:
    """Fetches one URL for the API, through the guard described in the module docstring.

    ``exempt`` lists ``(address, port)`` pairs allowed although not public: tests use it to
    reach a server they started on loopback; a real server has none (the default).
    ``resolver`` maps a host and port to addresses (default: the system's resolver).
    """

    def __init__(self, *, exempt: Iterable[tuple[str, int]] = (), resolver: Resolver | None = None,
                 timeout_s: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_FETCH_BYTES,
                 max_redirects: int = MAX_REDIRECTS) -> None:
        self.exempt = frozenset(exempt)
        self.resolver = resolver or system_resolver
        self.timeout_s = timeout_s
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects

    def fetch(self, url: str) -> Fetched:
        """The body at ``url`` (redirects followed and each checked); raises a Fetch* error."""
        asked = strip_credentials(url)
        current = asked
        with httpx.Client(timeout=self.timeout_s, follow_redirects=False, trust_env=False) as client:
            for _ in range(self.max_redirects + 1):
                request = self._request(client, current)
                try:
                    response = client.send(request, stream=True)
                except httpx.HTTPError:
                    raise FetchFailed(UPSTREAM_FAILED) from None
                try:
                    if response.status_code in _REDIRECTS and response.headers.get("location"):
                        current = strip_credentials(urljoin(current, response.headers["location"]))
                        continue
                    if response.status_code >= 300:
                        raise FetchFailed(UPSTREAM_FAILED)
                    return Fetched(asked, self._read(response))
                finally:
                    response.close()
        raise FetchFailed(UPSTREAM_FAILED)

    def _request(self, client: httpx.Client, url: str) -> httpx.Request:
        """A request to the checked address of ``url``'s host (refuses what the guard refuses)."""
        if len(url) > MAX_URL_LENGTH:
            raise FetchRefused(f"URL longer than {MAX_URL_LENGTH} characters")
        try:
            parts = urlsplit(url)
            scheme, host = parts.scheme.lower(), parts.hostname
            port = parts.port or _DEFAULT_PORTS.get(scheme)
        except ValueError:
            raise FetchRefused("not a valid URL") from None
        if scheme not in _DEFAULT_PORTS:
            raise FetchRefused("only http and https URLs can be fetched")
        if not host:
            raise FetchRefused("the URL names no host")
        try:
            # "localhost." is "localhost": a fully qualified name resolves as the bare one.
            addresses = self.resolver(host.rstrip(".") or host, port)
        except (OSError, UnicodeError, ValueError):
            raise FetchFailed(UPSTREAM_FAILED) from None
        if not addresses:
            raise FetchFailed(UPSTREAM_FAILED)
        for address in addresses:
            if (address, port) not in self.exempt and not is_public_address(address):
                raise FetchRefused(f"refused to fetch {host}: it is not a public internet address")
        address = addresses[0]
        target = f"[{address}]" if ":" in address else address
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        host_header = parts.netloc.rsplit("@", 1)[-1]
        try:
            # Connect to the address that was checked; Host and TLS name stay the URL's.
            return client.build_request(
                "GET", f"{scheme}://{target}:{port}{path}", headers={"Host": host_header},
                extensions={"sni_hostname": host} if scheme == "https" else {})
        except (httpx.InvalidURL, ValueError, UnicodeError):
            raise FetchRefused("not a valid URL") from None

    def _read(self, response: httpx.Response) -> bytes:
        """The body, refused with 413 once it passes the limit (declared or counted)."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchTooLarge(f"the page is larger than the limit of {self.max_bytes} bytes")
        data = bytearray()
        try:
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > self.max_bytes:
                    raise FetchTooLarge(f"the page is larger than the limit of {self.max_bytes} bytes")
        except httpx.HTTPError:
            raise FetchFailed(UPSTREAM_FAILED) from None
        return bytes(data)
