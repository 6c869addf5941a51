/* luoshi-csv.c: RFC 4180 CSV for Excel, and the sheet as CSV
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-csv.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (luoshi-csv-error-quark, luoshi_csv_error)

void
luoshi_csv_append_field (GString    *out,
                         const char *field)
{
  g_return_if_fail (out != NULL);

  if (field == NULL)
    return;
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
luoshi_csv_append_row (GString            *out,
                       const char * const *fields,
                       gssize              n_fields)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (fields != NULL || n_fields == 0);

  for (gsize i = 0; n_fields < 0 ? fields[i] != NULL : i < (gsize) n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      luoshi_csv_append_field (out, fields[i]);
    }
  /* RFC 4180 rows end in CRLF; line breaks inside fields stay LF. */
  g_string_append (out, "\r\n");
}

GPtrArray *
luoshi_csv_parse (const char  *text,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p, *end;
  guint line = 1;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);
  end = text + length;
  p = text;
  if (length >= 3 && memcmp (p, LUOSHI_CSV_BOM, 3) == 0)
    p += 3;

  while (p < end)
    {
      if (*p == '"')
        {
          guint start_line = line;
          for (p++;; p++)
            {
              if (p >= end)
                {
                  g_set_error (error, LUOSHI_CSV_ERROR, LUOSHI_CSV_ERROR_PARSE,
                               /* Translators: a CSV field's opening quote has no closing one */
                               _("The quoted field starting on line %u is never closed"), start_line);
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    p++;
                  else
                    break;
                }
              if (*p == '\n')
                line++;
              g_string_append_c (field, *p);
            }
          p++;
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          p++;
          continue;
        }
      if (*p == '\r' || *p == '\n')
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          continue;
        }
      g_string_append_c (field, *p);
      p++;
    }
  /* A last row without its line break. */
  if (field->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
    }
  return g_steal_pointer (&rows);
}

GString *
luoshi_csv_format_sheet (const LuoshiSheet *sheet)
{
  GString *out;
  g_autoptr(GPtrArray) order = NULL;
  LuoshiSheetColumns visible;
  const char *fields[LUOSHI_SHEET_N_COLUMNS];
  guint n = 0;

  g_return_val_if_fail (sheet != NULL, NULL);

  out = g_string_new (LUOSHI_CSV_BOM);
  visible = luoshi_sheet_get_visible_columns (sheet);
  for (guint c = 0; c < LUOSHI_SHEET_N_COLUMNS; c++)
    if (visible & (1u << c))
      fields[n++] = luoshi_sheet_column_title (1u << c);
  luoshi_csv_append_row (out, fields, n);

  order = luoshi_sheet_get_printing_order (sheet);
  for (guint r = 0; r < order->len; r++)
    {
      const LuoshiSheetRow *row = g_ptr_array_index (order, r);
      g_autofree char *number = luoshi_sheet_row_number_text (row, r + 1);
      g_autofree char *progress = luoshi_sheet_row_progress_text (row);
      const char *values[LUOSHI_SHEET_N_COLUMNS] = {
        number, row->section, row->goal, row->target, progress,
        luoshi_status_get_label (row->status), row->note,
      };

      n = 0;
      for (guint c = 0; c < LUOSHI_SHEET_N_COLUMNS; c++)
        if (visible & (1u << c))
          fields[n++] = values[c];
      luoshi_csv_append_row (out, fields, n);
    }
  return out;
}

static void
set_write_error (GError       **error,
                 const char    *name,
                 const GError  *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, LUOSHI_CSV_ERROR, LUOSHI_CSV_ERROR_NO_SPACE,
                 /* Translators: %s is a file name */
                 _("Cannot write “%s”: the disk is full"), name);
  else
    g_set_error (error, LUOSHI_CSV_ERROR, LUOSHI_CSV_ERROR_WRITE,
                 /* Translators: %s is a file name, then the system's reason */
                 _("Cannot write “%s”: %s"), name, cause->message);
}

gboolean
luoshi_csv_write_sheet (const LuoshiSheet  *sheet,
                        GOutputStream      *stream,
                        const char         *name,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = luoshi_csv_format_sheet (sheet);
  if (!g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, &local_error)
      || !g_output_stream_flush (stream, cancellable, &local_error))
    {
      set_write_error (error, name ? name : "CSV", local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
luoshi_csv_write_sheet_to_path (const LuoshiSheet  *sheet,
                                const char         *path,
                                GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_name (path);
  file = g_file_new_for_path (path);
  text = luoshi_csv_format_sheet (sheet);
  /* g_file_replace_contents writes a temporary file and renames it, so a
   * full disk never leaves half a sheet behind. */
  if (!g_file_replace_contents (file, text->str, text->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      set_write_error (error, name, local_error);
      return FALSE;
    }
  return TRUE;
}
