"""gunicorn settings for production (`make serve`); every value can come from the environment.

Sync workers: Django's ORM blocks, and each worker holds one database connection
(reused across requests for DATABASE_CONN_MAX_AGE seconds). The usual
2 × cores + 1 keeps every core busy while some workers wait on PostgreSQL.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# A request running longer than this is killed and its worker replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (a deploy, a scale-in), workers finish the requests in hand for this long.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Behind a load balancer that reuses connections; shorter than its idle timeout.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so slow leaks cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10

# "-" is standard output; an empty value turns the access log off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# The load balancer's address; it sets X-Forwarded-Proto, which Django trusts (settings.py).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

wsgi_app = "newsroom.wsgi:application"
# gunicorn's control socket lives at one path per user: two instances on one host
# (tests, benchmarks, blue/green deploys) would fight over it, and nothing here uses it.
control_socket_disable = True
