/* luoshi-store.c: the library database (files, reports, items, history)
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
/* PRId64, not G_GINT64_FORMAT, in translatable strings: xgettext knows
 * the <inttypes.h> macros, so the msgid stays whole. */
#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "luoshi-store-private.h"
#include "luoshi-history.h"
#include "luoshi-json.h"
#include "luoshi-metric.h"
#include "luoshi-script.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000

enum {
  PROP_0,
  PROP_PATH,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LuoshiStore, luoshi_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (luoshi-store-error-quark, luoshi_store_error)

/* ------------------------------------------------------------------------ */
/* Errors                                                                    */

LuoshiStoreError
_luoshi_store_error_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return LUOSHI_STORE_ERROR_LOCKED;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return LUOSHI_STORE_ERROR_CORRUPT;
    case SQLITE_FULL:
      return LUOSHI_STORE_ERROR_FULL;
    case SQLITE_IOERR:
    case SQLITE_READONLY:
      return LUOSHI_STORE_ERROR_IO;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return LUOSHI_STORE_ERROR_OPEN;
    case SQLITE_CONSTRAINT:
      return LUOSHI_STORE_ERROR_CONSTRAINT;
    default:
      return LUOSHI_STORE_ERROR_FAILED;
    }
}

static void
set_error_text (LuoshiStore  *self,
                int           rc,
                const char   *what,
                const char   *sqlite_text,
                GError      **error)
{
  LuoshiStoreError code = _luoshi_store_error_from_sqlite (rc);
  const char *path = self->path ? self->path : ":memory:";

  if (sqlite_text == NULL)
    sqlite_text = sqlite3_errstr (rc);

  switch (code)
    {
    case LUOSHI_STORE_ERROR_LOCKED:
      g_set_error (error, LUOSHI_STORE_ERROR, code,
                   _("The library “%s” is in use by another program (%s)"),
                   path, sqlite_text);
      break;
    case LUOSHI_STORE_ERROR_CORRUPT:
      g_set_error (error, LUOSHI_STORE_ERROR, code,
                   _("The library “%s” is damaged or is not a Luoshi library (%s)"),
                   path, sqlite_text);
      break;
    case LUOSHI_STORE_ERROR_FULL:
      g_set_error (error, LUOSHI_STORE_ERROR, code,
                   _("The disk holding the library “%s” is full (%s)"),
                   path, sqlite_text);
      break;
    case LUOSHI_STORE_ERROR_IO:
      g_set_error (error, LUOSHI_STORE_ERROR, code,
                   _("Could not read or write the library “%s” (%s)"),
                   path, sqlite_text);
      break;
    case LUOSHI_STORE_ERROR_OPEN:
      g_set_error (error, LUOSHI_STORE_ERROR, code,
                   _("Could not open the library “%s” (%s)"),
                   path, sqlite_text);
      break;
    case LUOSHI_STORE_ERROR_CONSTRAINT:
      g_set_error (error, LUOSHI_STORE_ERROR, code,
                   _("The change does not fit the library’s rules (%s)"),
                   sqlite_text);
      break;
    case LUOSHI_STORE_ERROR_NEWER_VERSION:
    case LUOSHI_STORE_ERROR_NOT_FOUND:
    case LUOSHI_STORE_ERROR_FAILED:
    default:
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED,
                   _("The library “%s” reported an error (%s)"),
                   path, sqlite_text);
      break;
    }

  if (what != NULL && error != NULL && *error != NULL)
    g_prefix_error (error, "%s: ", what);
}

void
_luoshi_store_set_error (LuoshiStore  *self,
                         int           rc,
                         const char   *what,
                         GError      **error)
{
  set_error_text (self, rc, what,
                  self->db != NULL ? sqlite3_errmsg (self->db) : NULL,
                  error);
}

static gboolean
not_found (GError     **error,
           const char  *what,
           gint64       id)
{
  /* @what is a translated noun phrase such as "item". */
  g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND,
               _("The %s %" PRId64 " does not exist (it may have been deleted)"),
               what, id);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Statements                                                                */

void
_luoshi_stmt_release (LuoshiStmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

LuoshiStmt *
_luoshi_store_statement (LuoshiStore  *self,
                         const char   *sql,
                         GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _luoshi_store_set_error (self, rc, NULL, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
check_bind (LuoshiStore  *self,
            int           rc,
            GError      **error)
{
  if (rc == SQLITE_OK)
    return TRUE;
  _luoshi_store_set_error (self, rc, NULL, error);
  return FALSE;
}

gboolean
_luoshi_store_bind_text (LuoshiStore  *self,
                         LuoshiStmt   *stmt,
                         int           pos,
                         const char   *value,
                         GError      **error)
{
  if (value == NULL)
    return _luoshi_store_bind_null (self, stmt, pos, error);
  return check_bind (self, sqlite3_bind_text (stmt, pos, value, -1, SQLITE_TRANSIENT), error);
}

gboolean
_luoshi_store_bind_int64 (LuoshiStore  *self,
                          LuoshiStmt   *stmt,
                          int           pos,
                          gint64        value,
                          GError      **error)
{
  return check_bind (self, sqlite3_bind_int64 (stmt, pos, value), error);
}

gboolean
_luoshi_store_bind_double (LuoshiStore  *self,
                           LuoshiStmt   *stmt,
                           int           pos,
                           double        value,
                           GError      **error)
{
  return check_bind (self, sqlite3_bind_double (stmt, pos, value), error);
}

gboolean
_luoshi_store_bind_null (LuoshiStore  *self,
                         LuoshiStmt   *stmt,
                         int           pos,
                         GError      **error)
{
  return check_bind (self, sqlite3_bind_null (stmt, pos), error);
}

LuoshiStep
_luoshi_store_step (LuoshiStore  *self,
                    LuoshiStmt   *stmt,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return LUOSHI_STEP_ROW;
  if (rc == SQLITE_DONE)
    return LUOSHI_STEP_DONE;
  _luoshi_store_set_error (self, rc, NULL, error);
  return LUOSHI_STEP_ERROR;
}

gboolean
_luoshi_store_step_done (LuoshiStore  *self,
                         LuoshiStmt   *stmt,
                         GError      **error)
{
  switch (_luoshi_store_step (self, stmt, error))
    {
    case LUOSHI_STEP_DONE:
      return TRUE;
    case LUOSHI_STEP_ROW:
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED,
                   "Statement unexpectedly returned a row: %s", sqlite3_sql (stmt));
      return FALSE;
    case LUOSHI_STEP_ERROR:
    default:
      return FALSE;
    }
}

gboolean
_luoshi_store_exec (LuoshiStore  *self,
                    const char   *sql,
                    GError      **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  if (rc != SQLITE_OK)
    {
      set_error_text (self, rc, NULL, errmsg, error);
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

gboolean
_luoshi_store_begin (LuoshiStore  *self,
                     GError      **error)
{
  /* IMMEDIATE takes the write lock now, so a busy database fails here
   * (after busy_timeout) rather than halfway through. */
  return _luoshi_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
_luoshi_store_commit (LuoshiStore  *self,
                      GError      **error)
{
  if (!_luoshi_store_exec (self, "COMMIT", error))
    {
      _luoshi_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
_luoshi_store_rollback (LuoshiStore *self)
{
  /* SQLite may already have rolled back (disk full, I/O error). */
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

void
_luoshi_store_emit_changed (LuoshiStore      *self,
                            LuoshiStoreChange what,
                            gint64            id)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, (guint) what, id);
}

static const char *
column_text (LuoshiStmt *stmt,
             int         col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static char *
column_dup (LuoshiStmt *stmt,
            int         col)
{
  return g_strdup (column_text (stmt, col));
}

/* ------------------------------------------------------------------------ */
/* Undo state                                                                */

static void
update_undo_state (LuoshiStore *self)
{
  g_autoptr(GError) error = NULL;
  gboolean can_undo, can_redo;

  can_undo = luoshi_history_peek (self, FALSE, NULL, &error) != 0;
  if (error != NULL)
    g_debug ("Could not read the undo history: %s", error->message);
  g_clear_error (&error);
  can_redo = luoshi_history_peek (self, TRUE, NULL, &error) != 0;
  if (error != NULL)
    g_debug ("Could not read the redo history: %s", error->message);

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

void
luoshi_store_notify_changed (LuoshiStore       *self,
                             LuoshiStoreChange  what,
                             gint64             id)
{
  g_return_if_fail (LUOSHI_IS_STORE (self));
  _luoshi_store_emit_changed (self, what, id);
  /* The other connection may have dropped history too (a re-import, new
   * proposals of pairs). */
  update_undo_state (self);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                   */

static void
luoshi_store_finalize (GObject *object)
{
  LuoshiStore *self = LUOSHI_STORE (object);

  /* Statements must go before the connection. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (luoshi_store_parent_class)->finalize (object);
}

static void
luoshi_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  LuoshiStore *self = LUOSHI_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  LuoshiStore *self = LUOSHI_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_store_class_init (LuoshiStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = luoshi_store_finalize;
  object_class->get_property = luoshi_store_get_property;
  object_class->set_property = luoshi_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LuoshiStore::changed:
   * @what: a #LuoshiStoreChange
   * @id: the id of the file, report, item or chain, or 0
   *
   * Emitted after a change is committed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

static void
luoshi_store_init (LuoshiStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                   */

char *
luoshi_store_default_path (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "luoshi", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for the library: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }
  return g_build_filename (dir, "library.db", NULL);
}

static char *
query_text (LuoshiStore  *self,
            const char   *sql,
            GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;
  int rc;

  /* One-off pragmas are not worth caching. */
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _luoshi_store_set_error (self, rc, NULL, error);
      return NULL;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    result = g_strdup ("");
  else
    _luoshi_store_set_error (self, rc, NULL, error);
  sqlite3_finalize (stmt);
  return result;
}

static gboolean
store_open (LuoshiStore  *self,
            int           busy_timeout_ms,
            GError      **error)
{
  g_autofree char *journal = NULL;
  g_autofree char *foreign_keys = NULL;
  gboolean in_memory;
  int version;
  int rc;

  in_memory = g_strcmp0 (self->path, ":memory:") == 0;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      _luoshi_store_set_error (self, rc, NULL, error);
      if (error != NULL && *error != NULL)
        (*error)->code = LUOSHI_STORE_ERROR_OPEN;
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, busy_timeout_ms);

  /* Read before writing anything: a damaged file, a locked one or one
   * from a newer Luoshi fails here and stays untouched. */
  version = _luoshi_store_read_user_version (self, error);
  if (version < 0)
    return FALSE;
  if (version > LUOSHI_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NEWER_VERSION,
                   _("The library “%s” was written by a newer version of Luoshi "
                     "(format %d, this version reads up to %d); update Luoshi to open it"),
                   self->path, version, LUOSHI_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Version 0 with tables is some other program's database: adding ours
   * to it would be rude, and the user most likely picked the wrong file. */
  if (version == 0)
    {
      g_autofree char *n_tables = query_text (self, "SELECT count(*) FROM sqlite_master", error);

      if (n_tables == NULL)
        return FALSE;
      if (g_strcmp0 (n_tables, "0") != 0)
        {
          g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CORRUPT,
                       _("“%s” is a database of another program, not a Luoshi library"),
                       self->path);
          return FALSE;
        }
    }

  journal = query_text (self, "PRAGMA journal_mode = WAL", error);
  if (journal == NULL)
    return FALSE;
  /* "" is a private temporary database, whose journal SQLite picks. */
  if (self->path[0] != '\0'
      && g_ascii_strcasecmp (journal, in_memory ? "memory" : "wal") != 0)
    g_warning ("The library “%s” could not use write-ahead logging (journal mode %s)",
               self->path, journal);

  if (!_luoshi_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return FALSE;
  foreign_keys = query_text (self, "PRAGMA foreign_keys", error);
  if (foreign_keys == NULL)
    return FALSE;
  if (g_strcmp0 (foreign_keys, "1") != 0)
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED,
                   _("The library “%s” could not enable foreign keys"), self->path);
      return FALSE;
    }

  if (!_luoshi_store_migrate (self, error))
    return FALSE;

  /* Per-connection staging for imports (see flush_staging()). */
  if (!_luoshi_store_exec (self,
        "CREATE TEMP TABLE IF NOT EXISTS stage_sentences (file_id, report_id, section_id,"
        " start_pos, end_pos, line, heading, text, simplified);"
        "CREATE TEMP TABLE IF NOT EXISTS stage_items (id INTEGER PRIMARY KEY, file_id,"
        " report_id, kind, start_pos, end_pos, text, simplified, section_path, metrics,"
        " confidence, key, note, tags, status, status_by_user, status_reason, created);",
        error))
    return FALSE;

  update_undo_state (self);
  return TRUE;
}

LuoshiStore *
_luoshi_store_new_full (const char  *path,
                        int          busy_timeout_ms,
                        GError     **error)
{
  g_autoptr(LuoshiStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LUOSHI_TYPE_STORE, "path", path, NULL);
  if (!store_open (self, busy_timeout_ms, error))
    return NULL;
  return g_steal_pointer (&self);
}

LuoshiStore *
luoshi_store_new (const char  *path,
                  GError     **error)
{
  return _luoshi_store_new_full (path, DEFAULT_BUSY_TIMEOUT_MS, error);
}

const char *
luoshi_store_get_path (LuoshiStore *self)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);
  return self->path;
}

int
luoshi_store_get_schema_version (LuoshiStore *self)
{
  g_autoptr(GError) error = NULL;
  int version;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), -1);

  version = _luoshi_store_read_user_version (self, &error);
  if (error != NULL)
    g_debug ("%s", error->message);
  return version;
}

/* ------------------------------------------------------------------------ */
/* JSON columns                                                              */

static const char *commitments[] = { "plain", "stretch", "guaranteed" };
static const char *directions[] = { "level", "increase", "decrease" };
static const char *qualifiers[] = { "exact", "at_least", "at_most", "about", "range" };

static int
string_index (const char * const *strv,
              guint               n,
              const char         *str,
              int                 fallback)
{
  if (str != NULL)
    for (guint i = 0; i < n; i++)
      if (strcmp (strv[i], str) == 0)
        return (int) i;
  return fallback;
}

static const char *
enum_string (const char * const *strv,
             guint               n,
             guint               value)
{
  return value < n ? strv[value] : strv[0];
}

static char *
metrics_to_json (GPtrArray *metrics)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; metrics != NULL && i < metrics->len; i++)
    {
      const LuoshiMetric *m = g_ptr_array_index (metrics, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      luoshi_json_append_member (out, "text", m->text ? m->text : "");
      g_string_append_c (out, ',');
      luoshi_json_append_uint (out, "start", m->start);
      g_string_append_c (out, ',');
      luoshi_json_append_uint (out, "end", m->end);
      g_string_append_c (out, ',');
      luoshi_json_append_bool (out, "known", m->known);
      g_string_append_c (out, ',');
      luoshi_json_append_double (out, "value", m->value);
      g_string_append_c (out, ',');
      luoshi_json_append_double (out, "value_max", m->value_max);
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "unit", m->unit ? m->unit : "");
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "qualifier",
                                 enum_string (qualifiers, G_N_ELEMENTS (qualifiers), m->qualifier));
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "commitment",
                                 enum_string (commitments, G_N_ELEMENTS (commitments), m->commitment));
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "direction",
                                 enum_string (directions, G_N_ELEMENTS (directions), m->direction));
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "subject", m->subject ? m->subject : "");
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

