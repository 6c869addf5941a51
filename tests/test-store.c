/* test-store.c: the library database
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "luoshi-store.h"
#include "store-fixture.h"

/* --- helpers ------------------------------------------------------------ */

static char *
pragma_text (LuoshiStore *store,
             const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStmt) stmt = _luoshi_store_statement (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (_luoshi_store_step (store, stmt, &error), ==, LUOSHI_STEP_ROW);
  g_assert_no_error (error);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gint64
count_rows (LuoshiStore *store,
            const char  *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStmt) stmt = _luoshi_store_statement (store, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (_luoshi_store_step (store, stmt, &error), ==, LUOSHI_STEP_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static LuoshiStore *
memory_store (void)
{
  g_autoptr(GError) error = NULL;
  LuoshiStore *store = luoshi_store_new (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
write_file (const char   *path,
            const char   *contents,
            gssize        len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* Runs SQL on a separate raw connection (another program). */
static sqlite3 *
raw_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
}

/* --- opening -------------------------------------------------------------- */

static void
test_open_memory (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autofree char *journal = pragma_text (store, "PRAGMA journal_mode");
  g_autofree char *fk = pragma_text (store, "PRAGMA foreign_keys");

  g_assert_cmpstr (journal, ==, "memory");
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpint (luoshi_store_get_schema_version (store), ==, LUOSHI_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (luoshi_store_get_path (store), ==, ":memory:");
  g_assert_false (luoshi_store_can_undo (store));
  g_assert_false (luoshi_store_can_redo (store));
}

static void
test_open_file_pragmas (void)
{
  g_autofree char *path = fixture_db_path ("pragmas.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = luoshi_store_new (path, &error);
  g_autofree char *journal = NULL;
  g_autofree char *fk = NULL;
  g_autofree char *timeout = NULL;

  g_assert_no_error (error);
  journal = pragma_text (store, "PRAGMA journal_mode");
  fk = pragma_text (store, "PRAGMA foreign_keys");
  timeout = pragma_text (store, "PRAGMA busy_timeout");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpint (atoi (timeout), >=, 1000);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_open_migrate_empty (void)
{
  g_autofree char *path = fixture_db_path ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = NULL;

  /* A zero-length file is an empty database: migrated from version 0. */
  write_file (path, "", 0);
  store = luoshi_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luoshi_store_get_schema_version (store), ==, LUOSHI_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store,
                               "SELECT count(*) FROM sqlite_master WHERE name IN"
                               " ('files', 'reports', 'sections', 'sentences', 'items',"
                               " 'evidence', 'chains', 'history', 'sentences_fts')"),
                   ==, 9);
  /* Version 3 dropped the items' own index: item search scans. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_master WHERE name = 'items_fts'"), ==, 0);
  g_clear_object (&store);

  /* Reopening runs no migration and keeps the version. */
  store = luoshi_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luoshi_store_get_schema_version (store), ==, LUOSHI_STORE_SCHEMA_VERSION);
}

static void
test_open_migrate_v1 (void)
{
  g_autofree char *path = fixture_db_path ("v1.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = luoshi_store_new (path, &error);
  gint64 file_id;
  const char *count_v2_indexes =
    "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN"
    " ('sections_report', 'sections_parent', 'sentences_report', 'sentences_section',"
    " 'evidence_file', 'chains_review')";

  g_assert_no_error (error);
  file_id = fixture_import (store);
  g_assert_cmpint (count_rows (store, count_v2_indexes), ==, 6);

  /* Turn it back into a version 1 library with data in it. */
  g_assert_true (_luoshi_store_exec (store,
    "DROP INDEX sections_report; DROP INDEX sections_parent; DROP INDEX sentences_report;"
    " DROP INDEX sentences_section; DROP INDEX evidence_file; DROP INDEX chains_review;"
    " ALTER TABLE chains DROP COLUMN deleted; PRAGMA user_version = 1;", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = luoshi_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (luoshi_store_get_schema_version (store), ==, LUOSHI_STORE_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (store, count_v2_indexes), ==, 6);
  /* The data survived the migration. */
  g_assert_cmpint (fixture_item_id (store, file_id, "力争新建学校2所"), >, 0);

  /* Version 2 indexed items for search; version 3 drops that index. */
  g_assert_true (_luoshi_store_exec (store,
    "CREATE VIRTUAL TABLE items_fts USING fts5 (simplified, content='items',"
    " content_rowid='id', tokenize='trigram'); ALTER TABLE chains DROP COLUMN deleted;"
    " PRAGMA user_version = 2;", &error));
  g_clear_object (&store);
  store = luoshi_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_master WHERE name = 'items_fts'"), ==, 0);
  g_assert_cmpint (fixture_item_id (store, file_id, "力争新建学校2所"), >, 0);

  /* Version 4 indexes deleted items for counting live ones. */
  g_assert_true (_luoshi_store_exec (store,
    "DROP INDEX items_deleted; ALTER TABLE chains DROP COLUMN deleted;"
    " PRAGMA user_version = 3;", &error));
  g_clear_object (&store);
  store = luoshi_store_new (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sqlite_master WHERE name = 'items_deleted'"), ==, 1);

  /* Version 5 keeps removed pairs (for undo): a version 4 library's
   * pairs, the user's and the app's, stay as they were. */
  {
    g_autoptr(LuoshiDocument) other = fixture_traditional_document ();
    g_autoptr(GPtrArray) reports = NULL;
    g_autoptr(GPtrArray) chains = NULL;
    g_autofree char *sql = NULL;
    gint64 plan, review;
    LuoshiStoreChain *chain;

    luoshi_store_import_document (store, other, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
    g_assert_no_error (error);
    reports = luoshi_store_list_reports (store, 0, &error);
    g_assert_cmpuint (reports->len, ==, 2);
    plan = ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id;
    review = ((LuoshiStoreReport *) g_ptr_array_index (reports, 1))->id;
    sql = g_strdup_printf ("ALTER TABLE chains DROP COLUMN deleted;"
                           " INSERT INTO chains (plan_report_id, review_report_id, origin)"
                           " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'user'),"
                           " (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'app');"
                           " PRAGMA user_version = 4;",
                           plan, review, review, plan);
    g_assert_true (_luoshi_store_exec (store, sql, &error));
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM pragma_table_info ('chains')"
                                        " WHERE name = 'deleted'"), ==, 0);
    g_clear_object (&store);

    store = luoshi_store_new (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (luoshi_store_get_schema_version (store), ==, 5);
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM pragma_table_info ('chains')"
                                        " WHERE name = 'deleted'"), ==, 1);
    chains = luoshi_store_list_chains (store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (chains->len, ==, 2);
    chain = g_ptr_array_index (chains, 0);
    g_assert_cmpint (chain->plan_report_id, ==, plan);
    g_assert_cmpint (chain->review_report_id, ==, review);
    g_assert_cmpint (chain->origin, ==, LUOSHI_CHAIN_ORIGIN_USER);
    chain = g_ptr_array_index (chains, 1);
    g_assert_cmpint (chain->plan_report_id, ==, review);
    g_assert_cmpint (chain->origin, ==, LUOSHI_CHAIN_ORIGIN_APP);
    /* …and can be removed (and the removal undone) at once. */
    g_assert_true (luoshi_store_remove_chain (store, chain->id, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM chains WHERE deleted = 1"), ==, 1);
    g_assert_true (luoshi_store_undo (store, &error));
    g_assert_cmpint (count_rows (store, "SELECT count(*) FROM chains WHERE deleted = 0"), ==, 2);
  }

  /* A step that fails leaves no half-migrated library: the last index
   * name is taken, so the step fails after creating the first five. */
  g_assert_true (_luoshi_store_exec (store,
    "DROP INDEX sections_report; DROP INDEX sections_parent; DROP INDEX sentences_report;"
    " DROP INDEX sentences_section; DROP INDEX evidence_file; DROP INDEX chains_review;"
    " CREATE TABLE chains_review (x); PRAGMA user_version = 1;", &error));
  g_clear_object (&store);
  store = luoshi_store_new (path, &error);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "chains_review"));
  g_assert_null (store);
  {
    sqlite3 *db = raw_open (path);
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                         " (SELECT count(*) FROM sqlite_master WHERE type = 'index'"
                                         "  AND name = 'sections_report')", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
test_open_newer (void)
{
  g_autofree char *path = fixture_db_path ("newer.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE future (x); PRAGMA user_version = %d;",
                                          LUOSHI_STORE_SCHEMA_VERSION + 1);
  sqlite3 *db = raw_open (path);

  raw_exec (db, sql);
  sqlite3_close (db);
  before = read_file (path);

  store = luoshi_store_new (path, &error);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NEWER_VERSION);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_nonnull (strstr (error->message, path));

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_open_foreign (void)
{
  g_autofree char *path = fixture_db_path ("foreign.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  sqlite3 *db = raw_open (path);

  /* Another program's database (user_version 0, its own tables). */
  raw_exec (db, "CREATE TABLE files (name TEXT); INSERT INTO files VALUES ('a.txt');");
  sqlite3_close (db);
  before = read_file (path);

  store = luoshi_store_new (path, &error);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "another program"));
  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_corrupt (void)
{
  g_autofree char *path = fixture_db_path ("corrupt.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GString *garbage = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    g_string_append (garbage, "这不是数据库文件 not a database ");
  write_file (path, garbage->str, garbage->len);
  g_string_free (garbage, TRUE);
  before = read_file (path);

  store = luoshi_store_new (path, &error);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));

  after = read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_open_locked (void)
{
  g_autofree char *path = fixture_db_path ("locked.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = NULL;
  sqlite3 *db;

  store = luoshi_store_new (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Another program holds an exclusive lock on the library. */
  db = raw_open (path);
  raw_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                " UPDATE files SET name = name;");

  store = _luoshi_store_new_full (path, 10, &error);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_LOCKED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "in use"));

  raw_exec (db, "COMMIT");
  sqlite3_close (db);

  /* Once released it opens. */
  g_clear_error (&error);
  store = _luoshi_store_new_full (path, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_open_bad_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = NULL;

  store = luoshi_store_new ("/nonexistent-luoshi-folder/sub/library.db", &error);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_OPEN);
  g_assert_null (store);
}

static void
test_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = luoshi_store_default_path (&error);
  g_autofree char *dir = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "luoshi", "library.db", NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  dir = g_path_get_dirname (path);
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
}

/* --- binders ------------------------------------------------------------------ */

static void
test_binders (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  LuoshiStmt *stmt;

  /* Two parameters, so a binder that shifts the position shows. */
  stmt = _luoshi_store_statement (store, "SELECT typeof (?1), ?1, typeof (?2), ?2", &error);
  g_assert_no_error (error);

  g_assert_true (_luoshi_store_bind_text (store, stmt, 1, "工作要点 \"99%\"", &error));
  g_assert_true (_luoshi_store_bind_int64 (store, stmt, 2, G_GINT64_CONSTANT (9007199254740993), &error));
  g_assert_cmpint (_luoshi_store_step (store, stmt, &error), ==, LUOSHI_STEP_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "text");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "工作要点 \"99%\"");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "integer");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 3), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_cmpint (_luoshi_store_step (store, stmt, &error), ==, LUOSHI_STEP_DONE);

  stmt = _luoshi_store_statement (store, "SELECT typeof (?1), ?1, typeof (?2), ?2", &error);
  g_assert_no_error (error);
  g_assert_true (_luoshi_store_bind_double (store, stmt, 1, 92.5, &error));
  g_assert_true (_luoshi_store_bind_null (store, stmt, 2, &error));
  g_assert_cmpint (_luoshi_store_step (store, stmt, &error), ==, LUOSHI_STEP_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "real");
  g_assert_cmpfloat (sqlite3_column_double (stmt, 1), ==, 92.5);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "null");
  _luoshi_stmt_release (stmt);

  /* NULL text binds NULL; the statement was reset and reused. */
  stmt = _luoshi_store_statement (store, "SELECT typeof (?1), ?1, typeof (?2), ?2", &error);
  g_assert_true (_luoshi_store_bind_text (store, stmt, 1, NULL, &error));
  g_assert_true (_luoshi_store_bind_null (store, stmt, 2, &error));
  g_assert_cmpint (_luoshi_store_step (store, stmt, &error), ==, LUOSHI_STEP_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "null");
  _luoshi_stmt_release (stmt);

  /* Out of range is an error, not a crash. */
  stmt = _luoshi_store_statement (store, "SELECT ?1", &error);
  g_assert_false (_luoshi_store_bind_int64 (store, stmt, 3, 1, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED);
  _luoshi_stmt_release (stmt);
  g_clear_error (&error);

  /* Row, done and error stay apart. */
  stmt = _luoshi_store_statement (store, "SELECT * FROM no_such_table", &error);
  g_assert_null (stmt);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "no_such_table"));
}

static void
test_statement_cache (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  LuoshiStmt *a, *b;

  a = _luoshi_store_statement (store, "SELECT 1 + ?1", &error);
  _luoshi_stmt_release (a);
  b = _luoshi_store_statement (store, "SELECT 1 + ?1", &error);
  g_assert_no_error (error);
  g_assert_true (a == b);
  _luoshi_stmt_release (b);
}

/* --- import ------------------------------------------------------------------- */

static void
test_import_new_and_skip (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) doc = fixture_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  LuoshiStoreFile *file;
  LuoshiStoreReport *sr;
  LuoshiImportResult result = LUOSHI_IMPORT_SKIPPED;
  gint64 item_id;

  g_assert_true (luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_NONE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, LUOSHI_IMPORT_NEW);

  files = luoshi_store_list_files (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files->len, ==, 1);
  file = g_ptr_array_index (files, 0);
  g_assert_cmpstr (file->path, ==, doc->path);
  g_assert_cmpstr (file->name, ==, "2023年工作总结.txt");
  g_assert_cmpstr (file->hash, ==, doc->hash);
  g_assert_cmpuint (file->n_reports, ==, 1);
  g_assert_cmpuint (file->n_items, ==, 5);
  g_assert_cmpint (file->mtime, ==, 1700000000);

  reports = luoshi_store_list_reports (store, file->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  sr = g_ptr_array_index (reports, 0);
  g_assert_cmpstr (sr->report->title, ==, "城关县教育局2023年工作总结");
  g_assert_cmpint (sr->report->kind, ==, LUOSHI_REPORT_REVIEW_PLAN);
  g_assert_cmpint (sr->report->year, ==, 2023);
  g_assert_cmpstr (sr->report->org, ==, "城关县教育局");
  g_assert_cmpuint (sr->n_items, ==, 5);
  g_assert_cmpstr (sr->file_name, ==, "2023年工作总结.txt");

  item_id = fixture_item_id (store, file->id, "全县新建幼儿园3所");
  g_assert_cmpint (item_id, >, 0);

  /* Same path, same hash: skipped, nothing touched. */
  g_assert_true (luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_NONE, &result, &error));
  g_assert_cmpint (result, ==, LUOSHI_IMPORT_SKIPPED);
  g_assert_cmpint (fixture_item_id (store, file->id, "全县新建幼儿园3所"), ==, item_id);

  /* FORCE re-imports, keeping ids of matching items. */
  g_assert_true (luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_FORCE, &result, &error));
  g_assert_cmpint (result, ==, LUOSHI_IMPORT_UPDATED);
  g_assert_cmpint (fixture_item_id (store, file->id, "全县新建幼儿园3所"), ==, item_id);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM items"), ==, 5);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sentences"), ==, 9);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sections"), ==, 4);
}

