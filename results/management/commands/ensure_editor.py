import os
import secrets

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Make sure an editor account exists (EDITOR_USERNAME / EDITOR_PASSWORD, or a generated password)."

    def handle(self, *args, **options):
        username = os.environ.get("EDITOR_USERNAME", "editor")
        password = os.environ.get("EDITOR_PASSWORD")
        user, created = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        user.groups.add(Group.objects.get(name="Editors"))
        if created or password:
            password = password or secrets.token_urlsafe(12)
            user.set_password(password)
            user.is_staff = True
            user.save()
            self.stdout.write(f"Editor account: {username} / {password}")
        else:
            self.stdout.write(f"Editor account: {username} (password unchanged; set EDITOR_PASSWORD to reset it)")
