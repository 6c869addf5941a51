/* luoshi-decode.c: bytes of a report file to UTF-8 text
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-decode.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <uchardet.h>

G_DEFINE_QUARK (luoshi-decode-error-quark, luoshi_decode_error)

/* The most frequent characters of Chinese prose, in both scripts. A
 * wrong legacy decoding (Big5 read as GB18030, say) still converts
 * without error but yields rare characters, so this tells them apart. */
static const char common_chars[] =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发"
  "年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如"
  "水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然"
  "前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但"
  "质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五"
  "果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组"
  "见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保"
  "治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己"
  "美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离"
  "华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越"
  "织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约"
  "支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院"
  "查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该"
  "铁价严校师职督训"
  "這個國為來們時說會對過發經後動還種學開點現實應當從樣關們問題長與進種區縣";

typedef struct {
  const char *name;      /* name for g_convert */
  const char *label;     /* name we report */
} Candidate;

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

/* Formats we recognise by their first bytes, to say what a file is
 * instead of "invalid text". */
static gboolean
check_known_format (const guint8  *data,
                    gsize          len,
                    const char    *name,
                    GError       **error)
{
  static const struct {
    const char *magic;
    gsize magic_len;
    gboolean document;
    const char *what;
  } formats[] = {
    { "PK\003\004", 4, TRUE, N_("a Word document or another zip archive") },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, TRUE, N_("an old Word or Excel document") },
    { "%PDF", 4, TRUE, N_("a PDF document") },
    { "{\\rtf", 5, TRUE, N_("an RTF document") },
    { "\x89PNG", 4, FALSE, N_("a PNG image") },
    { "\xff\xd8\xff", 3, FALSE, N_("a JPEG image") },
    { "GIF8", 4, FALSE, N_("a GIF image") },
    { "\x1f\x8b", 2, FALSE, N_("a gzip archive") },
    { "Rar!", 4, FALSE, N_("a RAR archive") },
    { "7z\xbc\xaf", 4, FALSE, N_("a 7-Zip archive") },
    { "\x7f" "ELF", 4, FALSE, N_("a program") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (!has_prefix (data, len, formats[i].magic, formats[i].magic_len))
        continue;
      if (formats[i].document)
        g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNSUPPORTED,
                     /* Translators: the first %s is a file name, the second what it is */
                     _("“%s” is %s; Luoshi can only read plain text files (.txt) for now. "
                       "Save it as text and import it again."),
                     name, _(formats[i].what));
      else
        g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_BINARY,
                     _("“%s” is %s, not a text report"), name, _(formats[i].what));
      return FALSE;
    }
  return TRUE;
}

/* UTF-16 without a byte-order mark: nearly every code unit is a CJK
 * character, CJK punctuation or ASCII. Chance byte pairs of GB18030 or
 * UTF-8 text fall outside those ranges far too often to pass. */
static double
utf16_plausibility (const guint8 *data,
                    gsize         len,
                    gboolean      little_endian)
{
  gsize n = MIN (len, 8192) / 2;
  gsize good = 0;

  if (n == 0 || len % 2 != 0)
    return 0.0;

  for (gsize i = 0; i < n; i++)
    {
      guint u = little_endian ? (data[2 * i] | data[2 * i + 1] << 8)
                              : (data[2 * i] << 8 | data[2 * i + 1]);

      if ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3000 && u <= 0x303f) ||
          (u >= 0xff00 && u <= 0xffef) || (u >= 0x20 && u < 0x7f) ||
          u == '\n' || u == '\r' || u == '\t' || (u >= 0x2010 && u <= 0x2027))
        good++;
    }
  return (double) good / n;
}

static const char *
detect_utf16 (const guint8 *data,
              gsize         len)
{
  gsize zeros_even = 0, zeros_odd = 0;
  gsize n = MIN (len, 8192);
  double le, be;

  if (len < 2 || len % 2 != 0)
    return NULL;

  for (gsize i = 0; i < n; i++)
    if (data[i] == 0)
      {
        if (i % 2 == 0)
          zeros_even++;
        else
          zeros_odd++;
      }

  le = utf16_plausibility (data, len, TRUE);
  be = utf16_plausibility (data, len, FALSE);

  /* Zero bytes on one side only are the classic pattern (ASCII, line
   * breaks); pure CJK text has none, so it must be plausible throughout. */
  if (zeros_odd > 0 && zeros_even == 0 && le >= 0.9)
    return "UTF-16LE";
  if (zeros_even > 0 && zeros_odd == 0 && be >= 0.9)
    return "UTF-16BE";
  if (le >= 0.98 && le > be)
    return "UTF-16LE";
  if (be >= 0.98 && be > le)
    return "UTF-16BE";
  return NULL;
}

