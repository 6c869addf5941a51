/* luoshi-tracking-view.c: were last year's goals met? one plan, one review
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "luoshi-csv.h"
#include "luoshi-item-object.h"
#include "luoshi-print-operation.h"
#include "luoshi-script.h"
#include "luoshi-track.h"
#include "luoshi-track-library.h"
#include "luoshi-tracking-view-private.h"
#include "luoshi-util.h"
#include "luoshi-verdict-bar.h"

struct _LuoshiTrackingView
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  GtkMenuButton        *empty_pair_button;
  GtkDropDown          *chain_dropdown;
  GtkMenuButton        *pair_button;
  GtkDropDown          *filter_dropdown;
  GtkPopover           *pair_popover;
  GtkDropDown          *plan_dropdown;
  GtkDropDown          *review_dropdown;
  GtkPaned             *paned;
  GtkScrolledWindow    *scroller;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkLabel             *rate_label;
  LuoshiVerdictBar     *total_bar;
  GtkFlowBox           *legend_box;
  GtkGrid              *section_grid;
  GtkListView          *goal_list;
  GtkBox               *header_box;
  AdwStatusPage        *filter_empty;
  GtkBox               *review_pane;
  GtkLabel             *review_title;
  GtkLabel             *review_hint;
  GtkButton            *use_selection_button;
  GtkTextView          *review_text;

  /* Owned */
  LuoshiContext        *context;
  LuoshiStore          *store;          /* the context's */
  GSettings            *settings;       /* the context's, may be NULL */
  GCancellable         *track_cancellable; /* a tracking run in a thread */
  GPtrArray            *chains;         /* of LuoshiStoreChain, dropdown order */
  GPtrArray            *reports;        /* of LuoshiStoreReport, pair dropdowns */
  GHashTable           *report_by_id;   /* gint64* → LuoshiStoreReport in reports */
  GPtrArray            *plan_choices;   /* borrowed LuoshiStoreReport: plans with goals */
  GtkStringList        *chain_model;
  GtkStringList        *plan_model;
  GtkStringList        *review_model;
  LuoshiDocument       *plan_doc;
  guint                 plan_index;
  LuoshiDocument       *review_doc;
  guint                 review_index;
  gint64                review_file_id;
  gint64                chain_id;
  GArray               *goal_ids;       /* gint64, shown order */
  GHashTable           *verdict_buttons;/* gint64 * → GtkWidget (borrowed) */
  GtkFileChooserNative *chooser;

  guint                 filter;         /* LUOSHI_SHEET_STATUS_BIT()s, 0 = all */
  guint                 reload_id;
  gboolean              reload_all;     /* not only the chain's goals */
  gint64                pane_item_id;   /* the goal whose evidence the pane shows */
  GListStore           *entries;        /* of LuoshiGoalEntry, the goal list's */
  gboolean              filling;        /* dropdowns are being refilled */
};

G_DEFINE_FINAL_TYPE (LuoshiTrackingView, luoshi_tracking_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN_REPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (LuoshiTrackingView *self);

/* --- Settings ---------------------------------------------------------- */

void
luoshi_tracking_rules_from_settings (GSettings          *settings,
                                     LuoshiVerdictRules *rules)
{
  luoshi_verdict_rules_init_default (rules);
  if (settings == NULL)
    return;
  /* The schema keeps both in the units people think in: points, percent. */
  rules->about_rate_points = g_settings_get_double (settings, "rate-tolerance");
  rules->about_amount_share = g_settings_get_double (settings, "amount-tolerance") / 100.0;
}

void
luoshi_tracking_options_from_settings (GSettings           *settings,
                                       LuoshiLedgerOptions *options)
{
  luoshi_ledger_options_init (options);
  if (settings == NULL)
    return;
  /* The enums and flags of the schema have the values of luoshi-sheet.h. */
  options->paper = (LuoshiPaper) g_settings_get_enum (settings, "sheet-paper");
  options->orientation = (LuoshiOrientation) g_settings_get_enum (settings, "sheet-orientation");
  options->columns = (LuoshiSheetColumns) g_settings_get_flags (settings, "sheet-columns");
  options->simplify = !g_settings_get_boolean (settings, "keep-traditional-in-print");
}

/* --- Helpers ----------------------------------------------------------- */

static LuoshiItem *
find_goal (LuoshiTrackingView *self,
           gint64              item_id)
{
  if (self->plan_doc == NULL)
    return NULL;
  for (guint i = 0; i < self->plan_doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (self->plan_doc->items, i);
      if (item->id == item_id)
        return item;
    }
  return NULL;
}

static void
show_error (LuoshiTrackingView *self,
            const GError       *error)
{
  luoshi_widget_show_error (GTK_WIDGET (self), error);
}

static char *
report_label (const LuoshiStoreReport *report)
{
  g_autofree char *period = luoshi_report_period_string (report->report);
  const char *title = *report->report->title ? report->report->title : report->file_name;

  if (period == NULL)
    return g_strdup (title);
  /* Translators: a report in a list: its title and period, e.g. "… (2024H1)" */
  return g_strdup_printf (_("%s (%s)"), title, period);
}

static const LuoshiStoreReport *
find_report (LuoshiTrackingView *self,
             gint64              report_id)
{
  return self->report_by_id ? g_hash_table_lookup (self->report_by_id, &report_id) : NULL;
}

/* Sets the strings of @list, unless it holds them already: a library of
 * thousands of reports is reloaded on every edit, and replacing the
 * pair lists' strings each time made the drop-downs rebuild. */
static void
set_strings (GtkStringList *list,
             GPtrArray     *strings)
{
  GListModel *model = G_LIST_MODEL (list);
  guint n = g_list_model_get_n_items (model);
  gboolean same = n == strings->len;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (list, i), g_ptr_array_index (strings, i)) == 0;
  if (same)
    return;
  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, n, (const char * const *) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
}

static void
rgba_to_hex (const GdkRGBA *color,
             char           hex[8])
{
  g_snprintf (hex, 8, "#%02x%02x%02x",
              (guint) (color->red * 255 + 0.5), (guint) (color->green * 255 + 0.5),
              (guint) (color->blue * 255 + 0.5));
}

/* The text of @evidence with the characters it shares with @goal (as
 * character bigrams of the simplified forms, the way retrieval matched
 * them) in bold on a tinted background; everything escaped. */
