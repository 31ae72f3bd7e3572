"""Skaters and the other names they raced under."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from results.models.addresses import slug_url
from results.sport.names import fold


class Gender(models.TextChoices):
    WOMEN = "F", _("Women")
    MEN = "M", _("Men")


class SkaterQuerySet(models.QuerySet):
    def search(self, text):
        """Skaters any of whose names contain every word typed, accents and case ignored."""
        skaters = self
        for word in fold(text).split()[:5]:
            skaters = skaters.filter(search_name__contains=word)
        return skaters

    def nationalities(self):
        return list(self.values_list("nationality", flat=True).distinct().order_by("nationality"))


class Skater(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender.choices)
    nationality = models.CharField(_("nationality"), max_length=3, help_text=_("IOC code"))
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    search_name = models.TextField(editable=False, default="", help_text="every name, accents and case folded")

    objects = SkaterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # skater lists by nationality
            models.Index(fields=["nationality", "name"], name="skater_nationality"),
            # the skater list and search, in name order: a common search stops after a page of matches
            models.Index(fields=["name"], name="skater_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.nationality})"

    def save(self, *args, **kwargs):
        names = [self.name]
        if self.pk:
            names += list(self.other_names.values_list("name", flat=True))
        self.search_name = " | ".join(fold(name) for name in names)
        if "update_fields" in kwargs and kwargs["update_fields"] is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_url("results:skater", self.slug)


class SkaterName(models.Model):
    """Another name the same skater raced under; its slug redirects to the profile."""

    skater = models.ForeignKey(Skater, on_delete=models.CASCADE, related_name="other_names")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(max_length=140)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["skater", "name"], name="one_entry_per_other_name"),
        ]
        indexes = [
            # old profile URLs: find the skater behind an earlier slug
            models.Index(fields=["slug"], name="skatername_slug"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify(self.name)  # a merged skater's name keeps the address it had
        super().save(*args, **kwargs)
        self.skater.save()  # its search names include this one
