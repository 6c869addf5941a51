/* luoshi-import.h: turn folders and files into decoded, analysed documents
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "luoshi-document.h"
#include "luoshi-store.h"

G_BEGIN_DECLS

/* A file that could not be imported and why; the others go on. */
typedef struct {
  char   *path;
  GError *error;
} LuoshiImportFailure;

typedef void (*LuoshiImportProgressFunc) (guint       done,
                                          guint       total,
                                          const char *path,
                                          gpointer    user_data);

LuoshiImportFailure *luoshi_import_failure_new  (const char          *path,
                                                 const GError        *error);
void                 luoshi_import_failure_free (LuoshiImportFailure *failure);
/* A GPtrArray that frees LuoshiImportFailure elements. */
GPtrArray           *luoshi_import_failures_new (void) G_GNUC_WARN_UNUSED_RESULT;

/* Expands @paths (files and folders, folders recursively) into the
 * report files to read, as GFiles sorted by path. Hidden files and
 * files of other kinds in folders are skipped; documents we cannot read
 * yet (.docx, .pdf…) and paths that do not exist are added to
 * @failures. Fails only when cancelled. */
GPtrArray           *luoshi_import_collect      (const char * const  *paths,
                                                 GPtrArray           *failures,
                                                 GCancellable        *cancellable,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Loads (decodes, segments, extracts) every file of @files; a file that
 * fails goes to @failures. Returns the documents, in order. Fails only
 * when cancelled. */
GPtrArray           *luoshi_import_load         (GPtrArray           *files,
                                                 GPtrArray           *failures,
                                                 LuoshiImportProgressFunc progress,
                                                 gpointer             user_data,
                                                 GCancellable        *cancellable,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* How an import into the library went. */
typedef struct {
  guint n_new;
  guint n_updated;
  guint n_unchanged;
  guint n_reports;  /* in the new and updated files */
  guint n_items;
} LuoshiImportCounts;

/* Reads @files one at a time into @store in ONE transaction, so memory
 * stays that of one file whatever the folder's size. A file whose path
 * and content are already in the library is not analysed again unless
 * @flags has LUOSHI_IMPORT_FLAGS_FORCE. Unreadable files go to
 * @failures; a store error or cancellation rolls the whole import back
 * and returns FALSE. */
gboolean             luoshi_import_into_store   (LuoshiStore         *store,
                                                 GPtrArray           *files,
                                                 LuoshiImportFlags    flags,
                                                 GPtrArray           *failures,
                                                 LuoshiImportCounts  *counts,
                                                 LuoshiImportProgressFunc progress,
                                                 gpointer             user_data,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_END_DECLS
