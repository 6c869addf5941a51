/* luoshi-history.c: the store's persistent undo/redo history
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

/* PRId64, not G_GINT64_FORMAT, in translatable strings: xgettext knows
 * the <inttypes.h> macros, so the msgid stays whole. */
#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "luoshi-history.h"

/* How many steps are kept; older ones are dropped by luoshi_history_prune(). */
#define MAX_STEPS 1000

/* The only tables and columns the history may write: SQL is built from
 * these names, never from stored or user text. */
static const char * const item_columns[] = {
  "kind", "text", "simplified", "metrics", "note", "tags", "key", "edited",
  "deleted", "status", "status_by_user", "status_reason", "evidence", NULL
};
static const char * const report_columns[] = {
  "title", "kind", "year", "half", "org", "user_edited", NULL
};
/* A pair is never deleted by an edit: adding and removing it set these. */
static const char * const chain_columns[] = {
  "origin", "deleted", NULL
};

static const char *
allowed_table (const char *table)
{
  if (g_strcmp0 (table, "items") == 0)
    return "items";
  if (g_strcmp0 (table, "reports") == 0)
    return "reports";
  if (g_strcmp0 (table, "chains") == 0)
    return "chains";
  return NULL;
}

/* The whitelisted spelling of @column of @table, or NULL. */
static const char *
allowed_column (const char *table,
                const char *column)
{
  const char * const *columns;

  if (g_strcmp0 (table, "items") == 0)
    columns = item_columns;
  else if (g_strcmp0 (table, "reports") == 0)
    columns = report_columns;
  else if (g_strcmp0 (table, "chains") == 0)
    columns = chain_columns;
  else
    return NULL;

  for (guint i = 0; columns[i] != NULL; i++)
    if (g_strcmp0 (columns[i], column) == 0)
      return columns[i];
  return NULL;
}

static gboolean
is_evidence (const char *table,
             const char *column)
{
  return g_str_equal (table, "items") && g_str_equal (column, "evidence");
}

static gboolean
bind_value (LuoshiStore             *store,
            LuoshiStmt              *stmt,
            int                      pos,
            const LuoshiHistorySet  *set,
            GError                 **error)
{
  switch (set->type)
    {
    case LUOSHI_HISTORY_VALUE_INT:
      return _luoshi_store_bind_int64 (store, stmt, pos, set->i, error);
    case LUOSHI_HISTORY_VALUE_DOUBLE:
      return _luoshi_store_bind_double (store, stmt, pos, set->d, error);
    case LUOSHI_HISTORY_VALUE_TEXT:
      return _luoshi_store_bind_text (store, stmt, pos, set->s, error);
    case LUOSHI_HISTORY_VALUE_NULL:
    default:
      return _luoshi_store_bind_null (store, stmt, pos, error);
    }
}

