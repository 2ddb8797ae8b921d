import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    ("name", "args", "path"),
    [
        ("diplomacy:home", [], "/"),
        ("history:period-list", [], "/periods/"),
        ("history:period-detail", ["shirvanshahs"], "/periods/shirvanshahs/"),
        ("history:person-list", [], "/people/"),
        ("history:person-detail", ["ilham-aliyev"], "/people/ilham-aliyev/"),
        ("history:quote-list", [], "/quotes/"),
        ("history:source-list", [], "/sources/"),
        ("history:source-detail", ["a-source"], "/sources/a-source/"),
        ("diplomacy:event-list", [], "/events/"),
        ("diplomacy:event-detail", ["an-event"], "/events/an-event/"),
        ("diplomacy:country-list", [], "/countries/"),
        ("diplomacy:country-detail", ["ge"], "/countries/ge/"),
        ("diplomacy:organization-list", [], "/organizations/"),
        ("diplomacy:organization-detail", ["osce"], "/organizations/osce/"),
        ("diplomacy:project-list", [], "/projects/"),
        ("diplomacy:priority-list", [], "/policy/"),
        ("diplomacy:priority-detail", ["a-goal"], "/policy/a-goal/"),
        ("sitemap", [], "/sitemap.xml"),
        ("robots", [], "/robots.txt"),
        ("event-feed", [], "/feeds/events/"),
    ],
)
def test_url_names_give_the_designed_paths(name, args, path):
    assert reverse(name, args=args) == path
