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
  /* A file named twice (a folder and a file in it) is read once. */
  for (guint i = 1; i < files->len;)
    {
      if (compare_paths (&files->pdata[i - 1], &files->pdata[i]) == 0)
        g_ptr_array_remove_index (files, i);
      else
        i++;
    }
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

/* What the reading thread hands to the storing one, in file order. */
typedef struct {
  char           *path;
  LuoshiDocument *doc;      /* analysed, or NULL */
  GError         *error;    /* why it could not be read, or NULL */
  gboolean        unchanged;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_free (loaded->path);
  g_clear_pointer (&loaded->doc, luoshi_document_unref);
  g_clear_error (&loaded->error);
  g_free (loaded);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Loaded, loaded_free)

/* Reading and analysing run in a thread of their own while the caller's
 * thread stores (the store may only be used from one thread), so both
 * cores work; at most QUEUE_DEPTH analysed documents wait in memory. */
#define QUEUE_DEPTH 4

typedef struct {
  GPtrArray    *files;
  GHashTable   *stored;      /* path → hash already in the library */
  gboolean      force;
  GCancellable *cancellable;
  GAsyncQueue  *ready;       /* of Loaded, then one NULL at the end */
  GAsyncQueue  *slots;       /* tokens: room for one more document */
  gint          stop;        /* atomic: the storing side gave up */
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;

  for (guint i = 0; i < reader->files->len; i++)
    {
      GFile *file = g_ptr_array_index (reader->files, i);
      Loaded *loaded;

      g_async_queue_pop (reader->slots);
      if (g_atomic_int_get (&reader->stop))
        break;

      loaded = g_new0 (Loaded, 1);
      loaded->path = g_file_get_path (file);
      loaded->doc = luoshi_document_read (file, reader->cancellable, &loaded->error);
      if (loaded->doc != NULL)
        {
          const char *hash = g_hash_table_lookup (reader->stored, loaded->doc->path);

          /* Analysis is most of the cost; skip it for files we have. */
          loaded->unchanged = !reader->force && g_strcmp0 (hash, loaded->doc->hash) == 0;
          if (!loaded->unchanged)
            luoshi_document_analyze (loaded->doc);
        }
      g_async_queue_push (reader->ready, loaded);
    }
  g_async_queue_push (reader->ready, GINT_TO_POINTER (1));
  return NULL;
}

static GHashTable *
stored_hashes (LuoshiStore  *store,
               GError      **error)
{
  g_autoptr(GPtrArray) files = luoshi_store_list_files (store, error);
  GHashTable *hashes;

  if (files == NULL)
    return NULL;
  hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < files->len; i++)
    {
      LuoshiStoreFile *file = g_ptr_array_index (files, i);
      if (file->path != NULL && file->hash != NULL)
        g_hash_table_insert (hashes, g_strdup (file->path), g_strdup (file->hash));
    }
  return hashes;
}

/* Stores one loaded file; FALSE with @error set ends the import. */
static gboolean
store_loaded (LuoshiStore         *store,
              Loaded              *loaded,
              LuoshiImportFlags    flags,
              GPtrArray           *failures,
              LuoshiImportCounts  *counts,
              GError             **error)
{
  LuoshiImportResult result;

  if (loaded->error != NULL)
    {
      if (g_error_matches (loaded->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&loaded->error));
          return FALSE;
        }
      g_ptr_array_add (failures, luoshi_import_failure_new (loaded->path, loaded->error));
      return TRUE;
    }
  if (loaded->unchanged)
    {
      counts->n_unchanged++;
      return TRUE;
    }
  if (!luoshi_store_import_next (store, loaded->doc, flags, &result, error))
    return FALSE;
  if (result == LUOSHI_IMPORT_NEW)
    counts->n_new++;
  else if (result == LUOSHI_IMPORT_UPDATED)
    counts->n_updated++;
  else
    counts->n_unchanged++;
  if (result != LUOSHI_IMPORT_SKIPPED)
    {
      counts->n_reports += loaded->doc->reports->len;
      counts->n_items += loaded->doc->items->len;
    }
  return TRUE;
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
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  LuoshiImportCounts local = { 0 };
  Reader reader = { 0 };
  GThread *thread;
  gboolean ok = TRUE;
  guint done = 0;

  g_return_val_if_fail (LUOSHI_IS_STORE (store), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);
  g_return_val_if_fail (failures != NULL, FALSE);

  stored = stored_hashes (store, error);
  if (stored == NULL || !luoshi_store_begin_import (store, error))
    return FALSE;

  reader.files = files;
  reader.stored = stored;
  reader.force = (flags & LUOSHI_IMPORT_FLAGS_FORCE) != 0;
  reader.cancellable = cancellable;
  reader.ready = g_async_queue_new ();
  reader.slots = g_async_queue_new ();
  for (guint i = 0; i < QUEUE_DEPTH; i++)
    g_async_queue_push (reader.slots, GINT_TO_POINTER (1));
  thread = g_thread_new ("luoshi-import", reader_thread, &reader);

  for (;;)
    {
      gpointer item = g_async_queue_pop (reader.ready);
      g_autoptr(Loaded) loaded = NULL;

      if (item == GINT_TO_POINTER (1))
        break;
      loaded = item;
      g_async_queue_push (reader.slots, GINT_TO_POINTER (1));
      if (!ok)
        continue;
      if (progress)
        progress (done, files->len, loaded->path, user_data);
      done++;
      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error) ||
          !store_loaded (store, loaded, flags, failures, &local, &local_error))
        {
          /* Let the reader finish its current file and stop. */
          ok = FALSE;
          g_atomic_int_set (&reader.stop, TRUE);
          for (guint i = 0; i < QUEUE_DEPTH; i++)
            g_async_queue_push (reader.slots, GINT_TO_POINTER (1));
        }
    }
  g_thread_join (thread);
  g_async_queue_unref (reader.ready);
  g_async_queue_unref (reader.slots);

  if (!ok)
    {
      /* import_next rolls back by itself; a cancel or a read error ends here. */
      luoshi_store_abort_import (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!luoshi_store_commit_import (store, error))
    return FALSE;
  if (progress)
    progress (files->len, files->len, NULL, user_data);
  if (counts != NULL)
    *counts = local;
  return TRUE;
}
