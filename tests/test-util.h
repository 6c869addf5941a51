/* test-util.h: files and folders for the tests
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* Writes @text into @dir/@name, converted to @charset (NULL: UTF-8). */
static inline void
write_file_encoded (const char *dir,
                    const char *name,
                    const char *text,
                    const char *charset)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *bytes = NULL;
  gsize len = strlen (text);

  if (charset != NULL)
    {
      bytes = g_convert (text, -1, charset, "UTF-8", NULL, &len, &error);
      g_assert_no_error (error);
    }
  g_file_set_contents (path, bytes ? bytes : text, len, &error);
  g_assert_no_error (error);
}

static inline void
write_file (const char *dir,
            const char *name,
            const char *text)
{
  write_file_encoded (dir, name, text, NULL);
}

/* Removes @path and everything below it. */
static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
