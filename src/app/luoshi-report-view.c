/* luoshi-report-view.c: one report's text beside its items
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "luoshi-item-editor.h"
#include "luoshi-item-list.h"
#include "luoshi-report-entry.h"
#include "luoshi-report-view-private.h"
#include "luoshi-util.h"

/* Reports above this many characters are added to the text view in
 * chunks from an idle callback, so a 20 MB file does not freeze the
 * window while GtkTextBuffer takes it in. */
#define CHUNK_CHARS 100000
/* Reports above this many characters are read from the store in a thread. */
#define LARGE_REPORT_CHARS 1000000
/* Below this width the table goes under the text. */
#define NARROW_WIDTH 720

struct _LuoshiReportView
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkToggleButton    *outline_button;
  GtkRevealer        *outline_revealer;
  GtkPaned           *paned;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkListBox         *outline_list;
  GtkTextView        *text_view;
  GtkSearchEntry     *item_search;
  GtkDropDown        *kind_filter;
  GtkToggleButton    *key_filter;
  GtkStack           *items_stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *key_column;
  GtkColumnViewColumn *kind_column;
  GtkColumnViewColumn *text_column;
  GtkColumnViewColumn *figures_column;
  GtkColumnViewColumn *section_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *note_column;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  LuoshiItemEditor   *editor;

  /* Owned */
  LuoshiStore        *store;
  LuoshiDocument     *document;   /* the report's file, as stored */
  LuoshiItemList     *items;      /* the model under the table */
  GPtrArray          *item_array; /* of LuoshiItem by start, for tagging */
  GtkCustomFilter    *filter;
  GtkTextBuffer      *buffer;
  GtkTextTag         *kind_tags[3][2]; /* two tints, alternating, so adjacent items stay apart */
  guint               kind_counts[3];
  GtkTextTag         *heading_tag;
  GtkTextTag         *current_tag;
  GtkTextTag         *zh_tag;
  GtkTextMark        *scroll_mark;
  guint               chunk_source;

  gint64              report_id;
  gint64              file_id;
  guint               base;       /* file offset of the report's first code point */
  guint               n_chars;    /* code points of the report */
  guint               n_inserted; /* of them, in the buffer so far */
  guint               next_tag;   /* first item of item_array not tagged yet */
  guint               next_heading;

  /* Set while the view moves the cursor or the selection itself, so that
   * the text and the table do not chase each other. */
  gboolean            syncing;
  /* Reading a large report in a thread; a span to select once it is in. */
  GCancellable       *load_cancellable;
  guint               pending_start;
  guint               pending_end;
  /* The panes are split when the view first gets its size, and again
   * when it becomes narrow or wide. */
  gboolean            split_done;
  gboolean            split_narrow;
  /* The whole report is in: text, items, no thread reading. */
  gboolean            complete;
};

G_DEFINE_FINAL_TYPE (LuoshiReportView, luoshi_report_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_complete (LuoshiReportView *self)
{
  gboolean complete = self->load_cancellable == NULL && self->chunk_source == 0 &&
                      luoshi_item_list_get_complete (self->items);

  if (complete == self->complete)
    return;
  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Light tints on light backgrounds, deep ones on dark: both keep black
 * resp. white text readable (contrast above 7:1). Blue goals, green
 * achievements, orange problems; each in two tints. */
static const char *light_colors[3][2] = {
  { "#d6e6fb", "#c2d9f7" },
  { "#d5f2de", "#c0e9cd" },
  { "#fbdecb", "#f7ccb1" },
};
static const char *dark_colors[3][2] = {
  { "#1c3a5e", "#254870" },
  { "#1d4a31", "#255b3d" },
  { "#5a2e17", "#6b391e" },
};

static void
update_colors (LuoshiReportView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (self->kind_tags); i++)
    for (guint j = 0; j < 2; j++)
      g_object_set (self->kind_tags[i][j],
                    "background", dark ? dark_colors[i][j] : light_colors[i][j],
                    NULL);
  g_object_set (self->current_tag,
                "background", dark ? "#6e5a00" : "#f9e675",
                NULL);
}

static gboolean
buffer_span (LuoshiReportView *self,
             guint             start,
             guint             end,
             GtkTextIter      *begin,
             GtkTextIter      *finish)
{
  if (end <= self->base || start >= self->base + self->n_inserted)
    return FALSE;
  start = MAX (start, self->base) - self->base;
  end = MIN (end - self->base, self->n_inserted);
  gtk_text_buffer_get_iter_at_offset (self->buffer, begin, start);
  gtk_text_buffer_get_iter_at_offset (self->buffer, finish, end);
  return TRUE;
}

/* Tags the items and headings that lie in the text inserted so far. */
static void
tag_inserted (LuoshiReportView *self)
{
  GtkTextIter begin, end;

  for (; self->item_array != NULL && self->next_tag < self->item_array->len; self->next_tag++)
    {
      LuoshiItem *item = g_ptr_array_index (self->item_array, self->next_tag);

      if (item->end > self->base + self->n_inserted)
        break;
      if (item->kind < G_N_ELEMENTS (self->kind_tags) &&
          buffer_span (self, item->start, item->end, &begin, &end))
        gtk_text_buffer_apply_tag (self->buffer,
                                   self->kind_tags[item->kind][self->kind_counts[item->kind]++ % 2],
                                   &begin, &end);
    }

  for (; self->document != NULL && self->next_heading < self->document->sections->len; self->next_heading++)
    {
      LuoshiSection *section = g_ptr_array_index (self->document->sections, self->next_heading);

      if (section->heading_end > self->base + self->n_inserted)
        break;
      if (buffer_span (self, section->start, section->heading_end, &begin, &end))
        gtk_text_buffer_apply_tag (self->buffer, self->heading_tag, &begin, &end);
    }
}

static void
retag_items (LuoshiReportView *self)
{
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (self->buffer, &begin, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->kind_tags); i++)
    {
      gtk_text_buffer_remove_tag (self->buffer, self->kind_tags[i][0], &begin, &end);
      gtk_text_buffer_remove_tag (self->buffer, self->kind_tags[i][1], &begin, &end);
      self->kind_counts[i] = 0;
    }
  self->next_tag = 0;
  tag_inserted (self);
}