static char *
evidence_markup (const char *goal,
                 const char *evidence,
                 const char *background)
{
  g_autofree char *s_goal = luoshi_script_simplify (goal, -1);
  g_autofree char *s_text = luoshi_script_simplify (evidence, -1);
  g_autofree gunichar *g = g_utf8_to_ucs4_fast (s_goal, -1, NULL);
  glong n = 0;
  g_autofree gunichar *t = g_utf8_to_ucs4_fast (s_text, -1, &n);
  g_autofree gboolean *mark = g_new0 (gboolean, n + 1);
  g_autoptr(GHashTable) bigrams = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *p = evidence;

  for (glong i = 0; g[i] != 0 && g[i + 1] != 0; i++)
    {
      gint64 *key;

      /* Figures and punctuation do not make a word. */
      if (!g_unichar_isalpha (g[i]) || !g_unichar_isalpha (g[i + 1]))
        continue;
      key = g_new (gint64, 1);
      *key = ((gint64) g[i] << 32) | g[i + 1];
      g_ptr_array_add (keys, key);
      g_hash_table_add (bigrams, key);
    }
  for (glong i = 0; i + 1 < n; i++)
    {
      gint64 key = ((gint64) t[i] << 32) | t[i + 1];
      if (g_hash_table_contains (bigrams, &key))
        mark[i] = mark[i + 1] = TRUE;
    }

  /* Runs of marked and unmarked characters of the text as written (the
   * simplified form has the same code points). */
  for (glong i = 0; i < n && *p != '\0';)
    {
      gboolean marked = mark[i];
      const char *start = p;
      g_autofree char *escaped = NULL;

      while (i < n && *p != '\0' && mark[i] == marked)
        {
          p = g_utf8_next_char (p);
          i++;
        }
      escaped = g_markup_escape_text (start, p - start);
      if (marked)
        g_string_append_printf (out, "<span weight=\"bold\" background=\"%s\" bgalpha=\"35%%\">%s</span>",
                                background, escaped);
      else
        g_string_append (out, escaped);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* --- Goal rows --------------------------------------------------------- */

static GMenuModel *
verdict_menu (const LuoshiItem *item)
{
  static const LuoshiStatus choices[] = {
    LUOSHI_STATUS_MET, LUOSHI_STATUS_PARTLY, LUOSHI_STATUS_IN_PROGRESS,
    LUOSHI_STATUS_NOT_MET, LUOSHI_STATUS_NO_EVIDENCE,
  };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) confirm = g_menu_new ();
  g_autoptr(GMenu) statuses = g_menu_new ();
  g_autoptr(GMenu) reset = g_menu_new ();

  /* Agreeing with the app is a decision too: it then stays as it is
   * whatever later tracking runs suggest. */
  if (!item->status_by_user && item->status != LUOSHI_STATUS_UNRATED)
    {
      g_autofree char *label = g_strdup_printf (_("Confirm “%s”"), luoshi_status_get_label (item->status));
      g_autoptr(GMenuItem) entry = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (entry, "tracking.set-verdict",
                                               g_variant_new ("(xs)", item->id,
                                                              luoshi_status_to_string (item->status)));
      g_menu_append_item (confirm, entry);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (confirm));
    }
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (luoshi_status_get_label (choices[i]), NULL);

      g_menu_item_set_action_and_target_value (entry, "tracking.set-verdict",
                                               g_variant_new ("(xs)", item->id,
                                                              luoshi_status_to_string (choices[i])));
      g_menu_append_item (statuses, entry);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (statuses));
  if (item->status_by_user)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (_("Use Suggested Verdict"), NULL);

      g_menu_item_set_action_and_target_value (entry, "tracking.reset-verdict",
                                               g_variant_new_int64 (item->id));
      g_menu_append_item (reset, entry);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (reset));
    }
  return G_MENU_MODEL (menu);
}

static void
create_verdict_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  LuoshiItem *item = g_object_get_data (G_OBJECT (button), "luoshi-item");
  g_autoptr(GMenuModel) menu = verdict_menu (item);

  gtk_menu_button_set_menu_model (button, menu);
}

static void
note_entry_activate_cb (GtkEntry           *entry,
                        LuoshiTrackingView *self)
{
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "item-id"));
  g_autoptr(GError) error = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (!luoshi_store_set_item_note (self->store, item_id,
                                   gtk_editable_get_text (GTK_EDITABLE (entry)), &error))
    show_error (self, error);
}

static void
note_save_clicked_cb (GtkButton *button,
                      GtkEntry  *entry)
{
  g_signal_emit_by_name (entry, "activate");
}

static void
create_note_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  LuoshiTrackingView *self = user_data;
  LuoshiItem *item = g_object_get_data (G_OBJECT (button), "luoshi-item");
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));

  gtk_editable_set_text (GTK_EDITABLE (entry), item->note ? item->note : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Note for the sheet"));
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 32);
  g_object_set_data (G_OBJECT (entry), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
  g_signal_connect_object (entry, "activate", G_CALLBACK (note_entry_activate_cb), self, 0);
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_object (save, "clicked", G_CALLBACK (note_save_clicked_cb), entry, 0);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), save);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), save);
  gtk_menu_button_set_popover (button, popover);
}

static GtkWidget *
note_button (LuoshiTrackingView *self,
             const LuoshiItem   *item)
{
  GtkWidget *button = gtk_menu_button_new ();
  gboolean has_note = item->note != NULL && *item->note != '\0';

  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), has_note ? _("Edit Note") : _("Add Note"));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "small");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data_full (G_OBJECT (button), "luoshi-item", luoshi_item_ref ((LuoshiItem *) item),
                          (GDestroyNotify) luoshi_item_unref);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_note_popover_cb, self, NULL);
  return button;
}

static GtkWidget *
evidence_widget (LuoshiTrackingView   *self,
                 const LuoshiItem     *item,
                 guint                 index,
                 const char           *background)
{
  const LuoshiEvidence *ev = g_ptr_array_index (item->evidence, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = make_label (NULL, NULL);
  GtkWidget *show = gtk_button_new_from_icon_name ("edit-find-symbolic");
  g_autofree char *markup = evidence_markup (item->text, ev->text ? ev->text : "", background);
  g_autofree char *quoted = g_strdup_printf ("“%s”", markup);

  gtk_widget_add_css_class (box, "evidence");
  gtk_label_set_markup (GTK_LABEL (label), quoted);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (show, "flat");
  gtk_widget_set_valign (show, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (show, _("Show in Review"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (show), "tracking.show-evidence");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (show), g_variant_new ("(xu)", item->id, index));
  gtk_box_append (GTK_BOX (box), show);

  if (index > 0)
    {
      GtkWidget *use = gtk_button_new_from_icon_name ("go-top-symbolic");

      gtk_widget_add_css_class (use, "flat");
      gtk_widget_set_valign (use, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (use, _("Use as Main Evidence"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (use), "tracking.use-evidence");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (use), g_variant_new ("(xu)", item->id, index));
      gtk_box_append (GTK_BOX (box), use);
    }
  return box;
}

static void
expander_expanded_cb (GtkExpander        *expander,
                      GParamSpec         *pspec,
                      LuoshiTrackingView *self)
{
  LuoshiItem *item = g_object_get_data (G_OBJECT (expander), "luoshi-item");
  const char *background = g_object_get_data (G_OBJECT (expander), "luoshi-background");
  GtkWidget *others;

  if (!gtk_expander_get_expanded (expander) || gtk_expander_get_child (expander) != NULL)
    return;
  others = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 1; i < item->evidence->len; i++)
    gtk_box_append (GTK_BOX (others), evidence_widget (self, item, i, background));
  gtk_expander_set_child (expander, others);
}

static GtkWidget *
goal_row_new (LuoshiTrackingView *self,
              const LuoshiItem   *item,
              guint               number,
              const char         *background)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Everything about the goal lines up under its text. */
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *verdict_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *pill = gtk_menu_button_new ();
  g_autofree char *number_text = g_strdup_printf (item->key ? "★%u" : "%u", number);
  g_autofree char *target = luoshi_ledger_target_text (item);
  GtkWidget *label;
  gint64 *key;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "goal-row");
  gtk_box_append (GTK_BOX (box), top);

  label = gtk_label_new (number_text);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (top), label);

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_box_append (GTK_BOX (top), text_box);
  gtk_box_append (GTK_BOX (text_box), make_label (item->text, "goal-text"));
  if (target != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Target: %s"), target);
      gtk_box_append (GTK_BOX (text_box), make_label (line, "caption"));
    }

  /* The verdict: a coloured pill opening the choices, and who decided. */
  gtk_widget_set_valign (verdict_box, GTK_ALIGN_START);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (pill), luoshi_status_get_label (item->status));
  /* Menus are built when opened: building hundreds up front is slow. */
  g_object_set_data_full (G_OBJECT (pill), "luoshi-item", luoshi_item_ref ((LuoshiItem *) item),
                          (GDestroyNotify) luoshi_item_unref);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (pill), create_verdict_menu_cb, NULL, NULL);
  gtk_widget_add_css_class (pill, "verdict-pill");
  gtk_widget_add_css_class (pill, luoshi_verdict_css_class (item->status));
  gtk_widget_set_halign (pill, GTK_ALIGN_END);
  gtk_widget_set_tooltip_text (pill, _("Change Verdict"));
  gtk_box_append (GTK_BOX (verdict_box), pill);
  label = gtk_label_new (item->status == LUOSHI_STATUS_UNRATED ? ""
                         : item->status_by_user ? _("Decided by you") : _("Suggested"));
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_box_append (GTK_BOX (verdict_box), label);
  gtk_box_append (GTK_BOX (top), verdict_box);
  key = g_new (gint64, 1);
  *key = item->id;
  g_hash_table_insert (self->verdict_buttons, key, pill);

  if (item->evidence != NULL && item->evidence->len > 0)
    {
      gtk_box_append (GTK_BOX (text_box), evidence_widget (self, item, 0, background));
      if (item->evidence->len > 1)
        {
          g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u other passage",
                                                                  "%u other passages",
                                                                  item->evidence->len - 1),
                                                    item->evidence->len - 1);
          GtkWidget *expander = gtk_expander_new (title);

          gtk_widget_add_css_class (expander, "caption");
          /* The other passages are laid out when first asked for. */
          g_object_set_data_full (G_OBJECT (expander), "luoshi-item", luoshi_item_ref ((LuoshiItem *) item),
                                  (GDestroyNotify) luoshi_item_unref);
          g_object_set_data_full (G_OBJECT (expander), "luoshi-background", g_strdup (background), g_free);
          g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (expander_expanded_cb), self, 0);
          gtk_box_append (GTK_BOX (text_box), expander);
        }
    }
  else
    {
      label = make_label (_("The review says nothing about this goal."), "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text_box), label);
    }

  /* Why the verdict, on the pill: long, and read when in doubt. */
  if (item->status_reason != NULL && *item->status_reason != '\0')
    gtk_widget_set_tooltip_text (pill, item->status_reason);

  {
    GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *find = gtk_button_new_with_label (_("Read Review"));

    if (item->note != NULL && *item->note != '\0')
      {
        g_autofree char *note = g_strdup_printf (_("Note: %s"), item->note);
        label = make_label (note, "goal-note");
        gtk_widget_set_hexpand (label, TRUE);
        gtk_box_append (GTK_BOX (text_box), label);
      }
    gtk_box_append (GTK_BOX (bottom), note_button (self, item));
    gtk_widget_add_css_class (find, "flat");
    gtk_widget_add_css_class (find, "small");
    gtk_widget_set_tooltip_text (find, _("Read the review to pick evidence by hand"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (find), "tracking.show-evidence");
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (find), g_variant_new ("(xu)", item->id, G_MAXUINT));
    gtk_box_append (GTK_BOX (bottom), find);
    gtk_box_append (GTK_BOX (text_box), bottom);
  }
  return box;
}

