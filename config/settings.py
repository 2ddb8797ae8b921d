"""Settings, read from the environment (see README: Configuration).

Development runs with no configuration at all on SQLite; production sets
DJANGO_DEBUG=false and must then name its secret key and allowed hosts.
"""

import os
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key
from django.utils.translation import gettext_noop

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env (made by scripts/run, never committed) holds development values.
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DJANGO_DEBUG", default=False)

if DEBUG:
    # A development key made once per run and handed to runserver's reloader
    # through the environment; production never gets here.
    os.environ.setdefault("DJANGO_SECRET_KEY", get_random_secret_key())
    SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
    if not SECRET_KEY or not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "With DJANGO_DEBUG=false, set DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS."
        )

# The apps whose records the public reads: their pages can be reported on, their
# models are backed up and exported. `history` is the base; `diplomacy` builds on it.
CONTENT_APPS = ["history", "diplomacy"]

INSTALLED_APPS = [
    # Before the admin, whose ready() imports the admin modules: the content's
    # translation fields (history/translation.py, diplomacy/translation.py) and the
    # versions that keep them must exist by then.
    "modeltranslation",
    "history.sites.SiteAdminConfig",  # django.contrib.admin, under the site's name
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_countries",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "simple_history",
    "import_export",
    *CONTENT_APPS,
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "history.middleware.RefuseNulCharactersMiddleware",
    "csp.middleware.CSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and the API, gzipped for a client that accepts it (README: Compression).
    # Below whitenoise, which answers static files with its own compressed copies;
    # above the ETag and the page cache, which see the plain body (the ETag turns weak).
    "django.middleware.gzip.GZipMiddleware",
    # ETag on every page; a conditional GET that matches answers 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # A page's language is in its address (/az/…, /ru/…, English unprefixed);
    # the API's is asked for with ?lang= or Accept-Language.
    "history.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A 404 at an address a record moved from (its slug changed) answers 301.
    "history.middleware.RedirectMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: signed-in staff are never served from the cache.
    "history.caching.PublicPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change (admin and API) in the content history.
    "simple_history.middleware.HistoryRequestMiddleware",
    "history.middleware.OneVersionPerRequestMiddleware",
    # Last, as django-axes asks: turns a lockout into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "history.context_processors.site",
                "history.context_processors.declared_query",
                "history.context_processors.canonical_url",
                "history.context_processors.languages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

SITE_NAME = gettext_noop("Azerbaijan’s Diplomatic History")  # translated where it is shown

# SQLite by default; PostgreSQL (or any database) when DATABASE_URL says so.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Connections are kept between requests, and checked before reuse, so that a
# restarted database server is reconnected to without restarting the app.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # Writers queue for the lock instead of failing mid-transaction.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No parallel query by default: a page's queries take milliseconds, and
    # starting workers for them cost more than it saved (site search: 16 ms
    # serial, 18 to 44 ms in parallel on 2 cores) and took cores from other
    # requests. Added to what DATABASE_URL's query string sets (sslmode, …).
    # Behind PgBouncer, which refuses `options`, set DATABASE_PARALLEL_WORKERS=""
    # and `ALTER ROLE … SET max_parallel_workers_per_gather = 0` instead.
    parallel_workers = env.str("DATABASE_PARALLEL_WORKERS", default="0")
    if parallel_workers:
        options = DATABASES["default"].setdefault("OPTIONS", {})
        setting = f"-c max_parallel_workers_per_gather={int(parallel_workers)}"
        options["options"] = f"{options.get('options', '')} {setting}".strip()

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Short timeouts: with Redis down, pages are served uncached at once.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        },
        # Each worker's copy of the public answers it served lately, under the
        # same keys (history/caching.py): a large page is not fetched from Redis
        # on every request. The generation is still read from Redis each time.
        "local": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "public-answers",
            "OPTIONS": {"MAX_ENTRIES": env.int("PUBLIC_LOCAL_CACHE_ENTRIES", default=100)},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# How long a public page or API answer may be served from the cache; 0 turns the
# public cache off. Any change of content makes every cached answer unreachable
# at once (history/caching.py).
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=600)