static void
append_chunk (LuoshiReportView *self)
{
  guint count = MIN (CHUNK_CHARS, self->n_chars - self->n_inserted);
  const char *from = luoshi_document_at (self->document, self->base + self->n_inserted);
  const char *to = luoshi_document_at (self->document, self->base + self->n_inserted + count);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (self->buffer, &end);
  gtk_text_buffer_insert_with_tags (self->buffer, &end, from, to - from, self->zh_tag, NULL);
  self->n_inserted += count;
  tag_inserted (self);
}

static gboolean
append_chunk_cb (gpointer data)
{
  LuoshiReportView *self = data;

  append_chunk (self);
  if (self->n_inserted < self->n_chars)
    return G_SOURCE_CONTINUE;

  self->chunk_source = 0;
  update_complete (self);
  return G_SOURCE_REMOVE;
}

static void
update_items_stack (LuoshiReportView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  gtk_stack_set_visible_child_name (self->items_stack, n > 0 ? "items" : "empty");
}

/* Status and note columns only when some item has one: most reports have
 * neither, and the text column needs the room. */
static void
update_columns (LuoshiReportView *self)
{
  gboolean any_status = FALSE;
  gboolean any_note = FALSE;

  for (guint i = 0; self->item_array != NULL && i < self->item_array->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (self->item_array, i);

      any_status |= item->status != LUOSHI_STATUS_UNRATED;
      any_note |= item->note != NULL && item->note[0] != '\0';
    }
  gtk_column_view_column_set_visible (self->status_column, any_status);
  gtk_column_view_column_set_visible (self->note_column, any_note);
}

/* GtkPaned positions are in pixels: split text and table evenly (showing
 * the outline only when there is room for it) once the size is known,
 * and put the table under the text when the view is narrow (a folded
 * window on a phone-sized screen). This is done as the view is given its
 * size, before the panes are allocated: a text laid out at the unsplit
 * pane's width (a few dozen pixels) wraps every line many times, and
 * laying out a long report like that stalled the window. */
static void
split_panes (LuoshiReportView *self,
             int               width,
             int               height)
{
  GtkWidget *header = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (self)));
  gboolean narrow = width < NARROW_WIDTH;
  guint duration = gtk_revealer_get_transition_duration (self->outline_revealer);
  int header_height = 0;

  if (width <= 0 || (self->split_done && narrow == self->split_narrow))
    return;

  gtk_widget_measure (header, GTK_ORIENTATION_VERTICAL, width, &header_height, NULL, NULL, NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* The first split shows the outline at once rather than sliding it in. */
  if (!self->split_done)
    gtk_revealer_set_transition_duration (self->outline_revealer, 0);
  if (narrow)
    {
      gtk_toggle_button_set_active (self->outline_button, FALSE);
      gtk_paned_set_position (self->paned, MAX (height - header_height, 0) / 2);
    }
  else
    {
      gboolean roomy = width >= 1000;

      gtk_toggle_button_set_active (self->outline_button, roomy);
      gtk_paned_set_position (self->paned, roomy ? width * 0.47 : width / 2);
    }
  gtk_revealer_set_transition_duration (self->outline_revealer, duration);
  self->split_narrow = narrow;
  self->split_done = TRUE;
}

static void
luoshi_report_view_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Not a GtkBinLayout: a layout manager would take the allocation
 * before size_allocate could split the panes. */
static void
luoshi_report_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  split_panes (LUOSHI_REPORT_VIEW (widget), width, height);
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

