/* luoshi-verdict.c: was a goal met, judging from what a later review says
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-verdict.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* Text decoded once into code points: offsets are indices. */
typedef struct
{
  gunichar *u;
  guint     n;
} Text;

static void
text_init (Text       *t,
           const char *utf8)
{
  glong n = 0;

  t->u = g_utf8_to_ucs4_fast (utf8 ? utf8 : "", -1, &n);
  t->n = (guint) n;
}

static void
text_clear (Text *t)
{
  g_clear_pointer (&t->u, g_free);
  t->n = 0;
}

/* Whether @word (UTF-8) occurs in @t at code point @pos. */
static gboolean
match_at (const Text *t,
          guint       pos,
          const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p), pos++)
    if (pos >= t->n || t->u[pos] != g_utf8_get_char (p))
      return FALSE;
  return TRUE;
}

/* Whether @word occurs in @t within [lo, hi). */
static gboolean
contains (const Text *t,
          guint       lo,
          guint       hi,
          const char *word)
{
  guint len = (guint) g_utf8_strlen (word, -1);

  for (guint pos = lo; pos + len <= hi && pos + len <= t->n; pos++)
    if (match_at (t, pos, word))
      return TRUE;
  return FALSE;
}

/* Whether one of @words ends right before @pos (allowing @slack code
 * points between). */
static gboolean
word_before (const Text         *t,
             guint               pos,
             guint               slack,
             const char * const *words)
{
  for (guint k = 0; words[k]; k++)
    {
      guint len = (guint) g_utf8_strlen (words[k], -1);

      for (guint gap = 0; gap <= slack; gap++)
        if (pos >= len + gap && match_at (t, pos - len - gap, words[k]))
          return TRUE;
    }
  return FALSE;
}

static gboolean
is_clause_punct (gunichar c)
{
  return c == 0xFF0C /* ， */ || c == ',' || c == 0xFF1B /* ； */ || c == ';'
      || c == 0x3002 /* 。 */ || c == 0xFF01 || c == '!' || c == 0xFF1F || c == '?'
      || c == 0x3001 /* 、 */ || c == 0xFF1A /* ： */ || c == ':' || c == '\n' || c == '\r';
}

/* The clause around code point @pos: [*lo, *hi). */
static void
clause_at (const Text *t,
           guint       pos,
           guint      *lo,
           guint      *hi)
{
  guint a = MIN (pos, t->n), b = MIN (pos, t->n);

  while (a > 0 && !is_clause_punct (t->u[a - 1]))
    a--;
  while (b < t->n && !is_clause_punct (t->u[b]))
    b++;
  *lo = a;
  *hi = b;
}

/* ---------------------------------------------------------------------- */
/* Subjects: which words two figures share                                 */

/* Characters that say nothing about what a figure measures: time words,
 * qualifiers, scale words and common function characters. */
static const char stop_chars[] =
  "今年再要将的和在为等与及了是把对以上内下左右约达到超过不低于控制确保力争取全比"
  "亿万千百元个人名所项同上年较其中并使之已由从至共计累";

static gboolean
is_stop_char (gunichar c)
{
  for (const char *p = stop_chars; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_type (c) == G_UNICODE_OTHER_LETTER;
}

/* Characters and bigrams of [lo, hi) minus [skip_lo, skip_hi). */
typedef struct
{
  GArray *chars;    /* gunichar, distinct */
  GArray *bigrams;  /* guint64, distinct */
} Words;

static void
add_distinct (GArray  *arr,
              guint64  v)
{
  for (guint i = 0; i < arr->len; i++)
    if (g_array_index (arr, guint64, i) == v)
      return;
  g_array_append_val (arr, v);
}

static void
words_init (Words      *w,
            const Text *t,
            guint       lo,
            guint       hi,
            guint       skip_lo,
            guint       skip_hi)
{
  gunichar prev = 0;

  w->chars = g_array_new (FALSE, FALSE, sizeof (guint64));
  w->bigrams = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint i = lo; i < hi && i < t->n; i++)
    {
      gunichar c = t->u[i];

      if (i >= skip_lo && i < skip_hi)
        {
          prev = 0;
          continue;
        }
      if (!is_word_char (c))
        {
          prev = 0;
          continue;
        }
      if (!is_stop_char (c))
        add_distinct (w->chars, c);
      if (prev != 0 && !(is_stop_char (prev) && is_stop_char (c)))
        add_distinct (w->bigrams, ((guint64) prev << 32) | c);
      prev = c;
    }
}

static void
words_clear (Words *w)
{
  g_clear_pointer (&w->chars, g_array_unref);
  g_clear_pointer (&w->bigrams, g_array_unref);
}

static double
containment (GArray *of,
             GArray *in)
{
  guint shared = 0;

  if (of->len == 0)
    return 0.0;
  for (guint i = 0; i < of->len; i++)
    for (guint j = 0; j < in->len; j++)
      if (g_array_index (of, guint64, i) == g_array_index (in, guint64, j))
        {
          shared++;
          break;
        }
  return (double) shared / of->len;
}

/* How much of the goal's subject words @g the outcome words @o hold:
 * half shared bigrams, half shared characters, so word order (近1400万农业
 * 转移人口在城镇落户 against 进城落户1300万人) matters less than content. */
static double
subject_match (const Words *g,
               const Words *o)
{
  return 0.5 * containment (g->bigrams, o->bigrams) + 0.5 * containment (g->chars, o->chars);
}

/* Characters of change verbs, which say how a figure moved, not what it
 * measures. */
static const char change_chars[] = "增长降低提高减少下上涨升幅速";