static void
test_import_load_document (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) doc = fixture_document ();
  g_autoptr(LuoshiDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  LuoshiItem *item;
  LuoshiItem *goal = NULL;
  LuoshiSection *section;
  LuoshiMetric *metric;
  gint64 file_id;

  luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  file_id = luoshi_store_find_file (store, doc->path, &error);

  loaded = luoshi_store_load_document (store, file_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->text, ==, doc->text);
  g_assert_cmpstr (loaded->path, ==, doc->path);
  g_assert_cmpstr (loaded->hash, ==, doc->hash);
  g_assert_cmpuint (loaded->n_chars, ==, doc->n_chars);
  g_assert_cmpuint (loaded->reports->len, ==, 1);
  g_assert_cmpuint (loaded->sections->len, ==, 4);
  g_assert_cmpuint (loaded->sentences->len, ==, doc->sentences->len);
  g_assert_cmpuint (loaded->items->len, ==, 5);

  section = g_ptr_array_index (loaded->sections, 1);
  g_assert_cmpstr (section->label, ==, "（一）");
  g_assert_cmpint (section->parent, ==, 0);
  g_assert_cmpint (section->style, ==, LUOSHI_OUTLINE_PAREN_HAN);
  g_assert_cmpint (section->kind, ==, LUOSHI_SECTION_REVIEW);
  section = g_ptr_array_index (loaded->sections, 2);
  g_assert_cmpint (section->kind, ==, LUOSHI_SECTION_PROBLEM);
  g_assert_cmpint (section->parent, ==, -1);

  for (guint i = 0; i < loaded->items->len; i++)
    {
      item = g_ptr_array_index (loaded->items, i);
      g_assert_cmpint (item->id, >, 0);
      g_assert_cmpuint (item->report_index, ==, 0);
      /* Offsets still point at the item's text. */
      {
        g_autofree char *slice = luoshi_document_slice (loaded, item->start, item->end);
        g_assert_cmpstr (slice, ==, item->text);
      }
      if (item->kind == LUOSHI_ITEM_GOAL)
        goal = item;
    }
  g_assert_nonnull (goal);
  g_assert_cmpstr (goal->text, ==, "力争新建学校2所");
  g_assert_cmpstr (goal->section_path, ==, "三、");
  g_assert_cmpfloat_with_epsilon (goal->confidence, 0.8, 1e-9);
  g_assert_cmpuint (goal->metrics->len, ==, 1);
  metric = g_ptr_array_index (goal->metrics, 0);
  g_assert_cmpstr (metric->text, ==, "2所");
  g_assert_cmpstr (metric->unit, ==, "所");
  g_assert_cmpfloat (metric->value, ==, 2);
  g_assert_true (metric->known);
  g_assert_cmpint (metric->commitment, ==, LUOSHI_COMMITMENT_STRETCH);
  g_assert_false (goal->user_origin);

  /* Unknown ids are NOT_FOUND. */
  g_assert_null (luoshi_store_load_document (store, 999, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (luoshi_store_get_item (store, 999, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
}

static void
test_import_batch_rollback (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) good = fixture_document ();
  g_autoptr(LuoshiDocument) bad = fixture_traditional_document ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  LuoshiImportResult results[2] = { 99, 99 };
  LuoshiItem *item;

  /* The second document fails while its rows are being written, after
   * the first one is stored: a trigger standing in for a full disk. */
  g_assert_true (_luoshi_store_exec (store,
    "CREATE TEMP TRIGGER fail_import BEFORE INSERT ON items WHEN new.text = '新建學校兩所'"
    " BEGIN SELECT RAISE (ABORT, 'simulated failure'); END;", &error));
  g_ptr_array_add (docs, good);
  g_ptr_array_add (docs, bad);

  g_assert_false (luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, results, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2023年工作總結.txt"));
  g_assert_cmpint (results[0], ==, 99);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM files"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM reports"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sentences"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM items"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '\"幼儿园\"'"), ==, 0);

  /* Without the failure both go in, in one transaction. */
  g_assert_true (_luoshi_store_exec (store, "DROP TRIGGER fail_import", &error));
  g_assert_true (luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, results, &error));
  g_assert_no_error (error);
  g_assert_cmpint (results[0], ==, LUOSHI_IMPORT_NEW);
  g_assert_cmpint (results[1], ==, LUOSHI_IMPORT_NEW);
  files = luoshi_store_list_files (store, &error);
  g_assert_cmpuint (files->len, ==, 2);

  /* A document is not changed by being stored. */
  item = g_ptr_array_index (good->items, 0);
  g_assert_cmpint (item->id, ==, 0);
}

static void
test_import_disk_full (void)
{
  g_autofree char *path = fixture_db_path ("full.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = luoshi_store_new (path, &error);
  g_autoptr(LuoshiDocument) doc = fixture_document ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(LuoshiDocument) big = NULL;
  g_autofree char *sql = NULL;
  gint64 file_id;

  g_assert_no_error (error);
  file_id = fixture_import (store);

  /* No room for more pages: SQLite reports SQLITE_FULL, as on a full disk. */
  sql = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT,
                         count_rows (store, "PRAGMA page_count"));
  g_assert_true (_luoshi_store_exec (store, sql, &error));
  for (guint i = 0; i < 200; i++)
    g_string_append (text, FIXTURE_TEXT);
  big = fixture_document_for ("/fixture/城关县/2024年工作总结.txt", text->str);

  g_assert_false (luoshi_store_import_document (store, big, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);

  /* Nothing of it was kept; the library still works. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM files"), ==, 1);
  g_assert_true (luoshi_store_set_item_key (store, fixture_item_id (store, file_id, "全县新建幼儿园3所"),
                                            TRUE, &error));
  g_assert_no_error (error);
}

/* Shared by the re-import tests: the user's layer on fixture_document(). */
typedef struct
{
  gint64 file_id;
  gint64 noted;     /* note, tags, key */
  gint64 edited;    /* text edited */
  gint64 goal;      /* user verdict */
  gint64 deleted;   /* deleted by the user */
  gint64 user_item; /* added by the user */
  gint64 lost_item; /* added by the user, text removed from the file later */
} UserLayer;

static void
add_user_layer (LuoshiStore *store,
                UserLayer   *layer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiDocument) doc = fixture_document ();
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_evidence_free);
  const char *tags[] = { "学前教育", "重点", NULL };
  LuoshiEvidence *ev;
  gint64 report_id;

  layer->file_id = fixture_import (store);
  reports = luoshi_store_list_reports (store, layer->file_id, &error);
  report_id = ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id;

  layer->noted = fixture_item_id (store, layer->file_id, "全县新建幼儿园3所");
  layer->edited = fixture_item_id (store, layer->file_id, "组织教师培训1200人次");
  layer->goal = fixture_item_id (store, layer->file_id, "力争新建学校2所");
  layer->deleted = fixture_item_id (store, layer->file_id, "学前教育毛入园率达到92%");

  g_assert_true (luoshi_store_set_item_note (store, layer->noted, "核实园所名单", &error));
  g_assert_true (luoshi_store_set_item_tags (store, layer->noted, tags, &error));
  g_assert_true (luoshi_store_set_item_key (store, layer->noted, TRUE, &error));
  g_assert_true (luoshi_store_set_item_text (store, layer->edited, "全年组织教师培训1200人次", &error));
  ev = g_new0 (LuoshiEvidence, 1);
  ev->file = g_strdup ("2024年工作总结.txt");
  ev->start = 10;
  ev->end = 20;
  ev->score = 0.75;
  ev->text = g_strdup ("新建学校2所已投入使用");
  g_ptr_array_add (evidence, ev);
  g_assert_true (luoshi_store_set_verdict (store, layer->goal, LUOSHI_STATUS_MET, TRUE,
                                           "两所学校均已建成", evidence, &error));
  g_assert_true (luoshi_store_delete_item (store, layer->deleted, &error));
  layer->user_item = luoshi_store_add_item (store, report_id, LUOSHI_ITEM_PROBLEM,
                                            fixture_offset (doc, "师资力量依然薄弱"),
                                            fixture_end (doc, "师资力量依然薄弱"), &error);
  g_assert_no_error (error);
  g_assert_cmpint (layer->user_item, >, 0);
  layer->lost_item = luoshi_store_add_item (store, report_id, LUOSHI_ITEM_ACHIEVEMENT,
                                            fixture_offset (doc, "教师队伍建设稳步推进"),
                                            fixture_end (doc, "教师队伍建设稳步推进"), &error);
  g_assert_no_error (error);
}

/* Listing a file's items reads all their evidence at once: it must land
 * on the goal it belongs to and nowhere else. */
static void
check_listed_evidence (LuoshiStore     *store,
                       const UserLayer *layer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = luoshi_store_list_file_items (store, layer->file_id, &error);
  guint with_evidence = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (items, i);

      if (item->evidence->len == 0)
        continue;
      with_evidence++;
      g_assert_cmpint (item->id, ==, layer->goal);
      g_assert_cmpuint (item->evidence->len, ==, 1);
      g_assert_cmpstr (((LuoshiEvidence *) g_ptr_array_index (item->evidence, 0))->text, ==,
                       "新建学校2所已投入使用");
    }
  g_assert_cmpuint (with_evidence, ==, 1);
}

static void
check_user_layer (LuoshiStore     *store,
                  const UserLayer *layer,
                  LuoshiDocument  *doc,
                  gboolean         lost_item_gone)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiItem) noted = luoshi_store_get_item (store, layer->noted, &error);
  g_autoptr(LuoshiItem) edited = NULL;
  g_autoptr(LuoshiItem) goal = NULL;
  g_autoptr(LuoshiItem) user = NULL;
  g_autoptr(LuoshiItem) lost = NULL;
  g_autoptr(LuoshiItem) deleted = NULL;
  LuoshiEvidence *ev;

  g_assert_no_error (error);
  g_assert_cmpstr (noted->note, ==, "核实园所名单");
  g_assert_cmpuint (g_strv_length (noted->tags), ==, 2);
  g_assert_cmpstr (noted->tags[0], ==, "学前教育");
  g_assert_cmpstr (noted->tags[1], ==, "重点");
  g_assert_true (noted->key);
  g_assert_cmpuint (noted->start, ==, fixture_offset (doc, "全县新建幼儿园"));

  edited = luoshi_store_get_item (store, layer->edited, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->text, ==, "全年组织教师培训1200人次");
  g_assert_true (edited->edited);
  g_assert_cmpuint (edited->start, ==, fixture_offset (doc, "组织教师培训"));

  goal = luoshi_store_get_item (store, layer->goal, &error);
  g_assert_no_error (error);
  g_assert_cmpint (goal->status, ==, LUOSHI_STATUS_MET);
  g_assert_true (goal->status_by_user);
  g_assert_cmpstr (goal->status_reason, ==, "两所学校均已建成");
  g_assert_cmpuint (goal->evidence->len, ==, 1);
  ev = g_ptr_array_index (goal->evidence, 0);
  g_assert_cmpstr (ev->text, ==, "新建学校2所已投入使用");
  g_assert_cmpfloat (ev->score, ==, 0.75);

  user = luoshi_store_get_item (store, layer->user_item, &error);
  g_assert_no_error (error);
  g_assert_true (user->user_origin);
  g_assert_cmpint (user->kind, ==, LUOSHI_ITEM_PROBLEM);
  g_assert_cmpstr (user->text, ==, "师资力量依然薄弱");
  g_assert_cmpuint (user->start, ==, fixture_offset (doc, "师资力量依然薄弱"));
  g_assert_cmpuint (user->end, ==, fixture_end (doc, "师资力量依然薄弱"));

  lost = luoshi_store_get_item (store, layer->lost_item, &error);
  if (lost_item_gone)
    {
      g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
    }
  else
    g_assert_no_error (error);

  /* The user deleted it: it stays deleted. */
  deleted = luoshi_store_get_item (store, layer->deleted, &error);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
  g_assert_null (deleted);
  g_clear_error (&error);

  check_listed_evidence (store, layer);
}

