/* luoshi-item.c: a goal, achievement or problem found in a report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-item.h"
#include "luoshi-metric.h"

G_DEFINE_BOXED_TYPE (LuoshiItem, luoshi_item, luoshi_item_ref, luoshi_item_unref)

LuoshiItem *
luoshi_item_new (LuoshiItemKind  kind,
                 guint           start,
                 guint           end,
                 const char     *text)
{
  LuoshiItem *self = g_new0 (LuoshiItem, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->start = start;
  self->end = end;
  self->text = g_strdup (text ? text : "");
  self->section_path = g_strdup ("");
  self->metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_metric_unref);
  self->tags = g_new0 (char *, 1);
  self->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_evidence_free);
  self->confidence = 1.0;
  return self;
}

LuoshiItem *
luoshi_item_ref (LuoshiItem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
item_free (LuoshiItem *self)
{
  g_free (self->text);
  g_free (self->section_path);
  g_ptr_array_unref (self->metrics);
  g_free (self->note);
  g_strfreev (self->tags);
  g_free (self->status_reason);
  g_ptr_array_unref (self->evidence);
  g_free (self);
}

void
luoshi_item_unref (LuoshiItem *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    item_free (self);
}

LuoshiItem *
luoshi_item_copy (const LuoshiItem *self)
{
  LuoshiItem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = luoshi_item_new (self->kind, self->start, self->end, self->text);
  copy->id = self->id;
  copy->report_id = self->report_id;
  copy->report_index = self->report_index;
  luoshi_item_set_section_path (copy, self->section_path);
  for (guint i = 0; i < self->metrics->len; i++)
    g_ptr_array_add (copy->metrics, luoshi_metric_ref (g_ptr_array_index (self->metrics, i)));
  copy->confidence = self->confidence;
  copy->user_origin = self->user_origin;
  copy->edited = self->edited;
  copy->key = self->key;
  copy->note = g_strdup (self->note);
  luoshi_item_set_tags (copy, (const char * const *) self->tags);
  copy->status = self->status;
  copy->status_by_user = self->status_by_user;
  copy->status_reason = g_strdup (self->status_reason);
  for (guint i = 0; i < self->evidence->len; i++)
    g_ptr_array_add (copy->evidence, luoshi_evidence_copy (g_ptr_array_index (self->evidence, i)));
  return copy;
}

void
luoshi_item_set_text (LuoshiItem *self,
                      const char *text)
{
  g_return_if_fail (self != NULL);
  g_free (self->text);
  self->text = g_strdup (text ? text : "");
}

void
luoshi_item_set_note (LuoshiItem *self,
                      const char *note)
{
  g_return_if_fail (self != NULL);
  g_free (self->note);
  self->note = (note && *note) ? g_strdup (note) : NULL;
}

void
luoshi_item_set_tags (LuoshiItem         *self,
                      const char * const *tags)
{
  g_return_if_fail (self != NULL);
  g_strfreev (self->tags);
  self->tags = tags ? g_strdupv ((char **) tags) : g_new0 (char *, 1);
}

void
luoshi_item_set_section_path (LuoshiItem *self,
                              const char *path)
{
  g_return_if_fail (self != NULL);
  g_free (self->section_path);
  self->section_path = g_strdup (path ? path : "");
}

void
luoshi_item_set_status_reason (LuoshiItem *self,
                               const char *reason)
{
  g_return_if_fail (self != NULL);
  g_free (self->status_reason);
  self->status_reason = g_strdup (reason);
}

void
luoshi_item_add_evidence (LuoshiItem *self,
                          const char *file,
                          guint       start,
                          guint       end,
                          double      score,
                          const char *text)
{
  LuoshiEvidence *ev;

  g_return_if_fail (self != NULL);

  ev = g_new0 (LuoshiEvidence, 1);
  ev->file = g_strdup (file);
  ev->start = start;
  ev->end = end;
  ev->score = score;
  ev->text = g_strdup (text);
  g_ptr_array_add (self->evidence, ev);
}

LuoshiEvidence *
luoshi_evidence_copy (const LuoshiEvidence *self)
{
  LuoshiEvidence *copy = g_memdup2 (self, sizeof *self);

  copy->file = g_strdup (self->file);
  copy->text = g_strdup (self->text);
  return copy;
}

void
luoshi_evidence_free (LuoshiEvidence *self)
{
  if (self == NULL)
    return;
  g_free (self->file);
  g_free (self->text);
  g_free (self);
}