static void
set_items (LuoshiReportView *self,
           GPtrArray        *items)
{
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  self->item_array = g_ptr_array_ref (items);
  /* Show the table before filling it, so it sizes its rows at once. */
  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->items_stack, "items");
  /* Hide columns before the rows come: GTK still builds their cells but
   * then neither measures nor draws them. */
  update_columns (self);
  luoshi_item_list_set_items (self->items, items);
  retag_items (self);
  update_items_stack (self);
}

static gboolean
reload_items (LuoshiReportView  *self,
              GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;

  items = luoshi_store_list_report_items (self->store, self->report_id, error);
  if (items == NULL)
    return FALSE;
  set_items (self, items);
  return TRUE;
}

static int
compare_start (gconstpointer a,
               gconstpointer b)
{
  const LuoshiItem *ia = *(LuoshiItem **) a;
  const LuoshiItem *ib = *(LuoshiItem **) b;

  return ia->start < ib->start ? -1 : ia->start > ib->start;
}

/* Re-tags the kinds in [start, end) of the file's text. */
static void
retag_range (LuoshiReportView *self,
             guint             start,
             guint             end)
{
  GtkTextIter begin, finish;

  if (!buffer_span (self, start, end, &begin, &finish))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->kind_tags); i++)
    {
      gtk_text_buffer_remove_tag (self->buffer, self->kind_tags[i][0], &begin, &finish);
      gtk_text_buffer_remove_tag (self->buffer, self->kind_tags[i][1], &begin, &finish);
    }
  for (guint i = 0; i < self->item_array->len && i < self->next_tag; i++)
    {
      LuoshiItem *item = g_ptr_array_index (self->item_array, i);

      if (item->end > start && item->start < end &&
          buffer_span (self, item->start, item->end, &begin, &finish))
        gtk_text_buffer_apply_tag (self->buffer, self->kind_tags[item->kind][i % 2], &begin, &finish);
    }
}

/* One item was added, edited or deleted: update just that one, so an edit
 * costs the same in a report of 30 items or of 300,000. */
static gboolean
update_one_item (LuoshiReportView  *self,
                 gint64             id,
                 GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(LuoshiItem) item = luoshi_store_get_item (self->store, id, &local_error);
  g_autoptr(GPtrArray) items = NULL;
  guint old_start = G_MAXUINT, old_end = 0;
  int index = -1;

  if (item == NULL && !g_error_matches (local_error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < self->item_array->len; i++)
    if (((LuoshiItem *) g_ptr_array_index (self->item_array, i))->id == id)
      {
        index = i;
        break;
      }

  if (item != NULL && item->report_id != self->report_id)
    g_clear_pointer (&item, luoshi_item_unref);
  if (item == NULL && index < 0)
    return TRUE;  /* not ours */

  items = g_ptr_array_new_full (self->item_array->len + 1, (GDestroyNotify) luoshi_item_unref);
  for (guint i = 0; i < self->item_array->len; i++)
    g_ptr_array_add (items, luoshi_item_ref (g_ptr_array_index (self->item_array, i)));
  if (index >= 0)
    {
      LuoshiItem *old = g_ptr_array_index (items, index);

      old_start = old->start;
      old_end = old->end;
      g_ptr_array_remove_index (items, index);
    }
  if (item != NULL)
    {
      guint at = 0;

      while (at < items->len && ((LuoshiItem *) g_ptr_array_index (items, at))->start <= item->start)
        at++;
      g_ptr_array_insert (items, at, luoshi_item_ref (item));
      old_start = MIN (old_start, item->start);
      old_end = MAX (old_end, item->end);
    }

  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  self->item_array = g_ptr_array_ref (items);
  if (items->len > 0)
    gtk_stack_set_visible_child_name (self->items_stack, "items");
  luoshi_item_list_set_items (self->items, items);
  update_columns (self);
  /* Items are tagged in order; adding or removing one shifts the index. */
  if (item != NULL && index < 0 && self->next_tag > 0)
    self->next_tag++;
  else if (item == NULL && index >= 0 && self->next_tag > (guint) index)
    self->next_tag--;
  retag_range (self, old_start, old_end);
  update_items_stack (self);
  return TRUE;
}

/* The loaded document holds its live items already: taking this report's
 * from there saves a second query when a report is opened. */
static void
set_items_from_document (LuoshiReportView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_item_unref);

  for (guint i = 0; i < self->document->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (self->document->items, i);

      if (item->report_id == self->report_id)
        g_ptr_array_add (items, luoshi_item_ref (item));
    }
  g_ptr_array_sort (items, compare_start);
  set_items (self, items);
}

