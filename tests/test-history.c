/* test-history.c: undo and redo of every kind of edit, across restarts
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "luoshi-store.h"
#include "luoshi-history.h"
#include "store-fixture.h"

typedef struct
{
  char        *path;
  LuoshiStore *store;
  gint64       file_id;
  gint64       report_id;
  gint64       achievement;  /* 全县新建幼儿园3所 */
  gint64       goal;         /* 力争新建学校2所 */
} Fixture;

typedef gboolean (*EditFunc) (Fixture *f, GError **error);

typedef struct
{
  const char *path;
  EditFunc    edit;
  const char *label;
} EditCase;

static void
fixture_open (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->store = luoshi_store_new (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_reopen (Fixture *f)
{
  g_assert_finalize_object (f->store);
  f->store = NULL;
  fixture_open (f);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reports = NULL;

  f->path = fixture_db_path ("history.db");
  fixture_open (f);
  f->file_id = fixture_import (f->store);
  reports = luoshi_store_list_reports (f->store, f->file_id, &error);
  g_assert_no_error (error);
  f->report_id = ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id;
  f->achievement = fixture_item_id (f->store, f->file_id, "全县新建幼儿园3所");
  f->goal = fixture_item_id (f->store, f->file_id, "力争新建学校2所");
  g_assert_cmpint (f->achievement, >, 0);
  g_assert_cmpint (f->goal, >, 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->store != NULL)
    g_assert_finalize_object (f->store);
  g_free (f->path);
}

/* Everything an edit could change, as one string. */
static char *
snapshot (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = luoshi_store_list_file_items (f->store, f->file_id, &error);
  g_autoptr(GPtrArray) reports = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const LuoshiItem *item = g_ptr_array_index (items, i);
      g_autofree char *tags = g_strjoinv (",", item->tags);

      g_string_append_printf (out, "item %" G_GINT64_FORMAT " %s [%u,%u) “%s” edited=%d key=%d"
                              " note=%s tags=%s user=%d status=%s by_user=%d reason=%s\n",
                              item->id, luoshi_item_kind_to_string (item->kind),
                              item->start, item->end, item->text, item->edited, item->key,
                              item->note ? item->note : "(null)", tags, item->user_origin,
                              luoshi_status_to_string (item->status), item->status_by_user,
                              item->status_reason ? item->status_reason : "(null)");
      for (guint j = 0; j < item->metrics->len; j++)
        {
          const LuoshiMetric *m = g_ptr_array_index (item->metrics, j);

          g_string_append_printf (out, "  metric %s %g %s %d\n", m->text, m->value, m->unit,
                                  m->commitment);
        }
      for (guint j = 0; j < item->evidence->len; j++)
        {
          const LuoshiEvidence *ev = g_ptr_array_index (item->evidence, j);

          g_string_append_printf (out, "  evidence %s [%u,%u) %g %s\n", ev->file, ev->start,
                                  ev->end, ev->score, ev->text);
        }
    }

  reports = luoshi_store_list_reports (f->store, f->file_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reports->len; i++)
    {
      const LuoshiStoreReport *sr = g_ptr_array_index (reports, i);

      g_string_append_printf (out, "report %" G_GINT64_FORMAT " “%s” %s %d/%d org=%s edited=%d\n",
                              sr->id, sr->report->title, luoshi_report_kind_to_string (sr->report->kind),
                              sr->report->year, sr->report->half,
                              sr->report->org ? sr->report->org : "(null)", sr->user_edited);
    }
  return g_string_free (out, FALSE);
}

/* --- the edits ------------------------------------------------------------ */

static gboolean
edit_kind (Fixture *f, GError **error)
{
  return luoshi_store_set_item_kind (f->store, f->achievement, LUOSHI_ITEM_GOAL, error);
}

static gboolean
edit_text (Fixture *f, GError **error)
{
  return luoshi_store_set_item_text (f->store, f->achievement, "全县新建公办幼儿园3所", error);
}

static gboolean
edit_metrics (Fixture *f, GError **error)
{
  g_autoptr(GPtrArray) metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_metric_unref);

  g_ptr_array_add (metrics, fixture_metric ("5所", 5, LUOSHI_COMMITMENT_GUARANTEED));
  g_ptr_array_add (metrics, fixture_metric ("3所", 3, LUOSHI_COMMITMENT_PLAIN));
  return luoshi_store_set_item_metrics (f->store, f->goal, metrics, error);
}

