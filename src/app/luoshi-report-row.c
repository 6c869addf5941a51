/* luoshi-report-row.c: what the sidebar shows of one report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-report-row.h"
#include "luoshi-util.h"

struct _LuoshiReportRow
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *period_label;
  GtkLabel          *goals_label;
  GtkLabel          *achievements_label;
  GtkLabel          *problems_label;

  LuoshiReportEntry *entry;
};

G_DEFINE_FINAL_TYPE (LuoshiReportRow, luoshi_report_row, GTK_TYPE_WIDGET)

static void
luoshi_report_row_dispose (GObject *object)
{
  LuoshiReportRow *self = LUOSHI_REPORT_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_REPORT_ROW);
  /* Children without an id too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (luoshi_report_row_parent_class)->dispose (object);
}

/* Tooltips are asked for when shown: setting one on a visible widget
 * makes GTK 4.8 query the pointer from the display server, a round trip
 * per row and label when a list view builds its 200 rows. */
static gboolean
query_tooltip_cb (LuoshiReportRow *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  GtkWidget       *label)
{
  const char *text = NULL;

  if (self->entry == NULL)
    return FALSE;

  if (label == GTK_WIDGET (self->title_label))
    text = luoshi_report_entry_get_file_name (self->entry);
  else if (luoshi_report_entry_get_counts (self->entry) == NULL)
    text = NULL;  /* the total is of all kinds */
  else if (label == GTK_WIDGET (self->goals_label))
    text = _("Goals");
  else if (label == GTK_WIDGET (self->achievements_label))
    text = _("Achievements");
  else if (label == GTK_WIDGET (self->problems_label))
    text = _("Problems");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
luoshi_report_row_class_init (LuoshiReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_report_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-report-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, period_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, goals_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, achievements_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportRow, problems_label);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  /* As the GtkListBoxRow it was: the list item holding it has no role. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST_ITEM);
}

static void
luoshi_report_row_init (LuoshiReportRow *self)
{
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_attributes (self->title_label, attrs);
  gtk_label_set_attributes (self->period_label, attrs);
}

GtkWidget *
luoshi_report_row_new (void)
{
  return g_object_new (LUOSHI_TYPE_REPORT_ROW, NULL);
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

void
luoshi_report_row_set_entry (LuoshiReportRow   *self,
                             LuoshiReportEntry *entry)
{
  const guint *counts;
  const char *title;
  const char *subtitle;
  guint n_items;

  g_return_if_fail (LUOSHI_IS_REPORT_ROW (self));
  g_return_if_fail (entry == NULL || LUOSHI_IS_REPORT_ENTRY (entry));

  if (!g_set_object (&self->entry, entry) || entry == NULL)
    return;

  title = luoshi_report_entry_get_title (entry);
  subtitle = luoshi_report_entry_get_subtitle (entry);
  gtk_label_set_label (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, luoshi_report_entry_get_file_name (entry),
                                  -1);
  gtk_label_set_label (self->period_label, subtitle);

  counts = luoshi_report_entry_get_counts (entry);
  n_items = luoshi_report_entry_get_n_items (entry);
  if (counts == NULL)
    {
      /* Only the total is known. */
      set_count (self->goals_label, n_items,
                 g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items));
      gtk_widget_remove_css_class (GTK_WIDGET (self->goals_label), "goal");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->goals_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_widget_set_visible (GTK_WIDGET (self->achievements_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
    }
  else
    {
      /* The first label may have shown a total before. */
      gtk_widget_add_css_class (GTK_WIDGET (self->goals_label), "goal");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->goals_label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Goals"),
                                      -1);
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
}

LuoshiReportEntry *
luoshi_report_row_get_entry (LuoshiReportRow *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_ROW (self), NULL);
  return self->entry;
}