static void
update_header (LuoshiReportView  *self,
               LuoshiStoreReport *report)
{
  g_autofree char *period = luoshi_report_format_period (report->report);
  g_autofree char *subtitle = NULL;
  const char *org = report->report->org;

  gtk_label_set_label (self->title_label, luoshi_report_get_display_title (report));
  /* Translators: body · period · kind · file name */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"),
                              org && *org ? org : _("Unknown body"),
                              period,
                              luoshi_report_kind_get_label (report->report->kind),
                              report->file_name);
  gtk_label_set_label (self->subtitle_label, subtitle);
}

static void
fill_outline (LuoshiReportView *self,
              guint             report_index)
{
  GtkWidget *child;
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outline_list))) != NULL)
    gtk_list_box_remove (self->outline_list, child);

  for (guint i = 0; i < self->document->sections->len; i++)
    {
      LuoshiSection *section = g_ptr_array_index (self->document->sections, i);
      g_autofree char *text = NULL;
      GtkWidget *label;
      GtkWidget *row;

      /* Deep levels would only crowd the pane. */
      if (section->report != report_index || section->depth > 2)
        continue;

      text = g_strconcat (section->label ? section->label : "",
                          section->title ? section->title : "", NULL);
      label = g_object_new (GTK_TYPE_LABEL,
                            "label", text,
                            "xalign", 0.0f,
                            "ellipsize", PANGO_ELLIPSIZE_END,
                            "margin-start", 12 * (int) section->depth,
                            "attributes", attrs,
                            "tooltip-text", text,
                            NULL);
      if (section->depth == 0)
        gtk_widget_add_css_class (label, "heading");
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data (G_OBJECT (row), "offset", GUINT_TO_POINTER (section->start));
      gtk_list_box_append (self->outline_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->outline_button),
                          gtk_widget_get_first_child (GTK_WIDGET (self->outline_list)) != NULL);
}

static void
scroll_to_offset (LuoshiReportView *self,
                  guint             offset,
                  double            yalign)
{
  GtkTextIter iter;

  if (offset < self->base || offset > self->base + self->n_inserted)
    return;
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset - self->base);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, yalign);
}

static void
outline_row_activated_cb (LuoshiReportView *self,
                          GtkListBoxRow    *row)
{
  guint offset = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "offset"));

  scroll_to_offset (self, offset, 0.0);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  LuoshiReportView *self = user_data;
  LuoshiItem *it = luoshi_item_object_get_item (item);
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->item_search));

  /* 0 is "All Kinds", then the kinds in enum order. */
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION && it->kind != kind - 1)
    return FALSE;
  if (gtk_toggle_button_get_active (self->key_filter) && !it->key)
    return FALSE;
  if (query == NULL || query[0] == '\0')
    return TRUE;

  /* "#tag" matches a tag exactly; other text any field. */
  if (query[0] == '#')
    return it->tags != NULL && query[1] != '\0' && g_strv_contains ((const char * const *) it->tags, query + 1);

  if (strstr (it->text, query) != NULL)
    return TRUE;
  if (it->note != NULL && strstr (it->note, query) != NULL)
    return TRUE;
  if (it->section_path != NULL && strstr (it->section_path, query) != NULL)
    return TRUE;
  for (guint i = 0; it->tags != NULL && it->tags[i] != NULL; i++)
    if (strstr (it->tags[i], query) != NULL)
      return TRUE;
  return FALSE;
}

/* --- Cells ------------------------------------------------------------------
 *
 * Factories are built in code rather than as GtkBuilderListItemFactory
 * templates: those parse their XML for every cell, which made filling a
 * table of 5,000 items take a quarter of a second of CPU. */

typedef struct
{
  const char *property;  /* of LuoshiItemObject, shown in the cell */
  gboolean    markup;    /* the property is Pango markup, not report text */
  gboolean    tooltip;   /* show the whole text when hovered */
  int         min_chars;
  int         nat_chars;
} CellSpec;

static const CellSpec cell_specs[] = {
  /* key */     { "key", FALSE, FALSE, 0, 0 },
  /* kind */    { "kind-markup", TRUE, FALSE, 9, 13 },
  /* text */    { "text", FALSE, TRUE, 22, 40 },
  /* figures */ { "figures", FALSE, TRUE, 5, 9 },
  /* section */ { "section", FALSE, TRUE, 4, 6 },
  /* status */  { "status-label", FALSE, FALSE, 3, 8 },
  /* note */    { "note", FALSE, TRUE, 3, 10 },
};

/* Tooltips are asked for on hover rather than bound to every cell:
 * setting a tooltip text on a widget costs GTK 4.8 a fifth of a
 * millisecond, most of the time a 200-row table took to fill. */
