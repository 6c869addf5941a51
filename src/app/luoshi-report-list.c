/* luoshi-report-list.c: the sidebar's list of reports, grouped
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "luoshi-report-entry.h"
#include "luoshi-report-list-private.h"
#include "luoshi-report-row.h"
#include "luoshi-util.h"

/* Above this many items in a report, its row shows only the total. */
#define MAX_COUNTED_ITEMS 20000
/* Rows a page key moves by when no row has a height yet. */
#define PAGE_ROWS 10

struct _LuoshiReportList
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkListView        *list_view;

  GListStore         *model;        /* of LuoshiReportEntry: what is shown */
  GtkSingleSelection *selection;
  GPtrArray          *entries;      /* all, headers before their groups */
  GPtrArray          *shown;        /* the model's entries, as an array */
  char               *needle;       /* the casefolded filter, or NULL */
  guint               n_reports;
  gint64              selected_id;  /* the report to keep selected, or 0 */
  /* Set while the list itself changes the selection. */
  gboolean            updating;
};

enum {
  SIGNAL_REPORT_SELECTED,
  SIGNAL_REPORT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LuoshiReportList, luoshi_report_list, GTK_TYPE_WIDGET)

/* --- Entries -------------------------------------------------------------- */

static char *
group_title (const char *org,
             int         year)
{
  if (*org == '\0')
    org = _("Unknown body");
  if (year <= 0)
    /* Translators: a sidebar group: issuing body · unknown year */
    return g_strdup_printf (_("%s · Year unknown"), org);
  /* Translators: a sidebar group: issuing body · year */
  return g_strdup_printf (_("%s · %d"), org, year);
}

static int
compare_reports (gconstpointer a,
                 gconstpointer b)
{
  LuoshiReportEntry *ea = *(LuoshiReportEntry * const *) a;
  LuoshiReportEntry *eb = *(LuoshiReportEntry * const *) b;
  const char *oa = luoshi_report_entry_get_org (ea);
  const char *ob = luoshi_report_entry_get_org (eb);
  int cmp;

  /* Known bodies first, then the newest year first. The sort is stable:
   * within a group, reports keep the store's order (file, then report). */
  if ((*oa == '\0') != (*ob == '\0'))
    return *oa == '\0' ? 1 : -1;
  if ((cmp = strcmp (oa, ob)) != 0)
    return cmp;
  return luoshi_report_entry_get_year (eb) - luoshi_report_entry_get_year (ea);
}

/* The position of report @report_id among the shown entries. */
static guint
find_report (LuoshiReportList *self,
             gint64            report_id)
{
  if (report_id <= 0)
    return GTK_INVALID_LIST_POSITION;
  for (guint i = 0; i < self->shown->len; i++)
    if (luoshi_report_entry_get_report_id (g_ptr_array_index (self->shown, i)) == report_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
scroll_to (LuoshiReportList *self,
           guint             position)
{
  /* GTK 4.8 has no gtk_list_view_scroll_to(); its own action does it. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Selects the report to keep selected, or nothing if it is not shown. */
static void
sync_selection (LuoshiReportList *self)
{
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, find_report (self, self->selected_id));
  self->updating = FALSE;
}

/* Puts the entries the filter keeps into the model, with the headers of
 * their groups, in one change of the range that differs. */
static void
update_shown (LuoshiReportList *self)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_full (self->entries->len, g_object_unref);
  LuoshiReportEntry *header = NULL;
  guint n_old = self->shown->len;
  guint prefix = 0;
  guint suffix = 0;

  for (guint i = 0; i < self->entries->len; i++)
    {
      LuoshiReportEntry *entry = g_ptr_array_index (self->entries, i);

      if (luoshi_report_entry_is_header (entry))
        header = entry;
      else if (luoshi_report_entry_matches (entry, self->needle))
        {
          /* A header shows before the first report of its group shown. */
          if (header != NULL)
            {
              g_ptr_array_add (shown, g_object_ref (header));
              header = NULL;
            }
          g_ptr_array_add (shown, g_object_ref (entry));
        }
    }

  while (prefix < MIN (n_old, shown->len) &&
         g_ptr_array_index (self->shown, prefix) == g_ptr_array_index (shown, prefix))
    prefix++;
  while (suffix < MIN (n_old, shown->len) - prefix &&
         g_ptr_array_index (self->shown, n_old - 1 - suffix) == g_ptr_array_index (shown, shown->len - 1 - suffix))
    suffix++;
  if (prefix == n_old && prefix == shown->len)
    return;

  /* Rows of entries kept stay as they are: GTK reuses them. */
  self->updating = TRUE;
  g_list_store_splice (self->model, prefix, n_old - prefix - suffix,
                       shown->pdata + prefix, shown->len - prefix - suffix);
  self->updating = FALSE;
  g_ptr_array_unref (self->shown);
  self->shown = g_steal_pointer (&shown);

  sync_selection (self);
}

/* --- Rows ----------------------------------------------------------------- */

static GtkWidget *
make_header (void)
{
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  /* As the sidebar's GtkListBox headers looked. */
  return g_object_new (GTK_TYPE_LABEL,
                       "xalign", 0.0f,
                       "ellipsize", PANGO_ELLIPSIZE_END,
                       "margin-bottom", 6,
                       "margin-start", 12,
                       "margin-end", 12,
                       "attributes", attrs,
                       "css-classes", (const char *[]) { "heading", "dim-label", NULL },
                       NULL);
}

static void
row_released_cb (LuoshiReportList *self,
                 int               n_press,
                 double            x,
                 double            y,
                 GtkGestureClick  *gesture)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  LuoshiReportEntry *entry = luoshi_report_row_get_entry (LUOSHI_REPORT_ROW (row));

  /* A list view activates on double click only; the sidebar opened a
   * report on a click, even the selected one (in a folded window). */
  if (n_press == 1 && entry != NULL)
    g_signal_emit (self, signals[SIGNAL_REPORT_ACTIVATED], 0, luoshi_report_entry_get_report_id (entry));
}

