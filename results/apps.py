from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = "Results"

    def ready(self):
        from results import audit  # noqa: F401  (connects the change log's signals)
