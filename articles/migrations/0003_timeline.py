"""Full-text search for the timeline: a GIN index on the German tsvector of update texts (PostgreSQL only).

The expression matches what ``SearchVector("text", config="german")`` compiles
to, so the planner uses the index for the timeline's search. SQLite has no
such index; the timeline falls back to a substring test there.
"""

from django.db import migrations

INDEX = "articles_update_text_search_de"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON articles_update "
    "USING gin (to_tsvector('german'::regconfig, COALESCE(text, '')))"
)
DROP = f"DROP INDEX IF EXISTS {INDEX}"


def _run(sql: str):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_editors")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP), elidable=False)]
