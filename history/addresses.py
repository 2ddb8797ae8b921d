"""The client's address, read one way for everything that counts per address."""

import ipaddress

from rest_framework.throttling import BaseThrottle


def client_address(request):
    """REMOTE_ADDR, or behind API_NUM_PROXIES proxies the address the nearest one
    saw (from X-Forwarded-For), as the API's rate limit reads it: login lockouts
    then count the visitor, not the proxy. Anything that is not an address (a
    forged header) counts as the connecting address."""
    found = BaseThrottle().get_ident(request)
    try:
        return str(ipaddress.ip_address(found))
    except ValueError:
        return request.META.get("REMOTE_ADDR")
