"""What `make bench` needs from the running site, switched on by BENCH=1 only.

- /bench/minimal/: a trivial template rendered by a plain Django view, the yardstick for every page.
- X-Query-Count: how many SQL queries a response cost.
"""

from django.db import connection
from django.shortcuts import render


def minimal(request):
    return render(request, "bench_minimal.html", {"greeting": "hello"})


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = [0]

        def counting(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        response["X-Query-Count"] = str(count[0])
        return response
