/* bench-import.c: time each stage of the import pipeline over a folder
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * usage: bench-import DIR [DB]
 * Prints MB/s of input bytes for decode, analysis (segment + extract), the
 * whole pipeline without and with storing, and the peak resident memory.
 */

#include <stdio.h>
#include <sys/resource.h>

#include "luoshi-decode.h"
#include "luoshi-document.h"
#include "luoshi-extract.h"
#include "luoshi-import.h"
#include "luoshi-segment.h"
#include "luoshi-store.h"

static double
rate (guint64 bytes,
      double  seconds)
{
  return seconds > 0 ? bytes / 1e6 / seconds : 0.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[2] = { NULL, NULL };
  double t_read = 0, t_decode = 0, t_new = 0, t_segment = 0, t_extract = 0, t_store;
  guint64 bytes = 0;
  gint64 t0;
  struct rusage usage;

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR [DB]\n", argv[0]);
      return 2;
    }
  paths[0] = argv[1];
  files = luoshi_import_collect (paths, failures, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (files, i));
      gsize len = 0, text_len = 0;
      LuoshiDocument *doc;

      t0 = g_get_monotonic_time ();
      if (!g_file_load_contents (g_ptr_array_index (files, i), NULL, &contents, &len, NULL, NULL))
        continue;
      t_read += (g_get_monotonic_time () - t0) / 1e6;
      bytes += len;

      t0 = g_get_monotonic_time ();
      text = luoshi_decode_bytes ((const guint8 *) contents, len, name, NULL, &text_len, NULL);
      t_decode += (g_get_monotonic_time () - t0) / 1e6;
      if (text == NULL)
        continue;

      t0 = g_get_monotonic_time ();
      doc = luoshi_document_new (name, text, text_len);
      t_new += (g_get_monotonic_time () - t0) / 1e6;

      t0 = g_get_monotonic_time ();
      luoshi_segment (doc);
      t_segment += (g_get_monotonic_time () - t0) / 1e6;

      t0 = g_get_monotonic_time ();
      luoshi_extract (doc);
      t_extract += (g_get_monotonic_time () - t0) / 1e6;

      doc->path = g_file_get_path (g_ptr_array_index (files, i));
      doc->hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
      g_ptr_array_add (docs, doc);
    }

  store = luoshi_store_new (argc > 2 ? argv[2] : ":memory:", &error);
  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  t_store = (g_get_monotonic_time () - t0) / 1e6;

  getrusage (RUSAGE_SELF, &usage);
  printf ("files                 %u (%.1f MB)\n", docs->len, bytes / 1e6);
  printf ("read                  %7.2f s  %8.1f MB/s\n", t_read, rate (bytes, t_read));
  printf ("decode                %7.2f s  %8.1f MB/s\n", t_decode, rate (bytes, t_decode));
  printf ("simplify + index      %7.2f s  %8.1f MB/s\n", t_new, rate (bytes, t_new));
  printf ("segment               %7.2f s  %8.1f MB/s\n", t_segment, rate (bytes, t_segment));
  printf ("extract               %7.2f s  %8.1f MB/s\n", t_extract, rate (bytes, t_extract));
  printf ("store (one commit)    %7.2f s  %8.1f MB/s\n", t_store, rate (bytes, t_store));
  printf ("pipeline w/o extract  %7.2f s  %8.1f MB/s\n", t_read + t_decode + t_new + t_segment,
          rate (bytes, t_read + t_decode + t_new + t_segment));
  printf ("pipeline w/o store    %7.2f s  %8.1f MB/s\n", t_read + t_decode + t_new + t_segment + t_extract,
          rate (bytes, t_read + t_decode + t_new + t_segment + t_extract));
  printf ("whole import          %7.2f s  %8.1f MB/s\n",
          t_read + t_decode + t_new + t_segment + t_extract + t_store,
          rate (bytes, t_read + t_decode + t_new + t_segment + t_extract + t_store));
  printf ("peak memory           %7.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
