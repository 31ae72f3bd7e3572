"""The admin's saves and deletes through the write path (results/writes/path.py), by the editor who asked: the
admin's own documented hooks (save_model, delete_model, delete_queryset, save_formset) call it, nothing else does."""

from django.contrib import admin

from results.writes import path


class WritePathAdmin(admin.ModelAdmin):
    def save_model(self, request, obj, form, change):
        path.save(obj, by=request.user)

    def delete_model(self, request, obj):
        path.delete(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        path.delete_all(queryset, by=request.user)

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            path.save(obj, by=request.user)
        for obj in formset.deleted_objects:
            path.delete(obj, by=request.user)
        formset.save_m2m()