static GtkWidget *
make_report_row (LuoshiReportList *self)
{
  GtkWidget *row = luoshi_report_row_new ();
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "released", G_CALLBACK (row_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));
  return row;
}

static void
update_header_margin (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  /* Less space above the first header, as in a GtkListBox. */
  if (GTK_IS_LABEL (child))
    gtk_widget_set_margin_top (child, gtk_list_item_get_position (item) == 0 ? 6 : 18);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          LuoshiReportList         *self)
{
  /* A header kept over a filter change can become the first or stop
   * being it without being bound again. */
  g_signal_connect (item, "notify::position", G_CALLBACK (update_header_margin), NULL);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         LuoshiReportList         *self)
{
  LuoshiReportEntry *entry = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  gboolean header = luoshi_report_entry_is_header (entry);
  GtkWidget *row;

  /* The child is made when first needed for the entry's kind: a list
   * item may be bound to a header and later to a report. */
  if (header && !GTK_IS_LABEL (child))
    {
      child = make_header ();
      gtk_list_item_set_child (item, child);
    }
  else if (!header && !LUOSHI_IS_REPORT_ROW (child))
    {
      child = make_report_row (self);
      gtk_list_item_set_child (item, child);
    }

  gtk_list_item_set_selectable (item, !header);
  gtk_list_item_set_activatable (item, !header);
  /* The list item's own widget is the row; a header's has none of a
   * report row's padding and rounding (style.css). */
  row = gtk_widget_get_parent (child);
  if (row != NULL && header)
    gtk_widget_add_css_class (row, "report-group-header");
  else if (row != NULL)
    gtk_widget_remove_css_class (row, "report-group-header");

  if (header)
    {
      gtk_label_set_label (GTK_LABEL (child), luoshi_report_entry_get_title (entry));
      update_header_margin (item);
    }
  else
    luoshi_report_row_set_entry (LUOSHI_REPORT_ROW (child), entry);
}

/* --- Selection and keys ----------------------------------------------------- */

static void
selected_item_cb (LuoshiReportList *self)
{
  LuoshiReportEntry *entry = gtk_single_selection_get_selected_item (self->selection);

  if (self->updating || entry == NULL)
    return;
  /* Rows of headers cannot be selected; the list view's actions can. */
  if (luoshi_report_entry_is_header (entry))
    {
      sync_selection (self);
      return;
    }
  /* "notify" does not recurse: a selection the list changed from this
   * handler is notified after it, when "updating" is over. */
  if (luoshi_report_entry_get_report_id (entry) == self->selected_id)
    return;

  self->selected_id = luoshi_report_entry_get_report_id (entry);
  g_signal_emit (self, signals[SIGNAL_REPORT_SELECTED], 0, self->selected_id);
}