static void
set_metric_member (guint       index,
                   const char *key,
                   const char *value,
                   gpointer    user_data)
{
  GPtrArray *metrics = user_data;
  LuoshiMetric *m;

  if (key == NULL)
    {
      g_ptr_array_add (metrics, luoshi_metric_new ());
      return;
    }
  m = g_ptr_array_index (metrics, metrics->len - 1);
  value = value ? value : "";

  if (g_str_equal (key, "text"))
    replace_str (&m->text, value);
  else if (g_str_equal (key, "start"))
    m->start = (guint) g_ascii_strtoull (value, NULL, 10);
  else if (g_str_equal (key, "end"))
    m->end = (guint) g_ascii_strtoull (value, NULL, 10);
  else if (g_str_equal (key, "known"))
    m->known = g_str_equal (value, "true");
  else if (g_str_equal (key, "value"))
    m->value = g_ascii_strtod (value, NULL);
  else if (g_str_equal (key, "value_max"))
    m->value_max = g_ascii_strtod (value, NULL);
  else if (g_str_equal (key, "unit"))
    replace_str (&m->unit, value);
  else if (g_str_equal (key, "qualifier"))
    m->qualifier = string_index (qualifiers, G_N_ELEMENTS (qualifiers), value, 0);
  else if (g_str_equal (key, "commitment"))
    m->commitment = string_index (commitments, G_N_ELEMENTS (commitments), value, 0);
  else if (g_str_equal (key, "direction"))
    m->direction = string_index (directions, G_N_ELEMENTS (directions), value, 0);
  else if (g_str_equal (key, "subject"))
    replace_str (&m->subject, value);
}

static gboolean
metrics_from_json (LuoshiStore  *self,
                   const char   *json,
                   GPtrArray    *metrics,
                   GError      **error)
{
  /* Only we write this column, so a bad value is a damaged library. */
  if (!luoshi_json_foreach_member (json ? json : "[]", set_metric_member, metrics))
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CORRUPT,
                   _("The library “%s” has damaged figures of an item"), self->path);
      return FALSE;
    }
  return TRUE;
}

/* Strips tags, drops empty ones and duplicates, keeps the order. */
static GStrv
normalize_tags (const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));

      if (*tag == '\0' || g_hash_table_contains (seen, tag))
        continue;
      g_strv_builder_add (builder, tag);
      g_hash_table_add (seen, g_steal_pointer (&tag));
    }
  return g_strv_builder_end (builder);
}

static char *
tags_to_json (const char * const *tags)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      luoshi_json_append_string (out, tags[i]);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

static GStrv
tags_from_json (LuoshiStore  *self,
                const char   *json,
                GError      **error)
{
  GStrv tags = luoshi_json_parse_strings (json ? json : "[]");

  if (tags == NULL)
    g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CORRUPT,
                 _("The library “%s” has damaged tags of an item"), self->path);
  return tags;
}

char *
_luoshi_store_evidence_to_json (GPtrArray *evidence)
{
  GString *out = g_string_new ("[");

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    {
      const LuoshiEvidence *ev = g_ptr_array_index (evidence, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      luoshi_json_append_member (out, "file", ev->file);
      g_string_append_c (out, ',');
      g_string_append_printf (out, "\"file_id\":%" G_GINT64_FORMAT ",", ev->file_id);
      luoshi_json_append_uint (out, "start", ev->start);
      g_string_append_c (out, ',');
      luoshi_json_append_uint (out, "end", ev->end);
      g_string_append_c (out, ',');
      luoshi_json_append_double (out, "score", ev->score);
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "text", ev->text ? ev->text : "");
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

gboolean
_luoshi_store_read_evidence_json (LuoshiStore  *self,
                                  gint64        item_id,
                                  char        **json,
                                  GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self,
    "SELECT json_group_array (json_object ('file', file_name, 'file_id', coalesce (file_id, 0),"
    " 'start', start_pos, 'end', end_pos, 'score', score, 'text', text))"
    " FROM (SELECT * FROM evidence WHERE item_id = ?1 ORDER BY ord)", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, item_id, error))
    return FALSE;
  if (_luoshi_store_step (self, stmt, error) != LUOSHI_STEP_ROW)
    return FALSE;
  *json = column_dup (stmt, 0);
  return TRUE;
}

gboolean
_luoshi_store_write_evidence_json (LuoshiStore  *self,
                                   gint64        item_id,
                                   const char   *json,
                                   GError      **error)
{
  g_autoptr(LuoshiStmt) del = NULL;
  g_autoptr(LuoshiStmt) ins = NULL;

  /* Nothing to replace and nothing to write: skip the writes (each opens
   * a savepoint, which flushes the FTS index). */
  if (json == NULL || g_str_equal (json, "[]"))
    {
      g_autoptr(LuoshiStmt) any = NULL;

      any = _luoshi_store_statement (self, "SELECT 1 FROM evidence WHERE item_id = ?1 LIMIT 1", error);
      if (any == NULL || !_luoshi_store_bind_int64 (self, any, 1, item_id, error))
        return FALSE;
      switch (_luoshi_store_step (self, any, error))
        {
        case LUOSHI_STEP_DONE:
          return TRUE;
        case LUOSHI_STEP_ROW:
          break;
        case LUOSHI_STEP_ERROR:
        default:
          return FALSE;
        }
    }

  del = _luoshi_store_statement (self, "DELETE FROM evidence WHERE item_id = ?1", error);
  if (del == NULL
      || !_luoshi_store_bind_int64 (self, del, 1, item_id, error)
      || !_luoshi_store_step_done (self, del, error))
    return FALSE;

  /* A file the evidence quoted may have been removed since: keep the
   * quote, drop the link. */
  ins = _luoshi_store_statement (self,
    "INSERT INTO evidence (item_id, ord, file_id, file_name, start_pos, end_pos, score, text)"
    " SELECT ?1, key,"
    "  (SELECT id FROM files WHERE id = json_extract (value, '$.file_id')),"
    "  json_extract (value, '$.file'),"
    "  coalesce (json_extract (value, '$.start'), 0),"
    "  coalesce (json_extract (value, '$.end'), 0),"
    "  coalesce (json_extract (value, '$.score'), 0),"
    "  coalesce (json_extract (value, '$.text'), '')"
    " FROM json_each (?2) ORDER BY key", error);
  return ins != NULL
         && _luoshi_store_bind_int64 (self, ins, 1, item_id, error)
         && _luoshi_store_bind_text (self, ins, 2, json ? json : "[]", error)
         && _luoshi_store_step_done (self, ins, error);
}

/* ------------------------------------------------------------------------ */
/* Reading items                                                             */

#define ITEM_COLUMNS \
  "i.id, i.report_id, r.ord, i.kind, i.start_pos, i.end_pos, i.text," \
  " i.section_path, i.metrics, i.confidence, i.origin, i.edited, i.key, i.note," \
  " i.tags, i.status, i.status_by_user, i.status_reason"
#define ITEM_FROM " FROM items i JOIN reports r ON r.id = i.report_id "

static LuoshiItem *
item_from_row (LuoshiStore  *self,
               LuoshiStmt   *stmt,
               GError      **error)
{
  g_autoptr(LuoshiItem) item = NULL;
  LuoshiItemKind kind = LUOSHI_ITEM_GOAL;
  LuoshiStatus status = LUOSHI_STATUS_UNRATED;
  g_auto(GStrv) tags = NULL;

  luoshi_item_kind_from_string (column_text (stmt, 3), &kind);
  item = luoshi_item_new (kind,
                          (guint) sqlite3_column_int64 (stmt, 4),
                          (guint) sqlite3_column_int64 (stmt, 5),
                          column_text (stmt, 6));
  item->id = sqlite3_column_int64 (stmt, 0);
  item->report_id = sqlite3_column_int64 (stmt, 1);
  item->report_index = (guint) sqlite3_column_int64 (stmt, 2);
  luoshi_item_set_section_path (item, column_text (stmt, 7));
  if (!metrics_from_json (self, column_text (stmt, 8), item->metrics, error))
    return NULL;
  item->confidence = sqlite3_column_double (stmt, 9);
  item->user_origin = g_strcmp0 (column_text (stmt, 10), "user") == 0;
  item->edited = sqlite3_column_int (stmt, 11) != 0;
  item->key = sqlite3_column_int (stmt, 12) != 0;
  luoshi_item_set_note (item, column_text (stmt, 13));
  tags = tags_from_json (self, column_text (stmt, 14), error);
  if (tags == NULL)
    return NULL;
  luoshi_item_set_tags (item, (const char * const *) tags);
  luoshi_status_from_string (column_text (stmt, 15), &status);
  item->status = status;
  item->status_by_user = sqlite3_column_int (stmt, 16) != 0;
  luoshi_item_set_status_reason (item, column_text (stmt, 17));
  return g_steal_pointer (&item);
}

/* The evidence of items read by a query over ITEM_FROM: one query for
 * them all rather than one per item, which halved opening a report. */
#define EVIDENCE_COLUMNS \
  "e.item_id, e.file_name, coalesce (e.file_id, 0), e.start_pos, e.end_pos, e.score, e.text"
#define EVIDENCE_FROM " FROM evidence e JOIN items i ON i.id = e.item_id "

/* Adds the evidence @sql lists (with ?1 bound to @id) to @items. */
static gboolean
read_evidence (LuoshiStore  *self,
               GPtrArray    *items,
               const char   *sql,
               gint64        id,
               GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  LuoshiStep step;

  for (guint i = 0; i < items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (by_id, &item->id, item);
    }

  stmt = _luoshi_store_statement (self, sql, error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, id, error))
    return FALSE;
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      gint64 item_id = sqlite3_column_int64 (stmt, 0);
      LuoshiItem *item = g_hash_table_lookup (by_id, &item_id);
      LuoshiEvidence *ev;

      if (item == NULL)
        continue;
      luoshi_item_add_evidence (item, column_text (stmt, 1),
                                (guint) sqlite3_column_int64 (stmt, 3),
                                (guint) sqlite3_column_int64 (stmt, 4),
                                sqlite3_column_double (stmt, 5),
                                column_text (stmt, 6));
      ev = g_ptr_array_index (item->evidence, item->evidence->len - 1);
      ev->file_id = sqlite3_column_int64 (stmt, 2);
    }
  return step == LUOSHI_STEP_DONE;
}

/* Reads the items of @where (an SQL condition on ITEM_FROM with ?1 for
 * @id) with their evidence, in text order. */
static GPtrArray *
read_items (LuoshiStore  *self,
            const char   *where,
            gint64        id,
            GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autofree char *items_sql = NULL;
  g_autofree char *evidence_sql = NULL;
  LuoshiStep step;

  items_sql = g_strconcat ("SELECT " ITEM_COLUMNS ITEM_FROM "WHERE ", where,
                           " ORDER BY i.start_pos, i.id", NULL);
  stmt = _luoshi_store_statement (self, items_sql, error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, id, error))
    return NULL;
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      LuoshiItem *item = item_from_row (self, stmt, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }
  if (step != LUOSHI_STEP_DONE)
    return NULL;

  evidence_sql = g_strconcat ("SELECT " EVIDENCE_COLUMNS EVIDENCE_FROM "WHERE ", where,
                              " ORDER BY e.item_id, e.ord", NULL);
  if (items->len > 0 && !read_evidence (self, items, evidence_sql, id, error))
    return NULL;
  return g_steal_pointer (&items);
}

GPtrArray *
luoshi_store_list_report_items (LuoshiStore  *self,
                                gint64        report_id,
                                GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  return read_items (self, "i.report_id = ?1 AND i.deleted = 0", report_id, error);
}

GPtrArray *
luoshi_store_list_file_items (LuoshiStore  *self,
                              gint64        file_id,
                              GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  return read_items (self, "i.file_id = ?1 AND i.deleted = 0", file_id, error);
}

