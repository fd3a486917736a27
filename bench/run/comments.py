"""The comments phase: reader comment POSTs per second through the whole stack.

Challenges are fetched first, their answers read from the database (the benchmark plays a
reader who solved the image) and their proofs of work solved (as the reader's browser does
while they type), the minimum fill time waited out once, then all posts are sent
by --connections concurrent clients. The flood limit stays on: each post comes from its own
loopback source address (127.0.1.x, 127.0.2.x...) and its own email.
"""

from __future__ import annotations

import base64
import concurrent.futures
import json
import time
import urllib.parse

from tests.servers import Server, http_request

from .common import Run, log


def post_comments(run: Run, server: Server) -> None:
    run.setup_django()
    import altcha
    from captcha.models import CaptchaStore
    from django.conf import settings
    from django.db import connection

    from articles.models import ArticlePage

    connection.close()
    article = ArticlePage.objects.get(slug="bench-commented-story")
    total = run.args.posts
    log(f"{total} comment POSTs, {run.args.connections} at a time")
    forms = []
    for n in range(total):
        reply = run.get(server.port, "/comments/challenge/")
        if reply.status != 200:
            raise RuntimeError(f"challenge answered {reply.status}")
        challenge = json.loads(reply.body)
        cookie = "; ".join(f"{name}={value}" for name, value in reply.cookies().items())
        answer = CaptchaStore.objects.get(hashkey=challenge["key"]).response
        pow_reply = run.get(server.port, "/safety/pow/challenge/")
        if pow_reply.status != 200:
            raise RuntimeError(f"proof-of-work challenge answered {pow_reply.status}")
        work = json.loads(pow_reply.body)
        solution = altcha.solve_challenge(
            work["challenge"], work["salt"], work["algorithm"], work["maxNumber"]
        )
        solved = base64.b64encode(json.dumps({**work, "number": solution.number}).encode())
        forms.append(
            (
                f"127.0.{1 + n // 250}.{1 + n % 250}",  # the flood limit is per address
                cookie,
                urllib.parse.urlencode(
                    {
                        "csrfmiddlewaretoken": challenge["csrf_token"],
                        "author_name": f"Bench reader {n}",
                        "author_email": f"reader{n}@bench.example.org",
                        "body": f"Comment {n} from the benchmark: the talks go on, and "
                        f"the reader has something new to say about round {n}.",
                        "website": "",
                        "started": challenge["started"],
                        "token": challenge["token"],
                        "captcha_0": challenge["key"],
                        "captcha_1": answer,
                        "altcha": solved.decode(),
                    }
                ),
            )
        )
    time.sleep(settings.COMMENTS_MIN_FILL_SECONDS + 0.5)  # a reader takes time to write
    post_path = f"/comments/{article.pk}/"

    def post(form) -> bool:
        source, cookie, body = form
        reply = http_request(
            server.url,
            "POST",
            post_path,
            body=body.encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
            source_address=(source, 0),
        )
        return reply.status == 302 and "comment=pending" in reply.headers.get("Location", "")

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(run.args.connections) as pool:
        accepted = sum(pool.map(post, forms))
    elapsed = time.perf_counter() - started
    run.results.posts = (accepted, total)
    run.results.post_rate = accepted / elapsed
    log(f"{accepted}/{total} comments accepted in {elapsed:.2f} s")