static void
activate_cb (LuoshiReportList *self,
             guint             position)
{
  g_autoptr(LuoshiReportEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (entry != NULL && !luoshi_report_entry_is_header (entry))
    g_signal_emit (self, signals[SIGNAL_REPORT_ACTIVATED], 0, luoshi_report_entry_get_report_id (entry));
}

/* Scrolls to the report at @position and gives its row the focus. */
static gboolean
focus_row (LuoshiReportList *self,
           guint             position)
{
  LuoshiReportEntry *entry = g_ptr_array_index (self->shown, position);

  /* Scrolling makes sure the row has a widget: the list item's own,
   * a child of the view, holding the report row. */
  scroll_to (self, position);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (LUOSHI_IS_REPORT_ROW (row) && luoshi_report_row_get_entry (LUOSHI_REPORT_ROW (row)) == entry)
        return gtk_widget_grab_focus (child);
    }
  return FALSE;
}

/* The position of the report row with the keyboard focus, else of the
 * selected one. */
static guint
cursor_position (LuoshiReportList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  guint position;

  while (focus != NULL && gtk_widget_get_parent (focus) != GTK_WIDGET (self->list_view))
    focus = gtk_widget_get_parent (focus);
  row = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;
  if (LUOSHI_IS_REPORT_ROW (row) &&
      g_ptr_array_find (self->shown, luoshi_report_row_get_entry (LUOSHI_REPORT_ROW (row)), &position))
    return position;
  return gtk_single_selection_get_selected (self->selection);
}

static int
page_rows (LuoshiReportList *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));
  int height = 0;

  /* Report rows are all about as high. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL && height <= 0;
       child = gtk_widget_get_next_sibling (child))
    if (LUOSHI_IS_REPORT_ROW (gtk_widget_get_first_child (child)))
      height = gtk_widget_get_height (child);

  if (adjustment == NULL || height <= 0)
    return PAGE_ROWS;
  return MAX (1, (int) (gtk_adjustment_get_page_size (adjustment) / height));
}

/* Selects, focuses and shows the report @steps reports away from the
 * cursor (stopping at the ends), skipping headers. */
static void
move_cursor (LuoshiReportList *self,
             int               steps)
{
  guint start = cursor_position (self);
  gint64 i = start == GTK_INVALID_LIST_POSITION ? (steps > 0 ? -1 : (gint64) self->shown->len) : start;
  gint64 remaining = steps > 0 ? (gint64) steps : -(gint64) steps;
  int dir = steps > 0 ? 1 : -1;
  guint target = GTK_INVALID_LIST_POSITION;

  while (remaining > 0)
    {
      i += dir;
      while (i >= 0 && i < self->shown->len &&
             luoshi_report_entry_is_header (g_ptr_array_index (self->shown, i)))
        i += dir;
      if (i < 0 || i >= self->shown->len)
        break;
      target = i;
      remaining--;
    }
  if (target == GTK_INVALID_LIST_POSITION)
    return;

  /* As the user's click: "report-selected" follows. */
  gtk_single_selection_set_selected (self->selection, target);
  focus_row (self, target);
}

/* GTK 4.8 list views move the focus one item at a time and cannot focus
 * an item that is not selectable: the arrow keys would stop at a header.
 * So the list moves between reports itself. */
static gboolean
key_pressed_cb (LuoshiReportList      *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  int steps;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK | GDK_HYPER_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      steps = -1;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      steps = 1;
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      steps = -page_rows (self);
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      steps = page_rows (self);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      steps = -G_MAXINT;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      steps = G_MAXINT;
      break;
    default:
      return FALSE;
    }

  move_cursor (self, steps);
  return TRUE;
}

/* Coming from outside, GTK 4.8's list view gives the focus to the item
 * focused last, or the first: a header, which cannot take it, and the
 * Tab key would skip the list. The selected report takes it instead. */
static gboolean
luoshi_report_list_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  LuoshiReportList *self = LUOSHI_REPORT_LIST (widget);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (gtk_widget_get_focus_child (widget) != NULL)
    return GTK_WIDGET_CLASS (luoshi_report_list_parent_class)->focus (widget, direction);

  /* Else the first report, after its header. */
  if (position == GTK_INVALID_LIST_POSITION && self->shown->len > 1)
    position = 1;
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  return focus_row (self, position);
}

