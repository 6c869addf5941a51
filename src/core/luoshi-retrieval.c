/* luoshi-retrieval.c: character-bigram BM25 index over sentences
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "luoshi-retrieval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Usual BM25 constants; sentences are short, so length normalisation
 * matters less than in long documents. */
#define BM25_K1 1.2
#define BM25_B  0.75

/* A bigram in more than this share of passages is too common to tell
 * passages apart (工作, 发展, 我们 in a work report). */
#define STOP_DF_SHARE 0.05

/* Generic verbs and adverbs of official prose: frequent in every report,
 * whatever its size, and never what a goal is about. */
static const char * const fixed_stop_bigrams[] = {
  "工作", "加强", "推进", "进一", "一步", "我们", "坚持", "深入", "积极",
  "不断", "大力", "持续", "切实", "着力", "努力", "继续", "开展", "扎实",
  "做好", "进行", "今年", "全年", "年内", "要求", "有关", "相关",
};

typedef struct
{
  guint passage;
  guint tf;
} Posting;

typedef struct
{
  guint term;
  guint tf;
} TermCount;

struct _LuoshiRetrieval
{
  GHashTable *terms;        /* gint64 bigram key → term id + 1 */
  GArray     *term_df;      /* guint per term */
  GArray     *term_stop;    /* gboolean per term */
  GPtrArray  *postings;     /* GArray of Posting per term, after build */
  GPtrArray  *passage_terms;/* GArray of TermCount per passage, until build */
  GArray     *passage_len;  /* guint bigrams per passage */
  double      avg_len;
  gboolean    built;
};

static inline gboolean
is_term_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_type (c) == G_UNICODE_OTHER_LETTER;
}

static inline gint64
bigram_key (gunichar a,
            gunichar b)
{
  return ((gint64) a << 32) | (gint64) b;
}

/* Calls @func for every bigram of @text (len bytes, -1 for NUL-ended). */
typedef void (*BigramFunc) (gint64 key, gpointer data);

static void
foreach_bigram (const char *text,
                gssize      len,
                BigramFunc  func,
                gpointer    data)
{
  const char *p = text;
  const char *end = len < 0 ? NULL : text + len;
  gunichar prev = 0;

  while ((end == NULL || p < end) && *p)
    {
      gunichar c = g_utf8_get_char (p);

      /* ASCII letters are folded so PM and pm match. */
      if (c < 0x80)
        c = (gunichar) g_ascii_toupper ((gchar) c);
      if (is_term_char (c))
        {
          if (prev != 0)
            func (bigram_key (prev, c), data);
          prev = c;
        }
      else
        prev = 0;
      p = g_utf8_next_char (p);
    }
}

LuoshiRetrieval *
luoshi_retrieval_new (void)
{
  LuoshiRetrieval *self = g_new0 (LuoshiRetrieval, 1);

  self->terms = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->term_df = g_array_new (FALSE, TRUE, sizeof (guint));
  self->term_stop = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->postings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->passage_terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->passage_len = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

void
luoshi_retrieval_free (LuoshiRetrieval *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->terms);
  g_array_unref (self->term_df);
  g_array_unref (self->term_stop);
  g_ptr_array_unref (self->postings);
  g_ptr_array_unref (self->passage_terms);
  g_array_unref (self->passage_len);
  g_free (self);
}

static guint
intern_term (LuoshiRetrieval *self,
             gint64           key)
{
  gpointer value = g_hash_table_lookup (self->terms, &key);
  gint64 *stored;
  guint zero = 0;
  gboolean no = FALSE;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  stored = g_new (gint64, 1);
  *stored = key;
  g_hash_table_insert (self->terms, stored, GUINT_TO_POINTER (self->term_df->len + 1));
  g_array_append_val (self->term_df, zero);
  g_array_append_val (self->term_stop, no);
  return self->term_df->len - 1;
}

/* Term id, or -1 when the bigram never occurs in the index. */
static int
lookup_term (LuoshiRetrieval *self,
             gint64           key)
{
  gpointer value = g_hash_table_lookup (self->terms, &key);

  return value ? (int) GPOINTER_TO_UINT (value) - 1 : -1;
}

typedef struct
{
  GArray *keys;
} KeyCollector;

