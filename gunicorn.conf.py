"""gunicorn settings for `make serve`, read from the environment (README: Production)."""

import multiprocessing
import os

wsgi_app = "newsroom.wsgi:application"
# 127.0.0.1 by default: the app sits behind Varnish, a CDN or a TLS proxy. HOST=0.0.0.0 to expose.
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow forever, but rarely: a cached page
# takes about a millisecond, so 2,000 requests meant a worker restart every few seconds under
# load, each costing a second of start-up and showing in p99 latency.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
# Load Django once in the master: workers fork ready (fast restarts) and share its memory.
preload_app = True
# Access logs are off unless asked for (GUNICORN_ACCESS_LOG=- for stdout); errors go to stderr.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn's own lines as JSON too, like the site's (LOG_FORMAT, default json in production).
if os.environ.get("LOG_FORMAT", "json") == "json":
    from core.logs import gunicorn_logconfig

    logconfig_dict = gunicorn_logconfig(loglevel, access=bool(accesslog))
# X-Forwarded-* headers are believed only from these proxies (Varnish on the same host).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
