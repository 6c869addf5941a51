/* test-cli.c: luoshi-cli as users run it
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cli-runner.h"

typedef struct {
  char *dir;      /* a private folder for the library */
  char *db;
  char *samples;  /* data/samples of the source tree */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("luoshi-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "library.db", NULL);
  f->samples = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->samples);
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "frobnicate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "“frobnicate” is not a command"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "import", "--db", f->db, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "at least one folder or file"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "export", "--format=xml", f->samples, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "json or csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "import"));
  g_assert_nonnull (strstr (out, "export"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "export", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "--format"));
}

static void
test_import_list_search (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "import", "--db", f->db, f->samples, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 3 files (3 new, 0 updated, 0 unchanged)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Nothing changed: nothing is done. */
  g_assert_cmpint (run (&out, &err, "import", "--db", f->db, f->samples, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "(0 new, 0 updated, 3 unchanged)"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "list", "--db", f->db, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "云溪区教育局2024年工作总结.txt"));
  g_assert_nonnull (strstr (out, "2024H1"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Traditional characters find the simplified report and back. */
  g_assert_cmpint (run (&out, &err, "search", "--db", f->db, "智慧校園", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "智慧校园"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "search", "--db", f->db, "督学", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "督學"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run (&out, &err, "search", "--db", f->db, "不存在的内容", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "No matches"));
}

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (run (&out, &err, "export", "--format=json", f->samples, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"version\":1,\"reports\":["));
  g_assert_cmpuint (count (out, "\"file\":\"云溪区教育局2023年工作总结和2024年工作要点.txt\""), >=, 1);
  g_assert_cmpuint (count (out, "\"encoding\":\"GB18030\""), >=, 1);
  g_assert_cmpuint (count (out, "\"encoding\":\"BIG5\""), >=, 1);
  g_assert_cmpuint (count (out, "\"kind\":\"goal\""), >=, 10);
  g_assert_cmpuint (count (out, "\"kind\":\"achievement\""), >=, 10);
  g_assert_cmpuint (count (out, "\"kind\":\"problem\""), >=, 3);
  /* A figure with its qualifier. */
  g_assert_nonnull (strstr (out, "\"qualifier\":\"at_least\""));
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *path = g_build_filename (f->dir, "items.csv", NULL);
  g_autofree char *csv = NULL;

  g_assert_cmpint (run (&out, &err, "export", "--format=csv", "-o", path, f->samples, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  /* Excel needs the byte-order mark to read UTF-8. */
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (csv, "\r\n"));
  g_assert_cmpuint (count (csv, "\r\n"), >=, 20);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *bad = g_build_filename (f->dir, "scan.txt", NULL);
  g_autofree char *good = g_build_filename (f->dir, "plan.txt", NULL);

  g_assert_true (g_file_set_contents (bad, "\x89PNG\r\n\x1a\n\0\0\0", 11, NULL));
  g_assert_true (g_file_set_contents (good, "某县教育局2025年工作要点\n一、新建学校2所。\n", -1, NULL));

  /* One bad file is reported; the good one is still imported. */
  g_assert_cmpint (run (&out, &err, "import", "--db", f->db, bad, good, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "“scan.txt” is a PNG image"));
  g_assert_nonnull (strstr (out, "Imported 1 files"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/usage", Fixture, NULL, fixture_set_up, test_usage, fixture_tear_down);
  g_test_add ("/cli/import-list-search", Fixture, NULL, fixture_set_up, test_import_list_search, fixture_tear_down);
  g_test_add ("/cli/export-json", Fixture, NULL, fixture_set_up, test_export_json, fixture_tear_down);
  g_test_add ("/cli/export-csv", Fixture, NULL, fixture_set_up, test_export_csv, fixture_tear_down);
  g_test_add ("/cli/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);

  return g_test_run ();
}
