/* luoshi-export.c: reports and their items as JSON or CSV
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-export.h"
#include "luoshi-csv.h"
#include "luoshi-json.h"
#include "luoshi-metric.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (luoshi-export-error-quark, luoshi_export_error)

static void
append_metric (GString            *out,
               const LuoshiMetric *metric)
{
  g_string_append_c (out, '{');
  luoshi_json_append_member (out, "text", metric->text);
  g_string_append_c (out, ',');
  if (metric->known)
    {
      luoshi_json_append_double (out, "value", metric->value);
      g_string_append_c (out, ',');
      luoshi_json_append_double (out, "value_max", metric->value_max);
    }
  else
    g_string_append (out, "\"value\":null,\"value_max\":null");
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "unit", metric->unit);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "qualifier", luoshi_metric_qualifier_string (metric));
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "subject", metric->subject);
  g_string_append_c (out, '}');
}

static void
append_evidence (GString              *out,
                 const LuoshiEvidence *ev)
{
  g_string_append_c (out, '{');
  luoshi_json_append_member (out, "file", ev->file);
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "start", ev->start);
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "end", ev->end);
  g_string_append_c (out, ',');
  luoshi_json_append_double (out, "score", ev->score);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "text", ev->text);
  g_string_append_c (out, '}');
}

static void
append_item (GString          *out,
             const LuoshiItem *item)
{
  g_string_append_c (out, '{');
  if (item->id > 0)
    {
      luoshi_json_append_uint (out, "id", (guint64) item->id);
      g_string_append_c (out, ',');
    }
  luoshi_json_append_member (out, "kind", luoshi_item_kind_to_string (item->kind));
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "start", item->start);
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "end", item->end);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "text", item->text);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "section", item->section_path);
  g_string_append (out, ",\"metrics\":[");
  for (guint i = 0; i < item->metrics->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_metric (out, g_ptr_array_index (item->metrics, i));
    }
  g_string_append (out, "],");
  luoshi_json_append_double (out, "confidence", item->confidence);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "origin", item->user_origin ? "user" : "extracted");
  g_string_append_c (out, ',');
  luoshi_json_append_bool (out, "key", item->key);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "note", item->note);
  g_string_append (out, ",\"tags\":[");
  for (guint i = 0; item->tags[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      luoshi_json_append_string (out, item->tags[i]);
    }
  g_string_append (out, "]");
  if (item->kind == LUOSHI_ITEM_GOAL)
    {
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "status", luoshi_status_to_string (item->status));
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "decided_by",
                                 item->status == LUOSHI_STATUS_UNRATED ? NULL
                                 : item->status_by_user ? "user" : "app");
      g_string_append_c (out, ',');
      luoshi_json_append_member (out, "status_reason", item->status_reason);
      g_string_append (out, ",\"evidence\":[");
      for (guint i = 0; i < item->evidence->len; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_evidence (out, g_ptr_array_index (item->evidence, i));
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

static void
append_report (GString            *out,
               LuoshiDocument     *doc,
               guint               index)
{
  LuoshiReport *report = g_ptr_array_index (doc->reports, index);
  g_autofree char *period = luoshi_report_period_string (report);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  luoshi_json_append_member (out, "file", doc->name);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "encoding", doc->encoding);
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "start", report->start);
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "end", report->end);
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "first_line", report->first_line);
  g_string_append_c (out, ',');
  luoshi_json_append_uint (out, "last_line", report->last_line);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "title", report->title);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "kind", luoshi_report_kind_to_string (report->kind));
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "period", period);
  g_string_append_c (out, ',');
  luoshi_json_append_double (out, "period_confidence", report->period_confidence);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "period_evidence", report->period_evidence);
  g_string_append_c (out, ',');
  luoshi_json_append_member (out, "org", report->org);
  g_string_append (out, ",\"items\":[");
  for (guint i = 0; i < doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (doc->items, i);

      if (item->report_index != index)
        continue;
      if (!first)
        g_string_append_c (out, ',');
      g_string_append (out, "\n   ");
      append_item (out, item);
      first = FALSE;
    }
  g_string_append (out, "]}");
}

char *
luoshi_export_json_string (GPtrArray *documents)
{
  GString *out = g_string_new ("{\"version\":1,\"reports\":[");
  gboolean first = TRUE;

  for (guint d = 0; d < documents->len; d++)
    {
      LuoshiDocument *doc = g_ptr_array_index (documents, d);

      for (guint r = 0; r < doc->reports->len; r++)
        {
          if (!first)
            g_string_append_c (out, ',');
          g_string_append (out, "\n ");
          append_report (out, doc, r);
          first = FALSE;
        }
    }
  g_string_append (out, "\n]}\n");
  return g_string_free (out, FALSE);
}

static gboolean
write_all (GOutputStream  *out,
           const char     *data,
           GCancellable   *cancellable,
           GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_output_stream_write_all (out, data, strlen (data), NULL, cancellable, &local_error) &&
      g_output_stream_flush (out, cancellable, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, LUOSHI_EXPORT_ERROR, LUOSHI_EXPORT_ERROR_WRITE,
                 _("Could not write the export: %s"), local_error->message);
  return FALSE;
}

gboolean
luoshi_export_json (GPtrArray      *documents,
                    GOutputStream  *out,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autofree char *json = luoshi_export_json_string (documents);

  return write_all (out, json, cancellable, error);
}

static char *
format_metrics (GPtrArray *metrics)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < metrics->len; i++)
    {
      g_autofree char *m = luoshi_metric_format (g_ptr_array_index (metrics, i));

      if (i > 0)
        g_string_append (out, "; ");
      g_string_append (out, m);
    }
  return g_string_free (out, FALSE);
}

static void
append_item_row (GString            *out,
                 LuoshiDocument     *doc,
                 const LuoshiItem   *item)
{
  LuoshiReport *report = g_ptr_array_index (doc->reports, item->report_index);
  g_autofree char *period = luoshi_report_period_string (report);
  g_autofree char *figures = format_metrics (item->metrics);
  g_autofree char *tags = g_strjoinv (", ", item->tags);
  g_autofree char *start = g_strdup_printf ("%u", item->start);
  g_autofree char *end = g_strdup_printf ("%u", item->end);
  const char *fields[] = {
    doc->name, report->title, period ? period : "", report->org ? report->org : "",
    luoshi_item_kind_to_string (item->kind), item->section_path, item->text, figures,
    item->kind == LUOSHI_ITEM_GOAL ? luoshi_status_to_string (item->status) : "",
    item->note ? item->note : "", tags, item->key ? "*" : "", start, end,
  };

  luoshi_csv_append_row (out, fields, G_N_ELEMENTS (fields));
}

char *
luoshi_export_csv_string (GPtrArray *documents)
{
  GString *out = g_string_new (LUOSHI_CSV_BOM);
  const char *header[] = {
    _("File"), _("Report"), _("Period"), _("Issuing body"), _("Kind"), _("Section"),
    _("Text"), _("Figures"), _("Status"), _("Note"), _("Tags"), _("Key"),
    _("Start"), _("End"),
  };

  luoshi_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint d = 0; d < documents->len; d++)
    {
      LuoshiDocument *doc = g_ptr_array_index (documents, d);

      for (guint i = 0; i < doc->items->len; i++)
        append_item_row (out, doc, g_ptr_array_index (doc->items, i));
    }
  return g_string_free (out, FALSE);
}

gboolean
luoshi_export_csv (GPtrArray      *documents,
                   GOutputStream  *out,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autofree char *csv = luoshi_export_csv_string (documents);

  return write_all (out, csv, cancellable, error);
}