static gboolean
edit_note (Fixture *f, GError **error)
{
  return luoshi_store_set_item_note (f->store, f->achievement, "请核实“3所”的口径", error);
}

static gboolean
edit_tags (Fixture *f, GError **error)
{
  const char *tags[] = { " 学前教育 ", "", "重点", "学前教育", NULL };

  return luoshi_store_set_item_tags (f->store, f->achievement, tags, error);
}

static gboolean
edit_key (Fixture *f, GError **error)
{
  return luoshi_store_set_item_key (f->store, f->goal, TRUE, error);
}

static gboolean
edit_add (Fixture *f, GError **error)
{
  g_autoptr(LuoshiDocument) doc = fixture_document ();

  return luoshi_store_add_item (f->store, f->report_id, LUOSHI_ITEM_GOAL,
                                fixture_offset (doc, "确保义务教育巩固率保持在99%以上"),
                                fixture_end (doc, "确保义务教育巩固率保持在99%以上"),
                                error) != 0;
}

static gboolean
edit_delete (Fixture *f, GError **error)
{
  return luoshi_store_delete_item (f->store, f->achievement, error);
}

static gboolean
edit_verdict (Fixture *f, GError **error)
{
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_evidence_free);
  LuoshiEvidence *ev = g_new0 (LuoshiEvidence, 1);

  ev->file = g_strdup ("2024年工作总结.txt");
  ev->file_id = f->file_id;
  ev->start = 3;
  ev->end = 12;
  ev->score = 0.5;
  ev->text = g_strdup ("新建学校1所");
  g_ptr_array_add (evidence, ev);
  return luoshi_store_set_verdict (f->store, f->goal, LUOSHI_STATUS_PARTLY, TRUE,
                                   "只建成一所", evidence, error);
}

static gboolean
edit_report_title (Fixture *f, GError **error)
{
  return luoshi_store_set_report_title (f->store, f->report_id, "城关县教育局二〇二三年工作总结", error);
}

static gboolean
edit_report_period (Fixture *f, GError **error)
{
  return luoshi_store_set_report_period (f->store, f->report_id, 2022, 2, error);
}

static gboolean
edit_report_org (Fixture *f, GError **error)
{
  return luoshi_store_set_report_org (f->store, f->report_id, "城关县教育体育局", error);
}

static gboolean
edit_report_kind (Fixture *f, GError **error)
{
  return luoshi_store_set_report_kind (f->store, f->report_id, LUOSHI_REPORT_SPEECH, error);
}

static const EditCase edit_cases[] = {
  { "/history/item/kind", edit_kind, "Change Item Kind" },
  { "/history/item/text", edit_text, "Edit Item Text" },
  { "/history/item/metrics", edit_metrics, "Edit Figures" },
  { "/history/item/note", edit_note, "Edit Note" },
  { "/history/item/tags", edit_tags, "Edit Tags" },
  { "/history/item/key", edit_key, "Change Key Flag" },
  { "/history/item/add", edit_add, "Add Item" },
  { "/history/item/delete", edit_delete, "Delete Item" },
  { "/history/item/verdict", edit_verdict, "Change Verdict" },
  { "/history/report/title", edit_report_title, "Rename Report" },
  { "/history/report/period", edit_report_period, "Change Report Period" },
  { "/history/report/org", edit_report_org, "Change Issuing Body" },
  { "/history/report/kind", edit_report_kind, "Change Report Kind" },
};

