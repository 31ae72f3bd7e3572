"""gunicorn's settings for serving the site (make serve, and make load-live measures the same): gunicorn -c
skating/gunicorn.py skating.wsgi. Each can be changed by the environment: WORKERS, THREADS, HOST and PORT."""

import os
import sys

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WORKERS", "2"))
# threads: a race page's followers keep their connections open between polls, and a request mostly waits on the
# cache or the database
worker_class = "gthread"
threads = int(os.environ.get("THREADS", "8"))
keepalive = 5
backlog = 2048
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("ACCESS_LOG", "-") or None


def post_fork(server, worker):
    # A thread back from the cache or the database waits for the one running Python to let go of the interpreter
    # lock, by default up to 5 ms: a cached page answered in 2 ms then takes 7. Asked to let go sooner, it does.
    sys.setswitchinterval(float(os.environ.get("SWITCH_INTERVAL", "0.0005")))
