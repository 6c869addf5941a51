/* luoshi-store.h: the library database (files, reports, items, history)
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "luoshi-types.h"
#include "luoshi-document.h"
#include "luoshi-item.h"

G_BEGIN_DECLS

/* LuoshiStore owns the only connection to the SQLite library database.
 *
 * Everything the user sees lives here: the decoded text of each imported
 * file, its reports, outline sections and sentences, the extracted items
 * and the user's layer on them (notes, tags, key flag, edited text/kind/
 * figures, user-added items, verdicts), plan→review chains, and an undo
 * history that survives restarts.
 *
 * Every edit is one transaction recorded in the history; luoshi_store_undo()
 * and luoshi_store_redo() walk it. After each committed change the store
 * emits #LuoshiStore::changed so views can refresh.
 *
 * The store is not thread-safe: use it from one thread (or hand it from
 * thread to thread, never using it from two at once). */

#define LUOSHI_STORE_ERROR (luoshi_store_error_quark ())

typedef enum {
  LUOSHI_STORE_ERROR_OPEN,          /* the file or folder cannot be opened/created */
  LUOSHI_STORE_ERROR_CORRUPT,       /* not a database, or a damaged one */
  LUOSHI_STORE_ERROR_LOCKED,        /* another program holds the database */
  LUOSHI_STORE_ERROR_NEWER_VERSION, /* written by a newer Luoshi */
  LUOSHI_STORE_ERROR_FULL,          /* the disk is full */
  LUOSHI_STORE_ERROR_IO,            /* read/write error, read-only file */
  LUOSHI_STORE_ERROR_NOT_FOUND,     /* no such file, report, item or chain */
  LUOSHI_STORE_ERROR_CONSTRAINT,    /* the change would break the data's rules */
  LUOSHI_STORE_ERROR_FAILED,        /* anything else; the message has SQLite's text */
} LuoshiStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define LUOSHI_STORE_SCHEMA_VERSION 5

typedef enum {
  LUOSHI_IMPORT_FLAGS_NONE  = 0,
  /* Re-import even if the path and hash are unchanged, e.g. after the
   * extractor improved. The user's layer is kept as for a changed file. */
  LUOSHI_IMPORT_FLAGS_FORCE = 1 << 0,
} LuoshiImportFlags;

typedef enum {
  LUOSHI_IMPORT_NEW,      /* the path was not in the library */
  LUOSHI_IMPORT_UPDATED,  /* the path was there with other content (or FORCE) */
  LUOSHI_IMPORT_SKIPPED,  /* same path, same hash: nothing done */
} LuoshiImportResult;

typedef enum {
  LUOSHI_CHAIN_ORIGIN_APP,   /* proposed by the app */
  LUOSHI_CHAIN_ORIGIN_USER,  /* made or confirmed by the user */
} LuoshiChainOrigin;

/* What #LuoshiStore::changed is about. */
typedef enum {
  LUOSHI_STORE_CHANGE_LIBRARY, /* files added/removed/re-imported; id is the file's
                                * id, or 0 when several changed at once (a folder) */
  LUOSHI_STORE_CHANGE_REPORT,  /* id is a report id */
  LUOSHI_STORE_CHANGE_ITEM,    /* id is an item id (added, edited or deleted), or 0
                                * for several (suggested verdicts) */
  LUOSHI_STORE_CHANGE_CHAIN,   /* id is a chain id, or 0 for several */
} LuoshiStoreChange;

/* One imported file. */
typedef struct
{
  gint64   id;
  char    *path;
  char    *name;       /* base name */
  guint64  size;       /* bytes */
  gint64   mtime;      /* seconds */
  char    *hash;       /* SHA-256, hex */
  char    *encoding;
  gint64   imported;   /* when it was (re)imported, seconds since the epoch */
  guint    n_reports;
  guint    n_items;    /* live items of all its reports */
} LuoshiStoreFile;

/* One report of an imported file, with its store ids. */
typedef struct
{
  gint64        id;
  gint64        file_id;
  char         *file_name;   /* base name of its file */
  guint         index;       /* order in its file, 0-based (= report_index of items) */
  gboolean      user_edited; /* the user changed title, kind, period or org */
  guint         n_items;     /* live items */
  LuoshiReport *report;      /* owned; start/end/lines/title/kind/period/org */
} LuoshiStoreReport;

