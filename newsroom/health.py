"""/healthz for load balancers: 200 while this process can reach its database, 503 otherwise.

Never cached, by anyone: a health answer must be current. It checks the primary
database only; the cache (Redis) is not checked, so a cache outage does not take
every web process out of the load balancer at once.
"""

from django.db import Error, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .routers import PRIMARY


@never_cache
def healthz(request):
    try:
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Error:  # OperationalError, InterfaceError: any failure to answer
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok"})
