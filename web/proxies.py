"""Who the client is behind a reverse proxy: ``X-Forwarded-For`` is believed only when the
connection comes from a configured trusted proxy (``EINGANG_WEB_TRUSTED_PROXIES``).

Anyone can send the header, so from any other address it is ignored: otherwise rotating it
would make every request a new client for the login throttle and the chat limits. The list is
read from the right (the hop the proxy itself added) and the first address that is not one of
our proxies is the client. uvicorn's own proxy-header handling is switched off (web.server);
this middleware does the job, also under the test client."""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network


class TrustedProxyMiddleware:
    """Rewrites ``scope["client"]`` (and the scheme) from the forwarding headers of trusted proxies."""

    def __init__(self, app, *, trusted: Iterable[str]) -> None:
        self.app = app
        self.networks: list[IPv4Network | IPv6Network] = [ip_network(item, strict=False) for item in trusted]

    def is_trusted(self, host: str) -> bool:
        try:
            address = ip_address(host)
        except ValueError:
            return False
        return any(address in network for network in self.networks)

    def client_for(self, peer: str, forwarded_for: str) -> str:
        """The client's address: ``peer`` unless it is a trusted proxy that forwarded one."""
        client = peer
        if not self.is_trusted(peer):
            return client
        for hop in reversed([item.strip() for item in forwarded_for.split(",") if item.strip()]):
            try:
                hop = str(ip_address(hop))
            except ValueError:
                break  # garbage (or a port): trust nothing further left of it
            client = hop
            if not self.is_trusted(hop):
                break
        return client

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket") and self.networks and scope.get("client"):
            peer, port = scope["client"]
            if self.is_trusted(peer):
                headers = {}
                for name, value in scope.get("headers", []):
                    key = name.lower()
                    text = value.decode("latin-1")
                    headers[key] = f"{headers[key]},{text}" if key in headers else text
                client = self.client_for(peer, headers.get(b"x-forwarded-for", ""))
                scope = dict(scope, client=(client, port if client == peer else 0))
                proto = headers.get(b"x-forwarded-proto", "").split(",")[-1].strip().lower()
                if proto in ("http", "https"):
                    secure = proto == "https"
                    if scope["type"] == "websocket":
                        scope["scheme"] = "wss" if secure else "ws"
                    else:
                        scope["scheme"] = proto
        await self.app(scope, receive, send)