/* --- Summary ----------------------------------------------------------- */

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_BOX (box))
        gtk_box_remove (GTK_BOX (box), child);
      else if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
legend_entry (LuoshiStatus status,
              guint        count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *text = g_strdup_printf ("%s <b>%u</b>", luoshi_status_get_label (status), count);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (dot, "verdict-dot");
  gtk_widget_add_css_class (dot, luoshi_verdict_css_class (status));
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
  gtk_label_set_markup (GTK_LABEL (label), text);
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* "12 of 20 met" beside a bar. */
static char *
met_text (const guint counts[LUOSHI_N_STATUSES])
{
  guint total = 0;

  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    total += counts[i];
  /* Translators: how many goals of a group were met, e.g. "12 of 20 met" */
  return g_strdup_printf (_("%u of %u met"), counts[LUOSHI_STATUS_MET], total);
}

static void
fill_summary (LuoshiTrackingView *self,
              GPtrArray          *goals,
              GPtrArray          *areas,
              GPtrArray          *section_names)
{
  guint counts[LUOSHI_N_STATUSES] = { 0 };
  g_autofree char *title = luoshi_ledger_title (self->plan_doc, self->plan_index);
  LuoshiReport *review = g_ptr_array_index (self->review_doc->reports, self->review_index);
  const LuoshiStoreChain *chain = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *rate = NULL;
  guint rated;

  for (guint i = 0; i < self->chains->len; i++)
    if (((LuoshiStoreChain *) g_ptr_array_index (self->chains, i))->id == self->chain_id)
      chain = g_ptr_array_index (self->chains, i);

  gtk_label_set_text (self->title_label, title);
  subtitle = g_strdup_printf (chain != NULL && chain->origin == LUOSHI_CHAIN_ORIGIN_USER
                              ? _("Tracked against “%s”, paired by you")
                              : _("Tracked against “%s”, paired by Luoshi"),
                              *review->title ? review->title : self->review_doc->name);
  gtk_label_set_text (self->subtitle_label, subtitle);

  for (guint i = 0; i < goals->len; i++)
    counts[((LuoshiItem *) g_ptr_array_index (goals, i))->status]++;
  luoshi_verdict_bar_set_counts (self->total_bar, counts);
  rated = goals->len - counts[LUOSHI_STATUS_UNRATED];
  if (rated > 0)
    /* Translators: share of the judged goals that were met */
    rate = g_strdup_printf (_("%.0f%% met"), 100.0 * counts[LUOSHI_STATUS_MET] / rated);
  gtk_label_set_text (self->rate_label, rate ? rate : "");

  clear_box (GTK_WIDGET (self->legend_box));
  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    {
      LuoshiStatus status = luoshi_verdict_bar_order[i];
      if (counts[status] > 0)
        gtk_flow_box_append (self->legend_box, legend_entry (status, counts[status]));
    }

  /* One small bar per 板块, so weak areas stand out. */
  clear_box (GTK_WIDGET (self->section_grid));
  gtk_widget_set_visible (GTK_WIDGET (self->section_grid), section_names->len > 1);
  for (guint s = 0; s < section_names->len; s++)
    {
      const char *name = g_ptr_array_index (section_names, s);
      guint section_counts[LUOSHI_N_STATUSES] = { 0 };
      GtkWidget *label = gtk_label_new (*name ? name : _("Other goals"));
      GtkWidget *bar = luoshi_verdict_bar_new ();
      g_autofree char *met = NULL;
      g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

      for (guint i = 0; i < goals->len; i++)
        if (g_str_equal (g_ptr_array_index (areas, i), name))
          section_counts[((LuoshiItem *) g_ptr_array_index (goals, i))->status]++;
      met = met_text (section_counts);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
      gtk_widget_set_tooltip_text (label, name);
      gtk_grid_attach (self->section_grid, label, 0, s, 1, 1);

      gtk_widget_set_hexpand (bar, TRUE);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, -1, 10);
      luoshi_verdict_bar_set_counts (LUOSHI_VERDICT_BAR (bar), section_counts);
      gtk_grid_attach (self->section_grid, bar, 1, s, 1, 1);

      label = gtk_label_new (met);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (self->section_grid, label, 2, s, 1, 1);
    }
}

/* --- Building the page ------------------------------------------------- */

/* One row of the goal list: the summary (item NULL) or a goal with its
 * number on the sheet and its 板块. The list is virtual, so only the
 * rows on screen have widgets: a plan of 400 goals opens at once. */
struct _LuoshiGoalEntry
{
  GObject     parent_instance;

  LuoshiItem *item;
  guint       number;
  char       *area;
  gboolean    first_in_area;
  char       *signature;   /* what the row shows, to skip unchanged rows */
};

#define LUOSHI_TYPE_GOAL_ENTRY (luoshi_goal_entry_get_type ())
G_DECLARE_FINAL_TYPE (LuoshiGoalEntry, luoshi_goal_entry, LUOSHI, GOAL_ENTRY, GObject)
G_DEFINE_FINAL_TYPE (LuoshiGoalEntry, luoshi_goal_entry, G_TYPE_OBJECT)

static void
luoshi_goal_entry_finalize (GObject *object)
{
  LuoshiGoalEntry *self = LUOSHI_GOAL_ENTRY (object);

  g_clear_pointer (&self->item, luoshi_item_unref);
  g_free (self->area);
  g_free (self->signature);
  G_OBJECT_CLASS (luoshi_goal_entry_parent_class)->finalize (object);
}

static guint entry_changed_signal;

