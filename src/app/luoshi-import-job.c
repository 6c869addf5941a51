/* luoshi-import-job.c: reading files into the library without blocking
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-import.h"
#include "luoshi-import-job.h"

struct _LuoshiImportJob
{
  GObject      parent_instance;

  LuoshiStore *store;
  char        *store_path; /* for the worker's own connection, or NULL */
  GStrv        paths;
  double       fraction;
  char        *current_file;
  GPtrArray   *failures;   /* of LuoshiImportFailure */
  GArray      *file_ids;   /* of gint64 */
  guint        n_imported;
  gboolean     running;
};

G_DEFINE_FINAL_TYPE (LuoshiImportJob, luoshi_import_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_CURRENT_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker thread hands back. */
typedef struct
{
  GPtrArray *documents; /* still to be stored, when the worker could not */
  GPtrArray *failures;
  GArray    *file_ids;  /* when the worker stored them */
  guint      n_imported;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->documents, g_ptr_array_unref);
  g_clear_pointer (&result->failures, g_ptr_array_unref);
  g_clear_pointer (&result->file_ids, g_array_unref);
  g_free (result);
}

/* Writes @documents through @store and notes what was stored. */
static gboolean
store_documents (LuoshiStore  *store,
                 GPtrArray    *documents,
                 GArray       *file_ids,
                 guint        *n_imported,
                 GError      **error)
{
  g_autofree LuoshiImportResult *results = g_new0 (LuoshiImportResult, MAX (documents->len, 1));

  if (documents->len > 0 &&
      !luoshi_store_import_documents (store, documents, LUOSHI_IMPORT_FLAGS_NONE, results, error))
    return FALSE;

  for (guint i = 0; i < documents->len; i++)
    {
      LuoshiDocument *doc = g_ptr_array_index (documents, i);
      gint64 id = luoshi_store_find_file (store, doc->path ? doc->path : doc->name, NULL);

      if (results[i] != LUOSHI_IMPORT_SKIPPED)
        (*n_imported)++;
      if (id > 0)
        g_array_append_val (file_ids, id);
    }
  return TRUE;
}

/* A progress step travelling from the worker to the main thread. */
typedef struct
{
  LuoshiImportJob *job;   /* strong */
  double           fraction;
  char            *name;
} Progress;

static void
progress_free (Progress *progress)
{
  g_clear_object (&progress->job);
  g_free (progress->name);
  g_free (progress);
}

static void
set_progress (LuoshiImportJob *self,
              double           fraction,
              const char      *name)
{
  if (self->fraction != fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (g_strcmp0 (self->current_file, name) != 0)
    {
      g_free (self->current_file);
      self->current_file = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_FILE]);
    }
}

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;

  /* A late step after the job finished would move the bar backwards. */
  if (progress->job->running)
    set_progress (progress->job, progress->fraction, progress->name);
  return G_SOURCE_REMOVE;
}