/* Edit, undo, redo, undo; then the same across a restart. */
static void
test_edit_case (Fixture       *f,
                gconstpointer  data)
{
  const EditCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;
  g_autofree char *now = NULL;
  g_autofree char *label = NULL;

  g_assert_false (luoshi_store_can_undo (f->store));

  g_assert_true (c->edit (f, &error));
  g_assert_no_error (error);
  after = snapshot (f);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (luoshi_store_can_undo (f->store));
  g_assert_false (luoshi_store_can_redo (f->store));
  label = luoshi_store_get_undo_label (f->store);
  g_assert_cmpstr (label, ==, c->label);

  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  now = snapshot (f);
  g_assert_cmpstr (now, ==, before);
  g_assert_false (luoshi_store_can_undo (f->store));
  g_assert_true (luoshi_store_can_redo (f->store));
  g_clear_pointer (&label, g_free);
  label = luoshi_store_get_redo_label (f->store);
  g_assert_cmpstr (label, ==, c->label);

  g_assert_true (luoshi_store_redo (f->store, &error));
  g_clear_pointer (&now, g_free);
  now = snapshot (f);
  g_assert_cmpstr (now, ==, after);

  /* The history is in the file: after a restart undo and redo go on. */
  fixture_reopen (f);
  g_assert_true (luoshi_store_can_undo (f->store));
  g_assert_false (luoshi_store_can_redo (f->store));
  g_clear_pointer (&now, g_free);
  now = snapshot (f);
  g_assert_cmpstr (now, ==, after);
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_clear_pointer (&now, g_free);
  now = snapshot (f);
  g_assert_cmpstr (now, ==, before);

  fixture_reopen (f);
  g_assert_true (luoshi_store_can_redo (f->store));
  g_assert_true (luoshi_store_redo (f->store, &error));
  g_clear_pointer (&now, g_free);
  now = snapshot (f);
  g_assert_cmpstr (now, ==, after);

  /* Nothing more to redo: FALSE without an error. */
  g_assert_false (luoshi_store_redo (f->store, &error));
  g_assert_no_error (error);
}