static void
luoshi_goal_entry_class_init (LuoshiGoalEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luoshi_goal_entry_finalize;
  /* The goal changed in place; its row redraws itself. GTK 4.8's list
   * view rebinds some 200 rows on any items-changed, so edits do not
   * replace entries. */
  entry_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
luoshi_goal_entry_init (LuoshiGoalEntry *self)
{
}

static char *
item_signature (const LuoshiItem *item,
                guint             number,
                gboolean          first_in_area)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%u|%d|%d|%d|%d|%d|", number, first_in_area, item->status,
                          item->status_by_user, item->key, item->metrics ? (int) item->metrics->len : 0);
  g_string_append_printf (out, "%s|%s|%s|", item->text, item->note ? item->note : "",
                          item->status_reason ? item->status_reason : "");
  for (guint i = 0; item->evidence != NULL && i < item->evidence->len; i++)
    {
      const LuoshiEvidence *ev = g_ptr_array_index (item->evidence, i);
      g_string_append_printf (out, "%u-%u:%s|", ev->start, ev->end, ev->text ? ev->text : "");
    }
  return g_string_free (out, FALSE);
}

static LuoshiGoalEntry *
goal_entry_new (LuoshiItem *item,
                guint       number,
                const char *area,
                gboolean    first_in_area)
{
  LuoshiGoalEntry *entry = g_object_new (LUOSHI_TYPE_GOAL_ENTRY, NULL);

  if (item != NULL)
    {
      entry->item = luoshi_item_ref (item);
      entry->number = number;
      entry->area = g_strdup (area);
      entry->first_in_area = first_in_area;
      entry->signature = item_signature (item, number, first_in_area);
    }
  return entry;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              LuoshiTrackingView       *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 980);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 720);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_list_item_set_child (list_item, clamp);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static GtkWidget *
row_box (GtkListItem *list_item)
{
  return adw_clamp_get_child (ADW_CLAMP (gtk_list_item_get_child (list_item)));
}

static void
fill_row (LuoshiTrackingView *self,
          GtkWidget          *box,
          LuoshiGoalEntry    *entry)
{
  GdkRGBA highlight;
  char background[8];

  if (entry->first_in_area)
    {
      GtkWidget *heading = make_label (*entry->area ? entry->area : _("Other goals"), "heading");

      gtk_widget_add_css_class (heading, "area-heading");
      gtk_box_append (GTK_BOX (box), heading);
    }
  luoshi_verdict_color (GTK_WIDGET (self), LUOSHI_STATUS_PARTLY, &highlight);
  rgba_to_hex (&highlight, background);
  gtk_box_append (GTK_BOX (box), goal_row_new (self, entry->item, entry->number, background));
}

static void
clear_row (LuoshiTrackingView *self,
           GtkWidget          *box,
           LuoshiGoalEntry    *entry)
{
  GtkWidget *child;

  /* A replaced row may be bound anew before the old one is unbound:
   * forget only this row's button. */
  if (entry != NULL && entry->item != NULL)
    {
      GtkWidget *pill = g_hash_table_lookup (self->verdict_buttons, &entry->item->id);

      if (pill != NULL && gtk_widget_is_ancestor (pill, box))
        g_hash_table_remove (self->verdict_buttons, &entry->item->id);
    }
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static void
entry_changed_cb (LuoshiGoalEntry *entry,
                  GtkListItem     *list_item)
{
  LuoshiTrackingView *self = g_object_get_data (G_OBJECT (list_item), "luoshi-view");
  GtkWidget *box = row_box (list_item);

  clear_row (self, box, entry);
  fill_row (self, box, entry);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             LuoshiTrackingView       *self)
{
  LuoshiGoalEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = row_box (list_item);

  if (entry->item == NULL)
    {
      /* The summary moves into whichever row shows it. */
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->header_box));

      if (parent != NULL)
        gtk_box_remove (GTK_BOX (parent), GTK_WIDGET (self->header_box));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->header_box));
      return;
    }
  fill_row (self, box, entry);
  g_object_set_data (G_OBJECT (list_item), "luoshi-view", self);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LuoshiTrackingView       *self)
{
  LuoshiGoalEntry *entry = gtk_list_item_get_item (list_item);

  if (entry != NULL)
    g_signal_handlers_disconnect_by_func (entry, entry_changed_cb, list_item);
  clear_row (self, row_box (list_item), entry);
}

/* The goals to show, in sheet order, as entries after the summary's. */
static GPtrArray *
make_entries (LuoshiTrackingView *self,
              GPtrArray          *goals,
              GPtrArray          *areas,
              GPtrArray          *section_names)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint number = 0;

  g_ptr_array_add (entries, goal_entry_new (NULL, 0, NULL, FALSE));
  /* Numbered in printing order (by 板块), as on the sheet. */
  for (guint s = 0; s < section_names->len; s++)
    {
      const char *name = g_ptr_array_index (section_names, s);
      gboolean first = TRUE;

      for (guint i = 0; i < goals->len; i++)
        {
          LuoshiItem *item = g_ptr_array_index (goals, i);

          if (!g_str_equal (g_ptr_array_index (areas, i), name))
            continue;
          number++;
          if (self->filter != 0 && (self->filter & LUOSHI_SHEET_STATUS_BIT (item->status)) == 0)
            continue;
          g_ptr_array_add (entries, goal_entry_new (item, number, name, first));
          first = FALSE;
        }
    }
  return entries;
}

/* Whether @entries shows the same goals in the same places as the list. */
static gboolean
same_goals (LuoshiTrackingView *self,
            GPtrArray          *entries)
{
  GListModel *model = G_LIST_MODEL (self->entries);

  if (g_list_model_get_n_items (model) != entries->len)
    return FALSE;
  for (guint i = 1; i < entries->len; i++)
    {
      g_autoptr(LuoshiGoalEntry) old = g_list_model_get_item (model, i);
      LuoshiGoalEntry *entry = g_ptr_array_index (entries, i);

      if (old->item == NULL || old->item->id != entry->item->id)
        return FALSE;
    }
  return TRUE;
}

/* Shows the plan's goals. After an edit only the rows whose goal changed
 * are replaced, so the list keeps its place. */
static void
rebuild (LuoshiTrackingView *self)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) section_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = NULL;

  g_array_set_size (self->goal_ids, 0);
  if (self->plan_doc == NULL || self->review_doc == NULL)
    {
      g_list_store_remove_all (self->entries);
      return;
    }

  goals = luoshi_ledger_list_goals (self->plan_doc, self->plan_index);
  areas = luoshi_ledger_goal_areas (self->plan_doc, self->plan_index, goals);
  for (guint i = 0; i < areas->len; i++)
    {
      const char *area = g_ptr_array_index (areas, i);
      if (!g_ptr_array_find_with_equal_func (section_names, area, g_str_equal, NULL))
        g_ptr_array_add (section_names, (gpointer) area);
    }
  fill_summary (self, goals, areas, section_names);

  entries = make_entries (self, goals, areas, section_names);
  for (guint i = 1; i < entries->len; i++)
    g_array_append_val (self->goal_ids, ((LuoshiGoalEntry *) g_ptr_array_index (entries, i))->item->id);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_empty), entries->len == 1);

  if (same_goals (self, entries))
    {
      for (guint i = 1; i < entries->len; i++)
        {
          g_autoptr(LuoshiGoalEntry) old = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
          LuoshiGoalEntry *entry = g_ptr_array_index (entries, i);

          if (g_strcmp0 (old->signature, entry->signature) == 0)
            continue;
          g_clear_pointer (&old->item, luoshi_item_unref);
          old->item = luoshi_item_ref (entry->item);
          g_free (old->signature);
          old->signature = g_strdup (entry->signature);
          g_signal_emit (old, entry_changed_signal, 0);
        }
      return;
    }
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
}

