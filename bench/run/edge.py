"""The edge phase: the article through Varnish, and the same HTML as a static file from nginx.

Varnish runs deploy/varnish/default.vcl with its backend pointed at this run's gunicorn;
nginx serving the saved HTML is the physical limit on this machine. Without varnishd, nginx
serves the article as the warm app server sends it (the same HTML).
"""

from __future__ import annotations

import re

from tests.servers import Server, free_port, serving

from .common import ARTICLE_PATH, HOST, ROOT, Run, log
from .load import wrk

VCL = ROOT / "deploy" / "varnish" / "default.vcl"


def varnish(run: Run, server: Server) -> None:
    if "varnish" in run.results.skipped:
        return
    if not VCL.exists():
        run.results.skipped["varnish"] = "deploy/varnish/default.vcl missing: Varnish not measured"
        return
    # Point the VCL's backend at this run's gunicorn.
    vcl = re.sub(r'(\.host\s*=\s*)"[^"]*"', rf'\1"{HOST}"', VCL.read_text(), count=1)
    vcl = re.sub(r'(\.port\s*=\s*)"[^"]*"', rf'\1"{server.port}"', vcl, count=1)
    (run.tmp / "default.vcl").write_text(vcl)
    port = run.args.varnish_port or free_port()
    command = [
        run.tools["varnishd"],
        "-F",
        "-j",
        "none",
        "-a",
        f"{HOST}:{port}",
        "-f",
        str(run.tmp / "default.vcl"),
        "-n",
        str(run.tmp / "varnish"),
        "-s",
        "malloc,256m",
    ]
    with serving(command, env=run.env, log=run.tmp / "varnish.log", port=port, timeout=60):
        for _ in range(3):
            reply = run.get(port, ARTICLE_PATH)
        if reply.status != 200:
            raise RuntimeError(f"Varnish answered {reply.status}")
        run.results.varnish = wrk(run, port, ARTICLE_PATH)
        run.article_html = reply.body
        log(f"varnish article: {run.results.varnish} (Age {reply.headers.get('Age')})")


def nginx(run: Run, server: Server) -> None:
    if "nginx" in run.results.skipped:
        return
    html = run.article_html
    if html is None:  # Varnish not measured: the same page from the warm app server
        reply = run.get(server.port, ARTICLE_PATH)
        if reply.status != 200:
            raise RuntimeError(f"{ARTICLE_PATH} answered {reply.status}")
        html = reply.body
    root = run.tmp / "nginx"
    (root / "html").mkdir(parents=True, exist_ok=True)
    (root / "html" / "article.html").write_bytes(html)
    port = run.args.nginx_port or free_port()
    (root / "nginx.conf").write_text(
        f"""worker_processes {run.args.workers};
pid {root}/nginx.pid;
error_log {root}/error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    server {{
        listen {HOST}:{port};
        root {root}/html;
        location / {{ default_type text/html; }}
    }}
}}
"""
    )
    command = [
        run.tools["nginx"],
        "-p",
        str(root),
        "-e",
        str(root / "error.log"),
        "-c",
        str(root / "nginx.conf"),
        "-g",
        "daemon off;",
    ]
    with serving(command, env=run.env, log=run.tmp / "nginx.log", port=port, timeout=60):
        reply = run.get(port, "/article.html")
        if reply.status != 200 or reply.body != html:
            raise RuntimeError(f"nginx answered {reply.status} for the saved article")
        run.results.nginx = wrk(run, port, "/article.html")
        log(f"nginx static article: {run.results.nginx}")