static gboolean
is_change_char (gunichar c)
{
  for (const char *p = change_chars; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}

/* Whether the clause [lo, hi) names what its figure [fs, fe) measures,
 * rather than only how it changed (增长8.1%). */
static gboolean
has_own_subject (const Text *t,
                 guint       lo,
                 guint       hi,
                 guint       fs,
                 guint       fe)
{
  guint n = 0;

  for (guint i = lo; i < hi && i < t->n; i++)
    if ((i < fs || i >= fe) && is_word_char (t->u[i]) && !is_stop_char (t->u[i])
        && !is_change_char (t->u[i]))
      n++;
  return n >= 2;
}

/* The last two characters of what a figure measures, without the change
 * word (居民消费价格涨幅 → 价格): a figure of another thing lacks them. */
static char *
subject_head (const char *subject,
              glong       n)
{
  static const char * const tails[] = { "涨幅", "增幅", "降幅", "增速", "增长", "下降", "降低", "提高", "增加", "减少", NULL };
  g_autofree char *s = g_strdup (subject ? subject : "");
  glong len;

  for (guint k = 0; tails[k]; k++)
    if (g_str_has_suffix (s, tails[k]) && strlen (s) > strlen (tails[k]))
      s[strlen (s) - strlen (tails[k])] = '\0';
  len = g_utf8_strlen (s, -1);
  if (len < n)
    return NULL;
  return g_utf8_substring (s, len - n, len);
}

/* Words of the clause around a figure [fs, fe); when the clause holds
 * hardly any words of its own (增长8.1%), the previous clause names the
 * subject (国内生产总值达到114万亿元，增长8.1%). */
static void
figure_words (const Text *t,
              guint       fs,
              guint       fe,
              gboolean    with_previous,
              Words      *w,
              guint      *clause_lo,
              guint      *clause_hi)
{
  guint lo, hi;

  clause_at (t, fs, &lo, &hi);
  if (with_previous && lo > 1)
    {
      guint plo, phi;

      clause_at (t, lo - 1, &plo, &phi);
      lo = plo;
    }
  words_init (w, t, lo, hi, fs, fe);
  *clause_lo = lo;
  *clause_hi = hi;
}

/* ---------------------------------------------------------------------- */
/* Indicators, blanket statements, several years                           */

static const char * const ceiling_words[] = {
  "价格", "物价", "CPI", "赤字", "失业率", "杠杆率", "负债率", "债务率", "发生率", "死亡率",
  "事故", "辍学率", "流失率", "近视率", "肥胖率", "犯罪率", "超标", "欠薪", "能耗", NULL
};

gboolean
luoshi_verdict_is_ceiling_subject (const char *clause)
{
  g_return_val_if_fail (clause != NULL, FALSE);

  for (guint k = 0; ceiling_words[k]; k++)
    if (strstr (clause, ceiling_words[k]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
luoshi_verdict_is_blanket (const char *sentence)
{
  static const char * const scope[] = { "主要目标", "目标任务", "各项目标", "各项任务", NULL };
  static const char * const fully[] = { "全面完成", "圆满完成", "全面实现", "超额完成", "全部完成", NULL };
  gboolean has_scope = FALSE, has_fully = FALSE;

  g_return_val_if_fail (sentence != NULL, FALSE);

  /* 未能全面完成 or 没有全面完成 is the opposite */
  if (strstr (sentence, "未") != NULL || strstr (sentence, "没有") != NULL)
    return FALSE;
  for (guint k = 0; scope[k]; k++)
    has_scope |= strstr (sentence, scope[k]) != NULL;
  for (guint k = 0; fully[k]; k++)
    has_fully |= strstr (sentence, fully[k]) != NULL;
  return has_scope && has_fully;
}

gboolean
luoshi_verdict_is_multi_year (const char *text)
{
  /* 多年来 is left out: 失业率为多年来最低 compares, it does not sum. */
  static const char * const words[] = {
    "五年来", "过去五年", "三年来", "几年来", "两年来", "十年来", "五年间",
    "累计", "年均", "以来的五年", "十三五期间", "十二五期间", "十四五期间", NULL
  };

  g_return_val_if_fail (text != NULL, FALSE);

  for (guint k = 0; words[k]; k++)
    if (strstr (text, words[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Comparing figures                                                       */

void
luoshi_verdict_rules_init_default (LuoshiVerdictRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->about_rate_points = 0.5;
  rules->about_amount_share = 0.05;
  rules->partly_rate_ratio = 0.9;
  rules->partly_amount_ratio = 0.75;
  rules->min_relevance = 0.3;
  rules->strong_relevance = 0.5;
  rules->min_subject_match = 0.4;
  rules->stretch_needs_stretch_figure = FALSE;
}

static const char * const bare_scales[] = { "万亿", "千万", "百万", "万", "亿", "千", "百", NULL };

static gboolean
is_bare_scale (const char *unit)
{
  for (guint k = 0; bare_scales[k]; k++)
    if (strcmp (unit, bare_scales[k]) == 0)
      return TRUE;
  return FALSE;
}

/* luoshi_metric_comparable, also accepting a bare scale (农村贫困人口减少
 * 1386万) against the same scale with a unit (1000万人). */
static gboolean
comparable (const LuoshiMetric *target,
            const LuoshiMetric *actual,
            double             *tv,
            double             *av)
{
  if (luoshi_metric_comparable (target, actual, tv, av))
    return TRUE;
  if (is_bare_scale (actual->unit) && g_str_has_prefix (target->unit, actual->unit))
    {
      *tv = target->value;
      *av = actual->value;
      return target->known && actual->known;
    }
  if (is_bare_scale (target->unit) && g_str_has_prefix (actual->unit, target->unit))
    {
      *tv = target->value;
      *av = actual->value;
      return target->known && actual->known;
    }
  return FALSE;
}

/* Comparisons with a relative epsilon: 1.35万亿 − 5500亿 is 8000亿 even
 * after scaling through floating point. */
static gboolean
at_least (double a,
          double b)
{
  return a >= b - 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static gboolean
at_most (double a,
         double b)
{
  return at_least (b, a);
}

/* Short of a floor: partly when close enough, else not met. */
static LuoshiStatus
short_of (double   actual,
          double   target,
          gboolean rate,
          const LuoshiVerdictRules *rules)
{
  double share = rate ? rules->partly_rate_ratio : rules->partly_amount_ratio;

  if (target > 0 && actual >= share * target)
    return LUOSHI_STATUS_PARTLY;
  return LUOSHI_STATUS_NOT_MET;
}

/* Over a ceiling: partly when close enough (the ratio inverted). */
static LuoshiStatus
over (double   actual,
      double   target,
      gboolean rate,
      const LuoshiVerdictRules *rules)
{
  double share = rate ? rules->partly_rate_ratio : rules->partly_amount_ratio;

  if (actual > 0 && target >= share * actual)
    return LUOSHI_STATUS_PARTLY;
  return LUOSHI_STATUS_NOT_MET;
}

LuoshiStatus
luoshi_verdict_compare (const LuoshiMetric       *target,
                        const LuoshiMetric       *actual,
                        gboolean                  ceiling,
                        const LuoshiVerdictRules *rules,
                        char                    **reason)
{
  LuoshiVerdictRules defaults;
  LuoshiStatus status;
  const char *rule;
  double tv, av, tmax, tol;
  gboolean rate;
  g_autofree char *target_text = NULL;

  g_return_val_if_fail (target != NULL, LUOSHI_STATUS_NO_EVIDENCE);
  g_return_val_if_fail (actual != NULL, LUOSHI_STATUS_NO_EVIDENCE);

  if (rules == NULL)
    {
      luoshi_verdict_rules_init_default (&defaults);
      rules = &defaults;
    }
  if (!comparable (target, actual, &tv, &av))
    return LUOSHI_STATUS_NO_EVIDENCE;

  tmax = target->value != 0 ? tv * (target->value_max / target->value) : tv;
  rate = luoshi_metric_is_rate (target);

  /* A change the wrong way (能耗上升 against 下降3%) counts as negative. */
  if ((target->direction == LUOSHI_DIRECTION_DECREASE && actual->direction == LUOSHI_DIRECTION_INCREASE)
      || (target->direction == LUOSHI_DIRECTION_INCREASE && actual->direction == LUOSHI_DIRECTION_DECREASE))
    av = -av;
  /* A reduction target is a floor on the reduction, whatever is reduced. */
  if (target->direction == LUOSHI_DIRECTION_DECREASE)
    ceiling = FALSE;

  tol = rate ? rules->about_rate_points : rules->about_amount_share * fabs (tv);
  if (target->commitment == LUOSHI_COMMITMENT_GUARANTEED)
    tol = 0;

  switch (target->qualifier)
    {
    case LUOSHI_QUALIFIER_AT_LEAST:
      rule = _("at least: met when reached");
      status = at_least (av, tv) ? LUOSHI_STATUS_MET : short_of (av, tv, rate, rules);
      break;
    case LUOSHI_QUALIFIER_AT_MOST:
      rule = _("at most: met when not exceeded");
      status = at_most (av, tv) ? LUOSHI_STATUS_MET : over (av, tv, rate, rules);
      break;
    case LUOSHI_QUALIFIER_ABOUT:
      if (ceiling)
        {
          rule = _("about, for an indicator better lower: met at or below the target plus tolerance");
          status = at_most (av, tv + tol) ? LUOSHI_STATUS_MET : over (av, tv + tol, rate, rules);
        }
      else
        {
          rule = _("about: met within the tolerance or above");
          status = at_least (av, tv - tol) ? LUOSHI_STATUS_MET : short_of (av, tv - tol, rate, rules);
        }
      break;
    case LUOSHI_QUALIFIER_RANGE:
      if (ceiling)
        {
          rule = _("range of an indicator better lower: met at or below the upper bound");
          status = at_most (av, tmax) ? LUOSHI_STATUS_MET : over (av, tmax, rate, rules);
        }
      else
        {
          rule = _("range: met at the lower bound");
          status = at_least (av, tv) ? LUOSHI_STATUS_MET : short_of (av, tv, rate, rules);
        }
      break;
    case LUOSHI_QUALIFIER_EXACT:
    default:
      if (ceiling)
        {
          rule = _("indicator better lower: met when not exceeded");
          status = at_most (av, tv) ? LUOSHI_STATUS_MET : over (av, tv, rate, rules);
        }
      else if (target->direction == LUOSHI_DIRECTION_DECREASE)
        {
          rule = _("reduction: met when the reduction reaches the target");
          status = at_least (av, tv) ? LUOSHI_STATUS_MET : short_of (av, tv, rate, rules);
        }
      else
        {
          rule = _("stated figure: met when reached");
          status = at_least (av, tv) ? LUOSHI_STATUS_MET : short_of (av, tv, rate, rules);
        }
      break;
    }

  if (reason != NULL)
    {
      target_text = luoshi_metric_format (target);
      /* TRANSLATORS: "Met: outcome 96%, target ≥ 95% (at least: met when reached)" */
      *reason = g_strdup_printf (_("%s: outcome %s, target %s (%s)"),
                                 luoshi_status_get_label (status), actual->text, target_text, rule);
    }
  return status;
}

/* ---------------------------------------------------------------------- */
/* Which figures count                                                     */

/* Whether @pos lies inside a quoted name (“两个只增不减”, 《十四五规划》,
 * "1+X"): a figure there names something, it does not count it. */
static gboolean
inside_quotes (const Text *t,
               guint       pos)
{
  int curly = 0, book = 0, ascii = 0;

  for (guint i = 0; i < pos && i < t->n; i++)
    switch (t->u[i])
      {
      case 0x201C: curly++; break;             /* “ */
      case 0x201D: curly = MAX (curly - 1, 0); break;
      case 0x300A: book++; break;              /* 《 */
      case 0x300B: book = MAX (book - 1, 0); break;
      case '"': ascii = !ascii; break;
      default: break;
      }
  return curly > 0 || book > 0 || ascii;
}

/* Whether the figure [start, end) of @t can be a target or an outcome:
 * a base it starts from (由420元), an average over years (年均) or part of
 * a name (PM2.5) is neither. */
static gboolean
usable_figure (const Text         *t,
               const LuoshiMetric *m)
{
  static const char * const base_words[] = { "由", "从", NULL };
  static const char * const average_words[] = { "年均", "平均每年", NULL };
  static const char * const ordinal_words[] = { "第", NULL };

  if (!m->known || m->unit == NULL || m->unit[0] == '\0')
    return FALSE;
  if (g_str_has_prefix (m->unit, "年") || g_str_has_prefix (m->unit, "月")
      || g_str_has_prefix (m->unit, "日") || g_str_has_prefix (m->unit, "届"))
    return FALSE;
  if (m->start > 0 && m->start <= t->n && t->u[m->start - 1] < 0x80
      && g_ascii_isalpha (t->u[m->start - 1]))
    return FALSE;
  if (word_before (t, m->start, 0, base_words) || word_before (t, m->start, 0, ordinal_words))
    return FALSE;
  if (inside_quotes (t, m->start))
    return FALSE;
  if (word_before (t, m->start, 3, average_words))
    return FALSE;
  return TRUE;
}

/* In a passage about several years, only a level reached (提高到450元,
 * 达到95%) says where the last year ended; totals do not. */
static gboolean
is_level_reached (const Text         *t,
                  const LuoshiMetric *m)
{
  static const char * const level_words[] = { "到", "至", "为", "达", "在", NULL };

  return word_before (t, m->start, 1, level_words);
}

/* @sign when one of @words, preceded by 比去年/比上年/较上年, ends at @pos;
 * 0 otherwise. 比去年预算高 does not match: a budget is not an outturn. */
static double
comparison_sign (const Text         *t,
                 guint               pos,
                 const char * const *words,
                 double              sign)
{
  static const char * const than_last_year[] = { "比去年", "比上年", "较上年", "较去年", NULL };

  for (guint k = 0; words[k]; k++)
    {
      guint len = (guint) g_utf8_strlen (words[k], -1);

      if (pos < len + 3 || !match_at (t, pos - len, words[k]))
        continue;
      for (guint j = 0; than_last_year[j]; j++)
        if (match_at (t, pos - len - 3, than_last_year[j]))
          return sign;
    }
  return 0;
}

/* In the later report's plan, 比去年增加5500亿元 after 今年安排1.35万亿元
 * fixes last year's amount. Returns a new metric with that amount, or
 * NULL when @m is not such a comparison. */
static LuoshiMetric *
implied_previous (const Text *t,
                  GPtrArray  *metrics,
                  guint       index)
{
  static const char * const more_words[] = { "增加", "多", "提高", "增长", NULL };
  static const char * const less_words[] = { "减少", "少", "降低", "下降", NULL };
  LuoshiMetric *m = g_ptr_array_index (metrics, index);
  LuoshiMetric *out;
  double sign, yv = 0, mv = 0;
  int base = -1;

  sign = comparison_sign (t, m->start, more_words, -1);
  if (sign == 0)
    sign = comparison_sign (t, m->start, less_words, 1);
  if (sign == 0)
    return NULL;

  /* The current amount is the nearest comparable figure before it. */
  for (guint j = index; j-- > 0;)
    {
      LuoshiMetric *y = g_ptr_array_index (metrics, j);

      if (y->known && luoshi_metric_comparable (y, m, &yv, &mv))
        {
          base = (int) j;
          break;
        }
    }
  if (base < 0 || yv == 0)
    return NULL;

  {
    LuoshiMetric *y = g_ptr_array_index (metrics, base);
    double prev = yv + sign * mv;

    out = luoshi_metric_new ();
    g_free (out->unit);
    out->unit = g_strdup (y->unit);
    out->value = out->value_max = prev * (y->value / yv);
    g_free (out->text);
    out->text = g_strdup_printf ("%s − %s", y->text, m->text);
    if (sign > 0)
      {
        g_free (out->text);
        out->text = g_strdup_printf ("%s + %s", y->text, m->text);
      }
    out->start = m->start;
    out->end = m->end;
    out->qualifier = LUOSHI_QUALIFIER_EXACT;
    out->direction = LUOSHI_DIRECTION_LEVEL;
  }
  return out;
}

/* ---------------------------------------------------------------------- */
/* Words that say how the work went                                        */

static const char * const not_met_cues[] = {
  "未完成", "未能", "尚未", "未达到", "未实现", "未如期", "没有完成", "没有达到",
  "滞后", "差距较大", "不到位", "进展缓慢", "推进缓慢", "未启动", "未开工", "仍然存在",
  "依然存在", "仍未", NULL
};
static const char * const in_progress_cues[] = {
  "正在", "启动", "稳步推进", "有序推进", "加快推进", "初步", "试点", "在建",
  "筹建", "推进中", "进行中", "逐步", "部分完成", "已开工", NULL
};
static const char * const met_cues[] = {
  "全面完成", "圆满完成", "超额完成", "完成", "建成", "实现", "出台", "印发", "制定",
  "设立", "确定", "成立", "上调", "提高", "提升", "增长", "改善", "下降", "降低",
  "减少", "通过", "获评", "达到", "纳入", "落实", "开通", "投入使用", "竣工", "巩固",
  "取消", "覆盖", "创建", "组建", "举办", "召开", "颁布", "发布", "建立", "推广",
  "增加", "扩大", "突破", "全部", NULL
};

/* The first cue of @cues in [lo, hi) of @t that the goal does not use
 * itself, or NULL. */
static const char *
find_cue (const Text         *t,
          guint               lo,
          guint               hi,
          const Text         *goal,
          const char * const *cues)
{
  for (guint k = 0; cues[k]; k++)
    if (contains (t, lo, hi, cues[k]) && !contains (goal, 0, goal->n, cues[k]))
      return cues[k];
  return NULL;
}

/* Status from the words of [lo, hi), UNRATED when none speaks. */
static LuoshiStatus
status_from_cues (const Text  *t,
                  guint        lo,
                  guint        hi,
                  const Text  *goal,
                  const char **cue)
{
  if ((*cue = find_cue (t, lo, hi, goal, not_met_cues)))
    return LUOSHI_STATUS_NOT_MET;
  if ((*cue = find_cue (t, lo, hi, goal, in_progress_cues)))
    return LUOSHI_STATUS_IN_PROGRESS;
  if ((*cue = find_cue (t, lo, hi, goal, met_cues)))
    return LUOSHI_STATUS_MET;
  return LUOSHI_STATUS_UNRATED;
}

/* Whether the clause after @end of @t says more of the same unit is
 * under way: 新建幼儿园1所，另1所正在建设中. */
static gboolean
rest_under_way (const Text         *t,
                guint               end,
                const Text         *goal,
                const LuoshiMetric *target)
{
  guint lo = end, hi;

  while (lo < t->n && !is_clause_punct (t->u[lo]))
    lo++;
  if (lo >= t->n || t->u[lo] == 0x3002)
    return FALSE;
  lo++;
  for (hi = lo; hi < t->n && !is_clause_punct (t->u[hi]); hi++)
    ;
  return target->unit != NULL && *target->unit != '\0' &&
         contains (t, lo, hi, target->unit) &&
         find_cue (t, lo, hi, goal, in_progress_cues) != NULL;
}

/* The clause of @t sharing most words with the goal. */
static void
best_clause (const Text  *t,
             const Words *goal_words,
             guint       *lo,
             guint       *hi)
{
  double best = -1;

  *lo = 0;
  *hi = t->n;
  for (guint pos = 0; pos < t->n; )
    {
      guint a, b;
      Words w;
      double s;

      clause_at (t, pos, &a, &b);
      words_init (&w, t, a, b, 0, 0);
      s = subject_match (goal_words, &w);
      words_clear (&w);
      if (s > best)
        {
          best = s;
          *lo = a;
          *hi = b;
        }
      pos = b + 1;
    }
}

/* ---------------------------------------------------------------------- */
/* Judging                                                                  */

void
luoshi_verdict_free (LuoshiVerdict *verdict)
{
  if (verdict == NULL)
    return;
  g_free (verdict->reason);
  g_free (verdict);
}

static LuoshiVerdict *
verdict_new (LuoshiStatus status,
             char        *reason,
             int          outcome,
             guint        start,
             guint        end)
{
  LuoshiVerdict *v = g_new0 (LuoshiVerdict, 1);

  v->status = status;
  v->reason = reason;
  v->outcome = outcome;
  v->start = start;
  v->end = end;
  return v;
}

typedef struct
{
  const LuoshiOutcome *outcome;
  Text                 text;
  GPtrArray           *metrics;   /* owned */
} Candidate;

static void
candidates_clear (Candidate *c,
                  guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      text_clear (&c[i].text);
      g_clear_pointer (&c[i].metrics, g_ptr_array_unref);
    }
  g_free (c);
}

/* One figure of the goal against the candidates. */
typedef struct
{
  LuoshiStatus status;
  char        *reason;
  int          outcome;
  guint        start, end;
} FigureResult;

/* A ceiling (赤字率3.2%左右) whose indicator the review says fell, with no
 * figure (财政赤字率和宏观杠杆率下降): the level stayed under the plan's. */
static gboolean
ceiling_reported_falling (const char               *goal_clause,
                          Candidate                *cands,
                          guint                     n_cands,
                          const LuoshiVerdictRules *rules,
                          FigureResult             *res)
{
  static const char * const falls[] = { "下降", "降低", "回落", "下调", NULL };
  const char *word = NULL;

  for (guint k = 0; ceiling_words[k] && word == NULL; k++)
    if (strstr (goal_clause, ceiling_words[k]))
      word = ceiling_words[k];
  if (word == NULL)
    return FALSE;

  for (guint i = 0; i < n_cands; i++)
    {
      Candidate *c = &cands[i];
      const LuoshiOutcome *o = c->outcome;

      if (o->next_plan || o->multi_year || o->relevance < rules->min_relevance / 6)
        continue;
      for (guint pos = 0; pos < c->text.n; )
        {
          guint lo, hi;

          clause_at (&c->text, pos, &lo, &hi);
          if (contains (&c->text, lo, hi, word) && !contains (&c->text, lo, hi, "预算"))
            for (guint k = 0; falls[k]; k++)
              if (contains (&c->text, lo, hi, falls[k]))
                {
                  res->status = LUOSHI_STATUS_MET;
                  res->reason = g_strdup_printf (_("Met: the review reports that %s fell, and the target was a ceiling"), word);
                  res->outcome = (int) i;
                  res->start = lo;
                  res->end = hi;
                  return TRUE;
                }
          pos = hi + 1;
        }
    }
  return FALSE;
}

static void
judge_figure (const Text               *goal,
              const LuoshiMetric       *target,
              const LuoshiMetric       *base,
              Candidate                *cands,
              guint                     n_cands,
              const LuoshiVerdictRules *rules,
              FigureResult             *res)
{
  Words gw;
  guint glo, ghi;
  g_autofree char *clause = NULL;
  gboolean ceiling;
  double best_key = -1;
  LuoshiMetric *best = NULL;
  int best_i = -1;
  guint best_lo = 0, best_hi = 0;
  g_autofree char *head = NULL;
  g_autofree char *head4 = NULL;

  head = subject_head (target->subject, 2);
  head4 = subject_head (target->subject, 4);
  figure_words (goal, target->start, target->end, FALSE, &gw, &glo, &ghi);
  if (!has_own_subject (goal, glo, ghi, target->start, target->end))
    {
      words_clear (&gw);
      figure_words (goal, target->start, target->end, TRUE, &gw, &glo, &ghi);
    }
  clause = g_ucs4_to_utf8 (goal->u + glo, ghi - glo, NULL, NULL, NULL);
  ceiling = luoshi_verdict_is_ceiling_subject (clause ? clause : "");

  for (guint i = 0; i < n_cands; i++)
    {
      Candidate *c = &cands[i];
      const LuoshiOutcome *o = c->outcome;

      /* A figure clause can sit in a long sentence of figures that scores
       * low as a whole; the subject test below keeps this precise. */
      if (o->relevance < rules->min_relevance / 6)
        continue;
      for (guint j = 0; j < c->metrics->len; j++)
        {
          LuoshiMetric *m = g_ptr_array_index (c->metrics, j);
          g_autoptr(LuoshiMetric) implied = NULL;
          LuoshiMetric *actual = m;
          double tv, av, sim, key, bonus;
          Words w1, w2;
          guint lo1, hi1, lo2, hi2;

          if (o->next_plan)
            {
              implied = implied_previous (&c->text, c->metrics, j);
              if (implied == NULL)
                continue;
              actual = implied;
            }
          else
            {
              if (!usable_figure (&c->text, m))
                continue;
              if (o->multi_year && !is_level_reached (&c->text, m))
                continue;
            }
          if (!comparable (target, actual, &tv, &av))
            continue;

          figure_words (&c->text, m->start, m->end, FALSE, &w1, &lo1, &hi1);
          figure_words (&c->text, m->start, m->end, TRUE, &w2, &lo2, &hi2);
          sim = subject_match (&gw, &w1);
          if (!has_own_subject (&c->text, lo1, hi1, m->start, m->end))
            sim = MAX (sim, 0.85 * subject_match (&gw, &w2));
          if (head != NULL && !contains (&c->text, lo2, hi2, head)
              && !(o->next_plan && contains (&c->text, 0, m->start, head)))
            sim *= 0.5;
          /* the longer name (农村公路, not just 公路) picks among figures */
          if (head4 != NULL && (contains (&c->text, lo2, hi2, head4)
                                || (o->next_plan && contains (&c->text, 0, m->start, head4))))
            bonus = 0.2;
          else
            bonus = 0;
          if (o->next_plan)
            {
              /* the subject is said before the current amount */
              Words w3;

              words_init (&w3, &c->text, 0, m->start, 0, 0);
              sim = MAX (sim, 0.85 * subject_match (&gw, &w3));
              words_clear (&w3);
              lo1 = 0;
            }
          words_clear (&w1);
          words_clear (&w2);
          if (sim < rules->min_subject_match)
            continue;
          key = sim + bonus + 0.3 * MIN (o->relevance, 1.0);
          if (key > best_key)
            {
              best_key = key;
              g_clear_pointer (&best, luoshi_metric_unref);
              best = luoshi_metric_ref (actual);
              best_i = (int) i;
              best_lo = lo1;
              best_hi = hi1;
            }
        }
    }
  words_clear (&gw);

  res->outcome = best_i;
  res->start = best_lo;
  res->end = best_hi;
  if (best == NULL && ceiling && target->direction != LUOSHI_DIRECTION_DECREASE
      && ceiling_reported_falling (clause ? clause : "", cands, n_cands, rules, res))
    return;
  if (best == NULL)
    {
      res->status = LUOSHI_STATUS_NO_EVIDENCE;
      res->reason = NULL;
      return;
    }
  res->status = luoshi_verdict_compare (target, best, ceiling, rules, &res->reason);
  /* 确保7%，力争8% read strictly: short of 力争 but at the base is partly */
  if (base != NULL && res->status != LUOSHI_STATUS_MET
      && luoshi_verdict_compare (base, best, ceiling, rules, NULL) == LUOSHI_STATUS_MET)
    {
      g_free (res->reason);
      res->status = LUOSHI_STATUS_PARTLY;
      res->reason = g_strdup_printf (_("Partly met: outcome %s reaches the base figure %s but not the stretch figure %s"),
                                     best->text, base->text, target->text);
    }
  luoshi_metric_unref (best);
}

/* The goal's figures that are targets; with both a base and a 力争 figure
 * of one kind, the rules say which one decides. */
static GPtrArray *
target_figures (const Text               *goal,
                GPtrArray                *metrics,
                const LuoshiVerdictRules *rules,
                GPtrArray                *bases)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < metrics->len; i++)
    {
      LuoshiMetric *m = g_ptr_array_index (metrics, i);
      LuoshiMetric *partner = NULL;
      double a, b;

      if (!usable_figure (goal, m))
        continue;
      /* 1.35万亿元，比去年增加5500亿元: the comparison restates the amount */
      {
        g_autoptr(LuoshiMetric) restated = implied_previous (goal, metrics, i);

        if (restated != NULL)
          continue;
      }
      for (guint j = 0; j < metrics->len && partner == NULL; j++)
        {
          LuoshiMetric *o = g_ptr_array_index (metrics, j);

          if (o != m && usable_figure (goal, o) && o->commitment != m->commitment
              && (o->commitment == LUOSHI_COMMITMENT_STRETCH || m->commitment == LUOSHI_COMMITMENT_STRETCH)
              && luoshi_metric_comparable (m, o, &a, &b))
            partner = o;
        }
      if (partner == NULL)
        {
          g_ptr_array_add (out, m);
          g_ptr_array_add (bases, NULL);
          continue;
        }
      if (rules->stretch_needs_stretch_figure)
        {
          if (m->commitment == LUOSHI_COMMITMENT_STRETCH)
            {
              g_ptr_array_add (out, m);
              g_ptr_array_add (bases, partner);
            }
        }
      else if (m->commitment != LUOSHI_COMMITMENT_STRETCH)
        {
          g_ptr_array_add (out, m);
          g_ptr_array_add (bases, NULL);
        }
    }
  return out;
}

static LuoshiVerdict *
judge_by_blanket_or_nothing (gboolean                  main_target,
                             const char               *blanket,
                             double                    best_relevance,
                             const LuoshiVerdictRules *rules)
{
  if (main_target && blanket != NULL)
    return verdict_new (LUOSHI_STATUS_MET,
                        g_strdup (_("Met: the review states that the main targets were fully met, and gives no figure of its own for this one")),
                        -1, 0, 0);
  return verdict_new (LUOSHI_STATUS_NO_EVIDENCE,
                      g_strdup_printf (_("No evidence: no passage of the review reports a result for this goal (best match %.0f%% of the goal’s own score, %.0f%% needed)"),
                                       100 * best_relevance, 100 * rules->min_relevance),
                      -1, 0, 0);
}

/* A qualitative goal asking for a change (居民收入稳步增长, 进出口回稳向好)
 * is met by a figure of the same subject moving that way (居民人均可支配
 * 收入实际增长8.1%). */
static LuoshiVerdict *
judge_by_direction (const Text               *goal,
                    Candidate                *cands,
                    guint                     n_cands,
                    const LuoshiVerdictRules *rules)
{
  static const char * const up[] = { "增长", "提高", "增加", "提升", "扩大", "改善", "向好", "上调", NULL };
  static const char * const down[] = { "下降", "降低", "减少", "压减", NULL };
  LuoshiDirection dir = LUOSHI_DIRECTION_LEVEL;
  guint pos = 0, lo, hi;
  Words gw;
  LuoshiVerdict *verdict = NULL;

  for (guint i = 0; i < goal->n && dir == LUOSHI_DIRECTION_LEVEL; i++)
    {
      for (guint k = 0; up[k] && dir == LUOSHI_DIRECTION_LEVEL; k++)
        if (match_at (goal, i, up[k]))
          dir = LUOSHI_DIRECTION_INCREASE, pos = i;
      for (guint k = 0; down[k] && dir == LUOSHI_DIRECTION_LEVEL; k++)
        if (match_at (goal, i, down[k]))
          dir = LUOSHI_DIRECTION_DECREASE, pos = i;
    }
  if (dir == LUOSHI_DIRECTION_LEVEL)
    return NULL;

  /* The phrase of the change word: 居民收入增长 of 居民收入增长和经济增长
   * 基本同步, not the whole comparison. */
  clause_at (goal, pos, &lo, &hi);
  for (guint k = pos; k > lo; k--)
    if (goal->u[k - 1] == 0x548C /* 和 */ || goal->u[k - 1] == 0x4E0E /* 与 */
        || goal->u[k - 1] == 0x53CA /* 及 */)
      {
        gboolean own_change = FALSE;

        /* 居民收入和经济增长: the part before 和 shares the change word */
        for (guint j = lo; j + 1 < k; j++)
          {
            for (guint w = 0; up[w]; w++)
              own_change |= match_at (goal, j, up[w]);
            for (guint w = 0; down[w]; w++)
              own_change |= match_at (goal, j, down[w]);
          }
        if (own_change)
          lo = k;
        break;
      }
  hi = MIN (hi, pos + 2);
  words_init (&gw, goal, lo, hi, 0, 0);
  for (guint i = 0; i < n_cands && verdict == NULL; i++)
    {
      Candidate *c = &cands[i];

      if (c->outcome->next_plan || c->outcome->relevance < rules->min_relevance / 6)
        continue;
      for (guint j = 0; j < c->metrics->len && verdict == NULL; j++)
        {
          LuoshiMetric *m = g_ptr_array_index (c->metrics, j);
          Words w;
          guint a, b;
          double sim;

          if (m->direction != dir || !usable_figure (&c->text, m)
              || (c->outcome->multi_year && !is_level_reached (&c->text, m)))
            continue;
          figure_words (&c->text, m->start, m->end, FALSE, &w, &a, &b);
          sim = subject_match (&gw, &w);
          words_clear (&w);
          if (sim < rules->min_subject_match)
            continue;
          verdict = verdict_new (LUOSHI_STATUS_MET,
                                 g_strdup_printf (_("Met: the review reports the change the goal asks for (%s, %.0f%% match)"),
                                                  m->text, 100 * c->outcome->relevance),
                                 (int) i, a, b);
        }
    }
  words_clear (&gw);
  return verdict;
}

/* A qualitative goal of several tasks (启动智慧校园建设，建成资源平台):
 * each task is looked up in the passages by its own words and judged by
 * the words of the clause that answers it. Returns NULL unless at least
 * two tasks are answered. A task the review is silent on does not make
 * the others partly: silence is not a result. */
static LuoshiVerdict *
judge_tasks (const Text               *goal,
             Candidate                *cands,
             guint                     n_cands,
             const LuoshiVerdictRules *rules)
{
  guint n_answered = 0, n_met = 0, n_progress = 0, n_not = 0;
  int first = -1;
  g_autoptr(GString) reason = g_string_new (NULL);

  for (guint pos = 0; pos < goal->n; )
    {
      guint lo, hi, best_lo = 0, best_hi = 0;
      int best = -1;
      double best_sim = 0;
      Words gw;

      clause_at (goal, pos, &lo, &hi);
      pos = hi + 1;
      words_init (&gw, goal, lo, hi, 0, 0);
      if (gw.chars->len < 4)
        {
          words_clear (&gw);
          continue;
        }
      for (guint i = 0; i < n_cands; i++)
        {
          Candidate *c = &cands[i];

          if (c->outcome->next_plan || c->outcome->relevance < rules->min_relevance / 2)
            continue;
          for (guint cpos = 0; cpos < c->text.n; )
            {
              guint a, b;
              Words w;
              double sim;

              clause_at (&c->text, cpos, &a, &b);
              cpos = b + 1;
              words_init (&w, &c->text, a, b, 0, 0);
              sim = subject_match (&gw, &w);
              words_clear (&w);
              if (sim > best_sim)
                {
                  best_sim = sim;
                  best = (int) i;
                  best_lo = a;
                  best_hi = b;
                }
            }
        }
      words_clear (&gw);
      if (best >= 0 && best_sim >= 0.5)
        {
          const char *cue = NULL;
          LuoshiStatus st = status_from_cues (&cands[best].text, best_lo, best_hi, goal, &cue);
          g_autofree char *task = g_ucs4_to_utf8 (goal->u + lo, hi - lo, NULL, NULL, NULL);

          if (st == LUOSHI_STATUS_UNRATED && best_sim >= 0.7)
            st = LUOSHI_STATUS_MET;
          if (st == LUOSHI_STATUS_UNRATED)
            continue;
          n_answered++;
          n_met += st == LUOSHI_STATUS_MET;
          n_progress += st == LUOSHI_STATUS_IN_PROGRESS;
          n_not += st == LUOSHI_STATUS_NOT_MET;
          if (first < 0)
            first = best;
          if (reason->len > 0)
            g_string_append (reason, "; ");
          /* TRANSLATORS: one task of a goal and how the review answers it */
          g_string_append_printf (reason, _("“%s”: %s"), task ? task : "", luoshi_status_get_label (st));
        }
    }

  if (n_answered < 2)
    return NULL;
  {
    LuoshiStatus status;

    if (n_met == n_answered)
      status = LUOSHI_STATUS_MET;
    else if (n_not == n_answered)
      status = LUOSHI_STATUS_NOT_MET;
    else if (n_progress == n_answered)
      status = LUOSHI_STATUS_IN_PROGRESS;
    else
      status = LUOSHI_STATUS_PARTLY;
    return verdict_new (status,
                        g_strdup_printf (_("%s: %s"), luoshi_status_get_label (status), reason->str),
                        first, 0, 0);
  }
}

/* What a reason says after its "Verdict: " prefix, which a translation may
 * write with the full-width colon. */
static const char *
reason_detail (const char *reason)
{
  const char *ascii = reason ? strstr (reason, ": ") : NULL;
  const char *wide = reason ? strstr (reason, "：") : NULL;

  if (wide != NULL && (ascii == NULL || wide < ascii))
    return wide + strlen ("：");
  return ascii != NULL ? ascii + 2 : "";
}

/* Qualitative goals, and figure goals whose figure the review does not
 * repeat: the words of the best passages decide. @strict is set for
 * figure goals, which need a close repetition and a word of completion. */
static LuoshiVerdict *
judge_by_words (const Text               *goal,
                Candidate                *cands,
                guint                     n_cands,
                gboolean                  strict,
                const LuoshiVerdictRules *rules)
{
  Words gw;
  guint tried = 0;

  words_init (&gw, goal, 0, goal->n, 0, 0);
  for (guint i = 0; i < n_cands && tried < 3; i++)
    {
      Candidate *c = &cands[i];
      const LuoshiOutcome *o = c->outcome;
      LuoshiStatus status;
      const char *cue = NULL;
      guint lo, hi;

      if (o->next_plan || o->relevance < rules->min_relevance)
        continue;
      if (strict && (o->multi_year || o->relevance < rules->strong_relevance))
        continue;
      tried++;
      best_clause (&c->text, &gw, &lo, &hi);
      status = status_from_cues (&c->text, lo, hi, goal, &cue);
      if (status == LUOSHI_STATUS_UNRATED)
        {
          status = status_from_cues (&c->text, 0, c->text.n, goal, &cue);
          if (status != LUOSHI_STATUS_UNRATED)
            {
              lo = 0;
              hi = c->text.n;
            }
        }
      if (strict && status == LUOSHI_STATUS_UNRATED)
        continue;
      if (status != LUOSHI_STATUS_UNRATED)
        {
          words_clear (&gw);
          /* TRANSLATORS: "Met: the review says “建成”" */
          /* the whole sentence: its other clauses say what was done */
          return verdict_new (status,
                              g_strdup_printf (_("%s: the review says “%s” (%.0f%% match)"),
                                               luoshi_status_get_label (status), cue, 100 * o->relevance),
                              (int) i, 0, 0);
        }
      if (!strict && o->relevance >= rules->strong_relevance)
        {
          words_clear (&gw);
          return verdict_new (LUOSHI_STATUS_MET,
                              g_strdup_printf (_("Met: the review reports this result in nearly the goal’s own words (%.0f%% match)"),
                                               100 * o->relevance),
                              (int) i, 0, 0);
        }
    }
  words_clear (&gw);
  return NULL;
}

LuoshiVerdict *
luoshi_verdict_judge (const char               *goal,
                      gboolean                  main_target,
                      const LuoshiOutcome      *outcomes,
                      guint                     n_outcomes,
                      const char               *blanket,
                      const LuoshiVerdictRules *rules)
{
  LuoshiVerdictRules defaults;
  g_autoptr(GPtrArray) goal_metrics = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GPtrArray) bases = NULL;
  Candidate *cands;
  Text g;
  LuoshiVerdict *verdict = NULL;
  double best_relevance = 0;

  g_return_val_if_fail (goal != NULL, NULL);
  g_return_val_if_fail (outcomes != NULL || n_outcomes == 0, NULL);

  if (rules == NULL)
    {
      luoshi_verdict_rules_init_default (&defaults);
      rules = &defaults;
    }

  text_init (&g, goal);
  goal_metrics = luoshi_metric_parse (goal);
  bases = g_ptr_array_new ();
  targets = target_figures (&g, goal_metrics, rules, bases);

  cands = g_new0 (Candidate, MAX (n_outcomes, 1));
  for (guint i = 0; i < n_outcomes; i++)
    {
      cands[i].outcome = &outcomes[i];
      text_init (&cands[i].text, outcomes[i].text);
      cands[i].metrics = outcomes[i].metrics ? g_ptr_array_ref (outcomes[i].metrics)
                                             : luoshi_metric_parse (outcomes[i].text ? outcomes[i].text : "");
      if (!outcomes[i].next_plan)
        best_relevance = MAX (best_relevance, outcomes[i].relevance);
    }

  if (targets->len == 0)
    {
      verdict = judge_by_direction (&g, cands, n_outcomes, rules);
      if (verdict == NULL)
        verdict = judge_tasks (&g, cands, n_outcomes, rules);
      if (verdict == NULL)
        verdict = judge_by_words (&g, cands, n_outcomes, FALSE, rules);
      if (verdict == NULL)
        verdict = judge_by_blanket_or_nothing (main_target, blanket, best_relevance, rules);
    }
  else
    {
      guint n_met = 0, n_partly = 0, n_not = 0, n_none = 0;
      g_autoptr(GString) reason = g_string_new (NULL);
      int first_outcome = -1;
      guint first_start = 0, first_end = 0;

      for (guint k = 0; k < targets->len; k++)
        {
          FigureResult res = { 0 };

          judge_figure (&g, g_ptr_array_index (targets, k), g_ptr_array_index (bases, k),
                        cands, n_outcomes, rules, &res);
          /* Short of the target, with the rest under way in the next
           * clause (新建1所，另1所正在建设中): partly done. */
          if (res.status == LUOSHI_STATUS_NOT_MET && res.outcome >= 0 &&
              rest_under_way (&cands[res.outcome].text, res.end, &g,
                              g_ptr_array_index (targets, k)))
            {
              /* Translators: a verdict, the reason it was short of the
               * target, then "the rest is under way" */
              char *amended = g_strdup_printf (_("%s: %s; %s"), luoshi_status_get_label (LUOSHI_STATUS_PARTLY),
                                               reason_detail (res.reason),
                                               _("the rest is under way"));

              g_free (res.reason);
              res.reason = amended;
              res.status = LUOSHI_STATUS_PARTLY;
            }
          if (res.status == LUOSHI_STATUS_NO_EVIDENCE && main_target && blanket != NULL)
            {
              res.status = LUOSHI_STATUS_MET;
              res.reason = g_strdup_printf (_("Met: no figure for %s, but the review states that the main targets were fully met"),
                                            ((LuoshiMetric *) g_ptr_array_index (targets, k))->text);
            }
          switch (res.status)
            {
            case LUOSHI_STATUS_MET: n_met++; break;
            case LUOSHI_STATUS_PARTLY: n_partly++; break;
            case LUOSHI_STATUS_NOT_MET: n_not++; break;
            default: n_none++; break;
            }
          if (res.reason != NULL)
            {
              if (reason->len > 0)
                g_string_append (reason, "; ");
              g_string_append (reason, res.reason);
            }
          if (first_outcome < 0 && res.outcome >= 0)
            {
              first_outcome = res.outcome;
              first_start = res.start;
              first_end = res.end;
            }
          g_free (res.reason);
        }

      if (n_none == targets->len)
        {
          verdict = judge_by_words (&g, cands, n_outcomes, TRUE, rules);
          if (verdict == NULL)
            verdict = judge_by_blanket_or_nothing (FALSE, NULL, best_relevance, rules);
        }
      else
        {
          LuoshiStatus status;

          if (n_met == targets->len)
            status = LUOSHI_STATUS_MET;
          else if (n_not == targets->len)
            status = LUOSHI_STATUS_NOT_MET;
          else if (n_met + n_partly > 0)
            status = LUOSHI_STATUS_PARTLY;
          else
            status = LUOSHI_STATUS_NOT_MET;
          if (n_none > 0)
            g_string_append_printf (reason, "; %s",
                                    _("the review gives no result for the other figures"));
          verdict = verdict_new (status, g_string_free (g_steal_pointer (&reason), FALSE),
                                 first_outcome, first_start, first_end);
        }
    }

  candidates_clear (cands, n_outcomes);
  text_clear (&g);
  return verdict;
}

LuoshiVerdict *
luoshi_verdict_judge_text (const char               *goal,
                           const char               *outcome,
                           const LuoshiVerdictRules *rules)
{
  LuoshiOutcome o = { 0 };

  g_return_val_if_fail (goal != NULL, NULL);
  g_return_val_if_fail (outcome != NULL, NULL);

  o.text = outcome;
  {
    /* Without an index, the share of the goal's words the outcome holds
     * stands in for the relevance. */
    Text g, t;
    Words gw, ow;

    text_init (&g, goal);
    text_init (&t, outcome);
    words_init (&gw, &g, 0, g.n, 0, 0);
    words_init (&ow, &t, 0, t.n, 0, 0);
    o.relevance = subject_match (&gw, &ow);
    words_clear (&gw);
    words_clear (&ow);
    text_clear (&g);
    text_clear (&t);
  }
  return luoshi_verdict_judge (goal, FALSE, &o, 1, NULL, rules);
}