static void
collect_key (gint64   key,
             gpointer data)
{
  KeyCollector *kc = data;

  g_array_append_val (kc->keys, key);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The bigrams of @text, sorted, with repeats (so counting is a scan). */
static GArray *
sorted_bigrams (const char *text,
                gssize      len)
{
  KeyCollector kc = { g_array_new (FALSE, FALSE, sizeof (gint64)) };

  foreach_bigram (text, len, collect_key, &kc);
  g_array_sort (kc.keys, compare_int64);
  return kc.keys;
}

guint
luoshi_retrieval_add (LuoshiRetrieval *self,
                      const char      *text,
                      gssize           len)
{
  g_autoptr(GArray) keys = NULL;
  GArray *counts;
  guint n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->built, 0);
  g_return_val_if_fail (text != NULL, 0);

  keys = sorted_bigrams (text, len);
  counts = g_array_new (FALSE, FALSE, sizeof (TermCount));
  for (guint i = 0; i < keys->len; )
    {
      gint64 key = g_array_index (keys, gint64, i);
      TermCount tc = { intern_term (self, key), 0 };

      while (i < keys->len && g_array_index (keys, gint64, i) == key)
        {
          tc.tf++;
          i++;
        }
      g_array_index (self->term_df, guint, tc.term)++;
      g_array_append_val (counts, tc);
    }
  n = keys->len;
  g_array_append_val (self->passage_len, n);
  g_ptr_array_add (self->passage_terms, counts);
  return self->passage_len->len - 1;
}

void
luoshi_retrieval_build (LuoshiRetrieval *self)
{
  guint n_passages;
  guint64 total = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->built);

  n_passages = self->passage_len->len;
  for (guint t = 0; t < self->term_df->len; t++)
    {
      GArray *list = g_array_sized_new (FALSE, FALSE, sizeof (Posting),
                                        g_array_index (self->term_df, guint, t));
      g_ptr_array_add (self->postings, list);
    }
  for (guint p = 0; p < n_passages; p++)
    {
      GArray *counts = g_ptr_array_index (self->passage_terms, p);

      for (guint i = 0; i < counts->len; i++)
        {
          TermCount *tc = &g_array_index (counts, TermCount, i);
          Posting post = { p, tc->tf };

          g_array_append_val ((GArray *) g_ptr_array_index (self->postings, tc->term), post);
        }
      total += g_array_index (self->passage_len, guint, p);
    }
  g_ptr_array_set_size (self->passage_terms, 0);
  self->avg_len = n_passages ? (double) total / n_passages : 1.0;
  if (self->avg_len < 1.0)
    self->avg_len = 1.0;

  if (n_passages >= LUOSHI_RETRIEVAL_MIN_PASSAGES_FOR_DF)
    for (guint t = 0; t < self->term_df->len; t++)
      if (g_array_index (self->term_df, guint, t) > STOP_DF_SHARE * n_passages)
        g_array_index (self->term_stop, gboolean, t) = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_stop_bigrams); i++)
    {
      const char *s = fixed_stop_bigrams[i];
      gunichar a = g_utf8_get_char (s);
      gunichar b = g_utf8_get_char (g_utf8_next_char (s));
      int t = lookup_term (self, bigram_key (a, b));

      if (t >= 0)
        g_array_index (self->term_stop, gboolean, t) = TRUE;
    }
  self->built = TRUE;
}

guint
luoshi_retrieval_get_n_passages (LuoshiRetrieval *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->passage_len->len;
}

static gboolean
is_fixed_stop (gint64 key)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixed_stop_bigrams); i++)
    {
      const char *s = fixed_stop_bigrams[i];
      gunichar a = g_utf8_get_char (s);
      gunichar b = g_utf8_get_char (g_utf8_next_char (s));

      if (bigram_key (a, b) == key)
        return TRUE;
    }
  return FALSE;
}

static double
idf_of (LuoshiRetrieval *self,
        guint            df)
{
  double n = self->passage_len->len;

  return log (1.0 + (n - df + 0.5) / (df + 0.5));
}

static double
tf_part (LuoshiRetrieval *self,
         guint            tf,
         guint            len)
{
  double norm = BM25_K1 * (1.0 - BM25_B + BM25_B * len / self->avg_len);

  return tf * (BM25_K1 + 1.0) / (tf + norm);
}

/* One query term: its id (-1 when unseen), its count in the query. */
typedef struct
{
  int    term;
  guint  qtf;
  gint64 key;
} QueryTerm;