static void
progress_cb (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  LuoshiImportJob *self = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->job = g_object_ref (self);
  progress->fraction = total > 0 ? (double) done / total : 1.0;
  progress->name = path ? g_path_get_basename (path) : NULL;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_idle_cb,
                              progress, (GDestroyNotify) progress_free);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LuoshiImportJob *self = source_object;
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  GError *error = NULL;
  LoadResult *result;

  /* self->paths is never changed after construction: safe to read here. */
  files = luoshi_import_collect ((const char * const *) self->paths, failures,
                                 cancellable, &error);
  if (files == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  documents = luoshi_import_load (files, failures, progress_cb, self,
                                  cancellable, &error);
  if (documents == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->failures = g_steal_pointer (&failures);

  /* Writing a large folder takes seconds: do it here, on a connection of
   * the worker's own (SQLite in WAL mode lets the window keep reading
   * through its own), so the window stays responsive. The window's
   * store is never touched from this thread. */
  if (self->store_path != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(LuoshiStore) store = luoshi_store_new (self->store_path, &error);

      if (store == NULL ||
          !store_documents (store, documents, (result->file_ids = g_array_new (FALSE, FALSE, sizeof (gint64))),
                            &result->n_imported, &error))
        {
          load_result_free (result);
          g_task_return_error (task, error);
          return;
        }
    }
  else
    result->documents = g_steal_pointer (&documents);

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  LuoshiImportJob *self = LUOSHI_IMPORT_JOB (object);
  g_autoptr(GTask) task = user_data;
  LoadResult *result;
  GError *error = NULL;

  self->running = FALSE;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_ptr_array_extend_and_steal (self->failures, g_steal_pointer (&result->failures));

  /* Once the worker stored the documents the import has happened, even
   * if Cancel came a moment later; before that, cancelling stores nothing. */
  if (result->file_ids == NULL && g_task_return_error_if_cancelled (task))
    {
      load_result_free (result);
      return;
    }

  set_progress (self, 1.0, NULL);

  if (result->file_ids != NULL)
    {
      /* Stored by the worker. */
      g_array_append_vals (self->file_ids, result->file_ids->data, result->file_ids->len);
      self->n_imported = result->n_imported;
    }
  else if (!store_documents (self->store, result->documents, self->file_ids,
                             &self->n_imported, &error))
    {
      /* An in-memory store has no second connection: stored here. */
      load_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  load_result_free (result);
  g_task_return_boolean (task, TRUE);
}

static void
luoshi_import_job_finalize (GObject *object)
{
  LuoshiImportJob *self = LUOSHI_IMPORT_JOB (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->store_path, g_free);
  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->current_file, g_free);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->file_ids, g_array_unref);

  G_OBJECT_CLASS (luoshi_import_job_parent_class)->finalize (object);
}

static void
luoshi_import_job_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LuoshiImportJob *self = LUOSHI_IMPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_CURRENT_FILE:
      g_value_set_string (value, self->current_file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_import_job_class_init (LuoshiImportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = luoshi_import_job_finalize;
  object_class->get_property = luoshi_import_job_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT_FILE] =
    g_param_spec_string ("current-file", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
luoshi_import_job_init (LuoshiImportJob *self)
{
  self->failures = luoshi_import_failures_new ();
  self->file_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

LuoshiImportJob *
luoshi_import_job_new (LuoshiStore        *store,
                       const char * const *paths)
{
  LuoshiImportJob *self;

  g_return_val_if_fail (LUOSHI_IS_STORE (store), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  self = g_object_new (LUOSHI_TYPE_IMPORT_JOB, NULL);
  self->store = g_object_ref (store);
  if (luoshi_store_get_path (store) != NULL &&
      g_strcmp0 (luoshi_store_get_path (store), ":memory:") != 0)
    self->store_path = g_strdup (luoshi_store_get_path (store));
  self->paths = g_strdupv ((char **) paths);
  return self;
}

void
luoshi_import_job_run_async (LuoshiImportJob     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) load = NULL;

  g_return_if_fail (LUOSHI_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, luoshi_import_job_run_async);
  /* Whether a cancelled job changed the library is decided in
   * load_done_cb(), not by the state of @cancellable at the end. */
  g_task_set_check_cancellable (task, FALSE);

  self->running = TRUE;
  load = g_task_new (self, cancellable, load_done_cb, g_steal_pointer (&task));
  g_task_set_check_cancellable (load, FALSE);
  g_task_run_in_thread (load, load_thread);
}

gboolean
luoshi_import_job_run_finish (LuoshiImportJob  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (LUOSHI_IS_IMPORT_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

double
luoshi_import_job_get_fraction (LuoshiImportJob *self)
{
  g_return_val_if_fail (LUOSHI_IS_IMPORT_JOB (self), 0.0);
  return self->fraction;
}

const char *
luoshi_import_job_get_current_file (LuoshiImportJob *self)
{
  g_return_val_if_fail (LUOSHI_IS_IMPORT_JOB (self), NULL);
  return self->current_file;
}

GPtrArray *
luoshi_import_job_get_failures (LuoshiImportJob *self)
{
  g_return_val_if_fail (LUOSHI_IS_IMPORT_JOB (self), NULL);
  return self->failures;
}

guint
luoshi_import_job_get_n_imported (LuoshiImportJob *self)
{
  g_return_val_if_fail (LUOSHI_IS_IMPORT_JOB (self), 0);
  return self->n_imported;
}

GArray *
luoshi_import_job_get_file_ids (LuoshiImportJob *self)
{
  g_return_val_if_fail (LUOSHI_IS_IMPORT_JOB (self), NULL);
  return self->file_ids;
}
