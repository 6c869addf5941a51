/* luoshi-ledger.c: a tracking sheet (台账) built from a tracked plan report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-ledger.h"

#include <string.h>

#include "luoshi-item.h"
#include "luoshi-metric.h"
#include "luoshi-script.h"

void
luoshi_ledger_options_init (LuoshiLedgerOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->kind = LUOSHI_SHEET_TRACKING;
  options->columns = LUOSHI_SHEET_COLUMNS_ALL;
  options->paper = LUOSHI_PAPER_A4;
  options->orientation = LUOSHI_ORIENTATION_LANDSCAPE;
  options->simplify = TRUE;
}

static int
compare_items_by_start (gconstpointer a,
                        gconstpointer b)
{
  const LuoshiItem *x = *(LuoshiItem * const *) a;
  const LuoshiItem *y = *(LuoshiItem * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return 0;
}

GPtrArray *
luoshi_ledger_list_goals (LuoshiDocument *doc,
                          guint           report)
{
  GPtrArray *goals;

  g_return_val_if_fail (doc != NULL, NULL);

  goals = g_ptr_array_new ();
  for (guint i = 0; i < doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (doc->items, i);

      if (item->kind == LUOSHI_ITEM_GOAL && item->report_index == report)
        g_ptr_array_add (goals, item);
    }
  g_ptr_array_sort (goals, compare_items_by_start);
  return goals;
}

/* --- Areas (板块) ------------------------------------------------------ */

/* The innermost outline section of @report holding @offset; inline
 * enumerations (一是 二是) are sentences, not 板块, so they are skipped. */
static int
innermost_section (LuoshiDocument *doc,
                   guint           report,
                   guint           offset)
{
  int best = -1;
  guint best_depth = 0;

  for (guint i = 0; i < doc->sections->len; i++)
    {
      LuoshiSection *section = g_ptr_array_index (doc->sections, i);

      if (section->report != report || section->style == LUOSHI_OUTLINE_SHI)
        continue;
      if (offset < section->start || offset >= section->end)
        continue;
      if (best < 0 || section->depth >= best_depth)
        {
          best = (int) i;
          best_depth = section->depth;
        }
    }
  return best;
}

/* Section indexes from the top down to @index. */
static GArray *
section_chain (LuoshiDocument *doc,
               int             index)
{
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (int));

  /* The depth bounds the walk in case of a malformed parent cycle. */
  for (guint guard = 0; index >= 0 && index < (int) doc->sections->len && guard < 64; guard++)
    {
      LuoshiSection *section = g_ptr_array_index (doc->sections, index);

      if (section->style != LUOSHI_OUTLINE_SHI)
        g_array_prepend_val (chain, index);
      index = section->parent;
    }
  return chain;
}

/* The first level of the outline at which the goals part ways: a plan
 * part that sits under one heading (三、2024年工作要点) is split by the
 * level below it. */
static guint
area_level (GPtrArray *chains)
{
  guint level = 0;

  for (;;)
    {
      int shared = -1;
      gboolean several = FALSE, deeper = FALSE, any = FALSE;

      for (guint i = 0; i < chains->len; i++)
        {
          GArray *chain = g_ptr_array_index (chains, i);

          if (chain->len <= level)
            continue;
          any = TRUE;
          if (shared < 0)
            shared = g_array_index (chain, int, level);
          else if (shared != g_array_index (chain, int, level))
            several = TRUE;
          if (chain->len > level + 1)
            deeper = TRUE;
        }
      if (!any || several || !deeper)
        return level;
      level++;
    }
}

static char *
section_name (LuoshiDocument *doc,
              int             index)
{
  LuoshiSection *section = g_ptr_array_index (doc->sections, index);

  return g_strconcat (section->label ? section->label : "",
                      section->title ? section->title : "", NULL);
}

GPtrArray *
luoshi_ledger_goal_areas (LuoshiDocument *doc,
                          guint           report,
                          GPtrArray      *goals)
{
  g_autoptr(GPtrArray) chains = NULL;
  GPtrArray *areas;
  guint level;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (goals != NULL, NULL);

  chains = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < goals->len; i++)
    {
      LuoshiItem *goal = g_ptr_array_index (goals, i);

      g_ptr_array_add (chains, section_chain (doc, innermost_section (doc, report, goal->start)));
    }

  level = area_level (chains);
  areas = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < chains->len; i++)
    {
      GArray *chain = g_ptr_array_index (chains, i);

      if (chain->len == 0)
        g_ptr_array_add (areas, g_strdup (""));
      else
        /* A goal right under the shared heading is filed under it. */
        g_ptr_array_add (areas, section_name (doc, g_array_index (chain, int, MIN (level, chain->len - 1))));
    }
  return areas;
}