/* The query's distinct bigrams that are not stop bigrams. */
static GArray *
query_terms (LuoshiRetrieval *self,
             const char      *query,
             guint           *n_bigrams)
{
  g_autoptr(GArray) keys = sorted_bigrams (query, -1);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (QueryTerm));

  *n_bigrams = keys->len;
  for (guint i = 0; i < keys->len; )
    {
      QueryTerm qt = { -1, 0, g_array_index (keys, gint64, i) };

      while (i < keys->len && g_array_index (keys, gint64, i) == qt.key)
        {
          qt.qtf++;
          i++;
        }
      qt.term = lookup_term (self, qt.key);
      if (qt.term >= 0 && g_array_index (self->term_stop, gboolean, qt.term))
        continue;
      if (qt.term < 0 && is_fixed_stop (qt.key))
        continue;
      g_array_append_val (out, qt);
    }
  return out;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const LuoshiRetrievalHit *x = a, *y = b;

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return x->index < y->index ? -1 : x->index > y->index;
}

GArray *
luoshi_retrieval_search (LuoshiRetrieval *self,
                         const char      *query,
                         guint            max_hits)
{
  g_autoptr(GArray) terms = NULL;
  g_autofree double *scores = NULL;
  g_autoptr(GArray) touched = NULL;
  GArray *hits;
  guint n_bigrams;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->built, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = g_array_new (FALSE, FALSE, sizeof (LuoshiRetrievalHit));
  if (self->passage_len->len == 0)
    return hits;

  terms = query_terms (self, query, &n_bigrams);
  scores = g_new0 (double, self->passage_len->len);
  touched = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < terms->len; i++)
    {
      QueryTerm *qt = &g_array_index (terms, QueryTerm, i);
      GArray *list;
      double idf;

      if (qt->term < 0)
        continue;
      list = g_ptr_array_index (self->postings, qt->term);
      idf = idf_of (self, g_array_index (self->term_df, guint, qt->term));
      for (guint j = 0; j < list->len; j++)
        {
          Posting *post = &g_array_index (list, Posting, j);

          if (scores[post->passage] == 0.0)
            g_array_append_val (touched, post->passage);
          scores[post->passage] += idf * tf_part (self, post->tf,
                                                  g_array_index (self->passage_len, guint, post->passage));
        }
    }

  for (guint i = 0; i < touched->len; i++)
    {
      guint p = g_array_index (touched, guint, i);
      LuoshiRetrievalHit hit = { p, scores[p] };

      g_array_append_val (hits, hit);
    }
  g_array_sort (hits, compare_hits);
  if (hits->len > max_hits)
    g_array_set_size (hits, max_hits);
  return hits;
}

double
luoshi_retrieval_score_text (LuoshiRetrieval *self,
                             const char      *query,
                             const char      *text)
{
  g_autoptr(GArray) terms = NULL;
  g_autoptr(GArray) keys = NULL;
  guint n_bigrams;
  double score = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (self->built, 0.0);

  terms = query_terms (self, query, &n_bigrams);
  keys = sorted_bigrams (text, -1);
  for (guint i = 0; i < terms->len; i++)
    {
      QueryTerm *qt = &g_array_index (terms, QueryTerm, i);
      guint tf = 0;
      guint df = qt->term >= 0 ? g_array_index (self->term_df, guint, qt->term) : 0;

      for (guint j = 0; j < keys->len; j++)
        if (g_array_index (keys, gint64, j) == qt->key)
          tf++;
      if (tf > 0)
        score += idf_of (self, df) * tf_part (self, tf, keys->len);
    }
  return score;
}

double
luoshi_retrieval_self_score (LuoshiRetrieval *self,
                             const char      *query)
{
  g_autoptr(GArray) terms = NULL;
  guint n_bigrams;
  double score = 0.0;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (self->built, 0.0);

  terms = query_terms (self, query, &n_bigrams);
  for (guint i = 0; i < terms->len; i++)
    {
      QueryTerm *qt = &g_array_index (terms, QueryTerm, i);
      guint df = qt->term >= 0 ? g_array_index (self->term_df, guint, qt->term) : 0;

      /* A bigram the review never uses counts fully: a goal whose words
       * the review lacks should not look well answered. */
      score += idf_of (self, df) * tf_part (self, qt->qtf, n_bigrams);
    }
  return score;
}

gboolean
luoshi_retrieval_is_stop_bigram (LuoshiRetrieval *self,
                                 const char      *text)
{
  gunichar a, b;
  gint64 key;
  int t;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL && *text, FALSE);

  a = g_utf8_get_char (text);
  b = g_utf8_get_char (g_utf8_next_char (text));
  if (a < 0x80)
    a = (gunichar) g_ascii_toupper ((gchar) a);
  if (b < 0x80)
    b = (gunichar) g_ascii_toupper ((gchar) b);
  key = bigram_key (a, b);
  if (is_fixed_stop (key))
    return TRUE;
  t = lookup_term (self, key);
  return t >= 0 && g_array_index (self->term_stop, gboolean, t);
}
