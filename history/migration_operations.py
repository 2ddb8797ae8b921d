"""A migration operation of our own: many AddFields at once.

Each AddField reloads the migration state of its model and of every model related
to it. The content translations added 264 columns to records that are related to
most others, and Django rendered about 8,500 models to apply them: 40 seconds of
every database's set-up, every test run's included. `AddFields` changes the state
the same way, then reloads it once.
"""

from django.db.migrations.operations.base import Operation
from django.db.models import NOT_PROVIDED


class AddFields(Operation):
    """Adds [(model_name, name, field)] to the app's models, as that many AddField
    operations would. Only for columns a database adds in place: nullable, without
    a default, not a relation (a table SQLite must rebuild would lose the others)."""

    reversible = True

    def __init__(self, fields):
        for model_name, name, field in fields:
            if field.is_relation or not field.null or field.default is not NOT_PROVIDED:
                raise ValueError(f"{model_name}.{name}: only nullable plain columns, no default.")
        self.fields = fields

    def deconstruct(self):
        return self.__class__.__qualname__, [self.fields], {}

    def state_forwards(self, app_label, state):
        for model_name, name, field in self.fields:
            state.models[app_label, model_name].fields[name] = field
            if state._relations is not None:
                state.resolve_model_field_relations((app_label, model_name), name, field)
        models = dict.fromkeys((app_label, model_name) for model_name, _, _ in self.fields)
        state.reload_models(list(models), delay=True)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        for model_name, name, _field in self.fields:
            to_model = to_state.apps.get_model(app_label, model_name)
            if self.allow_migrate_model(schema_editor.connection.alias, to_model):
                from_model = from_state.apps.get_model(app_label, model_name)
                schema_editor.add_field(from_model, to_model._meta.get_field(name))

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        for model_name, name, _field in self.fields:
            from_model = from_state.apps.get_model(app_label, model_name)
            if self.allow_migrate_model(schema_editor.connection.alias, from_model):
                schema_editor.remove_field(from_model, from_model._meta.get_field(name))

    def describe(self):
        return f"Add {len(self.fields)} fields"
