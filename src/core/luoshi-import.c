/* luoshi-import.c: turn folders and files into decoded, analysed documents
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-import.h"
#include "luoshi-decode.h"

#include <glib/gi18n-lib.h>
#include <string.h>

LuoshiImportFailure *
luoshi_import_failure_new (const char   *path,
                           const GError *error)
{
  LuoshiImportFailure *failure = g_new0 (LuoshiImportFailure, 1);

  failure->path = g_strdup (path);
  failure->error = g_error_copy (error);
  return failure;
}

void
luoshi_import_failure_free (LuoshiImportFailure *failure)
{
  if (failure == NULL)
    return;
  g_free (failure->path);
  g_clear_error (&failure->error);
  g_free (failure);
}

GPtrArray *
luoshi_import_failures_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_import_failure_free);
}

static void
add_failure (GPtrArray  *failures,
             GFile      *file,
             GQuark      domain,
             int         code,
             const char *message)
{
  g_autoptr(GError) error = g_error_new_literal (domain, code, message);
  g_autofree char *path = g_file_get_path (file);

  g_ptr_array_add (failures, luoshi_import_failure_new (path ? path : "", error));
}

typedef enum {
  FILE_REPORT,
  FILE_UNSUPPORTED,
  FILE_OTHER,
} FileClass;

/* Plain text reports come as .txt or without an extension; office
 * documents are reported so nobody wonders where they went. */
static FileClass
classify_name (const char *name)
{
  static const char *text_exts[] = { "txt", "text" };
  static const char *document_exts[] = { "doc", "docx", "wps", "pdf", "rtf", "odt" };
  const char *dot = strrchr (name, '.');

  if (dot == NULL || dot == name)
    return FILE_REPORT;
  for (guint i = 0; i < G_N_ELEMENTS (text_exts); i++)
    if (g_ascii_strcasecmp (dot + 1, text_exts[i]) == 0)
      return FILE_REPORT;
  for (guint i = 0; i < G_N_ELEMENTS (document_exts); i++)
    if (g_ascii_strcasecmp (dot + 1, document_exts[i]) == 0)
      return FILE_UNSUPPORTED;
  return FILE_OTHER;
}

static gboolean
collect_dir (GFile         *dir,
             GPtrArray     *files,
             GPtrArray     *failures,
             guint          depth,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) local_error = NULL;
  GFileInfo *info;
  GFile *child;

  /* Folders nested this deep are links going round in circles. */
  if (depth > 32)
    return TRUE;

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                        cancellable, &local_error);
  if (children == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dir);
      g_autofree char *message = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      message = g_strdup_printf (_("Could not open the folder “%s”: %s"), name, local_error->message);
      add_failure (failures, dir, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE, message);
      return TRUE;
    }

  while (g_file_enumerator_iterate (children, &info, &child, cancellable, &local_error) && info)
    {
      const char *name = g_file_info_get_name (info);
      GFileType type = g_file_info_get_file_type (info);

      if (g_file_info_get_is_hidden (info) || name[0] == '.' || name[0] == '~')
        continue;
      if (type == G_FILE_TYPE_DIRECTORY)
        {
          if (!collect_dir (child, files, failures, depth + 1, cancellable, error))
            return FALSE;
          continue;
        }
      if (type != G_FILE_TYPE_REGULAR)
        continue;
      switch (classify_name (name))
        {
        case FILE_REPORT:
          g_ptr_array_add (files, g_object_ref (child));
          break;
        case FILE_UNSUPPORTED:
          {
            g_autofree char *message =
              g_strdup_printf (_("“%s” is an office or PDF document; Luoshi can only read "
                                 "plain text files (.txt) for now. Save it as text and import it again."),
                               name);
            add_failure (failures, child, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNSUPPORTED, message);
          }
          break;
        case FILE_OTHER:
        default:
          break;
        }
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_failure (failures, dir, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE,
                   local_error->message);
    }
  return TRUE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile * const *) a);
  g_autofree char *pb = g_file_get_path (*(GFile * const *) b);

  return g_strcmp0 (pa, pb);
}