/* A plan report whose goals are tracked in a later review report. */
typedef struct
{
  gint64            id;
  gint64            plan_report_id;
  gint64            review_report_id;
  LuoshiChainOrigin origin;
} LuoshiStoreChain;

/* One place where a search query occurs. */
typedef struct
{
  gint64  file_id;
  char   *file_name;
  gint64  report_id;
  gint64  item_id;     /* the item hit by luoshi_store_search_items(), else 0 */
  guint   start;       /* code points of the match in the file's text */
  guint   end;         /* exclusive */
  guint   line;        /* 1-based line of the sentence (0 for item hits) */
  char   *snippet;     /* the sentence or item text, in its own script */
} LuoshiSearchHit;

#define LUOSHI_TYPE_STORE (luoshi_store_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiStore, luoshi_store, LUOSHI, STORE, GObject)

GQuark        luoshi_store_error_quark    (void);

/* $XDG_DATA_HOME/luoshi/library.db; creates the folder. NULL and @error
 * set if the folder cannot be created. */
char         *luoshi_store_default_path   (GError      **error) G_GNUC_WARN_UNUSED_RESULT;

/* Opens (creating if needed) the database at @path, or an in-memory one
 * for ":memory:". Sets WAL, foreign keys and a busy timeout and migrates
 * the schema. A corrupt or locked file, or one written by a newer Luoshi,
 * gives an error and is left untouched. */
LuoshiStore  *luoshi_store_new            (const char   *path,
                                           GError      **error) G_GNUC_WARN_UNUSED_RESULT;
const char   *luoshi_store_get_path       (LuoshiStore  *self);
/* PRAGMA user_version of the open database (== LUOSHI_STORE_SCHEMA_VERSION). */
int           luoshi_store_get_schema_version (LuoshiStore *self);

/* --- Import ------------------------------------------------------------ */

/* Stores @doc (its text, reports, sections, sentences, items) under
 * doc->path (doc->name when NULL). Same path and hash → SKIPPED unless
 * FORCE. A changed file is replaced while the user's layer is kept on the
 * items that still exist (matched by kind + normalised text, then by
 * overlapping span); user-added items are kept where their text is still
 * found, with their span moved; report edits are kept by report order.
 * One transaction; nothing is changed on error. @result may be NULL. */
gboolean      luoshi_store_import_document  (LuoshiStore        *self,
                                             LuoshiDocument     *doc,
                                             LuoshiImportFlags   flags,
                                             LuoshiImportResult *result,
                                             GError            **error);
/* The same for several documents (a folder) in ONE transaction: all or
 * nothing. @results, if not NULL, has room for docs->len results. */
gboolean      luoshi_store_import_documents (LuoshiStore        *self,
                                             GPtrArray          *docs,
                                             LuoshiImportFlags   flags,
                                             LuoshiImportResult *results,
                                             GError            **error);
/* The same one document at a time, so a large folder need not be held
 * in memory: begin, then import_next for each document (which may be
 * freed right after), then commit — still ONE transaction. A failing
 * import_next rolls everything back and ends the import; abort ends it
 * without keeping anything. Results are not visible before the commit. */
gboolean      luoshi_store_begin_import     (LuoshiStore        *self,
                                             GError            **error);
gboolean      luoshi_store_import_next      (LuoshiStore        *self,
                                             LuoshiDocument     *doc,
                                             LuoshiImportFlags   flags,
                                             LuoshiImportResult *result,
                                             GError            **error);
gboolean      luoshi_store_commit_import    (LuoshiStore        *self,
                                             GError            **error);
void          luoshi_store_abort_import     (LuoshiStore        *self);
/* Removes a file with its reports, items and chains (not undoable). */
gboolean      luoshi_store_remove_file      (LuoshiStore        *self,
                                             gint64              file_id,
                                             GError            **error);

/* --- Reading ----------------------------------------------------------- */