static gboolean
cell_query_tooltip_cb (GtkInscription *inscription,
                       int             x,
                       int             y,
                       gboolean        keyboard_mode,
                       GtkTooltip     *tooltip)
{
  const char *text = gtk_inscription_get_text (inscription);

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               const CellSpec           *spec)
{
  GtkWidget *child;

  if (g_str_equal (spec->property, "key"))
    {
      child = gtk_image_new_from_icon_name ("starred-symbolic");
      gtk_widget_set_tooltip_text (child, _("Key item"));
    }
  else
    {
      g_autoptr(PangoAttrList) attrs = spec->markup ? NULL : luoshi_zh_attributes ();

      /* Report text in zh-cn, so Simplified glyph forms are used
       * whatever the UI locale is. */
      child = g_object_new (GTK_TYPE_INSCRIPTION,
                            "xalign", 0.0f,
                            "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                            "min-chars", spec->min_chars,
                            "nat-chars", spec->nat_chars,
                            "attributes", attrs,
                            "has-tooltip", spec->tooltip,
                            NULL);
      if (spec->tooltip)
        g_signal_connect (child, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, child);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              const CellSpec           *spec)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GBinding *binding;

  if (GTK_IS_IMAGE (child))
    binding = g_object_bind_property (item, spec->property, child, "visible", G_BINDING_SYNC_CREATE);
  else
    binding = g_object_bind_property (item, spec->property, child,
                                      spec->markup ? "markup" : "text", G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                const CellSpec           *spec)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

static void
setup_columns (LuoshiReportView *self)
{
  GtkColumnViewColumn *columns[] = {
    self->key_column, self->kind_column, self->text_column, self->figures_column,
    self->section_column, self->status_column, self->note_column,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (cell_specs));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer) &cell_specs[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer) &cell_specs[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), (gpointer) &cell_specs[i]);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}

/* The sort model follows whichever column header the user clicked. With
 * no column sorted it gets no sorter at all: GTK 4.8's column view
 * sorter still costs a full sort per change (1 s for 5,000 items), and
 * the items are in text order already. */
static void
sorter_changed_cb (LuoshiReportView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

  gtk_sort_list_model_set_sorter (self->sort_model,
                                  gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE ? NULL : sorter);
}

static gboolean
filter_is_active (LuoshiReportView *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_filter);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->item_search));

  return (kind > 0 && kind != GTK_INVALID_LIST_POSITION) ||
         gtk_toggle_button_get_active (self->key_filter) ||
         (query != NULL && query[0] != '\0');
}

/* Without a filter function GtkFilterListModel passes the list through
 * untouched; with one it asks for every item, which makes an object for
 * each of a long report's items. So the function is only set when some
 * filter is on. */
static void
filter_changed_cb (LuoshiReportView *self)
{
  if (filter_is_active (self))
    gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
}

static void
highlight_current (LuoshiReportView *self,
                   LuoshiItemObject *obj)
{
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (self->buffer, &begin, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &begin, &end);

  if (obj != NULL &&
      buffer_span (self, luoshi_item_object_get_start (obj),
                   luoshi_item_object_get_end (obj), &begin, &end))
    gtk_text_buffer_apply_tag (self->buffer, self->current_tag, &begin, &end);
}

static void
selection_changed_cb (LuoshiReportView *self)
{
  LuoshiItemObject *obj = gtk_single_selection_get_selected_item (self->selection);

  luoshi_item_editor_set_item (self->editor, obj);
  highlight_current (self, obj);

  if (obj != NULL && !self->syncing)
    scroll_to_offset (self, luoshi_item_object_get_start (obj), 0.3);

  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static guint
find_position (LuoshiReportView *self,
               LuoshiItemObject *obj)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n;

  /* A long list may still be filling: positions need all of it. */
  luoshi_item_list_complete (self->items);
  /* Neither sorted nor filtered, the table is the list. */
  if (gtk_sort_list_model_get_sorter (self->sort_model) == NULL && !filter_is_active (self))
    return luoshi_item_list_get_index (self->items, obj);

  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuoshiItemObject) other = g_list_model_get_item (model, i);

      if (other == obj)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its internal GtkListView
 * has the list.scroll-to-item action. */
static void
scroll_table_to (LuoshiReportView *self,
                 guint             position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
          return;
        }
    }
}

static void
select_object (LuoshiReportView *self,
               LuoshiItemObject *obj,
               gboolean          scroll_text)
{
  guint position = find_position (self, obj);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  self->syncing = !scroll_text;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  scroll_table_to (self, position);
}

static void
cursor_moved_cb (LuoshiReportView *self)
{
  GtkTextIter iter;
  LuoshiItemObject *obj;

  if (self->syncing || gtk_text_buffer_get_has_selection (self->buffer))
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  obj = luoshi_item_list_find_at (self->items, self->base + gtk_text_iter_get_offset (&iter));
  if (obj != NULL && obj != gtk_single_selection_get_selected_item (self->selection))
    select_object (self, obj, FALSE);
}