gboolean
luoshi_store_count_report_items (LuoshiStore  *self,
                                 gint64        report_id,
                                 guint         counts[3],
                                 GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  LuoshiStep step;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, 3 * sizeof (guint));
  stmt = _luoshi_store_statement (self,
    "SELECT kind, count(*) FROM items WHERE report_id = ?1 AND deleted = 0 GROUP BY kind", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, report_id, error))
    return FALSE;
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      LuoshiItemKind kind;

      if (luoshi_item_kind_from_string (column_text (stmt, 0), &kind) && kind <= LUOSHI_ITEM_PROBLEM)
        counts[kind] = (guint) sqlite3_column_int64 (stmt, 1);
    }
  return step == LUOSHI_STEP_DONE;
}

LuoshiItem *
luoshi_store_get_item (LuoshiStore  *self,
                       gint64        item_id,
                       GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  items = read_items (self, "i.id = ?1 AND i.deleted = 0", item_id, error);
  if (items == NULL)
    return NULL;
  if (items->len == 0)
    {
      not_found (error, _("item"), item_id);
      return NULL;
    }
  return luoshi_item_ref (g_ptr_array_index (items, 0));
}

/* ------------------------------------------------------------------------ */
/* Reading files and reports                                                 */

#define FILE_COLUMNS \
  "f.id, f.path, f.name, f.size, f.mtime, f.hash, f.encoding, f.imported," \
  " (SELECT count(*) FROM reports WHERE file_id = f.id)," \
  " (SELECT count(*) FROM items WHERE file_id = f.id AND deleted = 0)"

static LuoshiStoreFile *
file_from_row (LuoshiStmt *stmt)
{
  LuoshiStoreFile *file = g_new0 (LuoshiStoreFile, 1);

  file->id = sqlite3_column_int64 (stmt, 0);
  file->path = column_dup (stmt, 1);
  file->name = column_dup (stmt, 2);
  file->size = (guint64) sqlite3_column_int64 (stmt, 3);
  file->mtime = sqlite3_column_int64 (stmt, 4);
  file->hash = column_dup (stmt, 5);
  file->encoding = column_dup (stmt, 6);
  file->imported = sqlite3_column_int64 (stmt, 7);
  file->n_reports = (guint) sqlite3_column_int64 (stmt, 8);
  file->n_items = (guint) sqlite3_column_int64 (stmt, 9);
  return file;
}

GPtrArray *
luoshi_store_list_files (LuoshiStore  *self,
                         GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autoptr(GPtrArray) files = NULL;
  LuoshiStep step;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  stmt = _luoshi_store_statement (self,
    "SELECT " FILE_COLUMNS " FROM files f ORDER BY f.name, f.path", error);
  if (stmt == NULL)
    return NULL;
  files = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_store_file_free);
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    g_ptr_array_add (files, file_from_row (stmt));
  if (step != LUOSHI_STEP_DONE)
    return NULL;
  return g_steal_pointer (&files);
}

LuoshiStoreFile *
luoshi_store_get_file (LuoshiStore  *self,
                       gint64        file_id,
                       GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  stmt = _luoshi_store_statement (self,
    "SELECT " FILE_COLUMNS " FROM files f WHERE f.id = ?1", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error))
    return NULL;
  switch (_luoshi_store_step (self, stmt, error))
    {
    case LUOSHI_STEP_ROW:
      return file_from_row (stmt);
    case LUOSHI_STEP_DONE:
      not_found (error, _("file"), file_id);
      return NULL;
    case LUOSHI_STEP_ERROR:
    default:
      return NULL;
    }
}

gint64
luoshi_store_find_file (LuoshiStore  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), 0);
  g_return_val_if_fail (path != NULL, 0);

  stmt = _luoshi_store_statement (self, "SELECT id FROM files WHERE path = ?1", error);
  if (stmt == NULL || !_luoshi_store_bind_text (self, stmt, 1, path, error))
    return 0;
  if (_luoshi_store_step (self, stmt, error) == LUOSHI_STEP_ROW)
    return sqlite3_column_int64 (stmt, 0);
  return 0;
}

#define REPORT_COLUMNS \
  "r.id, r.file_id, f.name, r.ord, r.user_edited," \
  " (SELECT count(*) FROM items WHERE report_id = r.id)" \
  "  - (SELECT count(*) FROM items WHERE report_id = r.id AND deleted = 1)," \
  " r.start_pos, r.end_pos, r.first_line, r.last_line, r.title, r.kind, r.year, r.half," \
  " r.period_confidence, r.period_evidence, r.org"

/* Fills @report from columns @first.. of REPORT_COLUMNS (start_pos on). */
static void
report_fill (LuoshiReport *report,
             LuoshiStmt   *stmt,
             int           first)
{
  report->start = (guint) sqlite3_column_int64 (stmt, first);
  report->end = (guint) sqlite3_column_int64 (stmt, first + 1);
  report->first_line = (guint) sqlite3_column_int64 (stmt, first + 2);
  report->last_line = (guint) sqlite3_column_int64 (stmt, first + 3);
  g_free (report->title);
  report->title = g_strdup (column_text (stmt, first + 4) ? column_text (stmt, first + 4) : "");
  report->kind = luoshi_report_kind_from_string (column_text (stmt, first + 5));
  report->year = sqlite3_column_int (stmt, first + 6);
  report->half = sqlite3_column_int (stmt, first + 7);
  report->period_confidence = sqlite3_column_double (stmt, first + 8);
  g_free (report->period_evidence);
  report->period_evidence = column_dup (stmt, first + 9);
  g_free (report->org);
  report->org = column_dup (stmt, first + 10);
}

static LuoshiStoreReport *
store_report_from_row (LuoshiStmt *stmt)
{
  LuoshiStoreReport *sr = g_new0 (LuoshiStoreReport, 1);

  sr->id = sqlite3_column_int64 (stmt, 0);
  sr->file_id = sqlite3_column_int64 (stmt, 1);
  sr->file_name = column_dup (stmt, 2);
  sr->index = (guint) sqlite3_column_int64 (stmt, 3);
  sr->user_edited = sqlite3_column_int (stmt, 4) != 0;
  sr->n_items = (guint) sqlite3_column_int64 (stmt, 5);
  sr->report = luoshi_report_new ();
  report_fill (sr->report, stmt, 6);
  return sr;
}

GPtrArray *
luoshi_store_list_reports (LuoshiStore  *self,
                           gint64        file_id,
                           GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  LuoshiStep step;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  stmt = _luoshi_store_statement (self,
    "SELECT " REPORT_COLUMNS " FROM reports r JOIN files f ON f.id = r.file_id"
    " WHERE ?1 = 0 OR r.file_id = ?1 ORDER BY f.name, f.path, r.ord", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error))
    return NULL;
  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_store_report_free);
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    g_ptr_array_add (reports, store_report_from_row (stmt));
  if (step != LUOSHI_STEP_DONE)
    return NULL;
  return g_steal_pointer (&reports);
}

LuoshiStoreReport *
luoshi_store_get_report (LuoshiStore  *self,
                         gint64        report_id,
                         GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  stmt = _luoshi_store_statement (self,
    "SELECT " REPORT_COLUMNS " FROM reports r JOIN files f ON f.id = r.file_id"
    " WHERE r.id = ?1", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, report_id, error))
    return NULL;
  switch (_luoshi_store_step (self, stmt, error))
    {
    case LUOSHI_STEP_ROW:
      return store_report_from_row (stmt);
    case LUOSHI_STEP_DONE:
      not_found (error, _("report"), report_id);
      return NULL;
    case LUOSHI_STEP_ERROR:
    default:
      return NULL;
    }
}

static LuoshiSectionKind
section_kind_from_string (const char *str)
{
  for (guint k = LUOSHI_SECTION_OTHER; k <= LUOSHI_SECTION_PROBLEM; k++)
    if (g_strcmp0 (luoshi_section_kind_to_string (k), str) == 0)
      return k;
  return LUOSHI_SECTION_OTHER;
}

static gboolean
load_reports (LuoshiStore    *self,
              LuoshiDocument *doc,
              gint64          file_id,
              GHashTable     *report_index,
              GError        **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  LuoshiStep step;

  stmt = _luoshi_store_statement (self,
    "SELECT " REPORT_COLUMNS " FROM reports r JOIN files f ON f.id = r.file_id"
    " WHERE r.file_id = ?1 ORDER BY r.ord", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error))
    return FALSE;
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      LuoshiReport *report = luoshi_report_new ();

      report_fill (report, stmt, 6);
      g_hash_table_insert (report_index,
                           g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                           GUINT_TO_POINTER (doc->reports->len));
      g_ptr_array_add (doc->reports, report);
    }
  return step == LUOSHI_STEP_DONE;
}

static guint
index_of_id (GHashTable *map,
             gint64      id,
             gboolean   *found)
{
  gpointer value = NULL;

  *found = g_hash_table_lookup_extended (map, &id, NULL, &value);
  return GPOINTER_TO_UINT (value);
}

static gboolean
load_sections (LuoshiStore    *self,
               LuoshiDocument *doc,
               gint64          file_id,
               GHashTable     *report_index,
               GHashTable     *section_index,
               GError        **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  LuoshiStep step;

  stmt = _luoshi_store_statement (self,
    "SELECT id, report_id, parent_id, depth, style, number, label, title,"
    " start_pos, heading_end, end_pos, kind"
    " FROM sections WHERE file_id = ?1 ORDER BY ord", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error))
    return FALSE;
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      LuoshiSection *section = luoshi_section_new ();
      gboolean found;
      guint index;

      section->report = index_of_id (report_index, sqlite3_column_int64 (stmt, 1), &found);
      section->parent = -1;
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          index = index_of_id (section_index, sqlite3_column_int64 (stmt, 2), &found);
          if (found)
            section->parent = (int) index;
        }
      section->depth = (guint) sqlite3_column_int (stmt, 3);
      section->style = sqlite3_column_int (stmt, 4);
      section->number = (guint) sqlite3_column_int (stmt, 5);
      g_free (section->label);
      section->label = g_strdup (column_text (stmt, 6));
      g_free (section->title);
      section->title = g_strdup (column_text (stmt, 7));
      section->start = (guint) sqlite3_column_int64 (stmt, 8);
      section->heading_end = (guint) sqlite3_column_int64 (stmt, 9);
      section->end = (guint) sqlite3_column_int64 (stmt, 10);
      section->kind = section_kind_from_string (column_text (stmt, 11));
      g_hash_table_insert (section_index,
                           g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                           GUINT_TO_POINTER (doc->sections->len));
      g_ptr_array_add (doc->sections, section);
    }
  return step == LUOSHI_STEP_DONE;
}

static gboolean
load_sentences (LuoshiStore    *self,
                LuoshiDocument *doc,
                gint64          file_id,
                GHashTable     *report_index,
                GHashTable     *section_index,
                GError        **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  LuoshiStep step;

  stmt = _luoshi_store_statement (self,
    "SELECT start_pos, end_pos, line, report_id, section_id, heading"
    " FROM sentences WHERE file_id = ?1 ORDER BY start_pos, id", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error))
    return FALSE;
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      LuoshiSentence *sentence = g_new0 (LuoshiSentence, 1);
      gboolean found;
      guint index;

      sentence->start = (guint) sqlite3_column_int64 (stmt, 0);
      sentence->end = (guint) sqlite3_column_int64 (stmt, 1);
      sentence->line = (guint) sqlite3_column_int64 (stmt, 2);
      sentence->report = index_of_id (report_index, sqlite3_column_int64 (stmt, 3), &found);
      sentence->section = -1;
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          index = index_of_id (section_index, sqlite3_column_int64 (stmt, 4), &found);
          if (found)
            sentence->section = (int) index;
        }
      sentence->heading = sqlite3_column_int (stmt, 5) != 0;
      g_ptr_array_add (doc->sentences, sentence);
    }
  return step == LUOSHI_STEP_DONE;
}

LuoshiDocument *
luoshi_store_load_document (LuoshiStore  *self,
                            gint64        file_id,
                            GError      **error)
{
  g_autoptr(LuoshiDocument) doc = NULL;
  g_autoptr(GHashTable) report_index = NULL;
  g_autoptr(GHashTable) section_index = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  {
    g_autoptr(LuoshiStmt) stmt = NULL;

    stmt = _luoshi_store_statement (self,
      "SELECT path, name, size, mtime, hash, encoding, text FROM files WHERE id = ?1", error);
    if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error))
      return NULL;
    switch (_luoshi_store_step (self, stmt, error))
      {
      case LUOSHI_STEP_ROW:
        break;
      case LUOSHI_STEP_DONE:
        not_found (error, _("file"), file_id);
        return NULL;
      case LUOSHI_STEP_ERROR:
      default:
        return NULL;
      }

    doc = luoshi_document_new (column_text (stmt, 1), column_text (stmt, 6),
                               sqlite3_column_bytes (stmt, 6));
    doc->path = column_dup (stmt, 0);
    doc->size = (guint64) sqlite3_column_int64 (stmt, 2);
    doc->mtime = sqlite3_column_int64 (stmt, 3);
    g_free (doc->hash);
    doc->hash = column_dup (stmt, 4);
    g_free (doc->encoding);
    doc->encoding = column_dup (stmt, 5);
  }

  report_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  section_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!load_reports (self, doc, file_id, report_index, error)
      || !load_sections (self, doc, file_id, report_index, section_index, error)
      || !load_sentences (self, doc, file_id, report_index, section_index, error))
    return NULL;

  items = luoshi_store_list_file_items (self, file_id, error);
  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (doc->items, luoshi_item_ref (g_ptr_array_index (items, i)));

  return g_steal_pointer (&doc);
}

/* ------------------------------------------------------------------------ */
/* Import                                                                    */

/* An item already stored for a file that is being re-imported. */
typedef struct
{
  gint64    id;
  gboolean  user;
  gboolean  status_by_user;
  char     *match_key;   /* extracted kind + normalised extracted text */
  char     *kind;        /* extracted kind */
  char     *text;        /* current text (user items are relocated by it) */
  char     *extracted;   /* what the extractor said last time */
  guint     start;
  guint     end;
  gboolean  used;
} OldItem;

