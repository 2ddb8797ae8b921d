"""How the site writes a moment when a template gives no format: the admin's dates.

As the public pages write a day ("2 December 2026"), with the time in UTC
(TIME_ZONE). history.versions.when() writes moments into change reasons the same way.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i T"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i T"
TIME_FORMAT = "H:i"
