/* luoshi-item.h: a goal, achievement or problem found in a report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "luoshi-types.h"

G_BEGIN_DECLS

/* A span of a later report that supports a verdict. */
struct _LuoshiEvidence
{
  char   *file;    /* base name of the file holding the span */
  gint64  file_id; /* store id of that file, 0 when not stored */
  guint   start;   /* code points, end exclusive */
  guint   end;
  double  score;   /* retrieval score, higher is better */
  char   *text;    /* the quoted span */
};

struct _LuoshiItem
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  gint64          id;            /* store row id, 0 before it is stored */
  gint64          report_id;     /* store id of its report, 0 before */
  guint           report_index;  /* index of its report in the document */
  LuoshiItemKind  kind;
  guint           start;         /* code points into the file's text */
  guint           end;           /* exclusive */
  char           *text;
  char           *section_path;  /* outline path, e.g. "二、（三）"; "" at top */
  GPtrArray      *metrics;       /* of LuoshiMetric */
  double          confidence;    /* 0..1, how sure extraction was */

  /* The user's layer; kept across re-imports. */
  gboolean        user_origin;   /* added by the user, not extracted */
  gboolean        edited;        /* text, kind or figures changed by the user */
  gboolean        key;           /* flagged as a key item */
  char           *note;          /* NULL or the user's note */
  GStrv           tags;          /* NULL-terminated, never NULL */

  /* Tracking (goals only). */
  LuoshiStatus    status;
  gboolean        status_by_user; /* decided by the user, not suggested */
  char           *status_reason;  /* why the verdict, for people */
  GPtrArray      *evidence;       /* of LuoshiEvidence, best first */
};

#define LUOSHI_TYPE_ITEM (luoshi_item_get_type ())

GType        luoshi_item_get_type      (void) G_GNUC_CONST;
LuoshiItem  *luoshi_item_new           (LuoshiItemKind  kind,
                                        guint           start,
                                        guint           end,
                                        const char     *text) G_GNUC_WARN_UNUSED_RESULT;
LuoshiItem  *luoshi_item_ref           (LuoshiItem     *self);
void         luoshi_item_unref         (LuoshiItem     *self);
LuoshiItem  *luoshi_item_copy          (const LuoshiItem *self) G_GNUC_WARN_UNUSED_RESULT;
void         luoshi_item_set_text      (LuoshiItem     *self,
                                        const char     *text);
void         luoshi_item_set_note      (LuoshiItem     *self,
                                        const char     *note);
void         luoshi_item_set_tags      (LuoshiItem     *self,
                                        const char * const *tags);
void         luoshi_item_set_section_path (LuoshiItem  *self,
                                        const char     *path);
void         luoshi_item_set_status_reason (LuoshiItem *self,
                                        const char     *reason);
void         luoshi_item_add_evidence  (LuoshiItem     *self,
                                        const char     *file,
                                        guint           start,
                                        guint           end,
                                        double          score,
                                        const char     *text);

LuoshiEvidence *luoshi_evidence_copy   (const LuoshiEvidence *self);
void            luoshi_evidence_free   (LuoshiEvidence       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiItem, luoshi_item_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiEvidence, luoshi_evidence_free)

G_END_DECLS
