"""Links between pages of API results."""


def next_url(request, cursor):
    """The request's own URL, same filters, continuing at `cursor`."""
    if cursor is None:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")
