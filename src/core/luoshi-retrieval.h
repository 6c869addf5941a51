/* luoshi-retrieval.h: character-bigram BM25 index over sentences
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Chinese reports are searched without a word segmenter: every pair of
 * adjacent Han characters (or Latin letters) is a term, and digits and
 * punctuation break pairs so figures never match by accident. Callers pass
 * simplified text (luoshi_script_simplify) so both scripts match.
 *
 * Bigrams that occur in a large share of the indexed passages (工作, 加强,
 * 推进, 进一步 …) carry no information about which passage answers a goal;
 * they are dropped from queries. Which ones are frequent is computed from
 * document frequency once the index is built, so the list adapts to each
 * review; a few always-generic bigrams are dropped as well. */

typedef struct _LuoshiRetrieval LuoshiRetrieval;

typedef struct
{
  guint  index;  /* passage index, in the order passages were added */
  double score;  /* BM25 score, higher is better */
} LuoshiRetrievalHit;

/* A passage of at least this many indexed passages makes document
 * frequency meaningful; smaller indexes only drop the fixed stop list. */
#define LUOSHI_RETRIEVAL_MIN_PASSAGES_FOR_DF 40

LuoshiRetrieval *luoshi_retrieval_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void             luoshi_retrieval_free         (LuoshiRetrieval *self);

/* Adds one passage (UTF-8, simplified) and returns its index. Passages
 * cannot be added after luoshi_retrieval_build(). */
guint            luoshi_retrieval_add          (LuoshiRetrieval *self,
                                                const char      *text,
                                                gssize           len);

/* Computes the statistics; call once after the last add. */
void             luoshi_retrieval_build        (LuoshiRetrieval *self);

guint            luoshi_retrieval_get_n_passages (LuoshiRetrieval *self);

/* The best @max_hits passages for @query, best first, as a GArray of
 * LuoshiRetrievalHit (never NULL; empty when nothing shares a bigram). */
GArray          *luoshi_retrieval_search       (LuoshiRetrieval *self,
                                                const char      *query,
                                                guint            max_hits) G_GNUC_WARN_UNUSED_RESULT;

/* The BM25 score @query would get against a passage identical to itself,
 * with this index's statistics. Dividing a hit's score by it gives a
 * scale-free relevance (about 1 for a verbatim repetition). */
double           luoshi_retrieval_self_score   (LuoshiRetrieval *self,
                                                const char      *query);

/* BM25 score of @query against an arbitrary @text, with this index's
 * statistics (used to score one clause of a passage). */
double           luoshi_retrieval_score_text   (LuoshiRetrieval *self,
                                                const char      *query,
                                                const char      *text);

/* Whether the bigram starting at @text (two code points) is dropped from
 * queries as too common. */
gboolean         luoshi_retrieval_is_stop_bigram (LuoshiRetrieval *self,
                                                const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiRetrieval, luoshi_retrieval_free)

G_END_DECLS