static void
load_review_text (LuoshiTrackingView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->review_text);
  LuoshiReport *review = g_ptr_array_index (self->review_doc->reports, self->review_index);
  GtkTextTag *tag;
  GtkTextIter start, end;
  GdkRGBA color;

  gtk_text_buffer_set_text (buffer, self->review_doc->text, -1);
  gtk_label_set_text (self->review_title, *review->title ? review->title : self->review_doc->name);

  /* Report text in Simplified Chinese glyph forms, whatever the locale. */
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "zh");
  if (tag == NULL)
    tag = gtk_text_buffer_create_tag (buffer, "zh", "language", "zh-cn", NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
  if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "evidence") == NULL)
    {
      luoshi_verdict_color (GTK_WIDGET (self), LUOSHI_STATUS_PARTLY, &color);
      color.alpha = 0.35f;
      gtk_text_buffer_create_tag (buffer, "evidence", "background-rgba", &color,
                                  "weight", PANGO_WEIGHT_BOLD, NULL);
    }
}

/* Loads the documents of the chosen pair and shows them. */
static void
load_chain (LuoshiTrackingView *self)
{
  const LuoshiStoreChain *chain = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->chain_dropdown);
  gboolean same_review;
  gint64 review_file = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->chains->len)
    chain = g_ptr_array_index (self->chains, selected);

  g_clear_pointer (&self->plan_doc, luoshi_document_unref);
  if (chain == NULL)
    {
      self->chain_id = 0;
      g_clear_pointer (&self->review_doc, luoshi_document_unref);
      rebuild (self);
      return;
    }
  same_review = self->chain_id == chain->id && self->review_doc != NULL;
  self->chain_id = chain->id;
  self->plan_doc = luoshi_track_load_report (self->store, chain->plan_report_id,
                                             &self->plan_index, NULL, &error);
  if (self->plan_doc != NULL && !same_review)
    {
      g_clear_pointer (&self->review_doc, luoshi_document_unref);
      self->review_doc = luoshi_track_load_report (self->store, chain->review_report_id,
                                                   &self->review_index, &review_file, &error);
      self->review_file_id = review_file;
      if (self->review_doc != NULL)
        load_review_text (self);
    }
  if (self->plan_doc == NULL || self->review_doc == NULL)
    show_error (self, error);
  rebuild (self);
}

static void
fill_pair_dropdowns (LuoshiTrackingView *self)
{
  g_autoptr(GPtrArray) plan_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) review_labels = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->plan_choices, 0);
  for (guint i = 0; i < self->reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (self->reports, i);
      g_autofree char *label = report_label (report);

      /* Any report with goals can be a plan; any report a review. */
      if (report->report->kind == LUOSHI_REPORT_PLAN || report->report->kind == LUOSHI_REPORT_REVIEW_PLAN)
        {
          g_ptr_array_add (self->plan_choices, report);
          g_ptr_array_add (plan_labels, g_strdup (label));
        }
      g_ptr_array_add (review_labels, g_steal_pointer (&label));
    }
  set_strings (self->plan_model, plan_labels);
  set_strings (self->review_model, review_labels);
}

static void
update_actions (LuoshiTrackingView *self)
{
  gboolean has_chain = self->chain_id != 0 && self->plan_doc != NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->review_text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracking.print", has_chain);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracking.export-pdf", has_chain);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracking.export-csv", has_chain);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracking.remove-chain", has_chain);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracking.use-selection",
                                 has_chain && self->pane_item_id != 0
                                 && gtk_text_buffer_get_has_selection (buffer));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tracking.pair",
                                 self->reports != NULL && self->plan_choices->len > 0
                                 && self->reports->len > 1);
}

/* A popover has one parent: it moves to the button that is shown. */
static void
attach_pair_popover (LuoshiTrackingView *self,
                     GtkMenuButton      *button)
{
  GtkMenuButton *other = button == self->pair_button ? self->empty_pair_button : self->pair_button;

  if (gtk_menu_button_get_popover (button) == self->pair_popover)
    return;
  g_object_ref (self->pair_popover);
  gtk_menu_button_set_popover (other, NULL);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->pair_popover));
  g_object_unref (self->pair_popover);
}

/* Rereads the pairs and reports, keeps the chosen pair if it is still
 * there, and shows it. */
static void
reload (LuoshiTrackingView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) chains = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  guint keep = GTK_INVALID_LIST_POSITION;

  if (self->store == NULL)
    return;
  chains = luoshi_store_list_chains (self->store, &error);
  if (chains != NULL)
    reports = luoshi_store_list_reports (self->store, 0, &error);
  if (chains == NULL || reports == NULL)
    {
      show_error (self, error);
      return;
    }
  g_clear_pointer (&self->chains, g_ptr_array_unref);
  g_clear_pointer (&self->report_by_id, g_hash_table_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  self->chains = g_steal_pointer (&chains);
  self->reports = g_steal_pointer (&reports);
  /* The keys live in the reports. */
  self->report_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (self->reports, i);

      g_hash_table_insert (self->report_by_id, &report->id, report);
    }

  for (guint i = 0; i < self->chains->len; i++)
    {
      LuoshiStoreChain *chain = g_ptr_array_index (self->chains, i);
      const LuoshiStoreReport *plan = find_report (self, chain->plan_report_id);
      const LuoshiStoreReport *review = find_report (self, chain->review_report_id);
      g_autofree char *plan_label = plan ? report_label (plan) : g_strdup ("?");
      g_autofree char *review_label = review ? report_label (review) : g_strdup ("?");

      if (chain->id == self->chain_id)
        keep = i;
      g_ptr_array_add (labels, g_strdup_printf ("%s → %s", plan_label, review_label));
    }

  self->filling = TRUE;
  set_strings (self->chain_model, labels);
  gtk_drop_down_set_selected (self->chain_dropdown, keep != GTK_INVALID_LIST_POSITION ? keep
                              : self->chains->len > 0 ? self->chains->len - 1 : GTK_INVALID_LIST_POSITION);
  fill_pair_dropdowns (self);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, self->chains->len > 0 ? "chain" : "empty");
  attach_pair_popover (self, self->chains->len > 0 ? self->pair_button : self->empty_pair_button);
  load_chain (self);
  update_actions (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  LuoshiTrackingView *self = data;

  self->reload_id = 0;
  if (self->reload_all || self->chains == NULL)
    reload (self);
  else
    {
      load_chain (self);
      update_actions (self);
    }
  self->reload_all = FALSE;
  return G_SOURCE_REMOVE;
}

static void
queue_reload (LuoshiTrackingView *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
store_changed_cb (LuoshiTrackingView *self,
                  LuoshiStoreChange   what,
                  gint64              id,
                  LuoshiStore        *store)
{
  /* Every kind of change can touch what is shown: goals, verdicts, the
   * reports' titles, the pairs, the files. Edited items only touch the
   * goals: listing and labelling all reports and pairs again is left
   * out, which in a library of thousands of reports is most of it. */
  if (what != LUOSHI_STORE_CHANGE_ITEM)
    self->reload_all = TRUE;
  queue_reload (self);
}

static gboolean
track_pair (LuoshiTrackingView *self,
            gint64              plan_report_id,
            gint64              review_report_id,
            GError            **error)
{
  LuoshiVerdictRules rules;

  luoshi_tracking_rules_from_settings (self->settings, &rules);
  return luoshi_track_stored_pair (self->store, plan_report_id, review_report_id, &rules, error);
}

static void
chain_selected_cb (LuoshiTrackingView *self)
{
  guint selected = gtk_drop_down_get_selected (self->chain_dropdown);
  g_autoptr(GError) error = NULL;

  if (self->filling || self->chains == NULL || selected >= self->chains->len)
    return;
  /* Several reviews may answer one plan: bring the suggestions (and
   * evidence) in line with the review chosen. */
  {
    LuoshiStoreChain *chain = g_ptr_array_index (self->chains, selected);

    if (!track_pair (self, chain->plan_report_id, chain->review_report_id, &error))
      show_error (self, error);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->review_pane), FALSE);
  self->pane_item_id = 0;
  load_chain (self);
  update_actions (self);
}