static void
test_effects (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiItem) item = NULL;
  g_autoptr(LuoshiStoreReport) sr = NULL;

  /* The values the edits write, read back. */
  g_assert_true (edit_tags (f, &error));
  g_assert_true (edit_text (f, &error));
  g_assert_true (edit_kind (f, &error));
  item = luoshi_store_get_item (f->store, f->achievement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (item->tags), ==, 2);
  g_assert_cmpstr (item->tags[0], ==, "学前教育");
  g_assert_cmpstr (item->tags[1], ==, "重点");
  g_assert_cmpstr (item->text, ==, "全县新建公办幼儿园3所");
  g_assert_cmpint (item->kind, ==, LUOSHI_ITEM_GOAL);
  g_assert_true (item->edited);

  g_assert_true (edit_report_period (f, &error));
  sr = luoshi_store_get_report (f->store, f->report_id, &error);
  g_assert_cmpint (sr->report->year, ==, 2022);
  g_assert_cmpint (sr->report->half, ==, 2);
  g_assert_true (sr->user_edited);

  /* Bad input is refused with an error, and recorded nowhere. */
  g_assert_false (luoshi_store_set_item_text (f->store, f->achievement, "  ", &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (luoshi_store_set_report_period (f->store, f->report_id, 2022, 3, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Four steps to undo, newest first. */
  for (guint i = 0; i < 4; i++)
    g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_false (luoshi_store_can_undo (f->store));
  g_clear_pointer (&item, luoshi_item_unref);
  item = luoshi_store_get_item (f->store, f->achievement, &error);
  g_assert_cmpstr (item->text, ==, "全县新建幼儿园3所");
  g_assert_cmpint (item->kind, ==, LUOSHI_ITEM_ACHIEVEMENT);
  g_assert_false (item->edited);
  g_assert_cmpuint (g_strv_length (item->tags), ==, 0);
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiItem) item = NULL;

  g_assert_true (luoshi_store_set_item_note (f->store, f->achievement, "一稿", &error));
  g_assert_true (luoshi_store_set_item_note (f->store, f->achievement, "二稿", &error));
  g_assert_true (luoshi_store_set_item_note (f->store, f->achievement, "三稿", &error));

  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_true (luoshi_store_undo (f->store, &error));
  item = luoshi_store_get_item (f->store, f->achievement, &error);
  g_assert_cmpstr (item->note, ==, "一稿");
  g_clear_pointer (&item, luoshi_item_unref);

  g_assert_true (luoshi_store_redo (f->store, &error));
  item = luoshi_store_get_item (f->store, f->achievement, &error);
  g_assert_cmpstr (item->note, ==, "二稿");
  g_clear_pointer (&item, luoshi_item_unref);

  /* A new edit drops what could have been redone. */
  g_assert_true (luoshi_store_can_redo (f->store));
  g_assert_true (luoshi_store_set_item_key (f->store, f->achievement, TRUE, &error));
  g_assert_false (luoshi_store_can_redo (f->store));
  g_assert_false (luoshi_store_redo (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_false (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  item = luoshi_store_get_item (f->store, f->achievement, &error);
  g_assert_null (item->note);
  g_assert_false (item->key);
}

static void
test_noop (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *no_tags[] = { NULL };

  /* Values the item already has: no step recorded. */
  g_assert_true (luoshi_store_set_item_note (f->store, f->achievement, "", &error));
  g_assert_true (luoshi_store_set_item_key (f->store, f->achievement, FALSE, &error));
  g_assert_true (luoshi_store_set_item_kind (f->store, f->achievement, LUOSHI_ITEM_ACHIEVEMENT, &error));
  g_assert_true (luoshi_store_set_item_tags (f->store, f->achievement, no_tags, &error));
  g_assert_true (luoshi_store_set_report_period (f->store, f->report_id, 2023, 0, &error));
  g_assert_true (luoshi_store_set_verdict (f->store, f->goal, LUOSHI_STATUS_UNRATED, FALSE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (luoshi_store_can_undo (f->store));
  g_assert_null (luoshi_store_get_undo_label (f->store));

  /* A no-op does not drop the redo steps either. */
  g_assert_true (edit_note (f, &error));
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_true (luoshi_store_set_item_key (f->store, f->achievement, FALSE, &error));
  g_assert_true (luoshi_store_can_redo (f->store));
}

static void
test_reimport_prunes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (FIXTURE_TEXT);
  g_autoptr(LuoshiDocument) doc = NULL;
  g_autoptr(LuoshiItem) item = NULL;

  g_assert_true (luoshi_store_set_item_note (f->store, f->goal, "关注", &error));
  g_assert_true (luoshi_store_set_item_note (f->store, f->achievement, "备注", &error));

  /* The achievement disappears from the file; the goal stays. */
  g_string_replace (text, "全县新建幼儿园3所，", "", 1);
  doc = fixture_document_for ("/fixture/城关县/2023年工作总结.txt", text->str);
  luoshi_store_import_document (f->store, doc, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);

  /* Its step is gone; the goal's note can still be undone. */
  g_assert_true (luoshi_store_can_undo (f->store));
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  item = luoshi_store_get_item (f->store, f->goal, &error);
  g_assert_null (item->note);
  g_assert_false (luoshi_store_can_undo (f->store));
}

/* --- chains (plan→review pairs) ------------------------------------------- */

/* Imports a review (one report) to pair with the fixture's report;
 * returns the report's id and its file's in @file_id. */
static gint64
import_review (Fixture *f,
               gint64  *file_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiDocument) doc = fixture_traditional_document ();
  g_autoptr(GPtrArray) reports = NULL;

  luoshi_store_import_document (f->store, doc, LUOSHI_IMPORT_FLAGS_NONE, NULL, &error);
  g_assert_no_error (error);
  *file_id = luoshi_store_find_file (f->store, doc->path, &error);
  g_assert_no_error (error);
  reports = luoshi_store_list_reports (f->store, *file_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 1);
  return ((LuoshiStoreReport *) g_ptr_array_index (reports, 0))->id;
}

/* The listed chains as "id:plan>review:origin " in id order. */
static char *
chains_snapshot (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chains = luoshi_store_list_chains (f->store, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < chains->len; i++)
    {
      const LuoshiStoreChain *chain = g_ptr_array_index (chains, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT ":%s ",
                              chain->id, chain->plan_report_id, chain->review_report_id,
                              chain->origin == LUOSHI_CHAIN_ORIGIN_USER ? "user" : "app");
    }
  return g_string_free (out, FALSE);
}

static char *
chain_string (gint64             id,
              gint64             plan,
              gint64             review,
              LuoshiChainOrigin  origin)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT ":%s ",
                          id, plan, review, origin == LUOSHI_CHAIN_ORIGIN_USER ? "user" : "app");
}

#define assert_chains(f, expected) \
  G_STMT_START { \
    g_autofree char *chains_now_ = chains_snapshot (f); \
    g_assert_cmpstr (chains_now_, ==, (expected)); \
  } G_STMT_END

static void
assert_undo_label (Fixture    *f,
                   gboolean    redo,
                   const char *expected)
{
  g_autofree char *label = redo ? luoshi_store_get_redo_label (f->store)
                                : luoshi_store_get_undo_label (f->store);

  g_assert_cmpstr (label, ==, expected);
}

typedef struct
{
  guint  n_chain;  /* ::changed with CHAIN */
  gint64 last_id;
} ChainChanges;

static void
chain_changed_cb (LuoshiStore  *store,
                  guint         what,
                  gint64        id,
                  ChainChanges *changes)
{
  if (what != LUOSHI_STORE_CHANGE_CHAIN)
    return;
  changes->n_chain++;
  changes->last_id = id;
}

/* Pairing by hand is one step, undone and redone also after restarts. */
static void
test_chain_pair (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *paired = NULL;
  ChainChanges changes = { 0 };
  gint64 review_file, review, id;

  review = import_review (f, &review_file);
  g_assert_false (luoshi_store_can_undo (f->store));

  id = luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  paired = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER);
  assert_chains (f, paired);
  g_assert_true (luoshi_store_can_undo (f->store));
  assert_undo_label (f, FALSE, "Pair Reports");
  /* Pairing it again changes nothing and records nothing. */
  g_assert_cmpint (luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER, &error),
                   ==, id);

  g_signal_connect (f->store, "changed", G_CALLBACK (chain_changed_cb), &changes);
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, "");
  g_assert_false (luoshi_store_can_undo (f->store));
  g_assert_true (luoshi_store_can_redo (f->store));
  assert_undo_label (f, TRUE, "Pair Reports");
  /* The views learn of it as a change of that chain. */
  g_assert_cmpuint (changes.n_chain, ==, 1);
  g_assert_cmpint (changes.last_id, ==, id);

  g_assert_true (luoshi_store_redo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, paired);
  g_assert_cmpuint (changes.n_chain, ==, 2);
  g_assert_cmpint (changes.last_id, ==, id);
  g_signal_handlers_disconnect_by_func (f->store, chain_changed_cb, &changes);

  /* The history is in the file. */
  fixture_reopen (f);
  assert_chains (f, paired);
  g_assert_true (luoshi_store_can_undo (f->store));
  assert_undo_label (f, FALSE, "Pair Reports");
  g_assert_true (luoshi_store_undo (f->store, &error));
  assert_chains (f, "");
  g_assert_false (luoshi_store_can_undo (f->store));

  fixture_reopen (f);
  assert_chains (f, "");
  g_assert_true (luoshi_store_redo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, paired);
  g_assert_false (luoshi_store_redo (f->store, &error));
  g_assert_no_error (error);
}

