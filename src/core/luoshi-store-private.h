/* luoshi-store-private.h: what the store's own modules (schema, history)
 * and its tests may touch
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

struct _LuoshiStore
{
  GObject     parent_instance;

  sqlite3    *db;          /* owned, the only connection */
  char       *path;
  GHashTable *statements;  /* SQL text (owned) → sqlite3_stmt * (owned) */
  gboolean    can_undo;
  gboolean    can_redo;

  /* An import begun with luoshi_store_begin_import(). */
  gboolean    importing;
  guint       import_changed;     /* files new or updated so far */
  gint64      import_changed_id;  /* the last of them */
};

/* Indexes each new sentence for search. An import drops it and indexes
 * its sentences in one statement before committing (see
 * luoshi_store_begin_import), which is a quarter faster than row by row. */
#define LUOSHI_STORE_SENTENCES_AI_TRIGGER \
  "CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN" \
  "  INSERT INTO sentences_fts (rowid, simplified) VALUES (new.id, new.simplified);" \
  "END;"

/* A cached statement in use; g_autoptr(LuoshiStmt) resets it (and clears
 * its bindings) on scope exit so it holds no read lock. Never finalize it:
 * the store owns it. */
typedef sqlite3_stmt LuoshiStmt;

void          _luoshi_stmt_release        (LuoshiStmt   *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiStmt, _luoshi_stmt_release)

/* Result of one sqlite3_step(), keeping a row, the end and an error apart. */
typedef enum {
  LUOSHI_STEP_ERROR,
  LUOSHI_STEP_ROW,
  LUOSHI_STEP_DONE,
} LuoshiStep;

/* Opens with a chosen busy timeout (tests use a short one). */
LuoshiStore  *_luoshi_store_new_full      (const char   *path,
                                           int           busy_timeout_ms,
                                           GError      **error);

/* The cached statement for @sql (prepared on first use), reset and with
 * its bindings cleared. @sql must never contain user text. */
LuoshiStmt   *_luoshi_store_statement     (LuoshiStore  *self,
                                           const char   *sql,
                                           GError      **error);

/* Typed binders; @pos is 1-based for all of them, like sqlite3_bind_*. */
gboolean      _luoshi_store_bind_text     (LuoshiStore  *self,
                                           LuoshiStmt   *stmt,
                                           int           pos,
                                           const char   *value, /* NULL binds NULL */
                                           GError      **error);
gboolean      _luoshi_store_bind_int64    (LuoshiStore  *self,
                                           LuoshiStmt   *stmt,
                                           int           pos,
                                           gint64        value,
                                           GError      **error);
gboolean      _luoshi_store_bind_double   (LuoshiStore  *self,
                                           LuoshiStmt   *stmt,
                                           int           pos,
                                           double        value,
                                           GError      **error);
gboolean      _luoshi_store_bind_null     (LuoshiStore  *self,
                                           LuoshiStmt   *stmt,
                                           int           pos,
                                           GError      **error);

LuoshiStep    _luoshi_store_step          (LuoshiStore  *self,
                                           LuoshiStmt   *stmt,
                                           GError      **error);
/* Steps a statement that returns no rows (an error if it does). */
gboolean      _luoshi_store_step_done     (LuoshiStore  *self,
                                           LuoshiStmt   *stmt,
                                           GError      **error);
/* Runs fixed SQL (no parameters, possibly several statements). */
gboolean      _luoshi_store_exec          (LuoshiStore  *self,
                                           const char   *sql,
                                           GError      **error);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK (the latter never fails loudly). */
gboolean      _luoshi_store_begin         (LuoshiStore  *self,
                                           GError      **error);
gboolean      _luoshi_store_commit        (LuoshiStore  *self,
                                           GError      **error);
void          _luoshi_store_rollback      (LuoshiStore  *self);

/* Sets @error from the connection's last error, mapping SQLite's code to
 * a LuoshiStoreError and keeping SQLite's text; @what says what failed. */
void          _luoshi_store_set_error     (LuoshiStore  *self,
                                           int           rc,
                                           const char   *what,
                                           GError      **error);
LuoshiStoreError _luoshi_store_error_from_sqlite (int rc);

/* Emits LuoshiStore::changed. */
void          _luoshi_store_emit_changed  (LuoshiStore      *self,
                                           LuoshiStoreChange what,
                                           gint64            id);

/* luoshi-store-schema.c: creates or upgrades the schema to
 * LUOSHI_STORE_SCHEMA_VERSION in one transaction that also sets
 * user_version. */
gboolean      _luoshi_store_migrate       (LuoshiStore  *self,
                                           GError      **error);
int           _luoshi_store_read_user_version (LuoshiStore *self,
                                           GError      **error);

/* Evidence rows of an item as JSON ([{"file":…,"file_id":…,"start":…,
 * "end":…,"score":…,"text":…}, …], best first), for the history. */
char         *_luoshi_store_evidence_to_json (GPtrArray *evidence) G_GNUC_WARN_UNUSED_RESULT;
gboolean      _luoshi_store_read_evidence_json  (LuoshiStore  *self,
                                                 gint64        item_id,
                                                 char        **json,
                                                 GError      **error);
/* Replaces the item's evidence rows with those of @json. */
gboolean      _luoshi_store_write_evidence_json (LuoshiStore  *self,
                                                 gint64        item_id,
                                                 const char   *json,
                                                 GError      **error);

G_END_DECLS