static double
common_char_ratio (const char *text,
                   gsize       len)
{
  guint8 bitmap[0x10000 / 8] = { 0 };
  gsize cjk = 0, common = 0;
  const char *end = text + len;

  for (const char *p = common_chars; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      bitmap[c >> 3] |= 1 << (c & 7);
    }

  /* A sample is enough to tell a right decoding from a wrong one. */
  for (const char *p = text; p < end && cjk < 20000; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x2e80)
        continue;
      cjk++;
      if (c < 0x10000 && (bitmap[c >> 3] & (1 << (c & 7))))
        common++;
    }
  return cjk ? (double) common / cjk : 0.0;
}

/* Converts with g_convert; on failure reports the byte offset. */
static char *
convert (const guint8  *data,
         gsize          len,
         const char    *from,
         gsize         *out_len,
         gsize         *bad_offset)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0;
  char *out;

  out = g_convert ((const char *) data, len, "UTF-8", from, &bytes_read, out_len, &local_error);
  if (out == NULL)
    *bad_offset = bytes_read;
  return out;
}

static const char *
uchardet_guess (const guint8 *data,
                gsize         len)
{
  static const struct { const char *uchardet; const char *iconv; } names[] = {
    { "GB18030", "GB18030" }, { "GBK", "GB18030" }, { "GB2312", "GB18030" },
    { "HZ-GB-2312", "GB18030" }, { "BIG5", "BIG5" }, { "BIG5-HKSCS", "BIG5-HKSCS" },
    { "EUC-TW", "EUC-TW" },
  };
  uchardet_t ud = uchardet_new ();
  const char *found = NULL;
  const char *guess;

  if (uchardet_handle_data (ud, (const char *) data, len) == 0)
    {
      uchardet_data_end (ud);
      guess = uchardet_get_charset (ud);
      for (guint i = 0; guess && i < G_N_ELEMENTS (names); i++)
        if (g_ascii_strcasecmp (guess, names[i].uchardet) == 0)
          found = names[i].iconv;
    }
  uchardet_delete (ud);
  return found;
}

static char *
decode_legacy (const guint8  *data,
               gsize          len,
               const char    *name,
               char         **encoding,
               gsize         *out_len,
               GError       **error)
{
  const char *guess = uchardet_guess (data, len);
  const char *candidates[] = { guess, "GB18030", "BIG5-HKSCS" };
  char *best = NULL;
  gsize best_len = 0;
  const char *best_name = NULL;
  double best_score = -1.0;
  gsize first_bad = 0;
  gboolean tried_gb = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *cand = candidates[i];
      gsize bad = 0, n = 0;
      char *text;
      double score;

      if (cand == NULL || (i > 0 && guess && g_str_equal (cand, guess)))
        continue;
      text = convert (data, len, cand, &n, &bad);
      if (g_str_equal (cand, "GB18030"))
        {
          tried_gb = TRUE;
          if (text == NULL)
            first_bad = bad;
        }
      if (text == NULL)
        continue;
      score = common_char_ratio (text, n);
      /* uchardet's own answer wins unless another reads clearly better. */
      if (i == 0)
        score += 0.05;
      if (score > best_score)
        {
          g_free (best);
          best = text;
          best_len = n;
          best_name = cand;
          best_score = score;
        }
      else
        g_free (text);
    }

  if (best == NULL)
    {
      g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_INVALID,
                   _("“%s” is neither UTF-8, GB18030 nor Big5 text (bad byte at offset %zu)"),
                   name, tried_gb ? first_bad : (gsize) 0);
      return NULL;
    }

  *encoding = g_strdup (g_str_equal (best_name, "BIG5-HKSCS") ? "BIG5" : best_name);
  *out_len = best_len;
  return best;
}

