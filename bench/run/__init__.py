"""The `make bench` runner: the production stack on this machine under load, as Markdown tables.

What it does, in order (every process it starts is stopped at the end, also on Ctrl-C; a
phase that fails is noted and the figures measured so far are printed all the same):

0. ``tools``: PostgreSQL's client programs and Redis must answer, or it stops at once; a
   missing wrk, varnishd or nginx is installed with apt-get (as root), else its rows are
   printed as not measured, with the reason.
1. ``data``: a fresh PostgreSQL database (``newsroom_bench``: dropdb/createdb), migrated,
   static files collected into a temporary directory (production's manifest storage needs
   them). ``generate_bench_data`` (the bench app) with 1,000 articles; SQL queries per
   uncached request are counted in this process (Django test client + CaptureQueriesContext,
   page cache off). Then the data set grows to 10,000 articles, 200,000 approved and 100,000
   pending comments (extra to the approved ones) and the queries are counted again: they
   must not grow.
2. ``pages``: gunicorn with the bench settings (production's plus the floor URL),
   ``WEB_CONCURRENCY=2``, Redis cache, page cache off (cold), then on (warm, every URL
   requested once first). wrk on loopback (``-t2 -c16 -d10s --latency``) gives requests/s,
   p50, p99 for each page and for the framework floor (``/bench/floor/``: a fixed 40 KB
   page through the same middleware, no database).
3. ``comments``: comment POSTs/s through the warm server, the flood limit on.
4. ``moderation``: the Wagtail admin's pending-comment listing with 100,000+ pending
   comments, signed in as a superuser over HTTP: median of 7 requests.
5. Peak RSS (VmHWM) of the gunicorn workers (``load``).
6. ``edge``: an article through Varnish (deploy/varnish/default.vcl) against nginx serving
   the same HTML as a static file: the physical limit on this machine.

``report`` prints the tables; targets are computed from the measured numbers (ratios within
the same run). Servers are started and stopped with tests/servers.py's helpers.
"""