static void
text_selection_cb (LuoshiReportView *self)
{
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static void
store_changed_cb (LuoshiReportView  *self,
                  LuoshiStoreChange  what,
                  gint64             id,
                  LuoshiStore       *store)
{
  g_autoptr(GError) error = NULL;

  if (self->report_id == 0)
    return;

  switch (what)
    {
    case LUOSHI_STORE_CHANGE_ITEM:
      if (self->document == NULL)
        break;  /* still loading; the load reads the item */
      if (!(id > 0 ? update_one_item (self, id, &error) : reload_items (self, &error)))
        luoshi_widget_show_error (GTK_WIDGET (self), error);
      /* The selected item may have moved or changed span. */
      highlight_current (self, gtk_single_selection_get_selected_item (self->selection));
      break;

    case LUOSHI_STORE_CHANGE_REPORT:
      if (id == self->report_id)
        {
          g_autoptr(LuoshiStoreReport) report = luoshi_store_get_report (store, id, NULL);

          if (report != NULL)
            update_header (self, report);
        }
      break;

    case LUOSHI_STORE_CHANGE_LIBRARY:
      /* The file was re-imported or removed: reload from scratch. */
      if (id == 0 || id == self->file_id)
        luoshi_report_view_reload (self);
      break;

    case LUOSHI_STORE_CHANGE_CHAIN:
    default:
      break;
    }
}

static void
luoshi_report_view_dispose (GObject *object)
{
  LuoshiReportView *self = LUOSHI_REPORT_VIEW (object);

  g_clear_handle_id (&self->chunk_source, g_source_remove);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->document, luoshi_document_unref);
  g_clear_pointer (&self->item_array, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_REPORT_VIEW);
  /* dispose_template() only unparents bound children; ours has an
   * unnamed box at the top. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->items);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (luoshi_report_view_parent_class)->dispose (object);
}

static void
luoshi_report_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LuoshiReportView *self = LUOSHI_REPORT_VIEW (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_report_view_class_init (LuoshiReportViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_report_view_dispose;
  object_class->get_property = luoshi_report_view_get_property;
  widget_class->measure = luoshi_report_view_measure;
  widget_class->size_allocate = luoshi_report_view_size_allocate;

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Types the templates and the cell factories name. */
  g_type_ensure (LUOSHI_TYPE_ITEM_OBJECT);
  g_type_ensure (LUOSHI_TYPE_ITEM_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-report-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, outline_button);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, outline_revealer);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, paned);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, key_column);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, kind_column);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, text_column);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, figures_column);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, section_column);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, status_column);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, note_column);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, text_view);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, item_search);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, key_filter);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, items_stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, column_view);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, selection);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, filter_model);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, sort_model);
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportView, editor);
  gtk_widget_class_bind_template_callback (widget_class, outline_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
}

static void
luoshi_report_view_init (LuoshiReportView *self)
{
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_attributes (self->title_label, attrs);
  gtk_label_set_attributes (self->subtitle_label, attrs);

  setup_columns (self);
  self->complete = TRUE;
  self->items = luoshi_item_list_new ();
  g_signal_connect_object (self->items, "notify::complete",
                           G_CALLBACK (update_complete), self, G_CONNECT_SWAPPED);
  gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->items));
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  self->filter = gtk_custom_filter_new (NULL, NULL, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  /* The text is read-only; its undo stack would only hold our loading. */
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  self->zh_tag = gtk_text_buffer_create_tag (self->buffer, "zh", "language", "zh-cn", NULL);
  self->heading_tag = gtk_text_buffer_create_tag (self->buffer, "heading",
                                                  "weight", PANGO_WEIGHT_BOLD, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->kind_tags); i++)
    for (guint j = 0; j < 2; j++)
      {
        g_autofree char *name = g_strdup_printf ("%s-%u", luoshi_item_kind_to_string (i), j);

        self->kind_tags[i][j] = gtk_text_buffer_create_tag (self->buffer, name, NULL);
      }
  /* Created last, so it has the highest priority and shows over kinds. */
  self->current_tag = gtk_text_buffer_create_tag (self->buffer, "current-item",
                                                  "underline", PANGO_UNDERLINE_SINGLE, NULL);
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->buffer, &start);
    self->scroll_mark = gtk_text_buffer_create_mark (self->buffer, "scroll", &start, TRUE);
  }

  g_signal_connect_object (self->buffer, "notify::cursor-position",
                           G_CALLBACK (cursor_moved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buffer, "notify::has-selection",
                           G_CALLBACK (text_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_colors), self, G_CONNECT_SWAPPED);
  update_colors (self);
  update_items_stack (self);
}

