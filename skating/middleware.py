from django.http import HttpResponseBadRequest, JsonResponse

NUL_REFUSED = "The request contains a NUL character, which no field accepts."


class RejectNulBytes:
    """A NUL character in the address or a form is refused with a 400.

    PostgreSQL cannot store or compare text with NUL in it, so such input would
    otherwise fail deep inside a query; no legitimate name, time or search has one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        fields = [request.path, *request.GET.keys(), *(v for vs in request.GET.lists() for v in vs[1])]
        if request.method == "POST" and request.content_type != "multipart/form-data":
            fields += [*request.POST.keys(), *(v for vs in request.POST.lists() for v in vs[1])]
        if any("\x00" in field for field in fields):
            if request.path.startswith("/api/"):  # the API's errors are problem details
                problem = {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": NUL_REFUSED}
                return JsonResponse(problem, status=400, content_type="application/problem+json")
            return HttpResponseBadRequest(NUL_REFUSED)
        return self.get_response(request)
