/* luoshi-report-entry.c: one line of the sidebar, a report or a group header
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "luoshi-report-entry.h"

struct _LuoshiReportEntry
{
  GObject   parent_instance;

  gboolean  header;
  char     *title;
  /* Reports only */
  gint64    report_id;
  gint64    file_id;
  char     *file_name;
  char     *subtitle;
  char     *org;
  int       year;
  gboolean  has_counts;
  guint     counts[3];
  guint     n_items;
  char     *haystack;  /* casefolded title, body, file name and subtitle */
};

G_DEFINE_FINAL_TYPE (LuoshiReportEntry, luoshi_report_entry, G_TYPE_OBJECT)

const char *
luoshi_report_kind_get_label (LuoshiReportKind kind)
{
  switch (kind)
    {
    case LUOSHI_REPORT_REVIEW:
      return _("Review");
    case LUOSHI_REPORT_PLAN:
      return _("Plan");
    case LUOSHI_REPORT_REVIEW_PLAN:
      return _("Review and plan");
    case LUOSHI_REPORT_SPEECH:
      return _("Speech");
    case LUOSHI_REPORT_OTHER:
    default:
      return _("Other");
    }
}

char *
luoshi_report_format_period (const LuoshiReport *report)
{
  if (report->year <= 0)
    return g_strdup (_("Unknown period"));
  if (report->half == 1)
    /* Translators: %d is a year */
    return g_strdup_printf (_("%d, first half"), report->year);
  if (report->half == 2)
    /* Translators: %d is a year */
    return g_strdup_printf (_("%d, second half"), report->year);
  return g_strdup_printf ("%d", report->year);
}

const char *
luoshi_report_get_display_title (const LuoshiStoreReport *report)
{
  if (report->report->title != NULL && report->report->title[0] != '\0')
    return report->report->title;
  return report->file_name;
}

static void
luoshi_report_entry_finalize (GObject *object)
{
  LuoshiReportEntry *self = LUOSHI_REPORT_ENTRY (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->org, g_free);
  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (luoshi_report_entry_parent_class)->finalize (object);
}

static void
luoshi_report_entry_class_init (LuoshiReportEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = luoshi_report_entry_finalize;
}

static void
luoshi_report_entry_init (LuoshiReportEntry *self)
{
}

LuoshiReportEntry *
luoshi_report_entry_new (const LuoshiStoreReport *report,
                         const guint              counts[3])
{
  LuoshiReportEntry *self;
  g_autofree char *period = NULL;
  g_autofree char *haystack = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (LUOSHI_TYPE_REPORT_ENTRY, NULL);
  self->title = g_strdup (luoshi_report_get_display_title (report));
  self->report_id = report->id;
  self->file_id = report->file_id;
  self->file_name = g_strdup (report->file_name);
  self->org = g_strdup (report->report->org ? report->report->org : "");
  self->year = report->report->year;
  self->n_items = report->n_items;
  if (counts != NULL)
    {
      self->has_counts = TRUE;
      memcpy (self->counts, counts, sizeof self->counts);
    }

  period = luoshi_report_format_period (report->report);
  /* Translators: period · report kind, e.g. "2023 · Review and plan" */
  self->subtitle = g_strdup_printf (_("%s · %s"), period,
                                    luoshi_report_kind_get_label (report->report->kind));

  haystack = g_strjoin ("\n", self->title, self->org, self->file_name, self->subtitle, NULL);
  self->haystack = g_utf8_casefold (haystack, -1);

  return self;
}

LuoshiReportEntry *
luoshi_report_entry_new_header (const char *title)
{
  LuoshiReportEntry *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (LUOSHI_TYPE_REPORT_ENTRY, NULL);
  self->header = TRUE;
  self->title = g_strdup (title);
  return self;
}

gboolean
luoshi_report_entry_is_header (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), FALSE);
  return self->header;
}

const char *
luoshi_report_entry_get_title (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), NULL);
  return self->title;
}

gint64
luoshi_report_entry_get_report_id (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), 0);
  return self->report_id;
}

gint64
luoshi_report_entry_get_file_id (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), 0);
  return self->file_id;
}

const char *
luoshi_report_entry_get_file_name (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), NULL);
  return self->file_name;
}

const char *
luoshi_report_entry_get_subtitle (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), NULL);
  return self->subtitle;
}

const char *
luoshi_report_entry_get_org (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), "");
  return self->org ? self->org : "";
}

int
luoshi_report_entry_get_year (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), 0);
  return self->year;
}

const guint *
luoshi_report_entry_get_counts (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), NULL);
  return self->has_counts ? self->counts : NULL;
}

guint
luoshi_report_entry_get_n_items (LuoshiReportEntry *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), 0);
  return self->n_items;
}

gboolean
luoshi_report_entry_matches (LuoshiReportEntry *self,
                             const char        *folded_needle)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), FALSE);

  if (self->header)
    return FALSE;
  if (folded_needle == NULL || folded_needle[0] == '\0')
    return TRUE;
  return strstr (self->haystack, folded_needle) != NULL;
}

gboolean
luoshi_report_entry_equal (LuoshiReportEntry *self,
                           LuoshiReportEntry *other)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (self), FALSE);
  g_return_val_if_fail (LUOSHI_IS_REPORT_ENTRY (other), FALSE);

  return self->header == other->header &&
         self->report_id == other->report_id &&
         self->file_id == other->file_id &&
         self->year == other->year &&
         self->n_items == other->n_items &&
         self->has_counts == other->has_counts &&
         memcmp (self->counts, other->counts, sizeof self->counts) == 0 &&
         g_strcmp0 (self->title, other->title) == 0 &&
         g_strcmp0 (self->file_name, other->file_name) == 0 &&
         g_strcmp0 (self->subtitle, other->subtitle) == 0 &&
         g_strcmp0 (self->org, other->org) == 0;
}
