"""Preloaded by the PDF readers' forkserver (results/imports/pdf_reader.py): Django set up once, the PDF libraries
imported once, so that each reader process starts as a cheap fork of it."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skating.settings")
django.setup()

import results.imports.isu_pdf  # noqa: E402,F401