/* --- Title ------------------------------------------------------------- */

/* The first "NNNN年" in @text, or 0. */
static int
year_in (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
          && g_ascii_isdigit (p[3]) && g_str_has_prefix (p + 4, "年")
          && (p == text || !g_ascii_isdigit (p[-1])))
        {
          int year = (int) g_ascii_strtoll (p, NULL, 10);

          if (year >= 1949 && year <= 2200)
            return year;
        }
    }
  return 0;
}

int
luoshi_ledger_plan_year (LuoshiDocument *doc,
                         guint           report)
{
  LuoshiReport *r;

  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (report < doc->reports->len, 0);

  r = g_ptr_array_index (doc->reports, report);
  for (guint i = 0; i < doc->sections->len; i++)
    {
      LuoshiSection *section = g_ptr_array_index (doc->sections, i);
      int year;

      if (section->report != report || section->kind != LUOSHI_SECTION_PLAN || section->parent >= 0)
        continue;
      year = year_in (section->title);
      if (year > 0)
        return year;
    }
  /* A review+plan looks back on its own year and ahead to the next. */
  if (r->kind == LUOSHI_REPORT_REVIEW_PLAN && r->year > 0)
    return r->year + 1;
  return r->year;
}

/* Whether the report is written in traditional characters: more than
 * one in a hundred of its first characters has a simplified form (a
 * simplified report may quote the odd traditional name). */
static gboolean
is_traditional (LuoshiDocument     *doc,
                const LuoshiReport *r)
{
  const char *text = luoshi_document_at (doc, r->start);
  const char *simple = luoshi_document_simplified_at (doc, r->start);
  guint n = MIN (r->end - r->start, 2000);
  guint differ = 0;

  if (doc->simplified == NULL || doc->simplified == doc->text)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      differ += g_utf8_get_char (text) != g_utf8_get_char (simple);
      text = g_utf8_next_char (text);
      simple = g_utf8_next_char (simple);
    }
  return differ * 100 > n;
}

char *
luoshi_ledger_title (LuoshiDocument *doc,
                     guint           report)
{
  LuoshiReport *r;
  gboolean traditional;
  const char *plan;
  const char *ledger;
  int year;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (report < doc->reports->len, NULL);

  r = g_ptr_array_index (doc->reports, report);
  year = luoshi_ledger_plan_year (doc, report);
  /* The sheet is a Chinese document named as offices name it, whatever
   * the language of the interface, like the report titles it quotes;
   * and in the report's script, for sheets printed as written. */
  traditional = is_traditional (doc, r);
  plan = traditional ? "工作要點" : "工作要点";
  ledger = traditional ? "落實情況台賬" : "落实情况台账";
  if (r->org != NULL && *r->org != '\0' && year > 0)
    return g_strdup_printf ("%s%d年%s%s", r->org, year, plan, ledger);
  if (r->title != NULL && *r->title != '\0')
    return g_strdup_printf ("%s%s", r->title, ledger);
  if (year > 0)
    return g_strdup_printf ("%d年%s%s", year, plan, ledger);
  return g_strconcat (plan, ledger, NULL);
}

/* --- Figures ----------------------------------------------------------- */

static char *
metric_with_subject (const LuoshiMetric *metric,
                     const char         *subject)
{
  g_autofree char *figure = luoshi_metric_format (metric);

  if (subject == NULL || *subject == '\0')
    return g_steal_pointer (&figure);
  return g_strdup_printf ("%s %s", subject, figure);
}