static void
old_item_free (OldItem *old)
{
  g_free (old->match_key);
  g_free (old->kind);
  g_free (old->text);
  g_free (old->extracted);
  g_free (old);
}

/* Kind plus the text without spaces and punctuation, so reflowed or
 * re-punctuated text still matches. */
static char *
match_key (const char *kind,
           const char *text)
{
  GString *key = g_string_new (kind);

  g_string_append_c (key, '\x1f');
  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        continue;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static char *
file_text_hash (LuoshiDocument *doc)
{
  if (doc->hash != NULL && *doc->hash != '\0')
    return g_strdup (doc->hash);
  /* In-memory documents have no file bytes; their text stands in. */
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, doc->text, doc->text_len);
}

static gboolean
store_file_row (LuoshiStore     *self,
                LuoshiDocument  *doc,
                const char      *path,
                const char      *hash,
                gint64           existing_id,
                gint64          *file_id,
                GError         **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (existing_id == 0)
    stmt = _luoshi_store_statement (self,
      "INSERT INTO files (name, size, mtime, hash, encoding, text, simplified, imported, path)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  else
    stmt = _luoshi_store_statement (self,
      "UPDATE files SET name = ?1, size = ?2, mtime = ?3, hash = ?4, encoding = ?5,"
      " text = ?6, simplified = ?7, imported = ?8 WHERE id = ?10", error);
  if (stmt == NULL
      || !_luoshi_store_bind_text (self, stmt, 1, doc->name ? doc->name : "", error)
      || !_luoshi_store_bind_int64 (self, stmt, 2, (gint64) doc->size, error)
      || !_luoshi_store_bind_int64 (self, stmt, 3, doc->mtime, error)
      || !_luoshi_store_bind_text (self, stmt, 4, hash, error)
      || !_luoshi_store_bind_text (self, stmt, 5, doc->encoding ? doc->encoding : "", error)
      || !_luoshi_store_bind_text (self, stmt, 6, doc->text, error)
      || !_luoshi_store_bind_text (self, stmt, 7, doc->simplified ? doc->simplified : doc->text, error)
      || !_luoshi_store_bind_int64 (self, stmt, 8, now, error))
    return FALSE;
  if (existing_id == 0)
    {
      if (!_luoshi_store_bind_text (self, stmt, 9, path, error))
        return FALSE;
    }
  else if (!_luoshi_store_bind_int64 (self, stmt, 10, existing_id, error))
    return FALSE;
  if (!_luoshi_store_step_done (self, stmt, error))
    return FALSE;
  *file_id = existing_id != 0 ? existing_id : sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

static gboolean
clear_outline (LuoshiStore  *self,
               gint64        file_id,
               GError      **error)
{
  g_autoptr(LuoshiStmt) sentences = NULL;
  g_autoptr(LuoshiStmt) sections = NULL;

  sentences = _luoshi_store_statement (self, "DELETE FROM sentences WHERE file_id = ?1", error);
  if (sentences == NULL
      || !_luoshi_store_bind_int64 (self, sentences, 1, file_id, error)
      || !_luoshi_store_step_done (self, sentences, error))
    return FALSE;
  sections = _luoshi_store_statement (self, "DELETE FROM sections WHERE file_id = ?1", error);
  return sections != NULL
         && _luoshi_store_bind_int64 (self, sections, 1, file_id, error)
         && _luoshi_store_step_done (self, sections, error);
}

/* Updates report @ord of the file in place (keeping the user's edits and
 * the id, which chains and history refer to) or inserts it. */
static gboolean
store_report (LuoshiStore   *self,
              gint64         file_id,
              guint          ord,
              LuoshiReport  *report,
              gint64        *report_id,
              GError       **error)
{
  g_autoptr(LuoshiStmt) update = NULL;
  g_autoptr(LuoshiStmt) insert = NULL;

  update = _luoshi_store_statement (self,
    "UPDATE reports SET start_pos = ?3, end_pos = ?4, first_line = ?5, last_line = ?6,"
    " title = CASE WHEN user_edited THEN title ELSE ?7 END,"
    " kind = CASE WHEN user_edited THEN kind ELSE ?8 END,"
    " year = CASE WHEN user_edited THEN year ELSE ?9 END,"
    " half = CASE WHEN user_edited THEN half ELSE ?10 END,"
    " period_confidence = ?11, period_evidence = ?12,"
    " org = CASE WHEN user_edited THEN org ELSE ?13 END"
    " WHERE file_id = ?1 AND ord = ?2 RETURNING id", error);
  insert = _luoshi_store_statement (self,
    "INSERT INTO reports (file_id, ord, start_pos, end_pos, first_line, last_line, title,"
    " kind, year, half, period_confidence, period_evidence, org)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id", error);
  if (update == NULL || insert == NULL)
    return FALSE;

  for (guint pass = 0; pass < 2; pass++)
    {
      LuoshiStmt *stmt = pass == 0 ? update : insert;
      LuoshiStep step;

      if (!_luoshi_store_bind_int64 (self, stmt, 1, file_id, error)
          || !_luoshi_store_bind_int64 (self, stmt, 2, ord, error)
          || !_luoshi_store_bind_int64 (self, stmt, 3, report->start, error)
          || !_luoshi_store_bind_int64 (self, stmt, 4, report->end, error)
          || !_luoshi_store_bind_int64 (self, stmt, 5, report->first_line, error)
          || !_luoshi_store_bind_int64 (self, stmt, 6, report->last_line, error)
          || !_luoshi_store_bind_text (self, stmt, 7, report->title ? report->title : "", error)
          || !_luoshi_store_bind_text (self, stmt, 8, luoshi_report_kind_to_string (report->kind), error)
          || !_luoshi_store_bind_int64 (self, stmt, 9, report->year, error)
          || !_luoshi_store_bind_int64 (self, stmt, 10, CLAMP (report->half, 0, 2), error)
          || !_luoshi_store_bind_double (self, stmt, 11, report->period_confidence, error)
          || !_luoshi_store_bind_text (self, stmt, 12, report->period_evidence, error)
          || !_luoshi_store_bind_text (self, stmt, 13, report->org, error))
        return FALSE;

      step = _luoshi_store_step (self, stmt, error);
      if (step == LUOSHI_STEP_ERROR)
        return FALSE;
      if (step == LUOSHI_STEP_ROW)
        {
          *report_id = sqlite3_column_int64 (stmt, 0);
          /* Finish the statement so the change is complete. */
          while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
            ;
          return step == LUOSHI_STEP_DONE;
        }
    }

  g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED,
               _("Could not store report %u"), ord + 1);
  return FALSE;
}

static gboolean
store_sections (LuoshiStore     *self,
                LuoshiDocument  *doc,
                gint64           file_id,
                GArray          *report_ids,
                GArray          *section_ids,
                GError         **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self,
    "INSERT INTO sections (file_id, report_id, ord, parent_id, depth, style, number,"
    " label, title, start_pos, heading_end, end_pos, kind)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < doc->sections->len; i++)
    {
      const LuoshiSection *section = g_ptr_array_index (doc->sections, i);
      gint64 id = 0;

      /* Sections of a report that was not stored are skipped (the
       * segmenter never produces them). */
      if (section->report < report_ids->len)
        {
          _luoshi_stmt_release (stmt);
          if (!_luoshi_store_bind_int64 (self, stmt, 1, file_id, error)
              || !_luoshi_store_bind_int64 (self, stmt, 2, g_array_index (report_ids, gint64, section->report), error)
              || !_luoshi_store_bind_int64 (self, stmt, 3, i, error)
              || ((section->parent >= 0 && (guint) section->parent < i
                   && g_array_index (section_ids, gint64, section->parent) != 0)
                  ? !_luoshi_store_bind_int64 (self, stmt, 4, g_array_index (section_ids, gint64, section->parent), error)
                  : !_luoshi_store_bind_null (self, stmt, 4, error))
              || !_luoshi_store_bind_int64 (self, stmt, 5, section->depth, error)
              || !_luoshi_store_bind_int64 (self, stmt, 6, section->style, error)
              || !_luoshi_store_bind_int64 (self, stmt, 7, section->number, error)
              || !_luoshi_store_bind_text (self, stmt, 8, section->label ? section->label : "", error)
              || !_luoshi_store_bind_text (self, stmt, 9, section->title ? section->title : "", error)
              || !_luoshi_store_bind_int64 (self, stmt, 10, section->start, error)
              || !_luoshi_store_bind_int64 (self, stmt, 11, section->heading_end, error)
              || !_luoshi_store_bind_int64 (self, stmt, 12, section->end, error)
              || !_luoshi_store_bind_text (self, stmt, 13, luoshi_section_kind_to_string (section->kind), error)
              || !_luoshi_store_step_done (self, stmt, error))
            return FALSE;
          id = sqlite3_last_insert_rowid (self->db);
        }
      g_array_append_val (section_ids, id);
    }
  return TRUE;
}

static gboolean
store_sentences (LuoshiStore     *self,
                 LuoshiDocument  *doc,
                 gint64           file_id,
                 GArray          *report_ids,
                 GArray          *section_ids,
                 GError         **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self,
    "INSERT INTO temp.stage_sentences (file_id, report_id, section_id, start_pos, end_pos, line,"
    " heading, text, simplified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < doc->sentences->len; i++)
    {
      const LuoshiSentence *sentence = g_ptr_array_index (doc->sentences, i);
      g_autofree char *text = NULL;
      g_autofree char *simplified = NULL;
      gint64 section_id = 0;

      if (sentence->report >= report_ids->len)
        continue;
      if (sentence->section >= 0 && (guint) sentence->section < section_ids->len)
        section_id = g_array_index (section_ids, gint64, sentence->section);

      text = luoshi_document_slice (doc, sentence->start, sentence->end);
      simplified = luoshi_document_slice_simplified (doc, sentence->start, sentence->end);
      _luoshi_stmt_release (stmt);
      if (!_luoshi_store_bind_int64 (self, stmt, 1, file_id, error)
          || !_luoshi_store_bind_int64 (self, stmt, 2, g_array_index (report_ids, gint64, sentence->report), error)
          || (section_id != 0
              ? !_luoshi_store_bind_int64 (self, stmt, 3, section_id, error)
              : !_luoshi_store_bind_null (self, stmt, 3, error))
          || !_luoshi_store_bind_int64 (self, stmt, 4, sentence->start, error)
          || !_luoshi_store_bind_int64 (self, stmt, 5, sentence->end, error)
          || !_luoshi_store_bind_int64 (self, stmt, 6, sentence->line, error)
          || !_luoshi_store_bind_int64 (self, stmt, 7, sentence->heading ? 1 : 0, error)
          || !_luoshi_store_bind_text (self, stmt, 8, text, error)
          || !_luoshi_store_bind_text (self, stmt, 9, simplified, error)
          || !_luoshi_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Evidence of a staged item, written once the item is in place. */
typedef struct
{
  gint64  item_id;
  char   *json;
} PendingEvidence;

static void
pending_evidence_free (PendingEvidence *pending)
{
  g_free (pending->json);
  g_free (pending);
}

/* Moves the staged sentences and items of a document into their tables.
 *
 * Why staging: FTS5 writes its pending index data to disk at every
 * statement savepoint, and every INSERT that fires the FTS trigger opens
 * one. Row by row that made one tiny index segment per sentence (about
 * 10× slower). One INSERT … SELECT per table opens one savepoint, so the
 * triggers stay the only thing that maintains the index. */
static gboolean
flush_staging (LuoshiStore  *self,
               GPtrArray    *evidence,
               GError      **error)
{
  if (!_luoshi_store_exec (self,
        "INSERT INTO sentences (file_id, report_id, section_id, start_pos, end_pos, line,"
        " heading, text, simplified)"
        " SELECT file_id, report_id, section_id, start_pos, end_pos, line, heading, text,"
        " simplified FROM temp.stage_sentences ORDER BY rowid;"
        "INSERT INTO items (id, file_id, report_id, kind, start_pos, end_pos, text, simplified,"
        " section_path, metrics, confidence, origin, extracted_kind, extracted_text, edited,"
        " key, note, tags, status, status_by_user, status_reason, created, modified)"
        " SELECT id, file_id, report_id, kind, start_pos, end_pos, text, simplified,"
        " section_path, metrics, confidence, 'extracted', kind, text, 0,"
        " key, note, tags, status, status_by_user, status_reason, created, created"
        " FROM temp.stage_items ORDER BY id;"
        "DELETE FROM temp.stage_sentences;"
        "DELETE FROM temp.stage_items;", error))
    return FALSE;

  for (guint i = 0; i < evidence->len; i++)
    {
      const PendingEvidence *pending = g_ptr_array_index (evidence, i);

      if (!_luoshi_store_write_evidence_json (self, pending->item_id, pending->json, error))
        return FALSE;
    }
  g_ptr_array_set_size (evidence, 0);
  return TRUE;
}

/* The simplified form of an item's text: the document's own when the
 * item quotes the text, else converted. */
static char *
item_simplified (LuoshiDocument   *doc,
                 const LuoshiItem *item)
{
  g_autofree char *slice = NULL;

  if (item->end > item->start && item->end <= doc->n_chars)
    {
      slice = luoshi_document_slice (doc, item->start, item->end);
      if (g_strcmp0 (slice, item->text) == 0)
        return luoshi_document_slice_simplified (doc, item->start, item->end);
    }
  return luoshi_script_simplify (item->text, -1);
}

/* New items go to a staging table first (see flush_staging()); @id is
 * allocated by the caller. Their evidence is written after the flush. */
static gboolean
insert_item (LuoshiStore     *self,
             LuoshiDocument  *doc,
             gint64           id,
             gint64           file_id,
             gint64           report_id,
             const LuoshiItem *item,
             GPtrArray       *evidence,
             GError         **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autofree char *simplified = item_simplified (doc, item);
  g_autofree char *metrics = metrics_to_json (item->metrics);
  g_autofree char *tags = tags_to_json ((const char * const *) item->tags);
  const char *kind = luoshi_item_kind_to_string (item->kind);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  stmt = _luoshi_store_statement (self,
    "INSERT INTO temp.stage_items (file_id, report_id, kind, start_pos, end_pos, text, simplified,"
    " section_path, metrics, confidence, key, note, tags, status, status_by_user,"
    " status_reason, created, id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)", error);
  if (stmt == NULL
      || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error)
      || !_luoshi_store_bind_int64 (self, stmt, 2, report_id, error)
      || !_luoshi_store_bind_text (self, stmt, 3, kind, error)
      || !_luoshi_store_bind_int64 (self, stmt, 4, item->start, error)
      || !_luoshi_store_bind_int64 (self, stmt, 5, item->end, error)
      || !_luoshi_store_bind_text (self, stmt, 6, item->text ? item->text : "", error)
      || !_luoshi_store_bind_text (self, stmt, 7, simplified ? simplified : "", error)
      || !_luoshi_store_bind_text (self, stmt, 8, item->section_path ? item->section_path : "", error)
      || !_luoshi_store_bind_text (self, stmt, 9, metrics, error)
      || !_luoshi_store_bind_double (self, stmt, 10, item->confidence, error)
      || !_luoshi_store_bind_int64 (self, stmt, 11, item->key ? 1 : 0, error)
      || !_luoshi_store_bind_text (self, stmt, 12, item->note, error)
      || !_luoshi_store_bind_text (self, stmt, 13, tags, error)
      || !_luoshi_store_bind_text (self, stmt, 14, luoshi_status_to_string (item->status), error)
      || !_luoshi_store_bind_int64 (self, stmt, 15, item->status_by_user ? 1 : 0, error)
      || !_luoshi_store_bind_text (self, stmt, 16, item->status_reason, error)
      || !_luoshi_store_bind_int64 (self, stmt, 17, now, error)
      || !_luoshi_store_bind_int64 (self, stmt, 18, id, error)
      || !_luoshi_store_step_done (self, stmt, error))
    return FALSE;

  if (item->evidence->len > 0)
    {
      PendingEvidence *pending = g_new0 (PendingEvidence, 1);

      pending->item_id = id;
      pending->json = _luoshi_store_evidence_to_json (item->evidence);
      g_ptr_array_add (evidence, pending);
    }
  return TRUE;
}

/* Refreshes a matched stored item from the new extraction, keeping what
 * the user changed: an edited kind or text (differing from what the
 * extractor said), edited figures, notes, tags, key, a user verdict and
 * the deleted flag. */
static gboolean
update_item (LuoshiStore      *self,
             LuoshiDocument   *doc,
             gint64            report_id,
             const OldItem    *old,
             const LuoshiItem *item,
             GError          **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autofree char *metrics = metrics_to_json (item->metrics);
  g_autofree char *evidence = NULL;
  const char *text = item->text ? item->text : "";

  /* `simplified` is set apart, and only when the text changed: setting it
   * fires the FTS trigger (see flush_staging() for why that is costly). */
  stmt = _luoshi_store_statement (self,
    "UPDATE items SET report_id = ?2, start_pos = ?3, end_pos = ?4, section_path = ?5,"
    " confidence = ?6,"
    " kind = CASE WHEN edited AND kind IS NOT extracted_kind THEN kind ELSE ?7 END,"
    " text = CASE WHEN edited AND text IS NOT extracted_text THEN text ELSE ?8 END,"
    " metrics = CASE WHEN edited THEN metrics ELSE ?9 END,"
    " extracted_kind = ?7, extracted_text = ?8,"
    " status = CASE WHEN status_by_user THEN status ELSE ?10 END,"
    " status_reason = CASE WHEN status_by_user THEN status_reason ELSE ?11 END"
    " WHERE id = ?1", error);
  if (stmt == NULL
      || !_luoshi_store_bind_int64 (self, stmt, 1, old->id, error)
      || !_luoshi_store_bind_int64 (self, stmt, 2, report_id, error)
      || !_luoshi_store_bind_int64 (self, stmt, 3, item->start, error)
      || !_luoshi_store_bind_int64 (self, stmt, 4, item->end, error)
      || !_luoshi_store_bind_text (self, stmt, 5, item->section_path ? item->section_path : "", error)
      || !_luoshi_store_bind_double (self, stmt, 6, item->confidence, error)
      || !_luoshi_store_bind_text (self, stmt, 7, luoshi_item_kind_to_string (item->kind), error)
      || !_luoshi_store_bind_text (self, stmt, 8, text, error)
      || !_luoshi_store_bind_text (self, stmt, 9, metrics, error)
      || !_luoshi_store_bind_text (self, stmt, 10, luoshi_status_to_string (item->status), error)
      || !_luoshi_store_bind_text (self, stmt, 11, item->status_reason, error)
      || !_luoshi_store_step_done (self, stmt, error))
    return FALSE;

  if (g_strcmp0 (old->extracted, text) != 0)
    {
      g_autoptr(LuoshiStmt) simp = NULL;
      g_autofree char *simplified = item_simplified (doc, item);

      /* Only where the text is now the extractor's (not the user's). */
      simp = _luoshi_store_statement (self,
        "UPDATE items SET simplified = ?2 WHERE id = ?1 AND text = ?3", error);
      if (simp == NULL
          || !_luoshi_store_bind_int64 (self, simp, 1, old->id, error)
          || !_luoshi_store_bind_text (self, simp, 2, simplified ? simplified : "", error)
          || !_luoshi_store_bind_text (self, simp, 3, text, error)
          || !_luoshi_store_step_done (self, simp, error))
        return FALSE;
    }

  if (old->status_by_user)
    return TRUE;
  evidence = _luoshi_store_evidence_to_json (item->evidence);
  return _luoshi_store_write_evidence_json (self, old->id, evidence, error);
}

/* Deletes the items of @ids (a GArray of gint64) in one statement, so the
 * FTS trigger runs under one savepoint. */
static gboolean
delete_item_rows (LuoshiStore  *self,
                  GArray       *ids,
                  GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autoptr(GString) json = g_string_new ("[");

  if (ids->len == 0)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');

  stmt = _luoshi_store_statement (self,
    "DELETE FROM items WHERE id IN (SELECT value FROM json_each (?1))", error);
  return stmt != NULL
         && _luoshi_store_bind_text (self, stmt, 1, json->str, error)
         && _luoshi_store_step_done (self, stmt, error);
}

static GPtrArray *
load_old_items (LuoshiStore  *self,
                gint64        file_id,
                GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autoptr(GPtrArray) olds = g_ptr_array_new_with_free_func ((GDestroyNotify) old_item_free);
  LuoshiStep step;

  stmt = _luoshi_store_statement (self,
    "SELECT id, origin, coalesce (extracted_kind, kind), coalesce (extracted_text, text),"
    " text, start_pos, end_pos, status_by_user"
    " FROM items WHERE file_id = ?1 ORDER BY start_pos, id", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error))
    return NULL;
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      OldItem *old = g_new0 (OldItem, 1);

      old->id = sqlite3_column_int64 (stmt, 0);
      old->user = g_strcmp0 (column_text (stmt, 1), "user") == 0;
      old->kind = column_dup (stmt, 2);
      old->match_key = match_key (old->kind, column_text (stmt, 3));
      old->extracted = column_dup (stmt, 3);
      old->text = column_dup (stmt, 4);
      old->start = (guint) sqlite3_column_int64 (stmt, 5);
      old->end = (guint) sqlite3_column_int64 (stmt, 6);
      old->status_by_user = sqlite3_column_int (stmt, 7) != 0;
      g_ptr_array_add (olds, old);
    }
  if (step != LUOSHI_STEP_DONE)
    return NULL;
  return g_steal_pointer (&olds);
}

static void
free_key_lists (gpointer key,
                gpointer value,
                gpointer user_data)
{
  g_slist_free (value);
}

/* Pairs each new item with an unused old extracted item: first by kind
 * and normalised text, then by the largest overlap of spans (at least
 * half of the shorter one) among items of the same kind. */
static void
match_items (LuoshiDocument *doc,
             GPtrArray      *olds,
             OldItem       **matches)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);

  /* Prepend in reverse so each list is in start order. */
  for (guint i = olds->len; i-- > 0;)
    {
      OldItem *old = g_ptr_array_index (olds, i);
      GSList *list;

      if (old->user)
        continue;
      list = g_hash_table_lookup (by_key, old->match_key);
      g_hash_table_insert (by_key, old->match_key, g_slist_prepend (list, old));
    }

  for (guint i = 0; i < doc->items->len; i++)
    {
      const LuoshiItem *item = g_ptr_array_index (doc->items, i);
      g_autofree char *key = match_key (luoshi_item_kind_to_string (item->kind), item->text);

      matches[i] = NULL;
      for (GSList *l = g_hash_table_lookup (by_key, key); l != NULL; l = l->next)
        {
          OldItem *old = l->data;

          if (!old->used)
            {
              old->used = TRUE;
              matches[i] = old;
              break;
            }
        }
    }

  for (guint i = 0; i < doc->items->len; i++)
    {
      const LuoshiItem *item = g_ptr_array_index (doc->items, i);
      const char *kind = luoshi_item_kind_to_string (item->kind);
      OldItem *best = NULL;
      guint best_overlap = 0;

      if (matches[i] != NULL)
        continue;
      for (guint j = 0; j < olds->len; j++)
        {
          OldItem *old = g_ptr_array_index (olds, j);
          guint lo, hi, overlap, shorter;

          if (old->used || old->user || g_strcmp0 (old->kind, kind) != 0)
            continue;
          lo = MAX (old->start, item->start);
          hi = MIN (old->end, item->end);
          overlap = hi > lo ? hi - lo : 0;
          shorter = MIN (old->end - old->start, item->end - item->start);
          if (overlap > best_overlap && overlap * 2 >= shorter)
            {
              best = old;
              best_overlap = overlap;
            }
        }
      if (best != NULL)
        {
          best->used = TRUE;
          matches[i] = best;
        }
    }

  g_hash_table_foreach (by_key, free_key_lists, NULL);
}

