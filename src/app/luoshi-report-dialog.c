/* luoshi-report-dialog.c: edit a report's title, body, period and kind
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "luoshi-report-dialog-private.h"
#include "luoshi-util.h"

struct _LuoshiReportDialog
{
  AdwWindow      parent_instance;

  /* Template widgets */
  AdwEntryRow   *title_row;
  AdwEntryRow   *org_row;
  GtkSpinButton *year_spin;
  AdwComboRow   *half_row;
  AdwComboRow   *kind_row;

  /* Owned */
  LuoshiStore   *store;
  gint64         report_id;
};

G_DEFINE_FINAL_TYPE (LuoshiReportDialog, luoshi_report_dialog, ADW_TYPE_WINDOW)

static void
save_clicked_cb (LuoshiReportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!luoshi_report_dialog_save (self, &error))
    {
      /* Keep the dialog open so nothing typed is lost. */
      luoshi_widget_show_error (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))), error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
luoshi_report_dialog_dispose (GObject *object)
{
  LuoshiReportDialog *self = LUOSHI_REPORT_DIALOG (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (luoshi_report_dialog_parent_class)->dispose (object);
}

static void
luoshi_report_dialog_class_init (LuoshiReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_report_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportDialog, org_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportDialog, half_row);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportDialog, kind_row);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
luoshi_report_dialog_init (LuoshiReportDialog *self)
{
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_entry_row_set_attributes (self->title_row, attrs);
  adw_entry_row_set_attributes (self->org_row, attrs);
}

LuoshiReportDialog *
luoshi_report_dialog_new (GtkWindow    *parent,
                          LuoshiStore  *store,
                          gint64        report_id,
                          GError      **error)
{
  g_autoptr(LuoshiStoreReport) report = NULL;
  LuoshiReportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LUOSHI_IS_STORE (store), NULL);

  report = luoshi_store_get_report (store, report_id, error);
  if (report == NULL)
    return NULL;

  self = g_object_new (LUOSHI_TYPE_REPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->report_id = report_id;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), report->report->title ? report->report->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->org_row), report->report->org ? report->report->org : "");
  gtk_spin_button_set_value (self->year_spin, MAX (report->report->year, 0));
  adw_combo_row_set_selected (self->half_row, CLAMP (report->report->half, 0, 2));
  adw_combo_row_set_selected (self->kind_row, report->report->kind);

  return self;
}

gboolean
luoshi_report_dialog_save (LuoshiReportDialog  *self,
                           GError             **error)
{
  g_autofree char *title = NULL;
  g_autofree char *org = NULL;

  g_return_val_if_fail (LUOSHI_IS_REPORT_DIALOG (self), FALSE);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  org = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->org_row))));

  /* Each setter records nothing when the value is unchanged. */
  return luoshi_store_set_report_title (self->store, self->report_id, title, error) &&
         luoshi_store_set_report_org (self->store, self->report_id, org, error) &&
         luoshi_store_set_report_period (self->store, self->report_id,
                                         gtk_spin_button_get_value_as_int (self->year_spin),
                                         adw_combo_row_get_selected (self->half_row),
                                         error) &&
         luoshi_store_set_report_kind (self->store, self->report_id,
                                       adw_combo_row_get_selected (self->kind_row),
                                       error);
}

void
_luoshi_report_dialog_set_title_text (LuoshiReportDialog *self,
                                      const char         *title)
{
  g_return_if_fail (LUOSHI_IS_REPORT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}