/* GPtrArray of LuoshiStoreFile ordered by name; never NULL on success. */
GPtrArray    *luoshi_store_list_files       (LuoshiStore  *self,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
LuoshiStoreFile *luoshi_store_get_file      (LuoshiStore  *self,
                                             gint64        file_id,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* The id of the file stored under @path, or 0 (no error) when none. */
gint64        luoshi_store_find_file        (LuoshiStore  *self,
                                             const char   *path,
                                             GError      **error);
/* GPtrArray of LuoshiStoreReport of one file (@file_id > 0) or of all
 * files (0), ordered by file name and report order. */
GPtrArray    *luoshi_store_list_reports     (LuoshiStore  *self,
                                             gint64        file_id,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
LuoshiStoreReport *luoshi_store_get_report  (LuoshiStore  *self,
                                             gint64        report_id,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* The stored file as a document: path, name, encoding, size, mtime,
 * hash, text, reports, sections, sentences and its live items with ids,
 * report ids and all user fields (notes, tags, verdicts, evidence). */
LuoshiDocument *luoshi_store_load_document  (LuoshiStore  *self,
                                             gint64        file_id,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* GPtrArray of LuoshiItem (live ones, by start), for one report or file. */
GPtrArray    *luoshi_store_list_report_items (LuoshiStore *self,
                                             gint64        report_id,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray    *luoshi_store_list_file_items  (LuoshiStore  *self,
                                             gint64        file_id,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* Counts the live items of report @report_id by kind, into @counts
 * indexed by LuoshiItemKind (goal, achievement, problem). */
gboolean      luoshi_store_count_report_items (LuoshiStore  *self,
                                               gint64        report_id,
                                               guint         counts[3],
                                               GError      **error);
/* One live item; NOT_FOUND if it does not exist or was deleted. */
LuoshiItem   *luoshi_store_get_item         (LuoshiStore  *self,
                                             gint64        item_id,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;

/* --- Edits (each one transaction, undoable) ------------------------------ */

/* Each setter marks the item as edited where the extractor's value is
 * replaced (kind, text, metrics) and updates its modified time. Setting
 * the value it already has is a no-op that records nothing. */
gboolean      luoshi_store_set_item_kind    (LuoshiStore     *self,
                                             gint64           item_id,
                                             LuoshiItemKind   kind,
                                             GError         **error);
gboolean      luoshi_store_set_item_text    (LuoshiStore     *self,
                                             gint64           item_id,
                                             const char      *text,
                                             GError         **error);
/* @metrics: GPtrArray of LuoshiMetric (may be empty). */
gboolean      luoshi_store_set_item_metrics (LuoshiStore     *self,
                                             gint64           item_id,
                                             GPtrArray       *metrics,
                                             GError         **error);
/* NULL or "" clears the note. */
gboolean      luoshi_store_set_item_note    (LuoshiStore     *self,
                                             gint64           item_id,
                                             const char      *note,
                                             GError         **error);
gboolean      luoshi_store_set_item_tags    (LuoshiStore     *self,
                                             gint64           item_id,
                                             const char * const *tags,
                                             GError         **error);
gboolean      luoshi_store_set_item_key     (LuoshiStore     *self,
                                             gint64           item_id,
                                             gboolean         key,
                                             GError         **error);
/* Adds a user item of @kind for code points [start, end) of the report's
 * file; its text is taken from the file's text. Returns the new id, or 0
 * with @error set (NOT_FOUND, or CONSTRAINT for a span outside the text). */
gint64        luoshi_store_add_item         (LuoshiStore     *self,
                                             gint64           report_id,
                                             LuoshiItemKind   kind,
                                             guint            start,
                                             guint            end,
                                             GError         **error);
/* Deletes an item (extracted or user's); undo brings it back with its id.
 * A deleted extracted item stays deleted when its file is re-imported. */
gboolean      luoshi_store_delete_item      (LuoshiStore     *self,
                                             gint64           item_id,
                                             GError         **error);

/* Report edits set the report's user_edited flag, so re-imports keep them. */
gboolean      luoshi_store_set_report_title  (LuoshiStore      *self,
                                              gint64            report_id,
                                              const char       *title,
                                              GError          **error);
/* @year 0 = unknown; @half 0 = whole year, 1, 2. */
gboolean      luoshi_store_set_report_period (LuoshiStore      *self,
                                              gint64            report_id,
                                              int               year,
                                              int               half,
                                              GError          **error);
/* NULL or "" = unknown. */
gboolean      luoshi_store_set_report_org    (LuoshiStore      *self,
                                              gint64            report_id,
                                              const char       *org,
                                              GError          **error);
gboolean      luoshi_store_set_report_kind   (LuoshiStore      *self,
                                              gint64            report_id,
                                              LuoshiReportKind  kind,
                                              GError          **error);

/* The user's verdict on a goal (undoable). @evidence: GPtrArray of
 * LuoshiEvidence or NULL for none; it replaces the item's evidence. */
gboolean      luoshi_store_set_verdict       (LuoshiStore      *self,
                                              gint64            item_id,
                                              LuoshiStatus      status,
                                              gboolean          by_user,
                                              const char       *reason,
                                              GPtrArray        *evidence,
                                              GError          **error);
/* The app's suggested verdicts, for tracking runs: for each LuoshiItem of
 * @items (by id) stores status, status_reason and evidence with
 * status_by_user = FALSE, in one transaction, NOT recorded in the history.
 * Items whose verdict the user decided are left alone. */
gboolean      luoshi_store_suggest_verdicts  (LuoshiStore      *self,
                                              GPtrArray        *items,
                                              GError          **error);

/* --- Undo / redo --------------------------------------------------------- */

gboolean      luoshi_store_can_undo         (LuoshiStore  *self);
gboolean      luoshi_store_can_redo         (LuoshiStore  *self);
/* Undoes the last edit (or redoes the last undone one). FALSE without an
 * error when there is nothing to undo/redo. */
gboolean      luoshi_store_undo             (LuoshiStore  *self,
                                             GError      **error);
gboolean      luoshi_store_redo             (LuoshiStore  *self,
                                             GError      **error);
/* A translated description of what undo/redo would do ("Edit Note"),
 * or NULL when nothing. */
char         *luoshi_store_get_undo_label   (LuoshiStore  *self) G_GNUC_WARN_UNUSED_RESULT;
char         *luoshi_store_get_redo_label   (LuoshiStore  *self) G_GNUC_WARN_UNUSED_RESULT;

/* --- Chains -------------------------------------------------------------- */

/* Stores a plan→review pair; an existing pair gets @origin (USER wins
 * over APP). USER pairing is one undoable step ("Pair Reports"), which
 * also brings back a pair the user removed; APP proposals are not
 * undoable and leave a pair the user removed removed. Returns its id or
 * 0 with @error set. */
gint64        luoshi_store_add_chain        (LuoshiStore       *self,
                                             gint64             plan_report_id,
                                             gint64             review_report_id,
                                             LuoshiChainOrigin  origin,
                                             GError           **error);
/* The user's removal of a pair: one undoable step ("Remove Pair"); undo
 * brings it back with its origin. NOT_FOUND if no such (live) pair. */
gboolean      luoshi_store_remove_chain     (LuoshiStore       *self,
                                             gint64             chain_id,
                                             GError           **error);
/* Removes all APP chains (before storing a new proposal); keeps USER ones
 * and the pairs the user removed. Not undoable. */
gboolean      luoshi_store_clear_app_chains (LuoshiStore       *self,
                                             GError           **error);
/* GPtrArray of LuoshiStoreChain (not the removed ones), ordered by id. */
GPtrArray    *luoshi_store_list_chains      (LuoshiStore       *self,
                                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* --- Search -------------------------------------------------------------- */

/* Finds @query in the text of all files, in either script (traditional
 * and simplified forms match each other). Any text is accepted, quotes
 * and % included; 1–2 character queries work too. GPtrArray of
 * LuoshiSearchHit, at most @limit (0 = no limit), in file/offset order. */
GPtrArray    *luoshi_store_search           (LuoshiStore  *self,
                                             const char   *query,
                                             guint         limit,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same over the (live) items' text; hits have item_id set. */
GPtrArray    *luoshi_store_search_items     (LuoshiStore  *self,
                                             const char   *query,
                                             guint         limit,
                                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;

/* --- Value types --------------------------------------------------------- */

void          luoshi_store_file_free        (LuoshiStoreFile   *file);
void          luoshi_store_report_free      (LuoshiStoreReport *report);
void          luoshi_store_chain_free       (LuoshiStoreChain  *chain);
void          luoshi_search_hit_free        (LuoshiSearchHit   *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiStoreFile, luoshi_store_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiStoreReport, luoshi_store_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiStoreChain, luoshi_store_chain_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiSearchHit, luoshi_search_hit_free)

/* Emits "changed" for a change made through another connection to the
 * same library (a worker thread's), so the views of this one refresh. */
void          luoshi_store_notify_changed   (LuoshiStore       *self,
                                             LuoshiStoreChange  what,
                                             gint64             id);

/* Signals:
 *   "changed" (LuoshiStore *store, LuoshiStoreChange what, gint64 id):
 *       after a change is committed (edits, undo/redo, imports, chains).
 * Properties:
 *   "path" (string, construct-only), "can-undo", "can-redo" (boolean,
 *   read-only; notified only when they change). */

G_END_DECLS