/* Where @text occurs in @doc, nearest to @near; FALSE if nowhere. */
static gboolean
relocate (LuoshiDocument *doc,
          const char     *text,
          guint           near,
          guint          *start,
          guint          *end)
{
  gsize len = strlen (text);
  guint n = (guint) g_utf8_strlen (text, -1);
  gboolean found = FALSE;
  guint best = 0;

  if (len == 0)
    return FALSE;
  for (const char *p = strstr (doc->text, text); p != NULL; p = strstr (p + 1, text))
    {
      guint at = luoshi_document_offset_of (doc, (gsize) (p - doc->text));
      guint distance = at > near ? at - near : near - at;
      guint best_distance = best > near ? best - near : near - best;

      if (!found || distance < best_distance)
        best = at;
      found = TRUE;
    }
  if (found)
    {
      *start = best;
      *end = best + n;
    }
  return found;
}

/* The report (by index) that holds code point @at, else the last one
 * starting before it, else the first. */
static guint
report_at (LuoshiDocument *doc,
           guint           at)
{
  guint index = 0;

  for (guint i = 0; i < doc->reports->len; i++)
    {
      const LuoshiReport *report = g_ptr_array_index (doc->reports, i);

      if (report->start <= at)
        index = i;
      if (report->start <= at && at < report->end)
        return i;
    }
  return index;
}

static gboolean
move_user_item (LuoshiStore  *self,
                gint64        item_id,
                gint64        report_id,
                guint         start,
                guint         end,
                GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self,
    "UPDATE items SET report_id = ?2, start_pos = ?3, end_pos = ?4 WHERE id = ?1", error);
  return stmt != NULL
         && _luoshi_store_bind_int64 (self, stmt, 1, item_id, error)
         && _luoshi_store_bind_int64 (self, stmt, 2, report_id, error)
         && _luoshi_store_bind_int64 (self, stmt, 3, start, error)
         && _luoshi_store_bind_int64 (self, stmt, 4, end, error)
         && _luoshi_store_step_done (self, stmt, error);
}

static gboolean
store_items (LuoshiStore     *self,
             LuoshiDocument  *doc,
             gint64           file_id,
             GArray          *report_ids,
             GPtrArray       *olds,
             GError         **error)
{
  g_autofree OldItem **matches = g_new0 (OldItem *, doc->items->len + 1);
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_evidence_free);
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 next_id;

  {
    g_autoptr(LuoshiStmt) stmt = NULL;

    /* What SQLite would pick for a new rowid; the write lock is ours. */
    stmt = _luoshi_store_statement (self, "SELECT coalesce (max (id), 0) + 1 FROM items", error);
    if (stmt == NULL || _luoshi_store_step (self, stmt, error) != LUOSHI_STEP_ROW)
      return FALSE;
    next_id = sqlite3_column_int64 (stmt, 0);
  }

  if (olds != NULL)
    match_items (doc, olds, matches);

  for (guint i = 0; i < doc->items->len; i++)
    {
      const LuoshiItem *item = g_ptr_array_index (doc->items, i);
      gint64 report_id;

      if (item->report_index >= report_ids->len)
        continue;
      report_id = g_array_index (report_ids, gint64, item->report_index);
      if (matches[i] != NULL)
        {
          if (!update_item (self, doc, report_id, matches[i], item, error))
            return FALSE;
        }
      else if (!insert_item (self, doc, next_id++, file_id, report_id, item, evidence, error))
        return FALSE;
    }

  for (guint j = 0; olds != NULL && j < olds->len; j++)
    {
      OldItem *old = g_ptr_array_index (olds, j);
      guint start, end;

      if (old->used)
        continue;
      if (old->user && report_ids->len > 0
          && relocate (doc, old->text, old->start, &start, &end))
        {
          gint64 report_id = g_array_index (report_ids, gint64, report_at (doc, start));

          if (!move_user_item (self, old->id, report_id, start, end, error))
            return FALSE;
          continue;
        }
      /* Extracted items no longer found, and user items whose text is
       * gone from the file. */
      g_array_append_val (gone, old->id);
    }

  return delete_item_rows (self, gone, error)
         && flush_staging (self, evidence, error);
}