static void
filter_selected_cb (LuoshiTrackingView *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);
  guint filter = 0;

  if (selected > 0 && selected <= LUOSHI_N_STATUSES)
    filter = LUOSHI_SHEET_STATUS_BIT (luoshi_verdict_bar_order[selected - 1]);
  if (filter == self->filter)
    return;
  self->filter = filter;
  rebuild (self);
}

static void
settings_changed_cb (LuoshiTrackingView *self,
                     const char         *key,
                     GSettings          *settings)
{
  g_autoptr(GError) error = NULL;

  /* New tolerances change the suggestions (not the user's verdicts). */
  if (self->chain_id != 0 && self->plan_doc != NULL)
    for (guint i = 0; i < self->chains->len; i++)
      {
        LuoshiStoreChain *chain = g_ptr_array_index (self->chains, i);

        if (chain->id == self->chain_id && !track_pair (self, chain->plan_report_id,
                                                        chain->review_report_id, &error))
          show_error (self, error);
      }
}

/* --- Verdict actions --------------------------------------------------- */

static GPtrArray *
copy_evidence (GPtrArray *evidence)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_evidence_free);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    g_ptr_array_add (copy, luoshi_evidence_copy (g_ptr_array_index (evidence, i)));
  return copy;
}

static void
set_verdict_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  const char *nick = NULL;
  LuoshiStatus status;
  LuoshiItem *item;
  gint64 item_id;

  g_variant_get (parameter, "(x&s)", &item_id, &nick);
  item = find_goal (self, item_id);
  if (item == NULL || !luoshi_status_from_string (nick, &status))
    return;
  evidence = copy_evidence (item->evidence);
  /* The app's reason explains its own verdict, not the user's. */
  if (!luoshi_store_set_verdict (self->store, item_id, status, TRUE,
                                 status == item->status ? item->status_reason : NULL,
                                 evidence, &error))
    show_error (self, error);
}

static void
reset_verdict_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  gint64 item_id = g_variant_get_int64 (parameter);
  LuoshiItem *item = find_goal (self, item_id);
  const LuoshiStoreReport *review = NULL;

  if (item == NULL)
    return;
  for (guint i = 0; i < self->chains->len; i++)
    {
      LuoshiStoreChain *chain = g_ptr_array_index (self->chains, i);
      if (chain->id == self->chain_id)
        review = find_report (self, chain->review_report_id);
    }
  evidence = copy_evidence (item->evidence);
  /* Hand the goal back to the app (one undoable step), then let it
   * suggest again. */
  if (!luoshi_store_set_verdict (self->store, item_id, item->status, FALSE,
                                 item->status_reason, evidence, &error)
      || (review != NULL && !track_pair (self, item->report_id, review->id, &error)))
    show_error (self, error);
}

/* Makes @evidence the goal's evidence, keeping the verdict, as the
 * user's decision (so a later tracking run does not replace it). */
static void
set_evidence (LuoshiTrackingView *self,
              LuoshiItem         *item,
              GPtrArray          *evidence)
{
  g_autoptr(GError) error = NULL;

  if (!luoshi_store_set_verdict (self->store, item->id, item->status, TRUE,
                                 item->status_reason, evidence, &error))
    show_error (self, error);
}

static void
use_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  g_autoptr(GPtrArray) evidence = NULL;
  LuoshiItem *item;
  gint64 item_id;
  guint index;

  g_variant_get (parameter, "(xu)", &item_id, &index);
  item = find_goal (self, item_id);
  if (item == NULL || item->evidence == NULL || index >= item->evidence->len || index == 0)
    return;
  evidence = copy_evidence (item->evidence);
  /* Move the chosen passage to the front; the others keep their order. */
  {
    gpointer chosen = g_ptr_array_steal_index (evidence, index);
    g_ptr_array_insert (evidence, 0, chosen);
  }
  set_evidence (self, item, evidence);
}

static void
show_span (LuoshiTrackingView *self,
           guint               start,
           guint               end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->review_text);
  GtkTextIter all_start, all_end, from, to;

  gtk_text_buffer_get_bounds (buffer, &all_start, &all_end);
  gtk_text_buffer_remove_tag_by_name (buffer, "evidence", &all_start, &all_end);
  /* Buffer offsets are characters, i.e. code points like ours. */
  gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
  gtk_text_buffer_apply_tag_by_name (buffer, "evidence", &from, &to);
  gtk_text_buffer_select_range (buffer, &from, &from);
  gtk_text_view_scroll_to_iter (self->review_text, &from, 0.0, TRUE, 0.0, 0.3);
}

static void
show_evidence_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  LuoshiItem *item;
  gint64 item_id;
  guint index;
  g_autofree char *hint = NULL;

  g_variant_get (parameter, "(xu)", &item_id, &index);
  item = find_goal (self, item_id);
  if (item == NULL || self->review_doc == NULL)
    return;

  self->pane_item_id = item_id;
  gtk_widget_set_visible (GTK_WIDGET (self->review_pane), TRUE);
  /* Translators: the goal the user picks evidence for in the review pane */
  hint = g_strdup_printf (_("Select text to use as evidence for “%s”"), item->text);
  gtk_label_set_text (self->review_hint, hint);
  if (item->evidence != NULL && index < item->evidence->len)
    {
      LuoshiEvidence *ev = g_ptr_array_index (item->evidence, index);
      show_span (self, ev->start, ev->end);
    }
  else
    {
      LuoshiReport *review = g_ptr_array_index (self->review_doc->reports, self->review_index);
      show_span (self, review->start, review->start);
    }
  update_actions (self);
}

static void
use_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->review_text);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  LuoshiItem *item = find_goal (self, self->pane_item_id);
  LuoshiEvidence *ev;

  if (item == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return;
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  evidence = copy_evidence (item->evidence);
  ev = g_new0 (LuoshiEvidence, 1);
  ev->file = g_strdup (self->review_doc->name);
  ev->file_id = self->review_file_id;
  ev->start = gtk_text_iter_get_offset (&start);
  ev->end = gtk_text_iter_get_offset (&end);
  ev->score = 0;
  ev->text = g_strdup (g_strstrip (text));
  g_ptr_array_insert (evidence, 0, ev);
  set_evidence (self, item, evidence);
}

static void
open_review_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->review_text);
  GtkTextIter start, end;

  for (guint i = 0; i < self->chains->len; i++)
    {
      LuoshiStoreChain *chain = g_ptr_array_index (self->chains, i);

      if (chain->id != self->chain_id)
        continue;
      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        {
          GtkTextIter mark_start, mark_end;

          /* No selection: the evidence shown. */
          gtk_text_buffer_get_bounds (buffer, &mark_start, &mark_end);
          start = mark_start;
          if (!gtk_text_iter_starts_tag (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "evidence")))
            gtk_text_iter_forward_to_tag_toggle (&start, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "evidence"));
          end = start;
          gtk_text_iter_forward_to_tag_toggle (&end, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "evidence"));
        }
      g_signal_emit (self, signals[SIGNAL_OPEN_REPORT], 0, chain->review_report_id,
                     (guint) gtk_text_iter_get_offset (&start), (guint) gtk_text_iter_get_offset (&end));
    }
}

static void
close_review_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);

  gtk_widget_set_visible (GTK_WIDGET (self->review_pane), FALSE);
  self->pane_item_id = 0;
  update_actions (self);
}

/* --- Pair actions ------------------------------------------------------ */