/* The user's pairing of the app's proposal makes it the user's; undo
 * gives it back to the app. */
static void
test_chain_confirm (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app = NULL;
  g_autofree char *user = NULL;
  gint64 review_file, review, id;

  review = import_review (f, &review_file);
  id = luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP, &error);
  g_assert_no_error (error);
  app = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP);
  user = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER);
  assert_chains (f, app);
  /* The app's proposals are not the user's edits. */
  g_assert_false (luoshi_store_can_undo (f->store));

  g_assert_cmpint (luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER, &error),
                   ==, id);
  assert_chains (f, user);
  assert_undo_label (f, FALSE, "Pair Reports");

  g_assert_true (luoshi_store_undo (f->store, &error));
  assert_chains (f, app);
  g_assert_true (luoshi_store_redo (f->store, &error));
  assert_chains (f, user);
  /* The user's pair survives the app's next proposal. */
  g_assert_true (luoshi_store_clear_app_chains (f->store, &error));
  assert_chains (f, user);
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, app);
}

/* Removing a pair is one step; undo brings it back with its origin. */
static void
test_chain_remove (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app = NULL;
  g_autofree char *user = NULL;
  ChainChanges changes = { 0 };
  gint64 review_file, review, id, user_id;

  review = import_review (f, &review_file);
  id = luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP, &error);
  g_assert_no_error (error);
  app = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP);

  g_assert_true (luoshi_store_remove_chain (f->store, id, &error));
  g_assert_no_error (error);
  assert_chains (f, "");
  assert_undo_label (f, FALSE, "Remove Pair");
  /* A removed pair is gone for the API too. */
  g_assert_false (luoshi_store_remove_chain (f->store, id, &error));
  g_assert_error (error, LUOSHI_STORE_ERROR, LUOSHI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_signal_connect (f->store, "changed", G_CALLBACK (chain_changed_cb), &changes);
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, app);
  g_assert_cmpuint (changes.n_chain, ==, 1);
  g_assert_cmpint (changes.last_id, ==, id);
  g_signal_handlers_disconnect_by_func (f->store, chain_changed_cb, &changes);
  g_assert_true (luoshi_store_redo (f->store, &error));
  assert_chains (f, "");

  fixture_reopen (f);
  assert_undo_label (f, FALSE, "Remove Pair");
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, app);

  /* The user's own pair comes back as the user's. */
  user_id = luoshi_store_add_chain (f->store, review, f->report_id, LUOSHI_CHAIN_ORIGIN_USER, &error);
  g_assert_no_error (error);
  user = chain_string (user_id, review, f->report_id, LUOSHI_CHAIN_ORIGIN_USER);
  g_assert_true (luoshi_store_remove_chain (f->store, user_id, &error));
  assert_chains (f, app);
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  {
    g_autofree char *both = g_strconcat (app, user, NULL);

    assert_chains (f, both);
  }
}

