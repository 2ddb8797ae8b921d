from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Hashed, compressed static files whose JavaScript modules import hashed names.

    Without the rewrite, static/js/picker.js would import the unhashed
    vendor/combobox-nav.js, which is not cached for long.
    """

    support_js_module_import_aggregation = True