char *
luoshi_ledger_target_text (const LuoshiItem *goal)
{
  GString *out;

  g_return_val_if_fail (goal != NULL, NULL);

  if (goal->metrics == NULL || goal->metrics->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < goal->metrics->len; i++)
    {
      const LuoshiMetric *metric = g_ptr_array_index (goal->metrics, i);
      g_autofree char *text = metric_with_subject (metric, metric->subject);

      if (out->len > 0)
        g_string_append (out, "；");
      g_string_append (out, text);
      /* 力争 marks a stretch target; readers weigh it differently. */
      if (metric->commitment == LUOSHI_COMMITMENT_STRETCH)
        g_string_append (out, "（力争）");
      else if (metric->commitment == LUOSHI_COMMITMENT_GUARANTEED)
        g_string_append (out, "（确保）");
    }
  return g_string_free (out, FALSE);
}

/* How many code points of @a occur in @b: a crude subject likeness that
 * needs no word segmenter (入园率 / 学前三年毛入园率 share 3). */
static guint
shared_chars (const char *a,
              const char *b)
{
  guint n = 0;

  if (a == NULL || b == NULL)
    return 0;
  for (const char *p = a; *p != '\0'; p = g_utf8_next_char (p))
    {
      char buf[8] = { 0 };

      memcpy (buf, p, g_utf8_next_char (p) - p);
      if (strstr (b, buf) != NULL)
        n++;
    }
  return n;
}

char *
luoshi_ledger_actual_figures (const LuoshiItem *goal,
                              const char       *evidence_text)
{
  g_autoptr(GPtrArray) actuals = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GHashTable) used = NULL;

  g_return_val_if_fail (goal != NULL, NULL);

  if (evidence_text == NULL || goal->metrics == NULL || goal->metrics->len == 0)
    return NULL;

  actuals = luoshi_metric_parse (evidence_text);
  used = g_hash_table_new (NULL, NULL);
  out = g_string_new (NULL);
  for (guint i = 0; i < goal->metrics->len; i++)
    {
      const LuoshiMetric *target = g_ptr_array_index (goal->metrics, i);
      const LuoshiMetric *best = NULL;
      guint best_shared = 0;

      for (guint j = 0; j < actuals->len; j++)
        {
          const LuoshiMetric *actual = g_ptr_array_index (actuals, j);
          double a, b;
          guint shared;

          if (!actual->known || g_hash_table_contains (used, actual)
              || !luoshi_metric_comparable (target, actual, &a, &b))
            continue;
          shared = shared_chars (target->subject, actual->subject);
          /* Two named subjects with nothing in common are two indicators. */
          if (shared == 0 && target->subject != NULL && *target->subject != '\0'
              && actual->subject != NULL && *actual->subject != '\0')
            continue;
          if (best == NULL || shared > best_shared)
            {
              best = actual;
              best_shared = shared;
            }
        }
      if (best != NULL)
        {
          g_autofree char *text = metric_with_subject (best, *best->subject ? best->subject : target->subject);

          g_hash_table_add (used, (gpointer) best);
          if (out->len > 0)
            g_string_append (out, "；");
          g_string_append (out, text);
        }
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* --- The sheet --------------------------------------------------------- */

static char *
printed_text (const char *text,
              gboolean    simplify)
{
  if (text == NULL)
    return NULL;
  if (simplify)
    return luoshi_script_simplify (text, -1);
  return g_strdup (text);
}

static void
fill_row (LuoshiSheetRow            *row,
          const LuoshiItem          *goal,
          const LuoshiLedgerOptions *options)
{
  g_autofree char *target = luoshi_ledger_target_text (goal);
  const char *note = goal->note;

  row->status = goal->status;
  row->key = goal->key;
  row->item_id = goal->id;
  if (target != NULL)
    {
      g_autofree char *printed = printed_text (target, options->simplify);
      luoshi_sheet_row_set_target (row, printed);
    }

  if (goal->evidence != NULL && goal->evidence->len > 0)
    {
      const LuoshiEvidence *best = g_ptr_array_index (goal->evidence, 0);
      g_autofree char *evidence = printed_text (best->text, options->simplify);
      g_autofree char *actual = luoshi_ledger_actual_figures (goal, evidence);

      luoshi_sheet_row_set_progress (row, actual, evidence, best->file);
    }

  if ((note == NULL || *note == '\0') && options->reason_as_note
      && goal->status != LUOSHI_STATUS_UNRATED)
    note = goal->status_reason;
  if (note != NULL && *note != '\0')
    {
      g_autofree char *printed = printed_text (note, options->simplify);
      luoshi_sheet_row_set_note (row, printed);
    }
}

LuoshiSheet *
luoshi_ledger_build (LuoshiDocument            *doc,
                     guint                      report,
                     const LuoshiLedgerOptions *options)
{
  LuoshiLedgerOptions defaults;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autofree char *title = NULL;
  g_autofree char *printed_title = NULL;
  LuoshiSheetFilter filter = { 0 };
  LuoshiReport *r;
  LuoshiSheet *sheet;
  int year;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (report < doc->reports->len, NULL);

  if (options == NULL)
    {
      luoshi_ledger_options_init (&defaults);
      options = &defaults;
    }

  r = g_ptr_array_index (doc->reports, report);
  title = luoshi_ledger_title (doc, report);
  printed_title = printed_text (title, options->simplify);
  sheet = luoshi_sheet_new (options->kind, printed_title);
  sheet->paper = options->paper;
  sheet->orientation = options->orientation;
  sheet->columns = options->columns != 0 ? options->columns : LUOSHI_SHEET_COLUMNS_ALL;
  if (r->org != NULL && *r->org != '\0')
    {
      g_autofree char *issuer = printed_text (r->org, options->simplify);
      luoshi_sheet_set_issuer (sheet, issuer);
    }
  year = luoshi_ledger_plan_year (doc, report);
  if (year > 0)
    {
      g_autofree char *period = g_strdup_printf ("%d年", year);
      luoshi_sheet_set_period (sheet, period);
    }

  goals = luoshi_ledger_list_goals (doc, report);
  areas = luoshi_ledger_goal_areas (doc, report, goals);
  for (guint i = 0; i < goals->len; i++)
    {
      const LuoshiItem *goal = g_ptr_array_index (goals, i);
      g_autofree char *area = printed_text (g_ptr_array_index (areas, i), options->simplify);
      g_autofree char *text = printed_text (goal->text, options->simplify);

      fill_row (luoshi_sheet_append_row (sheet, area, text), goal, options);
    }

  filter.key_only = options->key_only;
  filter.statuses = options->statuses;
  filter.section = options->section;
  luoshi_sheet_filter (sheet, &filter);
  return sheet;
}

/* --- Option parsing ---------------------------------------------------- */

static const char *column_names[LUOSHI_SHEET_N_COLUMNS] = {
  "number", "area", "goal", "target", "progress", "status", "note",
};

/* Splits @list at commas into trimmed names, with '-' read as '_'
 * (in-progress and in_progress alike). */
static GStrv
split_names (const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);

      if (*name == '\0')
        continue;
      g_strdelimit (name, "-", '_');
      g_strv_builder_add (builder, name);
    }
  return g_strv_builder_end (builder);
}