/* The app proposing a pair the user removed leaves it removed; pairing
 * it by hand brings it back. */
static void
test_chain_removal_kept (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app = NULL;
  g_autofree char *user = NULL;
  gint64 review_file, review, id;

  review = import_review (f, &review_file);
  id = luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP, &error);
  g_assert_no_error (error);
  app = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP);
  user = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER);
  g_assert_true (luoshi_store_remove_chain (f->store, id, &error));

  /* What luoshi_track_library() does after an import. */
  g_assert_true (luoshi_store_clear_app_chains (f->store, &error));
  g_assert_cmpint (luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP, &error),
                   ==, id);
  g_assert_no_error (error);
  assert_chains (f, "");
  /* …and it did not touch the removal's step. */
  assert_undo_label (f, FALSE, "Remove Pair");

  g_assert_cmpint (luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER, &error),
                   ==, id);
  assert_chains (f, user);
  assert_undo_label (f, FALSE, "Pair Reports");
  g_assert_true (luoshi_store_undo (f->store, &error));
  assert_chains (f, "");
  g_assert_cmpint (luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP, &error),
                   ==, id);
  assert_chains (f, "");
  g_assert_true (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, app);
  g_assert_false (luoshi_store_can_undo (f->store));
}

/* An undone pairing is absent: the app may propose the pair, and
 * clearing the app's pairs (before a new proposal) drops its redo, as the
 * row is deleted and its id may be reused. */
