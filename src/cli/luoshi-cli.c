/* luoshi-cli.c: the command line of Luoshi
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <gio/gunixoutputstream.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "luoshi-chain.h"
#include "luoshi-csv.h"
#include "luoshi-document.h"
#include "luoshi-export.h"
#include "luoshi-import.h"
#include "luoshi-ledger.h"
#include "luoshi-sheet.h"
#include "luoshi-store.h"
#include "luoshi-track.h"

/* Exit codes as Unix tools use them. */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  int (*run) (int argc, char **argv);
} Command;

static char *opt_db = NULL;

static const GOptionEntry db_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, &opt_db,
    N_("The library database (default: the user’s library)"), N_("FILE") },
  { NULL }
};

static void
print_error (const char *format,
             ...) G_GNUC_PRINTF (1, 2);

static void
print_error (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("luoshi-cli: %s\n", message);
}

static GOptionContext *
command_context (const char          *args,
                 const char          *summary,
                 const GOptionEntry  *entries)
{
  GOptionContext *context = g_option_context_new (args);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, db_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses options; on a usage error prints it and returns FALSE. */
static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  print_error ("%s", error->message);
  g_printerr (_("Try “%s --help” for more information.\n"), (*argv)[0]);
  return FALSE;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  print_error ("%s", message);
  g_printerr ("%s", help);
  return EXIT_USAGE;
}

static LuoshiStore *
open_store (GError **error)
{
  g_autofree char *path = NULL;

  if (opt_db != NULL)
    return luoshi_store_new (opt_db, error);
  path = luoshi_store_default_path (error);
  if (path == NULL)
    return NULL;
  return luoshi_store_new (path, error);
}

static void
print_failures (GPtrArray *failures)
{
  for (guint i = 0; i < failures->len; i++)
    {
      LuoshiImportFailure *failure = g_ptr_array_index (failures, i);
      print_error ("%s", failure->error->message);
    }
}

/* Reads and analyses @paths; failures are printed. NULL if none could
 * be read or on cancellation. */
static GPtrArray *
load_paths (char      **paths,
            GPtrArray  *failures)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *docs;

  files = luoshi_import_collect ((const char * const *) paths, failures, NULL, &error);
  if (files == NULL)
    {
      print_error ("%s", error->message);
      return NULL;
    }
  docs = luoshi_import_load (files, failures, NULL, NULL, NULL, &error);
  if (docs == NULL)
    print_error ("%s", error->message);
  print_failures (failures);
  return docs;
}

static guint
count_items (LuoshiDocument *doc,
             guint           report,
             LuoshiItemKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < doc->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (doc->items, i);
      if (item->report_index == report && item->kind == kind)
        n++;
    }
  return n;
}

/* --- import ---------------------------------------------------------- */

static gboolean opt_force = FALSE;

static const GOptionEntry import_entries[] = {
  { "force", 'f', 0, G_OPTION_ARG_NONE, &opt_force,
    N_("Analyse files again even if they have not changed"), NULL },
  { NULL }
};

static int
cmd_import (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("DIR|FILE…"),
                     _("Imports report files (folders are searched recursively) into the "
                       "library. Files that did not change since the last import are skipped; "
                       "changed files are analysed again, keeping your edits and notes."),
                     import_entries);
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LuoshiImportCounts counts = { 0 };

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    return usage_error (context, _("Name at least one folder or file to import."));

  store = open_store (&error);
  if (store == NULL ||
      (files = luoshi_import_collect ((const char * const *) argv + 1, failures, NULL, &error)) == NULL ||
      !luoshi_import_into_store (store, files,
                                 opt_force ? LUOSHI_IMPORT_FLAGS_FORCE : LUOSHI_IMPORT_FLAGS_NONE,
                                 failures, &counts, NULL, NULL, NULL, &error))
    {
      print_failures (failures);
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  print_failures (failures);
  g_print (_("Imported %u files (%u new, %u updated, %u unchanged): %u reports, %u items.\n"),
           counts.n_new + counts.n_updated + counts.n_unchanged,
           counts.n_new, counts.n_updated, counts.n_unchanged, counts.n_reports, counts.n_items);
  if (failures->len > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u file could not be imported.\n",
                               "%u files could not be imported.\n", failures->len),
                  failures->len);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

/* --- list ------------------------------------------------------------ */