/* --- Object ----------------------------------------------------------------- */

static void
luoshi_report_list_dispose (GObject *object)
{
  LuoshiReportList *self = LUOSHI_REPORT_LIST (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_REPORT_LIST);
  /* Children without an id too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);

  G_OBJECT_CLASS (luoshi_report_list_parent_class)->dispose (object);
}

static void
luoshi_report_list_finalize (GObject *object)
{
  LuoshiReportList *self = LUOSHI_REPORT_LIST (object);

  g_free (self->needle);

  G_OBJECT_CLASS (luoshi_report_list_parent_class)->finalize (object);
}

static void
luoshi_report_list_class_init (LuoshiReportListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_report_list_dispose;
  object_class->finalize = luoshi_report_list_finalize;

  widget_class->focus = luoshi_report_list_focus;

  signals[SIGNAL_REPORT_SELECTED] =
    g_signal_new ("report-selected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_REPORT_ACTIVATED] =
    g_signal_new ("report-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-report-list.ui");
  gtk_widget_class_bind_template_child (widget_class, LuoshiReportList, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
luoshi_report_list_init (LuoshiReportList *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new_with_free_func (g_object_unref);
  self->model = g_list_store_new (LUOSHI_TYPE_REPORT_ENTRY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
}

GtkWidget *
luoshi_report_list_new (void)
{
  return g_object_new (LUOSHI_TYPE_REPORT_LIST, NULL);
}

gboolean
luoshi_report_list_load (LuoshiReportList  *self,
                         LuoshiStore       *store,
                         GError           **error)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GHashTable) headers = NULL;
  g_autoptr(GError) count_error = NULL;
  g_autofree guint *counts = NULL;
  g_autofree LuoshiReportEntry **old = NULL;
  g_autofree char *last_title = NULL;
  const char *last_org = NULL;
  int last_year = 0;

  g_return_val_if_fail (LUOSHI_IS_REPORT_LIST (self), FALSE);
  g_return_val_if_fail (LUOSHI_IS_STORE (store), FALSE);

  reports = luoshi_store_list_reports (store, 0, error);
  if (reports == NULL)
    return FALSE;

  /* Counts per report and kind, one cheap query each. Counting a huge
   * report's takes a while: its row shows the total instead, as do all
   * rows if the library cannot be read. */
  counts = g_new0 (guint, 3 * (gsize) reports->len);
  for (guint i = 0; i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);

      if (report->n_items <= MAX_COUNTED_ITEMS &&
          !luoshi_store_count_report_items (store, report->id, counts + 3 * i, &count_error))
        break;
    }

  /* The entries shown before, by the index of their report: one that
   * shows the same again is kept, and GTK keeps its row. */
  index = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < reports->len; i++)
    g_hash_table_insert (index, &((LuoshiStoreReport *) g_ptr_array_index (reports, i))->id, GUINT_TO_POINTER (i + 1));
  old = g_new0 (LuoshiReportEntry *, reports->len);
  headers = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->entries->len; i++)
    {
      LuoshiReportEntry *entry = g_ptr_array_index (self->entries, i);
      gint64 id = luoshi_report_entry_get_report_id (entry);
      guint at;

      if (luoshi_report_entry_is_header (entry))
        g_hash_table_insert (headers, (gpointer) luoshi_report_entry_get_title (entry), entry);
      else if ((at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id))) > 0)
        old[at - 1] = entry;
    }

  sorted = g_ptr_array_new_full (reports->len, g_object_unref);
  for (guint i = 0; i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);
      gboolean counted = count_error == NULL && report->n_items <= MAX_COUNTED_ITEMS;
      LuoshiReportEntry *entry = luoshi_report_entry_new (report, counted ? counts + 3 * i : NULL);

      if (old[i] != NULL && luoshi_report_entry_equal (old[i], entry))
        {
          g_object_unref (entry);
          entry = g_object_ref (old[i]);
        }
      g_ptr_array_add (sorted, entry);
    }
  g_ptr_array_sort (sorted, compare_reports);

  entries = g_ptr_array_new_full (sorted->len + sorted->len / 4, g_object_unref);
  for (guint i = 0; i < sorted->len; i++)
    {
      LuoshiReportEntry *entry = g_ptr_array_index (sorted, i);
      const char *org = luoshi_report_entry_get_org (entry);
      int year = luoshi_report_entry_get_year (entry);

      if (last_org == NULL || strcmp (org, last_org) != 0 || year != last_year)
        {
          g_autofree char *title = group_title (org, year);

          /* Unknown years share one title. */
          if (g_strcmp0 (title, last_title) != 0)
            {
              LuoshiReportEntry *header = g_hash_table_lookup (headers, title);

              g_ptr_array_add (entries, header != NULL ? g_object_ref (header) : luoshi_report_entry_new_header (title));
              g_free (last_title);
              last_title = g_steal_pointer (&title);
            }
          last_org = org;
          last_year = year;
        }
      g_ptr_array_add (entries, g_object_ref (entry));
    }

  g_ptr_array_unref (self->entries);
  self->entries = g_steal_pointer (&entries);
  self->n_reports = reports->len;
  update_shown (self);

  if (count_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&count_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
luoshi_report_list_update_report (LuoshiReportList  *self,
                                  LuoshiStore       *store,
                                  gint64             report_id,
                                  GError           **error)
{
  g_autoptr(LuoshiStoreReport) report = NULL;
  g_autoptr(LuoshiReportEntry) entry = NULL;
  LuoshiReportEntry *old = NULL;
  guint counts[3] = { 0, 0, 0 };
  gboolean counted;
  guint at;

  g_return_val_if_fail (LUOSHI_IS_REPORT_LIST (self), FALSE);
  g_return_val_if_fail (LUOSHI_IS_STORE (store), FALSE);

  for (at = 0; at < self->entries->len; at++)
    {
      old = g_ptr_array_index (self->entries, at);
      if (!luoshi_report_entry_is_header (old) && luoshi_report_entry_get_report_id (old) == report_id)
        break;
    }
  if (at == self->entries->len)
    return luoshi_report_list_load (self, store, error);

  report = luoshi_store_get_report (store, report_id, error);
  if (report == NULL)
    return FALSE;
  counted = report->n_items <= MAX_COUNTED_ITEMS;
  if (counted && !luoshi_store_count_report_items (store, report_id, counts, error))
    return FALSE;
  entry = luoshi_report_entry_new (report, counted ? counts : NULL);
  if (luoshi_report_entry_equal (old, entry))
    return TRUE;
  /* In another group now: its place and the headers change. */
  if (compare_reports (&old, &entry) != 0)
    return luoshi_report_list_load (self, store, error);

  g_ptr_array_index (self->entries, at) = g_steal_pointer (&entry);
  g_object_unref (old);
  update_shown (self);
  return TRUE;
}

guint
luoshi_report_list_get_n_reports (LuoshiReportList *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_LIST (self), 0);
  return self->n_reports;
}

