from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = "Results"

    def ready(self):
        from results import audit, derived  # noqa: F401  (audit connects the change log's signals)

        derived.connect()