gboolean
luoshi_tracking_view_pair (LuoshiTrackingView *self,
                           gint64              plan_report_id,
                           gint64              review_report_id,
                           GError            **error)
{
  const LuoshiStoreReport *plan;
  gint64 chain_id;

  g_return_val_if_fail (LUOSHI_IS_TRACKING_VIEW (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (plan_report_id == review_report_id)
    {
      plan = find_report (self, plan_report_id);
      g_set_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT,
                   _("“%s” cannot be tracked against itself; choose a later review."),
                   plan == NULL ? "?" : *plan->report->title ? plan->report->title : plan->file_name);
      return FALSE;
    }
  chain_id = luoshi_store_add_chain (self->store, plan_report_id, review_report_id,
                                     LUOSHI_CHAIN_ORIGIN_USER, error);
  if (chain_id == 0 || !track_pair (self, plan_report_id, review_report_id, error))
    return FALSE;
  /* Show the new pair right away rather than the one shown before. */
  self->chain_id = chain_id;
  g_clear_pointer (&self->review_doc, luoshi_document_unref);
  reload (self);
  return TRUE;
}

static void
pair_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  guint plan = gtk_drop_down_get_selected (self->plan_dropdown);
  guint review = gtk_drop_down_get_selected (self->review_dropdown);
  g_autoptr(GError) error = NULL;
  LuoshiStoreReport *plan_report, *review_report;

  if (plan >= self->plan_choices->len || review >= self->reports->len)
    return;
  plan_report = g_ptr_array_index (self->plan_choices, plan);
  review_report = g_ptr_array_index (self->reports, review);
  gtk_popover_popdown (self->pair_popover);
  if (!luoshi_tracking_view_pair (self, plan_report->id, review_report->id, &error))
    show_error (self, error);
}

static void
remove_chain_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->chain_id != 0 && !luoshi_store_remove_chain (self->store, self->chain_id, &error))
    show_error (self, error);
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!luoshi_tracking_view_track_library (self, &error))
    show_error (self, error);
}

/* --- Printing and export ----------------------------------------------- */

static LuoshiPrintOperation *
print_operation (LuoshiTrackingView *self)
{
  LuoshiLedgerOptions options;

  luoshi_tracking_options_from_settings (self->settings, &options);
  options.statuses = self->filter;
  return luoshi_print_operation_new (self->plan_doc, self->plan_index, &options);
}

static void
run_print (LuoshiTrackingView      *self,
           GtkPrintOperationAction  action,
           const char              *export_path)
{
  g_autoptr(LuoshiPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->plan_doc == NULL)
    return;
  operation = print_operation (self);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

void
luoshi_tracking_view_print (LuoshiTrackingView *self)
{
  g_return_if_fail (LUOSHI_IS_TRACKING_VIEW (self));

  run_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  luoshi_tracking_view_print (LUOSHI_TRACKING_VIEW (widget));
}

static void
export_response_cb (LuoshiTrackingView   *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean csv = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "csv"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  if (csv)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LuoshiSheet) sheet = luoshi_tracking_view_build_sheet (self, &error);

      if (sheet == NULL || !luoshi_csv_write_sheet_to_path (sheet, path, &error))
        show_error (self, error);
    }
  else
    run_print (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (widget);
  gboolean csv = g_str_equal (action_name, "tracking.export-csv");
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->plan_doc == NULL)
    return;
  title = luoshi_ledger_title (self->plan_doc, self->plan_index);
  name = g_strconcat (title, csv ? ".csv" : ".pdf", NULL);
  /* Titles come from the report: no slashes in a file name. */
  g_strdelimit (name, "/\\", '_');

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (csv ? _("Export Tracking Sheet as CSV")
                                                   : _("Export Tracking Sheet as PDF"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, csv ? _("CSV files") : _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, csv ? "text/csv" : "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_set_data (G_OBJECT (self->chooser), "csv", GINT_TO_POINTER (csv));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- Public API -------------------------------------------------------- */

void
luoshi_tracking_view_set_context (LuoshiTrackingView *self,
                                  LuoshiContext      *context)
{
  g_return_if_fail (LUOSHI_IS_TRACKING_VIEW (self));
  g_return_if_fail (context == NULL || LUOSHI_IS_CONTEXT (context));

  if (self->context == context)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_set_object (&self->context, context);
  self->chain_id = 0;
  g_clear_pointer (&self->plan_doc, luoshi_document_unref);
  g_clear_pointer (&self->review_doc, luoshi_document_unref);
  if (context == NULL)
    {
      rebuild (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->store = g_object_ref (luoshi_context_get_store (context));
  if (luoshi_context_get_settings (context) != NULL)
    self->settings = g_object_ref (luoshi_context_get_settings (context));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::rate-tolerance",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::amount-tolerance",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  reload (self);
}

gboolean
luoshi_tracking_view_track_library (LuoshiTrackingView *self,
                                    GError            **error)
{
  LuoshiVerdictRules rules;

  g_return_val_if_fail (LUOSHI_IS_TRACKING_VIEW (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  luoshi_tracking_rules_from_settings (self->settings, &rules);
  if (!luoshi_track_library (self->store, &rules, NULL, error))
    return FALSE;
  g_clear_pointer (&self->review_doc, luoshi_document_unref);
  reload (self);
  return TRUE;
}

typedef struct {
  char               *path;
  LuoshiVerdictRules  rules;
} TrackData;

static void
track_data_free (TrackData *data)
{
  g_free (data->path);
  g_free (data);
}

/* Tracking reads every document of the library: on a large one that is
 * seconds, so it runs on a connection of its own in a thread. */
static void
track_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TrackData *data = task_data;
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_chains = 0;

  store = luoshi_store_new (data->path, &error);
  if (store == NULL || !luoshi_track_library (store, &data->rules, &n_chains, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n_chains);
}

static void
track_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (object);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize n_chains;

  /* A later run replaced this one: that one reports. */
  if (cancellable != self->track_cancellable)
    return;
  g_clear_object (&self->track_cancellable);

  n_chains = g_task_propagate_int (G_TASK (result), &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error);
      return;
    }
  g_clear_pointer (&self->review_doc, luoshi_document_unref);
  /* The run wrote through a connection of its own: tell every view (a
   * report open beside may have new verdicts); this one reloads all of
   * itself then, as the pairs may be new too. */
  if (n_chains > 0)
    {
      self->reload_all = TRUE;
      luoshi_store_notify_changed (self->store, LUOSHI_STORE_CHANGE_ITEM, 0);
    }
  else
    reload (self);
}

gboolean
luoshi_tracking_view_is_tracking (LuoshiTrackingView *self)
{
  g_return_val_if_fail (LUOSHI_IS_TRACKING_VIEW (self), FALSE);
  return self->track_cancellable != NULL;
}

void
luoshi_tracking_view_track_library_async (LuoshiTrackingView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  TrackData *data;

  g_return_if_fail (LUOSHI_IS_TRACKING_VIEW (self));

  if (self->store == NULL)
    return;
  path = luoshi_store_get_path (self->store);
  /* An in-memory library has no second connection: track in place. */
  if (path == NULL || g_str_equal (path, ":memory:"))
    {
      if (!luoshi_tracking_view_track_library (self, &error))
        show_error (self, error);
      return;
    }

  g_cancellable_cancel (self->track_cancellable);
  g_clear_object (&self->track_cancellable);
  self->track_cancellable = g_cancellable_new ();

  data = g_new0 (TrackData, 1);
  data->path = g_strdup (path);
  luoshi_tracking_rules_from_settings (self->settings, &data->rules);
  task = g_task_new (self, self->track_cancellable, track_done_cb, NULL);
  g_task_set_source_tag (task, luoshi_tracking_view_track_library_async);
  g_task_set_task_data (task, data, (GDestroyNotify) track_data_free);
  g_task_run_in_thread (task, track_thread);
}

gint64
luoshi_tracking_view_get_chain_id (LuoshiTrackingView *self)
{
  g_return_val_if_fail (LUOSHI_IS_TRACKING_VIEW (self), 0);

  return self->chain_id;
}

gboolean
luoshi_tracking_view_select_chain (LuoshiTrackingView *self,
                                   gint64              chain_id)
{
  g_return_val_if_fail (LUOSHI_IS_TRACKING_VIEW (self), FALSE);

  for (guint i = 0; self->chains != NULL && i < self->chains->len; i++)
    if (((LuoshiStoreChain *) g_ptr_array_index (self->chains, i))->id == chain_id)
      {
        gtk_drop_down_set_selected (self->chain_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
luoshi_tracking_view_set_filter (LuoshiTrackingView *self,
                                 guint               statuses)
{
  g_return_if_fail (LUOSHI_IS_TRACKING_VIEW (self));

  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    if (statuses == LUOSHI_SHEET_STATUS_BIT (luoshi_verdict_bar_order[i]))
      {
        gtk_drop_down_set_selected (self->filter_dropdown, i + 1);
        return;
      }
  /* Several verdicts at once have no entry in the dropdown. */
  self->filter = statuses;
  if (statuses == 0)
    gtk_drop_down_set_selected (self->filter_dropdown, 0);
  rebuild (self);
}

LuoshiSheet *
luoshi_tracking_view_build_sheet (LuoshiTrackingView *self,
                                  GError            **error)
{
  LuoshiLedgerOptions options;

  g_return_val_if_fail (LUOSHI_IS_TRACKING_VIEW (self), NULL);

  if (self->plan_doc == NULL)
    {
      g_set_error_literal (error, LUOSHI_SHEET_ERROR, LUOSHI_SHEET_ERROR_RENDER,
                           _("No plan is being tracked, so there is no sheet to write."));
      return NULL;
    }
  luoshi_tracking_options_from_settings (self->settings, &options);
  options.statuses = self->filter;
  return luoshi_ledger_build (self->plan_doc, self->plan_index, &options);
}

LuoshiVerdictBar *
_luoshi_tracking_view_get_total_bar (LuoshiTrackingView *self)
{
  return self->total_bar;
}

GtkWidget *
_luoshi_tracking_view_get_verdict_button (LuoshiTrackingView *self,
                                          gint64              item_id)
{
  return g_hash_table_lookup (self->verdict_buttons, &item_id);
}

GArray *
_luoshi_tracking_view_get_goal_ids (LuoshiTrackingView *self)
{
  return self->goal_ids;
}

GtkTextView *
_luoshi_tracking_view_get_review_text (LuoshiTrackingView *self)
{
  return self->review_text;
}

/* --- GObject ----------------------------------------------------------- */

static void
buffer_selection_cb (LuoshiTrackingView *self)
{
  update_actions (self);
}

static void
setup_ellipsized_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(PangoAttrList) attrs = luoshi_zh_attributes ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_ellipsized_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  GtkStringObject *string = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
}

/* Report titles are long: ellipsize them in the dropdowns. */
static void
set_ellipsizing_factory (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_ellipsized_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_ellipsized_cb), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
}

static void
load_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autoptr(GtkCssProvider) provider = NULL;

  /* Once per display; the provider lives as long as the display. */
  if (g_object_get_data (G_OBJECT (display), "luoshi-tracking-css") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/luoshi/Luoshi/luoshi-tracking-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "luoshi-tracking-css",
                          g_object_ref (provider), g_object_unref);
}

static void
luoshi_tracking_view_dispose (GObject *object)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_cancellable_cancel (self->track_cancellable);
  g_clear_object (&self->track_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->header_box != NULL)
    {
      GtkWidget *header = GTK_WIDGET (self->header_box);
      GtkWidget *parent = gtk_widget_get_parent (header);

      if (parent != NULL)
        gtk_box_remove (GTK_BOX (parent), header);
    }
  g_clear_object (&self->header_box);
  gtk_widget_dispose_template (GTK_WIDGET (self), LUOSHI_TYPE_TRACKING_VIEW);

  G_OBJECT_CLASS (luoshi_tracking_view_parent_class)->dispose (object);
}

static void
luoshi_tracking_view_finalize (GObject *object)
{
  LuoshiTrackingView *self = LUOSHI_TRACKING_VIEW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_pointer (&self->chains, g_ptr_array_unref);
  g_clear_pointer (&self->report_by_id, g_hash_table_unref);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->plan_choices, g_ptr_array_unref);
  g_clear_object (&self->chain_model);
  g_clear_object (&self->plan_model);
  g_clear_object (&self->review_model);
  g_clear_pointer (&self->plan_doc, luoshi_document_unref);
  g_clear_pointer (&self->review_doc, luoshi_document_unref);
  g_clear_pointer (&self->goal_ids, g_array_unref);
  g_clear_pointer (&self->verdict_buttons, g_hash_table_unref);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (luoshi_tracking_view_parent_class)->finalize (object);
}

static void
luoshi_tracking_view_class_init (LuoshiTrackingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luoshi_tracking_view_dispose;
  object_class->finalize = luoshi_tracking_view_finalize;

  signals[SIGNAL_OPEN_REPORT] =
    g_signal_new ("open-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);

  g_type_ensure (LUOSHI_TYPE_VERDICT_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/luoshi/Luoshi/luoshi-tracking-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, stack);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, empty_pair_button);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, chain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, pair_button);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, pair_popover);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, review_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, paned);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, title_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, rate_label);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, total_bar);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, legend_box);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, section_grid);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, goal_list);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, header_box);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, filter_empty);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, review_pane);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, review_title);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, review_hint);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, use_selection_button);
  gtk_widget_class_bind_template_child (widget_class, LuoshiTrackingView, review_text);

  gtk_widget_class_install_action (widget_class, "tracking.set-verdict", "(xs)", set_verdict_action);
  gtk_widget_class_install_action (widget_class, "tracking.reset-verdict", "x", reset_verdict_action);
  gtk_widget_class_install_action (widget_class, "tracking.show-evidence", "(xu)", show_evidence_action);
  gtk_widget_class_install_action (widget_class, "tracking.use-evidence", "(xu)", use_evidence_action);
  gtk_widget_class_install_action (widget_class, "tracking.use-selection", NULL, use_selection_action);
  gtk_widget_class_install_action (widget_class, "tracking.open-review", NULL, open_review_action);
  gtk_widget_class_install_action (widget_class, "tracking.close-review", NULL, close_review_action);
  gtk_widget_class_install_action (widget_class, "tracking.pair", NULL, pair_action);
  gtk_widget_class_install_action (widget_class, "tracking.remove-chain", NULL, remove_chain_action);
  gtk_widget_class_install_action (widget_class, "tracking.propose", NULL, propose_action);
  gtk_widget_class_install_action (widget_class, "tracking.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "tracking.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "tracking.export-csv", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "tracking.print", NULL);
}

