# Varnish in front of the Newsroom app servers (`make serve-edge` renders the backend port).
# Anonymous GET/HEAD requests are cached as the app's Cache-Control allows (s-maxage);
# anything carrying a session or messages cookie, any write, and the admin, comment and CAPTCHA
# URLs pass straight through. Search results are cached like any page, for as long as the app's
# s-maxage says (short), and only the searches the app marks public (short, normalised queries;
# others come back `private, no-cache` and are not stored). Wagtail's frontend cache
# (HTTPBackend) sends `PURGE <path>` from the app servers: every cached variant of that path (any host, any query
# string) is banned; `PURGE /*` bans everything (a section renamed: every page's navigation).
# The health probes (/health/) are never cached. Each request carries one X-Request-ID, the
# client's when sane, else Varnish's own transaction id, to the app and back to the client.
vcl 4.1;

import std;

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
        .initial = 3;  # healthy from the start: no 503s before the first probe answers
    }
}

# Who may purge: the app servers. Add their addresses when they run on other hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # One request id from the edge to the app's log lines (core.requestid keeps a sane one).
    if (req.http.X-Request-ID !~ "^[A-Za-z0-9][A-Za-z0-9._:+=/-]{0,127}$") {
        set req.http.X-Request-ID = "varnish-" + req.xid;
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging not allowed"));
        }
        set req.http.X-Purge-Path = regsub(req.url, "\?.*$", "");
        if (req.http.X-Purge-Path == "/*") {
            ban("obj.status != 0");
        } else {
            # Unquoted: in a ban string quotes would be part of the value (paths have no spaces).
            ban("obj.http.X-Path == " + req.http.X-Purge-Path);
        }
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|comments|captcha|documents|health)/") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);  # a signed-in editor (or a waiting message): always fresh, never stored
    }
    # One object per host name, whatever case, port or trailing dot the Host header carries:
    # the app keys its own page cache the same way (pagecache.middleware.cache_host) and builds
    # every absolute URL from the Site, never from this header. A host the app does not allow
    # gets its 400, which is never stored, so it cannot reach another host's object.
    set req.http.host = std.tolower(regsub(regsub(req.http.host, ":[0-9]+$", ""), "\.$", ""));
    # Other cookies (csrftoken, analytics) do not change the page; the language is in the URL.
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    # Serve stale pages for a short while only when the app is healthy; for hours when it is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    return (lookup);
}

sub vcl_backend_response {
    # Remembered for bans: the path without its query string.
    set beresp.http.X-Path = regsub(bereq.url, "\?.*$", "");
    unset beresp.http.X-Request-ID;  # a stored page answers each reader with their own id
    set beresp.grace = 6h;
    if (beresp.http.Set-Cookie) {
        # Never share a response that sets a cookie.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.X-Path;
    set resp.http.X-Request-ID = req.http.X-Request-ID;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