static gboolean
delete_surplus_reports (LuoshiStore  *self,
                        gint64        file_id,
                        guint         n_reports,
                        GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self,
    "DELETE FROM reports WHERE file_id = ?1 AND ord >= ?2", error);
  return stmt != NULL
         && _luoshi_store_bind_int64 (self, stmt, 1, file_id, error)
         && _luoshi_store_bind_int64 (self, stmt, 2, n_reports, error)
         && _luoshi_store_step_done (self, stmt, error);
}

/* Imports one document inside the caller's transaction. */
static gboolean
import_one (LuoshiStore         *self,
            LuoshiDocument      *doc,
            LuoshiImportFlags    flags,
            LuoshiImportResult  *result,
            gint64              *file_id,
            GError             **error)
{
  const char *path = doc->path != NULL ? doc->path : doc->name;
  g_autofree char *hash = file_text_hash (doc);
  g_autofree char *old_hash = NULL;
  g_autoptr(GArray) report_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GArray) section_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GPtrArray) olds = NULL;
  gint64 existing_id = 0;

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT,
                   _("A document without a name cannot be stored"));
      return FALSE;
    }

  {
    g_autoptr(LuoshiStmt) stmt = NULL;
    LuoshiStep step;

    stmt = _luoshi_store_statement (self, "SELECT id, hash FROM files WHERE path = ?1", error);
    if (stmt == NULL || !_luoshi_store_bind_text (self, stmt, 1, path, error))
      return FALSE;
    step = _luoshi_store_step (self, stmt, error);
    if (step == LUOSHI_STEP_ERROR)
      return FALSE;
    if (step == LUOSHI_STEP_ROW)
      {
        existing_id = sqlite3_column_int64 (stmt, 0);
        old_hash = column_dup (stmt, 1);
      }
  }

  *file_id = existing_id;
  if (existing_id != 0 && !(flags & LUOSHI_IMPORT_FLAGS_FORCE)
      && g_strcmp0 (old_hash, hash) == 0)
    {
      *result = LUOSHI_IMPORT_SKIPPED;
      return TRUE;
    }
  *result = existing_id != 0 ? LUOSHI_IMPORT_UPDATED : LUOSHI_IMPORT_NEW;

  if (existing_id != 0)
    {
      olds = load_old_items (self, existing_id, error);
      if (olds == NULL || !clear_outline (self, existing_id, error))
        return FALSE;
    }

  if (!store_file_row (self, doc, path, hash, existing_id, file_id, error))
    return FALSE;

  for (guint i = 0; i < doc->reports->len; i++)
    {
      gint64 report_id = 0;

      if (!store_report (self, *file_id, i, g_ptr_array_index (doc->reports, i), &report_id, error))
        return FALSE;
      g_array_append_val (report_ids, report_id);
    }

  if (!store_sections (self, doc, *file_id, report_ids, section_ids, error)
      || !store_sentences (self, doc, *file_id, report_ids, section_ids, error)
      || !store_items (self, doc, *file_id, report_ids, olds, error))
    return FALSE;

  if (existing_id != 0
      && (!delete_surplus_reports (self, *file_id, doc->reports->len, error)
          || !luoshi_history_prune (self, error)))
    return FALSE;

  return TRUE;
}

gboolean
luoshi_store_begin_import (LuoshiStore  *self,
                           GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->importing, FALSE);

  if (!_luoshi_store_begin (self, error))
    return FALSE;
  /* New sentences are noted, and indexed all at once on commit. Each
   * path is imported once per import, so no noted sentence is deleted
   * (which would ask the index to forget a row it never had). */
  if (!_luoshi_store_exec (self,
        "CREATE TEMP TABLE IF NOT EXISTS fts_pending (id INTEGER PRIMARY KEY);"
        "DROP TRIGGER main.sentences_ai;"
        "CREATE TEMP TRIGGER fts_pending_ai AFTER INSERT ON main.sentences BEGIN"
        "  INSERT INTO fts_pending (id) VALUES (new.id);"
        "END;", error))
    {
      _luoshi_store_rollback (self);
      return FALSE;
    }
  self->importing = TRUE;
  self->import_changed = 0;
  self->import_changed_id = 0;
  return TRUE;
}

gboolean
luoshi_store_import_next (LuoshiStore        *self,
                          LuoshiDocument     *doc,
                          LuoshiImportFlags   flags,
                          LuoshiImportResult *result,
                          GError            **error)
{
  LuoshiImportResult outcome = LUOSHI_IMPORT_SKIPPED;
  gint64 file_id = 0;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->importing, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);

  if (!import_one (self, doc, flags, &outcome, &file_id, error))
    {
      luoshi_store_abort_import (self);
      g_prefix_error (error, _("Could not store “%s”: "), doc->name ? doc->name : "");
      return FALSE;
    }
  if (outcome != LUOSHI_IMPORT_SKIPPED)
    {
      self->import_changed++;
      self->import_changed_id = file_id;
    }
  if (result != NULL)
    *result = outcome;
  return TRUE;
}

gboolean
luoshi_store_commit_import (LuoshiStore  *self,
                            GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->importing, FALSE);

  self->importing = FALSE;
  if (!_luoshi_store_exec (self,
        "INSERT INTO sentences_fts (rowid, simplified)"
        "  SELECT s.id, s.simplified FROM temp.fts_pending p JOIN sentences s ON s.id = p.id;"
        "DELETE FROM temp.fts_pending;"
        "DROP TRIGGER temp.fts_pending_ai;"
        LUOSHI_STORE_SENTENCES_AI_TRIGGER, error))
    {
      _luoshi_store_rollback (self);
      return FALSE;
    }
  if (!_luoshi_store_commit (self, error))
    return FALSE;

  /* One signal for a folder, so views reload once. */
  if (self->import_changed > 0)
    _luoshi_store_emit_changed (self, LUOSHI_STORE_CHANGE_LIBRARY,
                                self->import_changed == 1 ? self->import_changed_id : 0);
  update_undo_state (self);
  return TRUE;
}

void
luoshi_store_abort_import (LuoshiStore *self)
{
  g_return_if_fail (LUOSHI_IS_STORE (self));

  if (!self->importing)
    return;
  self->importing = FALSE;
  _luoshi_store_rollback (self);
}

gboolean
luoshi_store_import_documents (LuoshiStore        *self,
                               GPtrArray          *docs,
                               LuoshiImportFlags   flags,
                               LuoshiImportResult *results,
                               GError            **error)
{
  g_autofree LuoshiImportResult *outcomes = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  g_return_val_if_fail (docs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  outcomes = g_new0 (LuoshiImportResult, docs->len + 1);

  if (!luoshi_store_begin_import (self, error))
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    if (!luoshi_store_import_next (self, g_ptr_array_index (docs, i), flags, &outcomes[i], error))
      return FALSE;
  if (!luoshi_store_commit_import (self, error))
    return FALSE;
  /* Results only for an import that happened. */
  if (results != NULL)
    memcpy (results, outcomes, docs->len * sizeof *results);
  return TRUE;
}

gboolean
luoshi_store_import_document (LuoshiStore        *self,
                              LuoshiDocument     *doc,
                              LuoshiImportFlags   flags,
                              LuoshiImportResult *result,
                              GError            **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  LuoshiImportResult results[1] = { LUOSHI_IMPORT_SKIPPED };

  g_return_val_if_fail (doc != NULL, FALSE);

  g_ptr_array_add (docs, doc);
  if (!luoshi_store_import_documents (self, docs, flags, results, error))
    return FALSE;
  if (result != NULL)
    *result = results[0];
  return TRUE;
}

gboolean
luoshi_store_remove_file (LuoshiStore  *self,
                          gint64        file_id,
                          GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  if (!_luoshi_store_begin (self, error))
    return FALSE;
  stmt = _luoshi_store_statement (self, "DELETE FROM files WHERE id = ?1", error);
  if (stmt == NULL
      || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error)
      || !_luoshi_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      not_found (error, _("file"), file_id);
      goto fail;
    }
  if (!luoshi_history_prune (self, error) || !_luoshi_store_commit (self, error))
    goto fail;

  _luoshi_store_emit_changed (self, LUOSHI_STORE_CHANGE_LIBRARY, file_id);
  update_undo_state (self);
  return TRUE;

fail:
  _luoshi_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Edits                                                                     */

static gboolean
check_live_item (LuoshiStore  *self,
                 gint64        item_id,
                 GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self, "SELECT 1 FROM items WHERE id = ?1 AND deleted = 0", error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, item_id, error))
    return FALSE;
  switch (_luoshi_store_step (self, stmt, error))
    {
    case LUOSHI_STEP_ROW:
      return TRUE;
    case LUOSHI_STEP_DONE:
      return not_found (error, _("item"), item_id);
    case LUOSHI_STEP_ERROR:
    default:
      return FALSE;
    }
}

static gboolean
touch_item (LuoshiStore  *self,
            gint64        item_id,
            GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self, "UPDATE items SET modified = ?2 WHERE id = ?1", error);
  return stmt != NULL
         && _luoshi_store_bind_int64 (self, stmt, 1, item_id, error)
         && _luoshi_store_bind_int64 (self, stmt, 2, g_get_real_time () / G_USEC_PER_SEC, error)
         && _luoshi_store_step_done (self, stmt, error);
}

/* One undoable edit of one row: @sets change the row; if any of them
 * really changes something, @follow (e.g. the edited flag) is set too.
 * A transaction of its own; emits ::changed when something changed. */
static gboolean
edit_row (LuoshiStore             *self,
          const char              *action,
          const char              *table,
          gint64                   row_id,
          const LuoshiHistorySet  *sets,
          guint                    n_sets,
          const LuoshiHistorySet  *follow,
          guint                    n_follow,
          GError                 **error)
{
  gboolean is_item = g_str_equal (table, "items");
  gboolean changed = FALSE;
  gint64 step = 0;

  if (!_luoshi_store_begin (self, error))
    return FALSE;

  if (is_item && !check_live_item (self, row_id, error))
    goto fail;
  if (!luoshi_history_begin_step (self, action, &step, error)
      || !luoshi_history_set (self, step, action, table, row_id, sets, n_sets, &changed, error))
    goto fail;
  if (changed && n_follow > 0
      && !luoshi_history_set (self, step, action, table, row_id, follow, n_follow, NULL, error))
    goto fail;
  if (changed && is_item && !touch_item (self, row_id, error))
    goto fail;
  if (!_luoshi_store_commit (self, error))
    return FALSE;

  if (changed)
    {
      _luoshi_store_emit_changed (self, is_item ? LUOSHI_STORE_CHANGE_ITEM : LUOSHI_STORE_CHANGE_REPORT,
                                  row_id);
      update_undo_state (self);
    }
  return TRUE;

fail:
  _luoshi_store_rollback (self);
  return FALSE;
}

gboolean
luoshi_store_set_item_kind (LuoshiStore     *self,
                            gint64           item_id,
                            LuoshiItemKind   kind,
                            GError         **error)
{
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("kind", luoshi_item_kind_to_string (kind)) };
  LuoshiHistorySet follow[] = { LUOSHI_HISTORY_INT ("edited", 1) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  return edit_row (self, "item-kind", "items", item_id, sets, G_N_ELEMENTS (sets),
                   follow, G_N_ELEMENTS (follow), error);
}

gboolean
luoshi_store_set_item_text (LuoshiStore     *self,
                            gint64           item_id,
                            const char      *text,
                            GError         **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *simplified = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT,
                   _("The text of item %" PRId64 " cannot be empty"), item_id);
      return FALSE;
    }
  simplified = luoshi_script_simplify (stripped, -1);

  {
    LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("text", stripped) };
    LuoshiHistorySet follow[] = {
      LUOSHI_HISTORY_TEXT ("simplified", simplified),
      LUOSHI_HISTORY_INT ("edited", 1),
    };

    return edit_row (self, "item-text", "items", item_id, sets, G_N_ELEMENTS (sets),
                     follow, G_N_ELEMENTS (follow), error);
  }
}

gboolean
luoshi_store_set_item_metrics (LuoshiStore     *self,
                               gint64           item_id,
                               GPtrArray       *metrics,
                               GError         **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  json = metrics_to_json (metrics);
  {
    LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("metrics", json) };
    LuoshiHistorySet follow[] = { LUOSHI_HISTORY_INT ("edited", 1) };

    return edit_row (self, "item-metrics", "items", item_id, sets, G_N_ELEMENTS (sets),
                     follow, G_N_ELEMENTS (follow), error);
  }
}

gboolean
luoshi_store_set_item_note (LuoshiStore     *self,
                            gint64           item_id,
                            const char      *note,
                            GError         **error)
{
  const char *value = (note != NULL && *note != '\0') ? note : NULL;
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("note", value) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  return edit_row (self, "item-note", "items", item_id, sets, G_N_ELEMENTS (sets),
                   NULL, 0, error);
}

gboolean
luoshi_store_set_item_tags (LuoshiStore         *self,
                            gint64               item_id,
                            const char * const  *tags,
                            GError             **error)
{
  g_auto(GStrv) clean = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  clean = normalize_tags (tags);
  json = tags_to_json ((const char * const *) clean);
  {
    LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("tags", json) };

    return edit_row (self, "item-tags", "items", item_id, sets, G_N_ELEMENTS (sets),
                     NULL, 0, error);
  }
}

