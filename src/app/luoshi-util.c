/* luoshi-util.c: small helpers shared by the app's widgets
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "luoshi-util.h"

PangoAttrList *
luoshi_zh_attributes (void)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  return attrs;
}

void
luoshi_widget_show_error (GtkWidget    *widget,
                          const GError *error)
{
  GtkWidget *overlay;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_message ("%s", error->message);
      return;
    }

  /* Toast titles are Pango markup; file names may hold '&'. */
  markup = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