static void
test_import_changed_keeps_user_layer (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  UserLayer layer = { 0 };
  LuoshiImportResult result = LUOSHI_IMPORT_SKIPPED;

  add_user_layer (store, &layer);

  /* The file gains a line at the top (every offset moves) and loses the
   * sentence part the second user item quoted. */
  text = g_string_new ("（根据局党组会议意见修改）\n" FIXTURE_TEXT);
  g_string_replace (text, "，教师队伍建设稳步推进", "", 1);
  doc = fixture_document_for ("/fixture/城关县/2023年工作总结.txt", text->str);

  g_assert_true (luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_NONE, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, LUOSHI_IMPORT_UPDATED);

  check_user_layer (store, &layer, doc, TRUE);
  /* Five extracted items, one deleted by the user, one user item left. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM items WHERE deleted = 0"), ==, 5);
  {
    g_autoptr(GPtrArray) reports = luoshi_store_list_reports (store, layer.file_id, &error);

    LuoshiStoreReport *report;
    g_autoptr(GPtrArray) items = NULL;
    guint expected[3] = { 0, 0, 0 };
    guint counts[3];

    g_assert_no_error (error);
    report = g_ptr_array_index (reports, 0);
    g_assert_cmpuint (report->n_items, ==, 5);

    /* Counted by kind, the deleted one left out, as listing them finds. */
    items = luoshi_store_list_report_items (store, report->id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < items->len; i++)
      expected[((LuoshiItem *) g_ptr_array_index (items, i))->kind]++;
    g_assert_true (luoshi_store_count_report_items (store, report->id, counts, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (counts[LUOSHI_ITEM_GOAL] + counts[LUOSHI_ITEM_ACHIEVEMENT] + counts[LUOSHI_ITEM_PROBLEM], ==, 5);
    g_assert_true (memcmp (counts, expected, sizeof counts) == 0);
    g_assert_cmpuint (counts[LUOSHI_ITEM_PROBLEM], >, 0);
  }
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM items"), ==, 6);
}

static void
test_import_changed_matches_by_span (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(LuoshiItem) noted = NULL;
  UserLayer layer = { 0 };
  LuoshiImportResult result = LUOSHI_IMPORT_SKIPPED;

  add_user_layer (store, &layer);

  /* A figure is corrected in place: the text no longer matches, the
   * span does. */
  text = g_string_new (FIXTURE_TEXT);
  g_string_replace (text, "幼儿园3所", "幼儿园4所", 1);
  doc = fixture_document_for ("/fixture/城关县/2023年工作总结.txt", text->str);
  g_assert_null (fixture_add_item (doc, LUOSHI_ITEM_ACHIEVEMENT, "全县新建幼儿园3所", "一、"));
  g_assert_nonnull (fixture_add_item (doc, LUOSHI_ITEM_ACHIEVEMENT, "全县新建幼儿园4所", "一、"));

  g_assert_true (luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_NONE, &result, &error));
  g_assert_cmpint (result, ==, LUOSHI_IMPORT_UPDATED);

  noted = luoshi_store_get_item (store, layer.noted, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (noted->text, ==, "全县新建幼儿园4所");
  g_assert_cmpstr (noted->note, ==, "核实园所名单");
  g_assert_true (noted->key);
  /* The lost item's text is still there this time. */
  check_user_layer (store, &layer, doc, FALSE);
}

static void
test_import_report_edits_kept (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStoreReport) sr = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  gint64 file_id = fixture_import (store);
  gint64 report_id;
  gint64 other_id;
  gint64 chain_id;

  reports = luoshi_store_list_reports (store, file_id, &error);
  report_id = ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id;
  g_assert_true (luoshi_store_set_report_title (store, report_id, "城关县2023年教育工作总结", &error));

  /* A chain to another file's report survives the re-import. */
  {
    g_autoptr(LuoshiDocument) other = fixture_traditional_document ();
    g_autoptr(GPtrArray) other_reports = NULL;

    luoshi_store_import_document (store, other, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
    g_assert_no_error (error);
    other_reports = luoshi_store_list_reports (store, luoshi_store_find_file (store, other->path, NULL), &error);
    other_id = ((LuoshiStoreReport *) g_ptr_array_index (other_reports, 0))->id;
  }
  chain_id = luoshi_store_add_chain (store, report_id, other_id, LUOSHI_CHAIN_ORIGIN_USER, &error);
  g_assert_no_error (error);

  doc = fixture_document ();
  luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_FORCE, NULL, &error);
  g_assert_no_error (error);

  sr = luoshi_store_get_report (store, report_id, &error);
  g_assert_no_error (error);
  g_assert_true (sr->user_edited);
  g_assert_cmpstr (sr->report->title, ==, "城关县2023年教育工作总结");
  /* Not edited by the user: refreshed. */
  g_assert_cmpint (sr->report->year, ==, 2023);
  {
    g_autoptr(GPtrArray) chains = luoshi_store_list_chains (store, &error);
    g_assert_cmpuint (chains->len, ==, 1);
    g_assert_cmpint (((LuoshiStoreChain *) g_ptr_array_index (chains, 0))->id, ==, chain_id);
  }
}