void
luoshi_report_view_set_store (LuoshiReportView *self,
                              LuoshiStore      *store)
{
  g_return_if_fail (LUOSHI_IS_REPORT_VIEW (self));
  g_return_if_fail (LUOSHI_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  luoshi_item_editor_set_store (self->editor, store);
}

void
luoshi_report_view_clear (LuoshiReportView *self)
{
  g_return_if_fail (LUOSHI_IS_REPORT_VIEW (self));

  g_clear_handle_id (&self->chunk_source, g_source_remove);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->report_id = 0;
  self->file_id = 0;
  self->n_chars = self->n_inserted = 0;
  g_clear_pointer (&self->document, luoshi_document_unref);
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  luoshi_item_list_set_items (self->items, NULL);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  gtk_label_set_label (self->title_label, "");
  gtk_label_set_label (self->subtitle_label, "");
  update_items_stack (self);
  update_complete (self);
}

/* Shows @document (the file of @report); @fresh when just read from the
 * store, so its items are current. */
static void
show_document (LuoshiReportView  *self,
               LuoshiStoreReport *report,
               LuoshiDocument    *document,
               gboolean           fresh)
{
  LuoshiReport *rep = report->report;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->chunk_source, g_source_remove);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (self->document != document)
    {
      g_clear_pointer (&self->document, luoshi_document_unref);
      self->document = luoshi_document_ref (document);
    }
  self->report_id = report->id;
  self->file_id = report->file_id;

  self->base = MIN (rep->start, self->document->n_chars);
  self->n_chars = MIN (rep->end, self->document->n_chars) - self->base;
  self->n_inserted = 0;
  self->next_tag = 0;
  self->next_heading = 0;
  memset (self->kind_counts, 0, sizeof self->kind_counts);

  update_header (self, report);
  fill_outline (self, report->index);

  gtk_text_buffer_set_text (self->buffer, "", 0);
  append_chunk (self);
  /* Before GtkTextView lays out what it has (its idle comes next), but
   * after drawing, so the window keeps drawing while the text comes in. */
  if (self->n_inserted < self->n_chars)
    self->chunk_source = g_idle_add_full (GDK_PRIORITY_REDRAW + 1, append_chunk_cb, self, NULL);

  /* A cached document may predate edits: then ask the store. */
  if (fresh)
    set_items_from_document (self);
  else if (!reload_items (self, &error))
    luoshi_widget_show_error (GTK_WIDGET (self), error);

  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (self->buffer, &start);
    self->syncing = TRUE;
    gtk_text_buffer_place_cursor (self->buffer, &start);
    self->syncing = FALSE;
    scroll_to_offset (self, self->base, 0.0);
  }

  update_complete (self);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* --- Large files ----------------------------------------------------------
 *
 * Reading a file of millions of characters from the store takes seconds,
 * so it is read in a worker thread through a connection of its own (the
 * view's store is only used on the main thread), while the view shows a
 * spinner and the window stays usable. */

typedef struct
{
  char              *path;
  LuoshiStoreReport *report;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  luoshi_store_report_free (data->report);
  g_free (data);
}

static void
load_document_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(LuoshiStore) store = NULL;
  LuoshiDocument *document;
  GError *error = NULL;

  store = luoshi_store_new (data->path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  document = luoshi_store_load_document (store, data->report->file_id, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, (GDestroyNotify) luoshi_document_unref);
}

static void
load_document_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  LuoshiReportView *self = LUOSHI_REPORT_VIEW (object);
  LoadData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(LuoshiDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->report_id != data->report->id)
    return;  /* another report was chosen meanwhile */

  g_clear_object (&self->load_cancellable);
  if (document == NULL)
    {
      luoshi_widget_show_error (GTK_WIDGET (self), error);
      luoshi_report_view_clear (self);
      return;
    }

  show_document (self, data->report, document, TRUE);
  if (self->pending_end > 0)
    luoshi_report_view_select_span (self, self->pending_start, self->pending_end);
  self->pending_start = self->pending_end = 0;
}

static void
load_in_thread (LuoshiReportView  *self,
                LuoshiStoreReport *report)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  data->path = g_strdup (luoshi_store_get_path (self->store));
  data->report = report;  /* owned */

  g_clear_handle_id (&self->chunk_source, g_source_remove);
  g_clear_pointer (&self->document, luoshi_document_unref);
  g_clear_pointer (&self->item_array, g_ptr_array_unref);
  luoshi_item_list_set_items (self->items, NULL);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  self->report_id = report->id;
  self->file_id = report->file_id;
  self->n_chars = self->n_inserted = 0;
  update_header (self, report);
  gtk_stack_set_visible_child_name (self->items_stack, "loading");

  self->load_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->load_cancellable, load_document_done_cb, NULL);
  g_task_set_source_tag (task, load_in_thread);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_document_thread);
  update_complete (self);
}

