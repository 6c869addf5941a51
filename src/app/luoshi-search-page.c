/* luoshi-search-page.c: full-text search across the library
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "luoshi-script.h"
#include "luoshi-search-page.h"
#include "luoshi-util.h"

/* Enough to scan by eye; a longer list means the query is too broad. */
#define MAX_HITS 200

struct _LuoshiSearchPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkSearchEntry *entry;
  GtkLabel       *count_label;
  GtkStack       *stack;
  GtkListBox     *list;

  /* Owned */
  LuoshiStore    *store;
  GPtrArray      *hits;   /* of LuoshiSearchHit, in row order */
};

G_DEFINE_FINAL_TYPE (LuoshiSearchPage, luoshi_search_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Bold for the query inside @snippet, found in the simplified forms of
 * both so a traditional snippet matches a simplified query. Both forms
 * have the same code points, so the offsets carry over. */
static PangoAttrList *
snippet_attributes (const char *snippet,
                    const char *query)
{
  PangoAttrList *attrs = luoshi_zh_attributes ();
  g_autofree char *s_snippet = luoshi_script_simplify (snippet, -1);
  g_autofree char *s_query = luoshi_script_simplify (query, -1);
  g_autofree char *f_snippet = g_utf8_casefold (s_snippet, -1);
  g_autofree char *f_query = g_utf8_casefold (s_query, -1);
  const char *found;

  /* Casefolding only changes Latin letters; if it changed the length in
   * code points, offsets would not carry over: then skip the bold. */
  if (f_query[0] == '\0' ||
      g_utf8_strlen (f_snippet, -1) != g_utf8_strlen (snippet, -1))
    return attrs;

  found = strstr (f_snippet, f_query);
  if (found != NULL)
    {
      glong start = g_utf8_pointer_to_offset (f_snippet, found);
      glong len = g_utf8_strlen (f_query, -1);
      const char *from = g_utf8_offset_to_pointer (snippet, start);
      const char *to = g_utf8_offset_to_pointer (from, len);
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = from - snippet;
      bold->end_index = to - snippet;
      pango_attr_list_insert (attrs, bold);
    }
  return attrs;
}

static GtkWidget *
create_row (LuoshiSearchHit *hit,
            const char      *query)
{
  g_autoptr(PangoAttrList) attrs = snippet_attributes (hit->snippet, query);
  g_autoptr(PangoAttrList) zh = luoshi_zh_attributes ();
  g_autofree char *where = NULL;
  g_autofree char *snippet = NULL;
  GtkWidget *row, *box, *label;

  if (hit->line > 0)
    /* Translators: file name, line number */
    where = g_strdup_printf (_("%s, line %u"), hit->file_name, hit->line);
  else
    where = g_strdup (hit->file_name);

  /* Sentences keep their line breaks; the list reads better without. */
  snippet = g_strdup (hit->snippet);
  g_strdelimit (snippet, "\r\n", ' ');

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 3,
                      "margin-top", 9, "margin-bottom", 9,
                      "margin-start", 12, "margin-end", 12,
                      NULL);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", where, "xalign", 0.0f,
                        "ellipsize", PANGO_ELLIPSIZE_MIDDLE,
                        "attributes", zh,
                        "css-classes", (const char *[]) { "caption", "dim-label", NULL },
                        NULL);
  gtk_box_append (GTK_BOX (box), label);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", snippet, "xalign", 0.0f,
                        "wrap", TRUE, "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "lines", 3, "ellipsize", PANGO_ELLIPSIZE_END,
                        "attributes", attrs,
                        NULL);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, snippet,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, where,
                                  -1);
  return row;
}

static void
clear_rows (LuoshiSearchPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
}

static void
run_search (LuoshiSearchPage *self,
            const char       *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));

  clear_rows (self);

  if (stripped[0] == '\0' || self->store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->count_label), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "initial");
      return;
    }

  /* One more than shown tells whether there are more. */
  self->hits = luoshi_store_search (self->store, stripped, MAX_HITS + 1, &error);
  if (self->hits == NULL)
    {
      luoshi_widget_show_error (GTK_WIDGET (self), error);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  if (self->hits->len > MAX_HITS)
    {
      g_ptr_array_set_size (self->hits, MAX_HITS);
      count = g_strdup_printf (_("More than %u results; showing the first %u"), MAX_HITS, MAX_HITS);
    }
  else
    count = g_strdup_printf (ngettext ("%u result", "%u results", self->hits->len), self->hits->len);

  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (self->list, create_row (g_ptr_array_index (self->hits, i), stripped));

  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), TRUE);
  gtk_stack_set_visible_child_name (self->stack, self->hits->len > 0 ? "results" : "none");
}

static void
search_changed_cb (LuoshiSearchPage *self)
{
  run_search (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
}

static void
row_activated_cb (LuoshiSearchPage *self,
                  GtkListBoxRow    *row)
{
  luoshi_search_page_activate_hit (self, gtk_list_box_row_get_index (row));
}

static void
entry_activate_cb (LuoshiSearchPage *self)
{
  if (self->hits != NULL && self->hits->len > 0)
    luoshi_search_page_activate_hit (self, 0);
}

static void
luoshi_search_page_dispose (GObject *object)
{
  LuoshiSearchPage *self = LUOSHI_SEARCH_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->hits, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_SEARCH_PAGE);
  /* dispose_template() only unparents bound children; ours has an
   * unnamed box at the top. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (luoshi_search_page_parent_class)->dispose (object);
}

static void
luoshi_search_page_class_init (LuoshiSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_search_page_dispose;

  signals[SIGNAL_HIT_ACTIVATED] =
    g_signal_new ("hit-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiSearchPage, entry);
  gtk_widget_class_bind_template_child (widget_class, LuoshiSearchPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiSearchPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiSearchPage, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);
}

static void
luoshi_search_page_init (LuoshiSearchPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
luoshi_search_page_set_store (LuoshiSearchPage *self,
                              LuoshiStore      *store)
{
  g_return_if_fail (LUOSHI_IS_SEARCH_PAGE (self));
  g_return_if_fail (store == NULL || LUOSHI_IS_STORE (store));

  g_set_object (&self->store, store);
}

void
luoshi_search_page_set_query (LuoshiSearchPage *self,
                              const char       *query)
{
  g_return_if_fail (LUOSHI_IS_SEARCH_PAGE (self));

  /* Blocked so the entry's own (delayed) search does not run it twice. */
  g_signal_handlers_block_by_func (self->entry, search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query ? query : "");
  g_signal_handlers_unblock_by_func (self->entry, search_changed_cb, self);
  run_search (self, query);
}

guint
luoshi_search_page_get_n_hits (LuoshiSearchPage *self)
{
  g_return_val_if_fail (LUOSHI_IS_SEARCH_PAGE (self), 0);
  return self->hits ? self->hits->len : 0;
}

void
luoshi_search_page_activate_hit (LuoshiSearchPage *self,
                                 guint             index)
{
  LuoshiSearchHit *hit;

  g_return_if_fail (LUOSHI_IS_SEARCH_PAGE (self));

  if (self->hits == NULL || index >= self->hits->len)
    return;
  hit = g_ptr_array_index (self->hits, index);
  g_signal_emit (self, signals[SIGNAL_HIT_ACTIVATED], 0, hit->report_id, hit->start, hit->end);
}

void
luoshi_search_page_focus (LuoshiSearchPage *self)
{
  g_return_if_fail (LUOSHI_IS_SEARCH_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}
