/* luoshi-metric.c: finding the figures of a report sentence
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-metric.h"

#include <math.h>
#include <string.h>

/* The parser works on the sentence decoded once into code points, so that
 * offsets are indices and looking back or ahead costs nothing; the only
 * allocations are that array and the metrics found. */

G_DEFINE_BOXED_TYPE (LuoshiMetric, luoshi_metric, luoshi_metric_ref, luoshi_metric_unref)

LuoshiMetric *
luoshi_metric_new (void)
{
  LuoshiMetric *self = g_new0 (LuoshiMetric, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup ("");
  self->unit = g_strdup ("");
  self->subject = g_strdup ("");
  self->known = TRUE;
  return self;
}

LuoshiMetric *
luoshi_metric_ref (LuoshiMetric *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
luoshi_metric_unref (LuoshiMetric *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->text);
      g_free (self->unit);
      g_free (self->subject);
      g_free (self);
    }
}

/* ---------------------------------------------------------------------- */
/* Code point helpers                                                      */

typedef struct
{
  const gunichar *u;     /* folded to simplified characters, for matching */
  const gunichar *orig;  /* as written, for quoting */
  guint           n;
} Text;

static inline gunichar
at (const Text *t,
    guint       pos)
{
  return pos < t->n ? t->u[pos] : 0;
}

/* Length of @word if it occurs at @pos, else 0. */
static guint
match_at (const Text *t,
          guint       pos,
          const char *word)
{
  guint k = 0;

  for (const char *p = word; *p; p = g_utf8_next_char (p), k++)
    if (pos + k >= t->n || t->u[pos + k] != g_utf8_get_char (p))
      return 0;
  return k;
}

/* Length of @word if it ends right before @pos and starts at or after @lo. */
static guint
match_before (const Text *t,
              guint       lo,
              guint       pos,
              const char *word)
{
  guint len = (guint) g_utf8_strlen (word, -1);

  if (pos < lo + len)
    return 0;
  return match_at (t, pos - len, word);
}

/* Traditional forms of the characters this parser reads (generated with
 * OpenCC s2t/s2tw/s2hk over its own word lists, checked back with t2s),
 * sorted, so that reports in traditional characters parse the same way
 * without running OpenCC on every sentence. */
static const gunichar fold_table[][2] = {
  { 0x4E26, 0x5E76 }, { 0x4F54, 0x5360 }, { 0x4F86, 0x6765 }, { 0x500B, 0x4E2A },
  { 0x5104, 0x4EBF }, { 0x5167, 0x5185 }, { 0x5169, 0x4E24 }, { 0x518A, 0x518C },
  { 0x5225, 0x522B }, { 0x5283, 0x5212 }, { 0x52D9, 0x52A1 }, { 0x5340, 0x533A },
  { 0x53C3, 0x53C2 }, { 0x54E1, 0x5458 }, { 0x55AE, 0x5355 }, { 0x5678, 0x5428 },
  { 0x570B, 0x56FD }, { 0x5712, 0x56ED }, { 0x5834, 0x573A }, { 0x584A, 0x5757 },
  { 0x58D3, 0x538B }, { 0x5B78, 0x5B66 }, { 0x5BE6, 0x5B9E }, { 0x5C07, 0x5C06 },
  { 0x5C46, 0x5C4A }, { 0x5C64, 0x5C42 }, { 0x5C6C, 0x5C5E }, { 0x5E7E, 0x51E0 },
  { 0x5F35, 0x5F20 }, { 0x5F9E, 0x4ECE }, { 0x5FA9, 0x590D }, { 0x6236, 0x6237 },
  { 0x64C1, 0x62E5 }, { 0x64F4, 0x6269 }, { 0x6578, 0x6570 }, { 0x65BC, 0x4E8E },
  { 0x6642, 0x65F6 }, { 0x689D, 0x6761 }, { 0x68DF, 0x680B }, { 0x6B72, 0x5C81 },
  { 0x6DE8, 0x51C0 }, { 0x6E1B, 0x51CF }, { 0x6E96, 0x51C6 }, { 0x6F32, 0x6DA8 },
  { 0x70BA, 0x4E3A }, { 0x722D, 0x4E89 }, { 0x7232, 0x4E3A }, { 0x7240, 0x5E8A },
  { 0x7372, 0x83B7 }, { 0x73FE, 0x73B0 }, { 0x755D, 0x4EA9 }, { 0x7576, 0x5F53 },
  { 0x78BA, 0x786E }, { 0x7A2E, 0x79CD }, { 0x7A31, 0x79F0 }, { 0x7A69, 0x7A33 },
  { 0x7BC0, 0x8282 }, { 0x7C64, 0x7B7E }, { 0x7D04, 0x7EA6 }, { 0x7D0D, 0x7EB3 },
  { 0x7D1A, 0x7EA7 }, { 0x7D44, 0x7EC4 }, { 0x7DAD, 0x7EF4 }, { 0x7E23, 0x53BF },
  { 0x7E2E, 0x7F29 }, { 0x7E3D, 0x603B }, { 0x7E3E, 0x7EE9 }, { 0x7E54, 0x7EC7 },
  { 0x7FA9, 0x4E49 }, { 0x81FA, 0x53F0 }, { 0x8207, 0x4E0E }, { 0x842C, 0x4E07 },
  { 0x8655, 0x5904 }, { 0x865F, 0x53F7 }, { 0x88CF, 0x91CC }, { 0x88E1, 0x91CC },
  { 0x88FD, 0x5236 }, { 0x89AA, 0x4EB2 }, { 0x8A08, 0x8BA1 }, { 0x8AB2, 0x8BFE },
  { 0x8ABF, 0x8C03 }, { 0x8AC7, 0x8C08 }, { 0x8B02, 0x8C13 }, { 0x8B93, 0x8BA9 },
  { 0x8CAB, 0x8D2F }, { 0x8CBB, 0x8D39 }, { 0x8CBC, 0x8D34 }, { 0x8CEC, 0x8D26 },
  { 0x8F03, 0x8F83 }, { 0x8F1B, 0x8F86 }, { 0x8F2A, 0x8F6E }, { 0x9031, 0x5468 },
  { 0x9032, 0x8FDB }, { 0x904E, 0x8FC7 }, { 0x9054, 0x8FBE }, { 0x9055, 0x8FDD },
  { 0x9084, 0x8FD8 }, { 0x908A, 0x8FB9 }, { 0x9109, 0x4E61 }, { 0x9130, 0x90BB },
  { 0x9322, 0x94B1 }, { 0x937E, 0x949F }, { 0x93AE, 0x9547 }, { 0x9418, 0x949F },
  { 0x9577, 0x957F }, { 0x9580, 0x95E8 }, { 0x958B, 0x5F00 }, { 0x9593, 0x95F4 },
  { 0x9803, 0x9877 }, { 0x9805, 0x9879 }, { 0x9810, 0x9884 }, { 0x9846, 0x9897 },
  { 0x985E, 0x7C7B }, { 0x9918, 0x4F59 }, { 0x9AD4, 0x4F53 }, { 0x9EDE, 0x70B9 },
};

/* Bit (c & 1023) is set when some entry of fold_table has it: most
 * characters are rejected with one load. Regenerate with the table. */