gboolean
luoshi_report_view_load (LuoshiReportView  *self,
                         gint64             report_id,
                         GError           **error)
{
  g_autoptr(LuoshiStoreReport) report = NULL;
  g_autoptr(LuoshiDocument) document = NULL;
  const char *path;

  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  report = luoshi_store_get_report (self->store, report_id, error);
  if (report == NULL)
    return FALSE;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->pending_start = self->pending_end = 0;

  /* Reports of one file share its text: keep it between them. */
  if (self->document != NULL && self->file_id == report->file_id)
    {
      document = luoshi_document_ref (self->document);
      show_document (self, report, document, FALSE);
      return TRUE;
    }

  path = luoshi_store_get_path (self->store);
  if (report->report->end - report->report->start > LARGE_REPORT_CHARS &&
      path != NULL && g_strcmp0 (path, ":memory:") != 0)
    {
      load_in_thread (self, g_steal_pointer (&report));
      return TRUE;
    }

  document = luoshi_store_load_document (self->store, report->file_id, error);
  if (document == NULL)
    return FALSE;
  show_document (self, report, document, TRUE);
  return TRUE;
}

void
luoshi_report_view_reload (LuoshiReportView *self)
{
  gint64 report_id;

  g_return_if_fail (LUOSHI_IS_REPORT_VIEW (self));

  if ((report_id = self->report_id) == 0)
    return;
  g_clear_pointer (&self->document, luoshi_document_unref);
  self->report_id = 0;
  if (!luoshi_report_view_load (self, report_id, NULL))
    luoshi_report_view_clear (self);
}

gint64
luoshi_report_view_get_file_id (LuoshiReportView *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), 0);
  return self->file_id;
}

gint64
luoshi_report_view_get_report_id (LuoshiReportView *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), 0);
  return self->report_id;
}

gboolean
luoshi_report_view_get_complete (LuoshiReportView *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), TRUE);
  return self->complete;
}

LuoshiItemObject *
luoshi_report_view_get_selected_item (LuoshiReportView *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

gboolean
luoshi_report_view_select_item (LuoshiReportView *self,
                                gint64            item_id)
{
  LuoshiItemObject *obj;

  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), FALSE);

  obj = luoshi_item_list_find (self->items, item_id);
  if (obj == NULL)
    return FALSE;

  if (find_position (self, obj) == GTK_INVALID_LIST_POSITION)
    {
      /* A filter hides it: show everything again. */
      gtk_editable_set_text (GTK_EDITABLE (self->item_search), "");
      gtk_drop_down_set_selected (self->kind_filter, 0);
      gtk_toggle_button_set_active (self->key_filter, FALSE);
      filter_changed_cb (self);
    }
  select_object (self, obj, TRUE);
  return gtk_single_selection_get_selected_item (self->selection) == obj;
}

gint64
luoshi_report_view_find_item (LuoshiReportView *self,
                              guint             start,
                              guint             end)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), 0);

  for (guint i = 0; self->item_array != NULL && i < self->item_array->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (self->item_array, i);

      if (item->start == start && item->end == end)
        return item->id;
      if (item->start > start)
        break;
    }
  return 0;
}

void
luoshi_report_view_select_span (LuoshiReportView *self,
                                guint             start,
                                guint             end)
{
  GtkTextIter begin, finish;

  g_return_if_fail (LUOSHI_IS_REPORT_VIEW (self));

  if (self->load_cancellable != NULL)
    {
      self->pending_start = start;
      self->pending_end = end;
      return;
    }
  if (!buffer_span (self, start, end, &begin, &finish))
    return;
  self->syncing = TRUE;
  gtk_text_buffer_select_range (self->buffer, &begin, &finish);
  self->syncing = FALSE;
  scroll_to_offset (self, start, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

gboolean
luoshi_report_view_get_text_selection (LuoshiReportView *self,
                                       guint            *start,
                                       guint            *end)
{
  GtkTextIter begin, finish;

  g_return_val_if_fail (LUOSHI_IS_REPORT_VIEW (self), FALSE);

  if (self->report_id == 0 ||
      !gtk_text_buffer_get_selection_bounds (self->buffer, &begin, &finish))
    return FALSE;
  if (start != NULL)
    *start = self->base + gtk_text_iter_get_offset (&begin);
  if (end != NULL)
    *end = self->base + gtk_text_iter_get_offset (&finish);
  return TRUE;
}

void
luoshi_report_view_toggle_outline (LuoshiReportView *self)
{
  g_return_if_fail (LUOSHI_IS_REPORT_VIEW (self));

  gtk_toggle_button_set_active (self->outline_button,
                                !gtk_toggle_button_get_active (self->outline_button));
}

GtkSingleSelection *
_luoshi_report_view_get_selection (LuoshiReportView *self)
{
  return self->selection;
}

LuoshiItemEditor *
_luoshi_report_view_get_editor (LuoshiReportView *self)
{
  return self->editor;
}

GtkTextBuffer *
_luoshi_report_view_get_buffer (LuoshiReportView *self)
{
  return self->buffer;
}

gboolean
_luoshi_report_view_is_loaded (LuoshiReportView *self)
{
  return self->chunk_source == 0 && self->load_cancellable == NULL;
}