gboolean
luoshi_history_begin_step (LuoshiStore  *store,
                           const char   *action,
                           gint64       *step,
                           GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  g_return_val_if_fail (action != NULL, FALSE);

  /* Above every step, undone ones included, so numbers never repeat
   * before the undone steps are dropped. */
  stmt = _luoshi_store_statement (store, "SELECT coalesce (max (step), 0) + 1 FROM history", error);
  if (stmt == NULL || _luoshi_store_step (store, stmt, error) != LUOSHI_STEP_ROW)
    return FALSE;
  *step = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
row_exists (LuoshiStore  *store,
            const char   *table,
            gint64        row_id,
            gboolean     *exists,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  g_autoptr(LuoshiStmt) stmt = NULL;
  LuoshiStep step;

  stmt = _luoshi_store_statement (store, sql, error);
  if (stmt == NULL || !_luoshi_store_bind_int64 (store, stmt, 1, row_id, error))
    return FALSE;
  step = _luoshi_store_step (store, stmt, error);
  *exists = step == LUOSHI_STEP_ROW;
  return step != LUOSHI_STEP_ERROR;
}

/* A new edit (step @step) makes the undone steps unreachable, and pushes
 * the oldest step out once there are MAX_STEPS. */
static gboolean
drop_redo (LuoshiStore  *store,
           gint64        step,
           GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;

  stmt = _luoshi_store_statement (store,
    "DELETE FROM history WHERE undone = 1 OR step <= ?1 - ?2", error);
  return stmt != NULL
         && _luoshi_store_bind_int64 (store, stmt, 1, step, error)
         && _luoshi_store_bind_int64 (store, stmt, 2, MAX_STEPS, error)
         && _luoshi_store_step_done (store, stmt, error);
}

static gboolean
record (LuoshiStore  *store,
        gint64        step,
        const char   *action,
        const char   *table,
        gint64        row_id,
        const char   *column,
        const char   *old_text,  /* for evidence only */
        const char   *new_text,
        const LuoshiHistorySet *set,
        GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  if (is_evidence (table, column))
    sql = g_strdup ("INSERT INTO history (step, action, tbl, row_id, col, old_value, new_value, time)"
                    " VALUES (?1, ?2, ?3, ?4, ?5, ?8, ?6, ?7)");
  else
    /* The old value is copied by SQLite, keeping its type. */
    sql = g_strdup_printf ("INSERT INTO history (step, action, tbl, row_id, col, old_value, new_value, time)"
                           " SELECT ?1, ?2, ?3, ?4, ?5, %s, ?6, ?7 FROM %s WHERE id = ?4",
                           column, table);

  stmt = _luoshi_store_statement (store, sql, error);
  if (stmt == NULL
      || !_luoshi_store_bind_int64 (store, stmt, 1, step, error)
      || !_luoshi_store_bind_text (store, stmt, 2, action, error)
      || !_luoshi_store_bind_text (store, stmt, 3, table, error)
      || !_luoshi_store_bind_int64 (store, stmt, 4, row_id, error)
      || !_luoshi_store_bind_text (store, stmt, 5, column, error)
      || (is_evidence (table, column)
          ? !_luoshi_store_bind_text (store, stmt, 6, new_text, error)
          : !bind_value (store, stmt, 6, set, error))
      || !_luoshi_store_bind_int64 (store, stmt, 7, g_get_real_time () / G_USEC_PER_SEC, error))
    return FALSE;
  if (is_evidence (table, column)
      && !_luoshi_store_bind_text (store, stmt, 8, old_text, error))
    return FALSE;
  return _luoshi_store_step_done (store, stmt, error);
}

static gboolean
set_evidence (LuoshiStore             *store,
              gint64                   step,
              const char              *action,
              gint64                   row_id,
              const LuoshiHistorySet  *set,
              gboolean                *changed,
              GError                 **error)
{
  g_autofree char *old_json = NULL;
  const char *new_json = set->s != NULL ? set->s : "[]";
  g_autofree char *old_norm = NULL;

  if (!_luoshi_store_read_evidence_json (store, row_id, &old_json, error))
    return FALSE;
  /* Both sides are compared as SQLite writes them. */
  {
    g_autoptr(LuoshiStmt) stmt = NULL;

    stmt = _luoshi_store_statement (store,
      "SELECT json_group_array (json_object ('file', json_extract (value, '$.file'),"
      " 'file_id', coalesce (json_extract (value, '$.file_id'), 0),"
      " 'start', coalesce (json_extract (value, '$.start'), 0),"
      " 'end', coalesce (json_extract (value, '$.end'), 0),"
      " 'score', coalesce (json_extract (value, '$.score'), 0) + 0.0,"
      " 'text', coalesce (json_extract (value, '$.text'), '')))"
      " FROM (SELECT value FROM json_each (?1) ORDER BY key)", error);
    if (stmt == NULL
        || !_luoshi_store_bind_text (store, stmt, 1, new_json, error)
        || _luoshi_store_step (store, stmt, error) != LUOSHI_STEP_ROW)
      return FALSE;
    old_norm = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  if (g_strcmp0 (old_json, old_norm) == 0)
    return TRUE;

  if (!drop_redo (store, step, error)
      || !record (store, step, action, "items", row_id, "evidence", old_json, new_json, set, error)
      || !_luoshi_store_write_evidence_json (store, row_id, new_json, error))
    return FALSE;
  *changed = TRUE;
  return TRUE;
}

gboolean
luoshi_history_set (LuoshiStore             *store,
                    gint64                   step,
                    const char              *action,
                    const char              *table,
                    gint64                   row_id,
                    const LuoshiHistorySet  *sets,
                    guint                    n_sets,
                    gboolean                *changed,
                    GError                 **error)
{
  gboolean any = FALSE;
  gboolean exists = FALSE;

  g_return_val_if_fail (allowed_table (table) != NULL, FALSE);
  table = allowed_table (table);

  if (!row_exists (store, table, row_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND,
                   g_str_equal (table, "items")
                   ? _("The item %" PRId64 " does not exist (it may have been deleted)")
                   : g_str_equal (table, "reports")
                   ? _("The report %" PRId64 " does not exist (it may have been deleted)")
                   : _("The pair %" PRId64 " does not exist (it may have been removed)"),
                   row_id);
      return FALSE;
    }

  for (guint i = 0; i < n_sets; i++)
    {
      const char *column = allowed_column (table, sets[i].column);
      g_autoptr(LuoshiStmt) same = NULL;
      g_autoptr(LuoshiStmt) update = NULL;
      g_autofree char *same_sql = NULL;
      g_autofree char *update_sql = NULL;

      g_return_val_if_fail (column != NULL, FALSE);

      if (is_evidence (table, column))
        {
          if (!set_evidence (store, step, action, row_id, &sets[i], &any, error))
            return FALSE;
          continue;
        }

      /* IS compares NULLs too. */
      same_sql = g_strdup_printf ("SELECT %s IS ?1 FROM %s WHERE id = ?2", column, table);
      same = _luoshi_store_statement (store, same_sql, error);
      if (same == NULL
          || !bind_value (store, same, 1, &sets[i], error)
          || !_luoshi_store_bind_int64 (store, same, 2, row_id, error)
          || _luoshi_store_step (store, same, error) != LUOSHI_STEP_ROW)
        return FALSE;
      if (sqlite3_column_int (same, 0))
        continue;

      if (!drop_redo (store, step, error)
          || !record (store, step, action, table, row_id, column, NULL, NULL, &sets[i], error))
        return FALSE;

      update_sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2", table, column);
      update = _luoshi_store_statement (store, update_sql, error);
      if (update == NULL
          || !bind_value (store, update, 1, &sets[i], error)
          || !_luoshi_store_bind_int64 (store, update, 2, row_id, error)
          || !_luoshi_store_step_done (store, update, error))
        return FALSE;
      any = TRUE;
    }

  if (changed != NULL)
    *changed = any;
  return TRUE;
}

gint64
luoshi_history_peek (LuoshiStore  *store,
                     gboolean      redo,
                     char        **action,
                     GError      **error)
{
  g_autoptr(LuoshiStmt) stmt = NULL;
  LuoshiStep step;

  stmt = _luoshi_store_statement (store,
                                  redo
                                  ? "SELECT step, action FROM history WHERE undone = 1"
                                    " ORDER BY step ASC, id ASC LIMIT 1"
                                  : "SELECT step, action FROM history WHERE undone = 0"
                                    " ORDER BY step DESC, id DESC LIMIT 1",
                                  error);
  if (stmt == NULL)
    return 0;
  step = _luoshi_store_step (store, stmt, error);
  if (step != LUOSHI_STEP_ROW)
    return 0;
  if (action != NULL)
    *action = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  gint64  id;
  char   *table;
  gint64  row_id;
  char   *column;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_free (entry->table);
  g_free (entry->column);
}

static void
add_touched (GArray            *touched,
             LuoshiStoreChange  what,
             gint64             id)
{
  LuoshiHistoryTouched t = { what, id };

  if (touched == NULL)
    return;
  for (guint i = 0; i < touched->len; i++)
    {
      const LuoshiHistoryTouched *seen = &g_array_index (touched, LuoshiHistoryTouched, i);

      if (seen->what == what && seen->id == id)
        return;
    }
  g_array_append_val (touched, t);
}

static gboolean
apply_entry (LuoshiStore  *store,
             const Entry  *entry,
             gboolean      redo,
             GError      **error)
{
  const char *which = redo ? "new_value" : "old_value";
  const char *table = allowed_table (entry->table);
  const char *column = allowed_column (entry->table, entry->column);
  g_autofree char *sql = NULL;
  g_autoptr(LuoshiStmt) stmt = NULL;
  gboolean exists = FALSE;

  /* Rows from a damaged or foreign history are skipped, not obeyed. */
  if (table == NULL || column == NULL)
    return TRUE;

  if (!row_exists (store, table, entry->row_id, &exists, error))
    return FALSE;
  if (!exists)
    return TRUE;

  if (is_evidence (table, column))
    {
      g_autofree char *json = NULL;

      sql = g_strdup_printf ("SELECT %s FROM history WHERE id = ?1", which);
      stmt = _luoshi_store_statement (store, sql, error);
      if (stmt == NULL
          || !_luoshi_store_bind_int64 (store, stmt, 1, entry->id, error)
          || _luoshi_store_step (store, stmt, error) != LUOSHI_STEP_ROW)
        return FALSE;
      json = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      _luoshi_stmt_release (g_steal_pointer (&stmt));
      return _luoshi_store_write_evidence_json (store, entry->row_id, json, error);
    }

  sql = g_strdup_printf ("UPDATE %s SET %s = (SELECT %s FROM history WHERE id = ?1) WHERE id = ?2",
                         table, column, which);
  stmt = _luoshi_store_statement (store, sql, error);
  return stmt != NULL
         && _luoshi_store_bind_int64 (store, stmt, 1, entry->id, error)
         && _luoshi_store_bind_int64 (store, stmt, 2, entry->row_id, error)
         && _luoshi_store_step_done (store, stmt, error);
}

gboolean
luoshi_history_apply (LuoshiStore  *store,
                      gint64        step,
                      gboolean      redo,
                      GArray       *touched,
                      GError      **error)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);

  {
    g_autoptr(LuoshiStmt) stmt = NULL;
    LuoshiStep row;

    /* Undo walks the step backwards, redo forwards. */
    stmt = _luoshi_store_statement (store,
                                    redo
                                    ? "SELECT id, tbl, row_id, col FROM history WHERE step = ?1 ORDER BY id ASC"
                                    : "SELECT id, tbl, row_id, col FROM history WHERE step = ?1 ORDER BY id DESC",
                                    error);
    if (stmt == NULL || !_luoshi_store_bind_int64 (store, stmt, 1, step, error))
      return FALSE;
    while ((row = _luoshi_store_step (store, stmt, error)) == LUOSHI_STEP_ROW)
      {
        Entry entry = {
          sqlite3_column_int64 (stmt, 0),
          g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
          sqlite3_column_int64 (stmt, 2),
          g_strdup ((const char *) sqlite3_column_text (stmt, 3)),
        };

        g_array_append_val (entries, entry);
      }
    if (row != LUOSHI_STEP_DONE)
      return FALSE;
  }

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      LuoshiStoreChange what = LUOSHI_STORE_CHANGE_ITEM;

      if (!apply_entry (store, entry, redo, error))
        return FALSE;
      if (g_strcmp0 (entry->table, "reports") == 0)
        what = LUOSHI_STORE_CHANGE_REPORT;
      else if (g_strcmp0 (entry->table, "chains") == 0)
        what = LUOSHI_STORE_CHANGE_CHAIN;
      add_touched (touched, what, entry->row_id);
    }

  {
    g_autoptr(LuoshiStmt) mark = NULL;

    mark = _luoshi_store_statement (store, "UPDATE history SET undone = ?2 WHERE step = ?1", error);
    return mark != NULL
           && _luoshi_store_bind_int64 (store, mark, 1, step, error)
           && _luoshi_store_bind_int64 (store, mark, 2, redo ? 0 : 1, error)
           && _luoshi_store_step_done (store, mark, error);
  }
}