void
luoshi_report_list_set_filter (LuoshiReportList *self,
                               const char       *text)
{
  g_return_if_fail (LUOSHI_IS_REPORT_LIST (self));

  g_clear_pointer (&self->needle, g_free);
  if (text != NULL && text[0] != '\0')
    self->needle = g_utf8_casefold (text, -1);
  update_shown (self);
}

void
luoshi_report_list_select_report (LuoshiReportList *self,
                                  gint64            report_id)
{
  guint position;

  g_return_if_fail (LUOSHI_IS_REPORT_LIST (self));

  self->selected_id = report_id;
  sync_selection (self);
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    return;
  /* The keyboard focus, if in the list, moves along: the arrow keys go
   * on from the selected report. */
  if (gtk_widget_get_focus_child (GTK_WIDGET (self->list_view)) != NULL)
    focus_row (self, position);
  else
    scroll_to (self, position);
}

gint64
luoshi_report_list_get_selected_report_id (LuoshiReportList *self)
{
  LuoshiReportEntry *entry;

  g_return_val_if_fail (LUOSHI_IS_REPORT_LIST (self), 0);

  entry = gtk_single_selection_get_selected_item (self->selection);
  return entry != NULL ? luoshi_report_entry_get_report_id (entry) : 0;
}

GListModel *
_luoshi_report_list_get_model (LuoshiReportList *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_LIST (self), NULL);
  return G_LIST_MODEL (self->model);
}

GtkListView *
_luoshi_report_list_get_view (LuoshiReportList *self)
{
  g_return_val_if_fail (LUOSHI_IS_REPORT_LIST (self), NULL);
  return self->list_view;
}
