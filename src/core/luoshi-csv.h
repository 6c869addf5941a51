/* luoshi-csv.h: RFC 4180 CSV for Excel, and the sheet as CSV
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "luoshi-sheet.h"

G_BEGIN_DECLS

#define LUOSHI_CSV_ERROR (luoshi_csv_error_quark ())

typedef enum {
  LUOSHI_CSV_ERROR_WRITE,     /* the file cannot be created or written */
  LUOSHI_CSV_ERROR_NO_SPACE,  /* the disk is full */
  LUOSHI_CSV_ERROR_PARSE,     /* not valid CSV (an unclosed quote) */
} LuoshiCsvError;

/* Excel only reads a CSV file as UTF-8 when it starts with this. */
#define LUOSHI_CSV_BOM "\xEF\xBB\xBF"

GQuark     luoshi_csv_error_quark  (void);

/* Appends one field, quoted when it holds a comma, quote, CR or LF (quotes
 * doubled); NULL appends an empty field. No separator is added. */
void       luoshi_csv_append_field (GString            *out,
                                    const char         *field);
/* Appends @n_fields fields (or up to a NULL if @n_fields < 0) separated by
 * commas and ended by CRLF. */
void       luoshi_csv_append_row   (GString            *out,
                                    const char * const *fields,
                                    gssize              n_fields);

/* Parses CSV text (a leading BOM is skipped; CRLF or LF rows) into a
 * GPtrArray of GStrv, one per row. */
GPtrArray *luoshi_csv_parse        (const char         *text,
                                    gssize              length,
                                    GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* The sheet's rows in printing order and its visible columns, with a BOM
 * and a translated header row, as the PDF shows them. */
GString   *luoshi_csv_format_sheet (const LuoshiSheet  *sheet) G_GNUC_WARN_UNUSED_RESULT;
/* Writes it to @stream; @name names the destination in error messages. */
gboolean   luoshi_csv_write_sheet  (const LuoshiSheet  *sheet,
                                    GOutputStream      *stream,
                                    const char         *name,
                                    GCancellable       *cancellable,
                                    GError            **error);
/* Writes it to @path, replacing the file only once all is written. */
gboolean   luoshi_csv_write_sheet_to_path (const LuoshiSheet *sheet,
                                    const char         *path,
                                    GError            **error);

G_END_DECLS
