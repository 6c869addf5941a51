/* luoshi-store-schema.c: the library's tables and their migrations
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "luoshi-store-private.h"

/* Offsets are code points into files.text; *_pos columns avoid the
 * keyword END. Kinds and statuses are the export contract's strings
 * (luoshi-types.c), so the database reads like the JSON export. */
static const char schema_v1[] =
  "CREATE TABLE files ("
  "  id         INTEGER PRIMARY KEY,"
  "  path       TEXT NOT NULL UNIQUE,"
  "  name       TEXT NOT NULL,"
  "  size       INTEGER NOT NULL DEFAULT 0,"
  "  mtime      INTEGER NOT NULL DEFAULT 0,"
  "  hash       TEXT NOT NULL DEFAULT '',"
  "  encoding   TEXT NOT NULL DEFAULT '',"
  "  text       TEXT NOT NULL,"
  "  simplified TEXT NOT NULL,"
  "  imported   INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE reports ("
  "  id          INTEGER PRIMARY KEY,"
  "  file_id     INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  ord         INTEGER NOT NULL,"
  "  start_pos   INTEGER NOT NULL,"
  "  end_pos     INTEGER NOT NULL,"
  "  first_line  INTEGER NOT NULL DEFAULT 0,"
  "  last_line   INTEGER NOT NULL DEFAULT 0,"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  kind        TEXT NOT NULL DEFAULT 'other',"
  "  year        INTEGER NOT NULL DEFAULT 0,"
  "  half        INTEGER NOT NULL DEFAULT 0 CHECK (half BETWEEN 0 AND 2),"
  "  period_confidence REAL NOT NULL DEFAULT 0,"
  "  period_evidence   TEXT,"
  "  org         TEXT,"
  "  user_edited INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (file_id, ord)"
  ");"
  "CREATE TABLE sections ("
  "  id          INTEGER PRIMARY KEY,"
  "  file_id     INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  ord         INTEGER NOT NULL,"
  "  parent_id   INTEGER REFERENCES sections (id) ON DELETE CASCADE,"
  "  depth       INTEGER NOT NULL DEFAULT 0,"
  "  style       INTEGER NOT NULL DEFAULT 0,"
  "  number      INTEGER NOT NULL DEFAULT 0,"
  "  label       TEXT NOT NULL DEFAULT '',"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  start_pos   INTEGER NOT NULL,"
  "  heading_end INTEGER NOT NULL,"
  "  end_pos     INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL DEFAULT 'other'"
  ");"
  "CREATE INDEX sections_file ON sections (file_id, ord);"
  "CREATE TABLE sentences ("
  "  id         INTEGER PRIMARY KEY,"
  "  file_id    INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  section_id INTEGER REFERENCES sections (id) ON DELETE SET NULL,"
  "  start_pos  INTEGER NOT NULL,"
  "  end_pos    INTEGER NOT NULL,"
  "  line       INTEGER NOT NULL DEFAULT 0,"
  "  heading    INTEGER NOT NULL DEFAULT 0,"
  "  text       TEXT NOT NULL,"
  "  simplified TEXT NOT NULL"
  ");"
  "CREATE INDEX sentences_file ON sentences (file_id, start_pos);"
  /* extracted_kind/extracted_text are what the extractor said, so a
   * re-import can match items the user has since edited. */
  "CREATE TABLE items ("
  "  id             INTEGER PRIMARY KEY,"
  "  file_id        INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,"
  "  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  kind           TEXT NOT NULL,"
  "  start_pos      INTEGER NOT NULL,"
  "  end_pos        INTEGER NOT NULL,"
  "  text           TEXT NOT NULL,"
  "  simplified     TEXT NOT NULL,"
  "  section_path   TEXT NOT NULL DEFAULT '',"
  "  metrics        TEXT NOT NULL DEFAULT '[]',"
  "  confidence     REAL NOT NULL DEFAULT 1,"
  "  origin         TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'user')),"
  "  extracted_kind TEXT,"
  "  extracted_text TEXT,"
  "  edited         INTEGER NOT NULL DEFAULT 0,"
  "  key            INTEGER NOT NULL DEFAULT 0,"
  "  note           TEXT,"
  "  tags           TEXT NOT NULL DEFAULT '[]',"
  "  status         TEXT NOT NULL DEFAULT 'unrated',"
  "  status_by_user INTEGER NOT NULL DEFAULT 0,"
  "  status_reason  TEXT,"
  "  deleted        INTEGER NOT NULL DEFAULT 0,"
  "  created        INTEGER NOT NULL DEFAULT 0,"
  "  modified       INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX items_report ON items (report_id, start_pos);"
  "CREATE INDEX items_file ON items (file_id, start_pos);"
  "CREATE TABLE evidence ("
  "  id        INTEGER PRIMARY KEY,"
  "  item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
  "  ord       INTEGER NOT NULL,"
  "  file_id   INTEGER REFERENCES files (id) ON DELETE SET NULL,"
  "  file_name TEXT,"
  "  start_pos INTEGER NOT NULL,"
  "  end_pos   INTEGER NOT NULL,"
  "  score     REAL NOT NULL DEFAULT 0,"
  "  text      TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX evidence_item ON evidence (item_id, ord);"
  "CREATE TABLE chains ("
  "  id               INTEGER PRIMARY KEY,"
  "  plan_report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  review_report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,"
  "  origin           TEXT NOT NULL CHECK (origin IN ('app', 'user')),"
  "  created          INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (plan_report_id, review_report_id)"
  ");"
  /* old_value/new_value have no type so they keep the column's type. */
  "CREATE TABLE history ("
  "  id        INTEGER PRIMARY KEY,"
  "  step      INTEGER NOT NULL,"
  "  action    TEXT NOT NULL,"
  "  tbl       TEXT NOT NULL,"
  "  row_id    INTEGER NOT NULL,"
  "  col       TEXT NOT NULL,"
  "  old_value,"
  "  new_value,"
  "  undone    INTEGER NOT NULL DEFAULT 0,"
  "  time      INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE INDEX history_step ON history (step);"
  /* Full-text search over the simplified text, so either script finds
   * both; external content, kept in sync by triggers. */
  "CREATE VIRTUAL TABLE sentences_fts USING fts5 ("
  "  simplified, content='sentences', content_rowid='id', tokenize='trigram');"
  LUOSHI_STORE_SENTENCES_AI_TRIGGER
  "CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN"
  "  INSERT INTO sentences_fts (sentences_fts, rowid, simplified)"
  "    VALUES ('delete', old.id, old.simplified);"
  "END;"
  "CREATE TRIGGER sentences_au AFTER UPDATE OF simplified ON sentences BEGIN"
  "  INSERT INTO sentences_fts (sentences_fts, rowid, simplified)"
  "    VALUES ('delete', old.id, old.simplified);"
  "  INSERT INTO sentences_fts (rowid, simplified) VALUES (new.id, new.simplified);"
  "END;"
  "CREATE VIRTUAL TABLE items_fts USING fts5 ("
  "  simplified, content='items', content_rowid='id', tokenize='trigram');"
  "CREATE TRIGGER items_ai AFTER INSERT ON items BEGIN"
  "  INSERT INTO items_fts (rowid, simplified) VALUES (new.id, new.simplified);"
  "END;"
  "CREATE TRIGGER items_ad AFTER DELETE ON items BEGIN"
  "  INSERT INTO items_fts (items_fts, rowid, simplified)"
  "    VALUES ('delete', old.id, old.simplified);"
  "END;"
  "CREATE TRIGGER items_au AFTER UPDATE OF simplified ON items BEGIN"
  "  INSERT INTO items_fts (items_fts, rowid, simplified)"
  "    VALUES ('delete', old.id, old.simplified);"
  "  INSERT INTO items_fts (rowid, simplified) VALUES (new.id, new.simplified);"
  "END;";