gboolean
luoshi_store_set_item_key (LuoshiStore     *self,
                           gint64           item_id,
                           gboolean         key,
                           GError         **error)
{
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_INT ("key", key ? 1 : 0) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  return edit_row (self, "item-key", "items", item_id, sets, G_N_ELEMENTS (sets),
                   NULL, 0, error);
}

gboolean
luoshi_store_delete_item (LuoshiStore  *self,
                          gint64        item_id,
                          GError      **error)
{
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_INT ("deleted", 1) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  return edit_row (self, "item-delete", "items", item_id, sets, G_N_ELEMENTS (sets),
                   NULL, 0, error);
}

/* The outline path ("二、（三）") of the innermost section of @report_id
 * holding code point @at. */
static char *
section_path_at (LuoshiStore  *self,
                 gint64        report_id,
                 guint         at,
                 GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (self,
    "WITH RECURSIVE up (id, parent_id, label, level) AS ("
    "  SELECT * FROM (SELECT id, parent_id, label, 0 FROM sections"
    "   WHERE report_id = ?1 AND start_pos <= ?2 AND ?2 < end_pos"
    "   ORDER BY depth DESC, start_pos DESC LIMIT 1)"
    "  UNION ALL"
    "  SELECT s.id, s.parent_id, s.label, up.level + 1"
    "   FROM sections s JOIN up ON s.id = up.parent_id)"
    " SELECT coalesce (group_concat (label, ''), '')"
    " FROM (SELECT label FROM up ORDER BY level DESC)", error);
  if (stmt == NULL
      || !_luoshi_store_bind_int64 (self, stmt, 1, report_id, error)
      || !_luoshi_store_bind_int64 (self, stmt, 2, at, error))
    return NULL;
  if (_luoshi_store_step (self, stmt, error) != LUOSHI_STEP_ROW)
    return NULL;
  return column_dup (stmt, 0);
}

gint64
luoshi_store_add_item (LuoshiStore     *self,
                       gint64           report_id,
                       LuoshiItemKind   kind,
                       guint            start,
                       guint            end,
                       GError         **error)
{
  g_autofree char *text = NULL;
  g_autofree char *simplified = NULL;
  g_autofree char *path = NULL;
  gint64 file_id = 0;
  gint64 item_id = 0;
  gint64 step = 0;
  gint64 n_chars = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_INT ("deleted", 0) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), 0);

  if (!_luoshi_store_begin (self, error))
    return 0;

  {
    g_autoptr(LuoshiStmt) stmt = NULL;

    /* substr() counts characters, as our offsets do. */
    stmt = _luoshi_store_statement (self,
      "SELECT f.id, length (f.text), substr (f.text, ?2 + 1, ?3 - ?2),"
      " substr (f.simplified, ?2 + 1, ?3 - ?2)"
      " FROM reports r JOIN files f ON f.id = r.file_id WHERE r.id = ?1", error);
    if (stmt == NULL
        || !_luoshi_store_bind_int64 (self, stmt, 1, report_id, error)
        || !_luoshi_store_bind_int64 (self, stmt, 2, start, error)
        || !_luoshi_store_bind_int64 (self, stmt, 3, end, error))
      goto fail;
    switch (_luoshi_store_step (self, stmt, error))
      {
      case LUOSHI_STEP_ROW:
        break;
      case LUOSHI_STEP_DONE:
        not_found (error, _("report"), report_id);
        goto fail;
      case LUOSHI_STEP_ERROR:
      default:
        goto fail;
      }
    file_id = sqlite3_column_int64 (stmt, 0);
    n_chars = sqlite3_column_int64 (stmt, 1);
    text = column_dup (stmt, 2);
    simplified = column_dup (stmt, 3);
  }

  if (start >= end || end > n_chars)
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT,
                   _("The span %u–%u is not inside the text of report %" PRId64
                     " (%" PRId64 " characters)"),
                   start, end, report_id, n_chars);
      goto fail;
    }

  path = section_path_at (self, report_id, start, error);
  if (path == NULL)
    goto fail;

  {
    g_autoptr(LuoshiStmt) stmt = NULL;

    /* Inserted as deleted, then "undeleted" through the history, so undo
     * of the addition is an ordinary column change. */
    stmt = _luoshi_store_statement (self,
      "INSERT INTO items (file_id, report_id, kind, start_pos, end_pos, text, simplified,"
      " section_path, origin, deleted, created, modified)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'user', 1, ?9, ?9)", error);
    if (stmt == NULL
        || !_luoshi_store_bind_int64 (self, stmt, 1, file_id, error)
        || !_luoshi_store_bind_int64 (self, stmt, 2, report_id, error)
        || !_luoshi_store_bind_text (self, stmt, 3, luoshi_item_kind_to_string (kind), error)
        || !_luoshi_store_bind_int64 (self, stmt, 4, start, error)
        || !_luoshi_store_bind_int64 (self, stmt, 5, end, error)
        || !_luoshi_store_bind_text (self, stmt, 6, text, error)
        || !_luoshi_store_bind_text (self, stmt, 7, simplified, error)
        || !_luoshi_store_bind_text (self, stmt, 8, path, error)
        || !_luoshi_store_bind_int64 (self, stmt, 9, now, error)
        || !_luoshi_store_step_done (self, stmt, error))
      goto fail;
    item_id = sqlite3_last_insert_rowid (self->db);
  }

  if (!luoshi_history_begin_step (self, "item-add", &step, error)
      || !luoshi_history_set (self, step, "item-add", "items", item_id, sets, 1, NULL, error)
      || !_luoshi_store_commit (self, error))
    goto fail;

  _luoshi_store_emit_changed (self, LUOSHI_STORE_CHANGE_ITEM, item_id);
  update_undo_state (self);
  return item_id;

fail:
  _luoshi_store_rollback (self);
  return 0;
}

gboolean
luoshi_store_set_report_title (LuoshiStore  *self,
                               gint64        report_id,
                               const char   *title,
                               GError      **error)
{
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("title", title ? title : "") };
  LuoshiHistorySet follow[] = { LUOSHI_HISTORY_INT ("user_edited", 1) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  return edit_row (self, "report-title", "reports", report_id, sets, G_N_ELEMENTS (sets),
                   follow, G_N_ELEMENTS (follow), error);
}

gboolean
luoshi_store_set_report_period (LuoshiStore  *self,
                                gint64        report_id,
                                int           year,
                                int           half,
                                GError      **error)
{
  LuoshiHistorySet sets[] = {
    LUOSHI_HISTORY_INT ("year", year),
    LUOSHI_HISTORY_INT ("half", half),
  };
  LuoshiHistorySet follow[] = { LUOSHI_HISTORY_INT ("user_edited", 1) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  if (year < 0 || half < 0 || half > 2)
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT,
                   _("%d, half %d is not a valid period for report %" PRId64),
                   year, half, report_id);
      return FALSE;
    }
  return edit_row (self, "report-period", "reports", report_id, sets, G_N_ELEMENTS (sets),
                   follow, G_N_ELEMENTS (follow), error);
}

gboolean
luoshi_store_set_report_org (LuoshiStore  *self,
                             gint64        report_id,
                             const char   *org,
                             GError      **error)
{
  const char *value = (org != NULL && *org != '\0') ? org : NULL;
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("org", value) };
  LuoshiHistorySet follow[] = { LUOSHI_HISTORY_INT ("user_edited", 1) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  return edit_row (self, "report-org", "reports", report_id, sets, G_N_ELEMENTS (sets),
                   follow, G_N_ELEMENTS (follow), error);
}

gboolean
luoshi_store_set_report_kind (LuoshiStore      *self,
                              gint64            report_id,
                              LuoshiReportKind  kind,
                              GError          **error)
{
  LuoshiHistorySet sets[] = { LUOSHI_HISTORY_TEXT ("kind", luoshi_report_kind_to_string (kind)) };
  LuoshiHistorySet follow[] = { LUOSHI_HISTORY_INT ("user_edited", 1) };

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  return edit_row (self, "report-kind", "reports", report_id, sets, G_N_ELEMENTS (sets),
                   follow, G_N_ELEMENTS (follow), error);
}

gboolean
luoshi_store_set_verdict (LuoshiStore  *self,
                          gint64        item_id,
                          LuoshiStatus  status,
                          gboolean      by_user,
                          const char   *reason,
                          GPtrArray    *evidence,
                          GError      **error)
{
  g_autofree char *json = NULL;
  const char *why = (reason != NULL && *reason != '\0') ? reason : NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  json = _luoshi_store_evidence_to_json (evidence);
  {
    LuoshiHistorySet sets[] = {
      LUOSHI_HISTORY_TEXT ("status", luoshi_status_to_string (status)),
      LUOSHI_HISTORY_INT ("status_by_user", by_user ? 1 : 0),
      LUOSHI_HISTORY_TEXT ("status_reason", why),
      LUOSHI_HISTORY_TEXT ("evidence", json),
    };

    return edit_row (self, "verdict", "items", item_id, sets, G_N_ELEMENTS (sets),
                     NULL, 0, error);
  }
}

gboolean
luoshi_store_suggest_verdicts (LuoshiStore  *self,
                               GPtrArray    *items,
                               GError      **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  if (!_luoshi_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const LuoshiItem *item = g_ptr_array_index (items, i);
      g_autoptr(LuoshiStmt) stmt = NULL;
      g_autofree char *json = NULL;

      stmt = _luoshi_store_statement (self,
        "UPDATE items SET status = ?2, status_reason = ?3"
        " WHERE id = ?1 AND status_by_user = 0 AND deleted = 0", error);
      if (stmt == NULL
          || !_luoshi_store_bind_int64 (self, stmt, 1, item->id, error)
          || !_luoshi_store_bind_text (self, stmt, 2, luoshi_status_to_string (item->status), error)
          || !_luoshi_store_bind_text (self, stmt, 3, item->status_reason, error)
          || !_luoshi_store_step_done (self, stmt, error))
        goto fail;
      if (sqlite3_changes (self->db) == 0)
        continue;
      json = _luoshi_store_evidence_to_json (item->evidence);
      if (!_luoshi_store_write_evidence_json (self, item->id, json, error))
        goto fail;
      g_array_append_val (changed, item->id);
    }

  if (!_luoshi_store_commit (self, error))
    return FALSE;
  if (changed->len > 0)
    _luoshi_store_emit_changed (self, LUOSHI_STORE_CHANGE_ITEM,
                                changed->len == 1 ? g_array_index (changed, gint64, 0) : 0);
  return TRUE;

fail:
  _luoshi_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Undo / redo                                                               */

gboolean
luoshi_store_can_undo (LuoshiStore *self)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  return self->can_undo;
}

gboolean
luoshi_store_can_redo (LuoshiStore *self)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  return self->can_redo;
}

static gboolean
undo_or_redo (LuoshiStore  *self,
              gboolean      redo,
              GError      **error)
{
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (LuoshiHistoryTouched));
  GError *local_error = NULL;
  gint64 step;

  step = luoshi_history_peek (self, redo, NULL, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (step == 0)
    {
      /* Another connection may have dropped the step (pairs proposed
       * again in a worker): the buttons were out of date. */
      update_undo_state (self);
      return FALSE;
    }

  if (!_luoshi_store_begin (self, error))
    return FALSE;
  if (!luoshi_history_apply (self, step, redo, touched, error))
    {
      _luoshi_store_rollback (self);
      return FALSE;
    }
  if (!_luoshi_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < touched->len; i++)
    {
      const LuoshiHistoryTouched *t = &g_array_index (touched, LuoshiHistoryTouched, i);

      _luoshi_store_emit_changed (self, t->what, t->id);
    }
  update_undo_state (self);
  return TRUE;
}

gboolean
luoshi_store_undo (LuoshiStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  return undo_or_redo (self, FALSE, error);
}

gboolean
luoshi_store_redo (LuoshiStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);
  return undo_or_redo (self, TRUE, error);
}

static char *
history_label (LuoshiStore *self,
               gboolean     redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *action = NULL;

  if (luoshi_history_peek (self, redo, &action, &error) == 0)
    return NULL;
  return g_strdup (luoshi_history_action_label (action));
}

char *
luoshi_store_get_undo_label (LuoshiStore *self)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);
  return history_label (self, FALSE);
}