# django-axes checks every login before Django's own backend does.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# The door (see README: The door): 5 wrong passwords for one username from one
# address lock it out for AXES_COOLOFF_HOURS; every attempt is logged.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(hours=env.float("AXES_COOLOFF_HOURS", default=1.0))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Behind the TLS proxy, the visitor's address, not the proxy's (API_NUM_PROXIES).
AXES_CLIENT_IP_CALLABLE = "history.addresses.client_address"

# The admin's address: set DJANGO_ADMIN_URL (e.g. "editors-7f3a/") to move it.
ADMIN_URL = env.str("DJANGO_ADMIN_URL", default="admin/").strip("/") + "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Logs go to standard output, one JSON object a line in production (for the log
# collector), plain text in development. DJANGO_LOG_FORMAT=json|text overrides.
LOG_FORMAT = env.str("DJANGO_LOG_FORMAT", default="text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # Django's own loggers write through the same handler, once.
    "loggers": {"django": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("az", "Azərbaycanca"), ("ru", "Русский")]
TIME_ZONE = "UTC"
USE_I18N = True
# The interface's translations (makemessages writes here; the set-up compiles them).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
# One way to write dates in the admin, as the public pages write them (config/formats).
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
# Where collectstatic writes (and whitenoise serves from) in production.
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "config.storage.StaticFilesStorage"},
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# --- Content translations (django-modeltranslation; README: Languages) -------------
# Each reader-facing text field has a column per language beside it (title_en,
# title_az, title_ru). English is the original: required, and what the plain
# column (title) always holds, so that filters, ordering, natural keys and the
# search index read one language whatever the reader's. A reader of Azerbaijani
# or Russian gets the English text, marked lang="en", until its translation is written.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_REQUIRED_LANGUAGES = ("en",)
# A new record's slug is made from its English title, whatever the admin's language.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Security headers ------------------------------------------------------------

# No inline script or style anywhere: every script and stylesheet is a file of
# this site. The API docs' Swagger UI alone needs inline styles (config/api.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The browser features the site never uses, turned off for it and anything it
# embeds. Each is one Chromium knows: an unknown name is a console warning.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    ]
}

if not DEBUG:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # The load balancer asks over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # HTTPS-only cookies; DJANGO_SECURE_COOKIES=false for plain HTTP on this machine
    # (scripts/run), where a browser would not send them back and no form would post.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=True)

# --- The JSON API -------------------------------------------------------------

REST_FRAMEWORK = {
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "history.rest.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": [
        "drf_orjson_renderer.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
        "history.rest.CSVRenderer",
    ],
    # ?format=xml and Accept: application/xml alike answer 406, naming the formats.
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "history.rest.ContentNegotiation",
    # Editors write with a token ("Authorization: Token …") or their admin session.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Anyone reads; writing takes the model's add or change permission.
    "DEFAULT_PERMISSION_CLASSES": ["history.rest.ReadOrModelPermissions"],
    "DEFAULT_PARSER_CLASSES": ["history.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "history.viewsets.APISchema",
    "EXCEPTION_HANDLER": "history.rest.exception_handler",
    # Anonymous requests per client address, e.g. 120/minute or 5000/day.
    "DEFAULT_THROTTLE_CLASSES": ["history.rest.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env.str("API_ANON_RATE", default="120/minute")},
    "NUM_PROXIES": env.int("API_NUM_PROXIES", default=0 if DEBUG else 1),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Azerbaijan’s Diplomatic History API",
    "DESCRIPTION": "Published content as JSON or CSV: periods, people, sources, quotes, "
    "events, countries, relations, missions, organizations, memberships, projects, "
    "documents, policy and figures, with their citations; search and a full export. "
    "Errors answer "
    '{"errors": [{"field", "message", "code"}], "status"}.',
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice fields of one name in several models (kind) are named by
    # history.viewsets.name_shared_enums() when the apps are ready.
    "ENUM_NAME_OVERRIDES": {"CountryCodeEnum": "django_countries.countries"},
}

# Anyone may read the API from any origin; nothing else is shared.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