/* Every foreign key gets an index on its child column: without one,
 * deleting a parent row scans the whole child table (re-importing one
 * file spent 1.7 s deleting its sections; now milliseconds). */
static const char schema_v2[] =
  "CREATE INDEX IF NOT EXISTS sections_report ON sections (report_id);"
  "CREATE INDEX IF NOT EXISTS sections_parent ON sections (parent_id);"
  "CREATE INDEX IF NOT EXISTS sentences_report ON sentences (report_id);"
  "CREATE INDEX IF NOT EXISTS sentences_section ON sentences (section_id);"
  "CREATE INDEX IF NOT EXISTS evidence_file ON evidence (file_id);"
  "CREATE INDEX IF NOT EXISTS chains_review ON chains (review_report_id);";

/* Items repeat the text of sentences, and indexing them too took a
 * quarter of an import; item search scans the (much smaller) items
 * table instead. */
static const char schema_v3[] =
  "DROP TRIGGER IF EXISTS items_ai;"
  "DROP TRIGGER IF EXISTS items_ad;"
  "DROP TRIGGER IF EXISTS items_au;"
  "DROP TABLE IF EXISTS items_fts;";

/* Counting a report's live items read every item row for its deleted
 * flag (0.1 s for 300,000 items); counting all of them from the index
 * and the few deleted ones from this partial index does not. */