gboolean
luoshi_history_prune (LuoshiStore  *store,
                      GError      **error)
{
  g_autoptr(LuoshiStmt) gone = NULL;
  g_autoptr(LuoshiStmt) old = NULL;

  gone = _luoshi_store_statement (store,
    "DELETE FROM history WHERE"
    " (tbl = 'items' AND row_id NOT IN (SELECT id FROM items))"
    " OR (tbl = 'reports' AND row_id NOT IN (SELECT id FROM reports))"
    " OR (tbl = 'chains' AND row_id NOT IN (SELECT id FROM chains))", error);
  if (gone == NULL || !_luoshi_store_step_done (store, gone, error))
    return FALSE;

  old = _luoshi_store_statement (store,
    "DELETE FROM history WHERE step <= (SELECT max (step) FROM history) - ?1", error);
  return old != NULL
         && _luoshi_store_bind_int64 (store, old, 1, MAX_STEPS, error)
         && _luoshi_store_step_done (store, old, error);
}

static const struct {
  const char *action;
  const char *label;
} action_labels[] = {
  { "item-kind", N_("Change Item Kind") },
  { "item-text", N_("Edit Item Text") },
  { "item-metrics", N_("Edit Figures") },
  { "item-note", N_("Edit Note") },
  { "item-tags", N_("Edit Tags") },
  { "item-key", N_("Change Key Flag") },
  { "item-add", N_("Add Item") },
  { "item-delete", N_("Delete Item") },
  { "report-title", N_("Rename Report") },
  { "report-period", N_("Change Report Period") },
  { "report-org", N_("Change Issuing Body") },
  { "report-kind", N_("Change Report Kind") },
  { "verdict", N_("Change Verdict") },
  { "chain-add", N_("Pair Reports") },
  { "chain-remove", N_("Remove Pair") },
};

const char *
luoshi_history_action_label (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_strcmp0 (action_labels[i].action, action) == 0)
      return _(action_labels[i].label);
  return _("Edit");
}
