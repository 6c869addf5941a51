/* luoshi-history.h: the store's persistent undo/redo history
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-store-private.h"

G_BEGIN_DECLS

/* The history is a table of column changes grouped in steps: one step per
 * user edit, each row holding (table, row id, column, old value, new
 * value). Undo writes the old values of the newest step not undone, redo
 * the new values of the oldest undone one; a new edit drops the undone
 * steps. Deleting an item is a change of its `deleted` column, adding one
 * a change of `deleted` from 1 to 0, so every edit is a column change and
 * ids survive undo; plan→review pairs (chains) are added and removed the
 * same way. Because it is a table it survives restarts.
 *
 * These functions do NOT open transactions: the store wraps each edit (or
 * each undo/redo) and its history rows in one. Table and column names come
 * from a fixed list (checked), never from user text. */

typedef enum {
  LUOSHI_HISTORY_VALUE_NULL,
  LUOSHI_HISTORY_VALUE_INT,
  LUOSHI_HISTORY_VALUE_DOUBLE,
  LUOSHI_HISTORY_VALUE_TEXT,
} LuoshiHistoryValueType;

/* One column to set. For table "items", column "evidence" is the list of
 * evidence rows as JSON (see _luoshi_store_evidence_to_json()). */
typedef struct
{
  const char             *column;
  LuoshiHistoryValueType  type;
  gint64                  i;
  double                  d;
  const char             *s;
} LuoshiHistorySet;

#define LUOSHI_HISTORY_INT(col, v)    ((LuoshiHistorySet) { (col), LUOSHI_HISTORY_VALUE_INT, (gint64) (v), 0.0, NULL })
#define LUOSHI_HISTORY_TEXT(col, v)   ((LuoshiHistorySet) { (col), (v) ? LUOSHI_HISTORY_VALUE_TEXT : LUOSHI_HISTORY_VALUE_NULL, 0, 0.0, (v) })

/* A row an undo/redo touched, for LuoshiStore::changed. */
typedef struct
{
  LuoshiStoreChange what;  /* ITEM, REPORT or CHAIN */
  gint64            id;
} LuoshiHistoryTouched;

/* Starts a new step for @action ("item-note", …): drops the undone steps
 * and returns the new step number in @step. */
gboolean      luoshi_history_begin_step   (LuoshiStore             *store,
                                           const char              *action,
                                           gint64                  *step,
                                           GError                 **error);

/* Sets the columns of row @row_id of @table ("items", "reports" or
 * "chains"), recording each column whose value really changes in @step.
 * @changed (may be NULL) says whether anything changed. NOT_FOUND if no
 * such row. */
gboolean      luoshi_history_set          (LuoshiStore             *store,
                                           gint64                   step,
                                           const char              *action,
                                           const char              *table,
                                           gint64                   row_id,
                                           const LuoshiHistorySet  *sets,
                                           guint                    n_sets,
                                           gboolean                *changed,
                                           GError                 **error);

/* The step undo (@redo FALSE) or redo would apply, 0 when none; @action
 * (may be NULL) gets its action name. */
gint64        luoshi_history_peek         (LuoshiStore             *store,
                                           gboolean                 redo,
                                           char                   **action,
                                           GError                 **error);

/* Applies the old (undo) or new (redo) values of @step and marks it.
 * @touched (may be NULL) gets LuoshiHistoryTouched entries. */
gboolean      luoshi_history_apply        (LuoshiStore             *store,
                                           gint64                   step,
                                           gboolean                 redo,
                                           GArray                  *touched,
                                           GError                 **error);

/* Drops history rows whose item, report or chain no longer exists (after a
 * re-import or a file's removal) and steps beyond the kept length. */
gboolean      luoshi_history_prune        (LuoshiStore             *store,
                                           GError                 **error);

/* A translated label for @action ("Edit Note"), for menus and toasts. */
const char   *luoshi_history_action_label (const char              *action);

G_END_DECLS