static const char schema_v4[] =
  "CREATE INDEX IF NOT EXISTS items_deleted ON items (report_id) WHERE deleted = 1;";

/* Pairing and unpairing reports became undoable: a removed pair is kept
 * with deleted = 1 (and origin 'user', so the app does not propose it
 * again) instead of being deleted, as items are. */
static const char schema_v5[] =
  "ALTER TABLE chains ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;";

int
_luoshi_store_read_user_version (LuoshiStore  *self,
                                 GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self, "PRAGMA user_version", error);
  if (stmt == NULL)
    return -1;
  if (_luoshi_store_step (self, stmt, error) != LUOSHI_STEP_ROW)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED,
                     _("Could not read the version of the library “%s”"),
                     self->path);
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

static gboolean
set_user_version (LuoshiStore  *self,
                  int           version,
                  GError      **error)
{
  /* PRAGMA takes no parameters; the value is our own constant. */
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return _luoshi_store_exec (self, sql, error);
}

gboolean
_luoshi_store_migrate (LuoshiStore  *self,
                       GError      **error)
{
  int version;

  if (!_luoshi_store_begin (self, error))
    return FALSE;

  /* Read again inside the write transaction: another instance may have
   * migrated since we looked. */
  version = _luoshi_store_read_user_version (self, error);
  if (version < 0)
    goto fail;

  if (version > LUOSHI_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NEWER_VERSION,
                   _("The library “%s” was written by a newer version of Luoshi "
                     "(format %d, this version reads up to %d); update Luoshi to open it"),
                   self->path, version, LUOSHI_STORE_SCHEMA_VERSION);
      goto fail;
    }

  if (version == LUOSHI_STORE_SCHEMA_VERSION)
    {
      _luoshi_store_rollback (self);
      return TRUE;
    }

  if (version < 1)
    {
      if (!_luoshi_store_exec (self, schema_v1, error))
        goto fail;
    }

  if (version < 2)
    {
      if (!_luoshi_store_exec (self, schema_v2, error))
        goto fail;
    }

  if (version < 3)
    {
      if (!_luoshi_store_exec (self, schema_v3, error))
        goto fail;
    }

  if (version < 4)
    {
      if (!_luoshi_store_exec (self, schema_v4, error))
        goto fail;
    }

  if (version < 5)
    {
      if (!_luoshi_store_exec (self, schema_v5, error))
        goto fail;
    }

  /* Future steps go here, each gated `if (version < N)`. */

  if (!set_user_version (self, LUOSHI_STORE_SCHEMA_VERSION, error))
    goto fail;

  return _luoshi_store_commit (self, error);

fail:
  _luoshi_store_rollback (self);
  return FALSE;
}