static void
test_chain_undone_pair (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *app = NULL;
  g_autofree char *user = NULL;
  g_autofree char *other = NULL;
  gint64 review_file, review, id, other_id;

  review = import_review (f, &review_file);
  id = luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER, &error);
  g_assert_no_error (error);
  app = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP);
  user = chain_string (id, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER);
  g_assert_true (luoshi_store_undo (f->store, &error));
  assert_chains (f, "");

  g_assert_cmpint (luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_APP, &error),
                   ==, id);
  assert_chains (f, app);
  g_assert_true (luoshi_store_redo (f->store, &error));
  assert_chains (f, user);
  g_assert_true (luoshi_store_undo (f->store, &error));
  assert_chains (f, "");
  g_assert_true (luoshi_store_can_redo (f->store));

  g_assert_true (luoshi_store_clear_app_chains (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (luoshi_store_can_redo (f->store));
  g_assert_false (luoshi_store_redo (f->store, &error));
  g_assert_no_error (error);
  /* A new pair (maybe with the old id) is not touched by the history. */
  other_id = luoshi_store_add_chain (f->store, review, f->report_id, LUOSHI_CHAIN_ORIGIN_APP, &error);
  g_assert_no_error (error);
  other = chain_string (other_id, review, f->report_id, LUOSHI_CHAIN_ORIGIN_APP);
  assert_chains (f, other);
  g_assert_false (luoshi_store_undo (f->store, &error));
  g_assert_no_error (error);
  assert_chains (f, other);

  /* Removing a report's file drops the history of its pairs. */
  g_assert_cmpint (luoshi_store_add_chain (f->store, f->report_id, review, LUOSHI_CHAIN_ORIGIN_USER, &error),
                   >, 0);
  g_assert_true (luoshi_store_can_undo (f->store));
  g_assert_true (luoshi_store_remove_file (f->store, review_file, &error));
  g_assert_no_error (error);
  assert_chains (f, "");
  g_assert_false (luoshi_store_can_undo (f->store));
}

static void
test_cap (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuoshiStore) store = luoshi_store_new (":memory:", &error);
  gint64 file_id = fixture_import (store);
  gint64 item_id = fixture_item_id (store, file_id, "全县新建幼儿园3所");
  g_autoptr(LuoshiItem) item = NULL;
  guint undone = 0;

  /* The history keeps the last 1000 steps. */
  for (guint i = 1; i <= 1010; i++)
    {
      g_autofree char *note = g_strdup_printf ("第%u稿", i);

      g_assert_true (luoshi_store_set_item_note (store, item_id, note, &error));
    }
  while (luoshi_store_undo (store, &error))
    undone++;
  g_assert_no_error (error);
  g_assert_cmpuint (undone, ==, 1000);
  item = luoshi_store_get_item (store, item_id, &error);
  g_assert_cmpstr (item->note, ==, "第10稿");
}

static void
test_labels (void)
{
  g_assert_cmpstr (luoshi_history_action_label ("item-note"), ==, "Edit Note");
  g_assert_cmpstr (luoshi_history_action_label ("chain-add"), ==, "Pair Reports");
  g_assert_cmpstr (luoshi_history_action_label ("chain-remove"), ==, "Remove Pair");
  g_assert_cmpstr (luoshi_history_action_label ("no-such-action"), ==, "Edit");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    g_test_add (edit_cases[i].path, Fixture, &edit_cases[i],
                fixture_setup, test_edit_case, fixture_teardown);
  g_test_add ("/history/effects", Fixture, NULL, fixture_setup, test_effects, fixture_teardown);
  g_test_add ("/history/order", Fixture, NULL, fixture_setup, test_order, fixture_teardown);
  g_test_add ("/history/noop", Fixture, NULL, fixture_setup, test_noop, fixture_teardown);
  g_test_add ("/history/reimport-prunes", Fixture, NULL, fixture_setup, test_reimport_prunes, fixture_teardown);
  g_test_add ("/history/chain/pair", Fixture, NULL, fixture_setup, test_chain_pair, fixture_teardown);
  g_test_add ("/history/chain/confirm", Fixture, NULL, fixture_setup, test_chain_confirm, fixture_teardown);
  g_test_add ("/history/chain/remove", Fixture, NULL, fixture_setup, test_chain_remove, fixture_teardown);
  g_test_add ("/history/chain/removal-kept", Fixture, NULL, fixture_setup, test_chain_removal_kept, fixture_teardown);
  g_test_add ("/history/chain/undone-pair", Fixture, NULL, fixture_setup, test_chain_undone_pair, fixture_teardown);
  g_test_add_func ("/history/labels", test_labels);
  g_test_add_func ("/history/cap", test_cap);

  return g_test_run ();
}