static const guint64 fold_filter[16] = {
  G_GUINT64_CONSTANT (0x00161000010108a8), G_GUINT64_CONSTANT (0x0000101040304440),
  G_GUINT64_CONSTANT (0x1c00080020000410), G_GUINT64_CONSTANT (0x2010100280088002),
  G_GUINT64_CONSTANT (0x0001000005002210), G_GUINT64_CONSTANT (0x01c0028020000010),
  G_GUINT64_CONSTANT (0x1000640000080c01), G_GUINT64_CONSTANT (0x0400010000000000),
  G_GUINT64_CONSTANT (0x6046606808000180), G_GUINT64_CONSTANT (0x4100020080300005),
  G_GUINT64_CONSTANT (0x8004000000400008), G_GUINT64_CONSTANT (0x0000000042100080),
  G_GUINT64_CONSTANT (0x002404040804080c), G_GUINT64_CONSTANT (0x4104000000100001),
  G_GUINT64_CONSTANT (0x0000420040080040), G_GUINT64_CONSTANT (0x4000004000000009),
};

static gunichar
fold_char (gunichar c)
{
  guint lo = 0, hi = G_N_ELEMENTS (fold_table);

  /* inline binary search: this runs on every character of every report */
  if (c < fold_table[0][0] || c > fold_table[G_N_ELEMENTS (fold_table) - 1][0]
      || !(fold_filter[(c & 1023) >> 6] & (G_GUINT64_CONSTANT (1) << (c & 63))))
    return c;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (fold_table[mid][0] == c)
        return fold_table[mid][1];
      if (fold_table[mid][0] < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return c;
}

/* The UTF-8 of @len code points; never NULL, as the code points came
 * from valid UTF-8. */
static char *
ucs4_to_utf8 (const gunichar *u,
              guint           len)
{
  char *s = g_ucs4_to_utf8 (u, len, NULL, NULL, NULL);

  return s != NULL ? s : g_strdup ("");
}

static int
arabic_digit (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)   /* full-width ０-９ */
    return (int) (c - 0xFF10);
  return -1;
}

static gboolean
is_mask (gunichar c)
{
  switch (c)
    {
    case '*': case 0xFF0A:            /* ＊ */
    case 'x': case 'X': case 0xFF58: case 0xFF38:  /* ｘ Ｘ */
    case 0x00D7:                      /* × */
      return TRUE;
    default:
      return FALSE;
    }
}

static int
cn_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: case 0x25CB: case 0x96F6: return 0;  /* 〇 ○ 零 */
    case 0x4E00: return 1;  /* 一 */
    case 0x4E8C: return 2;  /* 二 */
    case 0x4E24: return 2;  /* 两 */
    case 0x4E09: return 3;  /* 三 */
    case 0x56DB: return 4;  /* 四 */
    case 0x4E94: return 5;  /* 五 */
    case 0x516D: return 6;  /* 六 */
    case 0x4E03: return 7;  /* 七 */
    case 0x516B: return 8;  /* 八 */
    case 0x4E5D: return 9;  /* 九 */
    default: return -1;
    }
}

static double
cn_mult (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;      /* 十 */
    case 0x767E: return 100;     /* 百 */
    case 0x5343: return 1000;    /* 千 */
    case 0x4E07: return 1e4;     /* 万 */
    case 0x4EBF: return 1e8;     /* 亿 */
    default: return 0;
    }
}