gboolean
luoshi_ledger_parse_statuses (const char *list,
                              guint      *mask,
                              char      **bad)
{
  g_auto(GStrv) names = NULL;
  guint result = 0;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (mask != NULL, FALSE);

  names = split_names (list);
  for (guint i = 0; names[i] != NULL; i++)
    {
      LuoshiStatus status;

      if (g_str_equal (names[i], "partly_met"))
        status = LUOSHI_STATUS_PARTLY;
      else if (!luoshi_status_from_string (names[i], &status))
        {
          if (bad != NULL)
            *bad = g_strdup (names[i]);
          return FALSE;
        }
      result |= LUOSHI_SHEET_STATUS_BIT (status);
    }
  if (result == 0)
    {
      if (bad != NULL)
        *bad = g_strdup (list);
      return FALSE;
    }
  *mask = result;
  return TRUE;
}

gboolean
luoshi_ledger_parse_columns (const char         *list,
                             LuoshiSheetColumns *columns,
                             char              **bad)
{
  g_auto(GStrv) names = NULL;
  guint result = 0;

  g_return_val_if_fail (list != NULL, FALSE);
  g_return_val_if_fail (columns != NULL, FALSE);

  names = split_names (list);
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint bit = 0;

      for (guint c = 0; c < G_N_ELEMENTS (column_names); c++)
        if (g_str_equal (names[i], column_names[c]))
          bit = 1u << c;
      if (bit == 0)
        {
          if (bad != NULL)
            *bad = g_strdup (names[i]);
          return FALSE;
        }
      result |= bit;
    }
  if (result == 0)
    {
      if (bad != NULL)
        *bad = g_strdup (list);
      return FALSE;
    }
  *columns = (LuoshiSheetColumns) result;
  return TRUE;
}
