/* luoshi-report-row.c: one report in the sidebar
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "luoshi-report-row.h"
#include "luoshi-util.h"

struct _LuoshiReportRow
{
  GtkListBoxRow  parent_instance;

  /* Template widgets */
  GtkLabel      *title_label;
  GtkLabel      *period_label;
  GtkLabel      *goals_label;
  GtkLabel      *achievements_label;
  GtkLabel      *problems_label;

  gint64         report_id;
  gint64         file_id;
  int            year;
  char          *org;
  char          *haystack;  /* casefolded title, body and file name */
};

G_DEFINE_FINAL_TYPE (LuoshiReportRow, luoshi_report_row, GTK_TYPE_LIST_BOX_ROW)

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
luoshi_report_row_finalize (GObject *object)
{
  LuoshiReportRow *self = LUOSHI_REPORT_ROW (object);

  g_clear_pointer (&self->org, g_free);
  g_clear_pointer (&self->haystack, g_free);

  G_OBJECT_CLASS (luoshi_report_row_parent_class)->finalize (object);
}

static void
luoshi_report_row_class_init (LuoshiReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = luoshi_report_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-report-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, period_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, goals_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, achievements_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, problems_label);
}

static void
luoshi_report_row_init (LuoshiReportRow *self)
{
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_attributes (self->title_label, attrs);
  gtk_label_set_attributes (self->period_label, attrs);
}

static void
set_count (GtkLabel   *label,
           guint       count,
           char       *text)  /* owned */
{
  g_autofree char *owned = text;

  gtk_label_set_label (label, owned);
  gtk_widget_set_visible (GTK_WIDGET (label), count > 0);
}

GtkWidget *
luoshi_report_row_new (const LuoshiStoreReport *report,
                       const guint              counts[3])
{
  LuoshiReportRow *self;
  g_autofree char *period = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *haystack = NULL;
  const char *title;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (LUOSHI_TYPE_REPORT_ROW, NULL);
  self->report_id = report->id;
  self->file_id = report->file_id;
  self->year = report->report->year;
  self->org = g_strdup (report->report->org ? report->report->org : "");

  title = luoshi_report_get_display_title (report);
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), report->file_name);

  period = luoshi_report_format_period (report->report);
  /* Translators: period · report kind, e.g. "2023 · Review and plan" */
  subtitle = g_strdup_printf (_("%s · %s"), period,
                              luoshi_report_kind_get_label (report->report->kind));
  gtk_label_set_label (self->period_label, subtitle);

  if (counts == NULL)
    {
      /* Only the total is known. */
      set_count (self->goals_label, report->n_items,
                 g_strdup_printf (ngettext ("%u item", "%u items", report->n_items), report->n_items));
      gtk_widget_remove_css_class (GTK_WIDGET (self->goals_label), "goal");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->goals_label), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->achievements_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
    }
  else
    {
      /* Translators: count badges in the sidebar; keep them short */
      set_count (self->goals_label, counts[LUOSHI_ITEM_GOAL],
                 g_strdup_printf (ngettext ("%u goal", "%u goals", counts[LUOSHI_ITEM_GOAL]),
                                  counts[LUOSHI_ITEM_GOAL]));
      set_count (self->achievements_label, counts[LUOSHI_ITEM_ACHIEVEMENT],
                 g_strdup_printf (ngettext ("%u achievement", "%u achievements", counts[LUOSHI_ITEM_ACHIEVEMENT]),
                                  counts[LUOSHI_ITEM_ACHIEVEMENT]));
      set_count (self->problems_label, counts[LUOSHI_ITEM_PROBLEM],
                 g_strdup_printf (ngettext ("%u problem", "%u problems", counts[LUOSHI_ITEM_PROBLEM]),
                                  counts[LUOSHI_ITEM_PROBLEM]));
    }

  haystack = g_strjoin ("\n", title, self->org, report->file_name, subtitle, NULL);
  self->haystack = g_utf8_casefold (haystack, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);

  return GTK_WIDGET (self);
}

gint64
luoshi_report_row_get_report_id (LuoshiReportRow *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ROW (self), 0);
  return self->report_id;
}

gint64
luoshi_report_row_get_file_id (LuoshiReportRow *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ROW (self), 0);
  return self->file_id;
}

const char *
luoshi_report_row_get_org (LuoshiReportRow *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ROW (self), "");
  return self->org;
}

int
luoshi_report_row_get_year (LuoshiReportRow *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ROW (self), 0);
  return self->year;
}

gboolean
luoshi_report_row_matches (LuoshiReportRow *self,
                           const char      *needle)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (LUOSHI_IS_REPORT_ROW (self), FALSE);

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  folded = g_utf8_casefold (needle, -1);
  return strstr (self->haystack, folded) != NULL;
}