static gboolean
is_latin (gunichar c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
      || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

/* Punctuation that ends the clause a figure's words come from. */
static gboolean
is_clause_punct (gunichar c)
{
  return c == 0xFF0C || c == ',' || c == 0x3001 || c == 0xFF1B || c == ';'
      || c == 0x3002 || c == 0xFF01 || c == '!' || c == 0xFF1F || c == '?'
      || c == 0xFF1A || c == ':' || c == '\n' || c == '\r' || c == '\t'
      || c == 0xFF08 || c == 0xFF09 || c == '(' || c == ')'
      || c == 0x201C || c == 0x201D || c == '"' || c == 0x300A || c == 0x300B
      || c == 0x3010 || c == 0x3011 || c == 0x2014 || c == 0xFF5E;
}

static gboolean
is_sentence_punct (gunichar c)
{
  return c == 0x3002 || c == 0xFF1B || c == ';' || c == 0xFF01 || c == '!'
      || c == 0xFF1F || c == '?' || c == '\n' || c == '\r';
}

/* ---------------------------------------------------------------------- */
/* Numbers                                                                 */

typedef enum {
  NUM_ARABIC,
  NUM_CN,
} NumKind;

typedef struct
{
  NumKind  kind;
  guint    start;
  guint    end;
  double   value;
  double   value_max;     /* != value for 一两, 三四 */
  gboolean known;
  gboolean masked_only;   /* "**", "xx" with no digit */
  gboolean integer;
  guint    int_digits;
  gboolean lead_zero;
  gboolean cn_digit_string;  /* 二〇一二, no multiplier */
  gboolean cn_lone_yi;       /* just 一 */
  gboolean cn_lone_mult;     /* starts with 百/千/万/亿 */
  const char *scale;         /* trailing 万/亿 taken off a Chinese numeral */
} Num;

static gboolean
parse_arabic (const Text *t,
              guint       i,
              gboolean    allow_mask,
              Num        *num,
              guint      *n_mask)
{
  guint pos = i;
  guint digits = 0, group = 0, masks = 0;
  gboolean grouped = FALSE;
  double v = 0;

  memset (num, 0, sizeof *num);
  num->kind = NUM_ARABIC;
  num->start = i;
  num->integer = TRUE;
  num->lead_zero = arabic_digit (at (t, i)) == 0;

  for (;;)
    {
      gunichar c = at (t, pos);
      int d = arabic_digit (c);

      if (d >= 0 || (allow_mask && is_mask (c)))
        {
          if (d >= 0)
            v = v * 10 + d;
          else
            masks++;
          digits++;
          group++;
          pos++;
          continue;
        }
      /* 1,351 and 1，351: a separator followed by exactly three digits */
      if ((c == ',' || c == 0xFF0C) && digits > 0 && masks == 0
          && group <= 3 && !(grouped && group != 3)
          && arabic_digit (at (t, pos + 1)) >= 0
          && arabic_digit (at (t, pos + 2)) >= 0
          && arabic_digit (at (t, pos + 3)) >= 0
          && arabic_digit (at (t, pos + 4)) < 0
          && !(num->lead_zero && digits == 1))
        {
          grouped = TRUE;
          group = 0;
          pos++;
          continue;
        }
      break;
    }
  if (digits == 0)
    return FALSE;
  num->int_digits = digits;

  if ((at (t, pos) == '.' || at (t, pos) == 0xFF0E)
      && (arabic_digit (at (t, pos + 1)) >= 0 || (allow_mask && is_mask (at (t, pos + 1)))))
    {
      double scale = 0.1;

      num->integer = FALSE;
      pos++;
      while (arabic_digit (at (t, pos)) >= 0 || (allow_mask && is_mask (at (t, pos))))
        {
          int d = arabic_digit (at (t, pos));
          if (d >= 0)
            v += d * scale;
          else
            masks++;
          scale /= 10;
          pos++;
        }
    }

  *n_mask = masks;
  num->end = pos;
  num->known = masks == 0;
  num->masked_only = masks == digits && num->integer;
  num->value = num->known ? v : 0;
  num->value_max = num->value;
  return TRUE;
}

/* Evaluates Chinese numerals in [start, end); FALSE if not a well-formed
 * number (十一五, 五四). */
static gboolean
eval_cn (const Text *t,
         guint       start,
         guint       end,
         Num        *num)
{
  double result = 0, wan = 0, section = 0, number = -1, last_mult = 0;
  gboolean has_mult = FALSE, after_zero = FALSE;
  guint pos;

  for (pos = start; pos < end; pos++)
    if (cn_mult (at (t, pos)) > 0)
      has_mult = TRUE;

  if (!has_mult)
    {
      guint len = end - start;
      double v = 0;

      if (len == 1)
        {
          num->value = cn_digit (at (t, start));
          num->value_max = num->value;
          return TRUE;
        }
      for (pos = start; pos < end; pos++)
        v = v * 10 + cn_digit (at (t, pos));
      /* 一两所, 三四个: "one or two", a range */
      if (len == 2 && cn_digit (at (t, start + 1)) == cn_digit (at (t, start)) + 1
          && cn_digit (at (t, start)) > 0)
        {
          num->value = cn_digit (at (t, start));
          num->value_max = cn_digit (at (t, start + 1));
          return TRUE;
        }
      num->cn_digit_string = TRUE;
      num->value = num->value_max = v;
      return TRUE;
    }

  for (pos = start; pos < end; pos++)
    {
      gunichar c = at (t, pos);
      int d = cn_digit (c);
      double m = cn_mult (c);

      if (d == 0)
        {
          after_zero = TRUE;
          continue;
        }
      if (d > 0)
        {
          if (number >= 0)
            return FALSE;
          number = d;
          continue;
        }
      if (m == 1e8)
        {
          result = (result + wan + section + MAX (number, 0)) * 1e8;
          wan = section = 0;
        }
      else if (m == 1e4)
        {
          wan = (section + MAX (number, 0)) * 1e4;
          section = 0;
        }
      else
        {
          if (number < 0 && pos != start && !after_zero)
            return FALSE;
          section += (number < 0 ? 1 : number) * m;
        }
      last_mult = m;
      number = -1;
      after_zero = FALSE;
    }
  /* 一万二 = 12000: a trailing digit counts in the next lower unit */
  if (number > 0 && !after_zero && last_mult >= 100 && end - start >= 3
      && cn_mult (at (t, end - 2)) == last_mult)
    number *= last_mult / 10;
  num->value = result + wan + section + MAX (number, 0);
  num->value_max = num->value;
  return TRUE;
}

static gboolean
parse_cn (const Text *t,
          guint       i,
          Num        *num)
{
  guint pos = i, int_end;

  memset (num, 0, sizeof *num);
  num->kind = NUM_CN;
  num->start = i;
  num->known = TRUE;
  num->integer = TRUE;

  while (cn_digit (at (t, pos)) >= 0 || cn_mult (at (t, pos)) > 0)
    pos++;
  if (pos == i)
    return FALSE;
  int_end = pos;

  num->cn_lone_yi = int_end - i == 1 && at (t, i) == 0x4E00;
  num->cn_lone_mult = cn_mult (at (t, i)) >= 100;

  /* a trailing 万/亿 is a scale that stays with the unit (三万人 = 3 万人) */
  if (int_end - i >= 2 && cn_mult (at (t, int_end - 1)) >= 1e4
      && cn_mult (at (t, int_end - 2)) < 1e4)
    {
      num->scale = at (t, int_end - 1) == 0x4E07 ? "万" : "亿";
      if (!eval_cn (t, i, int_end - 1, num))
        return FALSE;
    }
  else if (!eval_cn (t, i, int_end, num))
    return FALSE;

  /* 九十五点五 */
  if (at (t, pos) == 0x70B9 && cn_digit (at (t, pos + 1)) >= 0 && num->scale == NULL
      && !num->cn_digit_string)
    {
      double scale = 0.1;

      pos++;
      while (cn_digit (at (t, pos)) >= 0)
        {
          num->value += cn_digit (at (t, pos)) * scale;
          scale /= 10;
          pos++;
        }
      num->value_max = num->value;
      num->integer = FALSE;
    }
  num->end = pos;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Units                                                                   */

/* Longest first where one is a prefix of another. */
static const char * const units[] = {
  "个百分点", "百分点", "平方公里", "平方米", "平米", "人次", "个月",
  "公里", "千米", "公顷", "千克", "公斤", "小时", "学时", "课时", "分钟",
  "元", "人", "名", "所", "个", "项", "次", "场", "家", "台", "套", "册",
  "本", "间", "座", "栋", "校", "户", "亩", "米", "吨", "天", "周", "年",
  "岁", "班", "节", "篇", "部", "批", "期", "门", "类", "支", "处", "届",
  "件", "份", "种", "条", "位", "组", "幅", "首", "张", "辆", "块", "轮",
  "级", "倍", "成", "例", "起", "分", "颗", "株", "棵", "床", "园", "站",
};

/* A unit character that begins a word instead (人民, 校长, 家长). */
static const char * const unit_not_followed_by[] = {
  "人民", "人大", "人才", "人事", "人社", "人文", "人生", "人格", "人身", "人口",
  "所属", "所有", "所在", "所以", "所谓", "所得", "名单", "名称", "名义",
  "校长", "校园", "校区", "校外", "校内", "家长", "家庭", "家乡", "本科",
  "本地", "本着", "期间", "期末", "期刊", "期中", "次数", "场所", "场地",
  "处理", "部门", "部分", "部署", "类型", "成为", "成立", "成果", "成效",
  "成绩", "成本", "成功", "成熟", "成长", "成员", "成就", "成人", "成型",
  "成品", "天然", "支持", "支出", "支援", "支部", "个人", "个体", "个性",
  "节约", "节能", "节日", "台账", "间接", "批准", "批复", "批示", "届时",
  "座谈", "条件", "条例", "位置", "组织", "组长", "分别", "分析", "分配",
  "分类", "分层", "分级", "分布", "分工", "分享", "块钱", "轮流", "种植",
  "起来", "起步", "起点", "站点", "园区", "园长", "级别", "例如", "张贴",
  "周年", "周边", "位一体",
};

/* 年 followed by these is a grade, a school system or a term, not a span. */
static const char * const year_terms[] = {
  "年级", "年度", "年制", "年代", "年义务", "年一贯", "年免费", "年学制",
};

/* Units that may follow a lone 一 (一所, 一万); 一个, 一年, 一次 are idiom. */
static const char * const lone_yi_units[] = {
  "所", "名", "家", "座", "栋", "台", "套", "元", "倍", "亩", "吨", "万", "亿",
};

typedef struct
{
  guint    end;
  char     unit[64];
  gboolean has_unit;      /* a unit or a scale */
  gboolean more;          /* 余, 多 */
  double   factor;        /* 10 for 成 */
  gboolean date;          /* 月, 日, 号, 时 */
  gboolean year_unit;     /* the unit is 年 */
  gboolean skip;          /* a term, not a figure (年级, 学年) */
  gboolean word_follows;  /* a unit character began a word instead */
} Tail;

static gboolean
is_more (gunichar c)
{
  return c == 0x4F59 || c == 0x591A;  /* 余 多 */
}

static void
unit_append (Tail       *tail,
             const char *s)
{
  g_strlcat (tail->unit, s, sizeof tail->unit);
  tail->has_unit = TRUE;
}

static guint
match_unit (const Text *t,
            guint       pos,
            const char **unit)
{
  for (guint k = 0; k < G_N_ELEMENTS (units); k++)
    {
      guint len = match_at (t, pos, units[k]);

      if (len == 0)
        continue;
      /* 5所以上 is not 所以 */
      if (match_at (t, pos + len, "以上") || match_at (t, pos + len, "以内")
          || match_at (t, pos + len, "以下"))
        {
          *unit = units[k];
          return len;
        }
      for (guint j = 0; j < G_N_ELEMENTS (unit_not_followed_by); j++)
        if (len == 1 && match_at (t, pos, unit_not_followed_by[j]))
          return 0;
      *unit = units[k];
      return len;
    }
  return 0;
}

static void
parse_tail (const Text *t,
            const Num  *num,
            Tail       *tail)
{
  static const char * const scales[] = { "万亿", "千万", "百万", "万", "亿", "千", "百" };
  guint pos = num->end, q;
  const char *unit = NULL;
  guint len;

  memset (tail, 0, sizeof *tail);
  tail->factor = 1;

  if (is_more (at (t, pos)) && !num->masked_only)
    {
      tail->more = TRUE;
      pos++;
    }

  if (num->scale != NULL)
    unit_append (tail, num->scale);
  else if (num->kind == NUM_ARABIC)
    {
      for (guint k = 0; k < G_N_ELEMENTS (scales); k++)
        {
          len = match_at (t, pos, scales[k]);
          if (len == 0)
            continue;
          /* 千米, 千克 and 百分点 are units of their own */
          if (match_at (t, pos, "千米") || match_at (t, pos, "千克")
              || match_at (t, pos, "千瓦") || match_at (t, pos, "百分"))
            break;
          unit_append (tail, scales[k]);
          pos += len;
          break;
        }
    }
  if (tail->has_unit && !tail->more && is_more (at (t, pos)))
    {
      tail->more = TRUE;
      pos++;
      /* 3万多亿元: the scale goes on after 多 */
      if (num->kind == NUM_ARABIC && at (t, pos) == 0x4EBF)
        {
          unit_append (tail, "亿");
          pos++;
        }
    }
  tail->end = pos;

  q = pos;
  while (is_space (at (t, q)))
    q++;

  switch (at (t, q))
    {
    case 0x6708: case 0x65E5: case 0x53F7: case 0x65F6:  /* 月 日 号 时 */
      if (!tail->has_unit)
        tail->date = TRUE;
      return;
    case '%': case 0xFF05:
      unit_append (tail, "%");
      tail->end = q + 1;
      return;
    case 0x2030:  /* ‰ */
      unit_append (tail, "‰");
      tail->end = q + 1;
      return;
    case 0x70B9:  /* 8点: a time */
      if (num->kind == NUM_ARABIC && !tail->has_unit)
        tail->date = TRUE;
      return;
    default:
      break;
    }

  /* the skipped term still ends the next figure's subject: 九年|义务教育巩固率 */
  if (match_at (t, q, "学年") || match_at (t, q, "周年"))
    {
      tail->skip = TRUE;
      tail->end = q + 2;
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (year_terms); k++)
    if (match_at (t, q, year_terms[k]))
      {
        tail->skip = TRUE;
        tail->end = q + 1;
        return;
      }

  len = match_unit (t, q, &unit);
  if (len == 0)
    {
      gunichar c = at (t, q);
      for (guint j = 0; j < G_N_ELEMENTS (unit_not_followed_by); j++)
        if (g_utf8_get_char (unit_not_followed_by[j]) == c
            && match_at (t, q, unit_not_followed_by[j]))
          tail->word_follows = TRUE;
      return;
    }
  if (strcmp (unit, "成") == 0)
    {
      /* 三成 = 30% */
      unit_append (tail, "%");
      tail->factor = 10;
    }
  else
    unit_append (tail, unit);
  tail->year_unit = strcmp (tail->unit, "年") == 0;
  tail->end = q + len;
}

/* ---------------------------------------------------------------------- */
/* One figure                                                              */

typedef struct
{
  guint           start;
  guint           end;
  gboolean        known;
  double          value;
  double          value_max;
  char            unit[64];
  gboolean        range;
  gboolean        more;
  gboolean        has_post;
  LuoshiQualifier post;
} Figure;

static gboolean
parse_number (const Text *t,
              guint       i,
              Num        *num)
{
  gunichar c = at (t, i);

  if (arabic_digit (c) >= 0 || is_mask (c))
    {
      guint masks = 0;

      if (!parse_arabic (t, i, TRUE, num, &masks))
        return FALSE;
      /* one stray ×, x or * is not a mask: 3×4, a footnote */
      if (masks == 1 || (masks > 0 && num->masked_only && masks < 2))
        {
          if (!parse_arabic (t, i, FALSE, num, &masks))
            return FALSE;
        }
      /* xx in Latin text */
      if (num->masked_only && (is_latin (at (t, i - (i > 0))) && i > 0))
        return FALSE;
      if (is_latin (at (t, num->end)) && !is_mask (at (t, num->end)))
        return FALSE;
      return TRUE;
    }
  if (cn_digit (c) >= 0 || cn_mult (c) > 0)
    return parse_cn (t, i, num);
  return FALSE;
}

static gboolean
is_year_number (const Num *num)
{
  if (num->kind == NUM_CN)
    return num->cn_digit_string && num->value >= 1900;
  if (!num->known)
    return TRUE;
  if (!num->integer)
    return FALSE;
  return (num->value >= 1900 && num->value <= 2100)
      || (num->lead_zero && num->int_digits == 2);
}

/* 0571, 88888888: telephone numbers and codes, not quantities. */
static gboolean
is_code_number (const Num *num)
{
  return num->kind == NUM_ARABIC && num->known && num->integer
      && ((num->lead_zero && num->int_digits > 1) || num->int_digits >= 8);
}

/* Whether only spaces or a line start precede @pos back to clause punctuation. */
static gboolean
at_clause_start (const Text *t,
                 guint       pos)
{
  while (pos > 0 && is_space (t->u[pos - 1]))
    pos--;
  if (pos == 0)
    return TRUE;
  switch (t->u[pos - 1])
    {
    case '\n': case '\r': case 0x3002: case 0xFF1B: case ';': case 0xFF1A:
    case ':': case 0xFF01: case 0xFF1F: case 0xFF08: case '(':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_range_connector (gunichar c)
{
  return c == '-' || c == 0xFF0D || c == 0x2014 || c == 0x2013 || c == '~'
      || c == 0xFF5E || c == 0x301C || c == 0x81F3 || c == 0x5230;  /* 至 到 */
}

static gboolean
cn_figure_allowed (const Text *t,
                   guint       i,
                   const Num  *num,
                   const Tail *tail)
{
  gunichar prev = i > 0 ? t->u[i - 1] : 0;

  if (!tail->has_unit || num->cn_digit_string || num->cn_lone_mult)
    return FALSE;
  /* 十分 is "very"; 一本, 二本 are university tiers */
  if (strcmp (tail->unit, "分") == 0 || strcmp (tail->unit, "本") == 0)
    return FALSE;
  /* 初三, 高一: school grades */
  if (prev == 0x521D || prev == 0x9AD8)
    return FALSE;
  if (num->cn_lone_yi)
    {
      for (guint k = 0; k < G_N_ELEMENTS (lone_yi_units); k++)
        if (g_str_has_prefix (tail->unit, lone_yi_units[k]))
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

static void
post_qualifier (const Text *t,
                Figure     *f)
{
  static const struct { const char *w; LuoshiQualifier q; } post[] = {
    { "以上", LUOSHI_QUALIFIER_AT_LEAST },
    { "之上", LUOSHI_QUALIFIER_AT_LEAST },
    { "以内", LUOSHI_QUALIFIER_AT_MOST },
    { "之内", LUOSHI_QUALIFIER_AT_MOST },
    { "以下", LUOSHI_QUALIFIER_AT_MOST },
    { "左右", LUOSHI_QUALIFIER_ABOUT },
    { "上下", LUOSHI_QUALIFIER_ABOUT },
  };

  for (guint k = 0; k < G_N_ELEMENTS (post); k++)
    {
      guint len = match_at (t, f->end, post[k].w);
      if (len > 0)
        {
          f->has_post = TRUE;
          f->post = post[k].q;
          f->end += len;
          return;
        }
    }
}

/* Tries a figure at @i. Returns TRUE with @f filled; either way *next is
 * where scanning resumes (past any number seen, even a skipped one). */
static gboolean
scan_at (const Text *t,
         guint       i,
         Figure     *f,
         guint      *next)
{
  gunichar prev = i > 0 ? t->u[i - 1] : 0;
  gboolean percent_prefix = FALSE;
  guint p = i;
  Num a, b;
  Tail ta, tb;

  *next = i + 1;
  memset (f, 0, sizeof *f);

  if (match_at (t, i, "百分之"))
    {
      p = i + 3;
      percent_prefix = TRUE;
    }
  if (!parse_number (t, p, &a))
    return FALSE;
  *next = MAX (a.end, i + 1);

  if (percent_prefix)
    {
      memset (&ta, 0, sizeof ta);
      ta.factor = 1;
      ta.end = a.end;
      ta.has_unit = TRUE;
      g_strlcpy (ta.unit, "%", sizeof ta.unit);
      if (a.kind == NUM_CN && a.scale != NULL)
        return FALSE;
    }
  else
    parse_tail (t, &a, &ta);
  /* past the unit, so a skipped 第3届 does not leave 届 to the next subject */
  *next = MAX (*next, ta.end);

  /* 几十, 数百, 十几, 第三, 〔2011〕 */
  if (!percent_prefix
      && (prev == 0x7B2C || prev == 0x51E0 || prev == 0x6570 || prev == 0x3014
          || prev == '[' || prev == 0xFF3B || prev == 0x3010
          || (a.kind == NUM_ARABIC && (prev == '.' || prev == 0xFF0E || is_latin (prev)))))
    return FALSE;
  if (at (t, a.end) == 0x51E0)   /* 十几 */
    return FALSE;
  /* 8:30, 1:1, on either side of the colon */
  if (a.kind == NUM_ARABIC
      && (((at (t, a.end) == ':' || at (t, a.end) == 0xFF1A)
           && arabic_digit (at (t, a.end + 1)) >= 0)
          || ((prev == ':' || prev == 0xFF1A) && i >= 2 && arabic_digit (t->u[i - 2]) >= 0)))
    return FALSE;
  /* 〔2011〕, 〔2011〕1号 */
  if (at (t, a.end) == 0x3015 || at (t, a.end) == ']' || at (t, a.end) == 0xFF3D)
    return FALSE;

  if (ta.date || ta.skip)
    return FALSE;
  if (ta.year_unit && is_year_number (&a))
    return FALSE;
  /* 学前三年: the name of the stage */
  if (ta.year_unit && match_before (t, 0, i, "学前"))
    return FALSE;

  f->start = i;
  f->end = ta.end;
  f->known = a.known;
  f->value = a.value * ta.factor;
  f->value_max = a.value_max * ta.factor;
  f->range = a.value_max != a.value;
  f->more = ta.more;
  g_strlcpy (f->unit, ta.unit, sizeof f->unit);

  /* 3-5所, 10%-15%, 一至两所; not 从85%到90% */
  if (!percent_prefix && a.known && !ta.more && !f->range
      && is_range_connector (at (t, ta.end))
      && prev != 0x4ECE && prev != 0x7531
      && !is_code_number (&a)
      && parse_number (t, ta.end + 1, &b) && b.kind == a.kind && b.known
      && !is_code_number (&b)
      && !(at (t, ta.end) == 0x2014 && at (t, ta.end + 1) == 0x2014))
    {
      parse_tail (t, &b, &tb);
      if (!tb.skip && !tb.date
          && (!ta.has_unit || !tb.has_unit || strcmp (ta.unit, tb.unit) == 0)
          && (ta.has_unit || tb.has_unit || a.kind == NUM_ARABIC))
        {
          *next = MAX (*next, tb.end);
          /* 2011-2012年, 2011—2012 */
          if (is_year_number (&a) && is_year_number (&b) && a.integer
              && (tb.year_unit || !tb.has_unit))
            return FALSE;
          if (tb.year_unit && is_year_number (&b))
            return FALSE;
          if (b.kind == NUM_CN && !tb.has_unit && !ta.has_unit)
            return FALSE;
          f->end = tb.end;
          f->range = TRUE;
          f->value_max = b.value * tb.factor;
          if (!ta.has_unit)
            {
              f->value *= tb.factor;
              g_strlcpy (f->unit, tb.unit, sizeof f->unit);
            }
          f->more = tb.more;
          post_qualifier (t, f);
          *next = MAX (*next, f->end);
          return TRUE;
        }
    }

  if (a.kind == NUM_CN && !percent_prefix && !cn_figure_allowed (t, i, &a, &ta))
    return FALSE;
  if (a.masked_only && !ta.has_unit)
    return FALSE;   /* XX县, ××学校 */

  if (a.kind == NUM_ARABIC && !ta.has_unit)
    {
      gunichar after = at (t, a.end);

      /* list labels: 1、 2. （3） */
      if (a.integer && at_clause_start (t, i)
          && (after == 0x3001 || after == '.' || after == 0xFF0E
              || after == ')' || after == 0xFF09))
        return FALSE;
      if ((prev == '(' || prev == 0xFF08) && (after == ')' || after == 0xFF09))
        return FALSE;
      if (is_code_number (&a)
          || (a.known && a.integer && a.int_digits == 4 && a.value >= 1900 && a.value <= 2100))
        return FALSE;   /* a year, a code, a telephone number */
      if (match_at (t, a.end, "工程"))
        return FALSE;   /* 985工程 */
    }

  post_qualifier (t, f);
  *next = MAX (*next, f->end);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Words around a figure                                                   */

typedef struct { const char *w; int v; } Word;

static const Word pre_qualifiers[] = {
  { "不低于", LUOSHI_QUALIFIER_AT_LEAST }, { "不少于", LUOSHI_QUALIFIER_AT_LEAST },
  { "超过", LUOSHI_QUALIFIER_AT_LEAST }, { "至少", LUOSHI_QUALIFIER_AT_LEAST },
  { "突破", LUOSHI_QUALIFIER_AT_LEAST }, { "高于", LUOSHI_QUALIFIER_AT_LEAST },
  { "多于", LUOSHI_QUALIFIER_AT_LEAST }, { "不下于", LUOSHI_QUALIFIER_AT_LEAST },
  { "控制在", LUOSHI_QUALIFIER_AT_MOST }, { "不超过", LUOSHI_QUALIFIER_AT_MOST },
  { "不高于", LUOSHI_QUALIFIER_AT_MOST }, { "低于", LUOSHI_QUALIFIER_AT_MOST },
  { "少于", LUOSHI_QUALIFIER_AT_MOST }, { "不到", LUOSHI_QUALIFIER_AT_MOST },
  { "不足", LUOSHI_QUALIFIER_AT_MOST }, { "最多", LUOSHI_QUALIFIER_AT_MOST },
  { "大约", LUOSHI_QUALIFIER_ABOUT }, { "接近", LUOSHI_QUALIFIER_ABOUT },
  { "将近", LUOSHI_QUALIFIER_ABOUT }, { "大概", LUOSHI_QUALIFIER_ABOUT },
  { "约", LUOSHI_QUALIFIER_ABOUT }, { "近", LUOSHI_QUALIFIER_ABOUT },
};

static const Word directions[] = {
  { "增长", LUOSHI_DIRECTION_INCREASE }, { "提高", LUOSHI_DIRECTION_INCREASE },
  { "增加", LUOSHI_DIRECTION_INCREASE }, { "新增", LUOSHI_DIRECTION_INCREASE },
  { "上升", LUOSHI_DIRECTION_INCREASE }, { "扩大", LUOSHI_DIRECTION_INCREASE },
  { "提升", LUOSHI_DIRECTION_INCREASE }, { "增幅", LUOSHI_DIRECTION_INCREASE },
  { "新建", LUOSHI_DIRECTION_INCREASE }, { "上涨", LUOSHI_DIRECTION_INCREASE },
  { "上调", LUOSHI_DIRECTION_INCREASE },
  { "下调", LUOSHI_DIRECTION_DECREASE }, { "回落", LUOSHI_DIRECTION_DECREASE },
  { "下降", LUOSHI_DIRECTION_DECREASE }, { "减少", LUOSHI_DIRECTION_DECREASE },
  { "降低", LUOSHI_DIRECTION_DECREASE }, { "压减", LUOSHI_DIRECTION_DECREASE },
  { "缩减", LUOSHI_DIRECTION_DECREASE }, { "压缩", LUOSHI_DIRECTION_DECREASE },
  { "降幅", LUOSHI_DIRECTION_DECREASE },
};

static const Word commitments[] = {
  { "力争", LUOSHI_COMMITMENT_STRETCH }, { "争取", LUOSHI_COMMITMENT_STRETCH },
  { "确保", LUOSHI_COMMITMENT_GUARANTEED },
};

/* Finds the word of @words ending last in [lo, hi); the longer one on ties.
 * Returns its index or -1, and its span. */
static int
find_last_word (const Text *t,
                guint       lo,
                guint       hi,
                const Word *words,
                guint       n_words,
                guint      *w_start,
                guint      *w_end)
{
  int best = -1;
  guint best_end = 0, best_len = 0;

  for (guint pos = lo; pos < hi; pos++)
    for (guint k = 0; k < n_words; k++)
      {
        guint len = match_at (t, pos, words[k].w);

        if (len == 0 || pos + len > hi)
          continue;
        if (best < 0 || pos + len > best_end || (pos + len == best_end && len > best_len))
          {
            best = (int) k;
            best_end = pos + len;
            best_len = len;
          }
      }
  if (best >= 0)
    {
      *w_start = best_end - best_len;
      *w_end = best_end;
    }
  return best;
}

static LuoshiQualifier
find_pre_qualifier (const Text *t,
                    guint       lo,
                    guint       hi,
                    gboolean   *found)
{
  guint s, e;
  int k = find_last_word (t, lo, hi, pre_qualifiers, G_N_ELEMENTS (pre_qualifiers), &s, &e);

  *found = FALSE;
  if (k < 0)
    return LUOSHI_QUALIFIER_EXACT;
  /* 约 and 近 are single characters of many words (节约, 最近): they count
   * only right before the figure, as in 约3000人, 约为, 近万人 */
  if (e - s == 1)
    {
      gunichar before = s > 0 ? t->u[s - 1] : 0;
      static const char not_before[] = "节制签预契条公相违履邀最附亲靠就邻";

      if (hi - e > 1)
        return LUOSHI_QUALIFIER_EXACT;
      for (const char *p = not_before; *p; p = g_utf8_next_char (p))
        if (g_utf8_get_char (p) == before)
          return LUOSHI_QUALIFIER_EXACT;
    }
  *found = TRUE;
  return (LuoshiQualifier) pre_qualifiers[k].v;
}

static LuoshiDirection
find_direction (const Text *t,
                guint       lo,
                guint       hi,
                gboolean   *found)
{
  guint s, e;
  int k = find_last_word (t, lo, hi, directions, G_N_ELEMENTS (directions), &s, &e);
  gunichar after;

  *found = k >= 0;
  if (k < 0)
    return LUOSHI_DIRECTION_LEVEL;
  after = at (t, e);
  /* 提高到95% names the level reached; 增长率 is a level of a rate */
  if (after == 0x5230 || after == 0x81F3 || after == 0x4E3A || after == 0x7387
      || (after == 0x4E86 && (at (t, e + 1) == 0x5230 || at (t, e + 1) == 0x81F3)))
    return LUOSHI_DIRECTION_LEVEL;
  return (LuoshiDirection) directions[k].v;
}

static const char * const subject_tail_words[] = {
  "每生每年", "每人每年", "每年", "每生", "每人", "每天", "每校", "每班",
  "保持在", "控制在", "稳定在", "维持在", "提高到", "提高至", "增加到", "增加至",
  "降低到", "降低至", "下降到", "下降至", "减少到", "减少至", "不低于", "不少于",
  "不超过", "不高于", "比上年", "较上年", "比去年", "较去年",
  "达到", "增长", "增加", "增至", "提高", "提升", "上升", "下降", "减少", "降低",
  "降至", "压减", "扩大", "上涨", "上调", "下调", "回落", "新增", "新建", "保持", "超过", "低于", "高于", "突破",
  "至少", "共计", "合计", "累计", "总计", "约为", "大约", "接近", "将近", "分别",
  "同比", "年均", "力争", "争取", "确保", "实现", "达", "为", "是", "有", "占",
  "约", "近", "共", "到", "在", "了", "的", "由", "从", "计", "至", "和", "及", "与",
};

static const char * const subject_head_words[] = {
  "全年", "今年", "明年", "本年", "当年", "年内", "全县", "全市", "全区", "全省",
  "全国", "全镇", "全乡", "全州", "全旗", "其中", "共有", "现有", "拥有", "共计",
  "累计", "力争", "争取", "确保", "实现", "努力", "进一步", "并", "使", "将",
  "要", "把", "让", "和", "及", "与", "共", "有", "其", "约占", "占", "用", "计划",
  "预计", "目前", "现在", "最近", "共投入", "投入", "组织", "安排", "压减",
  "减少", "降低", "完成", "再", "又", "还", "是",
};

/* Units after which a noun names what was counted (3所学校). */
static const char * const classifier_units[] = {
  "所", "个", "名", "项", "家", "座", "栋", "台", "套", "间", "支", "批", "门",
  "类", "部", "篇", "本", "册", "处", "位", "件", "种", "条", "场", "块", "辆",
};

static char *
subject_from (const Text *t,
              guint       lo,
              guint       hi)
{
  gboolean changed = TRUE;

  while (lo < hi && is_space (t->u[lo]))
    lo++;
  while (hi > lo && is_space (t->u[hi - 1]))
    hi--;

  while (changed && hi > lo)
    {
      changed = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (subject_tail_words); k++)
        {
          guint len = match_before (t, lo, hi, subject_tail_words[k]);
          if (len > 0)
            {
              hi -= len;
              changed = TRUE;
              break;
            }
        }
    }
  changed = TRUE;
  while (changed && hi > lo)
    {
      changed = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (subject_head_words); k++)
        {
          guint len = match_at (t, lo, subject_head_words[k]);
          if (len > 0 && lo + len <= hi)
            {
              lo += len;
              changed = TRUE;
              break;
            }
        }
    }
  /* 城镇新增就业: the flow measured starts at 新增 */
  for (guint pos = lo + 1; pos + 2 < hi; pos++)
    if (match_at (t, pos, "新增"))
      {
        lo = pos;
        break;
      }
  /* 毛入园率 and 入园率 are reported interchangeably */
  if (hi - lo >= 3 && t->u[hi - 1] == 0x7387 && (t->u[lo] == 0x6BDB || t->u[lo] == 0x51C0))
    lo++;
  if (hi - lo > 10)
    lo = hi - 10;
  if (hi <= lo)
    return g_strdup ("");
  return ucs4_to_utf8 (t->orig + lo, hi - lo);
}

/* Words that end a counted noun: verbs and particles after it. */
static const char * const noun_stops[] = {
  "参加", "参与", "获得", "通过", "达到", "实现", "完成", "开展", "进行", "接受",
  "受到", "已", "在", "被", "均", "全", "都", "将", "要", "共", "的", "和", "及",
  "与", "以", "中", "得到", "成为", "纳入", "落实", "建成", "投入",
};

static const char * const noun_starts[] = { "中心", "中学", "中小学", "中职" };

/* Verbs that make or do what a following figure counts. */
static const char * const action_verbs[] = {
  "建设", "设立", "建成", "新建", "改建", "扩建", "创建", "组建", "建立", "成立",
  "打造", "培育", "开工", "启动", "招聘", "评选", "认定", "举办", "开展", "实施",
};

static gboolean
ends_with_action (const char *subject)
{
  gsize len = strlen (subject);

  for (guint k = 0; k < G_N_ELEMENTS (action_verbs); k++)
    {
      gsize n = strlen (action_verbs[k]);

      if (len >= n && strcmp (subject + len - n, action_verbs[k]) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The counted noun after a classifier (新建3所学校 → 学校), or NULL. */
static char *
counted_noun (const Text *t,
              guint       end,
              const char *unit)
{
  guint hi = end;
  gboolean classifier = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (classifier_units); k++)
    if (strcmp (unit, classifier_units[k]) == 0)
      classifier = TRUE;
  if (!classifier)
    return NULL;
  while (hi < t->n && hi - end < 8)
    {
      gunichar c = t->u[hi];

      gboolean verb = FALSE;

      if (!g_unichar_isalpha (c) || is_latin (c) || cn_digit (c) >= 0)
        break;
      for (guint k = 0; k < G_N_ELEMENTS (noun_stops) && !verb; k++)
        verb = match_at (t, hi, noun_stops[k]) > 0;
      /* 中 ends a noun (学校中…) unless it begins one (中心, 中学). */
      for (guint k = 0; k < G_N_ELEMENTS (noun_starts) && verb; k++)
        verb = match_at (t, hi, noun_starts[k]) == 0;
      if (verb)
        break;
      hi++;
    }
  if (hi == end)
    return NULL;
  return ucs4_to_utf8 (t->orig + end, hi - end);
}

static gboolean
is_connector_gap (const Text *t,
                  guint       lo,
                  guint       hi)
{
  if (hi <= lo || hi - lo > 3)
    return FALSE;
  for (guint pos = lo; pos < hi; pos++)
    {
      gunichar c = t->u[pos];
      /* not a comma: 投资5000万元，100所学校 are two things */
      if (!(c == 0x548C || c == 0x4E0E || c == 0x53CA || c == 0x3001 || c == 0x6216 || c == 0x4EE5 || is_space (c)))
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
luoshi_metric_parse (const char *text)
{
  GPtrArray *metrics = g_ptr_array_new_with_free_func ((GDestroyNotify) luoshi_metric_unref);
  g_autofree gunichar *u = NULL;
  g_autofree gunichar *folded = NULL;
  g_autoptr(GArray) pre_found = NULL;
  glong n_chars = 0;
  guint barrier = 0, i = 0;
  Text t;

  g_return_val_if_fail (text != NULL, metrics);

  /* decoded text is valid UTF-8; anything else is repaired rather than
   * read past its end */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      u = g_utf8_to_ucs4_fast (valid, -1, &n_chars);
    }
  else
    u = g_utf8_to_ucs4_fast (text, -1, &n_chars);
  /* words are matched on a simplified copy; text is quoted from @u */
  for (glong k = 0; k < n_chars; k++)
    if (fold_char (u[k]) != u[k])
      {
        folded = g_memdup2 (u, sizeof (gunichar) * (gsize) (n_chars + 1));
        for (glong j = k; j < n_chars; j++)
          folded[j] = fold_char (u[j]);
        break;
      }
  t.u = folded != NULL ? folded : u;
  t.orig = u;
  t.n = (guint) n_chars;
  pre_found = g_array_new (FALSE, FALSE, sizeof (LuoshiQualifier));

  while (i < t.n)
    {
      gunichar c = t.u[i];
      guint next, clause_lo, sentence_lo;
      gboolean found_q, found_dir;
      LuoshiQualifier pre_q;
      LuoshiMetric *m;
      LuoshiMetric *prev_m;
      Figure f;

      if (arabic_digit (c) < 0 && !is_mask (c) && cn_digit (c) < 0 && cn_mult (c) == 0)
        {
          i++;
          continue;
        }
      if (!scan_at (&t, i, &f, &next))
        {
          barrier = MAX (barrier, next);
          i = next;
          continue;
        }

      for (clause_lo = f.start; clause_lo > barrier && !is_clause_punct (t.u[clause_lo - 1])
           && f.start - clause_lo < 30; clause_lo--)
        ;
      for (sentence_lo = f.start; sentence_lo > 0 && !is_sentence_punct (t.u[sentence_lo - 1])
           && f.start - sentence_lo < 200; sentence_lo--)
        ;

      m = luoshi_metric_new ();
      g_free (m->text);
      m->text = ucs4_to_utf8 (u + f.start, f.end - f.start);
      m->start = f.start;
      m->end = f.end;
      m->known = f.known;
      m->value = f.known ? f.value : 0;
      m->value_max = f.known ? (f.range ? f.value_max : f.value) : 0;
      g_free (m->unit);
      m->unit = g_strdup (f.unit);

      pre_q = find_pre_qualifier (&t, clause_lo, f.start, &found_q);
      if (f.range)
        m->qualifier = LUOSHI_QUALIFIER_RANGE;
      else if (f.has_post)
        m->qualifier = f.post;
      else if (f.more)
        m->qualifier = LUOSHI_QUALIFIER_AT_LEAST;
      else
        m->qualifier = pre_q;

      {
        guint s, e;
        int k = find_last_word (&t, sentence_lo, f.start, commitments,
                                G_N_ELEMENTS (commitments), &s, &e);
        m->commitment = k < 0 ? LUOSHI_COMMITMENT_PLAIN : (LuoshiCommitment) commitments[k].v;
      }
      m->direction = find_direction (&t, clause_lo, f.start, &found_dir);
      g_free (m->subject);
      m->subject = subject_from (&t, clause_lo, f.start);

      /* 分别增长8%和10%: the second shares the first one's words */
      prev_m = metrics->len > 0 ? g_ptr_array_index (metrics, metrics->len - 1) : NULL;
      if (prev_m != NULL && is_connector_gap (&t, prev_m->end, f.start))
        {
          if (m->subject[0] == '\0')
            {
              g_free (m->subject);
              m->subject = g_strdup (prev_m->subject);
            }
          if (!found_dir)
            m->direction = prev_m->direction;
          if (!found_q && m->qualifier == LUOSHI_QUALIFIER_EXACT)
            {
              LuoshiQualifier q = g_array_index (pre_found, LuoshiQualifier, metrics->len - 1);
              m->qualifier = q;
              found_q = q != LUOSHI_QUALIFIER_EXACT;
            }
        }
      /* 由240元提高到450元: the second figure is the same thing's */
      if (m->subject[0] == '\0' && prev_m != NULL && clause_lo == prev_m->end)
        {
          g_free (m->subject);
          m->subject = g_strdup (prev_m->subject);
        }
      /* 3所学校, and 建设11个自贸试验区: what a verb before the figure
       * makes or does is counted by the noun after it. */
      if (m->subject[0] == '\0' || ends_with_action (m->subject))
        {
          char *noun = counted_noun (&t, f.end, m->unit);
          if (noun != NULL && (m->subject[0] == '\0' || g_utf8_strlen (noun, -1) >= 2))
            {
              g_free (m->subject);
              m->subject = noun;
            }
          else
            g_free (noun);
        }

      pre_q = found_q ? pre_q : LUOSHI_QUALIFIER_EXACT;
      g_array_append_val (pre_found, pre_q);
      g_ptr_array_add (metrics, m);
      barrier = MAX (barrier, f.end);
      i = MAX (next, f.end);
    }

  /* 分别为95、98%: a bare number before a connector takes the unit after it */
  for (guint k = metrics->len; k-- > 1;)
    {
      LuoshiMetric *a = g_ptr_array_index (metrics, k - 1);
      LuoshiMetric *b = g_ptr_array_index (metrics, k);

      if (a->unit[0] == '\0' && b->unit[0] != '\0' && is_connector_gap (&t, a->end, b->start))
        {
          g_free (a->unit);
          a->unit = g_strdup (b->unit);
        }
    }

  return metrics;
}

/* ---------------------------------------------------------------------- */
/* Strings, format, comparison                                             */

static const char *qualifier_strings[] = { "exact", "at_least", "at_most", "about", "range" };

const char *
luoshi_qualifier_to_string (LuoshiQualifier qualifier)
{
  g_return_val_if_fail (qualifier < G_N_ELEMENTS (qualifier_strings), "exact");
  return qualifier_strings[qualifier];
}

gboolean
luoshi_qualifier_from_string (const char      *str,
                              LuoshiQualifier *qualifier)
{
  g_return_val_if_fail (qualifier != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (qualifier_strings); k++)
    if (strcmp (str, qualifier_strings[k]) == 0)
      {
        *qualifier = (LuoshiQualifier) k;
        return TRUE;
      }
  /* the commitment forms stand for an exact figure */
  if (strcmp (str, "stretch") == 0 || strcmp (str, "guaranteed") == 0)
    {
      *qualifier = LUOSHI_QUALIFIER_EXACT;
      return TRUE;
    }
  return FALSE;
}

const char *
luoshi_metric_qualifier_string (const LuoshiMetric *self)
{
  g_return_val_if_fail (self != NULL, "exact");

  if (self->qualifier == LUOSHI_QUALIFIER_EXACT)
    {
      if (self->commitment == LUOSHI_COMMITMENT_STRETCH)
        return "stretch";
      if (self->commitment == LUOSHI_COMMITMENT_GUARANTEED)
        return "guaranteed";
    }
  return luoshi_qualifier_to_string (self->qualifier);
}

static void
append_number (GString *s,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.10g", v));
}

char *
luoshi_metric_format (const LuoshiMetric *self)
{
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);

  s = g_string_new (NULL);
  switch (self->qualifier)
    {
    case LUOSHI_QUALIFIER_AT_LEAST: g_string_append (s, "≥ "); break;
    case LUOSHI_QUALIFIER_AT_MOST: g_string_append (s, "≤ "); break;
    case LUOSHI_QUALIFIER_ABOUT: g_string_append (s, "≈ "); break;
    case LUOSHI_QUALIFIER_EXACT:
    case LUOSHI_QUALIFIER_RANGE:
    default:
      break;
    }
  if (!self->known)
    g_string_append_c (s, '?');
  else
    {
      append_number (s, self->value);
      if (self->qualifier == LUOSHI_QUALIFIER_RANGE)
        {
          g_string_append (s, "–");
          append_number (s, self->value_max);
        }
    }
  if (self->unit != NULL && self->unit[0] != '\0')
    {
      if (strcmp (self->unit, "%") != 0 && strcmp (self->unit, "‰") != 0)
        g_string_append_c (s, ' ');
      g_string_append (s, self->unit);
    }
  return g_string_free (s, FALSE);
}

gboolean
luoshi_metric_is_rate (const LuoshiMetric *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_strcmp0 (self->unit, "%") == 0 || g_strcmp0 (self->unit, "‰") == 0
      || g_strcmp0 (self->unit, "个百分点") == 0 || g_strcmp0 (self->unit, "百分点") == 0;
}

/* Units that are other units scaled; checked before scale prefixes so
 * that 千米 and 百分点 are not read as 千 + 米 or 百 + 分点. */
static const struct { const char *unit; const char *base; double factor; } unit_aliases[] = {
  { "个百分点", "个百分点", 1 }, { "百分点", "个百分点", 1 },
  { "‰", "%", 0.1 }, { "千米", "米", 1000 }, { "公里", "米", 1000 },
  { "千克", "克", 1000 }, { "公斤", "克", 1000 }, { "吨", "克", 1e6 },
  { "平米", "平方米", 1 }, { "平方公里", "平方米", 1e6 }, { "公顷", "平方米", 1e4 },
  { "亩", "平方米", 10000.0 / 15.0 }, { "名", "人", 1 },
};

static const struct { const char *prefix; double factor; } unit_scales[] = {
  { "万亿", 1e12 }, { "千万", 1e7 }, { "百万", 1e6 }, { "万", 1e4 },
  { "亿", 1e8 }, { "千", 1e3 }, { "百", 100 },
};

/* Splits @unit into a base unit and the factor that converts to it. */
static const char *
unit_base (const char *unit,
           double     *factor)
{
  *factor = 1;
  for (guint k = 0; k < G_N_ELEMENTS (unit_aliases); k++)
    if (strcmp (unit, unit_aliases[k].unit) == 0)
      {
        *factor = unit_aliases[k].factor;
        return unit_aliases[k].base;
      }
  for (guint k = 0; k < G_N_ELEMENTS (unit_scales); k++)
    if (g_str_has_prefix (unit, unit_scales[k].prefix))
      {
        const char *rest = unit + strlen (unit_scales[k].prefix);
        double f2;
        const char *base = unit_base (rest, &f2);

        *factor = unit_scales[k].factor * f2;
        return base;
      }
  return unit;
}

gboolean
luoshi_metric_comparable (const LuoshiMetric *self,
                          const LuoshiMetric *other,
                          double             *self_value,
                          double             *other_value)
{
  double fs, fo;
  const char *bs, *bo;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  if (!self->known || !other->known)
    return FALSE;
  bs = unit_base (self->unit ? self->unit : "", &fs);
  bo = unit_base (other->unit ? other->unit : "", &fo);
  if (strcmp (bs, bo) != 0)
    return FALSE;
  if (self_value != NULL)
    *self_value = self->value * fs;
  if (other_value != NULL)
    *other_value = other->value * fo;
  return TRUE;
}