static gboolean
check_nul (const char  *text,
           gsize        len,
           const char  *name,
           GError     **error)
{
  const char *nul = memchr (text, '\0', len);

  if (nul == NULL)
    return TRUE;
  g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_BINARY,
               _("“%s” is not a text file (it contains a zero byte at offset %zu)"),
               name, (gsize) (nul - text));
  return FALSE;
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  const char *end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && c != 0xfeff && c != 0x200b)
        return FALSE;
    }
  return TRUE;
}

static char *
decode_utf16 (const guint8  *data,
              gsize          len,
              const char    *from,
              const char    *name,
              gsize         *out_len,
              GError       **error)
{
  gsize bad = 0;
  char *text = convert (data, len, from, out_len, &bad);

  if (text == NULL)
    g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_INVALID,
                 _("“%s” looks like %s text but has an invalid sequence at byte offset %zu"),
                 name, from, bad);
  return text;
}

char *
luoshi_decode_bytes (const guint8  *data,
                     gsize          len,
                     const char    *name,
                     char         **encoding,
                     gsize         *out_len,
                     GError       **error)
{
  g_autofree char *found = NULL;
  const char *utf16;
  char *text = NULL;
  gsize n = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (len == 0)
    {
      g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_EMPTY,
                   _("“%s” is empty"), name);
      return NULL;
    }

  if (has_prefix (data, len, "\xef\xbb\xbf", 3))
    {
      data += 3, len -= 3;
      found = g_strdup ("UTF-8");
      if (!g_utf8_validate_len ((const char *) data, len, NULL))
        {
          const char *bad_at = NULL;
          g_utf8_validate_len ((const char *) data, len, &bad_at);
          g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_INVALID,
                       _("“%s” starts as UTF-8 but has an invalid byte at offset %zu"),
                       name, (gsize) (bad_at - (const char *) data) + 3);
          return NULL;
        }
      text = g_strndup ((const char *) data, len);
      n = len;
    }
  else if (has_prefix (data, len, "\xff\xfe", 2) || has_prefix (data, len, "\xfe\xff", 2))
    {
      found = g_strdup (data[0] == 0xff ? "UTF-16LE" : "UTF-16BE");
      text = decode_utf16 (data + 2, len - 2, found, name, &n, error);
    }
  else if (!check_known_format (data, len, name, error))
    return NULL;
  else if ((utf16 = detect_utf16 (data, len)) != NULL)
    {
      found = g_strdup (utf16);
      text = decode_utf16 (data, len, found, name, &n, error);
    }
  else if (memchr (data, '\0', len) != NULL)
    {
      check_nul ((const char *) data, len, name, error);
      return NULL;
    }
  else if (g_utf8_validate_len ((const char *) data, len, NULL))
    {
      found = g_strdup ("UTF-8");
      text = g_strndup ((const char *) data, len);
      n = len;
    }
  else
    text = decode_legacy (data, len, name, &found, &n, error);

  if (text == NULL)
    return NULL;

  if (!check_nul (text, n, name, error))
    {
      g_free (text);
      return NULL;
    }

  if (is_blank (text, n))
    {
      g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_EMPTY,
                   _("“%s” has no text, only blank lines"), name);
      g_free (text);
      return NULL;
    }

  if (encoding)
    *encoding = g_steal_pointer (&found);
  if (out_len)
    *out_len = n;
  return text;
}

static const char *
error_reason (const GError *error)
{
  return error ? error->message : "";
}

char *
luoshi_decode_file (GFile         *file,
                    gsize          max_size,
                    char         **encoding,
                    gsize         *out_len,
                    GBytes       **bytes_out,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  char *text;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (max_size == 0)
    max_size = LUOSHI_DECODE_MAX_SIZE;

  name = g_file_get_basename (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE,
                   _("Could not read “%s”: %s"), name, error_reason (local_error));
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE,
                   _("“%s” is a folder, not a file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > max_size)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_size);

      g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_TOO_LARGE,
                   _("“%s” is too large (%s; the limit is %s)"), name, size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, LUOSHI_DECODE_ERROR, LUOSHI_DECODE_ERROR_UNREADABLE,
                     _("Could not read “%s”: %s"), name, error_reason (local_error));
      return NULL;
    }

  text = luoshi_decode_bytes ((const guint8 *) contents, len, name, encoding, out_len, error);
  if (text != NULL && bytes_out != NULL)
    *bytes_out = g_bytes_new_take (g_steal_pointer (&contents), len);
  return text;
}