static void
test_remove_file (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  gint64 file_id = fixture_import (store);
  gint64 item_id = fixture_item_id (store, file_id, "全县新建幼儿园3所");
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_true (luoshi_store_set_item_note (store, item_id, "备注", &error));
  g_assert_true (luoshi_store_can_undo (store));
  g_assert_true (luoshi_store_remove_file (store, file_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM items"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM sentences"), ==, 0);
  /* Its history went with it. */
  g_assert_false (luoshi_store_can_undo (store));
  hits = luoshi_store_search (store, "幼儿园", 0, &error);
  g_assert_cmpuint (hits->len, ==, 0);

  g_assert_false (luoshi_store_remove_file (store, file_id, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
}

/* --- items ------------------------------------------------------------------------ */

static void
test_add_item (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) doc = fixture_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(LuoshiItem) item = NULL;
  gint64 file_id = fixture_import (store);
  gint64 report_id, item_id;

  reports = luoshi_store_list_reports (store, file_id, &error);
  report_id = ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id;

  item_id = luoshi_store_add_item (store, report_id, LUOSHI_ITEM_ACHIEVEMENT,
                                   fixture_offset (doc, "教师队伍建设稳步推进"),
                                   fixture_end (doc, "教师队伍建设稳步推进"), &error);
  g_assert_no_error (error);
  item = luoshi_store_get_item (store, item_id, &error);
  g_assert_cmpstr (item->text, ==, "教师队伍建设稳步推进");
  g_assert_cmpstr (item->section_path, ==, "一、（一）");
  g_assert_true (item->user_origin);
  g_assert_cmpint (item->report_id, ==, report_id);

  g_assert_cmpint (luoshi_store_add_item (store, report_id, LUOSHI_ITEM_GOAL, 5, 5000, &error), ==, 0);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (luoshi_store_add_item (store, report_id, LUOSHI_ITEM_GOAL, 5, 5, &error), ==, 0);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (luoshi_store_add_item (store, 4242, LUOSHI_ITEM_GOAL, 0, 3, &error), ==, 0);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Edits of deleted or unknown items are NOT_FOUND. */
  g_assert_true (luoshi_store_delete_item (store, item_id, &error));
  g_assert_false (luoshi_store_set_item_note (store, item_id, "x", &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (luoshi_store_set_report_title (store, 4242, "x", &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
}

static void
test_suggest_verdicts (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  gint64 file_id = fixture_import (store);
  gint64 goal_id = fixture_item_id (store, file_id, "力争新建学校2所");
  gint64 other_id = fixture_item_id (store, file_id, "全县新建幼儿园3所");
  g_autoptr(LuoshiItem) goal = luoshi_store_get_item (store, goal_id, &error);
  g_autoptr(LuoshiItem) other = luoshi_store_get_item (store, other_id, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(LuoshiItem) after = NULL;
  g_autoptr(LuoshiItem) other_after = NULL;

  /* The user decided the goal; the app's suggestion must not override. */
  g_assert_true (luoshi_store_set_verdict (store, goal_id, LUOSHI_STATUS_NOT_MET, TRUE, "未建成", NULL, &error));
  g_assert_true (luoshi_store_can_undo (store));

  goal->status = LUOSHI_STATUS_MET;
  luoshi_item_add_evidence (goal, "x.txt", 1, 2, 0.5, "建成");
  other->status = LUOSHI_STATUS_PARTLY;
  luoshi_item_set_status_reason (other, "部分完成");
  luoshi_item_add_evidence (other, "y.txt", 3, 9, 0.9, "新建幼儿园两所");
  g_ptr_array_add (items, goal);
  g_ptr_array_add (items, other);
  g_assert_true (luoshi_store_suggest_verdicts (store, items, &error));
  g_assert_no_error (error);

  after = luoshi_store_get_item (store, goal_id, &error);
  g_assert_cmpint (after->status, ==, LUOSHI_STATUS_NOT_MET);
  g_assert_cmpuint (after->evidence->len, ==, 0);
  other_after = luoshi_store_get_item (store, other_id, &error);
  g_assert_cmpint (other_after->status, ==, LUOSHI_STATUS_PARTLY);
  g_assert_false (other_after->status_by_user);
  g_assert_cmpstr (other_after->status_reason, ==, "部分完成");
  g_assert_cmpuint (other_after->evidence->len, ==, 1);

  /* Suggestions are not in the history: undo undoes the user's verdict. */
  g_assert_true (luoshi_store_undo (store, &error));
  g_clear_pointer (&after, luoshi_item_unref);
  after = luoshi_store_get_item (store, goal_id, &error);
  g_assert_cmpint (after->status, ==, LUOSHI_STATUS_UNRATED);
  g_assert_false (luoshi_store_can_undo (store));
}

/* --- chains --------------------------------------------------------------------- */

static void
test_chains (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(LuoshiDocument) other = fixture_traditional_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chains = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  gint64 file_id = fixture_import (store);
  gint64 plan, review, id, again;
  LuoshiStoreChain *chain;

  luoshi_store_import_document (store, other, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  reports = luoshi_store_list_reports (store, 0, &error);
  g_assert_cmpuint (reports->len, ==, 2);
  plan = ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id;
  review = ((LuoshiStoreReport *) g_ptr_array_index (reports, 1))->id;
  g_assert_cmpint (plan, !=, review);

  id = luoshi_store_add_chain (store, plan, review, LUOSHI_CHAIN_ORIGIN_APP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* The user confirms it: same pair, now USER; the app cannot demote it. */
  again = luoshi_store_add_chain (store, plan, review, LUOSHI_CHAIN_ORIGIN_USER, &error);
  g_assert_cmpint (again, ==, id);
  again = luoshi_store_add_chain (store, plan, review, LUOSHI_CHAIN_ORIGIN_APP, &error);
  g_assert_cmpint (again, ==, id);
  chains = luoshi_store_list_chains (store, &error);
  g_assert_cmpuint (chains->len, ==, 1);
  chain = g_ptr_array_index (chains, 0);
  g_assert_cmpint (chain->origin, ==, LUOSHI_CHAIN_ORIGIN_USER);
  g_assert_cmpint (chain->plan_report_id, ==, plan);
  g_assert_cmpint (chain->review_report_id, ==, review);
  g_clear_pointer (&chains, g_ptr_array_unref);

  /* An app proposal in the other direction is cleared, the user's kept. */
  luoshi_store_add_chain (store, review, plan, LUOSHI_CHAIN_ORIGIN_APP, &error);
  g_assert_no_error (error);
  g_assert_true (luoshi_store_clear_app_chains (store, &error));
  chains = luoshi_store_list_chains (store, &error);
  g_assert_cmpuint (chains->len, ==, 1);
  g_clear_pointer (&chains, g_ptr_array_unref);

  g_assert_cmpint (luoshi_store_add_chain (store, plan, plan, LUOSHI_CHAIN_ORIGIN_USER, &error), ==, 0);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (luoshi_store_add_chain (store, plan, 4242, LUOSHI_CHAIN_ORIGIN_USER, &error), ==, 0);
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Removing a file removes its chains. */
  g_assert_true (luoshi_store_remove_file (store, file_id, &error));
  chains = luoshi_store_list_chains (store, &error);
  g_assert_cmpuint (chains->len, ==, 0);
  g_assert_false (luoshi_store_remove_chain (store, id, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
}

/* --- search ---------------------------------------------------------------------- */

static LuoshiStore *
search_store (void)
{
  LuoshiStore *store = memory_store ();
  g_autoptr(LuoshiDocument) simplified = fixture_document ();
  g_autoptr(LuoshiDocument) traditional = fixture_traditional_document ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (docs, simplified);
  g_ptr_array_add (docs, traditional);
  luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static guint
count_hits_in (GPtrArray  *hits,
               const char *file_name)
{
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (((LuoshiSearchHit *) g_ptr_array_index (hits, i))->file_name, file_name) == 0)
      n++;
  return n;
}

static void
test_fts_traditional (void)
{
  g_autoptr(LuoshiStore) store = search_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(LuoshiDocument) doc = fixture_document ();
  LuoshiSearchHit *hit;

  /* Traditional query, simplified text (and the traditional file). */
  hits = luoshi_store_search (store, "教師隊伍建設", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits_in (hits, "2023年工作总结.txt"), ==, 2);
  g_assert_cmpuint (count_hits_in (hits, "2023年工作總結.txt"), ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->file_name, ==, "2023年工作总结.txt");
  /* Hits point at the match, in file order. */
  g_assert_cmpuint (hit->start, ==, fixture_offset (doc, "教师队伍建设"));
  g_assert_cmpuint (hit->end, ==, fixture_end (doc, "教师队伍建设"));
  g_assert_cmpuint (hit->line, ==, 4);
  g_assert_cmpstr (hit->snippet, ==, "（一）教师队伍建设");
  g_assert_cmpint (hit->report_id, >, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Simplified query, traditional text. */
  hits = luoshi_store_search (store, "新建学校两所", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->snippet, ==, "全鎮教師隊伍建設穩步推進，新建學校兩所。");
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The limit holds. */
  hits = luoshi_store_search (store, "教师队伍", 1, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Items too. */
  hits = luoshi_store_search_items (store, "新建學校", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (((LuoshiSearchHit *) g_ptr_array_index (hits, i))->item_id, >, 0);
}

static void
test_fts_short (void)
{
  g_autoptr(LuoshiStore) store = search_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  LuoshiSearchHit *hit;

  /* Two characters: below the trigram size, still found in both scripts. */
  hits = luoshi_store_search (store, "學校", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_hits_in (hits, "2023年工作总结.txt"), ==, 2);
  g_assert_cmpuint (count_hits_in (hits, "2023年工作總結.txt"), ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* One character. */
  hits = luoshi_store_search (store, "鎮", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpuint (hit->end - hit->start, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = luoshi_store_search_items (store, "薄弱", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Empty and blank queries find nothing, without error. */
  hits = luoshi_store_search (store, "  ", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_fts_special (void)
{
  g_autoptr(LuoshiStore) store = search_store ();
  const char *queries[] = {
    "99%以上", "\"", "\"巩固率", "率\"保持", "%", "99%", "NEAR(", "a OR b", "*", "巩固率*", "'; DROP TABLE items; --",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = luoshi_store_search (store, queries[i], 0, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
      if (i == 0)
        g_assert_cmpuint (hits->len, ==, 1);
      if (i == 5)
        g_assert_cmpuint (hits->len, ==, 1);
      if (i == 1 || i == 2 || i == 3)
        g_assert_cmpuint (hits->len, ==, 0);
    }
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM items"), ==, 6);
}

static void
test_fts_sync (void)
{
  g_autoptr(LuoshiStore) store = search_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) text = g_string_new (FIXTURE_TEXT);
  g_autoptr(LuoshiDocument) doc = NULL;
  gint64 file_id;

  g_string_replace (text, "依然薄弱", "有所改善", 1);
  doc = fixture_document_for ("/fixture/城关县/2023年工作总结.txt", text->str);
  g_assert_cmpuint (doc->items->len, ==, 4);
  luoshi_store_import_document (store, doc, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  hits = luoshi_store_search (store, "依然薄弱", 0, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = luoshi_store_search (store, "有所改善", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* An edited item is found by its new text, a deleted one not at all. */
  file_id = luoshi_store_find_file (store, doc->path, &error);
  g_assert_true (luoshi_store_set_item_text (store, fixture_item_id (store, file_id, "全县新建幼儿园3所"),
                                             "全县新建公办幼儿园3所", &error));
  hits = luoshi_store_search_items (store, "公辦幼兒園", 0, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (luoshi_store_delete_item (store, fixture_item_id (store, file_id, "力争新建学校2所"), &error));
  hits = luoshi_store_search_items (store, "力争新建", 0, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* The index agrees with its content table. */
  g_assert_true (_luoshi_store_exec (store,
    "INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check');", &error));
  g_assert_no_error (error);
}

/* --- signals ---------------------------------------------------------------------- */

typedef struct
{
  guint changed;
  guint last_what;
  gint64 last_id;
  guint can_undo_notifies;
} Counts;

static void
changed_cb (LuoshiStore *store,
            guint        what,
            gint64       id,
            Counts      *counts)
{
  counts->changed++;
  counts->last_what = what;
  counts->last_id = id;
}

static void
notify_cb (LuoshiStore *store,
           GParamSpec  *pspec,
           Counts      *counts)
{
  counts->can_undo_notifies++;
}

static void
test_signals (void)
{
  g_autoptr(LuoshiStore) store = memory_store ();
  g_autoptr(GError) error = NULL;
  gint64 file_id, item_id;
  Counts counts = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &counts);
  g_signal_connect (store, "notify::can-undo", G_CALLBACK (notify_cb), &counts);

  file_id = fixture_import (store);
  g_assert_cmpuint (counts.changed, ==, 1);
  g_assert_cmpuint (counts.last_what, ==, LUOSHI_STORE_CHANGE_LIBRARY);
  g_assert_cmpint (counts.last_id, ==, file_id);

  item_id = fixture_item_id (store, file_id, "全县新建幼儿园3所");
  g_assert_true (luoshi_store_set_item_note (store, item_id, "一", &error));
  g_assert_cmpuint (counts.changed, ==, 2);
  g_assert_cmpuint (counts.last_what, ==, LUOSHI_STORE_CHANGE_ITEM);
  g_assert_cmpint (counts.last_id, ==, item_id);
  g_assert_cmpuint (counts.can_undo_notifies, ==, 1);

  /* A second edit: can-undo was already TRUE, no notify. */
  g_assert_true (luoshi_store_set_item_note (store, item_id, "二", &error));
  g_assert_cmpuint (counts.can_undo_notifies, ==, 1);
  /* No change, no signal. */
  g_assert_true (luoshi_store_set_item_note (store, item_id, "二", &error));
  g_assert_cmpuint (counts.changed, ==, 3);

  g_assert_true (luoshi_store_undo (store, &error));
  g_assert_cmpuint (counts.changed, ==, 4);
  g_assert_true (luoshi_store_undo (store, &error));
  g_assert_cmpuint (counts.can_undo_notifies, ==, 2);
  g_assert_false (luoshi_store_can_undo (store));

  /* A folder is one signal with id 0; a batch of skipped files none. */
  {
    g_autoptr(LuoshiDocument) a = fixture_document_for ("/fixture/a.txt", FIXTURE_TEXT);
    g_autoptr(LuoshiDocument) b = fixture_document_for ("/fixture/b.txt", FIXTURE_TEXT);
    g_autoptr(GPtrArray) docs = g_ptr_array_new ();

    g_ptr_array_add (docs, a);
    g_ptr_array_add (docs, b);
    counts.changed = 0;
    g_assert_true (luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error));
    g_assert_cmpuint (counts.changed, ==, 1);
    g_assert_cmpuint (counts.last_what, ==, LUOSHI_STORE_CHANGE_LIBRARY);
    g_assert_cmpint (counts.last_id, ==, 0);
    g_assert_true (luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error));
    g_assert_cmpuint (counts.changed, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/memory", test_open_memory);
  g_test_add_func ("/store/open/file-pragmas", test_open_file_pragmas);
  g_test_add_func ("/store/open/migrate-empty", test_open_migrate_empty);
  g_test_add_func ("/store/open/migrate-v1", test_open_migrate_v1);
  g_test_add_func ("/store/open/newer-version", test_open_newer);
  g_test_add_func ("/store/open/corrupt", test_open_corrupt);
  g_test_add_func ("/store/open/foreign", test_open_foreign);
  g_test_add_func ("/store/open/locked", test_open_locked);
  g_test_add_func ("/store/open/bad-folder", test_open_bad_folder);
  g_test_add_func ("/store/open/default-path", test_default_path);
  g_test_add_func ("/store/statement/binders", test_binders);
  g_test_add_func ("/store/statement/cache", test_statement_cache);
  g_test_add_func ("/store/import/new-and-skip", test_import_new_and_skip);
  g_test_add_func ("/store/import/load-document", test_import_load_document);
  g_test_add_func ("/store/import/batch-rollback", test_import_batch_rollback);
  g_test_add_func ("/store/import/disk-full", test_import_disk_full);
  g_test_add_func ("/store/import/changed-keeps-user-layer", test_import_changed_keeps_user_layer);
  g_test_add_func ("/store/import/changed-matches-by-span", test_import_changed_matches_by_span);
  g_test_add_func ("/store/import/report-edits-kept", test_import_report_edits_kept);
  g_test_add_func ("/store/import/remove-file", test_remove_file);
  g_test_add_func ("/store/items/add", test_add_item);
  g_test_add_func ("/store/items/suggest-verdicts", test_suggest_verdicts);
  g_test_add_func ("/store/chains", test_chains);
  g_test_add_func ("/store/fts/traditional", test_fts_traditional);
  g_test_add_func ("/store/fts/short", test_fts_short);
  g_test_add_func ("/store/fts/special", test_fts_special);
  g_test_add_func ("/store/fts/sync", test_fts_sync);
  g_test_add_func ("/store/signals", test_signals);

  return g_test_run ();
}