char *
luoshi_store_get_redo_label (LuoshiStore *self)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);
  return history_label (self, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Chains                                                                    */

/* A pair is never deleted by the user, so that adding and removing it
 * are column changes the history can undo (as for items):
 *   origin 'app',  deleted 0: proposed by the app;
 *   origin 'user', deleted 0: paired (or confirmed) by the user;
 *   origin 'user', deleted 1: removed by the user, which the app's
 *                             proposals respect;
 *   origin 'app',  deleted 1: absent, kept only for the history (an
 *                             undone pairing of a pair the app had not
 *                             proposed).
 * Every step sets origin 'user', so only rows whose steps were all undone
 * have origin 'app': luoshi_store_clear_app_chains() deletes those and
 * drops their (redo) history. */

/* The user's pairing of @plan_report_id with @review_report_id, as one
 * undoable step. Inside the caller's transaction. */
static gint64
add_user_chain (LuoshiStore  *self,
                gint64        plan_report_id,
                gint64        review_report_id,
                gboolean     *changed,
                GError      **error)
{
  LuoshiHistorySet sets[] = {
    LUOSHI_HISTORY_TEXT ("origin", "user"),
    LUOSHI_HISTORY_INT ("deleted", 0),
  };
  gint64 id = 0;
  gint64 step = 0;

  {
    g_autoptr(LuoshiStmt) stmt = NULL;
    LuoshiStep row;

    stmt = _luoshi_store_statement (self,
      "SELECT id FROM chains WHERE plan_report_id = ?1 AND review_report_id = ?2", error);
    if (stmt == NULL
        || !_luoshi_store_bind_int64 (self, stmt, 1, plan_report_id, error)
        || !_luoshi_store_bind_int64 (self, stmt, 2, review_report_id, error))
      return 0;
    row = _luoshi_store_step (self, stmt, error);
    if (row == LUOSHI_STEP_ERROR)
      return 0;
    if (row == LUOSHI_STEP_ROW)
      id = sqlite3_column_int64 (stmt, 0);
  }

  if (id == 0)
    {
      g_autoptr(LuoshiStmt) stmt = NULL;

      /* Inserted as absent, then set through the history, so undo of
       * the pairing is an ordinary column change. */
      stmt = _luoshi_store_statement (self,
        "INSERT INTO chains (plan_report_id, review_report_id, origin, deleted, created)"
        " VALUES (?1, ?2, 'app', 1, ?3)", error);
      if (stmt == NULL
          || !_luoshi_store_bind_int64 (self, stmt, 1, plan_report_id, error)
          || !_luoshi_store_bind_int64 (self, stmt, 2, review_report_id, error)
          || !_luoshi_store_bind_int64 (self, stmt, 3, g_get_real_time () / G_USEC_PER_SEC, error)
          || !_luoshi_store_step_done (self, stmt, error))
        return 0;
      id = sqlite3_last_insert_rowid (self->db);
    }

  if (!luoshi_history_begin_step (self, "chain-add", &step, error)
      || !luoshi_history_set (self, step, "chain-add", "chains", id, sets, G_N_ELEMENTS (sets),
                              changed, error))
    return 0;
  return id;
}

/* The app's proposal: not undoable. A pair the user removed stays
 * removed; one kept absent for the history comes back. */
static gint64
add_app_chain (LuoshiStore  *self,
               gint64        plan_report_id,
               gint64        review_report_id,
               GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  gint64 id;

  stmt = _luoshi_store_statement (self,
    "INSERT INTO chains (plan_report_id, review_report_id, origin, created)"
    " VALUES (?1, ?2, 'app', ?3)"
    " ON CONFLICT (plan_report_id, review_report_id) DO UPDATE SET"
    " deleted = CASE WHEN chains.origin = 'user' THEN chains.deleted ELSE 0 END"
    " RETURNING id", error);
  if (stmt == NULL
      || !_luoshi_store_bind_int64 (self, stmt, 1, plan_report_id, error)
      || !_luoshi_store_bind_int64 (self, stmt, 2, review_report_id, error)
      || !_luoshi_store_bind_int64 (self, stmt, 3, g_get_real_time () / G_USEC_PER_SEC, error))
    return 0;
  if (_luoshi_store_step (self, stmt, error) != LUOSHI_STEP_ROW)
    return 0;
  id = sqlite3_column_int64 (stmt, 0);
  if (_luoshi_store_step (self, stmt, error) != LUOSHI_STEP_DONE)
    return 0;
  return id;
}

gint64
luoshi_store_add_chain (LuoshiStore       *self,
                        gint64             plan_report_id,
                        gint64             review_report_id,
                        LuoshiChainOrigin  origin,
                        GError           **error)
{
  gboolean changed = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), 0);

  if (plan_report_id == review_report_id)
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT,
                   _("Report %" PRId64 " cannot track its own goals"), plan_report_id);
      return 0;
    }

  if (!_luoshi_store_begin (self, error))
    return 0;

  {
    g_autoptr(LuoshiStmt) check = NULL;
    gint64 ids[2] = { plan_report_id, review_report_id };

    check = _luoshi_store_statement (self, "SELECT 1 FROM reports WHERE id = ?1", error);
    if (check == NULL)
      goto fail;
    for (guint i = 0; i < 2; i++)
      {
        LuoshiStep step;

        _luoshi_stmt_release (check);
        if (!_luoshi_store_bind_int64 (self, check, 1, ids[i], error))
          goto fail;
        step = _luoshi_store_step (self, check, error);
        if (step == LUOSHI_STEP_ERROR)
          goto fail;
        if (step == LUOSHI_STEP_DONE)
          {
            not_found (error, _("report"), ids[i]);
            goto fail;
          }
      }
  }

  if (origin == LUOSHI_CHAIN_ORIGIN_USER)
    id = add_user_chain (self, plan_report_id, review_report_id, &changed, error);
  else
    id = add_app_chain (self, plan_report_id, review_report_id, error);
  if (id == 0)
    goto fail;

  if (!_luoshi_store_commit (self, error))
    return 0;
  _luoshi_store_emit_changed (self, LUOSHI_STORE_CHANGE_CHAIN, id);
  if (changed)
    update_undo_state (self);
  return id;

fail:
  _luoshi_store_rollback (self);
  return 0;
}

gboolean
luoshi_store_remove_chain (LuoshiStore  *self,
                           gint64        chain_id,
                           GError      **error)
{
  /* Marked as the user's so that the app does not propose it again. */
  LuoshiHistorySet sets[] = {
    LUOSHI_HISTORY_TEXT ("origin", "user"),
    LUOSHI_HISTORY_INT ("deleted", 1),
  };
  gint64 step = 0;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  if (!_luoshi_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(LuoshiStmt) stmt = NULL;
    LuoshiStep row;

    stmt = _luoshi_store_statement (self, "SELECT 1 FROM chains WHERE id = ?1 AND deleted = 0", error);
    if (stmt == NULL || !_luoshi_store_bind_int64 (self, stmt, 1, chain_id, error))
      goto fail;
    row = _luoshi_store_step (self, stmt, error);
    if (row == LUOSHI_STEP_ERROR)
      goto fail;
    if (row == LUOSHI_STEP_DONE)
      {
        not_found (error, _("chain"), chain_id);
        goto fail;
      }
  }

  if (!luoshi_history_begin_step (self, "chain-remove", &step, error)
      || !luoshi_history_set (self, step, "chain-remove", "chains", chain_id, sets,
                              G_N_ELEMENTS (sets), NULL, error)
      || !_luoshi_store_commit (self, error))
    goto fail;

  _luoshi_store_emit_changed (self, LUOSHI_STORE_CHANGE_CHAIN, chain_id);
  update_undo_state (self);
  return TRUE;

fail:
  _luoshi_store_rollback (self);
  return FALSE;
}

gboolean
luoshi_store_clear_app_chains (LuoshiStore  *self,
                               GError      **error)
{
  g_autoptr(LuoshiStmt) history = NULL;
  g_autoptr(LuoshiStmt) stmt = NULL;
  int n_history, n_chains;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), FALSE);

  if (!_luoshi_store_begin (self, error))
    return FALSE;

  /* Only undone steps can refer to an app chain (see above): the redo of
   * a pairing the user took back goes with it. Dropped in the same
   * transaction, so a new chain that gets the id is not touched by it. */
  history = _luoshi_store_statement (self,
    "DELETE FROM history WHERE tbl = 'chains'"
    " AND row_id IN (SELECT id FROM chains WHERE origin = 'app')", error);
  if (history == NULL || !_luoshi_store_step_done (self, history, error))
    goto fail;
  n_history = sqlite3_changes (self->db);

  stmt = _luoshi_store_statement (self, "DELETE FROM chains WHERE origin = 'app'", error);
  if (stmt == NULL || !_luoshi_store_step_done (self, stmt, error))
    goto fail;
  n_chains = sqlite3_changes (self->db);

  if (!_luoshi_store_commit (self, error))
    return FALSE;
  if (n_chains > 0)
    _luoshi_store_emit_changed (self, LUOSHI_STORE_CHANGE_CHAIN, 0);
  if (n_history > 0)
    update_undo_state (self);
  return TRUE;

fail:
  _luoshi_store_rollback (self);
  return FALSE;
}

GPtrArray *
luoshi_store_list_chains (LuoshiStore  *self,
                          GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autoptr(GPtrArray) chains = NULL;
  LuoshiStep step;

  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);

  stmt = _luoshi_store_statement (self,
    "SELECT id, plan_report_id, review_report_id, origin FROM chains"
    " WHERE deleted = 0 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  chains = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_store_chain_free);
  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      LuoshiStoreChain *chain = g_new0 (LuoshiStoreChain, 1);

      chain->id = sqlite3_column_int64 (stmt, 0);
      chain->plan_report_id = sqlite3_column_int64 (stmt, 1);
      chain->review_report_id = sqlite3_column_int64 (stmt, 2);
      chain->origin = g_strcmp0 (column_text (stmt, 3), "user") == 0
                      ? LUOSHI_CHAIN_ORIGIN_USER : LUOSHI_CHAIN_ORIGIN_APP;
      g_ptr_array_add (chains, chain);
    }
  if (step != LUOSHI_STEP_DONE)
    return NULL;
  return g_steal_pointer (&chains);
}

/* ------------------------------------------------------------------------ */
/* Search                                                                    */

/* ≥ 3 characters go through the trigram index as one quoted phrase (so
 * `"`, `%`, `*` are plain text); shorter queries are below the trigram
 * size and scan the base table with instr(). lower() folds ASCII only,
 * which keeps character offsets. */
#define SENTENCE_HIT_COLUMNS \
  "s.file_id, f.name, s.report_id, s.start_pos, s.end_pos, s.line, s.text," \
  " instr (lower (s.simplified), lower (?2))"

static const char search_sentences_fts[] =
  "SELECT " SENTENCE_HIT_COLUMNS
  " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid"
  " JOIN files f ON f.id = s.file_id"
  " WHERE sentences_fts MATCH ?1 ORDER BY f.name, f.id, s.start_pos LIMIT ?3";
static const char search_sentences_scan[] =
  "SELECT " SENTENCE_HIT_COLUMNS
  " FROM sentences s JOIN files f ON f.id = s.file_id"
  " WHERE instr (lower (s.simplified), lower (?2)) > 0"
  " ORDER BY f.name, f.id, s.start_pos LIMIT ?3";

#define ITEM_HIT_COLUMNS \
  "i.file_id, f.name, i.report_id, i.start_pos, i.end_pos, 0, i.text, i.id"

static const char search_items_scan[] =
  "SELECT " ITEM_HIT_COLUMNS
  " FROM items i JOIN files f ON f.id = i.file_id"
  " WHERE instr (lower (i.simplified), lower (?2)) > 0 AND i.deleted = 0"
  " ORDER BY f.name, f.id, i.start_pos LIMIT ?3";

static GPtrArray *
search (LuoshiStore  *self,
        const char   *query,
        guint         limit,
        gboolean      items,
        GError      **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_search_hit_free);
  g_autofree char *stripped = g_strstrip (g_strdup (query));
  g_autofree char *simplified = NULL;
  g_autoptr(GString) phrase = NULL;
  g_autoptr(LuoshiStmt) stmt = NULL;
  glong n_chars;
  gboolean fts;
  LuoshiStep step;

  if (*stripped == '\0')
    return g_steal_pointer (&hits);

  simplified = luoshi_script_simplify (stripped, -1);
  n_chars = g_utf8_strlen (simplified, -1);
  fts = n_chars >= 3;

  phrase = g_string_new ("\"");
  for (const char *p = simplified; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  if (items)
    stmt = _luoshi_store_statement (self, search_items_scan, error);
  else
    stmt = _luoshi_store_statement (self, fts ? search_sentences_fts : search_sentences_scan, error);
  if (stmt == NULL
      || !_luoshi_store_bind_text (self, stmt, 1, phrase->str, error)
      || !_luoshi_store_bind_text (self, stmt, 2, simplified, error)
      || !_luoshi_store_bind_int64 (self, stmt, 3, limit > 0 ? (gint64) limit : -1, error))
    return NULL;

  while ((step = _luoshi_store_step (self, stmt, error)) == LUOSHI_STEP_ROW)
    {
      LuoshiSearchHit *hit = g_new0 (LuoshiSearchHit, 1);

      hit->file_id = sqlite3_column_int64 (stmt, 0);
      hit->file_name = column_dup (stmt, 1);
      hit->report_id = sqlite3_column_int64 (stmt, 2);
      hit->start = (guint) sqlite3_column_int64 (stmt, 3);
      hit->end = (guint) sqlite3_column_int64 (stmt, 4);
      hit->line = (guint) sqlite3_column_int64 (stmt, 5);
      hit->snippet = column_dup (stmt, 6);
      if (items)
        hit->item_id = sqlite3_column_int64 (stmt, 7);
      else
        {
          gint64 at = sqlite3_column_int64 (stmt, 7);

          /* The match itself when instr() finds it (it may not for
           * non-ASCII case differences the trigram index folds). */
          if (at > 0)
            {
              hit->start += (guint) (at - 1);
              hit->end = hit->start + (guint) n_chars;
            }
        }
      g_ptr_array_add (hits, hit);
    }
  if (step != LUOSHI_STEP_DONE)
    return NULL;
  return g_steal_pointer (&hits);
}

GPtrArray *
luoshi_store_search (LuoshiStore  *self,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  return search (self, query, limit, FALSE, error);
}

GPtrArray *
luoshi_store_search_items (LuoshiStore  *self,
                           const char   *query,
                           guint         limit,
                           GError      **error)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  return search (self, query, limit, TRUE, error);
}

/* ------------------------------------------------------------------------ */
/* Value types                                                               */

void
luoshi_store_file_free (LuoshiStoreFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->name);
  g_free (file->hash);
  g_free (file->encoding);
  g_free (file);
}

void
luoshi_store_report_free (LuoshiStoreReport *report)
{
  if (report == NULL)
    return;
  g_free (report->file_name);
  g_clear_pointer (&report->report, luoshi_report_free);
  g_free (report);
}

void
luoshi_store_chain_free (LuoshiStoreChain *chain)
{
  g_free (chain);
}

void
luoshi_search_hit_free (LuoshiSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->file_name);
  g_free (hit->snippet);
  g_free (hit);
}
