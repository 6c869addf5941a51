/* luoshi-export.h: reports and their items as JSON or CSV
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "luoshi-document.h"

G_BEGIN_DECLS

#define LUOSHI_EXPORT_ERROR (luoshi_export_error_quark ())

typedef enum {
  LUOSHI_EXPORT_ERROR_WRITE,
} LuoshiExportError;

GQuark    luoshi_export_error_quark (void);

/* The export contract of ../shared/corpus/README.md: version 1, one entry
 * per report with its items; goals carry status and evidence. */
char     *luoshi_export_json_string (GPtrArray      *documents) G_GNUC_WARN_UNUSED_RESULT;
gboolean  luoshi_export_json        (GPtrArray      *documents,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error);

/* One row per item: file, report, period, kind, section, text, figures,
 * status, note, tags, key. UTF-8 with a byte-order mark for Excel. */
char     *luoshi_export_csv_string  (GPtrArray      *documents) G_GNUC_WARN_UNUSED_RESULT;
gboolean  luoshi_export_csv         (GPtrArray      *documents,
                                     GOutputStream  *out,
                                     GCancellable   *cancellable,
                                     GError        **error);

G_END_DECLS