GPtrArray *
luoshi_import_collect (const char * const  *paths,
                       GPtrArray           *failures,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (failures != NULL, NULL);

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);
      GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          if (!collect_dir (file, files, failures, 0, cancellable, error))
            return NULL;
        }
      else if (type == G_FILE_TYPE_UNKNOWN)
        {
          g_autofree char *message =
            g_strdup_printf (_("“%s” does not exist"), paths[i]);
          add_failure (failures, file, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE, message);
        }
      else
        g_ptr_array_add (files, g_steal_pointer (&file));
    }

  g_ptr_array_sort (files, compare_paths);
  return g_steal_pointer (&files);
}

GPtrArray *
luoshi_import_load (GPtrArray                *files,
                    GPtrArray                *failures,
                    LuoshiImportProgressFunc  progress,
                    gpointer                  user_data,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);

  g_return_val_if_fail (files != NULL, NULL);
  g_return_val_if_fail (failures != NULL, NULL);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *path = g_file_get_path (file);
      LuoshiDocument *doc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (progress)
        progress (i, files->len, path, user_data);

      doc = luoshi_document_load (file, cancellable, &local_error);
      if (doc != NULL)
        g_ptr_array_add (docs, doc);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      else
        g_ptr_array_add (failures, luoshi_import_failure_new (path, local_error));
    }
  if (progress)
    progress (files->len, files->len, NULL, user_data);
  return g_steal_pointer (&docs);
}

/* Reads one file; NULL with a failure recorded, or with @error set when
 * cancelled. */
static LuoshiDocument *
read_one (GFile         *file,
          GPtrArray     *failures,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_file_get_path (file);
  LuoshiDocument *doc = luoshi_document_read (file, cancellable, &local_error);

  if (doc != NULL)
    return doc;
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_ptr_array_add (failures, luoshi_import_failure_new (path, local_error));
  return NULL;
}

gboolean
luoshi_import_into_store (LuoshiStore              *store,
                          GPtrArray                *files,
                          LuoshiImportFlags         flags,
                          GPtrArray                *failures,
                          LuoshiImportCounts       *counts,
                          LuoshiImportProgressFunc  progress,
                          gpointer                  user_data,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  LuoshiImportCounts local = { 0 };

  g_return_val_if_fail (LUOSHI_IS_STORE (store), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (failures != NULL, FALSE);

  if (!luoshi_store_begin_import (store, error))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(LuoshiDocument) doc = NULL;
      g_autoptr(GError) read_error = NULL;
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      LuoshiImportResult result;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          luoshi_store_abort_import (store);
          return FALSE;
        }
      if (progress)
        progress (i, files->len, path, user_data);

      doc = read_one (g_ptr_array_index (files, i), failures, cancellable, &read_error);
      if (read_error != NULL)
        {
          luoshi_store_abort_import (store);
          g_propagate_error (error, g_steal_pointer (&read_error));
          return FALSE;
        }
      if (doc == NULL)
        continue;

      /* Analysis is most of the cost; skip it for files we have. */
      if (!(flags & LUOSHI_IMPORT_FLAGS_FORCE) &&
          luoshi_store_has_file_hash (store, doc->path, doc->hash))
        {
          local.n_unchanged++;
          continue;
        }

      luoshi_document_analyze (doc);
      if (!luoshi_store_import_next (store, doc, flags, &result, error))
        return FALSE;
      if (result == LUOSHI_IMPORT_NEW)
        local.n_new++;
      else if (result == LUOSHI_IMPORT_UPDATED)
        local.n_updated++;
      else
        local.n_unchanged++;
      if (result != LUOSHI_IMPORT_SKIPPED)
        {
          local.n_reports += doc->reports->len;
          local.n_items += doc->items->len;
        }
    }

  if (!luoshi_store_commit_import (store, error))
    return FALSE;
  if (progress)
    progress (files->len, files->len, NULL, user_data);
  if (counts != NULL)
    *counts = local;
  return TRUE;
}
