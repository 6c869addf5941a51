/* luoshi-track-library.c: tracking runs over the library database
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-track-library.h"

#include "luoshi-chain.h"
#include "luoshi-item.h"
#include "luoshi-track.h"

LuoshiDocument *
luoshi_track_load_report (LuoshiStore  *store,
                          gint64        report_id,
                          guint        *index,
                          gint64       *file_id,
                          GError      **error)
{
  g_autoptr(LuoshiStoreReport) report = NULL;
  LuoshiDocument *doc;

  g_return_val_if_fail (LUOSHI_IS_STORE (store), NULL);

  report = luoshi_store_get_report (store, report_id, error);
  if (report == NULL)
    return NULL;
  doc = luoshi_store_load_document (store, report->file_id, error);
  if (doc == NULL)
    return NULL;
  if (index != NULL)
    *index = report->index;
  if (file_id != NULL)
    *file_id = report->file_id;
  return doc;
}

/* The goals of @report after luoshi_track(), with the review's file id on
 * their evidence so the app can open the review at the quoted span. */
static GPtrArray *
tracked_goals (LuoshiDocument *plan,
               guint           report,
               gint64          review_file_id)
{
  GPtrArray *goals = g_ptr_array_new ();

  for (guint i = 0; i < plan->items->len; i++)
    {
      LuoshiItem *item = g_ptr_array_index (plan->items, i);

      if (item->kind != LUOSHI_ITEM_GOAL || item->report_index != report || item->id == 0)
        continue;
      for (guint e = 0; item->evidence != NULL && e < item->evidence->len; e++)
        {
          LuoshiEvidence *ev = g_ptr_array_index (item->evidence, e);
          if (ev->file_id == 0)
            ev->file_id = review_file_id;
        }
      g_ptr_array_add (goals, item);
    }
  return goals;
}

static gboolean
track_and_store (LuoshiStore              *store,
                 LuoshiDocument           *plan,
                 guint                     plan_index,
                 LuoshiDocument           *review,
                 guint                     review_index,
                 gint64                    review_file_id,
                 const LuoshiVerdictRules *rules,
                 GError                  **error)
{
  g_autoptr(GPtrArray) goals = NULL;

  luoshi_track (plan, plan_index, review, review_index, rules);
  goals = tracked_goals (plan, plan_index, review_file_id);
  if (goals->len == 0)
    return TRUE;
  return luoshi_store_suggest_verdicts (store, goals, error);
}

gboolean
luoshi_track_stored_pair (LuoshiStore              *store,
                          gint64                    plan_report_id,
                          gint64                    review_report_id,
                          const LuoshiVerdictRules *rules,
                          GError                  **error)
{
  g_autoptr(LuoshiDocument) plan = NULL;
  g_autoptr(LuoshiDocument) review = NULL;
  guint plan_index = 0, review_index = 0;
  gint64 plan_file = 0, review_file = 0;

  g_return_val_if_fail (LUOSHI_IS_STORE (store), FALSE);

  plan = luoshi_track_load_report (store, plan_report_id, &plan_index, &plan_file, error);
  if (plan == NULL)
    return FALSE;
  review = luoshi_track_load_report (store, review_report_id, &review_index, &review_file, error);
  if (review == NULL)
    return FALSE;
  return track_and_store (store, plan, plan_index, review, review_index, review_file, rules, error);
}

/* The store id of report @index of the file at @file_index. */
static gint64
report_id_of (GPtrArray *reports_by_file,
              guint      file_index,
              guint      index)
{
  GPtrArray *reports = g_ptr_array_index (reports_by_file, file_index);

  for (guint i = 0; i < reports->len; i++)
    {
      LuoshiStoreReport *report = g_ptr_array_index (reports, i);
      if (report->index == index)
        return report->id;
    }
  return 0;
}

/* The file (index into @reports_by_file) and report index of @report_id. */
static gboolean
find_report (GPtrArray *reports_by_file,
             gint64     report_id,
             guint     *file_index,
             guint     *index)
{
  for (guint f = 0; f < reports_by_file->len; f++)
    {
      GPtrArray *reports = g_ptr_array_index (reports_by_file, f);

      for (guint i = 0; i < reports->len; i++)
        {
          LuoshiStoreReport *report = g_ptr_array_index (reports, i);

          if (report->id == report_id)
            {
              *file_index = f;
              *index = report->index;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static gint
index_of_doc (GPtrArray      *docs,
              LuoshiDocument *doc)
{
  guint index;

  if (!g_ptr_array_find (docs, doc, &index))
    return -1;
  return (gint) index;
}

gboolean
luoshi_track_library (LuoshiStore              *store,
                      const LuoshiVerdictRules *rules,
                      guint                    *n_chains,
                      GError                  **error)
{
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) reports_by_file = NULL;
  g_autoptr(GPtrArray) proposed = NULL;
  g_autoptr(GPtrArray) chains = NULL;

  g_return_val_if_fail (LUOSHI_IS_STORE (store), FALSE);

  files = luoshi_store_list_files (store, error);
  if (files == NULL)
    return FALSE;
  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_document_unref);
  reports_by_file = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < files->len; i++)
    {
      LuoshiStoreFile *file = g_ptr_array_index (files, i);
      LuoshiDocument *doc = luoshi_store_load_document (store, file->id, error);
      GPtrArray *reports;

      if (doc == NULL)
        return FALSE;
      g_ptr_array_add (docs, doc);
      reports = luoshi_store_list_reports (store, file->id, error);
      if (reports == NULL)
        return FALSE;
      g_ptr_array_add (reports_by_file, reports);
    }

  /* The app's earlier proposal may be stale (files were added or removed);
   * the user's own pairs stay. */
  proposed = luoshi_chain_propose (docs);
  if (!luoshi_store_clear_app_chains (store, error))
    return FALSE;
  for (guint i = 0; i < proposed->len; i++)
    {
      LuoshiChain *chain = g_ptr_array_index (proposed, i);
      gint plan_file = index_of_doc (docs, chain->plan_doc);
      gint review_file = index_of_doc (docs, chain->review_doc);
      gint64 plan_id, review_id;

      if (plan_file < 0 || review_file < 0)
        continue;
      plan_id = report_id_of (reports_by_file, plan_file, chain->plan_report);
      review_id = report_id_of (reports_by_file, review_file, chain->review_report);
      if (plan_id == 0 || review_id == 0)
        continue;
      if (luoshi_store_add_chain (store, plan_id, review_id, LUOSHI_CHAIN_ORIGIN_APP, error) == 0)
        return FALSE;
    }

  chains = luoshi_store_list_chains (store, error);
  if (chains == NULL)
    return FALSE;
  for (guint i = 0; i < chains->len; i++)
    {
      LuoshiStoreChain *chain = g_ptr_array_index (chains, i);
      guint plan_file, plan_index, review_file, review_index;

      /* The documents are loaded already; the user's pairs may join
       * reports the proposal did not. */
      if (!find_report (reports_by_file, chain->plan_report_id, &plan_file, &plan_index)
          || !find_report (reports_by_file, chain->review_report_id, &review_file, &review_index))
        continue;
      if (!track_and_store (store, g_ptr_array_index (docs, plan_file), plan_index,
                            g_ptr_array_index (docs, review_file), review_index,
                            ((LuoshiStoreFile *) g_ptr_array_index (files, review_file))->id,
                            rules, error))
        return FALSE;
    }
  if (n_chains != NULL)
    *n_chains = chains->len;
  return TRUE;
}