static void
luoshi_tracking_view_init (LuoshiTrackingView *self)
{
  g_autoptr(GtkStringList) filters = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  load_css (GTK_WIDGET (self));
  /* The summary moves in and out of list rows: keep it alive meanwhile. */
  g_object_ref_sink (self->header_box);

  self->goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->verdict_buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->plan_choices = g_ptr_array_new ();
  self->entries = g_list_store_new (LUOSHI_TYPE_GOAL_ENTRY);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries)));

    g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
    g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
    g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
    gtk_list_view_set_factory (self->goal_list, factory);
    gtk_list_view_set_model (self->goal_list, GTK_SELECTION_MODEL (selection));
  }

  self->chain_model = gtk_string_list_new (NULL);
  self->plan_model = gtk_string_list_new (NULL);
  self->review_model = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->chain_dropdown, G_LIST_MODEL (self->chain_model));
  gtk_drop_down_set_model (self->plan_dropdown, G_LIST_MODEL (self->plan_model));
  gtk_drop_down_set_model (self->review_dropdown, G_LIST_MODEL (self->review_model));
  set_ellipsizing_factory (self->chain_dropdown);
  set_ellipsizing_factory (self->plan_dropdown);
  set_ellipsizing_factory (self->review_dropdown);
  g_signal_connect_object (self->chain_dropdown, "notify::selected",
                           G_CALLBACK (chain_selected_cb), self, G_CONNECT_SWAPPED);

  gtk_string_list_append (filters, _("All Verdicts"));
  for (guint i = 0; i < LUOSHI_N_STATUSES; i++)
    gtk_string_list_append (filters, luoshi_status_get_label (luoshi_verdict_bar_order[i]));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filters));
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (filter_selected_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->review_text), "notify::has-selection",
                           G_CALLBACK (buffer_selection_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}
