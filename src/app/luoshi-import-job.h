/* luoshi-import-job.h: reading files into the library without blocking
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "luoshi-store.h"

G_BEGIN_DECLS

/* One import of files and folders. Collecting, decoding, extracting and
 * storing (one transaction) run in a worker thread. The store is not
 * thread-safe, so the worker opens its own connection to the same
 * database file and the window's store is only used on the main thread;
 * since that store then emits no "changed" for the import, the caller
 * refreshes when the job is done. An in-memory store has no second
 * connection: its documents are stored on the main thread. Progress is reported through the
 * "fraction" and "current-file" properties, notified on the main thread.
 * Files that could not be read do not stop the others: see
 * luoshi_import_job_get_failures(). */

#define LUOSHI_TYPE_IMPORT_JOB (luoshi_import_job_get_type ())

G_DECLARE_FINAL_TYPE (LuoshiImportJob, luoshi_import_job, LUOSHI, IMPORT_JOB, GObject)

LuoshiImportJob *luoshi_import_job_new            (LuoshiStore          *store,
                                                   const char * const   *paths) G_GNUC_WARN_UNUSED_RESULT;
void             luoshi_import_job_run_async      (LuoshiImportJob      *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
/* FALSE with @error set when cancelled or when the store refused the
 * documents (then nothing was imported). */
gboolean         luoshi_import_job_run_finish     (LuoshiImportJob      *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
double           luoshi_import_job_get_fraction   (LuoshiImportJob      *self);
const char      *luoshi_import_job_get_current_file (LuoshiImportJob    *self);
/* GPtrArray of LuoshiImportFailure, empty until finished. */
GPtrArray       *luoshi_import_job_get_failures   (LuoshiImportJob      *self);
/* Files new or updated in the library by this job. */
guint            luoshi_import_job_get_n_imported (LuoshiImportJob      *self);
/* Store ids of the files the job read (skipped unchanged ones included),
 * in order; valid after a successful finish. */
GArray          *luoshi_import_job_get_file_ids   (LuoshiImportJob      *self);

G_END_DECLS