static void append_cell (GString *out, const char *text, guint width, gboolean pad);
static guint text_width (const char *text);

/* Right-aligned to @width display columns, like "%*s" for CJK text. */
static void
append_cell_end (GString    *out,
                 const char *text,
                 guint       width)
{
  for (guint used = text_width (text); used < width; used++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

/* Aligned by display columns with the rows below: headers may be CJK. */
static void
print_list_header (void)
{
  g_autoptr(GString) line = g_string_new (NULL);

  /* Translators: column headers of "luoshi-cli list" */
  append_cell_end (line, _("ID"), 6);
  g_string_append (line, "  ");
  append_cell (line, _("Period"), 8, TRUE);
  g_string_append (line, "  ");
  append_cell (line, _("Kind"), 11, TRUE);
  g_string_append (line, "  ");
  append_cell_end (line, _("Goals"), 5);
  g_string_append_c (line, ' ');
  append_cell_end (line, _("Done"), 5);
  g_string_append_c (line, ' ');
  append_cell_end (line, _("Probl"), 5);
  g_string_append (line, "  ");
  g_string_append (line, _("File / title"));
  g_print ("%s\n", line->str);
}

static int
cmd_list (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context ("", _("Lists the reports in the library with their period, kind and the "
                           "number of goals, achievements and problems."), NULL);
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc > 1)
    return usage_error (context, _("“list” takes no arguments."));

  store = open_store (&error);
  if (store == NULL || (files = luoshi_store_list_files (store, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  print_list_header ();
  for (guint f = 0; f < files->len; f++)
    {
      LuoshiStoreFile *file = g_ptr_array_index (files, f);
      g_autoptr(LuoshiDocument) doc = luoshi_store_load_document (store, file->id, &error);
      g_autoptr(GPtrArray) reports = NULL;

      if (doc == NULL || (reports = luoshi_store_list_reports (store, file->id, &error)) == NULL)
        {
          print_error ("%s", error->message);
          return EXIT_FAILED;
        }
      for (guint r = 0; r < reports->len; r++)
        {
          LuoshiStoreReport *sr = g_ptr_array_index (reports, r);
          g_autofree char *period = luoshi_report_period_string (sr->report);

          g_print ("%6" G_GINT64_FORMAT "  %-8s  %-11s  %5u %5u %5u  %s: %s\n",
                   sr->id, period ? period : "?",
                   luoshi_report_kind_to_string (sr->report->kind),
                   count_items (doc, sr->index, LUOSHI_ITEM_GOAL),
                   count_items (doc, sr->index, LUOSHI_ITEM_ACHIEVEMENT),
                   count_items (doc, sr->index, LUOSHI_ITEM_PROBLEM),
                   file->name, *sr->report->title ? sr->report->title : _("(untitled)"));
        }
    }
  return EXIT_OK;
}

/* --- search ---------------------------------------------------------- */

static int opt_limit = 50;

static const GOptionEntry search_entries[] = {
  { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit, N_("Show at most N hits (0: all)"), N_("N") },
  { NULL }
};

static int
cmd_search (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("TEXT"), _("Searches the text of all reports in the library, in "
                                  "simplified or traditional characters."), search_entries);
  g_autoptr(LuoshiStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    return usage_error (context, _("Give the text to search for."));
  if (opt_limit < 0)
    return usage_error (context, _("--limit must be 0 or more."));

  query = g_strjoinv (" ", argv + 1);
  store = open_store (&error);
  if (store == NULL || (hits = luoshi_store_search (store, query, opt_limit, &error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      LuoshiSearchHit *hit = g_ptr_array_index (hits, i);
      g_print ("%s:%u: %s\n", hit->file_name, hit->line, hit->snippet);
    }
  if (hits->len == 0)
    {
      g_printerr (_("No matches for “%s”.\n"), query);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

/* --- export ---------------------------------------------------------- */

static char *opt_format = NULL;
static char *opt_output = NULL;

static const GOptionEntry export_entries[] = {
  { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_("json or csv (default: json)"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("Write to FILE instead of standard output"), N_("FILE") },
  { NULL }
};

/* Suggests verdicts for the goals of every plan in @docs that has a
 * later review among them. */
static void
track_chains (GPtrArray *docs)
{
  g_autoptr(GPtrArray) chains = luoshi_chain_propose (docs);

  for (guint i = 0; i < chains->len; i++)
    {
      LuoshiChain *chain = g_ptr_array_index (chains, i);

      luoshi_track (chain->plan_doc, chain->plan_report,
                    chain->review_doc, chain->review_report, NULL);
    }
}

/* Imports @docs into a private in-memory library and reads them back,
 * so an export of files goes through the same store as the app. */
static GPtrArray *
round_trip (GPtrArray  *docs,
            GError    **error)
{
  g_autoptr(LuoshiStore) store = luoshi_store_new (":memory:", error);
  g_autoptr(GPtrArray) files = NULL;
  GPtrArray *stored;

  /* Goals are exported with the verdicts the app would suggest: track
   * each proposed plan→review pair before the documents are stored. */
  track_chains (docs);
  if (store == NULL || !luoshi_store_import_documents (store, docs, LUOSHI_IMPORT_FLAGS_NONE, NULL, error))
    return NULL;
  files = luoshi_store_list_files (store, error);
  if (files == NULL)
    return NULL;
  stored = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  for (guint i = 0; i < files->len; i++)
    {
      LuoshiStoreFile *file = g_ptr_array_index (files, i);
      LuoshiDocument *doc = luoshi_store_load_document (store, file->id, error);

      if (doc == NULL)
        {
          g_ptr_array_unref (stored);
          return NULL;
        }
      g_ptr_array_add (stored, doc);
    }
  return stored;
}

static GPtrArray *
load_library (GError **error)
{
  g_autoptr(LuoshiStore) store = open_store (error);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  if (store == NULL || (files = luoshi_store_list_files (store, error)) == NULL)
    return NULL;
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  for (guint i = 0; i < files->len; i++)
    {
      LuoshiStoreFile *file = g_ptr_array_index (files, i);
      LuoshiDocument *doc = luoshi_store_load_document (store, file->id, error);

      if (doc == NULL)
        return NULL;
      g_ptr_array_add (docs, doc);
    }
  return g_steal_pointer (&docs);
}

static GOutputStream *
open_output (GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (opt_output == NULL || g_str_equal (opt_output, "-"))
    return g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  file = g_file_new_for_commandline_arg (opt_output);
  return G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error));
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("[PATH…]"),
                     _("Writes reports and their items as JSON or CSV. With paths, the files are "
                       "read and analysed on the spot (the library is not touched); without, "
                       "the library is exported with your edits and decisions."),
                     export_entries);
  g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (opt_format == NULL)
    opt_format = g_strdup ("json");
  if (!g_str_equal (opt_format, "json") && !g_str_equal (opt_format, "csv"))
    return usage_error (context, _("--format must be json or csv."));

  if (argc > 1)
    {
      g_autoptr(GPtrArray) loaded = load_paths (argv + 1, failures);

      if (loaded == NULL)
        return EXIT_FAILED;
      docs = round_trip (loaded, &error);
    }
  else
    docs = load_library (&error);

  if (docs == NULL || (out = open_output (&error)) == NULL)
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (g_str_equal (opt_format, "json"))
    ok = luoshi_export_json (docs, out, NULL, &error);
  else
    ok = luoshi_export_csv (docs, out, NULL, &error);
  if (!ok || !g_output_stream_close (out, NULL, &error))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  return failures->len > 0 ? EXIT_FAILED : EXIT_OK;
}

/* --- track and sheet --------------------------------------------------- */

/* One side of a plan→review pair: a report of a document. */
typedef struct {
  LuoshiDocument *doc;     /* owned */
  guint           report;
} Side;

static void
side_clear (Side *side)
{
  g_clear_pointer (&side->doc, luoshi_document_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Side, side_clear)

/* A report id is all digits and names no file. */
static gboolean
parse_report_id (const char *arg,
                 gint64     *id)
{
  guint64 value;

  if (g_file_test (arg, G_FILE_TEST_EXISTS)
      || !g_ascii_string_to_unsigned (arg, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static guint
count_goals (LuoshiDocument *doc,
             guint           report)
{
  return count_items (doc, report, LUOSHI_ITEM_GOAL);
}

/* The last report with goals, preferring plans (a review+plan counts for
 * its plan part) over reports of other kinds that happen to have some. */
static gboolean
pick_plan (GPtrArray *docs,
           Side      *side)
{
  gboolean found_plan = FALSE, found = FALSE;

  for (guint d = 0; d < docs->len; d++)
    {
      LuoshiDocument *doc = g_ptr_array_index (docs, d);

      for (guint r = 0; r < doc->reports->len; r++)
        {
          LuoshiReport *report = g_ptr_array_index (doc->reports, r);
          gboolean plan = report->kind == LUOSHI_REPORT_PLAN
                          || report->kind == LUOSHI_REPORT_REVIEW_PLAN;

          if (count_goals (doc, r) == 0 || (found_plan && !plan))
            continue;
          side_clear (side);
          side->doc = luoshi_document_ref (doc);
          side->report = r;
          found = TRUE;
          found_plan |= plan;
        }
    }
  return found;
}

/* A period as a number that orders half years before the whole year. */
static int
review_rank (LuoshiDocument *doc,
             guint           report)
{
  int half = 0;
  int year = luoshi_chain_review_year (doc, report, &half);

  return year * 3 + (half == 0 ? 2 : half - 1);
}

/* The review report with the latest period; among reports that review
 * nothing, the last one. */
static gboolean
pick_review (GPtrArray *docs,
             Side      *side)
{
  int best = -1;

  for (guint d = 0; d < docs->len; d++)
    {
      LuoshiDocument *doc = g_ptr_array_index (docs, d);

      for (guint r = 0; r < doc->reports->len; r++)
        {
          LuoshiReport *report = g_ptr_array_index (doc->reports, r);
          gboolean review = report->kind == LUOSHI_REPORT_REVIEW
                            || report->kind == LUOSHI_REPORT_REVIEW_PLAN;
          int rank = review ? review_rank (doc, r) : -1;

          if (side->doc != NULL && rank < best)
            continue;
          side_clear (side);
          side->doc = luoshi_document_ref (doc);
          side->report = r;
          best = rank;
        }
    }
  return side->doc != NULL;
}

/* Fills @side from @arg: a report id of the library (@store is opened on
 * first use) or a file. Prints the error and returns FALSE on failure. */
static gboolean
load_side (const char   *arg,
           gboolean      plan,
           LuoshiStore **store,
           Side         *side)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (parse_report_id (arg, &id))
    {
      g_autoptr(LuoshiStoreReport) report = NULL;

      if ((*store == NULL && (*store = open_store (&error)) == NULL)
          || (report = luoshi_store_get_report (*store, id, &error)) == NULL
          || (side->doc = luoshi_store_load_document (*store, report->file_id, &error)) == NULL)
        {
          print_error ("%s", error->message);
          return FALSE;
        }
      side->report = report->index;
      if (plan && count_goals (side->doc, side->report) == 0)
        {
          print_error (_("Report %s has no goals to track."), arg);
          return FALSE;
        }
      return TRUE;
    }
  else
    {
      g_autoptr(GPtrArray) failures = luoshi_import_failures_new ();
      char *paths[] = { (char *) arg, NULL };
      g_autoptr(GPtrArray) docs = load_paths (paths, failures);

      if (docs == NULL || failures->len > 0)
        return FALSE;
      if (plan && !pick_plan (docs, side))
        {
          print_error (_("“%s” holds no plan with goals."), arg);
          return FALSE;
        }
      if (!plan && !pick_review (docs, side))
        {
          print_error (_("“%s” holds no report to track the plan against."), arg);
          return FALSE;
        }
      return TRUE;
    }
}

/* Loads the plan and, unless @review_arg is NULL, the review, and
 * tracks the plan's goals (the user's verdicts stay as they are). */
static gboolean
load_pair (const char *plan_arg,
           const char *review_arg,
           Side       *plan,
           Side       *review)
{
  g_autoptr(LuoshiStore) store = NULL;

  if (!load_side (plan_arg, TRUE, &store, plan))
    return FALSE;
  if (review_arg == NULL)
    return TRUE;
  if (!load_side (review_arg, FALSE, &store, review))
    return FALSE;
  luoshi_track (plan->doc, plan->report, review->doc, review->report, NULL);
  return TRUE;
}

static const char *
report_title (const Side *side)
{
  LuoshiReport *report = g_ptr_array_index (side->doc->reports, side->report);

  return *report->title ? report->title : _("(untitled)");
}

/* Columns on a terminal: CJK characters take two. */
static guint
display_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

/* Appends @text on one line, cut with "…" to @width columns and padded to
 * it (not padded when @pad is FALSE). */
static void
append_cell (GString    *out,
             const char *text,
             guint       width,
             gboolean    pad)
{
  guint used = 0;

  for (const char *p = text ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w;

      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      w = display_width (c);
      /* Keep one column for the ellipsis unless the text ends here. */
      if (used + w > width || (used + w == width && *g_utf8_next_char (p) != '\0'))
        {
          g_string_append (out, "…");
          used++;
          break;
        }
      g_string_append_unichar (out, c);
      used += w;
    }
  while (pad && used++ < width)
    g_string_append_c (out, ' ');
}

enum { W_NUMBER = 4, W_AREA = 16, W_GOAL = 34, W_TARGET = 24, W_VERDICT = 12, W_EVIDENCE = 40 };

static void
append_table_row (GString    *out,
                  const char *number,
                  const char *area,
                  const char *goal,
                  const char *target,
                  const char *verdict,
                  const char *evidence)
{
  append_cell (out, number, W_NUMBER, TRUE);
  g_string_append (out, "  ");
  append_cell (out, area, W_AREA, TRUE);
  g_string_append (out, "  ");
  append_cell (out, goal, W_GOAL, TRUE);
  g_string_append (out, "  ");
  append_cell (out, target, W_TARGET, TRUE);
  g_string_append (out, "  ");
  append_cell (out, verdict, W_VERDICT, TRUE);
  g_string_append (out, "  ");
  append_cell (out, evidence, W_EVIDENCE, FALSE);
  g_string_append_c (out, '\n');
}

/* The summary line: "13 goals: 5 Met, 2 Partly met, …". */
static char *
format_summary (const guint counts[6],
                guint       n_goals)
{
  static const LuoshiStatus order[] = {
    LUOSHI_STATUS_MET, LUOSHI_STATUS_PARTLY, LUOSHI_STATUS_IN_PROGRESS,
    LUOSHI_STATUS_NOT_MET, LUOSHI_STATUS_NO_EVIDENCE, LUOSHI_STATUS_UNRATED,
  };
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u goal:", "%u goals:", n_goals), n_goals);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      /* Translators: between the verdict counts of "13 goals: 5 Met, 2 Partly met, …" */
      g_string_append (out, i == 0 ? " " : _(", "));
      /* Translators: one verdict count of that summary, e.g. "5 Met": %1$u is
       * the count, %2$s the verdict */
      g_string_append_printf (out, _("%u %s"), counts[order[i]], luoshi_status_get_label (order[i]));
    }
  return g_string_free (out, FALSE);
}

static int
cmd_track (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("PLAN REVIEW"),
                     _("Tracks the goals of a work plan against a later review and prints a "
                       "verdict for each. PLAN and REVIEW are files (the last plan with goals "
                       "and the review of the latest period are used) or report ids of the "
                       "library (see “luoshi-cli list”), where your own verdicts are kept."),
                     NULL);
  g_auto(Side) plan = { NULL, 0 };
  g_auto(Side) review = { NULL, 0 };
  g_autoptr(LuoshiSheet) sheet = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *summary = NULL;
  guint counts[6] = { 0 };
  gboolean any_by_user = FALSE;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if (argc != 3)
    return usage_error (context, _("Name a plan and a review, as files or report ids."));
  if (!load_pair (argv[1], argv[2], &plan, &review))
    return EXIT_FAILED;

  /* The sheet groups goals by 板块 and numbers them as printed. */
  sheet = luoshi_ledger_build (plan.doc, plan.report, NULL);
  order = luoshi_sheet_get_printing_order (sheet);
  g_string_append_printf (out, _("Plan: %s — %s\n"), plan.doc->name, report_title (&plan));
  g_string_append_printf (out, _("Review: %s — %s\n\n"), review.doc->name, report_title (&review));
  /* Translators: column headers of "luoshi-cli track" */
  append_table_row (out, _("No."), _("Area"), _("Goal"), _("Target"), _("Verdict"), _("Evidence"));
  for (guint i = 0; i < order->len; i++)
    {
      LuoshiSheetRow *row = g_ptr_array_index (order, i);
      g_autofree char *number = luoshi_sheet_row_number_text (row, i + 1);
      g_autofree char *verdict = NULL;
      gboolean by_user = FALSE;

      for (guint g = 0; g < plan.doc->items->len; g++)
        {
          LuoshiItem *item = g_ptr_array_index (plan.doc->items, g);
          if (item->report_index == plan.report && item->kind == LUOSHI_ITEM_GOAL
              && item->status_by_user && g_strcmp0 (item->text, row->goal) == 0)
            by_user = TRUE;
        }
      any_by_user |= by_user;
      verdict = g_strconcat (luoshi_status_get_label (row->status), by_user ? "*" : "", NULL);
      append_table_row (out, number, row->section, row->goal, row->target, verdict, row->evidence);
    }
  luoshi_sheet_count_statuses (sheet, counts);
  summary = format_summary (counts, order->len);
  g_string_append_printf (out, "\n%s\n", summary);
  if (any_by_user)
    g_string_append_printf (out, "%s\n", _("* decided by you"));
  g_print ("%s", out->str);
  return EXIT_OK;
}

static char *opt_pdf = NULL;
static char *opt_csv = NULL;
static char *opt_paper = NULL;
static gboolean opt_portrait = FALSE;
static gboolean opt_key_only = FALSE;
static char *opt_status = NULL;
static gboolean opt_goal_list = FALSE;
static char *opt_columns = NULL;
static gboolean opt_keep_traditional = FALSE;

static const GOptionEntry sheet_entries[] = {
  { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &opt_pdf, N_("Write the sheet as PDF to FILE"), N_("FILE") },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &opt_csv, N_("Write the sheet as CSV to FILE"), N_("FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, &opt_paper, N_("Paper size: A4 (default) or A3"), N_("SIZE") },
  { "portrait", 0, 0, G_OPTION_ARG_NONE, &opt_portrait, N_("Print portrait instead of landscape"), NULL },
  { "key-only", 0, 0, G_OPTION_ARG_NONE, &opt_key_only, N_("Only goals flagged as key tasks"), NULL },
  { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status,
    N_("Only goals with these verdicts: met, partly, in_progress, not_met, no_evidence, unrated"), N_("LIST") },
  { "goal-list", 0, 0, G_OPTION_ARG_NONE, &opt_goal_list,
    N_("A list of goals and targets without progress or verdicts (REVIEW may be left out)"), NULL },
  { "columns", 0, 0, G_OPTION_ARG_STRING, &opt_columns,
    N_("Columns to print: number, area, goal, target, progress, status, note"), N_("LIST") },
  { "keep-traditional", 0, 0, G_OPTION_ARG_NONE, &opt_keep_traditional,
    N_("Print traditional characters as written instead of simplified"), NULL },
  { NULL }
};

/* Reads the sheet options into @options; a usage error message when bad. */
static char *
sheet_options (LuoshiLedgerOptions *options)
{
  g_autofree char *bad = NULL;

  luoshi_ledger_options_init (options);
  options->kind = opt_goal_list ? LUOSHI_SHEET_GOAL_LIST : LUOSHI_SHEET_TRACKING;
  options->orientation = opt_portrait ? LUOSHI_ORIENTATION_PORTRAIT : LUOSHI_ORIENTATION_LANDSCAPE;
  options->key_only = opt_key_only;
  options->simplify = !opt_keep_traditional;
  if (opt_paper != NULL)
    {
      if (g_ascii_strcasecmp (opt_paper, "A4") == 0)
        options->paper = LUOSHI_PAPER_A4;
      else if (g_ascii_strcasecmp (opt_paper, "A3") == 0)
        options->paper = LUOSHI_PAPER_A3;
      else
        return g_strdup_printf (_("--paper must be A4 or A3, not “%s”."), opt_paper);
    }
  if (opt_status != NULL && !luoshi_ledger_parse_statuses (opt_status, &options->statuses, &bad))
    return g_strdup_printf (_("“%s” is not a verdict; use met, partly, in_progress, not_met, "
                              "no_evidence or unrated."), bad);
  if (opt_columns != NULL && !luoshi_ledger_parse_columns (opt_columns, &options->columns, &bad))
    return g_strdup_printf (_("“%s” is not a column; use number, area, goal, target, progress, "
                              "status or note."), bad);
  return NULL;
}

static int
cmd_sheet (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context =
    command_context (_("PLAN REVIEW"),
                     _("Writes the tracking sheet (台账) of a work plan against a later review "
                       "as PDF and/or CSV: one row per goal, grouped by area, with the target, "
                       "what the review says and the verdict. PLAN and REVIEW are files or "
                       "report ids of the library, as for “track”."),
                     sheet_entries);
  g_auto(Side) plan = { NULL, 0 };
  g_auto(Side) review = { NULL, 0 };
  g_autoptr(LuoshiSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;
  LuoshiLedgerOptions options;

  if (!parse_options (context, &argc, &argv))
    return EXIT_USAGE;
  if ((bad = sheet_options (&options)) != NULL)
    return usage_error (context, bad);
  if (opt_pdf == NULL && opt_csv == NULL)
    return usage_error (context, _("Say where to write the sheet with --pdf FILE or --csv FILE."));
  if (argc != 3 && !(opt_goal_list && argc == 2))
    return usage_error (context, _("Name a plan and a review, as files or report ids."));
  if (!load_pair (argv[1], argc == 3 ? argv[2] : NULL, &plan, &review))
    return EXIT_FAILED;

  sheet = luoshi_ledger_build (plan.doc, plan.report, &options);
  if (sheet->rows->len == 0)
    g_printerr (_("No goal of “%s” passes the filters; the sheet is empty.\n"), report_title (&plan));
  if ((opt_pdf != NULL && !luoshi_sheet_write_pdf (sheet, opt_pdf, &error))
      || (opt_csv != NULL && !luoshi_csv_write_sheet_to_path (sheet, opt_csv, &error)))
    {
      print_error ("%s", error->message);
      return EXIT_FAILED;
    }
  if (opt_pdf != NULL)
    {
      guint n_pages = luoshi_sheet_get_n_pages (sheet);
      g_autofree char *pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages),
                                                n_pages);

      /* Translators: "Wrote 13 goals to sheet.pdf (2 pages)" */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u goal to %s (%s)\n",
                            "Wrote %u goals to %s (%s)\n", sheet->rows->len),
               sheet->rows->len, opt_pdf, pages);
    }
  if (opt_csv != NULL)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u goal to %s\n",
                          "Wrote %u goals to %s\n", sheet->rows->len),
             sheet->rows->len, opt_csv);
  return EXIT_OK;
}

/* --- main ------------------------------------------------------------ */

static const Command commands[] = {
  { "import", N_("DIR|FILE…"), N_("Import report files into the library"), cmd_import },
  { "list", "", N_("List the reports in the library"), cmd_list },
  { "search", N_("TEXT"), N_("Search the text of all reports"), cmd_search },
  { "export", N_("[PATH…]"), N_("Write reports and items as JSON or CSV"), cmd_export },
  { "track", N_("PLAN REVIEW"), N_("Track a plan’s goals against a later review"), cmd_track },
  { "sheet", N_("PLAN REVIEW"), N_("Write a tracking sheet (台账) as PDF or CSV"), cmd_sheet },
};

/* _("") would return the catalogue's header, so "no arguments" stays "". */
static const char *
command_args (const Command *command)
{
  return *command->args ? _(command->args) : "";
}

static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += display_width (g_utf8_get_char (p));
  return width;
}

static void
print_usage (FILE *stream)
{
  guint args_width = 0;

  fprintf (stream, "%s\n\n%s\n", _("Usage: luoshi-cli COMMAND [OPTION…]"),
           _("Reads Chinese work reports, finds their goals, achievements and problems, "
             "and tracks whether last year’s goals were met."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    args_width = MAX (args_width, text_width (command_args (&commands[i])));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GString) line = g_string_new ("  ");

      /* Padded by display columns: translated arguments may be CJK. */
      append_cell (line, commands[i].name, 8, TRUE);
      g_string_append_c (line, ' ');
      append_cell (line, command_args (&commands[i]), args_width, TRUE);
      fprintf (stream, "%s %s\n", line->str, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Run “luoshi-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("luoshi-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (argv[1], commands[i].name))
        continue;
      /* The command sees itself as argv[0], for its --help line. */
      argv[1] = g_strdup_printf ("luoshi-cli %s", commands[i].name);
      status = commands[i].run (argc - 1, argv + 1);
      g_free (opt_db);
      return status;
    }

  print_error (_("“%s” is not a command."), argv[1]);
  print_usage (stderr);
  return EXIT_USAGE;
}
