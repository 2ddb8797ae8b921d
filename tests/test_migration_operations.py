"""history.migration_operations.AddFields: the state and columns of many AddFields,
for the price of one reload."""

import pytest
from django.db import migrations, models
from django.db.migrations.state import ModelState, ProjectState

from history.migration_operations import AddFields


def state():
    project = ProjectState()
    project.add_model(ModelState("shop", "item", [("id", models.AutoField(primary_key=True))]))
    return project


def test_many_fields_leave_the_state_as_their_add_fields_would():
    fields = [
        ("item", "title_az", models.CharField(max_length=30, null=True, blank=True)),
        ("item", "title_ru", models.TextField(null=True)),
    ]
    one_by_one, at_once = state(), state()
    for model_name, name, field in fields:
        migrations.AddField(model_name, name, field).state_forwards("shop", one_by_one)
    AddFields(fields).state_forwards("shop", at_once)

    assert (
        at_once.models["shop", "item"].fields.keys()
        == one_by_one.models["shop", "item"].fields.keys()
    )
    assert AddFields(fields).deconstruct() == ("AddFields", [fields], {})


@pytest.mark.parametrize(
    "field",
    [
        models.CharField(max_length=30),  # not null: SQLite would rebuild the table
        models.CharField(max_length=30, null=True, default="x"),
        models.ForeignKey("shop.item", models.CASCADE, null=True),
    ],
)
def test_only_columns_a_database_adds_in_place_are_taken(field):
    with pytest.raises(ValueError, match="only nullable plain columns"):
        AddFields([("item", "other", field)])
