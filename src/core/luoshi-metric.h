/* luoshi-metric.h: a figure stated in a report (value, unit, qualifier)
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "luoshi-types.h"

G_BEGIN_DECLS

/* How the stated value bounds the real one. */
typedef enum {
  LUOSHI_QUALIFIER_EXACT,      /* 5所 */
  LUOSHI_QUALIFIER_AT_LEAST,   /* 以上, 不低于, 不少于, 超过 */
  LUOSHI_QUALIFIER_AT_MOST,    /* 以内, 以下, 控制在, 不超过, 低于 */
  LUOSHI_QUALIFIER_ABOUT,      /* 左右, 约 */
  LUOSHI_QUALIFIER_RANGE,      /* 3-5所, 3至5所, 一至两所 */
} LuoshiQualifier;

/* How firmly the figure is promised, independent of the bound. */
typedef enum {
  LUOSHI_COMMITMENT_PLAIN,
  LUOSHI_COMMITMENT_STRETCH,     /* 力争, 争取 */
  LUOSHI_COMMITMENT_GUARANTEED,  /* 确保 */
} LuoshiCommitment;

/* Whether the figure is a level or a change of something. */
typedef enum {
  LUOSHI_DIRECTION_LEVEL,     /* 达到95% */
  LUOSHI_DIRECTION_INCREASE,  /* 增长8%, 提高2个百分点, 新增 */
  LUOSHI_DIRECTION_DECREASE,  /* 下降3%, 减少 */
} LuoshiDirection;

struct _LuoshiMetric
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  char             *text;       /* the figure as written, e.g. "3-5所" */
  guint             start;      /* code points into the parsed string */
  guint             end;        /* exclusive */
  gboolean          known;      /* FALSE for masked figures (**, xx, ×) */
  double            value;      /* lower or only value; 0 when !known */
  double            value_max;  /* upper value of a range, else == value */
  char             *unit;       /* "所", "万元", "%", "个百分点"; "" when none */
  LuoshiQualifier   qualifier;
  LuoshiCommitment  commitment;
  LuoshiDirection   direction;
  char             *subject;    /* what is measured, e.g. "入园率"; may be "" */
};

#define LUOSHI_TYPE_METRIC (luoshi_metric_get_type ())

GType          luoshi_metric_get_type   (void) G_GNUC_CONST;
LuoshiMetric  *luoshi_metric_new        (void) G_GNUC_WARN_UNUSED_RESULT;
LuoshiMetric  *luoshi_metric_ref        (LuoshiMetric *self);
void           luoshi_metric_unref      (LuoshiMetric *self);

/* Every figure in @text (UTF-8) in order of appearance, as a
 * GPtrArray of LuoshiMetric (never NULL; freeing it unrefs them).
 *
 * Simplified and traditional characters both work (the characters the
 * parser reads are folded to simplified internally); text and subject
 * are quoted as written. Invalid UTF-8 is repaired first.
 * A scale word stays in the unit as written: "1.2万人" is value 1.2,
 * unit "万人"; "三千万元" is 3000 "万元"; luoshi_metric_comparable()
 * applies the scale. 成 becomes percent ("三成" is 30 "%"); 余/多 after
 * a number ("100多所") is AT_LEAST. Years (2012年, 07年, 20xx年,
 * 二〇一二年), dates, ordinals (第3届), list labels (1、 （2）),
 * document numbers (〔2011〕1号), 几/数 counts, times and telephone
 * numbers are not figures. A Chinese numeral needs a unit to count
 * (一流, 十分 are words); an Arabic one does not (unit ""). */
GPtrArray     *luoshi_metric_parse      (const char   *text) G_GNUC_WARN_UNUSED_RESULT;

/* The export contract's qualifier string: "exact", "at_least", "at_most",
 * "about", "range", "stretch" or "guaranteed" (the commitment wins over
 * "exact" only). */
const char    *luoshi_metric_qualifier_string (const LuoshiMetric *self);
const char    *luoshi_qualifier_to_string     (LuoshiQualifier     qualifier);
gboolean       luoshi_qualifier_from_string   (const char         *str,
                                               LuoshiQualifier    *qualifier);

/* A short human form, e.g. "≥ 95%", "3–5 所", "≈ 6.5%", "? 所". */
char          *luoshi_metric_format     (const LuoshiMetric *self) G_GNUC_WARN_UNUSED_RESULT;

/* Whether the unit is a rate (%, 个百分点, ‰), for tolerances. */
gboolean       luoshi_metric_is_rate    (const LuoshiMetric *self);

/* Converts @self's value to the base of its unit family (万元 → 元,
 * 亿 → 1, 万人 → 人, 名 → 人, 公里 → 米, 万平方米 → 平方米, ‰ → %)
 * so figures in different scales compare; returns FALSE if @other's
 * unit cannot be compared with @self's (个百分点 is not %), or if either
 * figure is masked. Only value is converted, not value_max. */
gboolean       luoshi_metric_comparable (const LuoshiMetric *self,
                                         const LuoshiMetric *other,
                                         double             *self_value,
                                         double             *other_value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LuoshiMetric, luoshi_metric_unref)

G_END_DECLS
